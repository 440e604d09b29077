//! The missions table: one ship per row, its times at the table's precision, and the ids, operators,
//! vehicle types and stations orbitline gives McDowell's codes.

use std::collections::BTreeMap;

use super::table::Table;
use super::{cell, Kind, Ship};
use crate::catalog::Problem;
use crate::import::{slug, IdPool};
use crate::model::{Orbit, Outcome, Time};

/// A row's kind: its `MType`, or where the table has no such column (McDowell's tables before 2023), the
/// prefix of its `HSFID`, which says the same in every table: `H0…` flights, `HB…` non-human, `HA…` aborts.
fn kind(table: &Table, row: &[super::table::Cell]) -> Option<Kind> {
    match table.column("MType") {
        Some(c) => match row[c].text.as_str() {
            "FLT" => Some(Kind::Flight),
            "BIO" => Some(Kind::Bio),
            "ABORT" => Some(Kind::Abort),
            _ => None,
        },
        None => {
            let id = cell(table, row, "HSFID").text.as_str();
            match id.get(..2) {
                Some("HB") => Some(Kind::Bio),
                Some("HA") => Some(Kind::Abort),
                _ if id.len() > 1 && id[1..].chars().all(|c| c.is_ascii_digit()) => {
                    Some(Kind::Flight)
                }
                _ => None,
            }
        }
    }
}

/// Aborted launches that McDowell names by their vehicle alone, with the name people use and its source:
/// (HSFTAG, name, source).
const ABORT_NAMES: [(&str, &str, &str); 2] = [
    (
        "T10A",
        "Soyuz T-10-1",
        "https://en.wikipedia.org/wiki/Soyuz_T-10-1",
    ),
    (
        "S18A",
        "Soyuz 18-1",
        "https://en.wikipedia.org/wiki/Soyuz_18a",
    ),
];

pub(super) fn read_ships(table: &Table, problems: &mut Vec<Problem>) -> Vec<Ship> {
    let mut ships = Vec::new();
    for row in &table.rows {
        let get = |name| cell(table, row, name);
        let launch = match parse_time(&get("LDate").text) {
            Ok(Some(t)) => t,
            Ok(None) => {
                problems.push(
                    table
                        .problem(
                            get("LDate"),
                            format!("ship `{}` has no launch date", get("HSFTAG").text),
                        )
                        .hint("LDate is `YYYY Mon DD [HHMM[:SS]]`, UTC"),
                );
                continue;
            }
            Err(message) => {
                problems.push(
                    table
                        .problem(get("LDate"), message)
                        .hint("LDate is `YYYY Mon DD [HHMM[:SS]]`, UTC, with `?` when uncertain"),
                );
                continue;
            }
        };
        let end = match parse_time(&get("EDate").text) {
            Ok(end) => end,
            Err(message) => {
                problems.push(table.problem(get("EDate"), message).hint(
                    "EDate is `YYYY Mon DD [HHMM[:SS]]`, UTC, `?` when uncertain, `-` while in progress",
                ));
                continue;
            }
        };
        let Some(kind) = kind(table, row) else {
            let (cell, what) = match table.column("MType") {
                Some(c) => (&row[c], "mission type"),
                None => (get("HSFID"), "HSFID"),
            };
            problems.push(
                table
                    .problem(cell, format!("unknown {what} `{}`", cell.text))
                    .hint("MType is FLT, BIO or ABORT; without MType, HSFID starts H0 (a flight), HB (non-human) or HA (an abort)"),
            );
            continue;
        };
        let optional = |name: &str| table.column(name).map(|c| row[c].text.as_str());
        let Fate {
            name,
            station,
            orbit,
            outcome,
            remarks,
        } = fate(
            kind,
            &get("Ship").text,
            &get("HSFTAG").text,
            &get("Station").text,
            optional("OrbID"),
        );
        ships.push(Ship {
            id: String::new(),
            name,
            tag: get("HSFTAG").text.clone(),
            hsfid: get("HSFID").text.clone(),
            desig: get("Desig").text.clone(),
            callsign: get("Callsign").text.clone(),
            crew: get("Crew").text.parse().unwrap_or(0),
            launch: launch.0,
            launch_uncertain: launch.1,
            end: end.as_ref().map(|e| e.0.clone()),
            end_uncertain: end.is_some_and(|e| e.1),
            station,
            operator_code: get("Progra").text.clone(),
            project: get("Project").text.clone(),
            kind,
            orbit,
            deep_space: optional("DS").is_some_and(|d| !matches!(d, "" | "0" | "-")),
            outcome,
            remarks,
            imported: false,
        });
    }
    // Ids from the ship's name; a name several rows share keeps the plain id for its one flight that
    // reached its goal (if exactly one did), and every other row gets the HSFTAG added.
    let mut by_slug: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, ship) in ships.iter().enumerate() {
        by_slug.entry(slug(&ship.name)).or_default().push(i);
    }
    let mut pool = IdPool::default();
    for (base, group) in &by_slug {
        let flights: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| ships[i].kind == Kind::Flight)
            .collect();
        let plain = (group.len() == 1)
            .then(|| group[0])
            .or_else(|| (flights.len() == 1).then(|| flights[0]));
        if let Some(i) = plain {
            ships[i].id = pool.claim(base);
        }
    }
    for (base, group) in &by_slug {
        for &i in group {
            if ships[i].id.is_empty() {
                ships[i].id = pool.claim(&format!("{base}-{}", slug(&ships[i].tag)));
            }
        }
    }
    ships
}

