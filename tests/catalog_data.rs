//! The bundled catalog checked against an independent source: J. McDowell's astronaut table gives each
//! person's total time in space to the second (`tests/data/gcat-astro-shenzhou.txt`). orbitline's total,
//! summed over the stays it derives, must agree within the precision of the catalog's times. This pins
//! every launch, every landing and every vehicle swap in `missions/` at once.

mod common;

use std::collections::BTreeMap;

use serde_json::Value;

/// Name → total seconds (and whether the person was in space when the table was made).
fn mcdowell_totals() -> BTreeMap<String, (i64, bool)> {
    let text = include_str!("data/gcat-astro-shenzhou.txt");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header = lines.next().unwrap();
    let col = |name: &str| header.find(name).unwrap();
    let (name_at, rank_at, dur_at, g_at) =
        (col("Name"), col("Rank"), col("Duration"), col(" G ") + 1);
    lines
        .map(|line| {
            let name = line[name_at..rank_at].trim().to_string();
            let duration = line[dur_at..g_at].trim();
            let in_space = duration.ends_with('*');
            let parts: Vec<i64> = duration
                .trim_end_matches('*')
                .split(':')
                .map(|p| p.parse().unwrap())
                .collect();
            let [d, h, m, s] = parts[..] else {
                panic!("{line}")
            };
            (name, (((d * 24 + h) * 60 + m) * 60 + s, in_space))
        })
        .collect()
}

use common::json;

#[test]
fn every_total_agrees_with_mcdowell_within_the_precision_of_the_data() {
    let totals = mcdowell_totals();
    assert_eq!(totals.len(), 30);
    let registry: Value =
        serde_json::from_str(include_str!("../missions/astronauts.json")).unwrap();
    let people = registry["astronauts"].as_array().unwrap();
    assert_eq!(
        people.len(),
        30,
        "everyone who flew a Shenzhou, and no one else"
    );
    // McDowell's table was made on 2026-07-03 07:03 UTC; people still in space are counted to then.
    let snapshot = "2026-07-03T07:03:57Z";
    let mut checked = 0;
    for person in people {
        let id = person["id"].as_str().unwrap();
        let name = person["name"].as_str().unwrap();
        // McDowell spells one name without its final g.
        let key = if name == "Zhang Xiaoguang" {
            "Zhang Xiaoguan"
        } else {
            name
        };
        let (expected, in_space) = totals[key];
        let report = json(&["duration", id, "--now", snapshot]);
        let total = &report["total"];
        let (min, max) = (
            total["elapsed"]["min_seconds"].as_i64().unwrap(),
            total["elapsed"]["max_seconds"].as_i64().unwrap(),
        );
        assert_eq!(total["in_orbit"].as_bool().unwrap(), in_space, "{name}");
        // An open stay is counted to the snapshot's minute; allow that minute.
        let slack = if in_space { 60 } else { 0 };
        assert!(
            min - slack <= expected && expected <= max + slack,
            "{name}: McDowell {expected} s, orbitline {min}..{max} s"
        );
        checked += 1;
    }
    assert_eq!(checked, 30);
}

#[test]
fn the_catalog_has_every_crewed_shenzhou_and_shenzhou_22() {
    let list = json(&["list", "--program", "shenzhou"]);
    let ids: Vec<&str> = list["flights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    let mut expected: Vec<String> = [
        5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    ]
    .iter()
    .map(|n| format!("shenzhou-{n}"))
    .collect();
    expected.sort();
    let mut got: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    got.sort();
    assert_eq!(got, expected);
}

#[test]
fn every_flight_file_has_sources_and_a_checked_date() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("missions/shenzhou");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let flight: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let sources = flight["sources"].as_array().unwrap();
        assert!(!sources.is_empty(), "{}", path.display());
        assert!(
            sources
                .iter()
                .all(|s| s.as_str().unwrap().starts_with("http")),
            "{}: sources are URLs",
            path.display()
        );
        assert_eq!(flight["checked"], "2026-07-03", "{}", path.display());
    }
}
