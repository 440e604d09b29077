//! Names people use (docs/names.md): every command that takes a flight, an astronaut or a station takes
//! them; `find`; `list --astronauts`; `aloft`. Run on the bundled catalog and on `tests/fixtures/names`
//! (21 real flights from McDowell's tables, as the importer writes them).

mod common;

use predicates::prelude::*;
use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/names");

/// `orbitline --data FIXTURE ARGS --json`, parsed.
fn fixture_json(args: &[&str]) -> Value {
    let mut all = vec!["--data", FIXTURE];
    all.extend_from_slice(args);
    common::json(&all)
}

/// The id `duration NAME` answers about, on the fixture.
fn duration_subject(name: &str) -> String {
    let report = fixture_json(&["duration", name]);
    report["subject"]["id"].as_str().unwrap().to_string()
}

#[test]
fn every_name_form_finds_its_flight_or_person() {
    let forms = [
        ("Shenzhou-20", "shenzhou-20"),
        ("SHENZHOU-20", "shenzhou-20"),
        ("Shenzhou 20", "shenzhou-20"),
        ("shenzhou20", "shenzhou-20"),
        ("Soyuz MS-22", "soyuz-ms-22"),
        ("soyuz ms 22", "soyuz-ms-22"),
        ("Apollo 11", "apollo-11"),
        ("STS-107", "sts-107"),
        ("sts 107", "sts-107"),
        ("Gemini 4", "gemini-iv"),
        ("Crew-9", "dragon-crew-9"),
        // A given name or a nickname McDowell writes in quotes, with the family name.
        ("Frank Rubio", "francisco-rubio"),
        ("Buzz Aldrin", "edwin-aldrin"),
        ("Butch Wilmore", "barry-wilmore"),
        ("Pete Conrad", "charles-conrad"),
        ("Koichi Wakata", "wakata-koichi"),
        ("Wakata Koichi", "wakata-koichi"),
        ("Neil Armstrong", "neil-armstrong"),
        // The start of a given name with the family name.
        ("Tim Peake", "timothy-peake"),
        // A common short form of a given name.
        ("Mike Fincke", "michael-fincke"),
        ("Chen Dong", "chen-dong"),
        ("chen dong", "chen-dong"),
        ("陈冬", "chen-dong"),
        // Native names in McDowell's "family, given" order, either way round.
        ("Поляков, Валерий Владимирович", "valeriy-polyakov"),
        ("Валерий Поляков", "valeriy-polyakov"),
        // A family name alone, when it is unique; diacritics do not matter.
        ("polyakov", "valeriy-polyakov"),
        ("Polyakóv", "valeriy-polyakov"),
        ("peake", "timothy-peake"),
    ];
    for (name, id) in forms {
        assert_eq!(duration_subject(name), id, "{name}");
    }
}

