//! `orbitline update` against a real HTTP server on 127.0.0.1, started by each test (std only): McDowell's
//! snapshot of 2026 Jul 3 (`missions/sources/mcdowell/`) and variants of it made here, each labelled. Every
//! failure must exit 2 with a message that says what happened, and leave the home folder byte for byte as
//! it was; a success must switch to the new catalog, which every command then reads.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers for a path.
#[derive(Clone)]
enum Reply {
    /// 200 with the text, an ETag and a Content-Length; 304 when the request names the same ETag.
    Table(String),
    /// This status with a short body.
    Status(u16),
    /// A Content-Length for the whole text, then half of it, then the connection closes.
    CutShort(String),
    /// Half the text with no Content-Length: the body looks complete.
    FirstHalf(String),
    /// The headers and a little of the text, then nothing for 30 seconds.
    Slow(String),
}

/// A server on 127.0.0.1 answering each path as told, and keeping each request's head.
struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(routes: &[(&str, Reply)]) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<HashMap<String, Reply>> = Arc::new(
            routes
                .iter()
                .map(|(path, reply)| (format!("/{path}"), reply.clone()))
                .collect(),
        );
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (routes, seen) = (Arc::clone(&routes), Arc::clone(&seen));
                std::thread::spawn(move || answer(stream, &routes, &seen));
            }
        });
        Server { port, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }

    /// The `--missions-url` and `--astro-url` arguments for `missions` and `astro`.
    fn tables(&self) -> Vec<String> {
        vec![
            "--missions-url".into(),
            self.url("missions"),
            "--astro-url".into(),
            self.url("astro"),
        ]
    }
}

fn etag(text: &str) -> String {
    // FNV-1a: the variants have the same length as the snapshot, so the length alone would not do.
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("\"{hash:016x}\"")
}

fn answer(stream: TcpStream, routes: &HashMap<String, Reply>, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    seen.lock().unwrap().push(head.clone());
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut out = stream;
    let send = |out: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let _ = write!(
            out,
            "HTTP/1.1 {status}\r\nConnection: close\r\n{headers}\r\n"
        );
        let _ = out.write_all(body);
        let _ = out.flush();
    };
    match routes.get(&path) {
        None => send(&mut out, "404 Not Found", "", b"not found"),
        Some(Reply::Table(text)) => {
            let tag = etag(text);
            if head
                .to_ascii_lowercase()
                .contains(&format!("if-none-match: {}", tag.to_ascii_lowercase()))
            {
                send(
                    &mut out,
                    "304 Not Modified",
                    &format!("ETag: {tag}\r\n"),
                    b"",
                );
            } else {
                let headers = format!("ETag: {tag}\r\nContent-Length: {}\r\n", text.len());
                send(&mut out, "200 OK", &headers, text.as_bytes());
            }
        }
        Some(Reply::Status(code)) => {
            let body = format!("<html><body><h1>Error {code}</h1></body></html>");
            let headers = format!(
                "Content-Type: text/html\r\nContent-Length: {}\r\n",
                body.len()
            );
            send(&mut out, &format!("{code} Oops"), &headers, body.as_bytes());
        }
        Some(Reply::CutShort(text)) => {
            let headers = format!("Content-Length: {}\r\n", text.len());
            send(
                &mut out,
                "200 OK",
                &headers,
                &text.as_bytes()[..text.len() / 2],
            );
        }
        Some(Reply::FirstHalf(text)) => {
            let half = &text[..text[..text.len() / 2].rfind('\n').unwrap() + 1];
            send(&mut out, "200 OK", "", half.as_bytes());
        }
        Some(Reply::Slow(text)) => {
            let headers = format!("Content-Length: {}\r\n", text.len());
            send(&mut out, "200 OK", &headers, &text.as_bytes()[..1000]);
            std::thread::sleep(Duration::from_secs(30));
        }
    }
}

fn snapshot(name: &str) -> String {
    std::fs::read_to_string(common::mcdowell(name)).unwrap()
}

