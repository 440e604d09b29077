//! `orbitline import`: McDowell's tables (missions/sources/mcdowell, CC-BY J. McDowell, planet4589.org) and Launch
//! Library 2 samples (tests/data/ll2) imported as a user would, then read back with the other commands.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

/// Imports the McDowell snapshot into `out` with `flags`, expects success, returns the JSON summary.
fn import_gcat(out: &Path, flags: &[&str]) -> Value {
    import_gcat_from(
        &common::mcdowell("missions.html"),
        &common::mcdowell("astro.html"),
        out,
        flags,
    )
}

fn import_gcat_from(missions: &Path, astro: &Path, out: &Path, flags: &[&str]) -> Value {
    let stdout = common::stdout_of(
        common::orbitline()
            .args(["import", "gcat", "--missions"])
            .arg(missions)
            .arg("--astro")
            .arg(astro)
            .arg("--out")
            .arg(out)
            .args(flags)
            .arg("--json"),
    );
    serde_json::from_slice(&stdout).unwrap()
}

fn on(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--data", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    common::json(&all)
}

/// Asserts two folders hold the same files with the same bytes, naming the first difference.
fn assert_same_files(a: &Path, b: &Path) {
    let (a, b) = (files(a), files(b));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        if *bytes != b[name] {
            panic!(
                "{name} differs:\n{}\n---\n{}",
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(&b[name])
            );
        }
    }
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
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// McDowell's astronaut table: number (AS-00001) → (total seconds, in space).
fn mcdowell_totals() -> BTreeMap<String, (i64, bool)> {
    let text = fs::read_to_string(common::mcdowell("astro.html")).unwrap();
    let header = text.lines().find(|l| l.starts_with("No ")).unwrap();
    let at = |name: &str| header.find(name).unwrap();
    let (duration, g) = (at("Duration"), at(" G ") + 1);
    text.lines()
        .filter(|l| l.starts_with("AS-") || l.starts_with("AF-") || l.starts_with("AA-"))
        .map(|l| {
            let cell = l[duration..g].trim();
            let in_space = cell.ends_with('*');
            let parts: Vec<i64> = cell
                .trim_end_matches('*')
                .split(':')
                .map(|p| p.parse().unwrap())
                .collect();
            let [d, h, m, s] = parts[..] else {
                panic!("{l}")
            };
            (
                l[..8].to_string(),
                (((d * 24 + h) * 60 + m) * 60 + s, in_space),
            )
        })
        .collect()
}

use common::MCDOWELL_SNAPSHOT as SNAPSHOT;

#[test]
fn the_mcdowell_snapshot_imports_validates_and_every_total_matches() {
    let out = tempfile::tempdir().unwrap();
    let summary = import_gcat(out.path(), &[])["gcat"].clone();
    assert_eq!(summary["rows"], 427);
    assert_eq!(summary["flights"], 410);
    assert_eq!(summary["aborts"], 15);
    assert_eq!(summary["nonhuman"], 2);
    assert_eq!(summary["people"], 783);
    assert_eq!(summary["matched_exactly"], 641);
    assert_eq!(summary["matched_by_inference"], 132);
    assert_eq!(summary["in_space"], 10);
    assert_eq!(summary["in_space_matched"], 10);
    assert_eq!(summary["unresolved"], serde_json::json!([]));
    assert_eq!(
        summary["added_flights"],
        serde_json::json!(["Soyuz-34", "Soyuz MS-23", "Shenzhou 22"])
    );
    let valid = on(out.path(), &["validate"]);
    assert_eq!(valid["flights"], 413);
    assert_eq!(valid["astronauts"], 783);
    assert_eq!(valid["in_orbit"], 10);
}

