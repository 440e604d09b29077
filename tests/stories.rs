//! The curated stories beyond Shenzhou (issue 14 §4), on the bundled catalog, as a user asks about them:
//! the Soyuz MS-22 coolant leak, Starliner's crew home on Crew-9, Expedition 6 home on Soyuz TMA-1 after
//! Columbia, Soyuz 11, Polyakov's flight, and the engine fixes they needed (a date moved by a slip, the
//! ISS rotation walked once). Each file in `missions/<program>/` cites its sources.

mod common;

fn stdout(args: &[&str]) -> String {
    String::from_utf8(common::stdout_of(common::orbitline().args(args))).unwrap()
}

#[test]
fn the_ms_23_launch_goes_back_to_the_coolant_leak() {
    let why = stdout(&["why", "soyuz-ms-23/launch"]);
    assert!(
        why.contains("because Soyuz MS-22 was unfit for crew return"),
        "{why}"
    );
    assert!(why.contains("soyuz-ms-22/damage-assessed"), "{why}");
    assert!(
        why.contains("soyuz-ms-22/coolant-leak   2022-12-15"),
        "{why}"
    );
}

#[test]
fn rubio_is_up_on_ms_22_down_on_ms_23_and_the_swap_says_why() {
    let rubio = stdout(&["duration", "francisco-rubio"]);
    assert!(
        rubio.contains(
            "  Soyuz MS-22  Soyuz MS-23  2022-09-21 13:54:49 UTC  370 d 21 h 22 min 11 s\n"
        ),
        "{rubio}"
    );
    assert!(rubio.contains("vehicle swap"), "{rubio}");
    assert!(
        rubio.contains(
            "  swap: Soyuz MS-22 unfit after soyuz-ms-22/damage-assessed (2023-01-11):\n"
        ),
        "{rubio}"
    );
    assert!(
        rubio.contains(
            "        ← soyuz-ms-22/coolant-leak (2022-12-15): Coolant leak from the external radiator loop"
        ),
        "{rubio}"
    );
    assert!(
        rubio.contains("Total: 370 d 21 h 22 min 11 s in space over 1 stay"),
        "{rubio}"
    );
    // The same chain in JSON, on the stay.
    let json = common::json(&["duration", "francisco-rubio"]);
    let cause = &json["stays"][0]["swap_causes"][0];
    assert_eq!(cause["reference"], "soyuz-ms-22/damage-assessed");
    assert_eq!(
        cause["caused_by"][0]["reference"],
        "soyuz-ms-22/coolant-leak"
    );
}

#[test]
fn wilmore_came_home_on_crew_9_because_of_the_thrusters() {
    let wilmore = stdout(&["duration", "barry-wilmore"]);
    assert!(
        wilmore.contains(
            "  Starliner CFT  Dragon Crew-9  2024-06-05 14:52:15 UTC  286 d 7 h 4 min 52 s\n"
        ),
        "{wilmore}"
    );
    assert!(
        wilmore.contains(
            "  swap: Starliner CFT unfit after starliner-cft/return-decision (2024-08-24):"
        ),
        "{wilmore}"
    );
    assert!(
        wilmore.contains("        ← starliner-cft/thruster-failures (2024-06-06)"),
        "{wilmore}"
    );
}

#[test]
fn the_iss_shows_the_ms_22_and_starliner_gaps_with_their_causes() {
    let ms22 = stdout(&[
        "station",
        "iss",
        "--from",
        "2023-01-01",
        "--to",
        "2023-02-28",
    ]);
    assert!(
        ms22.contains("Gaps in return-craft coverage\n  2023-01-11 (+03:00 date) → 2023-02-26 00:58 UTC: 3 short"),
        "{ms22}"
    );
    assert!(
        ms22.contains(
            "Soyuz MS-22 unfit for crew return from 2023-01-11 (+03:00 date), day precision:\n  soyuz-ms-22/damage-assessed\n"
        ),
        "{ms22}"
    );
    let cft = stdout(&[
        "station",
        "iss",
        "--from",
        "2024-08-01",
        "--to",
        "2024-09-30",
    ]);
    // One gap for Starliner's crew, though Soyuz MS-26 arrived and MS-25 left during it.
    assert!(
        cft.contains(
            "Gaps in return-craft coverage\n  2024-08-24 (-04:00 date) → 2024-09-29 21:30 UTC: 2 short, between 35 d 17 h 30 min and 36 d 17 h 31 min\n"
        ),
        "{cft}"
    );
    assert_eq!(cft.matches(": 2 short, ").count(), 1, "{cft}");
    assert!(
        cft.contains("without a fit craft of their own: Barry E. 'Butch' Wilmore, Sunita Lyn (Pandya Krishna) Williams"),
        "{cft}"
    );
    assert!(
        cft.contains(
            "Starliner CFT unfit for crew return from 2024-08-24 (-04:00 date), day precision:\n  starliner-cft/return-decision\n"
        ),
        "{cft}"
    );
}

