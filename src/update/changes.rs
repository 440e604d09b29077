//! What an update changed: the difference between the catalog that answered before and the new one, in
//! the terms people follow: flights added, flights that landed (with how long they flew), new people, and
//! records that changed hands (the longest single stay of each nation's astronauts), and planned flights
//! (a planned launch and no actual one) added, moved or flown.
//!
//! Only completed stays count for records: a flight still in orbit holds no record until it lands, and a
//! planned flight has no stay at all.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::instant::{instant, instant_opt, Instant};
use crate::model::{Flight, Time};
use crate::timeline::Elapsed;

/// The difference between two catalogs.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Changes {
    /// Flights the old catalog did not have.
    pub flights_added: Vec<FlightChange>,
    /// Flights in orbit in the old catalog that have landed in the new one.
    pub flights_landed: Vec<FlightChange>,
    /// People the old catalog did not have.
    pub people_added: Vec<PersonAdded>,
    /// Records held by someone else (or by a longer stay) than before.
    pub records: Vec<RecordChange>,
    /// Planned flights the old catalog did not have.
    pub planned_added: Vec<PlannedChange>,
    /// Planned flights whose planned launch changed.
    pub planned_moved: Vec<PlannedChange>,
    /// Flights planned in the old catalog that have launched in the new one.
    pub planned_flown: Vec<PlannedChange>,
}

/// A planned flight added, moved or flown.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlannedChange {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The planned launch before (moved, flown); `null` for a flight added.
    #[serde(serialize_with = "instant_opt")]
    #[schemars(with = "Option<Instant>")]
    pub before: Option<Time>,
    /// The planned launch now (added, moved), or the actual launch (flown).
    #[serde(serialize_with = "instant")]
    #[schemars(with = "Instant")]
    pub after: Time,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.flights_added.is_empty()
            && self.flights_landed.is_empty()
            && self.people_added.is_empty()
            && self.records.is_empty()
            && self.planned_added.is_empty()
            && self.planned_moved.is_empty()
            && self.planned_flown.is_empty()
    }
}

/// A flight added or landed.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FlightChange {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its launch.
    #[serde(serialize_with = "instant")]
    #[schemars(with = "Instant")]
    pub launch: Time,
    /// Its landing, once landed (`null` while in orbit).
    #[serde(serialize_with = "instant_opt")]
    #[schemars(with = "Option<Instant>")]
    pub landing: Option<Time>,
    /// Launch to landing, once landed (`null` while in orbit).
    pub elapsed: Option<Elapsed>,
}

/// A person added.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonAdded {
    /// Their id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their nation.
    pub nation: String,
}

/// A record that changed hands.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecordChange {
    /// What the record is: `longest stay, CN`.
    pub record: String,
    /// Who held it before, if anyone.
    pub before: Option<Holder>,
    /// Who holds it now.
    pub after: Holder,
}

/// The holder of a stay record.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Holder {
    /// The astronaut's id.
    pub astronaut: String,
    /// Their name.
    pub name: String,
    /// The flight that took them up.
    pub flight: String,
    /// The stay.
    pub elapsed: Elapsed,
}

/// What changed from `old` to `new`.
pub fn changes(old: &Catalog, new: &Catalog) -> Changes {
    let old_flights: HashSet<&str> = old.flights().iter().map(|f| f.id.as_str()).collect();
    let mut changes = Changes::default();
    for flight in new.flights() {
        planned(old.flight(&flight.id), flight, &mut changes);
        let Some(launch) = flight.launch.time.as_ref() else {
            // A planned flight: reported above.
            continue;
        };
        let landing = flight.landing.as_ref().and_then(|l| l.time.as_ref());
        let change = || FlightChange {
            id: flight.id.clone(),
            name: flight.name.clone(),
            launch: launch.clone(),
            landing: landing.cloned(),
            elapsed: landing.map(|down| Elapsed::between(launch, down)),
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

/// A planned flight added, moved or flown: `old` is the flight with the same id in the old catalog.
fn planned(old: Option<&Flight>, new: &Flight, changes: &mut Changes) {
    let was_planned = old.filter(|f| f.launch.time.is_none());
    let before = was_planned.and_then(|f| f.launch.planned.clone());
    let change = |after: Time| PlannedChange {
        id: new.id.clone(),
        name: new.name.clone(),
        before: before.clone(),
        after,
    };
    match (old, was_planned, &new.launch.time, &new.launch.planned) {
        (_, Some(_), Some(actual), _) => changes.planned_flown.push(change(actual.clone())),
        (None, _, None, Some(plan)) => changes.planned_added.push(change(plan.clone())),
        (_, Some(old), None, Some(plan)) if old.launch.planned.as_ref() != Some(plan) => {
            changes.planned_moved.push(change(plan.clone()));
        }
        _ => {}
    }
}

/// The longest completed stay of each nation's astronauts: the one whose least possible length is the
/// greatest (then its greatest), as `records` ranks (docs/figures.md); the first, where two are equal.
fn longest_stays(catalog: &Catalog) -> BTreeMap<String, Holder> {
    let mut best: BTreeMap<String, Holder> = BTreeMap::new();
    for stay in catalog.stays() {
        let (Some(end), Some(person)) = (&stay.end, catalog.astronaut(&stay.astronaut)) else {
            continue;
        };
        let holder = Holder {
            astronaut: person.id.clone(),
            name: person.name.clone(),
            flight: stay.up.clone(),
            elapsed: Elapsed::between(&stay.start, end),
        };
        let length = |h: &Holder| (h.elapsed.min_seconds, h.elapsed.max_seconds);
        match best.get(&person.nation) {
            Some(held) if length(held) >= length(&holder) => {}
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
        let elapsed = landed.elapsed.as_ref().unwrap();
        assert_eq!(
            crate::timeline::format_elapsed(elapsed),
            "185 d 7 h 59 min 15 s"
        );
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
    fn planned_flights_are_added_moved_and_flown() {
        let (_, now) = before_and_after();
        let plan = |id: &str, planned: &str| {
            let flights = now
                .flights()
                .iter()
                .map(|f| {
                    let mut f = (**f).clone();
                    if f.id == id {
                        f.launch.time = None;
                        f.launch.planned = Some(crate::model::Time::parse(planned).unwrap());
                        f.landing = None;
                    }
                    Arc::new(f)
                })
                .collect();
            now.with_times(flights)
        };
        let flown = changes(&plan("shenzhou-23", "2026-05-20"), &now);
        assert_eq!(flown.planned_flown.len(), 1);
        let before = flown.planned_flown[0].before.as_ref().map(Time::as_str);
        assert_eq!(before, Some("2026-05-20"));
        assert_eq!(
            flown.planned_flown[0].after.as_str(),
            "2026-05-24T23:08+08:00"
        );
        assert!(flown.flights_added.is_empty() && flown.planned_added.is_empty());
        let moved = changes(
            &plan("shenzhou-23", "2026-05-20"),
            &plan("shenzhou-23", "2026-06-10"),
        );
        assert_eq!(moved.planned_moved[0].after.as_str(), "2026-06-10");
        assert!(changes(
            &plan("shenzhou-23", "2026-06-10"),
            &plan("shenzhou-23", "2026-06-10")
        )
        .is_empty());
    }

    #[test]
    fn the_same_catalog_has_no_changes() {
        let (_, after) = before_and_after();
        assert!(changes(&after, &after).is_empty());
    }
}