#[test]
fn cumulative_records_agree_with_the_duration_column_for_every_final_total() {
    let out = tempfile::tempdir().unwrap();
    // With aborts and non-human flights kept, every row of the astronaut table is a person in the catalog.
    import_gcat(out.path(), &["--include-aborts", "--include-nonhuman"]);
    let records = on(
        out.path(),
        &[
            "records",
            "--kind",
            "cumulative",
            "--top",
            "10000",
            "--as-of",
            SNAPSHOT,
            "--now",
            SNAPSHOT,
        ],
    );
    // McDowell's total is the sum of the differences of his published times: it lies within the range
    // the catalog gives (its lower bound where a landing is known to the minute: docs/figures.md).
    let ranges: BTreeMap<String, std::ops::RangeInclusive<i64>> = records["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let bound = |k: &str| e["elapsed"][k].as_i64().unwrap();
            (
                e["key"].as_str().unwrap().to_string(),
                bound("min_seconds")..=bound("max_seconds"),
            )
        })
        .collect();
    let ids = common::mcdowell_ids_by_number(&out.path().join("astronauts.json"));
    let mut agree = 0;
    let mut disagree = Vec::new();
    for (number, (total, in_space)) in mcdowell_totals() {
        if in_space {
            continue;
        }
        let id = &ids[&number];
        if ranges.get(id).is_some_and(|r| r.contains(&total)) {
            agree += 1;
        } else {
            disagree.push(format!(
                "{id}: McDowell {total}, catalog {:?}",
                ranges.get(id)
            ));
        }
    }
    assert!(disagree.is_empty(), "{disagree:#?}");
    assert_eq!(agree, 778, "every person whose total is final");
    // Named people: Polyakov (two stays, one of 437 days), Kononenko (five), Chen Dong (down on
    // Shenzhou 21 on his third), Rubio (down on Soyuz MS-23, a ship with no row).
    for (id, expected) in [
        ("valeriy-polyakov", "678:16:33:18"),
        ("oleg-kononenko", "1110:15:00:11"),
        ("chen-dong", "418:15:16:19"),
        ("francisco-rubio", "370:21:22:11"),
    ] {
        let p: Vec<i64> = expected.split(':').map(|x| x.parse().unwrap()).collect();
        let want = ((p[0] * 24 + p[1]) * 60 + p[2]) * 60 + p[3];
        assert!(
            ranges[id].contains(&want),
            "{id}: {want} in {:?}",
            ranges[id]
        );
    }
}

