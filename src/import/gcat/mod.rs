//! Importing J. McDowell's crewed-flight tables (GCAT, planet4589.org, CC-BY): `missions` (one row per
//! crewed launch of a ship) and `astro` (one row per person), in the fixed-width or the tab-separated
//! layout.
//!
//! Every imported ship row becomes a flight file, with times at the precision the table gives them (in UTC)
//! and `uncertain` where the table writes `?`; flights still in progress get no landing. Aborts (`MType`
//! ABORT) and non-human flights (BIO) are skipped unless asked for, and counted. People get launch crews
//! from their `Missions` lists. The tables never say which ship brought a person home, so landing crews are
//! inferred from each person's exact total (`Duration`): see [`infer`] and `docs/import.md`. Where a total
//! can only be met by a ship with no row (it launched uncrewed: Soyuz-34, Soyuz MS-23, Shenzhou 22), that
//! flight is created with the landing time the total implies, marked `inferred`. What cannot be decided is
//! left as the default (each person lands on the ship they went up on) and reported with the reason.

mod check;
mod infer;
mod table;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use self::infer::{Candidate, Solution};
use self::table::{Cell, Table};
use super::{slug, IdPool, ImportError, ImportedCatalog, InputFile, Note};
use crate::catalog::Problem;
use crate::model::{
    Astronaut, AstronautsFile, CrewMember, End, Flight, Precision, Spacecraft, SpacecraftFile,
    Station, StationsFile, Time,
};

/// The web page both tables are published on.
pub const SOURCE: &str = "https://planet4589.org/space/astro/web/";
/// The credit GCAT's licence (CC-BY) asks for.
pub const CREDIT: &str = "J. McDowell, planet4589.org";

const MISSION_COLUMNS: [&str; 13] = [
    "HSFID", "HSFTAG", "Desig", "Ship", "LDate", "EDate", "Crew", "Callsign", "Station", "Progra",
    "Project", "MType", "Dur",
];
const ASTRO_COLUMNS: [&str; 8] = [
    "No", "Name", "Born", "Citizen", "NRI", "Duration", "Missions", "UName",
];

/// What to keep besides crewed flights that reached their goal.
#[derive(Debug, Clone, Copy, Default)]
pub struct GcatOptions {
    /// Keep aborted launches (MType ABORT) and the people who flew only those.
    pub include_aborts: bool,
    /// Keep non-human flights (MType BIO) and their passengers (the chimpanzees Ham and Enos).
    pub include_nonhuman: bool,
}

/// Ships that launched uncrewed (so the crewed-flight tables have no row for them) and brought home the
/// crew of another ship: (the crew's up ship HSFTAG, id, name, launch time, source of the launch time).
/// Only their names and launches come from here; when they landed is inferred from the crews' totals.
const UNCREWED_RETURN_SHIPS: [(&str, &str, &str, &str, &str); 3] = [
    (
        "S32",
        "soyuz-34",
        "Soyuz-34",
        "1979-06-06T18:12:41Z",
        "https://en.wikipedia.org/wiki/Soyuz_34",
    ),
    (
        "MS22",
        "soyuz-ms-23",
        "Soyuz MS-23",
        "2023-02-24T00:24Z",
        "https://en.wikipedia.org/wiki/Soyuz_MS-23",
    ),
    (
        "SZ21",
        "shenzhou-22",
        "Shenzhou 22",
        "2025-11-25T04:11:45Z",
        "https://en.wikipedia.org/wiki/Shenzhou_22",
    ),
];

/// What the import did, for people.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GcatSummary {
    /// The tables' `Updated` line.
    pub updated: Option<String>,
    /// `fixed-width` or `tab-separated`, for each table.
    pub layouts: (String, String),
    /// Ship rows in the missions table.
    pub rows: usize,
    /// Flight files made from rows.
    pub flights: usize,
    /// Aborted launches: skipped or kept.
    pub aborts: usize,
    /// Whether aborts were kept.
    pub aborts_kept: bool,
    /// Non-human flights: skipped or kept.
    pub nonhuman: usize,
    /// Whether non-human flights were kept.
    pub nonhuman_kept: bool,
    /// Rows not imported for another reason.
    pub rows_skipped: Vec<Note>,
    /// Flights created for ships with no row that brought a crew home.
    pub added_flights: Vec<String>,
    /// People in the astronaut table.
    pub people_in_table: usize,
    /// People imported.
    pub people: usize,
    /// People not imported (no imported flight).
    pub people_skipped: Vec<Note>,
    /// Final totals met exactly with everyone landing on the ship they went up on.
    pub matched_exactly: usize,
    /// Final totals met by landing some stays on another ship.
    pub matched_by_inference: usize,
    /// The inferred stays: `Name: up → down`.
    pub inferred: Vec<Note>,
    /// Final totals that could not be met, with the reason.
    pub unresolved: Vec<Note>,
    /// People in space at the snapshot.
    pub in_space: usize,
    /// Of those, totals that agree when the open stay is counted to the snapshot.
    pub in_space_matched: usize,
    /// People whose totals include time on skipped flights (taken off before matching).
    pub totals_with_skipped_time: usize,
}

struct Ship {
    id: String,
    name: String,
    tag: String,
    hsfid: String,
    desig: String,
    callsign: String,
    /// McDowell's `Crew`: how many people flew it.
    crew: usize,
    launch: Time,
    launch_uncertain: bool,
    end: Option<Time>,
    end_uncertain: bool,
    station: Option<String>,
    operator_code: String,
    project: String,
    kind: Kind,
    imported: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Flight,
    Bio,
    Abort,
}

