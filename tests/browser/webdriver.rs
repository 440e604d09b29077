//! A small WebDriver client on `std::net` for `tests/browser.rs`: chromedriver started on a free port,
//! a headless Chromium session with the network off, and the few commands the tests use (open a page,
//! run a script, pointer and keys, console, screenshot).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// True on a CI runner (`CI` set to anything but `false` or `0`).
fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The first of `names` found on `PATH`.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// A running chromedriver, stopped when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request to chromedriver; the JSON answer's `value`, or the error it names.
fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(|e| e.to_string())?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream
        .write_all([head.as_bytes(), body.as_bytes()].concat().as_slice())
        .map_err(|e| e.to_string())?;
    let payload = read_answer(&mut stream)?;
    let answer: Value = serde_json::from_str(&payload).map_err(|e| format!("{e}: {payload}"))?;
    let value = answer["value"].clone();
    match value.get("error") {
        Some(error) => Err(format!("{error}: {}", value["message"])),
        None => Ok(value),
    }
}

/// The body of an HTTP answer: chromedriver keeps the connection open, so the body is read by its
/// `Content-Length` (or its chunks), not to the end of the stream.
fn read_answer(stream: &mut TcpStream) -> Result<String, String> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let (head_end, length, chunked) = loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the connection closed before the answer".into());
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..i]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            break (i + 4, length, head.contains("transfer-encoding: chunked"));
        }
    };
    let complete = |raw: &[u8]| match length {
        Some(length) => raw.len() >= head_end + length,
        None if chunked => raw.ends_with(b"0\r\n\r\n"),
        None => false,
    };
    while !complete(&raw) {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let body = String::from_utf8_lossy(&raw[head_end..]).into_owned();
    Ok(if chunked { unchunk(&body) } else { body })
}

/// The body of a chunked HTTP answer.
fn unchunk(mut text: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = text.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        text = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// A browser session.
pub struct Session {
    port: u16,
    id: String,
}

impl Session {
    pub fn start(driver: &Driver, chromium: &Path, profile: &Path) -> Session {
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1600,1000",
            // The network off: every request would go to a proxy that is not there.
            "--proxy-server=http://127.0.0.1:9",
            "--proxy-bypass-list=<-loopback>",
        ];
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {"binary": chromium, "args": args},
        }}});
        let value = request(driver.port, "POST", "/session", Some(&capabilities))
            .unwrap_or_else(|e| panic!("chromedriver did not start a session: {e}"));
        Session {
            port: driver.port,
            id: value["sessionId"].as_str().unwrap().to_string(),
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        request(self.port, method, &path, body.as_ref())
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// Opens `page` (a file) with `fragment`, and waits until the timeline is drawn.
    pub fn open(&self, page: &Path, fragment: &str) {
        let url = format!("file://{}{fragment}", page.display());
        // Through a blank page: a URL that differs only in its fragment would not load the page again.
        self.call("POST", "/url", Some(json!({ "url": "about:blank" })));
        self.call("POST", "/url", Some(json!({ "url": url })));
        let start = Instant::now();
        while self.js("return document.body.getAttribute('data-ready')") != json!("true") {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the timeline of {url} was not drawn within a minute"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn js(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// The first value of `script` that is not null, polled for up to ten seconds.
    pub fn wait(&self, script: &str) -> Option<Value> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            let value = self.js(script);
            if !value.is_null() {
                return Some(value);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    pub fn js_async(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// The browser console's messages since the last call.
    pub fn console(&self) -> Vec<Value> {
        let value = self.call("POST", "/se/log", Some(json!({"type": "browser"})));
        value.as_array().cloned().unwrap_or_default()
    }

    pub fn hover(&self, x: f64, y: f64) {
        let actions = json!({"actions": [{"type": "pointer", "id": "mouse",
            "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "x": x as i64, "y": y as i64,
                         "origin": "viewport"}]}]});
        self.call("POST", "/actions", Some(actions));
    }

    pub fn click(&self, x: f64, y: f64) {
        let actions = json!({"actions": [{"type": "pointer", "id": "mouse",
            "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "x": x as i64, "y": y as i64,
                         "origin": "viewport"},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]});
        self.call("POST", "/actions", Some(actions));
        // A second click soon after would be a double click: let the first one settle.
        std::thread::sleep(Duration::from_millis(600));
    }

    /// Types `text` into whatever has the focus (the page itself when nothing does).
    pub fn keys(&self, text: &str) {
        let keys: Vec<Value> = text
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": keys}]});
        self.call("POST", "/actions", Some(actions));
    }

    pub fn screenshot(&self, path: &Path) {
        let data = self.call("GET", "/screenshot", None);
        std::fs::write(path, base64(data.as_str().unwrap())).unwrap();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = request(self.port, "DELETE", &format!("/session/{}", self.id), None);
    }
}

/// Decodes standard base64 (the screenshots WebDriver sends).
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/')
        .map(value)
        .collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// Starts chromedriver on a free port, or says why it cannot.
pub fn start_driver() -> Option<(Driver, PathBuf)> {
    let (Some(chromedriver), Some(chromium)) = (
        on_path(&["chromedriver"]),
        on_path(&["chromium", "chromium-browser", "google-chrome"]),
    ) else {
        let message =
            "chromium and chromedriver are not installed, so the page was not tested in a \
                       browser: apt-get install chromium chromium-driver (.ci/run does it)";
        assert!(!on_ci(), "CI is set but {message}");
        eprintln!("note: skipped: {message} (under CI=true this fails)");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let driver = Driver { child, port };
    let start = Instant::now();
    while request(port, "GET", "/status", None).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "chromedriver did not answer"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Some((driver, chromium))
}
