//! `orbitline list`: the flights a filter admits, one row each, in launch order.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalog::{Catalog, Filter};
use crate::model::Time;

/// One line of `list`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FlightRow {
    /// Flight id.
    pub id: String,
    /// Flight name.
    pub name: String,
    /// Programme.
    pub program: String,
    /// Nation.
    pub nation: String,
    /// Launch (or planned launch).
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub launch: Option<Time>,
    /// Landing; `null` while in orbit.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub landing: Option<Time>,
    /// Ids of who went up.
    pub crew_up: Vec<String>,
    /// Ids of who came down.
    pub crew_down: Vec<String>,
    /// Names of who went up.
    #[serde(skip)]
    pub crew_up_names: Vec<String>,
    /// The flights whose crews it brought home instead of its own (vehicle swaps).
    pub brought_home_crew_of: Vec<String>,
    /// Not launched yet: `launch` is the planned launch (left out of JSON when false).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
}

/// The answer to `orbitline list`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ListReport {
    /// What the catalog covers (text output only).
    #[serde(skip)]
    pub catalog: String,
    /// The flights, by launch.
    pub flights: Vec<FlightRow>,
}

/// The flights that `filter` admits, in launch order.
pub fn list(catalog: &Catalog, filter: &Filter) -> ListReport {
    // The flights whose crews each flight brought home instead of its own, in one pass over the stays.
    let mut brought_home: HashMap<&str, Vec<String>> = HashMap::new();
    for s in catalog.stays() {
        if let Some(down) = s.down.as_deref().filter(|d| *d != s.up) {
            let ups = brought_home.entry(down).or_default();
            if ups.last() != Some(&s.up) {
                ups.push(s.up.clone());
            }
        }
    }
    let flights = catalog
        .flights()
        .iter()
        .filter(|f| filter.admits(f))
        .map(|f| FlightRow {
            id: f.id.clone(),
            name: f.name.clone(),
            program: f.program.clone(),
            nation: f.nation.clone(),
            launch: f.launch.time.clone().or_else(|| f.launch.planned.clone()),
            landing: f.landing_time().cloned(),
            crew_up: f.launch.crew.iter().map(|c| c.astronaut.clone()).collect(),
            crew_down: f
                .landing_crew()
                .iter()
                .map(|c| c.astronaut.clone())
                .collect(),
            crew_up_names: f
                .launch
                .crew
                .iter()
                .map(|c| catalog.name_of(&c.astronaut).to_string())
                .collect(),
            brought_home_crew_of: brought_home.remove(f.id.as_str()).unwrap_or_default(),
            planned: f.launch.time.is_none() && f.launch.planned.is_some(),
        })
        .collect();
    ListReport {
        catalog: catalog.description(),
        flights,
    }
}
