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

mod build;
mod check;
mod infer;
mod landings;
mod people;
mod ships;
mod table;
#[cfg(test)]
mod tsv_tests;

use serde::Serialize;

use self::build::build;
use self::landings::infer_landings;
use self::people::read_people;
use self::ships::{operator, parse_time, read_ships};
use self::table::{Cell, Table};
use super::{ImportError, ImportedCatalog, InputFile, Note};
use crate::model::{Orbit, Outcome, Precision, Time};

/// The web page both tables are published on.
pub const SOURCE: &str = "https://planet4589.org/space/astro/web/";
/// The credit GCAT's licence (CC-BY) asks for.
pub const CREDIT: &str = "J. McDowell, planet4589.org";

/// The missions table's columns the importer needs (`Progra` is the TSV's `Program`). `MType`, added
/// after 2022, is read where present; without it the kind follows from `HSFID` (see `ships::kind`).
const MISSION_COLUMNS: [&str; 12] = [
    "HSFID", "HSFTAG", "Desig", "Ship", "LDate", "EDate", "Crew", "Callsign", "Station", "Progra",
    "Project", "Dur",
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

/// What the import did, for people.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct GcatSummary {
    /// The tables' `Updated` line (in JSON an instant, the line as `as_published`; `null` when the
    /// tables give none or it is not a time).
    #[serde(serialize_with = "updated_json")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
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

fn updated_json<S: serde::Serializer>(updated: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    let instant = |text: &String| {
        let (time, _) = parse_time(text).ok().flatten()?;
        Some(crate::model::instant::Instant {
            as_published: text.clone(),
            ..crate::model::instant::Instant::of(&time)
        })
    };
    updated.as_ref().and_then(instant).serialize(s)
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
    /// McDowell's `OrbID`: ORB… orbital, SO… suborbital, `-` neither (an abort).
    orbit: Option<Orbit>,
    /// McDowell's `DS` is not 0: it left Earth orbit.
    deep_space: bool,
    /// How it ended; crew losses are found from the astronaut table's dates of death.
    outcome: Outcome,
    /// What the importer changed from McDowell's row and why (a name for an abort, a station never reached).
    remarks: Vec<String>,
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
    /// McDowell's `Died`, as precise as given.
    died: Option<String>,
    /// `died`, where it is the day (UTC, or the next: dates of death are local) their last flight ended.
    died_in_flight: Option<String>,
    /// What the name left out or the id was taken from.
    name_notes: Vec<String>,
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
    people::mark_deaths_in_flight(&mut people, &mut ships);
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
    let landings = infer_landings(&ships, &people, snapshot.as_ref(), &mut summary);
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
