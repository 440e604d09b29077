//! The contenders of a ranking: each stay, crew stay, EVA or vehicle flight in scope as one interval, and
//! a person's total (of stays or EVA time) as the sum of their parts.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{Candidate, Part, RecordEntry, RecordKind};
use crate::catalog::{Catalog, Filter, Stay};
use crate::model::{EventKind, Flight, Time};
use crate::timeline::Elapsed;

/// The single-interval contenders: stays, crews, EVAs, vehicles (totals are built from stays and EVAs).
pub(super) fn candidates<'a>(
    catalog: &'a Catalog,
    kind: RecordKind,
    scope: &Filter,
) -> Vec<Candidate<'a>> {
    let flight = |id: &str| catalog.flight(id).expect("stays refer to catalog flights");
    match kind {
        RecordKind::Stay | RecordKind::Cumulative => catalog
            .stays()
            .iter()
            .map(|s| (s, flight(&s.up)))
            .filter(|(s, up)| stay_in_scope(catalog, s, up, scope))
            .map(|(s, up)| Candidate {
                label: Cow::Borrowed(catalog.name_of(&s.astronaut)),
                route: match s.down.as_deref().filter(|d| *d != s.up) {
                    Some(down) => Cow::Owned(format!("{} → {}", up.name, flight(down).name)),
                    None => Cow::Borrowed(up.name.as_str()),
                },
                astronauts: vec![s.astronaut.as_str()],
                flights: stay_flights(s),
                start: &s.start,
                end: s.end.as_ref(),
                key: Cow::Borrowed(s.astronaut.as_str()),
                checked: up.checked.as_ref(),
            })
            .collect(),
        RecordKind::Crew => crews(catalog.stays())
            .into_iter()
            .filter(|crew| {
                let up = flight(&crew[0].up);
                scope.admits_except_nation(up) && scope.admits_nation(&up.nation)
            })
            .map(|crew| {
                let first = crew[0];
                let up = flight(&first.up);
                Candidate {
                    label: Cow::Owned(format!("{} crew", up.name)),
                    route: first
                        .down
                        .as_deref()
                        .filter(|d| *d != first.up)
                        .map_or(Cow::Borrowed(""), |d| {
                            Cow::Owned(format!("down on {}", flight(d).name))
                        }),
                    astronauts: crew.iter().map(|s| s.astronaut.as_str()).collect(),
                    flights: stay_flights(first),
                    start: &first.start,
                    end: first.end.as_ref(),
                    key: Cow::Owned(format!(
                        "{}>{}@{}",
                        first.up,
                        first.down.as_deref().unwrap_or("-"),
                        first.start
                    )),
                    checked: up.checked.as_ref(),
                }
            })
            .collect(),
        RecordKind::Eva | RecordKind::EvaTotal => catalog
            .flights()
            .iter()
            .filter(|f| scope.admits_except_nation(f) && scope.admits_nation(&f.nation))
            .flat_map(|f| {
                f.events
                    .iter()
                    .filter(|e| e.kind == EventKind::Eva && e.end.is_some())
                    .map(move |e| Candidate {
                        label: Cow::Owned(format!("{} {}", f.name, e.id)),
                        route: Cow::Borrowed(""),
                        astronauts: e.crew.iter().map(String::as_str).collect(),
                        flights: vec![f.id.as_str()],
                        start: &e.time,
                        end: e.end.as_ref(),
                        key: Cow::Owned(format!("{}/{}", f.id, e.id)),
                        checked: f.checked.as_ref(),
                    })
            })
            .collect(),
        RecordKind::Vehicle => catalog
            .flights()
            .iter()
            .filter(|f| scope.admits_except_nation(f) && scope.admits_nation(&f.nation))
            .filter_map(|f| {
                Some(Candidate {
                    label: Cow::Borrowed(f.name.as_str()),
                    route: Cow::Borrowed(""),
                    astronauts: Vec::new(),
                    flights: vec![f.id.as_str()],
                    start: f.launch.time.as_ref()?,
                    end: f.landing_time(),
                    key: Cow::Borrowed(f.id.as_str()),
                    checked: f.checked.as_ref(),
                })
            })
            .collect(),
    }
}

