//! A station at one moment (`orbitline station STATION --at TIME`): who was aboard, with how long each had
//! been up, who was on the way to or from it, and which spacecraft were docked and could bring a crew
//! home. The people come from [`super::aloft`] and the docked craft from [`super::station`]'s occupancy at
//! that instant, so the three commands never disagree; the history, gaps and slips are left to `station`
//! without `--at`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::aloft::{aloft, AloftGroup, Place};
use super::station::{history, Occupancy, StationError, Unfit};
use crate::catalog::Catalog;
use crate::model::Time;

/// The answer to `orbitline station STATION --at TIME`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StationMoment {
    /// Station id.
    pub station: String,
    /// Station name.
    pub name: String,
    /// The moment asked about.
    #[serde(serialize_with = "crate::model::instant::computed")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub at: DateTime<Utc>,
    /// The people aboard (a group of place `station`), then those in a spacecraft on the way to or
    /// from the station, as `aloft` groups them.
    pub groups: Vec<AloftGroup>,
    /// Who was aboard and what was docked at `at`; `None` when nobody was aboard and nothing docked.
    pub period: Option<Occupancy>,
    /// Docked vehicles declared unfit for crew return by `at`.
    pub unfit: Vec<Unfit>,
    /// The latest date a flight of the catalog was checked against its sources.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub last_check: Option<Time>,
    /// `at` lies after the last check: people may have landed since, and later launches are missing.
    pub past_last_check: bool,
    /// Where a missing docking or undocking time of a docked flight was replaced by its launch or landing.
    pub assumptions: Vec<String>,
    /// Display names of the flights and astronauts named above, by id.
    pub names: BTreeMap<String, String>,
}

impl StationMoment {
    /// The display name of a flight or astronaut id named in the report.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, String::as_str)
    }
}

/// The station `id` at the instant `at`, with open flights counted to `now`.
pub fn station_at(
    catalog: &Catalog,
    id: &str,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<StationMoment, StationError> {
    let moment = history(catalog, id, Some(at), Some(at), now)?;
    let people = aloft(catalog, Some(at), now);
    let groups = people
        .groups
        .into_iter()
        .filter(|g| match (g.place, &g.leg) {
            (Place::Station, _) => g.id == id,
            (Place::Spacecraft, Some(leg)) => leg.station == id,
            (Place::Spacecraft, None) => false,
        })
        .collect();
    let period = moment.occupancy.into_iter().next();
    let docked: Vec<&str> = period
        .as_ref()
        .map(|p| p.docked.iter().map(String::as_str).collect())
        .unwrap_or_default();
    Ok(StationMoment {
        station: moment.station,
        name: moment.name,
        at,
        groups,
        unfit: moment
            .unfit
            .into_iter()
            .filter(|u| docked.contains(&u.vehicle.as_str()) && u.from.instant() <= at)
            .collect(),
        assumptions: moment
            .assumptions
            .into_iter()
            .filter(|a| docked.iter().any(|d| a.starts_with(&format!("{d}: "))))
            .collect(),
        period,
        last_check: people.last_check,
        past_last_check: people.past_last_check,
        names: moment.names,
    })
}
