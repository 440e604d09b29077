//! The bundled catalog is the whole history: `missions/generated/` is exactly what the documented command
//! makes of McDowell's tables in `missions/sources/mcdowell/` (CC-BY J. McDowell, planet4589.org), the
//! curated files take precedence, and every person's total in the bundled catalog is McDowell's, to the
//! second, for every human in his astronaut table (aborted launches included).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every file below `dir`, relative path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn the_generated_layer_is_a_fresh_generation_byte_for_byte() {
    let out = tempfile::tempdir().unwrap();
    let generated = out.path().join("generated");
    let sources = repo("missions/sources/mcdowell");
    common::orbitline()
        .args(["import", "gcat", "--include-aborts", "--missions"])
        .arg(sources.join("missions.html"))
        .arg("--astro")
        .arg(sources.join("astro.html"))
        .arg("--out")
        .arg(&generated)
        .assert()
        .success();
    let (fresh, committed) = (files(&generated), files(&repo("missions/generated")));
    assert_eq!(
        fresh.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "missions/generated has other files than a fresh generation: regenerate (missions/sources/mcdowell/README.md)"
    );
    for (name, bytes) in &fresh {
        assert!(
            *bytes == committed[name],
            "missions/generated/{name} differs from a fresh generation: regenerate (missions/sources/mcdowell/README.md)"
        );
    }
}

/// McDowell's `No` → (total seconds, in space at the update), for every human row.
fn mcdowell_totals() -> BTreeMap<String, (i64, bool)> {
    let text = fs::read_to_string(repo("missions/sources/mcdowell/astro.html")).unwrap();
    let header = text.lines().find(|l| l.starts_with("No ")).unwrap();
    let at = |name: &str| header.find(name).unwrap();
    let (duration, g) = (at("Duration"), at(" G ") + 1);
    text.lines()
        .filter(|l| l.starts_with("AS-") || l.starts_with("AF-"))
        .map(|l| {
            let cell = l[duration..g].trim();
            let parts: Vec<i64> = cell
                .trim_end_matches('*')
                .split(':')
                .map(|p| p.parse().unwrap())
                .collect();
            let [d, h, m, s] = parts[..] else {
                panic!("{l}")
            };
            let seconds = ((d * 24 + h) * 60 + m) * 60 + s;
            (l[..8].to_string(), (seconds, cell.ends_with('*')))
        })
        .collect()
}

use common::MCDOWELL_SNAPSHOT as SNAPSHOT;

#[test]
fn every_persons_total_in_the_bundled_catalog_is_mcdowells_to_the_second() {
    let records = common::json(&[
        "records",
        "--kind",
        "cumulative",
        "--top",
        "10000",
        "--as-of",
        SNAPSHOT,
        "--now",
        SNAPSHOT,
    ]);
    // McDowell sums the differences of his published times: to the second where the catalog's range is a
    // single value, and within the range where a time is known to the minute (there his figure is the
    // range's lower bound, and the catalog's figure its middle: docs/figures.md).
    let ranges: BTreeMap<String, (i64, i64)> = records["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let key = e["key"].as_str().unwrap().to_string();
            let bound = |k: &str| e["elapsed"][k].as_i64().unwrap();
            (key, (bound("min_seconds"), bound("max_seconds")))
        })
        .collect();
    let ids = common::mcdowell_ids_by_number(&repo("missions/generated/astronauts.json"));
    let totals = mcdowell_totals();
    let mut disagree = Vec::new();
    for (number, (total, _)) in &totals {
        let id = &ids[number];
        if !ranges
            .get(id)
            .is_some_and(|(lo, hi)| (lo..=hi).contains(&total))
        {
            disagree.push(format!(
                "{id}: McDowell {total}, catalog {:?}",
                ranges.get(id)
            ));
        }
    }
    assert!(disagree.is_empty(), "{disagree:#?}");
    // Every human row: 786, in space at the update or not; the three who flew only STS-51-L included.
    assert_eq!(totals.len(), 786);
    for id in ["christa-mcauliffe", "michael-smith", "gregory-jarvis"] {
        assert_eq!(
            ranges.get(id),
            Some(&(286, 286)),
            "{id}: 4 min 46 s on STS-51-L"
        );
    }
}

