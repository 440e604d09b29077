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
