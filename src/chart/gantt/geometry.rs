//! The Gantt's sizes: row height from the canvas (or the canvas from the rows), what a row of that
//! height can carry, the label column, the time scale, and the drawn extent of a bar.

use chrono::{DateTime, Utc};

use super::DEFAULT_WIDTH;
use crate::chart::axis::TimeScale;
use crate::chart::frame;
use crate::chart::theme::{self, size};
use crate::chart::{ChartError, ChartOptions};
use crate::timeline::rows::{Bar, Row};

/// Sizes and positions of a Gantt, decided before drawing.
#[derive(Clone, Copy)]
pub(super) struct Geometry {
    /// The height of a row.
    pub row_h: f64,
    /// The canvas height.
    pub height: u32,
    /// The top of the first row.
    pub plot_top: f64,
    /// Row labels: their size, and every how many rows one is drawn.
    pub label_size: f64,
    pub label_every: usize,
    /// Rows tall enough for notes and badges; for bands behind every other row.
    pub show_notes: bool,
    pub show_bands: bool,
    /// The height of a bar, and of a spacecraft row's thinner bar.
    pub bar_h: f64,
    pub thin_h: f64,
    /// The width of the label column.
    pub label_w: f64,
    pub scale: TimeScale,
    /// Tick labels above the rows too (many rows).
    pub top_axis: bool,
    /// 0 when markers are left out.
    pub marker_size: f64,
}

/// Row heights from the canvas (or the canvas from the rows), what a row of that height can carry, the
/// label column and the time scale.
pub(super) fn geometry(
    rows: &[Row],
    options: &ChartOptions,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
    legend_bottom: f64,
    now_shown: bool,
) -> Result<Geometry, ChartError> {
    let n = rows.len();
    let w = options.size.map_or(DEFAULT_WIDTH, |s| s.width) as f64;
    let axis_h = size::TICK * 2.0 + size::TICK * 1.35 + 14.0;
    let top_axis = n > 40;
    let plot_top = legend_bottom
        + 8.0
        + if now_shown { frame::NOW_LABEL_H } else { 0.0 }
        + if top_axis { axis_h - 8.0 } else { 0.0 };
    let fixed = options.size.and_then(|s| s.height);
    crate::chart::check_room(
        options.size,
        fixed.map_or(f64::MAX, |h| h as f64 - plot_top - axis_h - size::MARGIN),
    )?;
    let row_h = match fixed {
        Some(h) => ((h as f64 - plot_top - axis_h - size::MARGIN) / n as f64).max(0.2),
        None if n <= super::READABLE_ROWS => 26.0,
        None => (900.0 / n as f64).max(3.0),
    };
    let height = fixed
        .unwrap_or_else(|| (plot_top + row_h * n as f64 + axis_h + size::MARGIN).ceil() as u32);
    let label_size = (row_h * 0.62).clamp(size::LABEL_MIN, size::LABEL);
    let label_every = ((label_size * 1.3) / row_h).ceil().max(1.0) as usize;
    let show_notes = row_h >= 15.0;
    let bar_h = (row_h * 0.56).max(1.0);
    let thin_h = (row_h * 0.3).max(1.0);
    // The label column: as wide as the labels need, at most 30% of the canvas (longer ones are cut).
    let label_w = rows
        .iter()
        .map(|r| label_width(r, label_size))
        .fold(0.0, f64::max)
        .min(w * 0.3);
    let plot_left = size::MARGIN + label_w + 14.0;
    let right_edge = w - size::MARGIN;
    let mut scale = TimeScale {
        start,
        end,
        left: plot_left,
        right: right_edge,
    };
    if show_notes {
        // Leave room on the right for the badges of bars that end near it, and for their notes
        // where these do not fit before the bar either (see `notes`).
        for _ in 0..2 {
            let now_x = now_shown.then(|| scale.x(now));
            let overflow = rows
                .iter()
                .flat_map(|r| r.bars.iter().enumerate().map(move |(j, b)| (r, j, b)))
                .filter(|(_, _, b)| b.end.is_none_or(|e| e <= end))
                .map(|(row, j, b)| {
                    let (x0, x1, open) = extent(b, &scale, now);
                    let x1 = x1.max(b.planned_end.map_or(x1, |p| scale.clamped(p)));
                    let from = x1 + if open { open_tip(bar_h) } else { 0.0 } + 8.0;
                    let badge = b
                        .badge
                        .as_ref()
                        .map_or(0.0, |t| theme::text_width(t, 11.5, true) + 15.0);
                    // A badge or note that the line at now would cross goes past it (see `notes`).
                    let past_now = |x: f64, w: f64| match now_x {
                        Some(n) if w > 0.0 && n >= x - 3.0 && n <= x + w + 3.0 => n + 5.0,
                        _ => x,
                    };
                    let note = theme::text_width(&note_text(b), size::NOTE, false);
                    let note_at = past_now(past_now(from, badge) + badge, note);
                    let past_now = past_now(from, badge);
                    let before = j
                        .checked_sub(1)
                        .and_then(|k| row.bars.get(k))
                        .map_or(scale.left, |prev| extent(prev, &scale, now).1 + 8.0);
                    let fits_before = x0 - 6.0 - note >= before && b.start > scale.start;
                    let fits_after = note_at + note <= right_edge;
                    if fits_after || !fits_before {
                        note_at + note - right_edge
                    } else {
                        past_now + badge - right_edge
                    }
                })
                .fold(0.0, f64::max);
            let room = (right_edge - plot_left) * 0.16;
            scale.right = (scale.right - overflow).max(right_edge - room);
        }
    }
    Ok(Geometry {
        row_h,
        height,
        plot_top,
        label_size,
        label_every,
        show_notes,
        show_bands: row_h >= 8.0,
        bar_h,
        thin_h,
        label_w,
        scale,
        top_axis,
        marker_size: if row_h >= 7.0 {
            (row_h * 0.4).clamp(5.0, 10.0)
        } else {
            0.0
        },
    })
}

/// The drawn extent of a bar: (left, right, open end). An open bar ends at `now`; its arrowhead goes
/// beyond. Every bar is at least 2 px wide, so that a day-long flight is seen on a decades-long axis.
pub(super) fn extent(bar: &Bar, scale: &TimeScale, now: DateTime<Utc>) -> (f64, f64, bool) {
    let x0 = scale.clamped(bar.start);
    let end = bar.end.unwrap_or(now).max(bar.start);
    let x1 = scale.clamped(end).max(x0 + 2.0);
    (x0, x1, bar.end.is_none() && now <= scale.end)
}

/// How far an open end's arrowhead reaches past `now`.
pub(super) fn open_tip(bar_h: f64) -> f64 {
    (bar_h * 0.7).clamp(3.0, 9.0)
}

fn label_width(row: &Row, size: f64) -> f64 {
    let title = theme::text_width(&row.title, size, !row.thin);
    let detail = if row.detail.is_empty() {
        0.0
    } else {
        6.0 + theme::text_width(&row.detail, size * 0.92, false)
    };
    title + detail
}

pub(super) fn note_text(bar: &Bar) -> String {
    let duration = if bar.badge.is_some() {
        ""
    } else {
        bar.duration.as_str()
    };
    [duration, bar.note.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}
