//! The checks a parsed catalog must pass, each problem located in its file (see `docs/data-format.md`,
//! "What `validate` checks").

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::links::{explicit_links, has_explicit_links, EventGraph, LinkKind};
use super::locate::Path;
use super::parse::Registries;
use super::stay::{derive_stays, CrewEnd, Stay};
use super::texts::{Finding, Texts};
use super::Located;
use crate::json_path;
use crate::model::{EventKind, Flight, Time, RESERVED_EVENT_IDS};
use crate::suggest;

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

fn check_registry_ids<T>(
    c: &mut Checker,
    entries: &[Located<T>],
    what: &str,
    id: impl Fn(&T) -> &String,
) {
    let mut seen = HashSet::new();
    for entry in entries {
        let mut path = entry.path.clone();
        path.extend(json_path!["id"]);
        let value = id(&entry.value);
        check_id(c, entry.file, path.clone(), value, what);
        if !seen.insert(value.as_str()) {
            c.report(
                entry.file,
                path,
                format!("duplicate {what} id `{value}`"),
                "ids are unique: merge the two entries or rename one",
            );
        }
    }
}

fn check_id(c: &mut Checker, file: usize, path: Path, id: &str, what: &str) {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !ok {
        let slug: String = id
            .to_lowercase()
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
            .collect();
        c.report(
            file,
            path,
            format!("{what} id `{id}` is not a lowercase slug"),
            format!(
                "use only a-z, 0-9 and '-', for example `{}`",
                slug.trim_matches('-')
            ),
        );
    }
}

fn check_nation(c: &mut Checker, file: usize, base: &Path, nation: &str) {
    if nation.len() != 2 || !nation.bytes().all(|b| b.is_ascii_uppercase()) {
        let mut path = base.clone();
        path.extend(json_path!["nation"]);
        c.report(
            file,
            path,
            format!("nation `{nation}` is not an ISO 3166-1 alpha-2 code"),
            "write two capital letters: CN, RU, US, …",
        );
    }
}

fn is_partial_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let numeric = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => {
            numeric(y, 4) && numeric(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        }
        [_, _, _] => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

fn did_you_mean<'a>(
    wrong: &str,
    known: impl Iterator<Item = &'a str> + Clone,
    registry: &str,
) -> String {
    match suggest::closest(wrong, known) {
        Some(s) => format!("did you mean `{s}`? otherwise add it to {registry}"),
        None => format!("add it to {registry}, or correct the id"),
    }
}

/// Launch, docking, undocking and landing in that order; a flight has a launch time or a planned one.
/// Returns false when the times are out of order.
fn check_flight_times(c: &mut Checker, f: &Located<Arc<Flight>>) -> bool {
    let before = c.findings.len();
    let flight = &f.value;
    if flight.launch.time.is_none() && flight.launch.planned.is_none() {
        c.report(
            f.file,
            json_path!["launch"],
            format!(
                "flight {} has neither a launch time nor a planned one",
                flight.id
            ),
            "add `time` (or `planned` for a flight not yet flown)",
        );
    }
    if flight.landing.as_ref().is_some_and(|l| l.time.is_some()) && flight.launch.time.is_none() {
        c.report(
            f.file,
            json_path!["landing", "time"],
            format!("flight {} has landed but has no launch time", flight.id),
            "add the launch time",
        );
    }
    let moments: Vec<(&str, Option<&Time>)> = vec![
        ("launch", flight.launch.time.as_ref()),
        (
            "docking",
            flight.docking.as_ref().and_then(|d| d.time.as_ref()),
        ),
        (
            "undocking",
            flight.undocking.as_ref().and_then(|d| d.time.as_ref()),
        ),
        ("landing", flight.landing_time()),
    ];
    let known: Vec<(&str, &Time)> = moments
        .into_iter()
        .filter_map(|(name, time)| time.map(|t| (name, t)))
        .collect();
    for (i, (later_name, later)) in known.iter().enumerate() {
        if let Some((earlier_name, earlier)) =
            known[..i].iter().find(|(_, e)| later.surely_before(e))
        {
            c.report(
                f.file,
                json_path![*later_name, "time"],
                format!(
                    "{} of {} ({later}) is before its {earlier_name} ({earlier})",
                    later_name, flight.id
                ),
                "check the date and the offset: Beijing is +08:00, and a date near midnight differs between Beijing and UTC",
            );
        }
    }
    if flight.undocking.as_ref().is_some_and(|u| u.time.is_some())
        && flight.docking.as_ref().is_none_or(|d| d.time.is_none())
    {
        c.report(
            f.file,
            json_path!["undocking"],
            format!("{} undocks but never docked", flight.id),
            "add the docking (with its time), or remove the undocking",
        );
    }
    c.findings.len() == before
}

