//! The station chart: for one station, the people aboard over time as a stacked step chart (one band per
//! crew), the docked spacecraft as lanes below it, and the gaps in return coverage shaded across both.
//!
//! A crew counts as aboard from the docking of the flight that brought them up to the undocking of the
//! flight that took them down; where a docking or undocking is not recorded, the launch or the landing
//! stands in for it. A spacecraft's lane runs from docking to undocking (or landing), hatched from the
//! time an anomaly made it unfit for crew return. The coverage gaps themselves are not computed here:
//! they come in as [`CoverageGap`]s from the timeline, so this chart and the station report agree.

use chrono::{DateTime, Utc};

pub(super) mod draw;
mod plan;

use super::axis::{self, at, TimeScale};
use super::frame;
use super::scene::{Anchor, Role, Scene};
use super::theme::{self, colour, size, Paint};
use super::{ChartError, ChartOptions, CoverageGap};
use crate::catalog::Catalog;
use crate::model::EventKind;
use crate::timeline::station::{self as timeline, Visit};
use draw::Drawing;

/// A spacecraft docked at the station.
#[derive(Debug, Clone, PartialEq)]
pub struct DockedLane {
    /// The flight id.
    pub flight: String,
    /// Its name.
    pub name: String,
    /// Docking (launch where no docking is recorded).
    pub docked: DateTime<Utc>,
    /// Undocking (landing where no undocking is recorded); `None` while docked.
    pub undocked: Option<DateTime<Utc>>,
    /// From when it was unfit for crew return.
    pub unfit_from: Option<DateTime<Utc>>,
    /// Seats of its vehicle type.
    pub seats: u32,
    /// Anomalies and schedule changes of the flight.
    pub events: Vec<(DateTime<Utc>, EventKind)>,
}

/// A crew aboard the station: people who arrived together and left together.
#[derive(Debug, Clone, PartialEq)]
pub struct CrewAboard {
    /// The flight that brought them up.
    pub up: String,
    /// `Shenzhou-20 crew`.
    pub label: String,
    /// How many people.
    pub people: u32,
    /// Arrival (docking of the up flight, or its launch).
    pub from: DateTime<Utc>,
    /// Departure (undocking of the down flight, or its landing); `None` while aboard.
    pub until: Option<DateTime<Utc>>,
}

/// What the station chart shows, as plain values.
#[derive(Debug, Clone, PartialEq)]
pub struct StationData {
    /// The station id.
    pub station: String,
    /// Its name.
    pub name: String,
    /// The start of the time axis.
    pub start: DateTime<Utc>,
    /// The end of the time axis.
    pub end: DateTime<Utc>,
    /// Docked spacecraft in the range, by docking.
    pub lanes: Vec<DockedLane>,
    /// Crews aboard in the range, by arrival.
    pub crews: Vec<CrewAboard>,
    /// Return-coverage gaps in the range.
    pub gaps: Vec<CoverageGap>,
}

