//! Building the rows of [`super::plan`], one function per row mode: a row per crew (stay mode), per flight,
//! or per astronaut, from a [`Context`] that holds what every mode needs, computed once.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::{
    at, figure_text, flight_elapsed, markers, stay_note, Bar, BarKind, Connector, Row, RowKey,
};
use crate::catalog::{Catalog, Stay};
use crate::model::Flight;
use crate::timeline::records::crews;
use crate::timeline::{Elapsed, StayReport};

/// What every kind of row is built from.
pub(super) struct Context<'a> {
    pub(super) catalog: &'a Catalog,
    /// The launched flights in scope, in catalog order.
    pub(super) flights: Vec<&'a Flight>,
    /// Their stays (by up flight), in catalog order.
    pub(super) stays: Vec<&'a Stay>,
    /// Each of those stays' report, by (astronaut, up flight): computed once.
    pub(super) reports: HashMap<(&'a str, &'a str), StayReport>,
    /// When each spacecraft became unfit for crew return, by flight id.
    pub(super) unfit: HashMap<String, DateTime<Utc>>,
    /// Each stay's planned end, by (astronaut, up flight).
    pub(super) planned: HashMap<(&'a str, &'a str), DateTime<Utc>>,
    pub(super) now: DateTime<Utc>,
}

impl Context<'_> {
    /// A flight's name, or the id when the catalog has no such flight.
    fn name(&self, id: &str) -> String {
        self.catalog
            .flight(id)
            .map_or(id.to_string(), |f| f.name.clone())
    }
}

