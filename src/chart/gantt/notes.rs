//! Badges and notes beside the Gantt's bars: beside the end where there is room, else before the start,
//! else cut; always clear of the lines that cross their rows (the line at now, connectors).

use super::geometry::{extent, note_text, open_tip, Geometry};
use super::Canvas;
use crate::chart::frame;
use crate::chart::scene::{Anchor, MarkerKind, Role, Scene};
use crate::chart::theme::{self, colour, size};

impl Canvas<'_> {
    /// The x of each line that crosses each row: the line at now crosses every row; a connector, the
    /// rows between its ends.
    fn crossings(&self) -> Vec<Vec<f64>> {
        let scale = self.geo.scale;
        let mut crossings: Vec<Vec<f64>> = vec![
            if self.now_shown {
                vec![scale.x(self.now)]
            } else {
                Vec::new()
            };
            self.rows.len()
        ];
        for c in self.connectors {
            if let (Some(&a), Some(&b)) = (self.row_of.get(&c.from), self.row_of.get(&c.to)) {
                for row in crossings.iter_mut().take(a.max(b)).skip(a.min(b) + 1) {
                    row.push(scale.x(c.at));
                }
            }
        }
        crossings
    }

    /// The badges and notes of every bar; `placed` are the markers drawn, which notes keep clear of.
    pub(super) fn notes(&self, scene: &mut Scene, placed: &[(usize, f64, MarkerKind)]) {
        let Canvas {
            rows,
            now,
            right_edge,
            ..
        } = *self;
        let Geometry {
            row_h,
            show_notes,
            bar_h,
            scale,
            marker_size,
            ..
        } = *self.geo;
        let centre = |i: usize| self.centre(i);
        if show_notes {
            let note_size = size::NOTE.min(row_h * 0.62);
            let crossings = self.crossings();
            let clear = |i: usize, from: f64, to: f64| {
                crossings[i]
                    .iter()
                    .filter(|&&c| c >= from - 3.0 && c <= to + 3.0)
                    .fold(None, |acc: Option<f64>, &c| {
                        Some(acc.map_or(c, |a| a.max(c)))
                    })
            };
            for (i, row) in rows.iter().enumerate() {
                let mut used = scale.left;
                for (j, bar) in row.bars.iter().enumerate() {
                    let limit = row
                        .bars
                        .get(j + 1)
                        .map_or(right_edge, |next| scale.clamped(next.start) - 8.0);
                    let (_, x1, open) = extent(bar, &scale, now);
                    let mut x = x1 + if open { open_tip(bar_h) } else { 0.0 };
                    if let Some(until) = bar.crew_after {
                        x = x.max(scale.clamped(until) + 3.0);
                    }
                    if let Some(planned) = bar.planned_end {
                        x = x.max(scale.clamped(planned));
                    }
                    for &(_, mx, _) in placed.iter().filter(|p| p.0 == i) {
                        if mx <= x1 + 1.0 && mx >= scale.clamped(bar.start) - 1.0 {
                            x = x.max(mx + marker_size * 0.6);
                        }
                    }
                    x += 6.0;
                    if bar.end.is_some_and(|e| e > scale.end)
                        || (bar.end.is_none() && now > scale.end)
                    {
                        continue;
                    }
                    if let Some(badge) = &bar.badge {
                        let pill_h = (row_h * 0.72).min(18.0);
                        let text_w =
                            theme::text_width(badge, (pill_h * 0.72).min(11.5), true) + 10.0;
                        if x + text_w <= limit {
                            x += frame::badge_pill(
                                scene,
                                Role::Badge(i),
                                badge,
                                x,
                                centre(i),
                                pill_h,
                                0.0,
                            ) + 5.0;
                        }
                    }
                    let text = note_text(bar);
                    let full = theme::text_width(&text, note_size, false);
                    // Beside the end; where that is too tight, before the start (a Gantt's rows step
                    // down to the right, so the space before a bar is usually free); else cut.
                    let before = j
                        .checked_sub(1)
                        .and_then(|k| row.bars.get(k))
                        .map_or(scale.left, |prev| extent(prev, &scale, now).1 + 8.0)
                        .max(used + 14.0);
                    let x0 = scale.clamped(bar.start) - 6.0;
                    while let Some(c) = clear(i, x, x + full) {
                        x = c + 5.0;
                    }
                    let left_is_clear = clear(i, x0 - full, x0).is_none();
                    let (at_x, text, anchor) = if x + full > limit
                        && x0 - full >= before
                        && bar.start > scale.start
                        && left_is_clear
                    {
                        used = x1;
                        (x0, text, Anchor::End)
                    } else {
                        let text = theme::fit(&text, note_size, false, limit - x);
                        used = x + theme::text_width(&text, note_size, false);
                        (x, text, Anchor::Start)
                    };
                    scene.text(
                        Role::Note(i),
                        (at_x, centre(i) + note_size * 0.36),
                        text,
                        note_size,
                        false,
                        colour::MUTED,
                        anchor,
                    );
                }
            }
        }
    }
}
