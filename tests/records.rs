//! Records, claim checks and the station timeline (issue 3), on the bundled catalog and on small catalogs
//! derived from `tests/fixtures/swap/`.

mod common;

use std::fs;

use common::json;
use predicates::prelude::*;

const DAY: i64 = 86_400;

#[test]
fn the_shenzhou_20_claims_hold_and_name_the_record_they_broke() {
    common::orbitline()
        .args(["check", "shenzhou-20", "--days", "204", "--record", "crew", "--nation", "CN"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("✓ holds: 204 days"))
        .stdout(predicate::str::contains("not by: floor (203)"))
        .stdout(predicate::str::contains(
            "  set the record when it ended, 2025-11-14 08:40:31 UTC\n  beating by 11 d 18 h 58 min:\n    \
             Shenzhou-18 crew, 192 d 4 h 25 min 27 s, ended 2024-11-03\n    (Ye Guangfu, Li Guangsu, Li Cong)\n",
        ))
        .stdout(predicate::str::contains("since beaten by\n    Shenzhou-21 crew, 209 d 20 h 26 min 14 s"))
        .stdout(predicate::str::contains("Catalog: bundled: every human spaceflight in McDowell's tables to 2026-07-03, Shenzhou flights and 14 other flights curated; 428 flights, last checked against sources 2026-07-03."));
}

#[test]
fn the_record_no_longer_stood_on_1_june_2026() {
    common::orbitline()
        .args(["check", "shenzhou-20", "--record", "crew", "--nation", "CN", "--as-of", "2026-06-01"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "as of 2026-06-01 it no longer stood: beaten by\n    Shenzhou-21 crew, 209 d 20 h 26 min 14 s, ended 2026-05-29",
        ));
    // Before the Shenzhou-21 crew landed, it still stood.
    common::orbitline()
        .args([
            "check",
            "shenzhou-20",
            "--record",
            "crew",
            "--nation",
            "CN",
            "--as-of",
            "2026-05-01",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "still the record as of 2026-05-01",
        ));
}

#[test]
fn a_claim_of_205_days_rounded_does_not_hold() {
    common::orbitline()
        .args([
            "check",
            "shenzhou-20",
            "--days",
            "205",
            "--convention",
            "rounded",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "✗ does not hold: 205 days (rounded)",
        ))
        .stdout(predicate::str::contains("204 rounded"));
    // Shenzhou-13's "183 days" holds only by the ceiling and the UTC calendar, not rounded.
    let report = json(&["check", "shenzhou-13", "--days", "183"]);
    assert_eq!(report["verdict"], "holds");
    common::orbitline()
        .args([
            "check",
            "shenzhou-13",
            "--days",
            "183",
            "--convention",
            "rounded",
        ])
        .assert()
        .code(1);
}

#[test]
fn a_duration_claim_is_checked_at_its_own_precision() {
    common::orbitline()
        .args(["check", "shenzhou-20", "--duration", "203d23h"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("truncated"));
    common::orbitline()
        .args(["check", "shenzhou-20", "--duration", "203d22h"])
        .assert()
        .code(1);
    common::orbitline()
        .args([
            "check",
            "chen-dong",
            "--days",
            "418",
            "--convention",
            "floor",
        ])
        .assert()
        .code(0);
}

#[test]
fn day_precision_that_straddles_the_boundary_cannot_be_decided() {
    let catalog = common::fixture_copy("swap");
    let path = catalog.path().join("shenzhou-21.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("\"2025-11-14T16:40:31+08:00\"", "\"2025-11-14+08:00\""),
    )
    .unwrap();
    common::orbitline()
        .args([
            "check",
            "shenzhou-20",
            "--days",
            "204",
            "--convention",
            "rounded",
            "--data",
        ])
        .arg(catalog.path())
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "? cannot be decided: 204 days (rounded)",
        ))
        .stdout(predicate::str::contains("203–204 rounded"));
}