/// Stay mode: a row per crew, and a thin row per spacecraft that did not simply carry its crew up and
/// back, in time order; a connector from each crew that came home on another spacecraft to its row.
pub(super) fn stay_rows(cx: &Context<'_>, connectors: &mut Vec<Connector>) -> Vec<Row> {
    // Crews: stays that share up and down flights and times, in the order of their first stay.
    let position: HashMap<*const Stay, usize> = cx
        .stays
        .iter()
        .enumerate()
        .map(|(i, s)| (*s as *const Stay, i))
        .collect();
    let mut grouped = crews(cx.stays.iter().copied());
    grouped.sort_by_key(|crew| position[&(crew[0] as *const Stay)]);
    let crews: Vec<(Vec<&StayReport>, DateTime<Utc>)> = grouped
        .iter()
        .map(|crew| {
            let members = crew
                .iter()
                .map(|s| &cx.reports[&(s.astronaut.as_str(), s.up.as_str())])
                .collect();
            (members, at(&crew[0].start))
        })
        .collect();
    let vehicle_rows: BTreeSet<&str> = cx
        .flights
        .iter()
        .filter(|f| needs_vehicle_row(f))
        .map(|f| f.id.as_str())
        .collect();
    let mut keyed: Vec<(DateTime<Utc>, bool, usize, Row)> = Vec::new();
    for (i, (members, start)) in crews.iter().enumerate() {
        let first = members[0];
        let Some(up) = cx.catalog.flight(&first.up) else {
            continue;
        };
        let who: BTreeSet<&str> = members.iter().map(|m| m.astronaut.as_str()).collect();
        let swap_label = first
            .down
            .as_deref()
            .filter(|_| first.vehicle_swap)
            .map(|d| format!("home on {}", cx.name(d)));
        if let (true, Some(down)) = (first.vehicle_swap, first.down.as_deref()) {
            if vehicle_rows.contains(down) {
                if let Some(end) = &first.end {
                    connectors.push(Connector {
                        from: RowKey::Crew(i),
                        to: RowKey::Vehicle(down.to_string()),
                        at: at(end),
                    });
                }
            }
        }
        let (duration, note) = stay_note(first, swap_label);
        keyed.push((
            *start,
            false,
            i,
            Row {
                title: up.name.clone(),
                detail: members
                    .iter()
                    .map(|m| m.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                key: RowKey::Crew(i),
                thin: false,
                bars: vec![Bar {
                    start: *start,
                    end: first.end.as_ref().map(at),
                    planned_end: cx
                        .planned
                        .get(&(first.astronaut.as_str(), first.up.as_str()))
                        .copied(),
                    kind: BarKind::Crew,
                    unfit_from: None,
                    markers: markers(up, Some(&who)),
                    note,
                    duration,
                    stays: members
                        .iter()
                        .map(|m| (m.astronaut.clone(), m.up.clone()))
                        .collect(),
                    badge: None,
                    crew_after: None,
                }],
            },
        ));
    }
    keyed.extend(vehicle_rows_of(cx, &vehicle_rows));
    keyed.sort_by_key(|k| (k.0, k.1, k.2));
    keyed.into_iter().map(|k| k.3).collect()
}

/// The thin rows of the spacecraft in `vehicles`, keyed for sorting among the crews' rows.
fn vehicle_rows_of(
    cx: &Context<'_>,
    vehicles: &BTreeSet<&str>,
) -> Vec<(DateTime<Utc>, bool, usize, Row)> {
    let mut keyed = Vec::new();
    for flight in cx
        .flights
        .iter()
        .filter(|f| vehicles.contains(f.id.as_str()))
    {
        let Some(launch) = flight.launch_time() else {
            continue;
        };
        let brought: Vec<String> = {
            let mut ups: Vec<String> = cx
                .catalog
                .stays()
                .iter()
                .filter(|s| s.down.as_deref() == Some(&flight.id) && s.up != flight.id)
                .map(|s| cx.name(&s.up))
                .collect();
            ups.dedup();
            ups
        };
        let mut detail = Vec::new();
        if flight.launch.crew.is_empty() {
            detail.push("uncrewed up".to_string());
        }
        if !brought.is_empty() {
            detail.push(format!("returned {} crew", brought.join(", ")));
        } else if flight.landing_time().is_some() && flight.landing_crew().is_empty() {
            detail.push("landed uncrewed".to_string());
        }
        let end = flight.landing_time().map(at);
        let elapsed = flight_elapsed(launch, flight.landing_time(), cx.now);
        keyed.push((
            at(launch),
            true,
            usize::MAX,
            Row {
                title: format!("{} spacecraft", flight.name),
                detail: detail.join(", "),
                key: RowKey::Vehicle(flight.id.clone()),
                thin: true,
                bars: vec![Bar {
                    start: at(launch),
                    end,
                    planned_end: None,
                    kind: BarKind::Vehicle,
                    unfit_from: cx.unfit.get(flight.id.as_str()).copied(),
                    markers: if flight.launch.crew.is_empty() {
                        markers(flight, None)
                    } else {
                        Vec::new()
                    },
                    note: String::new(),
                    duration: figure_text(&elapsed),
                    stays: Vec::new(),
                    badge: None,
                    crew_after: None,
                }],
            },
        ));
    }
    keyed
}

/// Flight mode: a row per flight, launch to landing; a connector from a flight whose crew came home on
/// another to that flight's row.
pub(super) fn flight_rows(cx: &Context<'_>, connectors: &mut Vec<Connector>) -> Vec<Row> {
    let mut rows = Vec::new();
    for flight in &cx.flights {
        let Some(launch) = flight.launch_time() else {
            continue;
        };
        let crew: Vec<&str> = flight
            .launch
            .crew
            .iter()
            .map(|c| cx.catalog.name_of(&c.astronaut))
            .collect();
        let end = flight.landing_time().map(at);
        let elapsed = flight_elapsed(launch, flight.landing_time(), cx.now);
        let mut notes = Vec::new();
        let swapped: Vec<&Stay> = cx
            .catalog
            .stays()
            .iter()
            .filter(|s| s.up == flight.id && s.is_vehicle_swap())
            .collect();
        if let Some(stay) = swapped.first() {
            if let (Some(down), Some(end)) = (&stay.down, &stay.end) {
                notes.push(format!("crew home on {}", cx.name(down)));
                if cx.flights.iter().any(|f| &f.id == down) {
                    connectors.push(Connector {
                        from: RowKey::Flight(flight.id.clone()),
                        to: RowKey::Flight(down.clone()),
                        at: at(end),
                    });
                }
            }
        }
        if end.is_some() && flight.landing_crew().is_empty() && !crew.is_empty() {
            notes.push("landed uncrewed".into());
        }
        rows.push(Row {
            title: flight.name.clone(),
            detail: if crew.is_empty() {
                "uncrewed".to_string()
            } else {
                crew.join(", ")
            },
            key: RowKey::Flight(flight.id.clone()),
            thin: false,
            bars: vec![Bar {
                start: at(launch),
                end,
                planned_end: flight.planned_landing().map(at),
                kind: if crew.is_empty() {
                    BarKind::Vehicle
                } else {
                    BarKind::Crew
                },
                unfit_from: cx.unfit.get(flight.id.as_str()).copied(),
                markers: markers(flight, None),
                note: notes.join(" · "),
                duration: if end.is_some() {
                    figure_text(&elapsed)
                } else {
                    format!("{} to now", figure_text(&elapsed))
                },
                stays: flight
                    .launch
                    .crew
                    .iter()
                    .map(|c| (c.astronaut.clone(), flight.id.clone()))
                    .collect(),
                badge: None,
                crew_after: swapped
                    .first()
                    .and_then(|s| s.end.as_ref())
                    .map(at)
                    .filter(|e| end.is_some_and(|landed| *e > landed)),
            }],
        });
    }
    rows
}

/// Astronaut mode: a row per person, a bar per stay.
pub(super) fn astronaut_rows(cx: &Context<'_>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut people: Vec<(DateTime<Utc>, String, Vec<&StayReport>)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for stay in cx.catalog.stays() {
        let Some(report) = cx.reports.get(&(stay.astronaut.as_str(), stay.up.as_str())) else {
            continue;
        };
        match seen.get(stay.astronaut.as_str()) {
            Some(&i) => people[i].2.push(report),
            None => {
                seen.insert(&stay.astronaut, people.len());
                people.push((at(&stay.start), stay.astronaut.clone(), vec![report]));
            }
        }
    }
    for (_, astronaut, stays) in people {
        let total = stays
            .iter()
            .fold(Elapsed::ZERO, |sum, s| sum.plus(&s.elapsed));
        let who: BTreeSet<&str> = [astronaut.as_str()].into_iter().collect();
        let bars = stays
            .iter()
            .filter_map(|s| {
                let up = cx.catalog.flight(&s.up)?;
                let swap = s
                    .down
                    .as_deref()
                    .filter(|_| s.vehicle_swap)
                    .map(|d| format!("home on {}", cx.name(d)));
                let (duration, note) = stay_note(s, swap);
                Some(Bar {
                    start: at(&s.start),
                    end: s.end.as_ref().map(at),
                    planned_end: up.planned_landing().map(at),
                    kind: BarKind::Crew,
                    unfit_from: None,
                    markers: markers(up, Some(&who)),
                    note: [up.name.clone(), note]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · "),
                    duration,
                    stays: vec![(astronaut.clone(), s.up.clone())],
                    badge: None,
                    crew_after: None,
                })
            })
            .collect();
        rows.push(Row {
            title: cx.catalog.name_of(&astronaut).to_string(),
            detail: if stays.len() > 1 {
                format!("{} in {} stays", figure_text(&total), stays.len())
            } else {
                String::new()
            },
            key: RowKey::Astronaut(astronaut.clone()),
            thin: false,
            bars,
        });
    }
    rows
}

/// A spacecraft that did not simply carry its crew up and back gets a row of its own.
fn needs_vehicle_row(flight: &Flight) -> bool {
    let up: BTreeSet<&str> = flight
        .launch
        .crew
        .iter()
        .map(|c| c.astronaut.as_str())
        .collect();
    let down: BTreeSet<&str> = flight
        .landing_crew()
        .iter()
        .map(|c| c.astronaut.as_str())
        .collect();
    up.is_empty() || (flight.landing_time().is_some() && up != down)
}
