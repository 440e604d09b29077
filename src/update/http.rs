//! Downloading one source over HTTP(S) for `orbitline update`, carefully: a `User-Agent` naming orbitline,
//! a deadline for the whole request, a bounded number of attempts, a size limit on every body, and
//! conditional requests (`If-None-Match`, `If-Modified-Since`) so that an unchanged source is not sent
//! again.
//!
//! The client is `ureq` with `rustls`: pure Rust TLS with its own root certificates, so orbitline needs no
//! system library (OpenSSL) and no system certificate store. Every failure is a [`Problem`] that names the
//! URL and says what to do; nothing here writes a file.

use std::io::Read;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::catalog::Problem;

/// How a download behaves.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// The deadline for each attempt, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// How many times a request is made at most when the server cannot be reached or answers 5xx.
    pub attempts: u32,
    /// The pause before the second attempt; it doubles before each later one.
    pub backoff: Duration,
    /// The largest body accepted.
    pub max_bytes: u64,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl HttpOptions {
    /// The defaults for `timeout`: three attempts, a second's pause, 64 MiB, orbitline's user agent.
    pub fn new(timeout: Duration) -> HttpOptions {
        HttpOptions {
            timeout,
            attempts: 3,
            backoff: Duration::from_millis(500),
            max_bytes: crate::import::MAX_INPUT_BYTES,
            user_agent: user_agent(),
        }
    }
}

/// `orbitline/VERSION`, and `(+URL)` with the package's `repository` where Cargo.toml gives one.
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("orbitline/{version}"),
        url => format!("orbitline/{version} (+{url})"),
    }
}

/// What a server said about a body, to ask next time whether it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// The `ETag` header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// The answer to a request.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// 304: the body is the one already held.
    NotModified,
    /// A new body.
    Body {
        /// The text.
        text: String,
        /// What to send next time.
        validators: Validators,
    },
}

/// Gets `url`, conditionally when `known` is given. `progress` is told (bytes so far, bytes expected) as
/// the body arrives.
pub fn fetch(
    url: &str,
    known: Option<&Validators>,
    options: &HttpOptions,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Fetched, Problem> {
    let agent = ureq::AgentBuilder::new()
        .timeout(options.timeout)
        .user_agent(&options.user_agent)
        .build();
    let mut attempt = 1;
    loop {
        let mut request = agent.get(url);
        if let Some(known) = known {
            if let Some(etag) = &known.etag {
                request = request.set("If-None-Match", etag);
            }
            if let Some(date) = &known.last_modified {
                request = request.set("If-Modified-Since", date);
            }
        }
        let failure = match request.call() {
            Ok(response) if response.status() == 304 => return Ok(Fetched::NotModified),
            Ok(response) => return read_body(url, response, options, progress),
            Err(ureq::Error::Status(429, _)) => {
                return Err(Problem::in_file(
                    url,
                    "the server answered 429 Too Many Requests: its rate limit for this address is used up",
                )
                .hint("wait before updating again (Launch Library 2 allows 15 requests an hour without a key); the catalog was not changed"))
            }
            Err(ureq::Error::Status(code, response)) if code < 500 => {
                return Err(Problem::in_file(
                    url,
                    format!("the server answered {code} {}", response.status_text()),
                )
                .hint("check the URL; the catalog was not changed"))
            }
            Err(ureq::Error::Status(code, response)) => {
                format!("the server answered {code} {}", response.status_text())
            }
            Err(ureq::Error::Transport(transport)) => transport_message(&transport, options),
        };
        if attempt >= options.attempts {
            return Err(Problem::in_file(
                url,
                format!(
                    "{failure} ({attempt} attempt{})",
                    if attempt == 1 { "" } else { "s" }
                ),
            )
            .hint("check the network connection and the URL, or try again later; the catalog was not changed"));
        }
        std::thread::sleep(options.backoff * 2u32.pow(attempt - 1));
        attempt += 1;
    }
}

fn transport_message(transport: &ureq::Transport, options: &HttpOptions) -> String {
    use ureq::ErrorKind;
    let detail = transport
        .message()
        .map(str::to_string)
        .or_else(|| std::error::Error::source(transport).map(|s| s.to_string()))
        .unwrap_or_else(|| transport.to_string());
    match transport.kind() {
        ErrorKind::Dns => format!("cannot find the server's address: {detail}"),
        ErrorKind::ConnectionFailed => format!("cannot connect to the server: {detail}"),
        ErrorKind::Io if is_timeout(transport) => format!(
            "no complete answer within {} s",
            options.timeout.as_secs_f64()
        ),
        _ => format!("the request failed: {detail}"),
    }
}

fn is_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(error);
    while let Some(e) = source {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) {
                return true;
            }
        }
        source = e.source();
    }
    false
}

/// Reads a body to its end, within the size limit, as UTF-8.
fn read_body(
    url: &str,
    response: ureq::Response,
    options: &HttpOptions,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Fetched, Problem> {
    let validators = Validators {
        etag: response.header("ETag").map(str::to_string),
        last_modified: response.header("Last-Modified").map(str::to_string),
    };
    let expected = response
        .header("Content-Length")
        .and_then(|n| n.trim().parse::<u64>().ok());
    if expected.is_some_and(|n| n > options.max_bytes) {
        return Err(too_large(url, options));
    }
    let mut reader = response.into_reader().take(options.max_bytes + 1);
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 64 * 1024];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                progress(bytes.len() as u64, expected);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                let what = if is_timeout(&e) {
                    format!(
                        "no complete answer within {} s",
                        options.timeout.as_secs_f64()
                    )
                } else {
                    format!("the download broke off: {e}")
                };
                let of = expected.map_or(String::new(), |n| format!(" of {n}"));
                return Err(Problem::in_file(
                    url,
                    format!("{what} ({} bytes{of} arrived)", bytes.len()),
                )
                .hint("try again later; the catalog was not changed"));
            }
        }
    }
    if bytes.len() as u64 > options.max_bytes {
        return Err(too_large(url, options));
    }
    if let Some(n) = expected.filter(|n| *n != bytes.len() as u64) {
        return Err(Problem::in_file(
            url,
            format!(
                "the body was cut short: {} bytes of {n} arrived",
                bytes.len()
            ),
        )
        .hint("try again later; the catalog was not changed"));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Problem::in_file(
            url,
            format!(
                "the answer is not UTF-8 text (byte {} is not)",
                e.utf8_error().valid_up_to()
            ),
        )
        .hint("the URL should serve McDowell's table as text (the .tsv file or the web page)")
    })?;
    Ok(Fetched::Body { text, validators })
}

fn too_large(url: &str, options: &HttpOptions) -> Problem {
    Problem::in_file(
        url,
        format!(
            "the answer is larger than {} MiB, more than any real table",
            options.max_bytes / (1024 * 1024)
        ),
    )
    .hint("check the URL: it should serve McDowell's table; the catalog was not changed")
}
