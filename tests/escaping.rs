//! Text from a catalog reaches every output escaped by that output's rules (issue 13, item 10): a catalog
//! that validates, with markup, quotes and the characters formats treat as syntax in its free text, tabs
//! and line breaks in its notes, control characters in its folder's name (which every output that names
//! the catalog shows), renders in every format; each output parses in its format (an XML parser for SVG,
//! an iCalendar parser, a CSV reader, JSON), and no text output carries a raw control character a
//! terminal would act on.
//!
//! The catalog is the bundled one (`missions/`), copied and changed. Validation refuses control
//! characters in ids, names and titles, but not in the name of the folder a catalog is read from.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::orbitline;

/// Markup, quotes and the characters DOT, Mermaid, iCalendar and CSV treat as syntax.
const MARKUP: &str = "<b>&amp;\"'#;:,\\";

/// Shenzhou-20's name: markup and syntax characters, no control character (names may not hold any).
const FLIGHT: &str = "Shenzhou-20 <b>&amp;\"'#;:,\\";

/// The folder's name: a file name holds anything but `/` and NUL.
const FOLDER: &str = "catalog \u{1b}[2J\u{1b}]0;owned\u{7}\r<b>&amp;\"'#;:,\u{9b}31m\u{7f}";

const NOW: &str = "2026-07-01T00:00Z";

/// The bundled catalog in a folder named [`FOLDER`], with [`MARKUP`] in titles and notes, and notes
/// with tabs and line breaks, 9,000 characters long.
fn hostile_catalog() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join(FOLDER);
    let missions = Path::new(env!("CARGO_MANIFEST_DIR")).join("missions");
    copy_json(&missions, &dir);
    let path = dir.join("shenzhou/shenzhou-20.json");
    let mut flight: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    for event in flight["events"].as_array_mut().unwrap() {
        let title = event["title"].as_str().unwrap_or("").to_string();
        event["title"] = format!("{MARKUP} {title}").into();
        event["notes"] = format!("{MARKUP}\n\tindented\n{}", "a long note ".repeat(750)).into();
    }
    flight["landing"]["notes"] = format!("landing {MARKUP}\n\tsecond line").into();
    flight["docking"]["port"] = format!("port {MARKUP}").into();
    flight["name"] = FLIGHT.into();
    fs::write(&path, serde_json::to_string_pretty(&flight).unwrap()).unwrap();
    (root, dir)
}

fn copy_json(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_json(&entry.path(), &target);
        } else if entry.path().extension().is_some_and(|e| e == "json") {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The label as outputs show it: control characters as their escapes.
const SHOWN: &str = "catalog \\u{1b}[2J\\u{1b}]0;owned\\u{7}\\r<b>&amp;";

/// Runs orbitline on `data` with `args`; expects exit 0 and returns standard output.
fn run(data: &Path, args: &[&str]) -> Vec<u8> {
    let out = orbitline()
        .arg("--data")
        .arg(data)
        .args(["--now", NOW])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// No control character but line feed and tab (and, where `crlf`, the carriage return of a CRLF line
/// end).
fn assert_no_raw_controls(what: &str, bytes: &[u8], crlf: bool) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    for (i, c) in text.char_indices() {
        let allowed =
            c == '\n' || c == '\t' || (crlf && c == '\r' && text[i + 1..].starts_with('\n'));
        assert!(
            !c.is_control() || allowed,
            "{what}: raw {c:?} at byte {i}: {:?}",
            &text[i.saturating_sub(40)..(i + 40).min(text.len())]
        );
    }
}

/// Graphviz renders `dot` to SVG, which parses as XML; said and skipped where Graphviz is not installed
/// (`.ci/run` installs it).
fn graphviz_reads(dot: &str) {
    use std::io::Write;
    let child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("note: Graphviz `dot` is not installed: the DOT output is not rendered");
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, options).unwrap();
    assert!(
        doc.descendants()
            .any(|n| n.text() == Some("Shenzhou-20 <b>&amp;\"'#;:,\\")),
        "the cluster label, as written"
    );
}

#[test]
fn the_hostile_catalog_validates_and_its_text_shows_escaped_on_a_terminal() {
    let (_root, dir) = hostile_catalog();
    let validate = run(&dir, &["validate"]);
    assert_no_raw_controls("validate", &validate, false);
    assert!(
        String::from_utf8_lossy(&validate).contains(SHOWN),
        "the label shows escaped: {}",
        String::from_utf8_lossy(&validate)
    );
    let human: &[&[&str]] = &[
        &["list"],
        &["show", "shenzhou-20"],
        &["duration", "shenzhou-20"],
        &["duration", "chen-dong"],
        &["records", "--kind", "eva", "--progression"],
        &["station", "tiangong"],
        &["deps", "shenzhou-20"],
        &["why", "shenzhou-22/launch"],
        &["impact", "shenzhou-20/eva-1", "--slip", "3d"],
        &["critical", "shenzhou-20", "chen-dong@shenzhou-20"],
        &["check", "shenzhou-20", "--days", "204"],
    ];
    for args in human {
        let out = run(&dir, args);
        assert_no_raw_controls(&args.join(" "), &out, false);
        // JSON keeps the text exactly, escaped by serde.
        let json = run(&dir, &[args, &["--json"][..]].concat());
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_no_raw_controls(&format!("{args:?} --json"), &json, false);
        if args[0] == "records" {
            // JSON keeps the label exactly (serde writes the escapes).
            assert!(value.to_string().contains("\\u001b[2J"), "{args:?}");
        }
    }
    let show = String::from_utf8(run(&dir, &["show", "shenzhou-20"])).unwrap();
    assert!(show.contains(MARKUP), "{show}");
}

