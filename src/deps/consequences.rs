//! What new times change, for `orbitline impact`.
//!
//! A [`Scenario`] holds the catalog as it is (`before`), the same catalog with the new times (`after`,
//! from [`Shift::apply`]) and the [`Shift`] itself. Each check in [`CONSEQUENCE_CHECKS`] is a plain
//! function from a scenario to the [`Consequence`]s it finds, so that a check written elsewhere (records,
//! station coverage) plugs in by being added to the list: compute on `before`, compute on `after`,
//! report the difference.
//!
//! [`provisional_return_craft_gaps`] is a stand-in for the station-coverage computation
//! (`timeline::station`): it only knows the case of a crew whose own vehicle left (or became unfit)
//! before their return craft arrived.

use chrono::Duration;
use serde::Serialize;

use super::Shift;
use crate::catalog::Catalog;
use crate::model::{Flight, Time, VehicleStatus};
use crate::timeline::Elapsed;

/// The catalog before and after a shift.
#[derive(Debug, Clone)]
pub struct Scenario<'a> {
    /// As recorded.
    pub before: &'a Catalog,
    /// With the new times.
    pub after: Catalog,
    /// What moved, and by how much.
    pub shift: Shift,
    /// The reference time for anything still in orbit (`--now`), for checks that need one.
    pub now: chrono::DateTime<chrono::Utc>,
}

/// Something that matters and changes with the new times.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Consequence {
    /// A crew's stay becomes longer (or shorter).
    StayLength {
        /// The flight that took them up.
        up: String,
        /// Its name.
        up_name: String,
        /// The flight that brought them down.
        down: String,
        /// The astronauts (ids).
        astronauts: Vec<String>,
        /// Their names.
        names: Vec<String>,
        /// The stay before, in seconds.
        before_seconds: i64,
        /// After.
        after_seconds: i64,
    },
    /// A vehicle's time in orbit changes and is over its rating before or after.
    RatedTime {
        /// The flight.
        flight: String,
        /// Its name.
        name: String,
        /// The rating of its spacecraft type (`rated_days` in spacecraft.json).
        rated_days: u32,
        /// Launch to landing before, in seconds.
        before_seconds: i64,
        /// After.
        after_seconds: i64,
    },
    /// A crew is left without a fit return craft for longer (or shorter).
    ReturnCraftGap {
        /// The flight that took the crew up.
        crew_of: String,
        /// Its name.
        crew_of_name: String,
        /// The crew's names.
        names: Vec<String>,
        /// The flight that brought them down (the craft they waited for).
        down: String,
        /// Its name.
        down_name: String,
        /// When the gap began, before the shift (UTC RFC 3339).
        #[serde(serialize_with = "crate::timeline::utc")]
        from: Time,
        /// When the return craft arrived, before the shift.
        #[serde(serialize_with = "crate::timeline::utc")]
        to_before: Time,
        /// After the shift.
        #[serde(serialize_with = "crate::timeline::utc")]
        to_after: Time,
        /// The gap before, in seconds (0: none).
        before_seconds: i64,
        /// After.
        after_seconds: i64,
        /// Computed by the stand-in [`provisional_return_craft_gaps`], not by station coverage.
        provisional: bool,
    },
}

/// A consequence check: compares the scenario's catalogs.
pub type ConsequenceCheck = fn(&Scenario) -> Vec<Consequence>;

/// Every check `impact` runs, in the order their findings are listed.
pub const CONSEQUENCE_CHECKS: &[ConsequenceCheck] =
    &[provisional_return_craft_gaps, stay_lengths, rated_time];

/// Runs every check.
pub fn all(scenario: &Scenario) -> Vec<Consequence> {
    if scenario.shift.moves().next().is_none() {
        return Vec::new();
    }
    CONSEQUENCE_CHECKS
        .iter()
        .flat_map(|check| check(scenario))
        .collect()
}

/// Crews (stays with the same up and down flights and the same times) whose stay length changes.
pub fn stay_lengths(scenario: &Scenario) -> Vec<Consequence> {
    let mut out: Vec<Consequence> = Vec::new();
    for before in scenario.before.stays() {
        let Some(after) = scenario
            .after
            .stays()
            .iter()
            .find(|s| s.astronaut == before.astronaut && s.up == before.up)
        else {
            continue;
        };
        let (Some(end_before), Some(end_after), Some(down)) =
            (&before.end, &after.end, &before.down)
        else {
            continue;
        };
        let was = Elapsed::between(&before.start, end_before).seconds;
        let is = Elapsed::between(&after.start, end_after).seconds;
        if was == is {
            continue;
        }
        let name = scenario.before.name_of(&before.astronaut).to_string();
        let existing = out.iter_mut().find(|c| {
            matches!(c, Consequence::StayLength { up, down: d, before_seconds, after_seconds, .. }
                if *up == before.up && d == down && *before_seconds == was && *after_seconds == is)
        });
        match existing {
            Some(Consequence::StayLength {
                astronauts, names, ..
            }) => {
                astronauts.push(before.astronaut.clone());
                names.push(name);
            }
            _ => out.push(Consequence::StayLength {
                up: before.up.clone(),
                up_name: flight_name(scenario.before, &before.up),
                down: down.clone(),
                astronauts: vec![before.astronaut.clone()],
                names: vec![name],
                before_seconds: was,
                after_seconds: is,
            }),
        }
    }
    out
}

