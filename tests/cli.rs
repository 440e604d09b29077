//! The binary as a user runs it, on the bundled catalog and on small catalogs under `tests/`.

mod common;

use predicates::prelude::*;
use serde_json::Value;

const DAY: i64 = 86_400;

use common::json;

fn stay<'a>(report: &'a Value, astronaut: &str) -> &'a Value {
    report["stays"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["astronaut"] == astronaut)
        .unwrap_or_else(|| panic!("no stay of {astronaut}"))
}

#[test]
fn shenzhou_20_crew_stay_is_203_d_23_h_23_min_up_on_20_down_on_21() {
    common::orbitline()
        .args(["duration", "shenzhou-20"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "up on Shenzhou-20, down on Shenzhou-21 (vehicle swap)",
        ))
        .stdout(predicate::str::contains(
            "2025-04-24 09:17:31 UTC → 2025-11-14 08:40:31 UTC: 203 d 23 h 23 min",
        ))
        .stdout(predicate::str::contains("204 rounded, 203 floor, 204 ceil"))
        .stdout(predicate::str::contains(
            "planned return 2025-11-05, actual 2025-11-14",
        ))
        .stdout(predicate::str::contains("9 days late"))
        .stdout(predicate::str::contains(
            "269 d 16 h 17 min, landed uncrewed",
        ));

    let report = json(&["duration", "shenzhou-20"]);
    let stays = report["stays"].as_array().unwrap();
    assert_eq!(stays.len(), 3);
    let expected = 203 * DAY + 23 * 3600 + 23 * 60;
    for astronaut in ["chen-dong", "chen-zhongrui", "wang-jie"] {
        let s = stay(&report, astronaut);
        assert_eq!(s["up"], "shenzhou-20");
        assert_eq!(s["down"], "shenzhou-21");
        assert_eq!(s["start"]["utc"], "2025-04-24T09:17:31Z");
        assert_eq!(s["end"]["utc"], "2025-11-14T08:40:31Z");
        assert!((s["elapsed"]["seconds"].as_i64().unwrap() - expected).abs() <= 60);
        assert_eq!(s["days_rounded"], 204);
        assert_eq!(s["vehicle_swap"], true);
        assert_eq!(s["slip"]["days"], 9);
    }
    let vehicle = &report["vehicle"];
    assert_eq!(vehicle["flight"], "shenzhou-20");
    assert_eq!(vehicle["start"]["utc"], "2025-04-24T09:17:31Z");
    assert_eq!(vehicle["end"]["utc"], "2026-01-19T01:34:00Z");
    // Launch to the second, landing to the minute: 269 d 16 h 16 min 29 s at least, a minute more at
    // most; the figure is the middle (docs/figures.md).
    let least = 269 * DAY + 16 * 3600 + 16 * 60 + 29;
    assert_eq!(vehicle["elapsed"]["min_seconds"], least);
    assert_eq!(vehicle["elapsed"]["max_seconds"], least + 60);
    assert_eq!(vehicle["elapsed"]["seconds"], least + 30);
}

#[test]
fn shenzhou_18_crew_stay_is_192_d_4_h_25_min() {
    let report = json(&["duration", "shenzhou-18"]);
    let s = stay(&report, "ye-guangfu");
    let expected = 192 * DAY + 4 * 3600 + 25 * 60;
    assert!(
        (s["elapsed"]["seconds"].as_i64().unwrap() - expected).abs() <= 60,
        "{}",
        s["elapsed"]["seconds"]
    );
    assert_eq!(s["down"], "shenzhou-18");
    assert_eq!(s["vehicle_swap"], false);
    common::orbitline()
        .args(["duration", "shenzhou-18"])
        .assert()
        .stdout(predicate::str::contains("192 d 4 h 25 min"))
        .stdout(predicate::str::contains(
            "landing time marked uncertain by its source",
        ));
}

#[test]
fn a_flight_in_orbit_counts_to_now() {
    // Shenzhou-23 launched 2026-05-24 15:08 UTC (minute precision) and was in orbit when last checked.
    let report = json(&["duration", "shenzhou-23", "--now", "2026-06-24T15:08:00Z"]);
    let s = stay(&report, "zhu-yangzhu");
    assert_eq!(s["end"], Value::Null);
    assert_eq!(s["down"], Value::Null);
    assert_eq!(s["in_orbit"], true);
    // The launch is known to the minute: 31 days at most, a minute less at least; the figure is the middle.
    assert_eq!(s["elapsed"]["max_seconds"], 31 * DAY);
    assert_eq!(s["elapsed"]["min_seconds"], 31 * DAY - 60);
    assert_eq!(s["elapsed"]["seconds"], 31 * DAY - 30);
    assert_eq!(
        s["may_have_ended"], false,
        "before the catalog's check date"
    );
    assert_eq!(report["now"]["utc"], "2026-06-24T15:08:00Z");

    let later = json(&["duration", "shenzhou-23", "--now", "2026-11-28T00:00Z"]);
    assert_eq!(stay(&later, "zhu-yangzhu")["may_have_ended"], true);
    common::orbitline()
        .args(["duration", "shenzhou-23", "--now", "2026-11-28T00:00Z"])
        .assert()
        .success()
        .stdout(predicate::str::contains("it may have ended since"))
        .stdout(predicate::str::contains("so far"));
}

