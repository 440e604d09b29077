//! What every chart has around its data: title and subtitle, the legend, the time axis with its grid,
//! the line at `now`; and the marks both charts share (event markers, hatching, arrowheads), drawn the
//! same way in the legend as in the chart.

use chrono::{DateTime, Utc};

use super::axis::{self, TimeScale};
use super::scene::{Anchor, MarkerKind, Role, Scene, Shape};
use super::theme::{self, colour, size, Paint};

/// Draws the title and the subtitle lines from the top margin; returns the y below them.
pub(crate) fn header(scene: &mut Scene, title: &str, subtitles: &[String]) -> f64 {
    let width = scene.width as f64 - 2.0 * size::MARGIN;
    let mut y = size::MARGIN + size::TITLE;
    let title = theme::fit(title, size::TITLE, true, width);
    scene.text(
        Role::Frame,
        (size::MARGIN, y),
        title,
        size::TITLE,
        true,
        colour::INK,
        Anchor::Start,
    );
    y += 6.0;
    for line in subtitles.iter().filter(|l| !l.is_empty()) {
        y += size::SUBTITLE * 1.45;
        let line = theme::fit(line, size::SUBTITLE, false, width);
        scene.text(
            Role::Frame,
            (size::MARGIN, y),
            line,
            size::SUBTITLE,
            false,
            colour::MUTED,
            Anchor::Start,
        );
    }
    y + size::SUBTITLE * 0.6
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A bar of this colour.
    Bar(Paint),
    /// A thin bar of this colour.
    Thin(Paint),
    /// A planned interval: outlined, tinted.
    Ghost,
    /// Hatching: unfit for crew return.
    Hatch,
    /// A bar fading into an arrowhead: still in orbit.
    OpenEnd,
    /// An event marker.
    Marker(MarkerKind),
    /// A vehicle-swap connector.
    Connector,
    /// A record badge.
    Badge,
    /// The `now` line.
    Now,
    /// A shaded gap.
    Gap,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// The mark.
    pub swatch: Swatch,
    /// What it means.
    pub text: String,
}

impl Entry {
    pub fn new(swatch: Swatch, text: impl Into<String>) -> Entry {
        Entry {
            swatch,
            text: text.into(),
        }
    }
}

const SWATCH_W: f64 = 22.0;

/// Lays the legend out in lines from `y`, wrapping at the right margin; returns the y below it.
/// With `draw` false, only measures.
pub(crate) fn legend(scene: &mut Scene, entries: &[Entry], y: f64, draw: bool) -> f64 {
    if entries.is_empty() {
        return y;
    }
    let right = scene.width as f64 - size::MARGIN;
    let line_h = size::NOTE * 1.7;
    let (mut x, mut top) = (size::MARGIN, y + 4.0);
    for entry in entries {
        let max_text = right - size::MARGIN - SWATCH_W - 6.0;
        let text = theme::fit(&entry.text, size::NOTE, false, max_text);
        let w = SWATCH_W + 6.0 + theme::text_width(&text, size::NOTE, false);
        if x > size::MARGIN && x + w > right {
            x = size::MARGIN;
            top += line_h;
        }
        if draw {
            let cy = top + line_h / 2.0;
            swatch(scene, entry.swatch, x, cy);
            scene.text(
                Role::Legend,
                (x + SWATCH_W + 6.0, cy + size::NOTE * 0.35),
                text,
                size::NOTE,
                false,
                colour::INK,
                Anchor::Start,
            );
        }
        x += w + 18.0;
    }
    top + line_h
}

