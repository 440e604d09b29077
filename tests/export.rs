//! `orbitline export`, each format read back by a parser (the `csv` reader, the `ical` iCalendar parser,
//! serde_json).

mod common;

use std::fs;

use serde_json::Value;

const NOW: &str = "2026-07-03T07:03:57Z";

fn export(args: &[&str]) -> String {
    let stdout = common::stdout_of(
        common::orbitline()
            .arg("export")
            .args(args)
            .args(["--now", NOW]),
    );
    String::from_utf8(stdout).unwrap()
}

#[test]
fn csv_of_stays_reads_back_one_row_per_stay() {
    let text = export(&["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let summary = common::json(&["validate"]);
    assert_eq!(rows.len() as u64, summary["stays"].as_u64().unwrap());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let chen = rows
        .iter()
        .find(|r| &r[col("astronaut")] == "chen-dong" && &r[col("up")] == "shenzhou-20")
        .unwrap();
    assert_eq!(&chen[col("down")], "shenzhou-21");
    assert_eq!(&chen[col("start_utc")], "2025-04-24T09:17:31Z");
    assert_eq!(&chen[col("end_utc")], "2025-11-14T08:40:31Z");
    assert_eq!(&chen[col("seconds")], "17623380");
    assert_eq!(&chen[col("duration")], "203 d 23 h 23 min");
    assert_eq!(&chen[col("vehicle_swap")], "true");
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn csv_of_flights_quotes_and_counts_to_now() {
    let text = export(&["--format", "csv", "--what", "flights"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 428);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let sz23 = rows
        .iter()
        .find(|r| &r[col("id")] == "shenzhou-23")
        .unwrap();
    assert_eq!(&sz23[col("in_orbit")], "true");
    assert_eq!(&sz23[col("landing_utc")], "");
    let sz22 = rows
        .iter()
        .find(|r| &r[col("id")] == "shenzhou-22")
        .unwrap();
    assert_eq!(&sz22[col("landing_inferred")], "true");
}

#[test]
fn icalendar_parses_with_an_independent_parser() {
    let text = export(&["--format", "ics"]);
    let parser = ical::IcalParser::new(text.as_bytes());
    let calendars: Vec<_> = parser.map(|c| c.unwrap()).collect();
    assert_eq!(calendars.len(), 1);
    let events = &calendars[0].events;
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    let find = |uid: &str| {
        events
            .iter()
            .find(|e| prop(e, "UID").as_deref() == Some(uid))
            .unwrap_or_else(|| panic!("{uid}"))
    };
    let landing = find("shenzhou-21.landing@orbitline");
    assert_eq!(
        prop(landing, "DTSTART").as_deref(),
        Some("20251114T084031Z")
    );
    assert_eq!(
        prop(landing, "DTSTAMP").as_deref(),
        Some("20260703T070357Z")
    );
    let strike = find("shenzhou-20.debris-strike@orbitline");
    assert_eq!(
        prop(strike, "DTSTART").as_deref(),
        Some("20251104"),
        "a date is an all-day event"
    );
    assert!(prop(strike, "SUMMARY").unwrap().contains("Anomaly"));
    assert!(events
        .iter()
        .any(|e| prop(e, "SUMMARY").is_some_and(|s| s.contains("Postponement"))));
    // Every event has the properties RFC 5545 requires.
    for event in events {
        for name in ["UID", "DTSTAMP", "DTSTART"] {
            assert!(prop(event, name).is_some(), "{name}");
        }
    }
}

#[test]
fn mermaid_gantt_has_sections_and_marks_record_stays() {
    let text = export(&["--format", "mermaid"]);
    assert!(text.starts_with("gantt\n"));
    assert!(text.contains("    dateFormat YYYY-MM-DDTHH:mm:ss\n"));
    assert!(text.contains("    section Tiangong\n"));
    let record = text
        .lines()
        .find(|l| l.contains("Valeriy Vladimirovich Polyakov, Soyuz TM-18 → Soyuz TM-20"))
        .unwrap();
    assert!(record.contains(":crit, "), "{record}");
    // Every task line: name, then `:`, then optional tags, an id and two times.
    for line in text
        .lines()
        .filter(|l| l.contains(":stay") || l.contains(":crit"))
    {
        let (name, meta) = line.split_once(':').unwrap();
        assert!(!name.trim().is_empty());
        assert!(meta.split(", ").count() >= 3, "{line}");
    }
}

#[test]
fn json_is_the_whole_catalog_and_o_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/catalog.json");
    let output = common::orbitline()
        .args(["export", "--format", "json", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stdout.is_empty(),
        "with -o nothing goes to standard output"
    );
    let document: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(document["flights"].as_array().unwrap().len(), 428);
    assert_eq!(document["astronauts"].as_array().unwrap().len(), 786);
    assert_eq!(document["stations"].as_array().unwrap().len(), 12);
    // The flights are in the file format: they read back as catalog files.
    let catalog = dir.path().join("catalog");
    fs::create_dir(&catalog).unwrap();
    for (name, key) in [
        ("astronauts", "astronauts"),
        ("spacecraft", "spacecraft"),
        ("stations", "stations"),
    ] {
        fs::write(
            catalog.join(format!("{name}.json")),
            serde_json::json!({ key: document[key] }).to_string(),
        )
        .unwrap();
    }
    for flight in document["flights"].as_array().unwrap() {
        let id = flight["id"].as_str().unwrap();
        fs::write(catalog.join(format!("{id}.json")), flight.to_string()).unwrap();
    }
    let valid = common::json(&["--data", catalog.to_str().unwrap(), "validate"]);
    assert_eq!(valid["flights"], 428);
    let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["catalog.json"], "no temporary file left");
}

#[test]
fn a_format_and_what_that_do_not_go_together_are_refused() {
    let output = common::orbitline()
        .args(["export", "--format", "ics", "--what", "stays"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not export stays"));
}
