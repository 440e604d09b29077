//! Event markers on the Gantt's bars: where each goes, which are left out, their legend entries, and
//! drawing them.

use chrono::{DateTime, Utc};

use super::geometry::{extent, Geometry};
use super::Canvas;
use crate::catalog::Catalog;
use crate::chart::frame::{self, Entry, Swatch};
use crate::chart::scene::{MarkerKind, Role, Scene};
use crate::model::EventKind;
use crate::timeline::rows::{at, day, Row, RowKey};

/// Names the anomalies marked on each bar within `(start, end)` at the head of its note, by the event's
/// id and day (`debris strike 4 Nov 2025 · 9 d late · home on Shenzhou-21`): a diamond alone does not say
/// what happened. The note goes beside the bar wherever the chart has room for notes; the marker's
/// shape and colour tie the two together.
pub(super) fn name_anomalies(
    catalog: &Catalog,
    rows: &mut [Row],
    (start, end): (DateTime<Utc>, DateTime<Utc>),
) {
    for row in rows.iter_mut() {
        let own: Option<String> = match &row.key {
            RowKey::Vehicle(id) | RowKey::Flight(id) | RowKey::Planned(id) => Some(id.clone()),
            RowKey::Crew(_) | RowKey::Astronaut(_) => None,
        };
        for bar in row.bars.iter_mut() {
            // The flights whose events the bar's markers come from: its own, and the crew's up flight.
            let mut flights: Vec<&str> = own.iter().map(String::as_str).collect();
            flights.extend(bar.stays.iter().map(|(_, up)| up.as_str()));
            flights.sort_unstable();
            flights.dedup();
            let mut names: Vec<String> = Vec::new();
            for (t, _) in bar
                .markers
                .iter()
                .filter(|(t, k)| *k == MarkerKind::Anomaly && *t >= start && *t <= end)
            {
                let events = flights
                    .iter()
                    .filter_map(|f| catalog.flight(f))
                    .flat_map(|f| f.events.iter())
                    .filter(|e| e.kind == EventKind::Anomaly && at(&e.time) == *t);
                for e in events {
                    let name = format!("{} {}", e.id.replace('-', " "), day(*t));
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            if !names.is_empty() {
                names.extend((!bar.note.is_empty()).then(|| bar.note.clone()));
                bar.note = names.join(" · ");
            }
        }
    }
}

/// Where each event marker goes: (row, x, kind). Markers that would sit on one another with the same
/// shape are thinned to one; docking ticks at the very start or end of a bar are left out (at this scale
/// they would only mark the launch or landing again).
pub(super) fn place_markers(
    rows: &[Row],
    geo: &Geometry,
    now: DateTime<Utc>,
) -> Vec<(usize, f64, MarkerKind)> {
    let mut placed: Vec<(usize, f64, MarkerKind)> = Vec::new();
    if geo.marker_size <= 0.0 {
        return placed;
    }
    let s = geo.marker_size;
    for (i, row) in rows.iter().enumerate() {
        let mut mine: Vec<(f64, MarkerKind)> = Vec::new();
        for bar in &row.bars {
            let (x0, x1, _) = extent(bar, &geo.scale, now);
            let mut markers = bar.markers.clone();
            markers.sort_by_key(|(t, k)| (*t, marker_order(*k)));
            for (t, kind) in markers {
                let x = geo.scale.x(t);
                if !geo.scale.contains(t) || x < x0 - 1.0 || x > x1 + 1.0 {
                    continue;
                }
                if kind == MarkerKind::Docking && (x - x0 < 4.0 || x1 - x < 4.0) {
                    continue;
                }
                if mine
                    .iter()
                    .any(|&(mx, mk)| mk == kind && (x - mx).abs() < s * 0.9)
                {
                    continue;
                }
                mine.push((x, kind));
            }
        }
        placed.extend(mine.into_iter().map(|(x, k)| (i, x, k)));
    }
    placed
}

pub(super) fn marker_order(kind: MarkerKind) -> u8 {
    match kind {
        MarkerKind::Docking => 0,
        MarkerKind::Eva => 1,
        MarkerKind::Schedule => 2,
        MarkerKind::Anomaly => 3,
    }
}

pub(super) fn marker_entry(kind: MarkerKind) -> Entry {
    Entry::new(
        Swatch::Marker(kind),
        match kind {
            MarkerKind::Eva => "spacewalk",
            MarkerKind::Anomaly => "anomaly",
            MarkerKind::Docking => "docking",
            MarkerKind::Schedule => "schedule change",
        },
    )
}

/// The marker kinds that fall on a bar within the range, in legend order.
pub(super) fn marker_kinds_present(
    rows: &[Row],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Vec<MarkerKind> {
    let mut kinds = Vec::new();
    for kind in [
        MarkerKind::Eva,
        MarkerKind::Anomaly,
        MarkerKind::Schedule,
        MarkerKind::Docking,
    ] {
        if rows.iter().flat_map(|r| r.bars.iter()).any(|b| {
            b.markers
                .iter()
                .any(|(t, k)| *k == kind && *t >= start && *t <= end && *t >= b.start)
        }) {
            kinds.push(kind);
        }
    }
    kinds
}

impl Canvas<'_> {
    /// The markers `placed`, sorted to be drawn docking under the others, anomalies on top.
    pub(super) fn markers(&self, scene: &mut Scene, placed: &mut [(usize, f64, MarkerKind)]) {
        placed.sort_by_key(|p| (marker_order(p.2), p.0));
        let (rows, centre) = (self.rows, |i| self.centre(i));
        let Geometry {
            bar_h,
            thin_h,
            marker_size,
            ..
        } = *self.geo;
        placed.sort_by_key(|p| (marker_order(p.2), p.0));
        for &(i, x, kind) in placed.iter() {
            let h = if rows[i].thin { thin_h } else { bar_h };
            frame::marker(
                scene,
                Role::Marker(kind, i),
                kind,
                x,
                centre(i),
                marker_size,
                h,
            );
        }
    }
}