/// Replaces `old` (which must occur `times` times) with `new`, of the same length: the web page's columns
/// stay where they are.
fn edit(text: &str, old: &str, new: &str, times: usize) -> String {
    assert_eq!(text.matches(old).count(), times, "{old}");
    assert_eq!(old.chars().count(), new.chars().count(), "{old} → {new}");
    text.replace(old, new)
}

/// TEST VARIANT, not McDowell's data: the 2026 Jul 3 snapshot as if Shenzhou-23 had landed on 2026 Nov 20
/// at 06:00 UTC (a made-up time) and the tables were updated on Nov 28. The ship's row gets the landing
/// and its duration; its three people get their final totals (Zhu Yangzhu's earlier Shenzhou-16 stay,
/// 153:22:40:19, plus 179:14:52:00).
fn landed() -> (String, String) {
    let updated = (
        "# Updated 2026 Jul  3 0703:57",
        "# Updated 2026 Nov 28 0703:57",
    );
    let missions = edit(
        &snapshot("missions.html"),
        "2026 May 24 1508     -                       39*              3",
        "2026 May 24 1508     2026 Nov 20 0600       179:14:52         3",
        1,
    );
    let astro = edit(&snapshot("astro.html"), "193:14:36:16*", "333:13:32:19 ", 1);
    let astro = edit(&astro, " 39:15:55:57*", "179:14:52:00 ", 2);
    (
        edit(&missions, updated.0, updated.1, 1),
        edit(&astro, updated.0, updated.1, 1),
    )
}

/// Every file under `dir`, hidden ones included, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                all.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    all
}

/// `orbitline ARGS` with `home` as ORBITLINE_HOME.
fn run(home: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = common::orbitline();
    cmd.env("ORBITLINE_HOME", home).args(args);
    cmd.output().unwrap()
}