#[test]
fn soyuz_11_tells_the_crews_fate() {
    let show = stdout(&["show", "soyuz-11"]);
    assert!(
        show.contains(
            "Outcome: crew lost during the return (re-entry and landing), 1971-06-29 23:16:52 UTC"
        ),
        "{show}"
    );
    assert!(
        show.contains("Died in flight: Georgiy Timofeevich Dobrovol'skiy (died 1971-06-30)"),
        "{show}"
    );
}

#[test]
fn expedition_6_came_home_on_soyuz_tma_1_because_columbia_was_lost() {
    let why = stdout(&["why", "soyuz-tma-1/landing"]);
    assert!(
        why.starts_with("soyuz-tma-1/landing   2003-05-04 02:04:25 UTC   return of the STS-113 crew (vehicle swap)\n ├─ sts-107/breakup"),
        "{why}"
    );
    assert!(why.contains("sts-107/foam-strike"), "{why}");
    let table = stdout(&["duration", "sts-113"]);
    assert!(
        table.contains("up on STS-113, down on Soyuz TMA-1 (vehicle swap)"),
        "{table}"
    );
    // A person's table says it too: the landing's cause, and the chain behind it.
    let bowersox = stdout(&["duration", "kenneth-bowersox"]);
    assert!(
        bowersox.contains(
            "  swap: home on Soyuz TMA-1, caused by sts-107/breakup (2003-02-01):\n        Columbia breaks up"
        ),
        "{bowersox}"
    );
    assert!(
        bowersox.contains("        ← sts-107/foam-strike (2003-01-16)"),
        "{bowersox}"
    );
}

#[test]
fn the_iss_rotation_is_walked_once_and_only_back_in_time() {
    // Each crew took the previous one's vehicle home, round the circle of flights: the walk names each
    // flight once, and stops where a vehicle left after the crew it would explain had come home
    // (Soyuz TM-31 took the TM-32 crew home in May 2001, after its own crew was back on STS-102).
    let why = stdout(&["why", "soyuz-tma-1/landing"]);
    for flight in ["STS-113", "STS-111", "STS-108", "STS-105", "STS-102"] {
        let step = format!("because the {flight} crew had no fit return craft");
        assert_eq!(why.matches(&step).count(), 1, "{flight}: {why}");
    }
    assert!(!why.contains("because the Soyuz TM-31 crew"), "{why}");
    assert!(!why.contains("because the Soyuz TMA-1 crew"), "{why}");
    assert!(why.lines().count() < 20, "{why}");
}

#[test]
fn polyakov_went_up_on_tm_18_and_came_down_on_tm_20() {
    let polyakov = stdout(&["duration", "valeriy-polyakov"]);
    assert!(polyakov.contains("Soyuz TM-18"), "{polyakov}");
    let json = common::json(&["duration", "valeriy-polyakov"]);
    let stays = json["stays"].as_array().unwrap();
    let long = stays
        .iter()
        .find(|s| s["up"] == "soyuz-tm-18")
        .expect("the Mir stay");
    assert_eq!(long["down"], "soyuz-tm-20");
    assert_eq!(long["vehicle_swap"], true);
    // 1994-01-08T10:05:34Z → 1995-03-22T04:04:05Z.
    assert_eq!(
        long["elapsed"]["seconds"],
        437 * 86400 + 17 * 3600 + 58 * 60 + 31
    );
}

#[test]
fn a_slip_moves_a_date_with_it_not_from_midnight() {
    // The pad fire is known only as 1983-09-26 (UTC); it follows the escape at 19:37:51.
    let impact = stdout(&[
        "impact",
        "soyuz-t-10-1/launch",
        "--slip",
        "1h",
        "--now",
        "2026-11-28T00:00Z",
    ]);
    assert!(
        impact.contains(
            "soyuz-t-10-1/pad-fire  1983-09-26 (UTC date) → 1983-09-26 (UTC date)   +1 h "
        ),
        "{impact}"
    );
    // Soyuz TM-18's own crew landed before Polyakov's record on that flight's file: not tied to it.
    let deps = stdout(&["deps", "soyuz-tm-18/landing"]);
    assert!(!deps.contains("duration-record"), "{deps}");
}

#[test]
fn a_crew_table_keeps_its_columns_when_a_name_is_long() {
    let show = stdout(&["show", "soyuz-11"]);
    let rows: Vec<&str> = show
        .lines()
        .skip_while(|l| !l.starts_with("Stays of the crew that went up on it"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 3, "{show}");
    // Every row's route and elapsed time start in the same column, with a space before each.
    let starts: Vec<(usize, usize)> = rows
        .iter()
        .map(|row| {
            let chars: Vec<char> = row.chars().collect();
            let at = |needle: &str| {
                let byte = row
                    .find(needle)
                    .unwrap_or_else(|| panic!("{needle} in {row}"));
                row[..byte].chars().count()
            };
            let (route, elapsed) = (at("Soyuz-11 →"), at("23 d 18 h 21 min 43 s"));
            assert_eq!(chars[route - 1], ' ', "{row}");
            (route, elapsed)
        })
        .collect();
    assert!(starts.iter().all(|s| *s == starts[0]), "{show}");
    assert!(
        show.contains("Vladislav Nikolaevich 'Vadim' Volkov Soyuz-11"),
        "{show}"
    );
}
