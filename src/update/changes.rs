//! What an update changed: the difference between the catalog that answered before and the new one, in
//! the terms people follow: flights added, flights that landed (with how long they flew), new people, and
//! records that changed hands (the longest single stay of each nation's astronauts).
//!
//! Only completed stays count for records: a flight still in orbit holds no record until it lands.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::catalog::Catalog;
use crate::timeline::{format_elapsed, Elapsed};

/// The difference between two catalogs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes {
    /// Flights the old catalog did not have.
    pub flights_added: Vec<FlightChange>,
    /// Flights in orbit in the old catalog that have landed in the new one.
    pub flights_landed: Vec<FlightChange>,
    /// People the old catalog did not have.
    pub people_added: Vec<PersonAdded>,
    /// Records held by someone else (or by a longer stay) than before.
    pub records: Vec<RecordChange>,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.flights_added.is_empty()
            && self.flights_landed.is_empty()
            && self.people_added.is_empty()
            && self.records.is_empty()
    }
}

/// A flight added or landed.
#[derive(Debug, Clone, Serialize)]
pub struct FlightChange {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its launch, as the catalog gives it.
    pub launch: String,
    /// Its landing, as the catalog gives it, once landed.
    pub landing: Option<String>,
    /// Launch to landing, in seconds, once landed.
    pub duration_seconds: Option<i64>,
    /// The same for people: `181 d 9 h 12 min`.
    pub duration: Option<String>,
}

/// A person added.
#[derive(Debug, Clone, Serialize)]
pub struct PersonAdded {
    /// Their id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their nation.
    pub nation: String,
}

/// A record that changed hands.
#[derive(Debug, Clone, Serialize)]
pub struct RecordChange {
    /// What the record is: `longest stay, CN`.
    pub record: String,
    /// Who held it before, if anyone.
    pub before: Option<Holder>,
    /// Who holds it now.
    pub after: Holder,
}

/// The holder of a stay record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holder {
    /// The astronaut's id.
    pub astronaut: String,
    /// Their name.
    pub name: String,
    /// The flight that took them up.
    pub flight: String,
    /// The stay, in seconds.
    pub seconds: i64,
    /// The same for people.
    pub duration: String,
}

/// What changed from `old` to `new`.
pub fn changes(old: &Catalog, new: &Catalog) -> Changes {
    let old_flights: HashSet<&str> = old.flights().iter().map(|f| f.id.as_str()).collect();
    let mut changes = Changes::default();
    for flight in new.flights() {
        let launch = flight.launch.time.as_ref();
        let landing = flight.landing.as_ref().and_then(|l| l.time.as_ref());
        let elapsed = launch
            .zip(landing)
            .map(|(up, down)| Elapsed::between(up, down));
        let change = || FlightChange {
            id: flight.id.clone(),
            name: flight.name.clone(),
            launch: launch.map_or_else(|| "not given".into(), |t| t.to_string()),
            landing: landing.map(|t| t.to_string()),
            duration_seconds: elapsed.as_ref().map(|e| e.seconds),
            duration: elapsed.as_ref().map(format_elapsed),
        };
        if !old_flights.contains(flight.id.as_str()) {
            changes.flights_added.push(change());
        } else if landing.is_some()
            && old
                .flight(&flight.id)
                .is_some_and(|f| f.landing.as_ref().and_then(|l| l.time.as_ref()).is_none())
        {
            changes.flights_landed.push(change());
        }
    }
    let old_people: HashSet<&str> = old.astronauts().iter().map(|a| a.id.as_str()).collect();
    changes.people_added = new
        .astronauts()
        .iter()
        .filter(|a| !old_people.contains(a.id.as_str()))
        .map(|a| PersonAdded {
            id: a.id.clone(),
            name: a.name.clone(),
            nation: a.nation.clone(),
        })
        .collect();
    let before = longest_stays(old);
    for (nation, after) in longest_stays(new) {
        let before = before.get(&nation).cloned();
        if before.as_ref() != Some(&after) {
            changes.records.push(RecordChange {
                record: format!("longest stay, {nation}"),
                before,
                after,
            });
        }
    }
    changes
}

/// The longest completed stay of each nation's astronauts (the first, where two are equal).
fn longest_stays(catalog: &Catalog) -> BTreeMap<String, Holder> {
    let mut best: BTreeMap<String, Holder> = BTreeMap::new();
    for stay in catalog.stays() {
        let (Some(end), Some(person)) = (&stay.end, catalog.astronaut(&stay.astronaut)) else {
            continue;
        };
        let elapsed = Elapsed::between(&stay.start, end);
        let holder = Holder {
            astronaut: person.id.clone(),
            name: person.name.clone(),
            flight: stay.up.clone(),
            seconds: elapsed.seconds,
            duration: format_elapsed(&elapsed),
        };
        match best.get(&person.nation) {
            Some(held) if held.seconds >= holder.seconds => {}
            _ => {
                best.insert(person.nation.clone(), holder);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::catalog::embedded;

    /// The bundled catalog before Shenzhou-22 landed (its landing time taken out), and as it is.
    fn before_and_after() -> (Catalog, Catalog) {
        let after = Catalog::load("bundled", embedded()).unwrap();
        let flights = after
            .flights()
            .iter()
            .map(|f| {
                let mut f = (**f).clone();
                if f.id == "shenzhou-22" {
                    f.landing.as_mut().unwrap().time = None;
                }
                Arc::new(f)
            })
            .collect();
        (after.with_times(flights), after)
    }

    #[test]
    fn a_landing_is_reported_with_its_duration_and_moves_the_record() {
        let (before, after) = before_and_after();
        let changes = changes(&before, &after);
        assert!(changes.flights_added.is_empty() && changes.people_added.is_empty());
        assert_eq!(changes.flights_landed.len(), 1);
        let landed = &changes.flights_landed[0];
        assert_eq!(landed.id, "shenzhou-22");
        assert_eq!(landed.duration.as_deref(), Some("185 d 7 h 59 min 15 s"));
        // The Shenzhou-21 crew came home on Shenzhou-22: their stay, open before, is China's longest.
        let record = changes
            .records
            .iter()
            .find(|r| r.record == "longest stay, CN")
            .unwrap();
        assert_eq!(record.after.flight, "shenzhou-21");
        assert_ne!(record.before.as_ref().unwrap().flight, "shenzhou-21");
        assert_eq!(changes.records.len(), 1, "{:?}", changes.records);
    }

    #[test]
    fn the_same_catalog_has_no_changes() {
        let (_, after) = before_and_after();
        assert!(changes(&after, &after).is_empty());
    }
}
