//! Drawing the station chart, in the order its parts stack: lane bands and grids with the people axis,
//! the stacked crews, gap shading, the crews' names, the lanes, the gap labels, the axis and the line at
//! now.

use chrono::{DateTime, Utc};

use super::plan::Panels;
use super::{crew_paints, gap_text, lane_label, place_gap_labels, StationData, Step};
use crate::chart::axis::Tick;
use crate::chart::frame;
use crate::chart::scene::{Anchor, MarkerKind, Role, Scene};
use crate::chart::theme::{self, colour, size};
use crate::model::EventKind;

/// What the drawing steps share.
#[derive(Clone, Copy)]
pub(super) struct Drawing<'a> {
    pub data: &'a StationData,
    pub steps: &'a [Step],
    pub panels: &'a Panels,
    pub now: DateTime<Utc>,
    /// The line at now falls within the range.
    pub now_shown: bool,
    pub ticks: &'a [Tick],
}

impl Drawing<'_> {
    /// The y of the top of `people` stacked from the bottom of the crew panel.
    fn y_of(&self, people: f64) -> f64 {
        self.panels.panel_bottom - people * self.panels.per_person
    }

    /// Every other lane banded, then the grid: time, and people (whole people, as many gridlines as
    /// have room for their labels), and the panels' captions.
    pub(super) fn bands_and_grid(&self, scene: &mut Scene) {
        let Drawing { data, ticks, .. } = *self;
        let Panels {
            most,
            plot_left,
            right,
            scale,
            panel_top,
            panel_bottom,
            per_person,
            caption_h,
            lane_h,
            lanes_top,
            lanes_bottom,
            ..
        } = *self.panels;
        let y_of = |people: f64| self.y_of(people);
        for i in (1..data.lanes.len()).step_by(2) {
            let top = lanes_top + lane_h * i as f64;
            scene.rect(
                Role::Frame,
                (size::MARGIN, top, right, top + lane_h),
                colour::BAND,
            );
        }
        frame::grid(scene, &scale, ticks, panel_top, panel_bottom);
        frame::grid(scene, &scale, ticks, lanes_top, lanes_bottom);
        // Whole people, as many gridlines as have room for their labels.
        let people_step = [1u32, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|&step| step as f64 * per_person >= size::TICK * 1.5)
            .unwrap_or(most);
        for p in (0..=most).step_by(people_step as usize) {
            let y = y_of(p as f64);
            scene.line(
                Role::Frame,
                vec![(plot_left, y), (right, y)],
                if p == 0 { colour::MUTED } else { colour::GRID },
                1.0,
            );
            scene.text(
                Role::Frame,
                (plot_left - 8.0, y + size::TICK * 0.36),
                p.to_string(),
                size::TICK,
                false,
                colour::MUTED,
                Anchor::End,
            );
        }
        scene.text(
            Role::Frame,
            (size::MARGIN, panel_top - caption_h * 0.5),
            "People aboard",
            size::NOTE,
            true,
            colour::INK,
            Anchor::Start,
        );
        scene.text(
            Role::Frame,
            (size::MARGIN, lanes_top - caption_h * 0.5),
            "Docked spacecraft",
            size::NOTE,
            true,
            colour::INK,
            Anchor::Start,
        );
    }

    /// Gap shading, translucent over the stacked crews (so that a gap while six are aboard is seen
    /// over all six) and under the lanes and names; solid edges keep it apart from the banding in
    /// greyscale.
    pub(super) fn gaps(&self, scene: &mut Scene) {
        let Drawing { data, now, .. } = *self;
        let Panels {
            scale,
            panel_top,
            lanes_bottom,
            ..
        } = *self.panels;
        for (g, gap) in data.gaps.iter().enumerate() {
            let (x0, x1) = (
                scale.clamped(gap.start),
                scale.clamped(gap.end.unwrap_or(now)),
            );
            let x1 = x1.max(x0 + 1.0);
            scene.rect(
                Role::Gap(g),
                (x0, panel_top, x1, lanes_bottom),
                colour::ANOMALY.alpha(0.16),
            );
            for x in [x0, x1] {
                scene.line(
                    Role::Gap(g),
                    vec![(x, panel_top), (x, lanes_bottom)],
                    colour::ANOMALY.alpha(0.7),
                    1.0,
                );
            }
        }
    }

    /// The stacked crews.
    pub(super) fn crews(&self, scene: &mut Scene) {
        let Drawing { data, steps, .. } = *self;
        let Panels { scale, .. } = *self.panels;
        let y_of = |people: f64| self.y_of(people);
        let paints = crew_paints(data, steps);
        let crew_paint = |i: usize| paints[i].0;
        let mut outline = Vec::new();
        for step in steps {
            let (x0, x1) = (scale.x(step.from), scale.x(step.until));
            let mut base = 0.0;
            for &i in &step.crews {
                let people = data.crews[i].people as f64;
                scene.rect(
                    Role::Occupancy,
                    (x0, y_of(base + people), x1, y_of(base)),
                    crew_paint(i),
                );
                if base > 0.0 {
                    scene.line(
                        Role::Occupancy,
                        vec![(x0, y_of(base)), (x1, y_of(base))],
                        colour::PAPER,
                        1.5,
                    );
                }
                base += people;
            }
            outline.push((x0, y_of(base)));
            outline.push((x1, y_of(base)));
        }
        if !outline.is_empty() {
            scene.line(Role::Occupancy, outline, colour::INK, 1.5);
        }
    }

    /// Each crew's name in its widest step, where it fits whole (see [`crew_name_lines`]).
    pub(super) fn crew_names(&self, scene: &mut Scene) {
        let Drawing { data, steps, .. } = *self;
        let Panels {
            scale, per_person, ..
        } = *self.panels;
        let y_of = |people: f64| self.y_of(people);
        let paints = crew_paints(data, steps);
        for (i, crew) in data.crews.iter().enumerate() {
            let best = steps
                .iter()
                .filter(|s| s.crews.contains(&i))
                .map(|s| {
                    let base: u32 = s
                        .crews
                        .iter()
                        .take_while(|&&c| c != i)
                        .map(|&c| data.crews[c].people)
                        .sum();
                    (scale.x(s.until) - scale.x(s.from), s, base)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let Some((room, step, base)) = best else {
                continue;
            };
            let band_h = crew.people as f64 * per_person;
            let Some((lines, text_size)) = crew_name_lines(crew, band_h, room - 10.0) else {
                continue;
            };
            let cy = y_of(base as f64 + crew.people as f64 / 2.0);
            let line_h = text_size * 1.25;
            let first = cy - line_h * (lines.len() as f64 - 1.0) / 2.0;
            for (k, line) in lines.into_iter().enumerate() {
                scene.text(
                    Role::Occupancy,
                    (
                        scale.x(step.from) + 6.0,
                        first + line_h * k as f64 + text_size * 0.36,
                    ),
                    line,
                    text_size,
                    true,
                    paints[i].1,
                    Anchor::Start,
                );
            }
        }
    }

    /// The lanes of docked spacecraft, with their labels and markers.
    pub(super) fn lanes(&self, scene: &mut Scene) {
        let Drawing { data, now, .. } = *self;
        let Panels {
            label_w,
            scale,
            lane_h,
            lanes_top,
            label_size,
            label_every,
            ..
        } = *self.panels;
        let bar_h = (lane_h * 0.5).max(1.0);
        for (i, lane) in data.lanes.iter().enumerate() {
            let cy = lanes_top + lane_h * (i as f64 + 0.5);
            // Too many lanes to name each: every n-th is named.
            if i % label_every == 0 {
                lane_label(scene, i, lane, (cy, label_size, label_w));
            }
            let x0 = scale.clamped(lane.docked);
            let x1 = scale.clamped(lane.undocked.unwrap_or(now)).max(x0 + 2.0);
            let (y0, y1) = (cy - bar_h / 2.0, cy + bar_h / 2.0);
            frame::bar(
                scene,
                i,
                (x0, y0, x1, y1),
                frame::BarStyle {
                    paint: colour::VEHICLE,
                    open: lane.undocked.is_none() && now <= data.end,
                    clipped: (
                        lane.docked < data.start,
                        lane.undocked.unwrap_or(now) > data.end,
                    ),
                    unfit_from: lane.unfit_from.map(|u| scale.clamped(u)),
                },
            );
            let mut events = lane.events.clone();
            // Anomalies on top.
            events.sort_by_key(|(t, k)| (*k == EventKind::Anomaly, *t));
            for (t, kind) in &events {
                let kind = if *kind == EventKind::Anomaly {
                    MarkerKind::Anomaly
                } else {
                    MarkerKind::Schedule
                };
                if scale.contains(*t) && lane_h >= 7.0 {
                    frame::marker(
                        scene,
                        Role::Marker(kind, i),
                        kind,
                        scale.x(*t),
                        cy,
                        (lane_h * 0.4).min(11.0),
                        bar_h,
                    );
                }
            }
        }
    }

    /// Gap labels above the crew panel, on as many lines as it takes to keep them and their leader
    /// lines apart (see [`place_gap_labels`]).
    pub(super) fn gap_labels(&self, scene: &mut Scene) {
        let Drawing {
            data,
            now,
            now_shown,
            ..
        } = *self;
        let Panels {
            scale,
            panel_top,
            caption_h,
            gap_label_h,
            ..
        } = *self.panels;
        let now_h = if now_shown { frame::NOW_LABEL_H } else { 0.0 };
        let label_top = panel_top - caption_h - now_h - gap_label_h + 4.0;
        for label in place_gap_labels(data, &scale, now) {
            let baseline = label_top + label.line as f64 * size::NOTE * 2.6 + size::NOTE;
            scene.text(
                Role::Gap(label.index),
                (label.left, baseline),
                gap_text(label.gap, now),
                size::NOTE,
                true,
                colour::ANOMALY_TEXT,
                Anchor::Start,
            );
            scene.line(
                Role::Gap(label.index),
                vec![(label.leader, baseline + 4.0), (label.leader, panel_top)],
                colour::ANOMALY,
                1.0,
            );
        }
    }

    /// The time axis, and the line at now.
    pub(super) fn axis_and_now(&self, scene: &mut Scene) {
        let Drawing {
            now,
            now_shown,
            ticks,
            ..
        } = *self;
        let Panels {
            scale,
            panel_top,
            caption_h,
            lanes_bottom,
            ..
        } = *self.panels;
        frame::tick_labels(scene, &scale, ticks, lanes_bottom, true);
        if now_shown {
            frame::now_line(scene, &scale, now, panel_top - caption_h, lanes_bottom);
        }
    }
}

/// A crew's name as it fits whole in a band `band_h` tall and `room` wide: `Shenzhou-18 crew (3)` on one
/// line, or on two (`Shenzhou-18` / `crew (3)`), or `Shenzhou-18 (3)`, or `Shenzhou-18`: the largest size
/// (from the note size down to 8 px) at which one of them fits, the longest form at that size; `None`
/// when not even the name fits (the lane below names the spacecraft). A name is never cut to `Shen…`.
pub(crate) fn crew_name_lines(
    crew: &super::CrewAboard,
    band_h: f64,
    room: f64,
) -> Option<(Vec<String>, f64)> {
    let largest = size::NOTE.min(band_h * 0.6);
    let name = crew.label.strip_suffix(" crew").unwrap_or(&crew.label);
    let n = crew.people;
    let forms: [Vec<String>; 4] = [
        vec![format!("{} ({n})", crew.label)],
        vec![name.to_string(), format!("crew ({n})")],
        vec![format!("{name} ({n})")],
        vec![name.to_string()],
    ];
    let mut text_size = largest;
    while text_size >= 8.0 {
        for form in &forms {
            let tall_enough = form.len() as f64 * text_size * 1.25 <= band_h * 0.9;
            let wide_enough = form
                .iter()
                .all(|line| theme::text_width(line, text_size, true) <= room);
            if tall_enough && wide_enough {
                return Some((form.clone(), text_size));
            }
        }
        text_size -= 1.0;
    }
    None
}