fn swatch(scene: &mut Scene, swatch: Swatch, x: f64, cy: f64) {
    let (x1, h) = (x + SWATCH_W, 10.0);
    let role = Role::Legend;
    match swatch {
        Swatch::Bar(paint) => scene.rect(role, (x, cy - h / 2.0, x1, cy + h / 2.0), paint),
        Swatch::Thin(paint) => scene.rect(role, (x, cy - 2.5, x1, cy + 2.5), paint),
        Swatch::Ghost => ghost(scene, role, (x, cy - 7.0, x1, cy + 7.0), colour::CREW),
        Swatch::Hatch => {
            scene.rect(
                role.clone(),
                (x, cy - h / 2.0, x1, cy + h / 2.0),
                colour::VEHICLE.alpha(0.3),
            );
            hatch(
                scene,
                role,
                (x, cy - h / 2.0, x1, cy + h / 2.0),
                colour::ANOMALY,
            );
        }
        Swatch::OpenEnd => open_end(
            scene,
            (role.clone(), role),
            (x, cy - h / 2.0, x1 - 8.0, cy + h / 2.0),
            colour::CREW,
        ),
        Swatch::Marker(kind) => marker(scene, role, kind, x + SWATCH_W / 2.0, cy, 10.0, h),
        Swatch::Connector => {
            scene.line(
                role.clone(),
                vec![(x + 4.0, cy - 7.0), (x + 4.0, cy + 3.0)],
                colour::INK,
                1.5,
            );
            arrowhead(scene, role, (x + 4.0, cy + 7.0), true, 5.0);
        }
        Swatch::Badge => {
            badge_pill(scene, role, "", x, cy, 14.0, SWATCH_W);
        }
        Swatch::Now => scene.line(
            role,
            vec![
                (x + SWATCH_W / 2.0, cy - 8.0),
                (x + SWATCH_W / 2.0, cy + 8.0),
            ],
            colour::NOW,
            2.0,
        ),
        Swatch::Gap => scene.rect(
            role,
            (x, cy - 8.0, x1, cy + 8.0),
            colour::ANOMALY.alpha(0.16),
        ),
    }
}

/// A planned interval: a tinted box with an outline.
pub(crate) fn ghost(
    scene: &mut Scene,
    role: Role,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    paint: Paint,
) {
    scene.push(
        role,
        Shape::Rect {
            x0,
            y0,
            x1,
            y1,
            fill: Some(paint.alpha(0.14)),
            stroke: Some(paint.alpha(0.85)),
        },
    );
}

/// Diagonal hatching inside a box.
pub(crate) fn hatch(
    scene: &mut Scene,
    role: Role,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    paint: Paint,
) {
    let h = y1 - y0;
    if x1 - x0 < 1.0 || h < 1.0 {
        return;
    }
    let spacing = 5.0;
    // Lines x - (y1 - y) = c, from the bottom-left corner rightwards.
    let mut c = x0 - h;
    while c < x1 {
        let (mut ax, mut ay) = (c, y1);
        let (mut bx, mut by) = (c + h, y0);
        if ax < x0 {
            ay -= x0 - ax;
            ax = x0;
        }
        if bx > x1 {
            by += bx - x1;
            bx = x1;
        }
        if bx - ax > 0.5 {
            scene.line(role.clone(), vec![(ax, ay), (bx, by)], paint, 1.0);
        }
        c += spacing;
    }
}

/// A bar that fades towards its right end (`now`) and goes on as an arrowhead beyond it: something still
/// in orbit. The solid part is drawn with `solid`, the fade and the arrowhead with `fade`.
pub(crate) fn open_end(
    scene: &mut Scene,
    (solid, fade_role): (Role, Role),
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    paint: Paint,
) {
    let h = y1 - y0;
    let tip = (h * 0.7).clamp(3.0, 9.0);
    let fade = ((x1 - x0) * 0.6).min(28.0);
    let solid_end = x1 - fade;
    if solid_end - x0 >= 1.0 {
        scene.rect(solid, (x0, y0, solid_end, y1), paint);
    }
    let from = solid_end.max(x0);
    if x1 - from >= 1.0 {
        let steps = 5;
        let step_w = (x1 - from) / steps as f64;
        for i in 0..steps {
            let a = 0.85 - 0.14 * i as f64;
            let left = from + step_w * i as f64;
            scene.rect(
                fade_role.clone(),
                (left, y0, left + step_w, y1),
                paint.alpha(a),
            );
        }
    }
    let cy = (y0 + y1) / 2.0;
    let spread = (h / 2.0 + 2.0).max(3.0);
    scene.push(
        fade_role,
        Shape::Polygon {
            points: vec![
                (x1 + 1.0, cy - spread),
                (x1 + 1.0 + tip, cy),
                (x1 + 1.0, cy + spread),
            ],
            fill: paint.alpha(0.6),
        },
    );
}

/// How an interval's bar ends and what it carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BarStyle {
    /// The fill.
    pub paint: Paint,
    /// Still going at `now`: fade into an arrowhead.
    pub open: bool,
    /// It began before the axis, or goes on after it.
    pub clipped: (bool, bool),
    /// From this x on, the spacecraft was unfit for crew return: hatched.
    pub unfit_from: Option<f64>,
}