/// Event ids, kinds and kind-specific fields, EVA ends.
fn check_events_shape(c: &mut Checker, f: &Located<Arc<Flight>>) {
    let mut ids = HashSet::new();
    for (i, event) in f.value.events.iter().enumerate() {
        check_id(c, f.file, json_path!["events", i, "id"], &event.id, "event");
        if RESERVED_EVENT_IDS.contains(&event.id.as_str()) {
            c.report(
                f.file,
                json_path!["events", i, "id"],
                format!(
                    "event id `{}` is reserved for the flight's own {}",
                    event.id, event.id
                ),
                "choose another id, or record the time in the flight's own field",
            );
        }
        if !ids.insert(event.id.as_str()) {
            c.report(
                f.file,
                json_path!["events", i, "id"],
                format!("duplicate event id `{}` in {}", event.id, f.value.id),
                "event ids are unique within a flight",
            );
        }
        if let Some(end) = &event.end {
            if end.surely_before(&event.time) {
                c.report(
                    f.file,
                    json_path!["events", i, "end"],
                    format!(
                        "event {} ends ({end}) before it begins ({})",
                        event.id, event.time
                    ),
                    "check the times and their offsets",
                );
            }
        }
        let is_change = event.kind == EventKind::ScheduleChange;
        for (field, present) in [
            ("target", event.target.is_some()),
            ("from", event.from.is_some()),
            ("to", event.to.is_some()),
        ] {
            if present && !is_change {
                c.report(
                    f.file,
                    json_path!["events", i, field],
                    format!(
                        "`{field}` belongs to schedule-change events, not {}",
                        event.kind.as_str()
                    ),
                    "remove it, or make the event a schedule-change",
                );
            }
            if !present && is_change {
                c.report(
                    f.file,
                    json_path!["events", i],
                    format!("schedule-change {} has no `{field}`", event.id),
                    "a schedule-change names its `target` (flight/event) and the planned time it moved `from` and `to`",
                );
            }
        }
        if !event.effects.is_empty() && event.kind != EventKind::Anomaly {
            c.report(
                f.file,
                json_path!["events", i, "effects"],
                format!(
                    "`effects` belong to anomaly events, not {}",
                    event.kind.as_str()
                ),
                "make the event an anomaly, or remove the effects",
            );
        }
    }
}

/// Crew entries refer to astronauts, nobody twice in one list, no more people than seats.
/// Returns false when a crew list names someone twice (stays derived from it would only repeat that).
fn check_crews(
    c: &mut Checker,
    f: &Located<Arc<Flight>>,
    astronauts: &HashSet<&str>,
    seats: Option<u32>,
) -> bool {
    let mut consistent = true;
    let flight = &f.value;
    let mut lists = vec![("launch", &flight.launch.crew)];
    if let Some(landing) = &flight.landing {
        lists.push(("landing", &landing.crew));
    }
    for (end, crew) in lists {
        let mut seen = HashSet::new();
        for (i, member) in crew.iter().enumerate() {
            if !astronauts.contains(member.astronaut.as_str()) {
                let hint = did_you_mean(
                    &member.astronaut,
                    astronauts.iter().copied(),
                    "astronauts.json",
                );
                c.report(
                    f.file,
                    json_path![end, "crew", i, "astronaut"],
                    format!("unknown astronaut `{}`", member.astronaut),
                    hint,
                );
            }
            if !seen.insert(member.astronaut.as_str()) {
                consistent = false;
                c.report(
                    f.file,
                    json_path![end, "crew", i],
                    format!(
                        "{} is listed twice in the {end} crew of {}",
                        member.astronaut, flight.id
                    ),
                    "remove the second entry",
                );
            }
        }
        // A type with no seats (a cargo ship) carries nobody.
        if let Some(seats) = seats {
            if crew.len() > seats as usize {
                c.report(
                    f.file,
                    json_path![end, "crew"],
                    format!(
                        "{} people in the {end} crew of {}, but a {} has {seats} seats",
                        crew.len(),
                        flight.id,
                        flight.spacecraft
                    ),
                    "check the crew list, or the seats in spacecraft.json",
                );
            }
        }
    }
    for (i, event) in flight.events.iter().enumerate() {
        for (j, astronaut) in event.crew.iter().enumerate() {
            if !astronauts.contains(astronaut.as_str()) {
                let hint = did_you_mean(astronaut, astronauts.iter().copied(), "astronauts.json");
                c.report(
                    f.file,
                    json_path!["events", i, "crew", j],
                    format!("unknown astronaut `{astronaut}`"),
                    hint,
                );
            }
        }
    }
    consistent
}