/// Collects the station chart's values: lanes and crews from the catalog, gaps as given (those of the
/// station, within the range).
pub fn station_data(
    catalog: &Catalog,
    options: &ChartOptions,
    now: DateTime<Utc>,
    gaps: &[CoverageGap],
) -> Result<StationData, ChartError> {
    super::check_station(catalog, &options.scope)?;
    let known = || catalog.stations().iter().map(|s| s.id.clone()).collect();
    let Some(id) = options.scope.station.as_deref() else {
        return Err(ChartError::NoStation { known: known() });
    };
    let station = catalog
        .station(id)
        .ok_or_else(|| ChartError::UnknownStation {
            id: id.to_string(),
            known: known(),
        })?;
    // Who was aboard and what was docked come from the station timeline, the one place that decides it;
    // the chart keeps the flights in its scope (programme, nation).
    let visits: Vec<Visit> = timeline::visits(catalog, id, &mut Vec::new())
        .into_iter()
        .filter(|v| options.scope.admits(v.flight))
        .collect();
    let unfit = crate::timeline::rows::unfit_times(catalog);
    let mut lanes: Vec<DockedLane> = visits
        .iter()
        .map(|v| DockedLane {
            flight: v.flight.id.clone(),
            name: v.flight.name.clone(),
            docked: at(v.arrive),
            undocked: v.leave.map(at),
            unfit_from: unfit.get(v.flight.id.as_str()).copied(),
            seats: v.seats,
            events: v
                .flight
                .events
                .iter()
                .filter(|e| matches!(e.kind, EventKind::Anomaly | EventKind::ScheduleChange))
                .map(|e| (at(&e.time), e.kind))
                .collect(),
        })
        .collect();
    let mut crews: Vec<CrewAboard> = timeline::aboard(catalog, &visits)
        .into_iter()
        .map(|crew| CrewAboard {
            up: crew.up.to_string(),
            label: format!(
                "{} crew",
                catalog.flight(crew.up).map_or(crew.up, |f| f.name.as_str())
            ),
            people: crew.astronauts.len() as u32,
            from: at(crew.arrive),
            until: crew.leave.map(at),
        })
        .collect();
    crews.sort_by(|a, b| (a.from, &a.up).cmp(&(b.from, &b.up)));
    let first = lanes
        .iter()
        .map(|l| l.docked)
        .chain(crews.iter().map(|c| c.from))
        .min();
    let last = lanes
        .iter()
        .map(|l| l.undocked.unwrap_or(now))
        .chain(crews.iter().map(|c| c.until.unwrap_or(now)))
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        return Err(ChartError::Nothing(format!(
            "no flight docked at {}",
            station.name
        )));
    };
    let (start, end) = super::axis_range(options, first, last);
    lanes.retain(|l| l.docked <= end && l.undocked.unwrap_or(now) >= start);
    crews.retain(|c| c.from <= end && c.until.unwrap_or(now) >= start);
    if lanes.is_empty() && crews.is_empty() {
        return Err(ChartError::Nothing(format!(
            "nothing docked at {} between {} and {}",
            station.name,
            axis::day(start),
            axis::day(end)
        )));
    }
    Ok(StationData {
        station: station.id.clone(),
        name: station.name.clone(),
        start,
        end,
        lanes,
        crews,
        gaps: gaps
            .iter()
            .filter(|g| g.station == station.id && g.start <= end && g.end.unwrap_or(now) >= start)
            .cloned()
            .collect(),
    })
}

/// One step of the stacked occupancy: who is aboard between two instants.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Step {
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// Indexes into the crews, bottom to top.
    pub crews: Vec<usize>,
}

pub(super) fn steps(data: &StationData, now: DateTime<Utc>) -> Vec<Step> {
    let mut cuts: Vec<DateTime<Utc>> = vec![data.start, data.end];
    for c in &data.crews {
        cuts.push(c.from);
        cuts.push(c.until.unwrap_or(now));
    }
    cuts.retain(|t| *t >= data.start && *t <= data.end);
    cuts.sort();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Step {
            from: w[0],
            until: w[1],
            crews: data
                .crews
                .iter()
                .enumerate()
                .filter(|(_, c)| c.from <= w[0] && c.until.unwrap_or(now) >= w[1])
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}
/// The fill and text colour of each crew's band: neighbouring bands (stacked on one another, or one
/// taking over from the other at the same height) never share a fill. Crews are coloured in order of
/// arrival, each with the first colour its coloured neighbours do not have.
pub(super) fn crew_paints(data: &StationData, steps: &[Step]) -> Vec<(Paint, Paint)> {
    let palette = [
        (colour::CREW, colour::PAPER),
        (colour::CREW_ALT, colour::PAPER),
        (colour::CREW_THIRD, colour::INK),
        (colour::CREW_FOURTH, colour::PAPER),
    ];
    // Each crew's span in people from the floor of the stack, step by step.
    let spans = |step: &Step| -> Vec<(usize, u32, u32)> {
        let mut base = 0;
        step.crews
            .iter()
            .map(|&c| {
                let top = base + data.crews[c].people;
                let span = (c, base, top);
                base = top;
                span
            })
            .collect()
    };
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); data.crews.len()];
    let mut link = |a: usize, b: usize| {
        if a != b {
            neighbours[a].push(b);
            neighbours[b].push(a);
        }
    };
    let mut before: Vec<(usize, u32, u32)> = Vec::new();
    for step in steps {
        let now = spans(step);
        for pair in now.windows(2) {
            link(pair[0].0, pair[1].0);
        }
        for &(a, a0, a1) in &before {
            for &(b, b0, b1) in &now {
                if a0 < b1 && b0 < a1 {
                    link(a, b);
                }
            }
        }
        before = now;
    }
    let mut chosen: Vec<Option<usize>> = vec![None; data.crews.len()];
    for c in 0..data.crews.len() {
        let taken: Vec<usize> = neighbours[c].iter().filter_map(|&n| chosen[n]).collect();
        chosen[c] = Some((0..palette.len()).find(|p| !taken.contains(p)).unwrap_or(0));
    }
    chosen
        .into_iter()
        .map(|p| palette[p.unwrap_or(0)])
        .collect()
}