#[test]
fn an_astronaut_lists_every_stay_and_the_total() {
    let report = json(&["duration", "chen-dong"]);
    let ups: Vec<&str> = report["stays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["up"].as_str().unwrap())
        .collect();
    assert_eq!(ups, ["shenzhou-11", "shenzhou-14", "shenzhou-20"]);
    assert_eq!(report["total"]["stays"], 3);
    common::orbitline()
        .args(["duration", "chen-dong"])
        .assert()
        .stdout(predicate::str::contains("Chen Dong (陈冬)"))
        .stdout(predicate::str::contains(
            "Total: 418 d 15 h 17 min in space over 3 stays",
        ));
}

#[test]
fn validate_passes_on_the_bundled_catalog() {
    common::orbitline()
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "bundled catalog is valid: 428 flights, 786 astronauts",
        ))
        .stdout(predicate::str::contains(
            "last checked against sources 2026-07-03",
        ));
}

#[test]
fn list_filters_by_programme_and_nation() {
    let all = json(&["list", "--program", "shenzhou", "--nation", "cn"]);
    assert_eq!(all["flights"].as_array().unwrap().len(), 18);
    let none = json(&["list", "--nation", "JP"]);
    assert!(none["flights"].as_array().unwrap().is_empty());
    common::orbitline()
        .args(["list", "--program", "shenzhou"])
        .assert()
        .success()
        .stdout(predicate::str::contains("shenzhou-21  2025-10-31    2025-11-14  Zhang Lu, Wu Fei, Zhang Hongzhang; landed with the shenzhou-20 crew"))
        .stdout(predicate::str::contains("shenzhou-23  2026-05-24    in orbit"));
}

#[test]
fn show_gives_events_in_order_with_planned_and_actual() {
    let out = common::orbitline()
        .args(["show", "shenzhou-20"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let strike = text.find("[debris-strike]").unwrap();
    let postponed = text.find("[return-postponed]").unwrap();
    let landing = text.find("[landing]").unwrap();
    assert!(strike < postponed && postponed < landing);
    assert!(text.contains("2026-01-19 01:34 UTC (planned 2025-11-05 (+08:00 date))"));
    assert!(text.contains("Chen Dong                Shenzhou-20 → Shenzhou-21"));
    let report = json(&["show", "shenzhou-20"]);
    assert_eq!(report["flight"]["id"], "shenzhou-20");
    assert_eq!(
        report["flight"]["landing"]["planned"]["as_published"],
        "2025-11-05+08:00"
    );
}

#[test]
fn times_can_be_shown_as_published() {
    common::orbitline()
        .args(["duration", "shenzhou-20", "--tz", "local"])
        .assert()
        .stdout(predicate::str::contains(
            "2025-04-24 17:17:31 +08:00 → 2025-11-14 16:40:31 +08:00",
        ));
    common::orbitline()
        .args(["--tz", "-05:00", "duration", "shenzhou-20"])
        .assert()
        .stdout(predicate::str::contains("2025-04-24 04:17:31 -05:00"));
    common::orbitline()
        .args(["duration", "shenzhou-20", "--tz", "mars"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a zone"));
}

#[test]
fn an_unknown_subject_is_a_usage_error_with_a_suggestion() {
    common::orbitline()
        .args(["duration", "shenzou-20"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no flight or astronaut `shenzou-20`",
        ))
        .stderr(predicate::str::contains("did you mean `shenzhou-20`?"));
}

#[test]
fn a_missing_data_folder_is_a_data_error() {
    common::orbitline()
        .args(["validate", "--data", "/nonexistent/catalog"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/nonexistent/catalog: cannot read the catalog folder",
        ));
}

#[test]
fn the_data_folder_can_come_from_the_environment() {
    let catalog = common::fixture_copy("swap");
    common::orbitline()
        .env("ORBITLINE_DATA", catalog.path())
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains("3 flights, 6 astronauts"));
}

#[test]
fn a_bad_now_is_a_usage_error() {
    common::orbitline()
        .args(["duration", "shenzhou-23", "--now", "last week"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--now: invalid time `last week`"));
}

/// A reader that goes away (`orbitline export --format json | head -c 100`) is not an error. The output is
/// larger than a pipe holds (64 KiB on Linux), so the writer meets the closed pipe however the processes
/// are scheduled: its first write finds the read end closed, or it fills the pipe and is still waiting
/// when the read end closes.
#[test]
fn a_closed_pipe_is_a_quiet_success() {
    use std::process::{Command, Stdio};
    let args = ["export", "--format", "json", "--now", "2026-07-01T00:00Z"];
    let whole = common::stdout_of(common::orbitline().args(args));
    assert!(
        whole.len() > 64 * 1024,
        "the output ({} bytes) must be larger than a pipe holds for this test to mean anything",
        whole.len()
    );
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("orbitline"))
        .args(args)
        .env_remove("ORBITLINE_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
}

/// In a pipe orbitline prints no colour: the text is the same with and without `NO_COLOR`, holds the
/// figure it is asked for, and has no escape byte (colour on a terminal: tests/cli_contract.rs).
#[test]
fn output_is_plain_text_with_or_without_no_color() {
    let args = ["duration", "shenzhou-20", "--now", "2026-07-01T00:00Z"];
    let plain = common::stdout_of(common::orbitline().args(args));
    let no_color = common::stdout_of(common::orbitline().args(args).env("NO_COLOR", "1"));
    assert_eq!(plain, no_color);
    let text = String::from_utf8(plain).unwrap();
    assert!(text.contains("203 d 23 h 23 min"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escape byte: {text:?}");
}

#[test]
fn the_committed_schema_matches_the_types() {
    let committed = include_str!("../missions/schema.json");
    assert!(
        committed == orbitline::catalog::schema::catalog_schema(),
        "missions/schema.json is out of date: run `cargo run -- schema > missions/schema.json`"
    );
}