/// `caused_by`, `after`, `target` and `effects` name flights and events that exist.
fn check_references_of(
    c: &mut Checker,
    f: &Located<Arc<Flight>>,
    flights: &HashMap<&str, &Flight>,
) {
    // Most flights link nothing: skip building their list of links.
    let links = if has_explicit_links(&f.value) {
        explicit_links(&f.value)
    } else {
        Vec::new()
    };
    for (_, base, caused_by, after) in links {
        let refs = caused_by
            .iter()
            .enumerate()
            .map(|(j, r)| (json_path!["caused_by", j], r.as_str()))
            .chain(
                after
                    .iter()
                    .enumerate()
                    .map(|(j, a)| (json_path!["after", j, "event"], a.event.as_str())),
            );
        for (tail, reference) in refs {
            if let Err((message, hint)) = resolve(reference, flights) {
                let mut path = base.clone();
                path.extend(tail);
                c.report(f.file, path, message, hint);
            }
        }
    }
    for (i, event) in f.value.events.iter().enumerate() {
        if let Some(target) = &event.target {
            if let Err((message, hint)) = resolve(target, flights) {
                c.report(f.file, json_path!["events", i, "target"], message, hint);
            }
        }
        for (j, effect) in event.effects.iter().enumerate() {
            if !flights.contains_key(effect.vehicle.as_str()) {
                let hint = did_you_mean(
                    &effect.vehicle,
                    flights.keys().copied(),
                    "the catalog as a flight file",
                );
                c.report(
                    f.file,
                    json_path!["events", i, "effects", j, "vehicle"],
                    format!("unknown flight `{}`", effect.vehicle),
                    hint,
                );
            }
        }
    }
}