#[test]
fn the_names_of_issue_14_answer_on_the_bundled_catalog() {
    for (name, id) in [
        ("Shenzhou-20", "shenzhou-20"),
        ("Shenzhou 20", "shenzhou-20"),
        ("Soyuz MS-22", "soyuz-ms-22"),
        ("Apollo 11", "apollo-11"),
        ("STS-107", "sts-107"),
        ("Frank Rubio", "francisco-rubio"),
        ("Buzz Aldrin", "edwin-aldrin"),
        ("Butch Wilmore", "barry-wilmore"),
        ("Pete Conrad", "charles-conrad"),
        ("Tim Peake", "timothy-peake"),
        ("Koichi Wakata", "wakata-koichi"),
        ("Chen Dong", "chen-dong"),
        ("陈冬", "chen-dong"),
        ("polyakov", "valeriy-polyakov"),
    ] {
        let report = common::json(&["duration", name]);
        assert_eq!(report["subject"]["id"], id, "{name}");
    }
    let report = common::json(&[
        "station",
        "ISS",
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-02",
    ]);
    assert_eq!(report["station"], "iss");
    // Every Wang, with id, dates and nation.
    let out = common::orbitline()
        .args(["duration", "wang"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    for line in [
        "taylor-wang  Taylor Gun-Jin Wang, astronaut, US, 1985-04-29 – 1985-05-06",
        "liu-wang     Liu Wang (刘旺), astronaut, CN, 2012-06-16 – 2012-06-29",
        "wang-yaping  Wang Yaping (王亚平), astronaut, CN, 2013-06-11 – 2022-04-16",
        "wang-haoze   Wang Haoze (王浩泽), astronaut, CN, 2024-10-29 – 2025-04-30",
        "wang-chun    Wang Chun, astronaut, MT, 2025-04-01 – 2025-04-04",
        "wang-jie     Wang Jie (王杰), astronaut, CN, 2025-04-24 – 2025-11-14",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
}

#[test]
fn a_name_gives_the_same_answer_as_the_id() {
    let by_name =
        common::stdout_of(common::orbitline().args(["--data", FIXTURE, "duration", "Apollo 11"]));
    let by_id =
        common::stdout_of(common::orbitline().args(["--data", FIXTURE, "duration", "apollo-11"]));
    assert_eq!(by_name, by_id);
    let text = String::from_utf8(by_name).unwrap();
    assert!(text.contains("8 d 3 h 18 min 35 s"), "{text}");
}

#[test]
fn stations_by_id_in_any_case_and_by_name() {
    for name in [
        "ISS",
        "iss",
        "International Space Station",
        "international-space-station",
    ] {
        let report = fixture_json(&[
            "station",
            name,
            "--from",
            "2025-11-01",
            "--to",
            "2025-11-02",
        ]);
        assert_eq!(report["station"], "iss", "{name}");
    }
    // The bundled registry's aliases.
    for name in [
        "China Space Station",
        "Tiangong space station",
        "天宫空间站",
    ] {
        let report = common::json(&[
            "station",
            name,
            "--from",
            "2025-11-01",
            "--to",
            "2025-11-02",
        ]);
        assert_eq!(report["station"], "tiangong", "{name}");
    }
}

#[test]
fn aliases_in_the_bundled_registry_find_their_person() {
    for (name, id) in [
        ("Zhang Xiaoguan", "zhang-xiaoguang"),
        ("武飛", "wu-fei"),
        ("張洪章", "zhang-hongzhang"),
        ("Shenzhou 20", "shenzhou-20"),
        ("Chen Dong", "chen-dong"),
    ] {
        let report = common::json(&["duration", name]);
        assert_eq!(report["subject"]["id"], id, "{name}");
    }
}

#[test]
fn names_work_in_references_checks_and_filters() {
    // astronaut@flight: both parts; flight/moment: the flight part.
    common::orbitline()
        .args(["deps", "Chen Dong@Shenzhou 20", "--upstream"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Chen Dong's stay: up on Shenzhou-20",
        ));
    common::orbitline()
        .args(["why", "Shenzhou 22/launch"])
        .assert()
        .success()
        .stdout(predicate::str::contains("shenzhou-22/launch"));
    common::orbitline()
        .args(["impact", "shenzhou 22/launch", "--slip", "1d"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Slip shenzhou-22/launch by +1 d"));
    common::orbitline()
        .args(["check", "chen dong@Shenzhou-20", "--days", "204"])
        .assert()
        .success()
        .stdout(predicate::str::contains("holds: 204 days"));
    common::orbitline()
        .args(["show", "Shenzhou 21"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Shenzhou-21 (shenzhou-21)"));
    let records = |station: &str| {
        common::json(&[
            "records",
            "--kind",
            "crew",
            "--now",
            "2026-07-01",
            "--station",
            station,
        ])
    };
    assert_eq!(records("China Space Station"), records("tiangong"));
    assert_eq!(records("tiangong")["scope"]["station"], "tiangong");
}

#[test]
fn an_ambiguous_name_lists_every_candidate_with_id_dates_and_nation() {
    let out = common::orbitline()
        .args(["--data", FIXTURE, "duration", "wang"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("`wang` could name 4 astronauts"), "{err}");
    for line in [
        "taylor-wang  Taylor Gun-Jin Wang, astronaut, US, 1985-04-29 – 1985-05-06",
        "liu-wang     Liu Wang (刘旺), astronaut, CN, 2012-06-16 – 2012-06-29",
        "wang-yaping  Wang Yaping (王亚平), astronaut, CN, 2013-06-11 – 2013-06-26",
        "wang-jie     Wang Jie (王杰), astronaut, CN, 2025-04-24 – 2025-11-14",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    // Under one rule only: `Wang Yaping` is a name, not an ambiguity.
    assert_eq!(duration_subject("Wang Yaping"), "wang-yaping");
}

#[test]
fn a_name_that_matches_nothing_suggests_the_closest() {
    common::orbitline()
        .args(["--data", FIXTURE, "duration", "polyakof"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no flight or astronaut `polyakof` in the catalog",
        ))
        .stderr(predicate::str::contains("did you mean `valeriy-polyakov`?"));
    // A part of names: the names it is part of.
    common::orbitline()
        .args(["--data", FIXTURE, "show", "Dragon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no flight `Dragon` in the catalog",
        ))
        .stderr(predicate::str::contains("dragon-crew-5"))
        .stderr(predicate::str::contains("dragon-crew-9"));
    // A name of another kind says what it is.
    common::orbitline()
        .args(["--data", FIXTURE, "duration", "ISS"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`ISS` names something this command does not take (it takes a flight or astronaut):\n    iss  International Space Station, station, US, 2015-12-15 – 2026-01-15",
        ));
    // A 100,000-character name is only a name that matches nothing.
    let long = "a".repeat(100_000);
    common::orbitline()
        .args(["--data", FIXTURE, "duration", &long])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no flight or astronaut `aaaa"));
    // Nothing near: where to look.
    common::orbitline()
        .args(["--data", FIXTURE, "station", "zzzzzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no station `zzzzzz` in the catalog",
        ))
        .stderr(predicate::str::contains("orbitline find"));
}

#[test]
fn find_lists_people_flights_and_stations_with_ids() {
    let report = fixture_json(&["find", "wang"]);
    assert_eq!(report["query"], "wang");
    let ids: Vec<&str> = report["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    for id in ["taylor-wang", "liu-wang", "wang-yaping", "wang-jie"] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
    let first = &report["matches"][0];
    for key in [
        "kind", "id", "name", "nation", "from", "to", "open", "flights", "matched",
    ] {
        assert!(first.get(key).is_some(), "{key}: {first}");
    }
    assert_eq!(first["kind"], "astronaut");
    assert_eq!(first["matched"], "family-name");
    // Instants are UTC RFC 3339 to the second, with their precision.
    assert_eq!(first["from"]["utc"], "1985-04-29T16:02:18Z");
    assert_eq!(first["from"]["precision"], "second");

    let report = fixture_json(&["find", "iss"]);
    assert_eq!(report["matches"][0]["kind"], "station");
    assert_eq!(report["matches"][0]["id"], "iss");
    assert_eq!(report["matches"][0]["matched"], "id");

    // Several words: each begins a word of the name.
    common::orbitline()
        .args(["--data", FIXTURE, "find", "crew", "dragon"])
        .assert()
        .success()
        .stdout(predicate::str::contains("dragon-crew-11"))
        .stdout(predicate::str::contains("dragon-crew-5"));
    common::orbitline()
        .args(["find", "xyzzy"])
        .assert()
        .success()
        .stdout("nothing in the catalog is named like `xyzzy`\n");
}

#[test]
fn list_astronauts_gives_flights_and_total_time() {
    let out = common::stdout_of(common::orbitline().args(["list", "--astronauts"]));
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("astronaut "), "{text}");
    let chen = text.lines().find(|l| l.starts_with("chen-dong ")).unwrap();
    assert!(chen.contains("Chen Dong"), "{chen}");
    assert!(chen.contains(" CN "), "{chen}");
    assert!(chen.contains(" 3 "), "{chen}");
    // Within 418 d 15 h 16 min 19 s … 418 d 15 h 18 min 19 s (docs/figures.md).
    assert!(chen.contains("418 d 15 h 17 min"), "{chen}");
    assert!(text.contains(" astronauts\n"), "{text}");

    let list = fixture_json(&["list", "--astronauts", "--nation", "RU"]);
    let rows = list["astronauts"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["nation"] == "RU"));
    let polyakov = rows.iter().find(|r| r["id"] == "valeriy-polyakov").unwrap();
    assert_eq!(polyakov["flights"], 1);
    // 437 d 17 h 58 min 31 s: Soyuz TM-18 launch to Soyuz TM-20 landing.
    assert_eq!(
        polyakov["total"]["seconds"],
        437 * 86_400 + 17 * 3600 + 58 * 60 + 31
    );
}

/// The ids of the people aboard `station` in an `aloft --json` report.
fn aboard(report: &Value, station: &str) -> Vec<String> {
    let groups = report["groups"].as_array().unwrap();
    let group = groups.iter().find(|g| g["id"] == station).unwrap();
    group["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["astronaut"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn aloft_lists_the_six_on_tiangong_and_everyone_on_the_iss_on_10_november_2025() {
    let out = common::stdout_of(common::orbitline().args(["aloft", "--at", "2025-11-10"]));
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(" were in space at 2025-11-10 00:00 UTC.\n"),
        "{text}"
    );
    assert!(text.contains("\naboard Tiangong (6):\n"), "{text}");
    assert!(
        text.contains(
            "  Chen Dong        CN  up on Shenzhou-20 since 2025-04-24 09:17:31 UTC  199 d 14 h 42 min 29 s\n"
        ),
        "{text}"
    );
    assert!(!text.contains("may have landed"), "{text}");
    let report = common::json(&["aloft", "--at", "2025-11-10"]);
    assert_eq!(report["count"], 13);
    assert_eq!(
        aboard(&report, "iss"),
        [
            "sergey-ryzhikov",
            "aleksey-zubritskiy",
            "jonathan-kim",
            "zena-cardman",
            "michael-fincke",
            "yui-kimiya",
            "oleg-platonov"
        ]
    );
    assert_eq!(
        aboard(&report, "tiangong"),
        [
            "chen-dong",
            "chen-zhongrui",
            "wang-jie",
            "zhang-lu",
            "wu-fei",
            "zhang-hongzhang"
        ]
    );
}

#[test]
fn aloft_groups_by_station_and_by_spacecraft() {
    let report = fixture_json(&["aloft", "--at", "2025-11-10"]);
    assert_eq!(report["at"]["utc"], "2025-11-10T00:00:00Z");
    assert_eq!(report["count"], 13);
    let groups = report["groups"].as_array().unwrap();
    let sizes: Vec<(&str, usize)> = groups
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap(),
                g["people"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(sizes, [("iss", 7), ("tiangong", 6)]);
    assert_eq!(groups[0]["place"], "station");

    // Apollo 11 at the landing on the Moon: a free flyer.
    common::orbitline()
        .args(["--data", FIXTURE, "aloft", "--at", "1969-07-20T20:17Z"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "3 people were in space at 1969-07-20 20:17 UTC.\n\nin Apollo 11 (3):\n",
        ))
        .stdout(predicate::str::contains("Neil Alden Armstrong"));

    // Launched, not yet docked: in the spacecraft, on the way.
    common::orbitline()
        .args(["aloft", "--at", "2025-10-31T16:00Z"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "in Shenzhou-21, on the way to Tiangong (3):\n  Zhang Lu ",
        ))
        .stdout(predicate::str::contains("15 min 14 s"));
}

#[test]
fn aloft_with_nobody_up() {
    common::orbitline()
        .args(["aloft", "--at", "1961-04-01"])
        .assert()
        .success()
        .stdout("Nobody was in space at 1961-04-01 00:00 UTC.\n");
    let report = fixture_json(&["aloft", "--at", "1961-04-01"]);
    assert_eq!(report["count"], 0);
    assert_eq!(report["groups"], Value::Array(Vec::new()));
}

#[test]
fn aloft_defaults_to_the_last_check_and_warns_past_it() {
    let out = common::stdout_of(common::orbitline().arg("aloft"));
    let text = String::from_utf8(out).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.ends_with(" were in space at 2026-07-03 00:00 UTC, the catalog's last check."),
        "{text}"
    );
    assert!(!text.contains("may have landed"), "{text}");
    let report = common::json(&["aloft"]);
    assert_eq!(report["at_last_check"], true);
    assert_eq!(report["last_check"]["as_published"], "2026-07-03");
    assert_eq!(report["past_last_check"], false);
    assert_eq!(
        aboard(&report, "tiangong"),
        ["zhu-yangzhu", "zhang-zhiyuan", "lai-ka-ying"]
    );

    let out = common::stdout_of(common::orbitline().args(["aloft", "--at", "2026-08-01"]));
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("  Zhu Yangzhu    CN  up on Shenzhou-23 since 2026-05-24 15:08 UTC  68 d 8 h 52 min *\n"),
        "{text}"
    );
    assert!(
        text.contains("This is after the catalog's last check (2026-07-03): the "),
        "{text}"
    );
    assert!(
        text.contains(
            " marked * may have landed since, and launches after it are not in the catalog."
        ),
        "{text}"
    );
    let report = common::json(&["aloft", "--at", "2026-08-01"]);
    assert_eq!(report["past_last_check"], true);
    let groups = report["groups"].as_array().unwrap();
    let tiangong = groups.iter().find(|g| g["id"] == "tiangong").unwrap();
    for person in tiangong["people"].as_array().unwrap() {
        assert_eq!(person["may_have_ended"], true, "{person}");
    }
}