/// Lays the station chart out.
pub(crate) fn layout(
    catalog: &Catalog,
    data: &StationData,
    options: &ChartOptions,
    now: DateTime<Utc>,
) -> Result<Scene, ChartError> {
    theme::register_fonts().map_err(ChartError::Render)?;
    let steps = steps(data, now);
    let most = steps
        .iter()
        .map(|s| s.crews.iter().map(|&i| data.crews[i].people).sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let now_shown = now >= data.start && now <= data.end;

    let (title, subtitles) = plan::heading(catalog, data, now);
    let entries = plan::entries(data, now_shown);
    let panels = plan::panels(
        data,
        options,
        most,
        (&title, &subtitles, &entries),
        (now, now_shown),
    )?;
    let width = options
        .size
        .map_or(super::gantt::DEFAULT_WIDTH, |s| s.width);
    let mut scene = Scene::new(width, panels.height);
    scene.axis = Some(panels.scale);
    let y = frame::header(&mut scene, &title, &subtitles);
    frame::legend(&mut scene, &entries, y, true);
    let ticks = axis::ticks(&panels.scale);
    let drawing = Drawing {
        data,
        steps: &steps,
        panels: &panels,
        now,
        now_shown,
        ticks: &ticks,
    };
    drawing.bands_and_grid(&mut scene);
    drawing.crews(&mut scene);
    drawing.gaps(&mut scene);
    drawing.crew_names(&mut scene);
    drawing.lanes(&mut scene);
    drawing.gap_labels(&mut scene);
    drawing.axis_and_now(&mut scene);
    Ok(scene)
}

/// A lane's label: the flight's name, and its seats where there is room.
pub(super) fn lane_label(
    scene: &mut Scene,
    i: usize,
    lane: &DockedLane,
    (cy, size, width): (f64, f64, f64),
) {
    let name = theme::fit(&lane.name, size, true, width);
    let name_w = theme::text_width(&name, size, true);
    let baseline = cy + size * 0.36;
    scene.text(
        Role::RowLabel(i),
        (size::MARGIN, baseline),
        name.clone(),
        size,
        true,
        colour::INK,
        Anchor::Start,
    );
    if name == lane.name && width - name_w > 30.0 {
        let detail = theme::fit(&seats(lane.seats), size * 0.92, false, width - name_w - 6.0);
        scene.text(
            Role::RowLabel(i),
            (size::MARGIN + name_w + 6.0, baseline),
            detail,
            size * 0.92,
            false,
            colour::MUTED,
            Anchor::Start,
        );
    }
}

pub(super) fn seats(n: u32) -> String {
    if n == 1 {
        "1 seat".into()
    } else {
        format!("{n} seats")
    }
}

/// The label of a gap: its text and how long it lasted.
pub(super) fn gap_text(gap: &CoverageGap, now: DateTime<Utc>) -> String {
    let seconds = (gap.end.unwrap_or(now) - gap.start).num_seconds();
    let days = if seconds < 86_400 {
        format!("{} h", (seconds + 1_800) / 3_600)
    } else {
        format!("{} d", (seconds + 43_200) / 86_400)
    };
    let open = if gap.end.is_none() {
        ", still open"
    } else {
        ""
    };
    format!("{} · {days}{open}", gap.label)
}

/// A gap's label, placed: on which line (0 at the top), where its text starts, and where its leader
/// line drops to the crew panel (the middle of the gap).
pub(super) struct GapLabel<'a> {
    pub index: usize,
    pub gap: &'a CoverageGap,
    pub line: usize,
    pub left: f64,
    pub width: f64,
    pub leader: f64,
}