struct Person {
    number: String,
    id: String,
    name: String,
    native_name: Option<String>,
    nation: Option<String>,
    nation_note: Option<String>,
    born: Option<String>,
    born_note: Option<String>,
    chimp: bool,
    /// (ship, McDowell's role code)
    missions: Vec<(usize, String)>,
    /// Seconds, and whether in space at the snapshot.
    total: Option<(i64, bool)>,
    problem: Option<String>,
    recovered: Option<String>,
    imported: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Landing {
    Ship(usize),
    Phantom(usize),
    Open,
}

/// A person whose total needs a landing the tables do not have: for each possible landing time, the ship
/// changes it takes, whether that is ambiguous, and the landings of every stay.
struct Wanted {
    person: usize,
    stay: usize,
    up: usize,
    precision: Precision,
    options: Vec<(i64, u32, bool, Vec<Landing>)>,
}

struct Phantom {
    up: usize,
    id: &'static str,
    name: &'static str,
    launch: &'static str,
    source: &'static str,
    landing: i64,
    precision: Precision,
    people: Vec<usize>,
}

/// Imports the two tables.
pub fn import(
    missions: &InputFile,
    astro: &InputFile,
    options: &GcatOptions,
) -> Result<(ImportedCatalog, GcatSummary), ImportError> {
    let mut problems = Vec::new();
    let missions_table = table::parse(&missions.name, &missions.text, &MISSION_COLUMNS)
        .map_err(|p| problems.push(p))
        .ok();
    let astro_table = table::parse(&astro.name, &astro.text, &ASTRO_COLUMNS)
        .map_err(|p| problems.push(p))
        .ok();
    let (Some(missions_table), Some(astro_table)) = (missions_table, astro_table) else {
        return Err(ImportError::Input(problems));
    };
    let mut ships = read_ships(&missions_table, &mut problems);
    let mut people = read_people(&astro_table, &ships, &mut problems);
    problems.extend(check::cross_check(
        &missions_table,
        &astro_table,
        &ships,
        &people,
    ));
    if !problems.is_empty() {
        return Err(ImportError::Input(problems));
    }
    let snapshot = missions_table
        .updated
        .as_deref()
        .or(astro_table.updated.as_deref())
        .and_then(|u| parse_time(u).ok().flatten())
        .map(|(t, _)| t);

    let mut summary = GcatSummary {
        updated: missions_table
            .updated
            .clone()
            .or(astro_table.updated.clone()),
        layouts: (
            missions_table.layout.to_string(),
            astro_table.layout.to_string(),
        ),
        rows: ships.len(),
        aborts_kept: options.include_aborts,
        nonhuman_kept: options.include_nonhuman,
        people_in_table: people.len(),
        ..GcatSummary::default()
    };
    for ship in &mut ships {
        ship.imported = match ship.kind {
            Kind::Flight => true,
            Kind::Abort => {
                summary.aborts += 1;
                options.include_aborts
            }
            Kind::Bio => {
                summary.nonhuman += 1;
                options.include_nonhuman
            }
        };
        if ship.imported && operator(&ship.operator_code, &ship.launch).is_none() {
            ship.imported = false;
            summary.rows_skipped.push(Note::new(
                format!("{} ({})", ship.name, ship.tag),
                format!(
                    "programme code `{}` is not one orbitline knows, so its nation is not known",
                    ship.operator_code
                ),
            ));
        }
    }
    for person in &mut people {
        let flies = person.missions.iter().any(|(s, _)| ships[*s].imported);
        person.imported = flies && (!person.chimp || options.include_nonhuman);
        if !person.imported {
            let reason = if person.chimp {
                "a chimpanzee on a non-human flight (--include-nonhuman keeps them)".to_string()
            } else if person.missions.is_empty() {
                person
                    .problem
                    .clone()
                    .unwrap_or_else(|| "no flights listed".into())
            } else {
                "flew only skipped flights (aborts: --include-aborts keeps them)".to_string()
            };
            summary
                .people_skipped
                .push(Note::new(person.name.clone(), reason));
        } else if person.nation.is_none() {
            person.imported = false;
            summary.people_skipped.push(Note::new(
                person.name.clone(),
                person
                    .nation_note
                    .clone()
                    .unwrap_or_else(|| "no citizenship".into()),
            ));
        }
    }

    // Which landing ended each imported stay.
    let landings = infer_landings(&ships, &mut people, snapshot.as_ref(), &mut summary);
    let (landings, phantoms) = landings;

    let catalog = build(
        &ships,
        &people,
        &landings,
        &phantoms,
        &missions_table,
        &mut summary,
    );
    Ok((catalog, summary))
}

fn cell<'a>(table: &'a Table, row: &'a [Cell], name: &str) -> &'a Cell {
    // Every required column exists (checked by table::parse); rows have one cell per column.
    &row[table.column(name).unwrap_or(0)]
}

fn read_ships(table: &Table, problems: &mut Vec<Problem>) -> Vec<Ship> {
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
        let kind = match get("MType").text.as_str() {
            "FLT" => Kind::Flight,
            "BIO" => Kind::Bio,
            "ABORT" => Kind::Abort,
            other => {
                problems.push(
                    table
                        .problem(get("MType"), format!("unknown mission type `{other}`"))
                        .hint("MType is FLT, BIO or ABORT"),
                );
                continue;
            }
        };
        let station = match get("Station").text.as_str() {
            "" | "-" => None,
            code => Some(code.to_string()),
        };
        ships.push(Ship {
            id: String::new(),
            name: get("Ship").text.clone(),
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

/// `1961 Apr 12 0607:00` (second), `1961 Apr 12 0747` (minute), `1962 Jul 10` (day), each in UTC and
/// optionally ending in `?`; `-` or empty for none. Returns the time and whether it is uncertain.
fn parse_time(text: &str) -> Result<Option<(Time, bool)>, String> {
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

fn month_number(name: &str) -> Option<u32> {
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    months.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// `D:HH:MM:SS`, `*` while in space.
fn parse_total(text: &str) -> Option<(i64, bool)> {
    let in_space = text.ends_with('*');
    let parts: Vec<i64> = text
        .trim_end_matches('*')
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [d, h, m, s] = parts[..] else {
        return None;
    };
    Some((((d * 24 + h) * 60 + m) * 60 + s, in_space))
}

fn read_people(table: &Table, ships: &[Ship], problems: &mut Vec<Problem>) -> Vec<Person> {
    let tags: HashMap<&str, usize> = ships
        .iter()
        .enumerate()
        .map(|(i, s)| (s.tag.as_str(), i))
        .collect();
    // How many people list each ship, to find the flights of a list cut off by the column width.
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for row in &table.rows {
        for entry in cell(table, row, "Missions").text.split(',') {
            if let Some((tag, _)) = entry.split_once('/') {
                *listed.entry(tag.trim()).or_default() += 1;
            }
        }
    }
    let mut pool = IdPool::default();
    let mut people = Vec::new();
    for row in &table.rows {
        let get = |name| cell(table, row, name);
        let number = get("No").text.clone();
        let raw_name = get("Name").text.clone();
        let (name, id_base, full_base) = person_name(&raw_name);
        let id = if pool.try_claim(&id_base) {
            id_base
        } else if pool.try_claim(&full_base) {
            full_base
        } else {
            pool.claim(&format!("{full_base}-{}", slug(&number)))
        };
        let total_cell = get("Duration");
        let total = parse_total(&total_cell.text);
        if total.is_none() {
            problems.push(
                table
                    .problem(
                        total_cell,
                        format!(
                            "`{}` is not a total time like `418:15:16:19`",
                            total_cell.text
                        ),
                    )
                    .hint("Duration is D:HH:MM:SS, with * while in space"),
            );
        }
        let (nation, nation_note) = citizenship(&get("Citizen").text);
        let (born, born_note) = birth(&get("Born").text);
        let uname = get("UName").text.clone();
        let mut person = Person {
            number: number.clone(),
            id,
            name,
            native_name: (!uname.is_empty() && uname != "-" && uname != raw_name).then_some(uname),
            nation,
            nation_note,
            born,
            born_note,
            chimp: number.starts_with("AA"),
            missions: Vec::new(),
            total,
            problem: None,
            recovered: None,
            imported: false,
        };
        let missions_cell = get("Missions");
        let entries: Vec<&str> = missions_cell
            .text
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty() && *e != "-")
            .collect();
        for (k, entry) in entries.iter().enumerate() {
            let last = k + 1 == entries.len();
            match entry.split_once('/') {
                Some((tag, role)) => match tags.get(tag.trim()) {
                    Some(&s) => person.missions.push((s, role.trim().to_string())),
                    None => {
                        person.problem = Some(format!(
                            "Missions lists {tag}, which has no row in the missions table"
                        ));
                    }
                },
                None if last => {
                    // A list cut at the column's width: the flights whose tag starts so, launched after
                    // the last one listed, that have a seat no one else lists.
                    recover_cut_list(&mut person, entry, ships, &listed, &get("NRI").text);
                }
                None => {
                    problems.push(
                        table
                            .problem(missions_cell, format!("`{entry}` in Missions has no role"))
                            .hint("Missions lists launches as TAG/ROLE, separated by commas"),
                    );
                }
            }
        }
        let listed_rides = person.missions.len();
        let nri = cell(table, row, "NRI").text.parse::<usize>().ok();
        if missions_cell.full && person.recovered.is_none() && nri.is_some_and(|n| n > listed_rides)
        {
            person.problem.get_or_insert_with(|| {
                format!(
                    "Missions fills its column (line {}) and lists fewer rides than NRI: the list may be cut off; import the .tsv tables instead",
                    missions_cell.line
                )
            });
        }
        person
            .missions
            .sort_by_key(|(s, _)| ships[*s].launch.instant());
        people.push(person);
    }
    people
}

/// `person`'s `Missions` ends in `partial` without a role: the column cut the list. McDowell's `Crew`
/// column says how many people flew each ship and `NRI` how many rides the person had; when exactly the
/// missing number of ships whose tag starts with `partial` (launched after the last one listed) have one
/// more seat than people listing them, those are the person's.
fn recover_cut_list(
    person: &mut Person,
    partial: &str,
    ships: &[Ship],
    listed: &HashMap<&str, usize>,
    rides: &str,
) {
    let cut = format!("Missions is cut off at `{partial}` (the column's width)");
    let Ok(rides) = rides.trim().parse::<usize>() else {
        person.problem = Some(format!(
            "{cut}, and NRI does not say how many rides are missing"
        ));
        return;
    };
    let after = person
        .missions
        .iter()
        .map(|(s, _)| ships[*s].launch.instant())
        .max();
    let missing = rides.saturating_sub(person.missions.len());
    let candidates: Vec<usize> = ships
        .iter()
        .enumerate()
        .filter(|(_, s)| s.tag.starts_with(partial))
        .filter(|(_, s)| after.is_none_or(|a| s.launch.instant() > a))
        .filter(|(_, s)| s.crew > listed.get(s.tag.as_str()).copied().unwrap_or(0))
        .map(|(i, _)| i)
        .collect();
    if missing > 0 && candidates.len() == missing {
        let names: Vec<&str> = candidates.iter().map(|&i| ships[i].tag.as_str()).collect();
        person.recovered = Some(format!(
            "{cut}; NRI gives {rides} rides, and the only {missing} ships tagged {partial}… with a seat no one else lists are {}: taken as theirs (role not known)",
            names.join(", ")
        ));
        for i in candidates {
            person.missions.push((i, String::new()));
        }
    } else {
        person.problem = Some(format!(
            "{cut}; {missing} rides are missing and {} ships could be them",
            candidates.len()
        ));
    }
}

/// The name for people and two id bases: `Polyakov, Valeriy Vladimirovich` → `Valeriy Vladimirovich
/// Polyakov`, `valeriy-polyakov`, `valeriy-vladimirovich-polyakov`. A `*` marks the given name a person
/// goes by (`Scobee, Francis *Richard 'Dick'` → `richard-scobee`); names without a comma (`Chen Dong`)
/// are already in the order they are written.
fn person_name(raw: &str) -> (String, String, String) {
    let clean = |s: &str| s.replace('*', "");
    let strip = |s: &str| {
        let mut out = String::new();
        let mut paren = 0;
        for ch in s.chars() {
            match ch {
                '(' => paren += 1,
                ')' => paren = (paren - 1).max(0),
                _ if paren == 0 => out.push(ch),
                _ => {}
            }
        }
        remove_nicknames(&out)
    };
    let parts: Vec<&str> = raw.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [whole] => {
            let name = clean(whole);
            let base = slug(&strip(&name));
            (name, base.clone(), base)
        }
        [family, given, suffix @ ..] => {
            let mut name = format!("{} {}", clean(given), clean(family));
            for s in suffix {
                name.push(' ');
                name.push_str(s);
            }
            let given_plain = strip(given);
            let first = given
                .split_whitespace()
                .find_map(|w| w.strip_prefix('*'))
                .map(&strip)
                .unwrap_or_else(|| {
                    given_plain
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .to_string()
                });
            let family_plain = strip(family);
            (
                name,
                slug(&format!("{first} {family_plain}")),
                slug(&format!("{} {family_plain}", given_plain.replace('*', ""))),
            )
        }
        [] => (String::new(), String::new(), String::new()),
    }
}

/// Drops 'quoted' nicknames: `Virgil Ivan 'Gus'` → `Virgil Ivan`.
fn remove_nicknames(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.starts_with('\'') && w.ends_with('\'') && w.len() > 1))
        .collect::<Vec<_>>()
        .join(" ")
}

/// McDowell's citizenship code as ISO 3166-1 alpha-2, and a note when it is not one already.
fn citizenship(code: &str) -> (Option<String>, Option<String>) {
    let trimmed = code.trim_matches(|c| c == '(' || c == ')');
    let (base, uncertain) = match trimmed.strip_suffix('?') {
        Some(b) => (b, true),
        None => (trimmed, false),
    };
    let iso = match base {
        "D" => "DE",
        "J" => "JP",
        "F" => "FR",
        "UK" => "GB",
        "I" => "IT",
        "E" => "ES",
        "B" => "BE",
        "S" => "SE",
        "N" => "NO",
        "UAE" => "AE",
        "PAR" => "PY",
        "CSSR" => "CS",
        other if other.len() == 2 && other.bytes().all(|b| b.is_ascii_uppercase()) => other,
        other => {
            return (
                None,
                Some(format!(
                    "citizenship `{other}` is not a code orbitline can turn into ISO 3166-1 alpha-2"
                )),
            )
        }
    };
    let mut notes = Vec::new();
    if iso != base {
        notes.push(format!("McDowell's citizenship code {base}"));
    }
    if matches!(iso, "CS" | "DD") {
        notes.push(format!(
            "{iso} is the withdrawn ISO code of a state that no longer exists"
        ));
    }
    if uncertain {
        notes.push(format!("McDowell marks the citizenship uncertain ({code})"));
    }
    (
        Some(iso.to_string()),
        (!notes.is_empty()).then(|| notes.join("; ")),
    )
}

/// `1934 Mar  9` → `1934-03-09`, `1986 Jun` → `1986-06`, `1959` → `1959`; a `?` is kept in a note.
fn birth(text: &str) -> (Option<String>, Option<String>) {
    let uncertain = text.contains('?');
    let parts: Vec<&str> = text
        .split_whitespace()
        .map(|p| p.trim_end_matches('?'))
        .collect();
    let value = match parts.as_slice() {
        [y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => Some(y.to_string()),
        [y, m] => month_number(m).map(|m| format!("{y}-{m:02}")),
        [y, m, d] => month_number(m)
            .zip(d.parse::<u32>().ok())
            .map(|(m, d)| format!("{y}-{m:02}-{d:02}")),
        _ => None,
    };
    let note = if value.is_none() && !text.trim().is_empty() && text.trim() != "-" {
        Some(format!("born: `{}` in the table", text.trim()))
    } else if uncertain {
        Some(format!(
            "born {}: marked uncertain in the table",
            text.trim()
        ))
    } else {
        None
    };
    (value, note)
}

/// The operator and nation of a programme code.
fn operator(code: &str, launch: &Time) -> Option<(String, &'static str)> {
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
fn vehicle_type(project: &str) -> (String, String, String) {
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
fn station(code: &str, nation: &str) -> (String, String, String) {
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

fn seconds(time: &Time) -> i64 {
    time.instant().timestamp()
}

/// For each imported person, the landing that ended each of their stays (in the order of their
/// missions), and the flights created for ships with no row.
#[allow(clippy::type_complexity)]
fn infer_landings(
    ships: &[Ship],
    people: &mut [Person],
    snapshot: Option<&Time>,
    summary: &mut GcatSummary,
) -> (Vec<Vec<Landing>>, Vec<Phantom>) {
    // Imported ships that came back, by landing time, to find the landings in a window quickly.
    let mut by_end: Vec<(i64, usize)> = ships
        .iter()
        .enumerate()
        .filter(|(_, s)| s.imported)
        .filter_map(|(i, s)| s.end.as_ref().map(|e| (seconds(e), i)))
        .collect();
    by_end.sort();
    let mut landings: Vec<Vec<Landing>> = vec![Vec::new(); people.len()];
    let mut wanted: Vec<Wanted> = Vec::new();
    for (p, person) in people.iter_mut().enumerate() {
        if !person.imported {
            continue;
        }
        let stays: Vec<(usize, &str)> = person
            .missions
            .iter()
            .filter(|(s, _)| ships[*s].imported)
            .map(|(s, r)| (*s, r.as_str()))
            .collect();
        let skipped: i64 = person
            .missions
            .iter()
            .filter(|(s, _)| !ships[*s].imported)
            .filter_map(|(s, _)| {
                let ship = &ships[*s];
                ship.end
                    .as_ref()
                    .map(|e| seconds(e) - seconds(&ship.launch))
            })
            .sum();
        if skipped > 0 {
            summary.totals_with_skipped_time += 1;
        }
        let default: Vec<Landing> = stays
            .iter()
            .map(|(s, _)| match ships[*s].end {
                Some(_) => Landing::Ship(*s),
                None => Landing::Open,
            })
            .collect();
        landings[p] = default.clone();
        if let Some(problem) = &person.problem {
            summary
                .unresolved
                .push(Note::new(person.name.clone(), problem.clone()));
            continue;
        }
        let Some((total, in_space)) = person.total else {
            continue;
        };
        if in_space {
            summary.in_space += 1;
        }
        if in_space && snapshot.is_none() {
            continue;
        }
        let target = total - skipped;
        let mut candidates: Vec<Vec<Candidate<Landing>>> = Vec::new();
        for (k, (s, _)) in stays.iter().enumerate() {
            let ship = &ships[*s];
            let up = seconds(&ship.launch);
            let next = stays.get(k + 1).map(|(n, _)| seconds(&ships[*n].launch));
            let last = k + 1 == stays.len();
            if in_space && last {
                let now = snapshot.map_or(up, seconds);
                candidates.push(vec![Candidate {
                    landing: Landing::Open,
                    seconds: now - up,
                    cost: 0,
                }]);
                continue;
            }
            let mut options = Vec::new();
            if let Some(end) = &ship.end {
                options.push(Candidate {
                    landing: Landing::Ship(*s),
                    seconds: seconds(end) - up,
                    cost: 0,
                });
            }
            let from = by_end.partition_point(|(e, _)| *e <= up);
            for &(end, other) in &by_end[from..] {
                if next.is_some_and(|n| end >= n) {
                    break;
                }
                if other != *s && ships[other].station == ship.station {
                    options.push(Candidate {
                        landing: Landing::Ship(other),
                        seconds: end - up,
                        cost: 1,
                    });
                }
            }
            candidates.push(options);
        }
        match infer::solve(&candidates, target) {
            Solution::Unique(choice, cost) => {
                let chosen: Vec<Landing> = choice
                    .iter()
                    .zip(&candidates)
                    .map(|(&k, options)| options[k].landing)
                    .collect();
                if in_space {
                    summary.in_space_matched += 1;
                } else if cost == 0 {
                    summary.matched_exactly += 1;
                } else {
                    summary.matched_by_inference += 1;
                }
                for (k, landing) in chosen.iter().enumerate() {
                    if *landing != default[k] {
                        if let Landing::Ship(down) = landing {
                            summary.inferred.push(Note::new(
                                person.name.clone(),
                                format!("up on {}, down on {}", ships[stays[k].0].name, ships[*down].name),
                            ));
                        }
                    }
                }
                landings[p] = chosen;
            }
            Solution::Ambiguous => summary.unresolved.push(Note::new(
                person.name.clone(),
                "more than one choice of landings adds up to the total with the same number of ship changes",
            )),
            Solution::None => {
                // A stay that outlasted its own ship's landing, at a station, might have ended on a ship
                // that launched uncrewed and so has no row. First only the stays of crews a known
                // uncrewed ship brought home; failing that, any (to say what the total implies).
                let known = |tag: &str| UNCREWED_RETURN_SHIPS.iter().any(|r| r.0 == tag);
                let mut found: Option<(usize, Vec<infer::FreeOption>)> = None;
                for only_known in [true, false] {
                    for (k, (s, _)) in stays.iter().enumerate() {
                        let ship = &ships[*s];
                        let (Some(end), Some(_)) = (&ship.end, &ship.station) else {
                            continue;
                        };
                        if (in_space && k + 1 == stays.len()) || (only_known && !known(&ship.tag)) {
                            continue;
                        }
                        let up = seconds(&ship.launch);
                        let lower = seconds(end) - up;
                        let upper = stays
                            .get(k + 1)
                            .map(|(n, _)| seconds(&ships[*n].launch) - up);
                        let options = infer::free_options(&candidates, k, target, |l| {
                            l > lower && upper.is_none_or(|u| l < u)
                        });
                        if !options.is_empty() {
                            found = Some((k, options));
                            break;
                        }
                    }
                    if found.is_some() {
                        break;
                    }
                }
                match found {
                    Some((k, options)) => {
                        let up = seconds(&ships[stays[k].0].launch);
                        let precision = stays
                            .iter()
                            .map(|(s, _)| ships[*s].launch.precision())
                            .min()
                            .unwrap_or(Precision::Second);
                        let options = options
                            .into_iter()
                            .map(|o| {
                                let chosen = o
                                    .choice
                                    .iter()
                                    .enumerate()
                                    .map(|(i, &c)| {
                                        candidates[i].get(c).map_or(Landing::Open, |c| c.landing)
                                    })
                                    .collect();
                                (up + o.length, o.cost, o.ambiguous, chosen)
                            })
                            .collect();
                        wanted.push(Wanted {
                            person: p,
                            stay: k,
                            up: stays[k].0,
                            precision,
                            options,
                        });
                    }
                    None => {
                        let own: i64 = candidates
                            .iter()
                            .map(|c| c.first().map_or(0, |c| c.seconds))
                            .sum();
                        summary.unresolved.push(Note::new(
                            person.name.clone(),
                            format!(
                                "no choice of landings in the table adds up to the total ({} s {} than landing on their own ships)",
                                (target - own).abs(),
                                if target > own { "more" } else { "less" }
                            ),
                        ));
                    }
                }
            }
        }
    }

    // Group the phantom landings by the crew's up ship: crewmates must agree on the landing, to the second.
    let mut groups: BTreeMap<usize, Vec<Wanted>> = BTreeMap::new();
    for w in wanted {
        groups.entry(w.up).or_default().push(w);
    }
    let mut phantoms = Vec::new();
    for (up, members) in groups {
        let ship = &ships[up];
        let known = UNCREWED_RETURN_SHIPS.iter().find(|r| r.0 == ship.tag);
        let launched = known
            .and_then(|k| Time::parse(k.3).ok())
            .map_or(i64::MIN, |t| seconds(&t));
        // Landing time → (total ship changes, ambiguous), over the times every member allows.
        let mut common: BTreeMap<i64, (u32, bool)> = members[0]
            .options
            .iter()
            .filter(|o| o.0 > launched)
            .map(|o| (o.0, (o.1, o.2)))
            .collect();
        for member in &members[1..] {
            let theirs: HashMap<i64, (u32, bool)> =
                member.options.iter().map(|o| (o.0, (o.1, o.2))).collect();
            common = common
                .into_iter()
                .filter_map(|(t, (c, a))| theirs.get(&t).map(|(c2, a2)| (t, (c + c2, a || *a2))))
                .collect();
        }
        let best = common.values().map(|v| v.0).min();
        let at_best: Vec<(i64, bool)> = common
            .iter()
            .filter(|(_, v)| Some(v.0) == best)
            .map(|(t, v)| (*t, v.1))
            .collect();
        let crew = if members.len() == 1 {
            "total".to_string()
        } else {
            format!("totals of the {} crew", ship.name)
        };
        let reason = match (known, at_best.as_slice()) {
            (None, _) => {
                let implied = members[0]
                    .options
                    .iter()
                    .min_by_key(|o| o.1)
                    .and_then(|o| chrono::DateTime::from_timestamp(o.0, 0))
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
                    .unwrap_or_default();
                Some(format!(
                    "the {crew} can only be met by a landing after {} came home and at no landing in the table (at {implied} with the fewest ship changes): on a ship that launched uncrewed? orbitline knows only Soyuz-34, Soyuz MS-23 and Shenzhou 22",
                    ship.name
                ))
            }
            (Some(k), []) => Some(format!(
                "the {crew} imply no common landing after {} came home and {} launched",
                ship.name, k.2
            )),
            (Some(_), [(_, false)]) => None,
            (Some(_), _) => Some(format!(
                "the {crew} allow more than one landing time with the same number of ship changes"
            )),
        };
        if let Some(reason) = reason {
            for member in &members {
                let person = &people[member.person];
                summary
                    .unresolved
                    .push(Note::new(person.name.clone(), reason.clone()));
            }
            continue;
        }
        let landing = at_best[0].0;
        let members: Vec<(usize, usize, i64, Precision)> = members
            .iter()
            .filter_map(|m| {
                let option = m.options.iter().find(|o| o.0 == landing)?;
                landings[m.person] = option.3.clone();
                Some((m.person, m.stay, landing, m.precision))
            })
            .collect();
        let Some(known) = known else { continue };
        let index = phantoms.len();
        let precision = members
            .iter()
            .map(|m| m.3)
            .min()
            .unwrap_or(Precision::Second);
        for (p, k, ..) in &members {
            landings[*p][*k] = Landing::Phantom(index);
            let person = &people[*p];
            if person.total.is_some_and(|t| t.1) {
                summary.in_space_matched += 1;
            } else {
                summary.matched_by_inference += 1;
            }
            summary.inferred.push(Note::new(
                person.name.clone(),
                format!(
                    "up on {}, down on {} (a ship with no row)",
                    ship.name, known.2
                ),
            ));
        }
        summary.added_flights.push(known.2.to_string());
        phantoms.push(Phantom {
            up,
            id: known.1,
            name: known.2,
            launch: known.3,
            source: known.4,
            landing: members[0].2,
            precision,
            people: members.iter().map(|m| m.0).collect(),
        });
    }
    (landings, phantoms)
}

/// McDowell's role codes that have a plain name.
fn role(code: &str) -> Option<String> {
    let digitless = code.trim_end_matches(|c: char| c.is_ascii_digit());
    let word = match digitless {
        "" => return None,
        "CDR" | "KDR" | "ZZ" | "MCDR" => "commander",
        "PLT" => "pilot",
        "BI" => "flight engineer",
        "MS" => "mission specialist",
        "PS" => "payload specialist",
        "CMP" => "command module pilot",
        "LMP" => "lunar module pilot",
        _ => return Some(code.to_string()),
    };
    Some(word.to_string())
}

fn time_text(seconds: i64, precision: Precision) -> Option<Time> {
    let instant = chrono::DateTime::from_timestamp(seconds, 0)?;
    let text = match precision {
        Precision::Second => instant.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Precision::Minute => instant.format("%Y-%m-%dT%H:%MZ").to_string(),
        Precision::Day => instant.format("%Y-%m-%dZ").to_string(),
    };
    Time::parse(&text).ok()
}

fn build(
    ships: &[Ship],
    people: &[Person],
    landings: &[Vec<Landing>],
    phantoms: &[Phantom],
    table: &Table,
    summary: &mut GcatSummary,
) -> ImportedCatalog {
    let checked = table
        .updated
        .as_deref()
        .and_then(|u| parse_time(u).ok().flatten())
        .and_then(|(t, _)| Time::parse(&t.instant().format("%Y-%m-%d").to_string()).ok());
    // Crews: (order key, member). Launch crews list commanders first, then table order.
    let mut launch_crews: Vec<Vec<((bool, usize), CrewMember)>> = vec![Vec::new(); ships.len()];
    let mut landing_crews: Vec<Vec<((i64, usize), CrewMember)>> = vec![Vec::new(); ships.len()];
    let mut phantom_crews: Vec<Vec<((i64, usize), CrewMember)>> = vec![Vec::new(); phantoms.len()];
    let mut brought_elsewhere: Vec<Vec<(String, String)>> = vec![Vec::new(); ships.len()];
    let mut came_from: Vec<Vec<(String, String)>> = vec![Vec::new(); ships.len()];
    for (p, person) in people.iter().enumerate() {
        if !person.imported {
            continue;
        }
        let stays = person.missions.iter().filter(|(s, _)| ships[*s].imported);
        for (k, (s, code)) in stays.enumerate() {
            let role = role(code);
            let commander = role.as_deref() == Some("commander");
            launch_crews[*s].push((
                (!commander, p),
                CrewMember {
                    astronaut: person.id.clone(),
                    role,
                },
            ));
            let member = CrewMember {
                astronaut: person.id.clone(),
                role: None,
            };
            let key = (seconds(&ships[*s].launch), p);
            match landings[p].get(k) {
                Some(Landing::Ship(down)) => {
                    landing_crews[*down].push((key, member));
                    if down != s {
                        brought_elsewhere[*s]
                            .push((person.name.clone(), ships[*down].name.clone()));
                        came_from[*down].push((person.name.clone(), ships[*s].name.clone()));
                    }
                }
                Some(Landing::Phantom(i)) => {
                    phantom_crews[*i].push((key, member));
                    brought_elsewhere[*s]
                        .push((person.name.clone(), phantoms[*i].name.to_string()));
                }
                _ => {}
            }
        }
    }

    let mut types: BTreeMap<String, (String, u32, Vec<String>)> = BTreeMap::new();
    let mut stations: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    let mut flights = Vec::new();
    for (s, ship) in ships.iter().enumerate() {
        if !ship.imported {
            continue;
        }
        let Some((operator, nation)) = operator(&ship.operator_code, &ship.launch) else {
            continue;
        };
        let (type_id, type_name, program) = vehicle_type(&ship.project);
        let mut launch_crew = std::mem::take(&mut launch_crews[s]);
        launch_crew.sort_by_key(|(k, _)| *k);
        let mut landing_crew = std::mem::take(&mut landing_crews[s]);
        landing_crew.sort_by_key(|(k, _)| *k);
        let entry = types
            .entry(type_id.clone())
            .or_insert_with(|| (type_name, 0, Vec::new()));
        entry.1 = entry
            .1
            .max(launch_crew.len() as u32)
            .max(landing_crew.len() as u32);
        if !entry.2.contains(&ship.project) {
            entry.2.push(ship.project.clone());
        }
        let station_id = ship.station.as_ref().map(|code| {
            let (id, name, station_nation) = station(code, nation);
            stations
                .entry(id.clone())
                .or_insert_with(|| (name, station_nation, code.clone()));
            id
        });
        let mut notes = vec![format!(
            "McDowell {} {}, COSPAR {}{}.",
            ship.hsfid,
            ship.tag,
            ship.desig,
            match ship.callsign.as_str() {
                "" | "-" => String::new(),
                c => format!(", callsign {c}"),
            }
        )];
        match ship.kind {
            Kind::Abort => notes.push("Aborted launch (MType ABORT).".into()),
            Kind::Bio => notes.push("Non-human flight (MType BIO).".into()),
            Kind::Flight => {}
        }
        if ship.end.is_none() {
            notes.push(format!(
                "In progress when the table was updated ({}): no landing yet.",
                summary.updated.as_deref().unwrap_or("date not given")
            ));
        }
        let landing_notes = {
            let mut parts = Vec::new();
            if !came_from[s].is_empty() {
                parts.push(format!(
                    "Inferred from McDowell's totals: {} came down on this ship (up on {}); only so do their totals agree to the second.",
                    came_from[s].iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "),
                    unique(came_from[s].iter().map(|(_, f)| f.as_str())).join(", ")
                ));
            }
            if !brought_elsewhere[s].is_empty() {
                parts.push(format!(
                    "Inferred from McDowell's totals: {} went up on this ship and came down on {}.",
                    brought_elsewhere[s]
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    unique(brought_elsewhere[s].iter().map(|(_, f)| f.as_str())).join(", ")
                ));
            }
            (!parts.is_empty()).then(|| parts.join(" "))
        };
        flights.push(Flight {
            id: ship.id.clone(),
            name: ship.name.clone(),
            program,
            spacecraft: type_id,
            nation: nation.to_string(),
            operator: Some(operator),
            station: station_id,
            launch: End {
                time: Some(ship.launch.clone()),
                crew: launch_crew.into_iter().map(|(_, m)| m).collect(),
                uncertain: ship.launch_uncertain,
                ..End::default()
            },
            docking: None,
            undocking: None,
            landing: ship.end.as_ref().map(|end| End {
                time: Some(end.clone()),
                crew: landing_crew.into_iter().map(|(_, m)| m).collect(),
                uncertain: ship.end_uncertain,
                notes: landing_notes,
                ..End::default()
            }),
            events: Vec::new(),
            checked: checked.clone(),
            sources: vec![SOURCE.to_string()],
            notes: Some(notes.join(" ")),
        });
    }
    for (i, phantom) in phantoms.iter().enumerate() {
        let up = &ships[phantom.up];
        let Some((operator, nation)) = operator(&up.operator_code, &up.launch) else {
            continue;
        };
        let (type_id, _, program) = vehicle_type(&up.project);
        let mut crew = std::mem::take(&mut phantom_crews[i]);
        crew.sort_by_key(|(k, _)| *k);
        if let Some(entry) = types.get_mut(&type_id) {
            entry.1 = entry.1.max(crew.len() as u32);
        }
        let names: Vec<&str> = phantom
            .people
            .iter()
            .map(|&p| people[p].name.as_str())
            .collect();
        flights.push(Flight {
            id: phantom.id.to_string(),
            name: phantom.name.to_string(),
            program,
            spacecraft: type_id,
            nation: nation.to_string(),
            operator: Some(operator),
            station: up.station.as_ref().map(|code| station(code, nation).0),
            launch: End {
                time: Time::parse(phantom.launch).ok(),
                sources: vec![phantom.source.to_string()],
                notes: Some(format!(
                    "Launched uncrewed, so McDowell's crewed-flight tables have no row for it; launch time from {}.",
                    phantom.source
                )),
                ..End::default()
            },
            docking: None,
            undocking: None,
            landing: Some(End {
                time: time_text(phantom.landing, phantom.precision),
                crew: crew.into_iter().map(|(_, m)| m).collect(),
                inferred: true,
                sources: vec![SOURCE.to_string()],
                notes: Some(format!(
                    "Inferred, not published in the tables: {} went up on {} ({}), which came home first ({}); their totals in McDowell's astronaut table agree to the second only with a landing at this time, on a ship that has no row. {} launched uncrewed to bring them home. Precision: that of the launch times used.",
                    names.join(", "),
                    up.name,
                    up.launch,
                    up.end.as_ref().map_or("-".to_string(), |e| e.to_string()),
                    phantom.name
                )),
                ..End::default()
            }),
            events: Vec::new(),
            checked: checked.clone(),
            sources: vec![SOURCE.to_string(), phantom.source.to_string()],
            notes: Some(format!(
                "Added by the importer: a ship with no row in McDowell's crewed-flight tables that brought home the crew of {}.",
                up.name
            )),
        });
    }
    summary.flights = flights.len() - phantoms.len();

    let astronauts = people
        .iter()
        .filter(|p| p.imported)
        .filter_map(|p| {
            let mut notes: Vec<String> = Vec::new();
            notes.push(format!("McDowell {}.", p.number));
            notes.extend(p.nation_note.clone());
            notes.extend(p.born_note.clone());
            notes.extend(p.recovered.clone());
            if p.chimp {
                notes.push("A chimpanzee (McDowell's 'Chimp Astronauts').".into());
            }
            Some(Astronaut {
                id: p.id.clone(),
                name: p.name.clone(),
                native_name: p.native_name.clone(),
                nation: p.nation.clone()?,
                born: p.born.clone(),
                sources: Vec::new(),
                notes: Some(notes.join(" ")),
            })
        })
        .collect::<Vec<_>>();
    summary.people = astronauts.len();

    let credit = format!(
        "From Jonathan McDowell's crewed-flight tables (General Catalog of Artificial Space Objects), {}; CC-BY, credit {CREDIT}. Imported by orbitline.",
        summary
            .updated
            .as_deref()
            .map_or_else(|| "date not given".to_string(), |u| format!("updated {u}"))
    );
    let spacecraft = types
        .into_iter()
        .map(|(id, (name, seats, projects))| Spacecraft {
            id,
            name,
            seats: seats.max(1),
            rated_days: None,
            sources: Vec::new(),
            notes: Some(format!(
                "McDowell's Project {}. Seats: the most people the tables put aboard one launch or landing of this type ({seats}), not a published capacity; the type may seat more.",
                projects.join(", ")
            )),
        })
        .collect();
    let stations = stations
        .into_iter()
        .map(|(id, (name, nation, code))| Station {
            notes: Some(match id.as_str() {
                "iss" => format!("McDowell station code {code}. Built and run by the US, Russia, Japan, Canada and ESA states; the nation given is the lead partner's."),
                _ => format!("McDowell station code {code}."),
            }),
            id,
            name,
            nation,
            sources: Vec::new(),
        })
        .collect();
    ImportedCatalog {
        astronauts: AstronautsFile {
            astronauts,
            sources: vec![SOURCE.to_string()],
            notes: Some(format!(
                "{credit} Names are McDowell's with the given names first; native_name is his UName where it differs. Citizenship codes are turned into ISO 3166-1 alpha-2 (D → DE, UK → GB, …)."
            )),
        },
        spacecraft: SpacecraftFile {
            spacecraft,
            sources: vec![SOURCE.to_string()],
            notes: Some(format!(
                "{credit} One type per McDowell Project (Vostok and Voskhod share one). The tables give no seat counts: each type's seats are the most people they put aboard one of its launches or landings."
            )),
        },
        stations: StationsFile {
            stations,
            sources: vec![SOURCE.to_string()],
            notes: Some(credit),
        },
        flights,
    }
}

fn unique<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
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

    #[test]
    fn names_read_given_name_first() {
        let (name, id, full) = person_name("Polyakov, Valeriy Vladimirovich");
        assert_eq!(name, "Valeriy Vladimirovich Polyakov");
        assert_eq!(id, "valeriy-polyakov");
        assert_eq!(full, "valeriy-vladimirovich-polyakov");
        assert_eq!(person_name("Chen Dong").1, "chen-dong");
        assert_eq!(
            person_name("Scobee, Francis *Richard 'Dick'").1,
            "richard-scobee"
        );
        assert_eq!(
            person_name("Grissom, Virgil Ivan 'Gus'").1,
            "virgil-grissom"
        );
        assert_eq!(
            person_name("Shepard, Alan Bartlett, Jr").0,
            "Alan Bartlett Shepard Jr"
        );
        assert_eq!(person_name("Fisher (Tingle), Anna Lee").1, "anna-fisher");
        assert_eq!(person_name("Al-Saud,Sultan ibn Salman").1, "sultan-al-saud");
    }

    #[test]
    fn citizenship_becomes_iso() {
        assert_eq!(citizenship("D").0.as_deref(), Some("DE"));
        assert_eq!(citizenship("(US)").0.as_deref(), Some("US"));
        assert_eq!(citizenship("US?").0.as_deref(), Some("US"));
        assert!(citizenship("US?").1.unwrap().contains("uncertain"));
        assert_eq!(citizenship("CN").1, None);
        assert!(citizenship("XYZW").0.is_none());
    }

    #[test]
    fn birth_dates_keep_their_precision() {
        assert_eq!(birth("1934 Mar  9").0.as_deref(), Some("1934-03-09"));
        assert_eq!(birth("1986 Jun").0.as_deref(), Some("1986-06"));
        assert_eq!(birth("1971?").0.as_deref(), Some("1971"));
        assert!(birth("1971?").1.is_some());
    }

    #[test]
    fn totals_are_seconds() {
        assert_eq!(
            parse_total("418:15:16:19"),
            Some((((418 * 24 + 15) * 60 + 16) * 60 + 19, false))
        );
        assert_eq!(parse_total("39:15:55:57*").map(|t| t.1), Some(true));
        assert_eq!(parse_total("217*"), None);
    }
}
