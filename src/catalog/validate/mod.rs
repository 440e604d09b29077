//! The checks a parsed catalog must pass, each problem located in its file (see `docs/data-format.md`,
//! "What `validate` checks").

mod crews;
mod events;
mod ids;
mod links;
mod text;
mod times;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use self::crews::{check_crews, check_references_of};
use self::events::{check_events_in_time, check_events_shape};
use self::ids::{check_id, check_nation, check_registry_ids, did_you_mean, is_partial_date};
use self::links::check_dependencies;
use self::text::{check_flight_texts, check_registry_texts, shown};
use self::times::check_flight_times;
use super::locate::Path;
use super::parse::Registries;
use super::texts::{Finding, Texts};
use super::Located;
use crate::catalog::stay::{derive_stays, CrewEnd, Stay};
use crate::json_path;
use crate::model::Flight;

/// Collects what the checks find, unlocated (see [`Texts::locate`]).
pub(crate) struct Checker<'a> {
    texts: &'a Texts,
    pub findings: Vec<Finding>,
}

impl<'a> Checker<'a> {
    pub fn new(texts: &'a Texts) -> Checker<'a> {
        Checker {
            texts,
            findings: Vec::new(),
        }
    }

    fn report(&mut self, file: usize, path: Path, message: String, hint: impl Into<String>) {
        self.findings.push(Finding {
            file,
            path,
            message,
            hint: hint.into(),
        });
    }
}

/// The registries' ids, for the checks of each flight.
pub(crate) struct Known<'a> {
    astronauts: HashSet<&'a str>,
    seats: HashMap<&'a str, u32>,
    stations: HashSet<&'a str>,
    /// Every registry parsed: an id missing from them is an error.
    complete: bool,
}

/// Checks the registries' entries and gathers their ids for [`check_flight`].
pub(crate) fn check_registries<'a>(c: &mut Checker, registries: &'a Registries) -> Known<'a> {
    let (astronauts, spacecraft, stations) = (
        &registries.astronauts,
        &registries.spacecraft,
        &registries.stations,
    );
    check_registry_ids(c, astronauts, "astronaut", |a| &a.id);
    check_registry_ids(c, spacecraft, "spacecraft", |s| &s.id);
    check_registry_ids(c, stations, "station", |s| &s.id);
    for a in astronauts {
        check_nation(c, a.file, &a.path, &a.value.nation);
        if let Some(born) = &a.value.born {
            if !is_partial_date(born) {
                let mut path = a.path.clone();
                path.extend(json_path!["born"]);
                c.report(
                    a.file,
                    path,
                    format!("`born` is `{born}`"),
                    "write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source gives",
                );
            }
        }
    }
    for s in stations {
        check_nation(c, s.file, &s.path, &s.value.nation);
    }
    check_registry_texts(c, astronauts, spacecraft, stations);
    Known {
        astronauts: astronauts.iter().map(|a| a.value.id.as_str()).collect(),
        seats: spacecraft
            .iter()
            .map(|s| (s.value.id.as_str(), s.value.seats))
            .collect(),
        stations: stations.iter().map(|s| s.value.id.as_str()).collect(),
        complete: registries.complete,
    }
}