fn stdout(args: &[&str]) -> String {
    let out = common::orbitline().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn the_questions_people_ask_of_the_whole_history() {
    let apollo = stdout(&["duration", "apollo-11"]);
    assert!(apollo.contains("8 d 3 h 18 min 35 s"), "{apollo}");
    let stay = stdout(&["records", "--kind", "stay", "--top", "1"]);
    assert!(stay.contains("Valeriy Vladimirovich Polyakov"), "{stay}");
    assert!(stay.contains("437 d 17 h 58 min 31 s"), "{stay}");
    let crew = stdout(&["records", "--kind", "crew", "--nation", "CN", "--top", "1"]);
    assert!(crew.contains("1.  Shenzhou-21 crew"), "{crew}");
    let check = stdout(&[
        "check",
        "shenzhou-20",
        "--days",
        "204",
        "--record",
        "crew",
        "--nation",
        "CN",
    ]);
    assert!(
        check.contains("✓ holds: the record for longest crew stays"),
        "{check}"
    );
    assert!(
        check.contains(
            "every human spaceflight in McDowell's tables to 2026-07-03, Shenzhou flights and 14 other flights curated"
        ),
        "{check}"
    );
    let soyuz_11 = stdout(&["show", "soyuz-11"]);
    assert!(
        soyuz_11.contains("crew lost during the return (re-entry and landing)"),
        "{soyuz_11}"
    );
    assert!(
        soyuz_11.contains("Died in flight: Georgiy Timofeevich Dobrovol'skiy (died 1971-06-30)"),
        "{soyuz_11}"
    );
    let mcauliffe = stdout(&["duration", "christa-mcauliffe"]);
    assert!(
        mcauliffe.contains("Died in flight, 1986-01-28"),
        "{mcauliffe}"
    );
}

#[test]
fn aborts_are_flights_with_their_outcome_and_no_station_they_never_reached() {
    for (id, name) in [
        ("soyuz-t-10-1", "Soyuz T-10-1"),
        ("soyuz-ms-10", "Soyuz MS-10"),
        ("soyuz-18-1", "Soyuz 18-1"),
        ("sts-51-l", "STS 51-L"),
    ] {
        let show = common::json(&["show", id]);
        assert_eq!(show["flight"]["name"], name);
        assert_eq!(show["flight"]["station"], Value::Null, "{id}");
        let outcome = if id == "sts-51-l" {
            "crew-lost-on-launch"
        } else {
            "aborted-launch"
        };
        assert_eq!(show["flight"]["outcome"], outcome, "{id}");
    }
    let ms10 = common::json(&["show", "soyuz-ms-10"]);
    assert_eq!(ms10["flight"]["orbit"], "suborbital");
    assert_eq!(
        common::json(&["show", "apollo-11"])["flight"]["deep_space"],
        true
    );
}

#[test]
fn one_person_one_id_and_curated_entries_win() {
    let registry: Value = serde_json::from_str(
        &fs::read_to_string(repo("missions/generated/astronauts.json")).unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = registry["astronauts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"zhang-xiaoguang") && !ids.contains(&"zhang-xiaoguan"));
    // The bundled catalog has one entry for him, the curated one (his name as CMSA writes it).
    let duration = stdout(&["duration", "zhang-xiaoguang"]);
    assert!(duration.contains("Zhang Xiaoguang"), "{duration}");
    // Curated Shenzhou-20 (with its debris strike) replaced the generated one.
    let why = stdout(&["why", "shenzhou-22/launch"]);
    assert!(why.contains("debris"), "{why}");
}

#[test]
fn records_mark_fates_and_filter_by_orbit() {
    let suborbital = stdout(&[
        "records",
        "--kind",
        "crew",
        "--orbit",
        "suborbital",
        "--top",
        "10",
    ]);
    assert!(
        suborbital.starts_with("Longest crew stays (all flights; suborbital only)"),
        "{suborbital}"
    );
    assert!(
        suborbital.contains("Soyuz 18-1 crew [aborted launch]"),
        "{suborbital}"
    );
    assert!(!suborbital.contains("Soyuz TM"), "{suborbital}");
    let any = stdout(&["records", "--kind", "stay", "--top", "1"]);
    assert!(
        any.starts_with("Longest single stays (all flights; orbital or suborbital)"),
        "{any}"
    );
    let lost = common::json(&[
        "records", "--kind", "crew", "--nation", "US", "--top", "1000",
    ]);
    let sts_107 = lost["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["flights"][0] == "sts-107")
        .unwrap();
    assert_eq!(
        sts_107["marks"][0],
        "crew lost during the return (re-entry and landing)"
    );
    let hague = stdout(&[
        "records",
        "--kind",
        "cumulative",
        "--nation",
        "US",
        "--top",
        "20",
    ]);
    let line = hague.lines().find(|l| l.contains("Hague")).unwrap();
    assert!(line.contains("[includes 1 aborted launch]"), "{line}");
    let sts_107 = stdout(&["duration", "sts-107"]);
    assert!(
        sts_107.contains(
            "Outcome: crew lost during the return (re-entry and landing), 2003-02-01 14:01:10 UTC"
        ),
        "{sts_107}"
    );
}

#[test]
fn open_flights_count_to_the_last_check_unless_now_says_otherwise() {
    // The clock is past the last check (2026-07-03): the figure is a lower bound at the last check.
    let open = stdout(&["duration", "shenzhou-23"]);
    assert!(
        open.contains("in orbit: at least 39 d 8 h 52 min (at last check, 2026-07-03)"),
        "{open}"
    );
    let later = stdout(&["duration", "shenzhou-23", "--now", "2026-09-01"]);
    assert!(
        later.contains("99 d 8 h 52 min so far (extrapolated past the last check)"),
        "{later}"
    );
    let within = stdout(&["duration", "shenzhou-23", "--now", "2026-07-01"]);
    assert!(within.contains("37 d 8 h 52 min so far\n"), "{within}");
}

#[test]
fn the_ids_curated_files_use_are_generated_ids() {
    // Curated story files replace the generated flights with these ids: they must stay stable.
    let list = common::json(&["list"]);
    let ids: Vec<&str> = list["flights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for id in [
        "soyuz-t-10-1",
        "soyuz-ms-10",
        "soyuz-18-1",
        "sts-51-l",
        "soyuz-ms-22",
        "soyuz-ms-23",
        "starliner-cft",
        "soyuz-11",
        "apollo-13",
        "sts-107",
        "sts-113",
        "soyuz-tma-1",
        "soyuz-tm-18",
        "soyuz-tm-20",
        "dragon-crew-9",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
}

/// Copies every file below `from` into `to`.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn a_data_folder_with_a_generated_layer_takes_curated_files_over_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo("missions/generated"), &dir.path().join("generated"));
    let mut apollo: Value = serde_json::from_str(
        &fs::read_to_string(repo("missions/generated/apollo/apollo-11.json")).unwrap(),
    )
    .unwrap();
    apollo["notes"] = "Curated: replaces the generated file.".into();
    apollo.as_object_mut().unwrap().remove("orbit");
    fs::write(dir.path().join("apollo-11.json"), apollo.to_string()).unwrap();
    let registry = serde_json::json!({"astronauts": [
        {"id": "neil-armstrong", "name": "Neil Armstrong", "nation": "US"}
    ]});
    fs::write(dir.path().join("astronauts.json"), registry.to_string()).unwrap();
    let data = dir.path().to_str().unwrap();
    let show = common::json(&["--data", data, "show", "apollo-11"]);
    assert_eq!(
        show["flight"]["notes"],
        "Curated: replaces the generated file."
    );
    assert_eq!(
        show["flight"]["orbit"], "orbital",
        "kept from the generated flight"
    );
    let duration = stdout(&["--data", data, "duration", "apollo-11"]);
    assert!(
        duration.contains("crew: Neil Armstrong (commander)"),
        "{duration}"
    );
    let valid = common::json(&["--data", data, "validate"]);
    assert_eq!(
        (valid["flights"].as_u64(), valid["astronauts"].as_u64()),
        (Some(428), Some(786))
    );
    // Within the curated layer an id given twice is still an error.
    fs::write(dir.path().join("apollo-11-again.json"), apollo.to_string()).unwrap();
    common::orbitline()
        .args(["--data", data, "validate"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("apollo-11"));
}

#[test]
fn the_regeneration_report_lists_where_the_curated_layer_differs() {
    let out = tempfile::tempdir().unwrap();
    let sources = repo("missions/sources/mcdowell");
    let report = common::stdout_of(
        common::orbitline()
            .args(["import", "gcat", "--include-aborts", "--json", "--curated"])
            .arg(repo("missions"))
            .arg("--missions")
            .arg(sources.join("missions.html"))
            .arg("--astro")
            .arg(sources.join("astro.html"))
            .arg("--out")
            .arg(out.path().join("generated")),
    );
    let report: Value = serde_json::from_slice(&report).unwrap();
    let notes: Vec<String> = report["curated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            format!(
                "{}: {}",
                n["subject"].as_str().unwrap(),
                n["reason"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            "astronaut zhang-xiaoguang: name Zhang Xiaoguang (curated), Zhang Xiaoguan (McDowell)",
            "astronaut wu-fei: native name 武飞 (curated), 武飛 (McDowell)",
            "astronaut zhang-hongzhang: native name 张洪章 (curated), 張洪章 (McDowell)",
            "flight soyuz-ms-23: launch 2023-02-24T03:24:29.466+03:00 (curated), 2023-02-24T00:24Z (generated)",
        ]
    );
}

#[test]
fn the_curated_stories_replace_their_generated_flights() {
    let why = stdout(&["why", "soyuz-ms-23/launch"]);
    assert!(why.contains("soyuz-ms-22/coolant-leak"), "{why}");
    let rubio = stdout(&["duration", "francisco-rubio"]);
    assert!(rubio.contains("370 d 21 h 22 min 11 s"), "{rubio}");
    let apollo_13 = common::json(&["show", "apollo-13"]);
    assert_eq!(apollo_13["flight"]["outcome"], "mission-aborted");
    assert_eq!(
        apollo_13["flight"]["deep_space"], true,
        "kept from the generated flight"
    );
}