/// The links of the event graph: no cycle, no effect before its cause, nothing before what it is `after`
/// (plus its `min_gap`), as far as the precision of the times can tell.
/// The time checks run only on a catalog whose times passed every other check, so that a wrong time is
/// reported once, where it is written.
fn check_dependencies(c: &mut Checker, all_flights: &[Located<Arc<Flight>>], stays: &[Stay]) {
    // Only `caused_by` and `after` links can close a cycle: sequence edges form one chain per flight, and
    // crew edges only enter landings, which no sequence or crew edge leaves. So every flight on a cycle
    // writes such a link or is named by one, and the time checks concern those links only: the graph is
    // built over those flights alone (on a large catalog, building all of it was most of validation).
    let involved: HashSet<&str> = all_flights
        .iter()
        .filter(|f| has_explicit_links(&f.value))
        .flat_map(|f| {
            let targets = explicit_links(&f.value)
                .into_iter()
                .flat_map(|(_, _, caused_by, after)| {
                    caused_by
                        .iter()
                        .map(String::as_str)
                        .chain(after.iter().map(|a| a.event.as_str()))
                        .collect::<Vec<_>>()
                })
                .filter_map(|reference| reference.split_once('/').map(|(flight, _)| flight))
                .collect::<Vec<_>>();
            std::iter::once(f.value.id.as_str()).chain(targets)
        })
        .collect();
    if involved.is_empty() {
        return;
    }
    let flights: Vec<&Located<Arc<Flight>>> = all_flights
        .iter()
        .filter(|f| involved.contains(f.value.id.as_str()))
        .collect();
    let stays: Vec<Stay> = stays
        .iter()
        .filter(|s| {
            involved.contains(s.up.as_str())
                || s.down.as_deref().is_some_and(|d| involved.contains(d))
        })
        .cloned()
        .collect();
    let stays = stays.as_slice();
    let plain: Vec<&Flight> = flights.iter().map(|f| &*f.value).collect();
    let graph = EventGraph::build(&plain, stays);
    let g = graph.graph();
    let times_ok = c.findings.is_empty();
    for edge in g.edge_indices().filter(|_| times_ok) {
        let link = graph.link(edge);
        let Some(origin) = &link.origin else { continue };
        let Some((source, target)) = g.edge_endpoints(edge) else {
            continue;
        };
        let (cause, effect) = (graph.moment(source), graph.moment(target));
        let (Some(before), Some(after)) = (&cause.time, &effect.time) else {
            continue;
        };
        if cause.planned_only || effect.planned_only {
            continue;
        }
        let (message, hint) = match link.kind {
            LinkKind::CausedBy if after.surely_before(before) => (
                format!(
                    "{} ({after}) is before its cause {} ({before})",
                    effect.reference, cause.reference
                ),
                "a cause comes first: check the times, or the reference",
            ),
            LinkKind::After => {
                let gap = link.gap.unwrap_or_else(chrono::Duration::zero);
                if !after.surely_before(&before.shifted(gap)) {
                    continue;
                }
                let with_gap = if gap.is_zero() {
                    String::new()
                } else {
                    format!(" + {}", crate::model::format_compact(gap.num_seconds()))
                };
                (
                    format!(
                        "{} ({after}) is before {} ({before}){with_gap}, but it is `after` it",
                        effect.reference, cause.reference
                    ),
                    "check the times, the reference and the min_gap",
                )
            }
            _ => continue,
        };
        c.report(
            flights[origin.flight].file,
            origin.path.clone(),
            message,
            hint,
        );
    }
    // With two events of one id in a flight, references to it are ambiguous (and reported already): a
    // cycle through them would be an artefact.
    let unambiguous = flights.iter().all(|f| {
        let mut seen = HashSet::new();
        f.value.events.iter().all(|e| seen.insert(e.id.as_str()))
    });
    for cycle in graph.cycles().into_iter().filter(|_| unambiguous) {
        let mut steps = Vec::new();
        for (i, &node) in cycle.nodes.iter().enumerate() {
            let moment = graph.moment(node);
            let file = c.texts.name(flights[moment.flight].file);
            let file = file.rsplit('/').next().unwrap_or(file);
            let via = if i == 0 {
                String::new()
            } else {
                format!("[{}] ", graph.link(cycle.edges[i - 1]).kind.as_str())
            };
            steps.push(format!("{via}{} ({file})", moment.reference));
        }
        let closing = graph.link(cycle.edges[cycle.edges.len() - 1]).kind.as_str();
        steps.push(format!(
            "[{closing}] {}",
            graph.moment(cycle.nodes[0]).reference
        ));
        // Point at the first link of the cycle that is written in the data.
        let written = cycle
            .edges
            .iter()
            .filter_map(|&e| graph.link(e).origin.as_ref())
            .next();
        let message = format!(
            "dependency cycle through {} moment{}: {}",
            cycle.nodes.len(),
            if cycle.nodes.len() == 1 { "" } else { "s" },
            steps.join(" → ")
        );
        let hint = "a moment cannot depend on itself: remove or correct one of the `after` or `caused_by` links on the cycle";
        match written {
            Some(origin) => c.report(
                flights[origin.flight].file,
                origin.path.clone(),
                message,
                hint,
            ),
            None => {
                let file = flights[graph.moment(cycle.nodes[0]).flight].file;
                c.report(file, Vec::new(), message, hint);
            }
        }
    }
}