#[test]
fn charts_of_the_hostile_catalog_are_well_formed_xml() {
    let (root, dir) = hostile_catalog();
    for (name, args) in [
        ("gantt.svg", &["chart"][..]),
        ("flights.svg", &["chart", "--rows", "flight"]),
        ("people.svg", &["chart", "--rows", "astronaut"]),
        (
            "station.svg",
            &["chart", "--kind", "station", "--station", "tiangong"],
        ),
        ("gantt.png", &["chart"]),
    ] {
        let file = root.path().join(name);
        run(&dir, &[args, &["-o", file.to_str().unwrap()]].concat());
        let bytes = fs::read(&file).unwrap();
        if name.ends_with(".png") {
            assert_eq!(&bytes[1..4], b"PNG");
            continue;
        }
        let svg = String::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let texts: String = doc
            .descendants()
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            texts.contains("catalog \\u{1b}[2J"),
            "{name}: the label, escaped"
        );
        if name == "gantt.svg" {
            assert!(texts.contains("<b>&amp;"), "{name}: markup shows as text");
        }
    }
}

#[test]
fn exports_of_the_hostile_catalog_parse_in_their_formats() {
    let (_root, dir) = hostile_catalog();

    let ics = run(&dir, &["export", "--format", "ics"]);
    assert_no_raw_controls("ics", &ics, true);
    let text = String::from_utf8(ics).unwrap();
    assert!(
        text.replace("\r\n", "").find('\n').is_none(),
        "every line ends CRLF"
    );
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines are folded at 75 octets"
    );
    let calendars: Vec<_> = ical::IcalParser::new(text.as_bytes())
        .map(|c| c.unwrap())
        .collect();
    let summaries: Vec<String> = calendars[0]
        .events
        .iter()
        .flat_map(|e| &e.properties)
        .filter(|p| p.name == "SUMMARY")
        .filter_map(|p| p.value.clone())
        .collect();
    assert!(
        summaries
            .iter()
            .any(|s| s.contains(r"<b>&amp\;") && s.contains(r"'#\;:\,\\")),
        "markup, quoted as RFC 5545 says: {summaries:?}"
    );
    let name = calendars[0]
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
        .and_then(|p| p.value.clone())
        .unwrap();
    assert!(
        name.contains(r"catalog \\u{1b}[2J\\u{1b}]0\;owned"),
        "{name}"
    );

    for what in ["stays", "flights"] {
        let csv = run(&dir, &["export", "--format", "csv", "--what", what]);
        let mut reader = csv::Reader::from_reader(&csv[..]);
        let width = reader.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert!(rows.iter().all(|r| r.len() == width), "{what}");
        // Quoted as RFC 4180 says, the text reads back exactly.
        assert!(
            rows.iter().any(|r| r.iter().any(|cell| cell == FLIGHT)),
            "{what}: the flight's name reads back"
        );
    }

    for (args, what) in [
        (&["export", "--format", "mermaid"][..], "mermaid gantt"),
        (&["graph", "--format", "mermaid"], "mermaid flowchart"),
        (&["graph", "--format", "dot"], "dot"),
    ] {
        let out = run(&dir, args);
        assert_no_raw_controls(what, &out, false);
        let text = String::from_utf8(out).unwrap();
        if what == "mermaid flowchart" {
            // Every label is one quoted string: no quote or markup of the text escapes it.
            for line in text.lines().filter(|l| l.contains("[\"")) {
                assert_eq!(line.matches('"').count(), 2, "{line}");
                assert!(!line.contains("<b>"), "{line}");
            }
        }
        if what == "dot" {
            assert_eq!(
                text.matches('{').count(),
                text.matches('}').count(),
                "{text}"
            );
            assert!(
                text.contains(r#"label="Shenzhou-20 <b>&amp;amp;\"'#;:,\\""#),
                "{text}"
            );
            graphviz_reads(&text);
        }
    }
    let json = run(&dir, &["export", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(
        value
            .to_string()
            .contains("\\u001b[2J\\u001b]0;owned\\u0007\\r<b>"),
        "JSON keeps the text exactly"
    );
}

#[test]
fn a_problem_in_the_hostile_folder_names_it_escaped_on_standard_error() {
    let (_root, dir) = hostile_catalog();
    fs::write(dir.join("shenzhou/broken.json"), "{\"id\": ").unwrap();
    let out = orbitline()
        .arg("--data")
        .arg(&dir)
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_no_raw_controls("validate's problems", &out.stderr, false);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(SHOWN), "{stderr}");
    assert!(stderr.contains("broken.json:1:"), "{stderr}");
}