/// The checks of one flight on its own (against the registries): ids, nation, sources, the order of its
/// times, its events, its crews. Returns false when its own times are out of order or a crew list repeats
/// someone: the crew problems that would follow from that are not repeated by [`check_catalog`].
pub(crate) fn check_flight(c: &mut Checker, f: &Located<Arc<Flight>>, known: &Known) -> bool {
    let flight = &f.value;
    let mut consistent = true;
    check_id(c, f.file, json_path!["id"], &flight.id, "flight");
    if known.astronauts.contains(flight.id.as_str()) {
        c.report(
            f.file,
            json_path!["id"],
            format!("flight id `{}` is also an astronaut's id", shown(&flight.id)),
            "a flight and an astronaut cannot share an id (`show` and `duration` take either): rename one",
        );
    }
    check_flight_texts(c, f);
    check_nation(c, f.file, &Vec::new(), &flight.nation);
    if flight.sources.is_empty() {
        c.report(
            f.file,
            json_path!["sources"],
            format!("flight {} has no sources", flight.id),
            "add the URL of at least one source for the facts in this file",
        );
    }
    if !check_flight_times(c, f) {
        consistent = false;
    }
    check_events_shape(c, f);
    if known.complete {
        let seats = &known.seats;
        if !seats.contains_key(flight.spacecraft.as_str()) {
            let hint = did_you_mean(&flight.spacecraft, seats.keys().copied(), "spacecraft.json");
            c.report(
                f.file,
                json_path!["spacecraft"],
                format!("unknown spacecraft `{}`", flight.spacecraft),
                hint,
            );
        }
        if let Some(station) = &flight.station {
            if !known.stations.contains(station.as_str()) {
                let hint = did_you_mean(station, known.stations.iter().copied(), "stations.json");
                c.report(
                    f.file,
                    json_path!["station"],
                    format!("unknown station `{station}`"),
                    hint,
                );
            }
        }
        let seats = seats.get(flight.spacecraft.as_str()).copied();
        if !check_crews(c, f, &known.astronauts, seats) {
            consistent = false;
        }
    }
    consistent
}

/// The checks across flights: unique ids, then, when every flight file parsed, references, the crews'
/// stays (derived here and returned), events within their flights and the dependency links.
/// `consistent[i]` is what [`check_flight`] said of `flights[i]`.
pub(crate) fn check_catalog(
    c: &mut Checker,
    flights: &[Located<Arc<Flight>>],
    consistent: &[bool],
    flights_complete: bool,
) -> Option<Vec<Stay>> {
    // Ids and references on one core, the stays and the events within them on the other; the dependency
    // check last, as it needs to know whether any time was found wrong.
    let texts = c.texts;
    let (ids_and_references, stays) = rayon::join(
        || {
            let mut c = Checker::new(texts);
            check_unique_ids(&mut c, flights);
            if flights_complete {
                let by_id: HashMap<&str, &Flight> = flights
                    .iter()
                    .map(|f| (f.value.id.as_str(), &*f.value))
                    .collect();
                for f in flights {
                    check_references_of(&mut c, f, &by_id);
                }
            }
            c.findings
        },
        || flights_complete.then(|| check_stays(texts, flights, consistent)),
    );
    c.findings.extend(ids_and_references);
    let (stays, found) = stays?;
    c.findings.extend(found);
    check_dependencies(c, flights, &stays);
    Some(stays)
}

fn check_unique_ids(c: &mut Checker, flights: &[Located<Arc<Flight>>]) {
    let mut flight_files: HashMap<&str, usize> = HashMap::with_capacity(flights.len());
    for f in flights {
        if let Some(&first) = flight_files.get(f.value.id.as_str()) {
            let first_name = c.texts.name(first).to_string();
            c.report(
                f.file,
                json_path!["id"],
                format!(
                    "duplicate flight id `{}` (also in {first_name})",
                    f.value.id
                ),
                "flight ids are unique across the catalog: rename one of them",
            );
        } else {
            flight_files.insert(&f.value.id, f.file);
        }
    }
}

/// Derives the stays, reports the crew entries that do not pair up (unless their flight is already
/// inconsistent) and the events outside their flight or its crew's stays.
fn check_stays(
    texts: &Texts,
    flights: &[Located<Arc<Flight>>],
    consistent: &[bool],
) -> (Vec<Stay>, Vec<Finding>) {
    let mut c = Checker::new(texts);
    let plain: Vec<&Flight> = flights.iter().map(|f| &*f.value).collect();
    let (stays, issues) = derive_stays(&plain);
    for issue in issues.into_iter().filter(|i| consistent[i.flight]) {
        let end = match issue.end {
            CrewEnd::Launch => "launch",
            CrewEnd::Landing => "landing",
        };
        c.report(
            flights[issue.flight].file,
            json_path![end, "crew", issue.index],
            issue.message,
            issue.hint,
        );
    }
    check_events_in_time(&mut c, flights, &stays);
    (stays, c.findings)
}