pub(super) fn stay_in_scope(catalog: &Catalog, stay: &Stay, up: &Flight, scope: &Filter) -> bool {
    let nation = catalog
        .astronaut(&stay.astronaut)
        .map_or("", |a| a.nation.as_str());
    scope.admits_except_nation(up) && scope.admits_nation(nation)
}

pub(super) fn stay_flights(stay: &Stay) -> Vec<&str> {
    let mut flights = vec![stay.up.as_str()];
    if let Some(down) = stay.down.as_deref().filter(|d| *d != stay.up) {
        flights.push(down);
    }
    flights
}

/// What makes a crew: up flight, down flight, start, end.
type CrewKey<'a> = (&'a str, Option<&'a str>, &'a Time, Option<&'a Time>);

/// Stays grouped into crews: same up flight, down flight, start and end, in stay order.
pub fn crews<'a>(stays: impl IntoIterator<Item = &'a Stay>) -> Vec<Vec<&'a Stay>> {
    let mut groups: BTreeMap<CrewKey, Vec<&Stay>> = BTreeMap::new();
    for stay in stays {
        groups
            .entry((
                stay.up.as_str(),
                stay.down.as_deref(),
                &stay.start,
                stay.end.as_ref(),
            ))
            .or_default()
            .push(stay);
    }
    let mut crews: Vec<Vec<&Stay>> = groups.into_values().collect();
    crews.sort_by(|a, b| (&a[0].start, &a[0].up).cmp(&(&b[0].start, &b[0].up)));
    crews
}

/// Each person's parts (stays or EVAs) as they stood at `as_of`, in the order of `parts`.
pub(super) fn totals<'a>(
    parts: &'a [Candidate<'a>],
    as_of: DateTime<Utc>,
) -> BTreeMap<&'a str, Vec<Part<'a>>> {
    let mut by_person: BTreeMap<&str, Vec<Part>> = BTreeMap::new();
    for part in parts.iter().filter_map(|c| c.part_at(as_of)) {
        for astronaut in &part.candidate.astronauts {
            by_person.entry(astronaut).or_default().push(part.clone());
        }
    }
    by_person
}

/// The sum of a person's parts (stays or EVAs) with its range (nothing for no parts).
pub(super) fn total_elapsed(parts: &[Part]) -> Elapsed {
    parts
        .iter()
        .map(|p| p.elapsed)
        .reduce(|a, b| a.plus(&b))
        .unwrap_or(Elapsed::ZERO)
}

pub(super) fn total_entry(
    catalog: &Catalog,
    kind: RecordKind,
    astronaut: &str,
    parts: &[Part],
) -> RecordEntry {
    let mut flights: Vec<String> = Vec::new();
    for p in parts {
        for f in &p.candidate.flights {
            if !flights.iter().any(|known| known == f) {
                flights.push(f.to_string());
            }
        }
    }
    RecordEntry {
        rank: 0,
        rank_at_worst: None,
        label: catalog.name_of(astronaut).to_string(),
        route: match (kind, parts.len()) {
            (RecordKind::EvaTotal, 1) => "1 EVA".to_string(),
            (RecordKind::EvaTotal, n) => format!("{n} EVAs"),
            (_, 1) => "1 stay".to_string(),
            (_, n) => format!("{n} stays"),
        },
        astronauts: vec![astronaut.to_string()],
        names: vec![catalog.name_of(astronaut).to_string()],
        flights,
        start: parts.first().map(|p| p.candidate.start.clone()),
        end: parts.last().and_then(|p| p.end.cloned()),
        ongoing: parts.iter().any(|p| p.end.is_none()),
        elapsed: total_elapsed(parts),
        key: astronaut.to_string(),
        marks: {
            let aborts = parts
                .iter()
                .filter_map(|p| p.candidate.flights.first())
                .filter_map(|f| catalog.flight(f))
                .filter(|f| {
                    matches!(
                        f.outcome(),
                        crate::model::Outcome::AbortedLaunch
                            | crate::model::Outcome::CrewLostOnLaunch
                    )
                })
                .count();
            if aborts > 0 {
                vec![format!(
                    "includes {aborts} aborted launch{}",
                    if aborts == 1 { "" } else { "es" }
                )]
            } else {
                Vec::new()
            }
        },
    }
}