/// Vehicles whose time in orbit (launch to landing) changes and is over the rating of their spacecraft
/// type before or after.
pub fn rated_time(scenario: &Scenario) -> Vec<Consequence> {
    let mut out = Vec::new();
    for before in scenario.before.flights() {
        let Some(after) = scenario.after.flight(&before.id) else {
            continue;
        };
        let Some(rated_days) = scenario
            .before
            .spacecraft(&before.spacecraft)
            .and_then(|s| s.rated_days)
        else {
            continue;
        };
        let (Some(was), Some(is)) = (time_in_orbit(before), time_in_orbit(after)) else {
            continue;
        };
        let rated = i64::from(rated_days) * 86_400;
        if was != is && (was > rated || is > rated) {
            out.push(Consequence::RatedTime {
                flight: before.id.clone(),
                name: before.name.clone(),
                rated_days,
                before_seconds: was,
                after_seconds: is,
            });
        }
    }
    out
}

fn time_in_orbit(flight: &Flight) -> Option<i64> {
    Some(Elapsed::between(flight.launch_time()?, flight.landing_time()?).seconds)
}

/// **Stand-in, to be replaced by station coverage (`timeline::station`).** For each crew that came down
/// on another vehicle than the one that took them up: the time from when their own vehicle left the
/// station (undocking, else landing) or became unfit for crew return (an anomaly's `effects`), whichever
/// is first, to when their return craft arrived (docking, else launch), when that is positive. Reports the
/// crews whose gap changes. It does not count seats: two crews sharing one craft's seats are not seen.
pub fn provisional_return_craft_gaps(scenario: &Scenario) -> Vec<Consequence> {
    let before = crew_gaps(scenario.before);
    let after = crew_gaps(&scenario.after);
    before
        .into_iter()
        .filter_map(|gap| {
            let later = after
                .iter()
                .find(|g| g.up == gap.up && g.down == gap.down)?;
            let was = (gap.to.instant() - gap.from.instant()).max(Duration::zero());
            let is = (later.to.instant() - later.from.instant()).max(Duration::zero());
            (was != is).then(|| Consequence::ReturnCraftGap {
                crew_of_name: flight_name(scenario.before, &gap.up),
                down_name: flight_name(scenario.before, &gap.down),
                crew_of: gap.up,
                names: gap
                    .astronauts
                    .iter()
                    .map(|a| scenario.before.name_of(a).to_string())
                    .collect(),
                down: gap.down,
                from: gap.from,
                to_before: gap.to,
                to_after: later.to.clone(),
                before_seconds: was.num_seconds(),
                after_seconds: is.num_seconds(),
                provisional: true,
            })
        })
        .collect()
}

struct CrewGap {
    up: String,
    down: String,
    astronauts: Vec<String>,
    from: Time,
    to: Time,
}

fn crew_gaps(catalog: &Catalog) -> Vec<CrewGap> {
    let mut gaps: Vec<CrewGap> = Vec::new();
    for stay in catalog.stays() {
        let Some(down) = stay.down.as_deref().filter(|d| *d != stay.up) else {
            continue;
        };
        if let Some(gap) = gaps.iter_mut().find(|g| g.up == stay.up && g.down == down) {
            gap.astronauts.push(stay.astronaut.clone());
            continue;
        }
        let (Some(up), Some(down_flight)) = (catalog.flight(&stay.up), catalog.flight(down)) else {
            continue;
        };
        let left = up
            .undocking
            .as_ref()
            .and_then(|u| u.time.clone())
            .or_else(|| up.landing_time().cloned());
        let unfit = catalog
            .flights()
            .iter()
            .flat_map(|f| &f.events)
            .filter(|e| {
                e.effects
                    .iter()
                    .any(|x| x.vehicle == up.id && x.status == VehicleStatus::UnfitForCrewReturn)
            })
            .map(|e| e.time.clone())
            .min();
        let from = match (left, unfit) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let arrival = down_flight
            .docking
            .as_ref()
            .and_then(|d| d.time.clone())
            .or_else(|| down_flight.launch_time().cloned());
        if let (Some(from), Some(to)) = (from, arrival) {
            gaps.push(CrewGap {
                up: stay.up.clone(),
                down: down.to_string(),
                astronauts: vec![stay.astronaut.clone()],
                from,
                to,
            });
        }
    }
    gaps
}

fn flight_name(catalog: &Catalog, id: &str) -> String {
    catalog
        .flight(id)
        .map_or(id.to_string(), |f| f.name.clone())
}
