//! The Gantt's title, subtitles and legend entries: what the chart shows, in words and swatches.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::geometry::{note_text, Geometry};
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
    if rows.iter().any(|r| matches!(r.key, RowKey::Planned(_))) {
        entries.push(Entry::new(Swatch::Ghost, "planned launch, not flown yet"));
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
                RowKey::Vehicle(id) | RowKey::Flight(id) | RowKey::Planned(id) => {
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

/// The legend: `base`, the marker kinds drawn, a badge when one is drawn, the now line when shown.
pub(super) fn entries(
    base: &[Entry],
    kinds: &[MarkerKind],
    badges_shown: bool,
    now_shown: bool,
) -> Vec<Entry> {
    let mut list = base.to_vec();
    list.extend(kinds.iter().map(|k| marker_entry(*k)));
    if badges_shown {
        list.push(Entry::new(Swatch::Badge, "record"));
    }
    if now_shown {
        list.push(Entry::new(Swatch::Now, "now"));
    }
    list
}

/// What a Gantt too small for everything leaves out: row labels (thinned to every n-th row), record
/// badges, event markers and notes (rows too thin for them, or no room beside the bar). The chart says
/// so under its title; it never drops them silently.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct LeftOut {
    pub labels: usize,
    pub badges: usize,
    pub markers: usize,
    pub notes: usize,
}

impl LeftOut {
    /// The record badges on a row.
    pub fn badges_of(row: &Row) -> usize {
        row.bars.iter().filter(|b| b.badge.is_some()).count()
    }

    /// What `geo` leaves out of `rows` over `range`; `badges` found no room when drawn.
    pub fn of(
        rows: &[Row],
        geo: &Geometry,
        (start, end): (DateTime<Utc>, DateTime<Utc>),
        badges: usize,
    ) -> LeftOut {
        let bars = || rows.iter().flat_map(|r| r.bars.iter());
        LeftOut {
            labels: (0..rows.len()).filter(|i| i % geo.label_every != 0).count(),
            badges,
            markers: if geo.marker_size > 0.0 {
                0
            } else {
                bars()
                    .flat_map(|b| b.markers.iter().filter(move |(t, _)| *t >= b.start))
                    .filter(|(t, _)| *t >= start && *t <= end)
                    .count()
            },
            notes: if geo.show_notes {
                0
            } else {
                bars().filter(|b| !note_text(b).is_empty()).count()
            },
        }
    }

    /// The line that says what was left out and what to do; empty when nothing was.
    pub fn words(&self) -> String {
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let mut parts = Vec::new();
        if self.labels > 0 {
            parts.push(plural(self.labels, "row label"));
        }
        if self.badges > 0 {
            parts.push(plural(self.badges, "badge"));
        }
        if self.markers > 0 {
            parts.push(plural(self.markers, "marker"));
        }
        if self.notes > 0 {
            parts.push(plural(self.notes, "note"));
        }
        if parts.is_empty() {
            return String::new();
        }
        format!(
            "Left out at this size: {}; use --from/--to or a larger --size",
            parts.join(", ")
        )
    }
}