#[test]
fn the_chinese_crew_record_progression_is_in_order_with_its_margins() {
    let report = json(&[
        "records",
        "--kind",
        "crew",
        "--nation",
        "CN",
        "--progression",
        "--as-of",
        "2026-07-03",
    ]);
    let steps = report["progression"].as_array().unwrap();
    let holders: Vec<&str> = steps
        .iter()
        .map(|s| s["record"]["flights"][0].as_str().unwrap())
        .collect();
    assert_eq!(
        holders,
        [
            "shenzhou-5",
            "shenzhou-6",
            "shenzhou-9",
            "shenzhou-10",
            "shenzhou-11",
            "shenzhou-12",
            "shenzhou-13",
            "shenzhou-15",
            "shenzhou-17",
            "shenzhou-18",
            "shenzhou-20",
            "shenzhou-21"
        ]
    );
    let margin = |flight: &str| {
        steps
            .iter()
            .find(|s| s["record"]["flights"][0] == flight)
            .unwrap()["margin_seconds"]
            .as_i64()
            .unwrap()
    };
    // 203 d 23 h 23 min 00 s − 192 d 4 h 25 min 27 s
    assert_eq!(margin("shenzhou-20"), 11 * DAY + 18 * 3600 + 57 * 60 + 33);
    // 209 d 20 h 26 min 14 s − 203 d 23 h 23 min
    assert_eq!(margin("shenzhou-21"), 5 * DAY + 21 * 3600 + 3 * 60 + 14);
    assert_eq!(steps[0]["beat"], serde_json::Value::Null);
    let first = steps[0]["record"]["elapsed"]["seconds"].as_i64().unwrap();
    assert!(
        (21 * 3600..22 * 3600).contains(&first),
        "Shenzhou-5's 21 hours"
    );
}

#[test]
fn as_of_counts_only_what_had_happened() {
    let report = json(&[
        "records",
        "--kind",
        "crew",
        "--nation",
        "CN",
        "--as-of",
        "2025-12-01",
        "--top",
        "3",
    ]);
    let entries = report["entries"].as_array().unwrap();
    assert_eq!(entries[0]["flights"][0], "shenzhou-20");
    // No stay that ended after the as-of time is counted as ended.
    for e in entries {
        if let Some(end) = e["end"].as_str() {
            assert!(end <= "2025-12-01", "{e}");
        }
    }
    let shenzhou_21 = json(&[
        "records",
        "--kind",
        "crew",
        "--nation",
        "CN",
        "--as-of",
        "2025-12-01",
        "--top",
        "20",
    ])["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["flights"][0] == "shenzhou-21")
        .cloned()
        .unwrap();
    assert_eq!(shenzhou_21["ongoing"], true);
    assert_eq!(shenzhou_21["end"], serde_json::Value::Null);
    common::orbitline()
        .args(["records", "--kind", "vehicle", "--nation", "CN", "--top", "1"])
        .assert()
        .stdout(predicate::str::contains("Shenzhou-20"))
        .stdout(predicate::str::contains("269 d 16 h 16 min"))
        .stdout(predicate::str::contains(
            "catalog bundled: every human spaceflight in McDowell's tables to 2026-07-03, Shenzhou flights and 14 other flights curated (the ranking covers it only)",
        ));
}

#[test]
fn other_record_kinds_rank_real_figures() {
    let cumulative = json(&[
        "records",
        "--kind",
        "cumulative",
        "--nation",
        "CN",
        "--as-of",
        "2026-07-03",
        "--top",
        "1",
    ]);
    assert_eq!(cumulative["entries"][0]["astronauts"][0], "chen-dong");
    let eva = json(&["records", "--kind", "eva", "--top", "3"]);
    assert_eq!(eva["entries"].as_array().unwrap().len(), 3);
    let eva_total = json(&["records", "--kind", "eva-total", "--top", "1"]);
    assert!(
        eva_total["entries"][0]["elapsed"]["seconds"]
            .as_i64()
            .unwrap()
            > 20 * 3600
    );
}

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
    assert_eq!(gaps[0]["start"], "2025-11-04+08:00");
    assert_eq!(gaps[0]["end"], "2025-11-14T11:14+08:00");
    assert_eq!(gaps[0]["short"], 3);
    assert_eq!(gaps[0]["aboard"].as_array().unwrap().len(), 6);
    assert_eq!(gaps[1]["start"], "2025-11-14T11:14+08:00");
    assert_eq!(gaps[1]["end"], "2025-11-25T15:50+08:00");
    assert_eq!(gaps[1]["short"], 3);
    assert_eq!(gaps[1]["elapsed"]["seconds"], 11 * DAY + 4 * 3600 + 36 * 60);
    // Six aboard during the handover, from Shenzhou-21's docking.
    let six = report["occupancy"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["aboard"].as_array().unwrap().len() == 6)
        .unwrap();
    assert_eq!(six["start"], "2025-11-01T03:22+08:00");
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
fn unknown_station_and_bad_kind_are_usage_errors() {
    common::orbitline()
        .args(["station", "tiangong2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `tiangong-2`?"));
    common::orbitline()
        .args(["records", "--kind", "longest"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a record kind"));
}
