//! What tells the flights, astronauts and stations a name may mean apart: id, name, nation, dates.

use std::collections::HashMap;

use serde::Serialize;

use super::{Kind, Rule, Target};
use crate::catalog::Catalog;
use crate::model::Time;

/// A flight, an astronaut or a station a name may stand for, with what tells it apart.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Candidate {
    /// `astronaut`, `flight` or `station`.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// A person's name in their own script.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Citizenship or operating nation (ISO 3166-1 alpha-2).
    pub nation: String,
    /// The first launch (a person's first flight, a flight's launch, a station's first visitor's).
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub from: Option<Time>,
    /// The last landing; `null` while in space, or never flown.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub to: Option<Time>,
    /// Still in space (a person or a flight) or still visited (a station) at the catalog's end.
    pub open: bool,
    /// Flights: a person's, a station's visits, 1 for a flight.
    pub flights: usize,
    /// The rule that matched.
    pub matched: Rule,
}

pub(super) fn describe(catalog: &Catalog, targets: &[(Target, Rule)]) -> Vec<Candidate> {
    #[derive(Default)]
    struct Span<'a> {
        from: Option<&'a Time>,
        to: Option<&'a Time>,
        open: bool,
        flights: usize,
    }
    impl<'a> Span<'a> {
        fn add(&mut self, from: &'a Time, to: Option<&'a Time>) {
            self.flights += 1;
            self.from = Some(self.from.map_or(from, |f| f.min(from)));
            match to {
                Some(to) => self.to = Some(self.to.map_or(to, |t| t.max(to))),
                None => self.open = true,
            }
        }
    }
    let wanted = |kind: Kind| -> HashMap<&str, usize> {
        targets
            .iter()
            .filter(|(t, _)| t.kind == kind)
            .map(|(t, _)| match kind {
                Kind::Astronaut => catalog.astronauts()[t.index].id.as_str(),
                Kind::Flight => catalog.flights()[t.index].id.as_str(),
                Kind::Station => catalog.stations()[t.index].id.as_str(),
            })
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect()
    };
    let (people, stations) = (wanted(Kind::Astronaut), wanted(Kind::Station));
    let mut spans: HashMap<(Kind, &str), Span> = HashMap::new();
    if !people.is_empty() {
        for stay in catalog.stays() {
            if people.contains_key(stay.astronaut.as_str()) {
                spans
                    .entry((Kind::Astronaut, stay.astronaut.as_str()))
                    .or_default()
                    .add(&stay.start, stay.end.as_ref());
            }
        }
    }
    for flight in catalog.flights() {
        let Some(launch) = flight.launch.time.as_ref() else {
            continue;
        };
        if let Some(station) = flight
            .station
            .as_deref()
            .filter(|s| stations.contains_key(s))
        {
            spans
                .entry((Kind::Station, station))
                .or_default()
                .add(launch, flight.landing_time());
        }
    }
    targets
        .iter()
        .map(|&(target, rule)| {
            let (id, name, native_name, nation) = match target.kind {
                Kind::Astronaut => {
                    let a = &catalog.astronauts()[target.index];
                    (&a.id, &a.name, a.native_name.clone(), &a.nation)
                }
                Kind::Flight => {
                    let f = &catalog.flights()[target.index];
                    (&f.id, &f.name, None, &f.nation)
                }
                Kind::Station => {
                    let s = &catalog.stations()[target.index];
                    (&s.id, &s.name, None, &s.nation)
                }
            };
            let mut span = Span::default();
            let span = match target.kind {
                Kind::Flight => {
                    let f = &catalog.flights()[target.index];
                    if let Some(launch) = f.launch.time.as_ref() {
                        span.add(launch, f.landing_time());
                    }
                    span
                }
                kind => spans.remove(&(kind, id.as_str())).unwrap_or_default(),
            };
            Candidate {
                kind: target.kind,
                id: id.clone(),
                name: name.clone(),
                native_name,
                nation: nation.clone(),
                from: span.from.cloned(),
                to: if span.open { None } else { span.to.cloned() },
                open: span.open,
                flights: span.flights,
                matched: rule,
            }
        })
        .collect()
}
