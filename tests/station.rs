//! `orbitline station` and `check --no-gaps` (issue 3): who was aboard, the return-coverage gaps and the
//! slips behind them, on the bundled catalog and on a catalog derived from `tests/fixtures/swap/`.

mod common;

use std::fs;

use common::json;
use predicates::prelude::*;

const DAY: i64 = 86_400;

#[test]
fn tiangong_had_two_gaps_in_november_2025() {
    let report = json(&[
        "station",
        "tiangong",
        "--from",
        "2025-10-25",
        "--to",
        "2025-12-01",
    ]);
    let gaps = report["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 2, "{gaps:#?}");
    assert_eq!(gaps[0]["start"]["as_published"], "2025-11-04+08:00");
    assert_eq!(gaps[0]["end"]["as_published"], "2025-11-14T11:14+08:00");
    assert_eq!(gaps[0]["short"], 3);
    assert_eq!(gaps[0]["aboard"].as_array().unwrap().len(), 6);
    assert_eq!(gaps[1]["start"]["as_published"], "2025-11-14T11:14+08:00");
    assert_eq!(gaps[1]["end"]["as_published"], "2025-11-25T15:50+08:00");
    assert_eq!(gaps[1]["short"], 3);
    assert_eq!(gaps[1]["elapsed"]["seconds"], 11 * DAY + 4 * 3600 + 36 * 60);
    // Six aboard during the handover, from Shenzhou-21's docking.
    let six = report["occupancy"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["aboard"].as_array().unwrap().len() == 6)
        .unwrap();
    assert_eq!(six["start"]["as_published"], "2025-11-01T03:22+08:00");
    common::orbitline()
        .args(["check", "tiangong", "--no-gaps", "--as-of", "2026-01-01"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("3 short of a fit return seat"));
}

#[test]
fn without_the_anomaly_there_is_no_gap() {
    let catalog = common::fixture_copy("swap");
    let with = json(&[
        "station",
        "tiangong",
        "--data",
        catalog.path().to_str().unwrap(),
    ]);
    assert_eq!(with["gaps"].as_array().unwrap().len(), 2);
    let path = catalog.path().join("shenzhou-20.json");
    let text = fs::read_to_string(&path).unwrap();
    let without = text.replace(
        r#""effects": [ { "vehicle": "shenzhou-20", "status": "unfit-for-crew-return" } ]"#,
        r#""notes": "effects removed for the test""#,
    );
    assert_ne!(text, without);
    fs::write(&path, without).unwrap();
    let report = json(&[
        "station",
        "tiangong",
        "--data",
        catalog.path().to_str().unwrap(),
    ]);
    assert!(
        report["gaps"].as_array().unwrap().is_empty(),
        "{:#?}",
        report["gaps"]
    );
    common::orbitline()
        .args(["check", "tiangong", "--no-gaps", "--data"])
        .arg(catalog.path())
        .assert()
        .code(0);
}

#[test]
fn station_lists_the_slip_and_its_cause() {
    common::orbitline()
        .args(["station", "tiangong", "--from", "2025-10-25", "--to", "2025-12-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Shenzhou-20 crew return: +9 d\n    planned 2025-11-05 (+08:00 date), actual 2025-11-14 08:40:31 UTC",
        ))
        .stdout(predicate::str::contains("why: shenzhou-20/return-postponed ← shenzhou-20/debris-strike"))
        .stdout(predicate::str::contains("Shenzhou-20 unfit for crew return from 2025-11-04 (+08:00 date)"));
}

#[test]
fn an_unknown_station_is_a_usage_error_with_a_suggestion() {
    common::orbitline()
        .args(["station", "tiangng-2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `tiangong-2`?"));
}
