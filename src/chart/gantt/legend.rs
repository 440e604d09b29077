//! The Gantt's title, subtitles and legend entries: what the chart shows, in words and swatches.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::markers::marker_entry;
use crate::catalog::Catalog;
use crate::chart::frame::{Entry, Swatch};
use crate::chart::scene::MarkerKind;
use crate::chart::theme::colour;
use crate::chart::{ChartOptions, RowMode};
use crate::timeline::rows::{Bar, BarKind, Connector, Row, RowKey};

/// The words and swatches around the rows.
pub(super) struct Heading {
    /// The title.
    pub title: String,
    /// The catalog line and what a row is.
    pub subtitles: [String; 2],
    /// The legend entries for bars, ghost bars, open ends, hatching and connectors; markers, badges and
    /// the now line are added by [`entries`] once the rows are sized.
    pub base: Vec<Entry>,
}

/// The heading of a Gantt of `rows` over `(start, end)`, its bars spanning `(first, last)`.
pub(super) fn heading(
    catalog: &Catalog,
    options: &ChartOptions,
    (rows, connectors): (&[Row], &[Connector]),
    (first, last): (DateTime<Utc>, DateTime<Utc>),
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> Heading {
    let present = |f: &dyn Fn(&Bar) -> bool| rows.iter().flat_map(|r| r.bars.iter()).any(f);
    let mut entries = vec![Entry::new(
        Swatch::Bar(colour::CREW),
        match options.rows {
            RowMode::Flight => "crewed flight, launch to landing",
            _ => "crew in orbit, launch to landing",
        },
    )];
    if rows.iter().any(|r| r.thin) || present(&|b| b.kind == BarKind::Vehicle) {
        entries.push(Entry::new(
            Swatch::Thin(colour::VEHICLE),
            "spacecraft without its launch crew",
        ));
    }
    if present(&|b| b.planned_end.is_some()) {
        entries.push(Entry::new(Swatch::Ghost, "planned return"));
    }
    if present(&|b| b.end.is_none()) {
        entries.push(Entry::new(Swatch::OpenEnd, "still in orbit"));
    }
    if present(&|b| b.unfit_from.is_some()) {
        entries.push(Entry::new(Swatch::Hatch, "unfit for crew return"));
    }
    if present(&|b| b.crew_after.is_some()) {
        entries.push(Entry::new(
            Swatch::Thin(colour::CREW),
            "crew still in orbit after it landed",
        ));
    }
    if !connectors.is_empty() {
        entries.push(Entry::new(
            Swatch::Connector,
            "came home on another spacecraft",
        ));
    }
    let subtitle = {
        let what = match options.rows {
            RowMode::Stay => "One row per crew",
            RowMode::Flight => "One row per flight",
            RowMode::Astronaut => "One row per astronaut",
        };
        let scope = crate::chart::scope_words(catalog, &options.scope);
        if scope.is_empty() {
            what.to_string()
        } else {
            format!("{what} · {scope}")
        }
    };
    let title = {
        let programs: BTreeSet<&str> = rows
            .iter()
            .filter_map(|r| match &r.key {
                RowKey::Crew(_) | RowKey::Astronaut(_) => None,
                RowKey::Vehicle(id) | RowKey::Flight(id) => {
                    catalog.flight(id).map(|f| f.program.as_str())
                }
            })
            .chain(
                catalog
                    .flights()
                    .iter()
                    .filter(|f| options.scope.admits(f))
                    .map(|f| f.program.as_str()),
            )
            .collect();
        let what = match options.rows {
            RowMode::Stay => "crews in orbit",
            RowMode::Flight => "flights",
            RowMode::Astronaut => "astronauts in orbit",
        };
        let period = crate::chart::period(first.max(start), last.min(end));
        match programs.iter().next() {
            Some(p) if programs.len() == 1 => format!("{p} {what}, {period}"),
            _ => {
                let mut what = what.to_string();
                what[..1].make_ascii_uppercase();
                format!("{what}, {period}")
            }
        }
    };

    Heading {
        title,
        subtitles: [crate::chart::catalog_line(catalog, now), subtitle],
        base: entries,
    }
}

/// The legend: `base`, the marker kinds drawn, a badge when a bar has one, the now line when shown.
pub(super) fn entries(
    base: &[Entry],
    kinds: &[MarkerKind],
    rows: &[Row],
    now_shown: bool,
) -> Vec<Entry> {
    let mut list = base.to_vec();
    list.extend(kinds.iter().map(|k| marker_entry(*k)));
    if rows
        .iter()
        .any(|r| r.bars.iter().any(|b| b.badge.is_some()))
    {
        list.push(Entry::new(Swatch::Badge, "record"));
    }
    if now_shown {
        list.push(Entry::new(Swatch::Now, "now"));
    }
    list
}