fn update(home: &Path, server: &Server, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["update", "--only", "mcdowell", "--now", "2026-12-01T10:00Z"];
    let tables = server.tables();
    args.extend(tables.iter().map(String::as_str));
    args.extend(extra);
    run(home, &args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A home holding a catalog updated from the 2026 Jul 3 snapshot.
fn home_with_catalog() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let server = Server::start(&[
        ("missions", Reply::Table(snapshot("missions.html"))),
        ("astro", Reply::Table(snapshot("astro.html"))),
    ]);
    let output = update(home.path(), &server, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    home
}

/// Runs an update against `missions` and `astro` on a home that holds a catalog: it must exit 2 saying
/// `message`, and leave the home as it was.
fn refused(missions: Reply, astro: Reply, extra: &[&str], message: &str) -> String {
    let home = home_with_catalog();
    let before = files(home.path());
    let server = Server::start(&[("missions", missions), ("astro", astro)]);
    let output = update(home.path(), &server, extra);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(message), "{stderr}");
    assert!(stderr.contains("the catalog was not changed"), "{stderr}");
    assert!(before == files(home.path()), "the home folder changed");
    stderr
}

#[test]
fn a_newer_snapshot_where_a_flight_landed_becomes_the_catalog_every_command_reads() {
    let home = tempfile::tempdir().unwrap();
    let (missions, astro) = landed();
    let server = Server::start(&[
        ("missions", Reply::Table(missions)),
        ("astro", Reply::Table(astro)),
    ]);
    let output = update(home.path(), &server, &[]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("Now answering: updated 2026-12-01 from McDowell's tables of 2026-11-28"),
        "{stdout}"
    );
    assert!(stdout.contains("1 flight landed:\n  Shenzhou-23 (shenzhou-23): launched 2026-05-24T23:08+08:00, landed 2026-11-20T06:00Z after 179 d 14 h 52 min"), "{stdout}");
    assert!(
        stdout.contains("flight shenzhou-23: in orbit in the curated layer (checked 2026-07-03)"),
        "{stdout}"
    );
    let requests = server.requests.lock().unwrap().join("");
    assert!(
        requests.contains("user-agent: orbitline/0.1.0")
            || requests.contains("User-Agent: orbitline/0.1.0"),
        "{requests}"
    );

    let duration = text(&run(home.path(), &["duration", "shenzhou-23"]).stdout);
    assert!(
        duration.contains("2026-05-24 15:08 UTC → 2026-11-20 06:00 UTC: 179 d 14 h 52 min"),
        "{duration}"
    );
    // The curated layer is kept: Shenzhou-22's launch still goes back to the debris strike on Shenzhou-20.
    let why = text(&run(home.path(), &["why", "shenzhou-22/launch"]).stdout);
    assert!(why.contains("shenzhou-20/debris-strike"), "{why}");
    let validate = text(&run(home.path(), &["validate"]).stdout);
    assert!(
        validate.contains(
            "ok: updated 2026-12-01 from McDowell's tables of 2026-11-28 catalog is valid"
        ),
        "{validate}"
    );
    // --data still names another catalog.
    let bundled = run(
        home.path(),
        &["--data", "missions", "duration", "shenzhou-23"],
    );
    assert!(text(&bundled.stdout).contains("in orbit"));
}

#[test]
fn the_difference_is_json_too() {
    let home = home_with_catalog();
    let (missions, astro) = landed();
    let server = Server::start(&[
        ("missions", Reply::Table(missions)),
        ("astro", Reply::Table(astro)),
    ]);
    let output = update(home.path(), &server, &["--json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    valid("update", &report);
    assert_eq!(report["schema_version"], 1);
    let landed = &report["changes"]["flights_landed"];
    assert_eq!(landed.as_array().unwrap().len(), 1, "{report}");
    assert_eq!(landed[0]["id"], "shenzhou-23");
    // Launch and landing are published to the minute: the figure is their difference, the middle of
    // a two-minute range.
    let elapsed = &landed[0]["elapsed"];
    let published = 179 * 86_400 + 14 * 3_600 + 52 * 60;
    assert_eq!(elapsed["precision"], "minute", "{elapsed}");
    assert_eq!(elapsed["seconds"], published, "{elapsed}");
    assert_eq!(elapsed["min_seconds"], published - 60, "{elapsed}");
    assert_eq!(elapsed["max_seconds"], published + 60, "{elapsed}");
    assert_eq!(
        landed[0]["launch"]["as_published"],
        "2026-05-24T23:08+08:00"
    );
    assert_eq!(landed[0]["landing"]["utc"], "2026-11-20T06:00:00Z");
    assert_eq!(report["changes"]["flights_added"], serde_json::json!([]));
    assert_eq!(
        report["catalog"],
        "updated 2026-12-01 from McDowell's tables of 2026-11-28"
    );

    let rollback = run(home.path(), &["update", "--rollback", "--json"]);
    assert!(rollback.status.success(), "{}", text(&rollback.stderr));
    let rollback: serde_json::Value = serde_json::from_slice(&rollback.stdout).unwrap();
    valid("rollback", &rollback);
    assert_eq!(rollback["schema_version"], 1);
}

/// Validates `output` against `docs/schema/NAME.json`, as tests/json_schema.rs does for every other output.
fn valid(name: &str, output: &serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/schema/{name}.json"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(output)
        .take(5)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}\n{output}");
}

#[test]
fn rollback_returns_to_the_catalog_the_update_replaced_and_back() {
    let home = home_with_catalog();
    let validate = |home: &Path| text(&run(home, &["validate"]).stdout);
    assert!(validate(home.path())
        .starts_with("ok: updated 2026-12-01 from McDowell's tables of 2026-07-03"));
    let output = run(home.path(), &["update", "--rollback"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("the catalog is bundled again"));
    assert!(
        validate(home.path()).starts_with("ok: bundled catalog is valid"),
        "{}",
        validate(home.path())
    );
    assert!(run(home.path(), &["update", "--rollback"]).status.success());
    assert!(validate(home.path()).starts_with("ok: updated 2026-12-01"));

    let empty = tempfile::tempdir().unwrap();
    let output = run(empty.path(), &["update", "--rollback"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("there is no previous catalog to return to"));
}

#[test]
fn an_unchanged_source_is_asked_about_and_not_downloaded_again() {
    let home = tempfile::tempdir().unwrap();
    let server = Server::start(&[
        ("missions", Reply::Table(snapshot("missions.html"))),
        ("astro", Reply::Table(snapshot("astro.html"))),
    ]);
    assert!(update(home.path(), &server, &[]).status.success());
    let before = files(home.path());
    let output = update(home.path(), &server, &[]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("missions: not changed since the last update"),
        "{stdout}"
    );
    assert!(stdout.contains("Nothing changed"), "{stdout}");
    let requests = server.requests.lock().unwrap();
    assert_eq!(requests.len(), 4);
    assert!(requests[2..]
        .iter()
        .all(|r| r.to_ascii_lowercase().contains("if-none-match: \"")));
    assert!(before == files(home.path()));
}

#[test]
fn not_found_is_refused() {
    refused(
        Reply::Status(404),
        Reply::Table(snapshot("astro.html")),
        &[],
        "the server answered 404",
    );
}

#[test]
fn a_server_error_is_tried_three_times_then_refused() {
    refused(
        Reply::Table(snapshot("missions.html")),
        Reply::Status(500),
        &[],
        "the server answered 500 Oops (3 attempts)",
    );
}

#[test]
fn a_body_cut_short_is_refused() {
    refused(
        Reply::CutShort(snapshot("missions.html")),
        Reply::Table(snapshot("astro.html")),
        &[],
        "arrived",
    );
}

#[test]
fn a_slow_body_past_the_timeout_is_refused() {
    refused(
        Reply::Table(snapshot("missions.html")),
        Reply::Slow(snapshot("astro.html")),
        &["--timeout", "1"],
        "no complete answer within 1 s",
    );
}

#[test]
fn an_html_error_page_instead_of_a_table_is_refused() {
    refused(
        Reply::Table("<html><body><h1>We'll be back soon</h1></body></html>\n".into()),
        Reply::Table(snapshot("astro.html")),
        &[],
        "no header line naming the columns HSFID",
    );
}

#[test]
fn half_a_table_that_looks_complete_disagrees_with_the_other_and_is_refused() {
    refused(
        Reply::FirstHalf(snapshot("missions.html")),
        Reply::Table(snapshot("astro.html")),
        &[],
        "which has no row in the missions table",
    );
}

#[test]
fn a_persons_flight_missing_from_the_missions_table_is_refused() {
    // TEST VARIANT: Shenzhou-23's row taken out of the missions table.
    let missions: String = snapshot("missions.html")
        .lines()
        .filter(|l| !l.contains(" SZ23 "))
        .map(|l| format!("{l}\n"))
        .collect();
    refused(
        Reply::Table(missions),
        Reply::Table(snapshot("astro.html")),
        &[],
        "Zhu Yangzhu lists launch `SZ23`, which has no row in the missions table",
    );
}

#[test]
fn fewer_people_than_a_flight_launched_is_refused() {
    // TEST VARIANT: Lai Ka-ying's row taken out of the astronaut table.
    let astro: String = snapshot("astro.html")
        .lines()
        .filter(|l| !l.contains("Lai Ka-ying"))
        .map(|l| format!("{l}\n"))
        .collect();
    refused(
        Reply::Table(snapshot("missions.html")),
        Reply::Table(astro),
        &[],
        "Shenzhou 23 (SZ23) flew 3 people, but only 2 of them",
    );
}

/// TEST VARIANT: both tables without the New Shepard and SpaceShipOne flights (20 rows) and the 94 people
/// who flew only those: consistent with each other, and 4.7% of the flights gone.
fn without_suborbital_tourism() -> (String, String) {
    let gone = |tag: &str| tag.starts_with("NS") || tag.starts_with("SS1-");
    let missions = snapshot("missions.html");
    let missions: String = missions
        .lines()
        .filter(|l| !(l.starts_with('H') && l.split_whitespace().nth(1).is_some_and(gone)))
        .map(|l| format!("{l}\n"))
        .collect();
    let astro = snapshot("astro.html");
    let header: Vec<char> = astro
        .lines()
        .find(|l| l.starts_with("No "))
        .unwrap()
        .chars()
        .collect();
    let header: String = header.iter().collect();
    let (from, to) = (
        header.find("Missions").unwrap(),
        header.find("UName").unwrap(),
    );
    let mut dropped = 0;
    let astro: String = astro
        .lines()
        .filter(|l| {
            let chars: Vec<char> = l.chars().collect();
            let cell: String = chars
                .get(from..to.min(chars.len()))
                .unwrap_or_default()
                .iter()
                .collect();
            let tags: Vec<&str> = cell
                .trim()
                .split(',')
                .filter_map(|m| m.split('/').next())
                .filter(|t| !t.is_empty())
                .collect();
            let only_gone =
                l.starts_with("AS-") && !tags.is_empty() && tags.iter().all(|t| gone(t));
            dropped += usize::from(only_gone);
            !only_gone
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(dropped, 94);
    (missions, astro)
}

#[test]
fn tables_that_lost_many_rows_are_refused_unless_forced() {
    let (missions, astro) = without_suborbital_tourism();
    let stderr = refused(
        Reply::Table(missions.clone()),
        Reply::Table(astro.clone()),
        &[],
        "20 fewer (4.7%)",
    );
    assert!(stderr.contains("--force"), "{stderr}");

    let home = home_with_catalog();
    let server = Server::start(&[
        ("missions", Reply::Table(missions)),
        ("astro", Reply::Table(astro)),
    ]);
    let output = update(home.path(), &server, &["--force"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&run(home.path(), &["validate"]).stdout).contains("408 flights"));
}

#[test]
fn no_server_listening_is_refused() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let home = home_with_catalog();
    let before = files(home.path());
    let url = format!("http://127.0.0.1:{port}/missions");
    let output = run(
        home.path(),
        &[
            "update",
            "--only",
            "mcdowell",
            "--missions-url",
            &url,
            "--astro-url",
            &url,
        ],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot connect to the server"), "{stderr}");
    assert!(before == files(home.path()));
}

/// TEST VARIANT of a Launch Library 2 answer: the list envelope of `/launches/upcoming/` (as in
/// `tests/data/ll2/launch-upcoming-detailed.json`) around the real detailed record of Soyuz MS-29
/// (`tests/data/ll2/launch-detail-soyuz-ms-29.json`, not launched when it was saved).
fn upcoming_crewed() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ll2/launch-detail-soyuz-ms-29.json");
    let launch: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::json!({"count": 1, "next": null, "previous": null, "results": [launch]}).to_string()
}

#[test]
fn planned_launches_from_launch_library_2_are_shown_as_planned_and_never_counted() {
    let home = home_with_catalog();
    let server = Server::start(&[("ll2", Reply::Table(upcoming_crewed()))]);
    let url = server.url("ll2");
    let output = run(
        home.path(),
        &[
            "update",
            "--only",
            "ll2",
            "--ll2-url",
            &url,
            "--now",
            "2026-12-01T10:00Z",
        ],
    );
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        server.requests.lock().unwrap().len(),
        1,
        "one request to Launch Library 2"
    );
    assert!(
        stdout.contains("missions: the current catalog's copy"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "1 planned flight added:\n  Soyuz MS-29 (soyuz-ms-29): planned 2026-07-14T14:43Z"
        ),
        "{stdout}"
    );
    // LL2's Pyotr Dubrov is McDowell's Petr Dubrov; Anil Menon has not flown, so McDowell has no row for him.
    assert!(
        stdout.contains("astronaut petr-dubrov: Launch Library 2's Pyotr Dubrov (pyotr-dubrov)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("astronaut anil-menon: not in McDowell's tables"),
        "{stdout}"
    );
    let validate = text(&run(home.path(), &["validate"]).stdout);
    assert!(
        validate.contains("McDowell's tables of 2026-07-03 and Launch Library 2"),
        "{validate}"
    );
    let list = text(&run(home.path(), &["list", "--program", "Soyuz"]).stdout);
    let row = list
        .lines()
        .find(|l| l.starts_with("soyuz-ms-29"))
        .unwrap_or_default();
    assert!(
        row.contains("2026-07-14") && row.contains("planned"),
        "{list}"
    );
    let show = text(&run(home.path(), &["show", "soyuz-ms-29"]).stdout);
    assert!(show.contains("planned 2026-07-14 14:43 UTC"), "{show}");
    let duration = text(&run(home.path(), &["duration", "soyuz-ms-29"]).stdout);
    assert!(
        duration.contains("Not launched: planned for 2026-07-14 14:43 UTC"),
        "{duration}"
    );
    // The charts mark it at its planned launch, labelled planned (a ghost, no bar, no duration).
    let charts = tempfile::tempdir().unwrap();
    for (file, rows) in [
        ("stays.svg", "stay"),
        ("flights.svg", "flight"),
        ("stays.png", "stay"),
    ] {
        let path = charts.path().join(file);
        let path = path.to_str().unwrap();
        let args = [
            "chart",
            "--program",
            "Soyuz",
            "--rows",
            rows,
            "--from",
            "2025-01-01",
            "-o",
            path,
        ];
        let output = run(home.path(), &args);
        assert!(output.status.success(), "{}", text(&output.stderr));
    }
    for file in ["stays.svg", "flights.svg"] {
        let svg = std::fs::read_to_string(charts.path().join(file)).unwrap();
        assert!(svg.contains("Soyuz MS-29"), "{file}");
        assert!(svg.contains("planned launch 14 Jul 2026"), "{file}");
        assert!(svg.contains("planned launch, not flown yet"), "{file}");
    }
    let png = std::fs::read(charts.path().join("stays.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // A planned flight has no stay: Petr Dubrov's total time in space is what McDowell says it is.
    let before = text(
        &run(
            home.path(),
            &["--data", "missions", "duration", "petr-dubrov"],
        )
        .stdout,
    );
    let after = text(&run(home.path(), &["duration", "petr-dubrov"]).stdout);
    assert_eq!(before.lines().last(), after.lines().last(), "{after}");
}

#[test]
fn launch_library_2s_rate_limit_is_named() {
    let home = home_with_catalog();
    let before = files(home.path());
    let server = Server::start(&[("ll2", Reply::Status(429))]);
    let url = server.url("ll2");
    let output = run(home.path(), &["update", "--only", "ll2", "--ll2-url", &url]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("429 Too Many Requests"), "{stderr}");
    assert!(stderr.contains("15 requests an hour"), "{stderr}");
    assert_eq!(
        server.requests.lock().unwrap().len(),
        1,
        "429 is not retried"
    );
    assert!(before == files(home.path()));
}

#[test]
fn a_current_pointer_to_a_missing_folder_says_how_to_get_back() {
    let home = home_with_catalog();
    let current = std::fs::read_to_string(home.path().join("current")).unwrap();
    std::fs::remove_dir_all(home.path().join("catalogs").join(current.trim())).unwrap();
    let output = run(home.path(), &["validate"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(
        stderr.contains("current: names the catalog `2026-12-01`"),
        "{stderr}"
    );
    assert!(stderr.contains("is missing"), "{stderr}");
    assert!(stderr.contains("orbitline update --rollback"), "{stderr}");
    assert!(!stderr.contains("--data"), "{stderr}");
    // The hint works: the rollback returns to the catalog before (bundled), and commands answer again.
    assert!(run(home.path(), &["update", "--rollback"]).status.success());
    let validate = run(home.path(), &["validate"]);
    assert!(text(&validate.stdout).starts_with("ok: bundled catalog is valid"));
}

#[test]
fn a_planned_flight_added_is_an_instant_in_json() {
    let home = home_with_catalog();
    let server = Server::start(&[("ll2", Reply::Table(upcoming_crewed()))]);
    let url = server.url("ll2");
    let args = ["update", "--only", "ll2", "--ll2-url", &url, "--json"];
    let output = run(home.path(), &args);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    valid("update", &report);
    let added = &report["changes"]["planned_added"][0];
    assert_eq!(added["id"], "soyuz-ms-29", "{report}");
    assert_eq!(added["before"], serde_json::Value::Null);
    assert_eq!(added["after"]["utc"], "2026-07-14T14:43:00Z", "{added}");
    assert_eq!(report["sources"][0]["status"], "kept");
}
