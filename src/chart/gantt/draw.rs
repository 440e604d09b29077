//! Drawing the Gantt's rows onto the scene, in the order they stack: bands and grid, labels, ghost bars
//! and bars, crews left in orbit, connectors, then (in their own files) markers and notes, and last the
//! axis and the line at now.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::geometry::{extent, Geometry};
use crate::chart::axis::Tick;
use crate::chart::frame;
use crate::chart::scene::{Anchor, Role, Scene};
use crate::chart::theme::{self, colour, size, Paint};
use crate::timeline::rows::{BarKind, Connector, Row, RowKey};

/// What the drawing steps share: the rows and connectors, their sizes, and the time.
#[derive(Clone, Copy)]
pub(super) struct Canvas<'a> {
    pub rows: &'a [Row],
    pub connectors: &'a [Connector],
    /// Each row's index, by key.
    pub row_of: &'a HashMap<RowKey, usize>,
    pub geo: &'a Geometry,
    pub now: DateTime<Utc>,
    /// The line at now falls within the time range.
    pub now_shown: bool,
    /// The right edge of the plot.
    pub right_edge: f64,
}

impl Canvas<'_> {
    pub(super) fn row_top(&self, i: usize) -> f64 {
        self.geo.plot_top + self.geo.row_h * i as f64
    }

    pub(super) fn centre(&self, i: usize) -> f64 {
        self.row_top(i) + self.geo.row_h / 2.0
    }

    pub(super) fn plot_bottom(&self) -> f64 {
        self.geo.plot_top + self.geo.row_h * self.rows.len() as f64
    }

    /// Bands behind every other row, the grid, the line under the plot.
    pub(super) fn bands_and_grid(&self, scene: &mut Scene, ticks: &[Tick]) {
        let Canvas {
            rows, right_edge, ..
        } = *self;
        let Geometry {
            row_h,
            plot_top,
            show_bands,
            scale,
            ..
        } = *self.geo;
        let (n, plot_bottom) = (rows.len(), self.plot_bottom());
        let row_top = |i: usize| self.row_top(i);
        if show_bands {
            for i in (1..n).step_by(2) {
                scene.rect(
                    Role::Frame,
                    (size::MARGIN, row_top(i), right_edge, row_top(i) + row_h),
                    colour::BAND,
                );
            }
        }
        frame::grid(scene, &scale, ticks, plot_top, plot_bottom);
        scene.line(
            Role::Frame,
            vec![(scale.left, plot_bottom), (right_edge, plot_bottom)],
            colour::MUTED,
            1.0,
        );
    }

    /// Row labels: the title, and the detail where it fits.
    pub(super) fn labels(&self, scene: &mut Scene) {
        let Canvas { rows, .. } = *self;
        let Geometry {
            label_size,
            label_every,
            label_w,
            ..
        } = *self.geo;
        let centre = |i: usize| self.centre(i);
        for (i, row) in rows.iter().enumerate() {
            if i % label_every != 0 {
                continue;
            }
            let baseline = centre(i) + label_size * 0.36;
            let title_size = if row.thin {
                label_size * 0.92
            } else {
                label_size
            };
            let title = theme::fit(&row.title, title_size, !row.thin, label_w);
            let title_w = theme::text_width(&title, title_size, !row.thin);
            scene.text(
                Role::RowLabel(i),
                (size::MARGIN, baseline),
                title.clone(),
                title_size,
                !row.thin,
                if row.thin { colour::MUTED } else { colour::INK },
                Anchor::Start,
            );
            let room = label_w - title_w - 6.0;
            if title == row.title && room > 20.0 {
                let detail = theme::fit(&row.detail, label_size * 0.92, false, room);
                scene.text(
                    Role::RowLabel(i),
                    (size::MARGIN + title_w + 6.0, baseline),
                    detail,
                    label_size * 0.92,
                    false,
                    colour::MUTED,
                    Anchor::Start,
                );
            }
        }
    }

    /// Ghost bars (planned returns) behind, then the bars.
    pub(super) fn bars(&self, scene: &mut Scene) {
        let Canvas { rows, now, .. } = *self;
        let Geometry {
            row_h,
            bar_h,
            thin_h,
            scale,
            ..
        } = *self.geo;
        let centre = |i: usize| self.centre(i);
        for (i, row) in rows.iter().enumerate() {
            let h = if row.thin { thin_h } else { bar_h };
            let ghost_h = (row_h * 0.84).max(h + 2.0).min(row_h);
            for bar in &row.bars {
                if let Some(planned) = bar.planned_end {
                    let (x0, x1) = (scale.clamped(bar.start), scale.clamped(planned));
                    if x1 > x0 {
                        frame::ghost(
                            scene,
                            Role::Ghost(i),
                            (
                                x0,
                                centre(i) - ghost_h / 2.0,
                                x1.max(x0 + 2.0),
                                centre(i) + ghost_h / 2.0,
                            ),
                            paint(bar.kind),
                        );
                    }
                }
            }
        }
        for (i, row) in rows.iter().enumerate() {
            let h = if row.thin { thin_h } else { bar_h };
            let (y0, y1) = (centre(i) - h / 2.0, centre(i) + h / 2.0);
            if let RowKey::Planned(_) = row.key {
                // Not launched: a small ghost at the planned launch, no bar.
                for bar in &row.bars {
                    let (x, half) = (scale.clamped(bar.start), ghost_width(h) / 2.0);
                    let shape = (x - half, y0, x + half, y1);
                    frame::ghost(scene, Role::Ghost(i), shape, paint(bar.kind));
                }
                continue;
            }
            for bar in &row.bars {
                let (x0, x1, open) = extent(bar, &scale, now);
                frame::bar(
                    scene,
                    i,
                    (x0, y0, x1, y1),
                    frame::BarStyle {
                        paint: paint(bar.kind),
                        open,
                        clipped: (bar.start < scale.start, bar.end.unwrap_or(now) > scale.end),
                        unfit_from: bar.unfit_from.map(|u| scale.clamped(u)),
                    },
                );
            }
        }
    }

    /// Crews who stayed up after their spacecraft left: a thin line to the swap connector.
    pub(super) fn crew_lines(&self, scene: &mut Scene) {
        let Canvas { rows, now, .. } = *self;
        let Geometry { bar_h, scale, .. } = *self.geo;
        let centre = |i: usize| self.centre(i);
        for (i, row) in rows.iter().enumerate() {
            for bar in &row.bars {
                if let Some(until) = bar.crew_after {
                    let (_, x1, _) = extent(bar, &scale, now);
                    let x2 = scale.clamped(until);
                    if x2 > x1 {
                        let h = (bar_h * 0.22).max(1.0);
                        scene.rect(
                            Role::Bar(i),
                            (x1, centre(i) - h / 2.0, x2, centre(i) + h / 2.0),
                            colour::CREW,
                        );
                    }
                }
            }
        }
    }

    /// Vehicle-swap connectors, over the bars.
    pub(super) fn connectors(&self, scene: &mut Scene) {
        let Canvas {
            rows,
            connectors,
            row_of,
            ..
        } = *self;
        let Geometry {
            row_h,
            bar_h,
            thin_h,
            scale,
            ..
        } = *self.geo;
        let centre = |i: usize| self.centre(i);
        for c in connectors {
            let (Some(&a), Some(&b)) = (row_of.get(&c.from), row_of.get(&c.to)) else {
                continue;
            };
            if !scale.contains(c.at) {
                continue;
            }
            let x = scale.x(c.at);
            let ha = if rows[a].thin { thin_h } else { bar_h };
            let hb = if rows[b].thin { thin_h } else { bar_h };
            let down = b > a;
            let (ya, yb) = if down {
                (centre(a) + ha / 2.0, centre(b) - hb / 2.0 - 1.0)
            } else {
                (centre(a) - ha / 2.0, centre(b) + hb / 2.0 + 1.0)
            };
            let s = (row_h * 0.3).clamp(3.0, 6.0);
            let shaft_end = if down { yb - s + 1.0 } else { yb + s - 1.0 };
            let role = Role::Connector { from: a, to: b };
            scene.line(
                role.clone(),
                vec![(x, ya), (x, shaft_end)],
                colour::PAPER,
                3.5,
            );
            scene.line(
                role.clone(),
                vec![(x, ya), (x, shaft_end)],
                colour::INK,
                1.5,
            );
            frame::arrowhead(scene, role, (x, yb), down, s);
        }
    }

    /// The axis (above the rows too when there are many), and the line at now.
    pub(super) fn axis_and_now(&self, scene: &mut Scene, ticks: &[Tick]) {
        let Canvas { now, now_shown, .. } = *self;
        let Geometry {
            plot_top,
            scale,
            top_axis,
            ..
        } = *self.geo;
        let plot_bottom = self.plot_bottom();
        frame::tick_labels(scene, &scale, ticks, plot_bottom, true);
        if top_axis {
            frame::tick_labels(
                scene,
                &scale,
                ticks,
                plot_top - if now_shown { frame::NOW_LABEL_H } else { 0.0 },
                false,
            );
        }
        if now_shown {
            frame::now_line(scene, &scale, now, plot_top, plot_bottom);
        }
    }
}

/// The width of the ghost that marks a planned launch on a row whose bars are `h` high.
pub(super) fn ghost_width(h: f64) -> f64 {
    (h * 0.8).max(4.0)
}

/// The fill of a bar of this kind.
pub(super) fn paint(kind: BarKind) -> Paint {
    match kind {
        BarKind::Crew => colour::CREW,
        BarKind::Vehicle => colour::VEHICLE,
    }
}