/// An interval on row `row`: a solid bar (or one fading into an arrowhead), hatched where unfit,
/// faded where the axis cuts it.
pub(crate) fn bar(
    scene: &mut Scene,
    row: usize,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    style: BarStyle,
) {
    if style.open {
        open_end(
            scene,
            (Role::Bar(row), Role::OpenEnd(row)),
            (x0, y0, x1, y1),
            style.paint,
        );
    } else {
        scene.rect(Role::Bar(row), (x0, y0, x1, y1), style.paint);
    }
    if let Some(u0) = style.unfit_from.map(|u| u.max(x0)) {
        if x1 - u0 >= 1.0 {
            scene.rect(
                Role::Unfit(row),
                (u0, y0, x1, y1),
                colour::PAPER.alpha(0.55),
            );
            hatch(
                scene,
                Role::Unfit(row),
                (u0, y0 - 1.0, x1, y1 + 1.0),
                colour::ANOMALY,
            );
        }
    }
    clip_fades(scene, (x0, y0, x1, y1), style.clipped);
}

/// Fades the ends of a bar that runs past the edges of the time axis, so that it does not seem to
/// begin or end there.
pub(crate) fn clip_fades(
    scene: &mut Scene,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    clipped: (bool, bool),
) {
    if x1 - x0 <= 16.0 {
        return;
    }
    for k in 0..4 {
        let a = 0.7 - 0.17 * k as f64;
        if clipped.0 {
            let left = x0 + 3.0 * k as f64;
            scene.rect(
                Role::Frame,
                (left, y0, left + 3.0, y1),
                colour::PAPER.alpha(a),
            );
        }
        if clipped.1 {
            let right = x1 - 3.0 * k as f64;
            scene.rect(
                Role::Frame,
                (right - 3.0, y0, right, y1),
                colour::PAPER.alpha(a),
            );
        }
    }
}

/// An arrowhead with its tip at `tip`, pointing down (or up).
pub(crate) fn arrowhead(scene: &mut Scene, role: Role, (x, y): (f64, f64), down: bool, s: f64) {
    let back = if down { y - s } else { y + s };
    scene.push(
        role,
        Shape::Polygon {
            points: vec![(x - s * 0.6, back), (x, y), (x + s * 0.6, back)],
            fill: colour::INK,
        },
    );
}

/// An event marker centred at (`x`, `cy`), `s` pixels across, on a bar `bar_h` high.
pub(crate) fn marker(
    scene: &mut Scene,
    role: Role,
    kind: MarkerKind,
    x: f64,
    cy: f64,
    s: f64,
    bar_h: f64,
) {
    let r = s / 2.0;
    let (points, paint): (Vec<(f64, f64)>, Paint) = match kind {
        MarkerKind::Docking => {
            let half = bar_h / 2.0 + 2.0;
            scene.rect(role, (x - 1.0, cy - half, x + 1.0, cy + half), colour::INK);
            return;
        }
        MarkerKind::Eva => (
            vec![
                (x, cy - r * 1.1),
                (x + r * 1.05, cy + r * 0.8),
                (x - r * 1.05, cy + r * 0.8),
            ],
            colour::EVA,
        ),
        MarkerKind::Anomaly => (
            vec![
                (x, cy - r * 1.3),
                (x + r * 1.1, cy),
                (x, cy + r * 1.3),
                (x - r * 1.1, cy),
            ],
            colour::ANOMALY,
        ),
        MarkerKind::Schedule => (
            vec![
                (x - r * 0.8, cy - r * 0.8),
                (x + r * 0.8, cy - r * 0.8),
                (x + r * 0.8, cy + r * 0.8),
                (x - r * 0.8, cy + r * 0.8),
            ],
            colour::SCHEDULE,
        ),
    };
    // A white halo so the marker stands off the bar in colour and in grey.
    let (mx, my) = (
        x,
        points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64,
    );
    let halo: Vec<(f64, f64)> = points
        .iter()
        .map(|&(px, py)| {
            let (dx, dy) = (px - mx, py - my);
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            (px + dx / d * 1.6, py + dy / d * 1.6)
        })
        .collect();
    scene.push(
        role.clone(),
        Shape::Polygon {
            points: halo,
            fill: colour::PAPER,
        },
    );
    scene.push(
        role,
        Shape::Polygon {
            points,
            fill: paint,
        },
    );
}

