//! Badges and notes beside the Gantt's bars: beside the end where there is room, else before the start,
//! else cut; always clear of the lines that cross their rows (the line at now, connectors).

use super::geometry::{extent, note_text, open_tip, Geometry};
use super::Canvas;
use crate::chart::frame;
use crate::chart::scene::{Anchor, MarkerKind, Role, Scene};
use crate::chart::theme::{self, colour, size};
use crate::timeline::rows::Row;

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
    /// Returns how many badges found no room (rows too thin for any, or no space beside their bar), so
    /// that the chart can say so.
    pub(super) fn notes(&self, scene: &mut Scene, placed: &[(usize, f64, MarkerKind)]) -> usize {
        let badges = |row: &Row| row.bars.iter().filter(|b| b.badge.is_some()).count();
        if !self.geo.show_notes {
            return self.rows.iter().map(badges).sum();
        }
        let crossings = self.crossings();
        let mut left_out = 0;
        for (i, row) in self.rows.iter().enumerate() {
            let mut used = self.geo.scale.left;
            for j in 0..row.bars.len() {
                let row_placed: Vec<f64> =
                    placed.iter().filter(|p| p.0 == i).map(|p| p.1).collect();
                let beside = Beside {
                    row: i,
                    bar: j,
                    crossings: &crossings[i],
                    markers: &row_placed,
                };
                left_out += self.note_bar(scene, &beside, &mut used);
            }
        }
        left_out
    }

    /// The badge and note of one bar: beside its end, else before its start (the badge nearest the
    /// bar), else the note is cut; returns 1 when the badge found no room. `used` is how far the row's
    /// notes reach so far.
    fn note_bar(&self, scene: &mut Scene, beside: &Beside<'_>, used: &mut f64) -> usize {
        let Canvas {
            rows,
            now,
            right_edge,
            ..
        } = *self;
        let Geometry {
            row_h,
            bar_h,
            scale,
            marker_size,
            ..
        } = *self.geo;
        let (i, j) = (beside.row, beside.bar);
        let (row, bar) = (&rows[i], &rows[i].bars[j]);
        let centre = self.centre(i);
        let note_size = size::NOTE.min(row_h * 0.62);
        // The last line that crosses the row between `from` and `to`, if any.
        let clear = |from: f64, to: f64| {
            beside
                .crossings
                .iter()
                .filter(|&&c| c >= from - 3.0 && c <= to + 3.0)
                .fold(None, |acc: Option<f64>, &c| {
                    Some(acc.map_or(c, |a| a.max(c)))
                })
        };
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
        for &mx in beside.markers {
            if mx <= x1 + 1.0 && mx >= scale.clamped(bar.start) - 1.0 {
                x = x.max(mx + marker_size * 0.6);
            }
        }
        x += 6.0;
        // A bar that runs on past the range has its badge and note beyond it, out of range rather
        // than left out.
        if bar.end.is_some_and(|e| e > scale.end) || (bar.end.is_none() && now > scale.end) {
            return 0;
        }
        // Before the bar: after the previous bar of the row and the notes drawn so far.
        let before = j
            .checked_sub(1)
            .and_then(|k| row.bars.get(k))
            .map_or(scale.left, |prev| extent(prev, &scale, now).1 + 8.0)
            .max(*used + 14.0);
        let starts_in_range = bar.start > scale.start;
        let mut x0 = scale.clamped(bar.start) - 6.0;
        let mut left_out = 0;
        if let Some(badge) = &bar.badge {
            let pill_h = (row_h * 0.72).min(18.0);
            let text_w = theme::text_width(badge, (pill_h * 0.72).min(11.5), true) + 10.0;
            // Past the line at now and the connectors, as the notes are.
            let mut after = x;
            while let Some(c) = clear(after, after + text_w) {
                after = c + 5.0;
            }
            let at = if after + text_w <= limit {
                Some(after)
            } else if starts_in_range && x0 - text_w >= before && clear(x0 - text_w, x0).is_none() {
                Some(x0 - text_w)
            } else {
                None
            };
            match at {
                Some(at) => {
                    let w =
                        frame::badge_pill(scene, Role::Badge(i), badge, at, centre, pill_h, 0.0);
                    if at > x1 {
                        x = at + w + 5.0;
                    } else {
                        x0 = at - 6.0;
                    }
                }
                None => left_out = 1,
            }
        }
        let text = note_text(bar);
        let full = theme::text_width(&text, note_size, false);
        // Beside the end; where that is too tight, before the start (a Gantt's rows step down to the
        // right, so the space before a bar is usually free); else cut.
        while let Some(c) = clear(x, x + full) {
            x = c + 5.0;
        }
        let left_is_clear = clear(x0 - full, x0).is_none();
        let (at_x, text, anchor) =
            if x + full > limit && x0 - full >= before && starts_in_range && left_is_clear {
                *used = x1;
                (x0, text, Anchor::End)
            } else {
                let text = fit_parts(&text, note_size, limit - x);
                *used = x + theme::text_width(&text, note_size, false);
                (x, text, Anchor::Start)
            };
        scene.text(
            Role::Note(i),
            (at_x, centre + note_size * 0.36),
            text,
            note_size,
            false,
            colour::MUTED,
            anchor,
        );
        left_out
    }
}

/// Which bar a note goes beside, and what it keeps clear of.
struct Beside<'a> {
    row: usize,
    bar: usize,
    /// The x of each line that crosses the row.
    crossings: &'a [f64],
    /// The x of each marker drawn on the row.
    markers: &'a [f64],
}

/// `text` in `width`: whole ` · ` parts from the first, as many as fit, else the first part's whole
/// words, else the first part cut with an ellipsis (`debris strike 4 Nov 2025` rather than
/// `debris strike 4 Nov 2025 · 9 d la…`, `debris strike 4 Nov` rather than `debris strike 4 Nov 2…`).
fn fit_parts(text: &str, size: f64, width: f64) -> String {
    let fits = |t: &String| theme::text_width(t, size, false) <= width;
    let parts: Vec<&str> = text.split(" · ").collect();
    let words: Vec<&str> = parts[0].split(' ').collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join(" · "))
        .chain((1..words.len()).rev().map(|n| words[..n].join(" ")))
        .find(fits)
        .unwrap_or_else(|| theme::fit(text, size, false, width))
}

#[cfg(test)]
mod tests {
    use super::fit_parts;
    use crate::chart::theme;

    #[test]
    fn notes_are_cut_at_whole_parts_then_whole_words() {
        theme::register_fonts().unwrap();
        let note = "debris strike 4 Nov 2025 · 9 d late · home on Shenzhou-21";
        let width = |t: &str| theme::text_width(t, 12.0, false);
        assert_eq!(fit_parts(note, 12.0, width(note)), note);
        let two = "debris strike 4 Nov 2025 · 9 d late";
        assert_eq!(fit_parts(note, 12.0, width(two) + 1.0), two);
        let words = "debris strike 4 Nov";
        assert_eq!(fit_parts(note, 12.0, width(words) + 1.0), words);
        assert!(fit_parts(note, 12.0, width("deb…") + 1.0).ends_with('…'));
    }
}