/// What a row says about how a ship's flight went, and the name it goes by.
struct Fate {
    name: String,
    station: Option<String>,
    orbit: Option<Orbit>,
    outcome: Outcome,
    remarks: Vec<String>,
}

/// The orbit (`OrbID`), the outcome and the station of a row: an aborted launch, or a suborbital flight
/// bound for a station, never reached it (Soyuz T-10-1, Soyuz 18-1, Soyuz MS-10), so it has no station and
/// its outcome is an aborted launch. Aborts McDowell names by their vehicle get the name people use.
fn fate(kind: Kind, ship: &str, tag: &str, station: &str, orbit_id: Option<&str>) -> Fate {
    let mut station = match station {
        "" | "-" => None,
        code => Some(code.to_string()),
    };
    let orbit = match orbit_id {
        Some(o) if o.starts_with("ORB") => Some(Orbit::Orbital),
        Some(o) if o.starts_with("SO") => Some(Orbit::Suborbital),
        _ => None,
    };
    let mut outcome = match kind {
        Kind::Abort => Outcome::AbortedLaunch,
        _ => Outcome::Completed,
    };
    let mut remarks = Vec::new();
    let short = orbit == Some(Orbit::Suborbital) || kind == Kind::Abort;
    if let (true, Some(code)) = (short, &station) {
        remarks.push(format!(
            "Bound for {code} (McDowell's Station) but {} (OrbID {}): the launch was aborted and it never reached the station.",
            if kind == Kind::Abort { "an aborted launch" } else { "suborbital" },
            orbit_id.unwrap_or_default()
        ));
        station = None;
        outcome = Outcome::AbortedLaunch;
    }
    let mut name = ship.to_string();
    if let Some((_, known, source)) = ABORT_NAMES.iter().find(|(t, ..)| *t == tag) {
        remarks.push(format!(
            "McDowell names the ship `{name}`; `{known}` is the name in common use ({source})."
        ));
        name = known.to_string();
    }
    Fate {
        name,
        station,
        orbit,
        outcome,
        remarks,
    }
}

/// `1961 Apr 12 0607:00` (second), `1961 Apr 12 0747` (minute), `1962 Jul 10` (day), each in UTC and
/// optionally ending in `?`; `-` or empty for none. Returns the time and whether it is uncertain.
pub(super) fn parse_time(text: &str) -> Result<Option<(Time, bool)>, String> {
    let text = text.trim();
    if text.is_empty() || text == "-" {
        return Ok(None);
    }
    let uncertain = text.ends_with('?');
    let parts: Vec<&str> = text.trim_end_matches('?').split_whitespace().collect();
    let bad = || format!("`{text}` is not a date and time like `1961 Apr 12 0607:00`");
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] | [y, m, d, _] => (*y, *m, *d),
        _ => return Err(bad()),
    };
    let month = month_number(month).ok_or_else(bad)?;
    let day: u32 = day.trim_end_matches('?').parse().map_err(|_| bad())?;
    let date = format!("{year}-{month:02}-{day:02}");
    let iso = match parts.get(3).map(|t| t.trim_end_matches('?')) {
        None => format!("{date}Z"),
        Some(clock) => {
            let b = clock.as_bytes();
            match clock.len() {
                4 if clock.bytes().all(|c| c.is_ascii_digit()) => {
                    format!("{date}T{}:{}Z", &clock[0..2], &clock[2..4])
                }
                7 if b[4] == b':'
                    && clock
                        .bytes()
                        .enumerate()
                        .all(|(i, c)| i == 4 || c.is_ascii_digit()) =>
                {
                    format!("{date}T{}:{}:{}Z", &clock[0..2], &clock[2..4], &clock[5..7])
                }
                _ => return Err(bad()),
            }
        }
    };
    Time::parse(&iso)
        .map(|t| Some((t, uncertain)))
        .map_err(|e| format!("`{text}`: {}", e.reason))
}

