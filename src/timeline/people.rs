//! `find` (what a text may name, with ids) and `list --astronauts` (every person with their flights and
//! total time in space).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Elapsed;
use crate::catalog::names::{Candidate, Lookup};
use crate::catalog::Catalog;
use crate::catalog::Filter;
use crate::model::Time;

/// The answer to `orbitline find TEXT`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FindReport {
    /// What was asked for.
    pub query: String,
    /// Every person, flight and station the text may name: the best rule first (docs/names.md).
    pub matches: Vec<Candidate>,
}

/// The people, flights and stations `text` may name.
pub fn find(lookup: &Lookup, text: &str) -> FindReport {
    FindReport {
        query: text.to_string(),
        matches: lookup.names().find(text),
    }
}

/// One person in `list --astronauts`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AstronautRow {
    /// Their id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their name in their own script.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Citizenship (ISO 3166-1 alpha-2).
    pub nation: String,
    /// How many flights took them up.
    pub flights: usize,
    /// Their first launch.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub first_launch: Option<Time>,
    /// Their time in space over every stay (an open stay counted to `now`), with the bounds the
    /// precision of the times leaves.
    pub total: Elapsed,
    /// A stay is still open (`in_orbit` in JSON, as for a stay or a total).
    #[serde(rename = "in_orbit")]
    pub in_space: bool,
}

/// The answer to `orbitline list --astronauts`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AstronautList {
    /// The people, in registry order.
    pub astronauts: Vec<AstronautRow>,
}

/// Every astronaut `filter` admits (their nation; with a programme, those who went up on one of its
/// flights), with their flights and total time; open stays count to `now`.
pub fn astronauts(catalog: &Catalog, filter: &Filter, now: DateTime<Utc>) -> AstronautList {
    let mut rows: Vec<AstronautRow> = catalog
        .astronauts()
        .iter()
        .filter(|a| {
            filter
                .nation
                .as_ref()
                .is_none_or(|n| n.eq_ignore_ascii_case(&a.nation))
        })
        .map(|a| AstronautRow {
            id: a.id.clone(),
            name: a.name.clone(),
            native_name: a.native_name.clone(),
            nation: a.nation.clone(),
            flights: 0,
            first_launch: None,
            total: Elapsed::ZERO,
            in_space: false,
        })
        .collect();
    let place: std::collections::HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let mut in_program = vec![filter.program.is_none(); rows.len()];
    for stay in catalog.stays() {
        let Some(&i) = place.get(stay.astronaut.as_str()) else {
            continue;
        };
        let elapsed = match &stay.end {
            Some(end) => Elapsed::between(&stay.start, end),
            None => Elapsed::until(&stay.start, now),
        };
        let row = &mut rows[i];
        row.flights += 1;
        if row
            .first_launch
            .as_ref()
            .is_none_or(|first| stay.start < *first)
        {
            row.first_launch = Some(stay.start.clone());
        }
        row.total = row.total.plus(&elapsed);
        row.in_space |= stay.end.is_none();
        if let (Some(program), Some(up)) = (&filter.program, catalog.flight(&stay.up)) {
            in_program[i] |= up.program.eq_ignore_ascii_case(program);
        }
    }
    let mut keep = in_program.into_iter();
    rows.retain(|_| keep.next().unwrap_or(false));
    AstronautList { astronauts: rows }
}