#[test]
fn the_longest_single_stay_is_polyakovs_and_the_swaps_are_where_they_belong() {
    let out = tempfile::tempdir().unwrap();
    import_gcat(out.path(), &[]);
    let stays = on(
        out.path(),
        &["records", "--kind", "stay", "--top", "3", "--now", SNAPSHOT],
    );
    let first = &stays["entries"][0];
    assert_eq!(first["key"], "valeriy-polyakov");
    assert_eq!(first["route"], "Soyuz TM-18 → Soyuz TM-20");
    assert_eq!(
        first["elapsed"]["seconds"],
        ((437 * 24 + 17) * 60 + 58) * 60 + 31
    );

    let chen = on(out.path(), &["duration", "chen-dong", "--now", SNAPSHOT]);
    let third = &chen["stays"][2];
    assert_eq!(
        (&third["up"], &third["down"]),
        (&"shenzhou-20".into(), &"shenzhou-21".into())
    );
    assert_eq!(third["end"]["utc"], "2025-11-14T08:40:31Z");

    let rubio = on(
        out.path(),
        &["duration", "francisco-rubio", "--now", SNAPSHOT],
    );
    assert_eq!(rubio["stays"][0]["down"], "soyuz-ms-23");
    assert_eq!(rubio["stays"][0]["end_inferred"], true);
    let ms23: Value = serde_json::from_str(
        &fs::read_to_string(out.path().join("soyuz/soyuz-ms-23.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(ms23["landing"]["time"], "2023-09-27T11:17:00Z");
    assert_eq!(ms23["landing"]["inferred"], true);
    assert!(ms23["landing"]["notes"]
        .as_str()
        .unwrap()
        .contains("Inferred"));
}

#[test]
fn times_keep_the_precision_and_uncertainty_of_the_table() {
    let out = tempfile::tempdir().unwrap();
    import_gcat(out.path(), &[]);
    let read = |path: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(out.path().join(path)).unwrap()).unwrap()
    };
    let vostok = read("vostok/vostok.json");
    assert_eq!(vostok["launch"]["time"], "1961-04-12T06:07:00Z");
    assert_eq!(vostok["landing"]["time"], "1961-04-12T07:47Z");
    let ms12 = read("soyuz/soyuz-ms-12.json");
    assert_eq!(ms12["landing"]["time"], "2019-10-03T10:59:20Z");
    assert_eq!(ms12["landing"]["uncertain"], true);
    let sz23 = read("shenzhou/shenzhou-23.json");
    assert!(sz23.get("landing").is_none(), "in progress: no landing");
    assert_eq!(sz23["checked"], "2026-07-03");

    let with_aborts = tempfile::tempdir().unwrap();
    import_gcat(with_aborts.path(), &["--include-aborts"]);
    let x15: Value = serde_json::from_str(
        &fs::read_to_string(with_aborts.path().join("x-15/x-15-3-x3a11.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        x15["launch"]["time"], "1962-07-10Z",
        "a date alone is a UTC day"
    );
}

#[test]
fn importing_twice_gives_the_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    import_gcat(a.path(), &[]);
    import_gcat(b.path(), &[]);
    let first = files(a.path());
    assert_eq!(first.len(), 416);
    assert_same_files(a.path(), b.path());
    // Again into the same folder: nothing changes, nothing needs --force.
    let again = import_gcat(a.path(), &[]);
    assert_eq!(again["written"]["written"], 0);
    assert_eq!(again["written"]["unchanged"], 416);
    assert!(first == files(a.path()), "unchanged");
}

/// The fixed-width table as McDowell's tab-separated layout: same columns, `#` before the header.
fn to_tsv(fixed: &str) -> String {
    let header = fixed
        .lines()
        .find(|l| l.starts_with("HSFID") || l.starts_with("No "))
        .unwrap();
    let starts: Vec<usize> = header
        .char_indices()
        .filter(|&(i, c)| c != ' ' && (i == 0 || header.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| i)
        .collect();
    let cut = |line: &str| -> String {
        let chars: Vec<char> = line.chars().collect();
        (0..starts.len())
            .map(|k| {
                let from = starts[k].min(chars.len());
                let to = starts
                    .get(k + 1)
                    .map_or(chars.len(), |&e| e.min(chars.len()));
                chars[from..to.max(from)]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\t")
    };
    let mut out = format!("#{}\n", cut(header));
    for line in fixed.lines() {
        if line.starts_with("# Updated") {
            out.push_str(line);
            out.push('\n');
        } else if line.len() > 8
            && (line.starts_with('H') || line.starts_with('A'))
            && line != header
        {
            out.push_str(&cut(line));
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_tab_separated_layout_gives_the_same_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let missions = dir.path().join("missions.tsv");
    let astro = dir.path().join("astro.tsv");
    fs::write(
        &missions,
        to_tsv(&fs::read_to_string(common::mcdowell("missions.html")).unwrap()),
    )
    .unwrap();
    fs::write(
        &astro,
        to_tsv(&fs::read_to_string(common::mcdowell("astro.html")).unwrap()),
    )
    .unwrap();
    let (a, b) = (dir.path().join("from-tsv"), dir.path().join("from-html"));
    let summary = import_gcat_from(&missions, &astro, &a, &[]);
    assert_eq!(summary["gcat"]["layouts"][0], "tab-separated");
    import_gcat(&b, &[]);
    assert_same_files(&a, &b);
}

#[test]
fn an_existing_file_is_not_overwritten_without_force() {
    let out = tempfile::tempdir().unwrap();
    import_gcat(out.path(), &[]);
    let file = out.path().join("vostok/vostok.json");
    fs::write(&file, "{\"edited\": true}\n").unwrap();
    let refused = common::orbitline()
        .args(["import", "gcat", "--missions"])
        .arg(common::mcdowell("missions.html"))
        .arg("--astro")
        .arg(common::mcdowell("astro.html"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("vostok.json: exists and would be overwritten"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "{\"edited\": true}\n");
    import_gcat(out.path(), &["--force"]);
    assert!(fs::read_to_string(&file).unwrap().contains("\"Vostok\""));
}

#[test]
fn merge_adds_to_a_catalog_and_names_every_clashing_id() {
    let out = tempfile::tempdir().unwrap();
    import_gcat(out.path(), &[]);
    let before = files(out.path());
    let clash = common::orbitline()
        .args(["import", "ll2"])
        .arg(data("ll2/astronaut-276-viehboeck.json"))
        .arg("--out")
        .arg(out.path())
        .arg("--merge")
        .output()
        .unwrap();
    assert_eq!(clash.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&clash.stderr);
    for id in ["`soyuz-tm-12`", "`soyuz-tm-13`", "`franz-viehbock`"] {
        assert!(stderr.contains(id), "{id} in {stderr}");
    }
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(before == files(out.path()), "a clash writes nothing");

    // Disjoint data merges: the stations, then the Soyuz MS-29 launch.
    let ll2 = tempfile::tempdir().unwrap();
    let first = common::orbitline()
        .args(["import", "ll2"])
        .arg(data("ll2/space-stations-detailed.json"))
        .arg("--out")
        .arg(ll2.path())
        .output()
        .unwrap();
    assert!(first.status.success());
    let merged = common::orbitline()
        .args(["import", "ll2"])
        .arg(data("ll2/astronaut-276-viehboeck.json"))
        .arg("--out")
        .arg(ll2.path())
        .args(["--merge", "--json"])
        .output()
        .unwrap();
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let report: Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert!(report["written"]["added"].as_u64().unwrap() >= 3);
    let valid = on(ll2.path(), &["validate"]);
    assert_eq!(valid["vehicle_swaps"], 1);
}

#[test]
fn the_ll2_samples_import_and_viehboeck_swaps_vehicles() {
    let out = tempfile::tempdir().unwrap();
    let mut cmd = common::orbitline();
    cmd.args(["import", "ll2"]);
    for name in [
        "astronaut-276-viehboeck.json",
        "launch-detail-soyuz-ms-29.json",
        "launch-upcoming-detailed.json",
        "space-stations-detailed.json",
    ] {
        cmd.arg(data(&format!("ll2/{name}")));
    }
    let stdout = common::stdout_of(cmd.arg("--out").arg(out.path()).arg("--json"));
    let report: Value = serde_json::from_slice(&stdout).unwrap();
    let summary = &report["ll2"];
    assert_eq!(summary["stations"], 15);
    assert!(
        summary["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["subject"] == "Flight 13"),
        "the uncrewed Starship test flight is left out"
    );
    on(out.path(), &["validate"]);

    let viehboeck = on(
        out.path(),
        &["duration", "franz-viehbock", "--now", SNAPSHOT],
    );
    let stay = &viehboeck["stays"][0];
    assert_eq!(stay["up_name"], "Soyuz TM-13");
    assert_eq!(stay["down_name"], "Soyuz TM-12");
    assert_eq!(stay["vehicle_swap"], true);
    assert_eq!(stay["start"]["utc"], "1991-10-02T05:59:38Z");
    assert_eq!(stay["end"]["utc"], "1991-10-10T04:12:00Z");

    // The station response is newer than the launch detail: Soyuz MS-29 launched, docked at Prichal.
    let ms29 = on(out.path(), &["show", "soyuz-ms-29", "--now", SNAPSHOT]);
    assert_eq!(
        ms29["flight"]["launch"]["time"]["utc"],
        "2026-07-14T14:47:43Z"
    );
    assert_eq!(ms29["flight"]["docking"]["port"], "Prichal nadir");
    assert_eq!(ms29["flight"]["station"], "iss");
    assert_eq!(
        ms29["flight"]["launch"]["crew"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn an_ll2_launch_not_yet_flown_is_planned_at_its_net_precision() {
    let out = tempfile::tempdir().unwrap();
    common::stdout_of(
        common::orbitline()
            .args(["import", "ll2"])
            .arg(data("ll2/launch-detail-soyuz-ms-29.json"))
            .arg("--out")
            .arg(out.path()),
    );
    let ms29: Value = serde_json::from_str(
        &fs::read_to_string(out.path().join("soyuz-ms/soyuz-ms-29.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        ms29["launch"]["planned"], "2026-07-14T14:43Z",
        "net_precision: minute"
    );
    assert!(ms29["launch"].get("time").is_none());
    on(out.path(), &["validate"]);
}

#[test]
fn ll2_shapes_from_the_api_documentation_import() {
    // 2.2.0: a `results` list, spacecraft_stage as one object, nationality as a word, no net_precision on
    // a launch that happened; 2.3.0: spacecraft_stage as a list, countries as objects.
    let dir = tempfile::tempdir().unwrap();
    let person = |id: i64, name: &str, nationality: Value| serde_json::json!({"id": id, "name": name, "nationality": nationality});
    let v22 = serde_json::json!({"count": 1, "next": null, "previous": null, "results": [{
        "id": "uuid-1", "url": "https://ll.thespacedevs.com/2.2.0/launch/uuid-1/", "name": "Soyuz-FG | Soyuz TMA-1",
        "net": "2002-10-30T03:11:11Z", "status": {"id": 3, "name": "Launch Successful"},
        "last_updated": "2021-01-01T00:00:00Z",
        "launch_service_provider": {"name": "Russian Federal Space Agency (ROSCOSMOS)"},
        "mission": {"name": "Soyuz TMA-1"},
        "rocket": {"spacecraft_stage": {
            "id": 10, "destination": "International Space Station", "mission_end": "2002-11-10T00:04:00Z",
            "spacecraft": {"name": "Soyuz TMA-1", "spacecraft_config": {"id": 5, "name": "Soyuz TMA", "crew_capacity": 3}},
            "launch_crew": [
                {"id": 900, "role": {"role": "Commander"}, "astronaut": person(1, "Sergei Zalyotin", "Russian".into())},
                {"id": 901, "role": {"role": "Flight Engineer"}, "astronaut": person(2, "Frank De Winne", "Belgian".into())}
            ],
            "landing_crew": [
                {"id": 950, "role": {"role": "Commander"}, "astronaut": person(1, "Sergei Zalyotin", "Russian".into())},
                {"id": 951, "role": {"role": "Flight Engineer"}, "astronaut": person(2, "Frank De Winne", "Belgian".into())}
            ]
        }}
    }]});
    let v23 = serde_json::json!({
        "id": "uuid-2", "url": "https://ll.thespacedevs.com/2.3.0/launches/uuid-2/", "name": "Falcon 9 | Crew-X",
        "net": "2030-01-01T00:00:00Z", "net_precision": {"id": 7, "name": "Month"}, "status": {"id": 2},
        "launch_service_provider": {"name": "SpaceX", "country": [{"alpha_2_code": "US"}]},
        "rocket": {"spacecraft_stage": [{"id": 11, "launch_crew": [], "landing_crew": [],
            "spacecraft": {"name": "Crew Dragon", "spacecraft_config": {"name": "Crew Dragon 2", "human_rated": true, "crew_capacity": 4}}}]}
    });
    let (a, b) = (dir.path().join("v22.json"), dir.path().join("v23.json"));
    fs::write(&a, v22.to_string()).unwrap();
    fs::write(&b, serde_json::to_string_pretty(&v23).unwrap()).unwrap();
    let out = dir.path().join("out");
    let stdout = common::stdout_of(
        common::orbitline()
            .args(["import", "ll2"])
            .arg(&a)
            .arg(&b)
            .arg("--out")
            .arg(&out),
    );
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(
        stdout.contains("Crew-X: launch date known only to the month"),
        "{stdout}"
    );
    let show = on(&out, &["show", "soyuz-tma-1"]);
    assert_eq!(show["flight"]["launch"]["crew"][0]["role"], "commander");
    assert_eq!(
        show["flight"]["landing"]["time"]["utc"],
        "2002-11-10T00:04:00Z"
    );
    let people = on(&out, &["duration", "frank-de-winne"]);
    assert_eq!(people["total"]["elapsed"]["seconds"], 939_169);
}

#[test]
fn bad_input_is_located_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missions = dir.path().join("missions.html");
    let text = fs::read_to_string(common::mcdowell("missions.html"))
        .unwrap()
        .replacen("1961 Apr 12 0607:00", "1961 Apx 12 0607:00", 1);
    fs::write(&missions, text).unwrap();
    let output = common::orbitline()
        .args(["import", "gcat", "--missions"])
        .arg(&missions)
        .arg("--astro")
        .arg(common::mcdowell("astro.html"))
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("missions.html:8:78: `1961 Apx 12 0607:00` is not a date"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
    assert!(!dir.path().join("out").exists(), "nothing written");

    let json = dir.path().join("broken.json");
    fs::write(&json, "{\"results\": [\n  {\"net\": 3,,}\n]}").unwrap();
    let output = common::orbitline()
        .args(["import", "ll2"])
        .arg(&json)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("broken.json:2:"), "{stderr}");

    let output = common::orbitline()
        .args([
            "import",
            "gcat",
            "--missions",
            "/nonexistent/m.html",
            "--astro",
        ])
        .arg(common::mcdowell("astro.html"))
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("/nonexistent/m.html: cannot read the file"));
}