pub(super) fn month_number(name: &str) -> Option<u32> {
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    months.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// The operator and nation of a programme code.
pub(super) fn operator(code: &str, launch: &Time) -> Option<(String, &'static str)> {
    let soviet = launch.instant().format("%Y").to_string().as_str() < "1992";
    Some(match code {
        "RU" if soviet => ("Soviet space programme".into(), "RU"),
        "RU" => ("Roscosmos".into(), "RU"),
        "NASA" => ("NASA".into(), "US"),
        "CN" => ("CMSA".into(), "CN"),
        "SPX" => ("SpaceX".into(), "US"),
        "BLOR" => ("Blue Origin".into(), "US"),
        "VG" => ("Virgin Galactic".into(), "US"),
        "SCL" => ("Scaled Composites".into(), "US"),
        "AXIOM" => ("Axiom Space".into(), "US"),
        "BOCC" => ("Boeing".into(), "US"),
        "X-15" => ("NASA and US Air Force".into(), "US"),
        _ => return None,
    })
}

/// A vehicle type from McDowell's `Project`: (id, name, programme).
pub(super) fn vehicle_type(project: &str) -> (String, String, String) {
    let base = project.split('/').next().unwrap_or(project).trim();
    let known: &[(&str, &str, &str, &str)] = &[
        ("Vostok", "vostok", "Vostok and Voskhod", "Vostok"),
        ("Mercury", "mercury", "Mercury", "Mercury"),
        ("Gemini", "gemini", "Gemini", "Gemini"),
        ("Apollo", "apollo", "Apollo", "Apollo"),
        ("Soyuz", "soyuz", "Soyuz", "Soyuz"),
        ("STS", "space-shuttle", "Space Shuttle", "Space Shuttle"),
        ("X-15", "x-15", "X-15", "X-15"),
        ("SS1", "spaceshipone", "SpaceShipOne", "SpaceShipOne"),
        ("VG", "spaceshiptwo", "SpaceShipTwo", "Virgin Galactic"),
        ("NS", "new-shepard", "New Shepard", "New Shepard"),
        ("SZ", "shenzhou", "Shenzhou", "Shenzhou"),
        ("Dragon", "dragon", "Crew Dragon", "Dragon"),
        ("Starliner", "starliner", "Starliner", "Starliner"),
        ("Artemis", "orion", "Orion", "Artemis"),
    ];
    match known.iter().find(|(code, ..)| *code == base) {
        Some((_, id, name, program)) => (id.to_string(), name.to_string(), program.to_string()),
        None => (slug(base), base.to_string(), base.to_string()),
    }
}

/// A station from McDowell's `Station` code: (id, name, nation).
pub(super) fn station(code: &str, nation: &str) -> (String, String, String) {
    let normal = code.replace(' ', "-");
    match normal.as_str() {
        "ISS" => (
            "iss".into(),
            "International Space Station".into(),
            "US".into(),
        ),
        "Mir" => ("mir".into(), "Mir".into(), "RU".into()),
        "TG" => ("tiangong".into(), "Tiangong".into(), "CN".into()),
        "TG1" => ("tiangong-1".into(), "Tiangong-1".into(), "CN".into()),
        "TG2" => ("tiangong-2".into(), "Tiangong-2".into(), "CN".into()),
        s if s.starts_with("Skylab") => ("skylab".into(), "Skylab".into(), "US".into()),
        s if s.starts_with("Salyut-") => (slug(s), s.replace('-', " "), "RU".into()),
        _ => (slug(code), code.to_string(), nation.to_string()),
    }
}

pub(super) fn seconds(time: &Time) -> i64 {
    time.instant().timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_keep_the_tables_precision() {
        let (t, u) = parse_time("1961 Apr 12 0607:00").unwrap().unwrap();
        assert_eq!((t.as_str(), u), ("1961-04-12T06:07:00Z", false));
        let (t, _) = parse_time("1961 Apr 12 0747").unwrap().unwrap();
        assert_eq!(t.as_str(), "1961-04-12T07:47Z");
        let (t, _) = parse_time("1962 Jul 10").unwrap().unwrap();
        assert_eq!(t.as_str(), "1962-07-10Z");
        let (t, u) = parse_time("2019 Oct  3 1059:20?").unwrap().unwrap();
        assert_eq!((t.as_str(), u), ("2019-10-03T10:59:20Z", true));
        assert!(parse_time("-").unwrap().is_none());
        assert!(parse_time("1961 Foo 12").is_err());
        assert!(parse_time("1961 Feb 30").is_err());
    }
}