/// Places each gap's label above the crew panel, each on the highest line where it overlaps no other
/// label, no leader line from a label above crosses it, and its own leader crosses no label below.
/// The text is centred on its leader where it can be, else beside it (starting or ending at it). The
/// gaps are taken in time order, or last to first where that lays them out cleanly in fewer lines
/// (two gaps near the right edge: the later one's label goes on top).
pub(super) fn place_gap_labels<'a>(
    data: &'a StationData,
    scale: &TimeScale,
    now: DateTime<Utc>,
) -> Vec<GapLabel<'a>> {
    let forward = place_in_order(data, scale, now, data.gaps.iter().enumerate());
    let backward = place_in_order(data, scale, now, data.gaps.iter().enumerate().rev());
    let lines = |(labels, _): &(Vec<GapLabel>, bool)| labels.iter().map(|p| p.line).max();
    let (mut labels, _) = match (&forward, &backward) {
        ((_, true), (_, true)) if lines(&backward) < lines(&forward) => backward,
        ((_, false), (_, true)) => backward,
        _ => forward,
    };
    labels.sort_by_key(|p| p.index);
    labels
}

/// The labels of `gaps` placed one after the other (see [`place_gap_labels`]), and whether each found a
/// clean place.
fn place_in_order<'a>(
    data: &'a StationData,
    scale: &TimeScale,
    now: DateTime<Utc>,
    gaps: impl Iterator<Item = (usize, &'a CoverageGap)>,
) -> (Vec<GapLabel<'a>>, bool) {
    const PAD: f64 = 16.0;
    let mut placed: Vec<GapLabel> = Vec::new();
    let mut clean = true;
    for (index, gap) in gaps {
        let (x0, x1) = (
            scale.clamped(gap.start),
            scale.clamped(gap.end.unwrap_or(now)),
        );
        let leader = (x0 + x1) / 2.0;
        let width = theme::text_width(&gap_text(gap, now), size::NOTE, true);
        let lefts = [leader - width / 2.0, leader - 2.0, leader - width + 2.0]
            .map(|l| l.clamp(size::MARGIN, (scale.right - width).max(size::MARGIN)));
        let fits = |line: usize, left: f64| {
            placed.iter().all(|p| {
                let apart = left + width + PAD <= p.left || p.left + p.width + PAD <= left;
                let crossed = |x: f64, l: f64, w: f64| x >= l - 4.0 && x <= l + w + 4.0;
                match p.line.cmp(&line) {
                    std::cmp::Ordering::Equal => apart,
                    std::cmp::Ordering::Less => !crossed(p.leader, left, width),
                    std::cmp::Ordering::Greater => !crossed(leader, p.left, p.width),
                }
            })
        };
        let spot = (0..=data.gaps.len())
            .flat_map(|line| lefts.iter().map(move |&left| (line, left)))
            .find(|&(line, left)| fits(line, left));
        clean &= spot.is_some();
        let (line, left) = spot.unwrap_or((placed.len(), lefts[0]));
        placed.push(GapLabel {
            index,
            gap,
            line,
            left,
            width,
            leader,
        });
    }
    (placed, clean)
}

pub(super) fn gap_label_lines(data: &StationData, scale: &TimeScale, now: DateTime<Utc>) -> usize {
    place_gap_labels(data, scale, now)
        .iter()
        .map(|p| p.line + 1)
        .max()
        .unwrap_or(0)
}
