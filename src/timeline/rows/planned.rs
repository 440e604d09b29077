//! Planned flights on a mission timeline: a flight with a planned launch and no actual one (from Launch
//! Library 2, via `orbitline update`) gets a row of its own, keyed [`RowKey::Planned`], whose one bar
//! marks the planned launch (start and end at it: nothing has elapsed, and no duration is guessed). The
//! charts draw it as a small ghost at that moment, labelled "planned"; it has no stays, so it never counts
//! in a figure.

use chrono::{DateTime, Utc};

use super::{at, day, Bar, BarKind, Row, RowKey};
use crate::catalog::Catalog;
use crate::model::Flight;

/// The rows of the planned flights `in_scope`, in order of their planned launch.
pub fn planned_rows(catalog: &Catalog, in_scope: &dyn Fn(&Flight) -> bool) -> Vec<Row> {
    let mut planned: Vec<(DateTime<Utc>, Row)> = catalog
        .flights()
        .iter()
        .filter(|f| f.launch.time.is_none() && in_scope(f))
        .filter_map(|f| {
            let when = at(f.launch.planned.as_ref()?);
            let crew: Vec<&str> = f
                .launch
                .crew
                .iter()
                .map(|c| catalog.name_of(&c.astronaut))
                .collect();
            let bar = Bar {
                start: when,
                end: Some(when),
                planned_end: None,
                kind: if crew.is_empty() {
                    BarKind::Vehicle
                } else {
                    BarKind::Crew
                },
                unfit_from: None,
                markers: Vec::new(),
                note: format!("planned launch {}", day(when)),
                duration: String::new(),
                stays: Vec::new(),
                badge: None,
                crew_after: None,
            };
            let detail = match crew.is_empty() {
                true => "planned".to_string(),
                false => format!("planned: {}", crew.join(", ")),
            };
            let row = Row {
                title: f.name.clone(),
                detail,
                key: RowKey::Planned(f.id.clone()),
                thin: false,
                bars: vec![bar],
            };
            Some((when, row))
        })
        .collect();
    planned.sort_by_key(|(when, _)| *when);
    planned.into_iter().map(|(_, row)| row).collect()
}
