//! `orbitline records` (issue 3): rankings, the progression of a record and `--as-of`, on the bundled
//! catalog.

mod common;

use common::json;
use predicates::prelude::*;

const DAY: i64 = 86_400;

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
        if let Some(end) = e["end"]["utc"].as_str() {
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
        .stdout(predicate::str::contains("269 d 16 h 17 min"))
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
    // Chen Dong's six EVAs: at least 1 d 6 h 12 min; two started on dates only, so no single figure.
    let top = &eva_total["entries"][0];
    assert_eq!(top["key"], "chen-dong");
    assert!(top["elapsed"]["min_seconds"].as_i64().unwrap() > 20 * 3600);
    assert_eq!(top["elapsed"]["seconds"], serde_json::Value::Null);
    assert_eq!(top["route"], "6 EVAs");
}

/// Issue 16: the EVAs whose start is only a date ranked first on the upper bound of their range. They
/// now follow the EVAs whose times are known, each with the places it could hold, and the header says how
/// many are imprecise.
#[test]
fn eva_rankings_rank_by_what_is_known() {
    let report = json(&["records", "--kind", "eva", "--top", "100"]);
    let entries = report["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 21);
    assert_eq!(report["imprecise"], 13);
    let (known, dated): (Vec<_>, Vec<_>) = entries
        .iter()
        .partition(|e| e["elapsed"]["seconds"].is_i64());
    assert_eq!((known.len(), dated.len()), (8, 13));
    // The eight known first, longest first; each could be overtaken by the dated ones, not by each other.
    assert!(entries[..8]
        .iter()
        .all(|e| e["elapsed"]["seconds"].is_i64()));
    assert_eq!(entries[0]["key"], "shenzhou-20/eva-1");
    assert_eq!(
        (&entries[0]["rank"], &entries[0]["rank_at_worst"]),
        (&1.into(), &14.into())
    );
    for (i, e) in entries[..8].iter().enumerate() {
        assert_eq!(e["rank"], i + 1, "{e}");
    }
    // A dated one could be first or last.
    let eva_4 = entries
        .iter()
        .find(|e| e["key"] == "shenzhou-20/eva-4")
        .unwrap();
    assert_eq!(
        (&eva_4["rank"], &eva_4["rank_at_worst"]),
        (&1.into(), &21.into())
    );
    assert_eq!(eva_4["elapsed"]["min_seconds"], 3600 + 35 * 60);
    common::orbitline()
        .args(["records", "--kind", "eva", "--top", "10"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "13 entries in scope have a time known only to the day",
        ))
        .stdout(predicate::str::contains(
            "1–14.  Shenzhou-20 eva-1  7 h 59 min",
        ))
        .stdout(predicate::str::contains(
            "between 1 h 35 min and 1 d 1 h 36 min; start known to the day",
        ));
    // Exact figures keep their plain places.
    let stays = json(&["records", "--kind", "stay", "--top", "3"]);
    for e in stays["entries"].as_array().unwrap() {
        assert_eq!(e.get("rank_at_worst"), None, "{e}");
    }
}

#[test]
fn a_scope_without_recorded_evas_says_why() {
    let report = json(&["records", "--kind", "eva", "--program", "soyuz"]);
    assert_eq!(report["entries"].as_array().unwrap().len(), 0);
    let reason = report["empty_reason"].as_str().unwrap();
    assert!(
        reason.starts_with("no EVAs recorded for these "),
        "{reason}"
    );
    common::orbitline()
        .args(["records", "--kind", "eva-total", "--program", "soyuz"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "McDowell's tables do not list them",
        ))
        .stdout(predicate::str::contains("nothing in this scope").not());
}

#[test]
fn an_unknown_record_kind_is_a_usage_error() {
    common::orbitline()
        .args(["records", "--kind", "longest"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a record kind"));
}