/// Checks that `flight/event` names an existing flight and one of its events (or reserved moments).
fn resolve(reference: &str, flights: &HashMap<&str, &Flight>) -> Result<(), (String, String)> {
    let Some((flight_id, event_id)) = reference.split_once('/') else {
        return Err((
            format!("reference `{reference}` is not of the form flight/event"),
            "write the flight id, a slash and the event id: shenzhou-20/debris-strike".into(),
        ));
    };
    let Some(flight) = flights.get(flight_id) else {
        let hint = did_you_mean(
            flight_id,
            flights.keys().copied(),
            "the catalog as a flight file",
        );
        return Err((
            format!("reference `{reference}`: unknown flight `{flight_id}`"),
            hint,
        ));
    };
    if flight.moment(event_id).is_none() {
        let known = RESERVED_EVENT_IDS
            .iter()
            .copied()
            .chain(flight.events.iter().map(|e| e.id.as_str()));
        let hint = match suggest::closest(event_id, known.clone()) {
            Some(s) => format!("did you mean `{flight_id}/{s}`?"),
            None => format!("{flight_id} has: {}", known.collect::<Vec<_>>().join(", ")),
        };
        return Err((
            format!("reference `{reference}`: {flight_id} has no event `{event_id}`"),
            hint,
        ));
    }
    Ok(())
}

/// Every event lies within its flight, or within a stay of the crew that launched on it.
fn check_events_in_time(c: &mut Checker, flights: &[Located<Arc<Flight>>], stays: &[Stay]) {
    use rayon::prelude::*;
    // For each flight, the latest end of a stay of its launch crew (`Open` while one is still open).
    #[derive(Clone, Copy)]
    enum CrewEnds<'a> {
        Open,
        Latest(&'a Time),
    }
    let mut crew_ends_of: HashMap<&str, CrewEnds> = HashMap::new();
    for s in stays {
        let entry = crew_ends_of.entry(s.up.as_str());
        match (s.end.as_ref(), entry) {
            (None, entry) => {
                entry.insert_entry(CrewEnds::Open);
            }
            (Some(end), std::collections::hash_map::Entry::Vacant(v)) => {
                v.insert(CrewEnds::Latest(end));
            }
            (Some(end), std::collections::hash_map::Entry::Occupied(mut o)) => {
                if let CrewEnds::Latest(latest) = *o.get() {
                    o.insert(CrewEnds::Latest(latest.max(end)));
                }
            }
        }
    }
    let found: Vec<Vec<Finding>> = flights
        .par_iter()
        .map(|f| {
            let mut c = Checker::new(c.texts);
            let flight = &f.value;
            let Some(launch) = flight.launch.time.as_ref() else {
                return c.findings;
            };
            // The latest moment an event of this flight can be: its landing or the end of the longest stay
            // of its launch crew, whichever is later; no limit while the flight or any of its crew is in
            // orbit.
            let latest = match (flight.landing_time(), crew_ends_of.get(flight.id.as_str())) {
                (Some(landing), None) => Some(landing),
                (Some(landing), Some(CrewEnds::Latest(end))) => Some(landing.max(*end)),
                _ => None,
            };
            for (i, event) in flight.events.iter().enumerate() {
                if event.time.surely_before(launch) {
                    c.report(
                        f.file,
                        json_path!["events", i, "time"],
                        format!(
                            "event {} ({}) is before {} launched ({launch})",
                            event.id, event.time, flight.id
                        ),
                        "check the date and offset, or move the event to the flight it belongs to",
                    );
                }
                let end = event.end.as_ref().unwrap_or(&event.time);
                if let Some(latest) = latest {
                    if latest.surely_before(end) {
                        c.report(
                            f.file,
                            json_path!["events", i, if event.end.is_some() { "end" } else { "time" }],
                            format!(
                                "event {} ({end}) is after {} and its crew were back on Earth ({latest})",
                                event.id, flight.id
                            ),
                            "check the date and offset, or move the event to the flight it belongs to",
                        );
                    }
                }
            }
            c.findings
        })
        .collect();
    c.findings.extend(found.into_iter().flatten());
}
