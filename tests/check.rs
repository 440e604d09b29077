//! `orbitline check` (issue 3): published claims of days, durations and records, judged under each
//! convention and at the precision of the data, on the bundled catalog and on catalogs derived from
//! `tests/fixtures/swap/`.

mod common;

use std::fs;

use common::json;
use predicates::prelude::*;

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
fn json_gives_each_finding_as_an_object() {
    let report = json(&[
        "check",
        "shenzhou-20",
        "--days",
        "204",
        "--record",
        "crew",
        "--nation",
        "CN",
    ]);
    let days = &report["parts"][0]["results"];
    let count = |convention: &str, zone: Option<&str>| {
        days.as_array()
            .unwrap()
            .iter()
            .find(|r| {
                r["convention"] == convention && r.get("zone").and_then(|z| z.as_str()) == zone
            })
            .unwrap_or_else(|| panic!("no {convention} count in {days}"))
            .clone()
    };
    assert_eq!(count("rounded", None)["value"], 204);
    assert_eq!(count("rounded", None)["holds"], "holds");
    assert_eq!(count("floor", None)["value"], 203);
    assert_eq!(count("floor", None)["holds"], "fails");
    assert_eq!(count("calendar", Some("+08:00"))["holds"], "holds");
    let record = &report["parts"][1]["results"][0];
    assert_eq!(record["kind"], "record");
    assert_eq!(record["set_record"], true);
    assert_eq!(record["ended"]["utc"], "2025-11-14T08:40:31Z");
    assert_eq!(record["beat"]["label"], "Shenzhou-18 crew");
    // 203 d 23 h 23 min against 192 d 4 h 25 min 27 s.
    assert_eq!(record["margin_seconds"], 17_623_380 - 16_604_727);
    assert_eq!(record["beaten_by"]["label"], "Shenzhou-21 crew");
    assert_eq!(record["record_then"], serde_json::Value::Null);
    assert!(
        report["parts"][0].get("reasons").is_none(),
        "reasons are for people"
    );
}