/// A record badge: a yellow pill with `text`, its left end at `x`; returns its width.
pub(crate) fn badge_pill(
    scene: &mut Scene,
    role: Role,
    text: &str,
    x: f64,
    cy: f64,
    h: f64,
    min_w: f64,
) -> f64 {
    let text_size = (h * 0.72).min(11.5);
    let w = (theme::text_width(text, text_size, true) + 10.0).max(min_w);
    scene.push(
        role.clone(),
        Shape::Rect {
            x0: x,
            y0: cy - h / 2.0,
            x1: x + w,
            y1: cy + h / 2.0,
            fill: Some(colour::BADGE),
            stroke: Some(colour::BADGE_EDGE),
        },
    );
    scene.text(
        role,
        (x + w / 2.0, cy + text_size * 0.36),
        text,
        text_size,
        true,
        colour::INK,
        Anchor::Middle,
    );
    w
}

/// Draws the vertical grid of `scale` from `top` to `bottom` (behind everything drawn later).
pub(crate) fn grid(
    scene: &mut Scene,
    scale: &TimeScale,
    ticks: &[axis::Tick],
    top: f64,
    bottom: f64,
) {
    for tick in ticks {
        let x = scale.x(tick.at);
        let paint = if tick.context.is_some() {
            colour::GRID.alpha(1.0)
        } else {
            colour::GRID.alpha(0.6)
        };
        scene.line(Role::Frame, vec![(x, top), (x, bottom)], paint, 1.0);
    }
}

/// Draws the tick labels below `y` (the bottom of the plot) or above it; returns the y past them.
pub(crate) fn tick_labels(
    scene: &mut Scene,
    scale: &TimeScale,
    ticks: &[axis::Tick],
    y: f64,
    below: bool,
) -> f64 {
    let w = scene.width as f64;
    let line = size::TICK * 1.35;
    let (first, second) = if below {
        (y + 6.0 + size::TICK, y + 6.0 + size::TICK + line)
    } else {
        (y - 6.0 - line, y - 6.0)
    };
    for tick in ticks {
        let x = scale.x(tick.at);
        for (text, baseline, paint) in [
            (Some(&tick.label), first, colour::INK),
            (tick.context.as_ref(), second, colour::MUTED),
        ] {
            let Some(text) = text else { continue };
            let half = theme::text_width(text, size::TICK, false) / 2.0;
            if x - half < 2.0 || x + half > w - 2.0 {
                continue;
            }
            scene.text(
                Role::Frame,
                (x, baseline),
                text.clone(),
                size::TICK,
                false,
                paint,
                Anchor::Middle,
            );
        }
        let (t0, t1) = if below { (y, y + 4.0) } else { (y - 4.0, y) };
        scene.line(Role::Frame, vec![(x, t0), (x, t1)], colour::MUTED, 1.0);
    }
    if below {
        second + size::TICK * 0.4
    } else {
        y - 6.0 - line - size::TICK
    }
}

/// The line at `now` from `top` to `bottom`, labelled above `top`, when `now` is in range.
pub(crate) fn now_line(
    scene: &mut Scene,
    scale: &TimeScale,
    now: DateTime<Utc>,
    top: f64,
    bottom: f64,
) {
    if !scale.contains(now) {
        return;
    }
    let x = scale.x(now);
    scene.line(
        Role::Now,
        vec![(x, top - 4.0), (x, bottom)],
        colour::NOW,
        1.5,
    );
    let text = format!("now {}", axis::day(now));
    let w = theme::text_width(&text, size::NOTE, true);
    let right = scene.width as f64 - size::MARGIN;
    let (tx, anchor) = if x + w / 2.0 > right {
        (right.min(x + 4.0), Anchor::End)
    } else if x - w / 2.0 < size::MARGIN {
        (x - 4.0, Anchor::Start)
    } else {
        (x, Anchor::Middle)
    };
    scene.text(
        Role::Now,
        (tx, top - 8.0),
        text,
        size::NOTE,
        true,
        colour::NOW,
        anchor,
    );
}

/// The height reserved above the plot for the `now` label.
pub(crate) const NOW_LABEL_H: f64 = size::NOTE * 1.8;
