//! The station chart: for one station, the people aboard over time as a stacked step chart (one band per
//! crew), the docked spacecraft as lanes below it, and the gaps in return coverage shaded across both.
//!
//! A crew counts as aboard from the docking of the flight that brought them up to the undocking of the
//! flight that took them down; where a docking or undocking is not recorded, the launch or the landing
//! stands in for it. A spacecraft's lane runs from docking to undocking (or landing), hatched from the
//! time an anomaly made it unfit for crew return. The coverage gaps themselves are not computed here:
//! they come in as [`CoverageGap`]s from the timeline, so this chart and the station report agree.

use chrono::{DateTime, Utc};

use super::axis::{self, at, TimeScale};
use super::frame::{self, Entry, Swatch};
use super::scene::{Anchor, MarkerKind, Role, Scene};
use super::theme::{self, colour, size};
use super::{ChartError, ChartOptions, CoverageGap};
use crate::catalog::Catalog;
use crate::model::EventKind;
use crate::timeline::station::{self as timeline, Visit};

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
    let unfit = super::gantt::unfit_times(catalog);
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
struct Step {
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    /// Indexes into the crews, bottom to top.
    crews: Vec<usize>,
}

fn steps(data: &StationData, now: DateTime<Utc>) -> Vec<Step> {
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

/// Lays the station chart out.
pub(crate) fn layout(
    catalog: &Catalog,
    data: &StationData,
    options: &ChartOptions,
    now: DateTime<Utc>,
) -> Result<Scene, ChartError> {
    theme::register_fonts().map_err(ChartError::Render)?;
    let width = options
        .size
        .map_or(super::gantt::DEFAULT_WIDTH, |s| s.width);
    let w = width as f64;
    let steps = steps(data, now);
    let most = steps
        .iter()
        .map(|s| s.crews.iter().map(|&i| data.crews[i].people).sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let now_shown = now >= data.start && now <= data.end;

    let title = format!(
        "{}: people aboard and docked spacecraft, {}",
        data.name,
        super::period(data.start, data.end)
    );
    let subtitles = [
        super::catalog_line(catalog, now),
        "Aboard from the docking of the flight up to the undocking of the flight down (launch or landing where \
         those are not recorded)"
            .to_string(),
    ];
    let mut entries = vec![
        Entry::new(Swatch::Bar(colour::CREW), "crew aboard (one band per crew)"),
        Entry::new(Swatch::Thin(colour::VEHICLE), "spacecraft docked"),
    ];
    if data
        .lanes
        .iter()
        .any(|l| l.unfit_from.is_some_and(|u| u <= data.end))
    {
        entries.push(Entry::new(Swatch::Hatch, "unfit for crew return"));
    }
    let lane_kinds: Vec<MarkerKind> = [
        (EventKind::Anomaly, MarkerKind::Anomaly),
        (EventKind::ScheduleChange, MarkerKind::Schedule),
    ]
    .into_iter()
    .filter(|(k, _)| {
        data.lanes.iter().any(|l| {
            l.events
                .iter()
                .any(|(t, e)| e == k && *t >= data.start && *t <= data.end)
        })
    })
    .map(|(_, m)| m)
    .collect();
    entries.extend(lane_kinds.iter().map(|k| {
        Entry::new(
            Swatch::Marker(*k),
            if *k == MarkerKind::Anomaly {
                "anomaly"
            } else {
                "schedule change"
            },
        )
    }));
    if data.lanes.iter().any(|l| l.undocked.is_none()) {
        entries.push(Entry::new(Swatch::OpenEnd, "still docked"));
    }
    if !data.gaps.is_empty() {
        entries.push(Entry::new(
            Swatch::Gap,
            "fewer fit return seats than people aboard",
        ));
    }
    if now_shown {
        entries.push(Entry::new(Swatch::Now, "now"));
    }

    // The left column: lane labels and the people axis.
    let label_size = size::LABEL;
    let label_w = data
        .lanes
        .iter()
        .map(|l| {
            theme::text_width(&l.name, label_size, true)
                + 6.0
                + theme::text_width(&seats(l.seats), label_size * 0.92, false)
        })
        .fold(
            theme::text_width("People aboard", size::NOTE, true),
            f64::max,
        )
        .min(w * 0.3);
    let plot_left = size::MARGIN + label_w + 14.0;
    let right = w - size::MARGIN;
    let scale = TimeScale {
        start: data.start,
        end: data.end,
        left: plot_left,
        right,
    };

    // Vertical plan.
    let mut probe = Scene::new(width, 1);
    let below_header = frame::header(&mut probe, &title, &subtitles);
    let legend_bottom = frame::legend(&mut probe, &entries, below_header, false);
    let lane_h = 30.0;
    let panel_h = (most as f64 * 30.0).clamp(120.0, 240.0);
    let caption_h = size::NOTE * 2.0;
    let gap_lines = gap_label_lines(data, &scale);
    let gap_label_h = if data.gaps.is_empty() {
        0.0
    } else {
        gap_lines as f64 * size::NOTE * 2.6 + 4.0
    };
    let axis_h = size::TICK * 2.0 + size::TICK * 1.35 + 14.0;
    let panel_top = legend_bottom
        + 10.0
        + gap_label_h
        + if now_shown { frame::NOW_LABEL_H } else { 0.0 }
        + caption_h;
    let lanes_top = panel_top + panel_h + 18.0 + caption_h;
    let lanes_bottom = lanes_top + lane_h * data.lanes.len() as f64;
    let height = options
        .size
        .and_then(|s| s.height)
        .unwrap_or((lanes_bottom + axis_h + size::MARGIN).ceil() as u32);
    // With a fixed height, the lanes take up to half of what is left (shrinking when there are many)
    // and the crew panel the rest.
    let lanes_n = data.lanes.len().max(1) as f64;
    let (panel_h, lane_h, lanes_top, lanes_bottom) = match options.size.and_then(|s| s.height) {
        Some(h) => {
            let room = h as f64 - size::MARGIN - axis_h - 18.0 - caption_h - panel_top;
            super::check_room(options.size, room)?;
            let lane_h = (room * 0.5 / lanes_n).min(30.0);
            let panel_h = room - lane_h * data.lanes.len() as f64;
            let lanes_top = panel_top + panel_h + 18.0 + caption_h;
            (
                panel_h,
                lane_h,
                lanes_top,
                lanes_top + lane_h * data.lanes.len() as f64,
            )
        }
        None => (panel_h, lane_h, lanes_top, lanes_bottom),
    };
    let label_size = (lane_h * 0.6).clamp(size::LABEL_MIN, size::LABEL);
    let label_every = ((label_size * 1.3) / lane_h).ceil().max(1.0) as usize;

    let mut scene = Scene::new(width, height);
    scene.axis = Some(scale);
    let y = frame::header(&mut scene, &title, &subtitles);
    frame::legend(&mut scene, &entries, y, true);

    let ticks = axis::ticks(&scale);
    let panel_bottom = panel_top + panel_h;
    let per_person = panel_h / most as f64;
    let y_of = |people: f64| panel_bottom - people * per_person;

    // Every other lane banded, then the grid: time, and people.
    for i in (1..data.lanes.len()).step_by(2) {
        let top = lanes_top + lane_h * i as f64;
        scene.rect(
            Role::Frame,
            (size::MARGIN, top, right, top + lane_h),
            colour::BAND,
        );
    }
    frame::grid(&mut scene, &scale, &ticks, panel_top, panel_bottom);
    frame::grid(&mut scene, &scale, &ticks, lanes_top, lanes_bottom);
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

    // Gap shading over the bands and grid, under the crews and lanes; solid edges keep it apart
    // from the banding in greyscale.
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

    // The stacked crews.
    let crew_paint = |i: usize| {
        if i % 2 == 0 {
            colour::CREW
        } else {
            colour::CREW_ALT
        }
    };
    let mut outline = Vec::new();
    for step in &steps {
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
    // Each crew's name in its widest step, where it fits.
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
        let text_size = size::NOTE.min(band_h * 0.6);
        if text_size < 8.0 {
            continue;
        }
        let text = format!("{} ({})", crew.label, crew.people);
        let text = theme::fit(&text, text_size, true, room - 10.0);
        if text.chars().count() < 4 {
            continue;
        }
        let cy = y_of(base as f64 + crew.people as f64 / 2.0);
        scene.text(
            Role::Occupancy,
            (scale.x(step.from) + 6.0, cy + text_size * 0.36),
            text,
            text_size,
            true,
            colour::PAPER,
            Anchor::Start,
        );
    }

    // Lanes.
    let bar_h = (lane_h * 0.5).max(1.0);
    for (i, lane) in data.lanes.iter().enumerate() {
        let cy = lanes_top + lane_h * (i as f64 + 0.5);
        // Too many lanes to name each: every n-th is named.
        if i % label_every == 0 {
            lane_label(&mut scene, i, lane, (cy, label_size, label_w));
        }
        let x0 = scale.clamped(lane.docked);
        let x1 = scale.clamped(lane.undocked.unwrap_or(now)).max(x0 + 2.0);
        let (y0, y1) = (cy - bar_h / 2.0, cy + bar_h / 2.0);
        frame::bar(
            &mut scene,
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
                    &mut scene,
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

    // Gap labels above the crew panel, on as many lines as it takes to keep them apart.
    let now_h = if now_shown { frame::NOW_LABEL_H } else { 0.0 };
    let label_top = panel_top - caption_h - now_h - gap_label_h + 4.0;
    for (g, gap, line) in place_gap_labels(data, &scale) {
        let (x0, x1) = (
            scale.clamped(gap.start),
            scale.clamped(gap.end.unwrap_or(now)),
        );
        let mid = (x0 + x1) / 2.0;
        let text = gap_text(gap, now);
        let tw = theme::text_width(&text, size::NOTE, true);
        let x = (mid - tw / 2.0).clamp(size::MARGIN, right - tw);
        let baseline = label_top + line as f64 * size::NOTE * 2.6 + size::NOTE;
        scene.text(
            Role::Gap(g),
            (x, baseline),
            text,
            size::NOTE,
            true,
            colour::ANOMALY_TEXT,
            Anchor::Start,
        );
        scene.line(
            Role::Gap(g),
            vec![(mid, baseline + 4.0), (mid, panel_top)],
            colour::ANOMALY,
            1.0,
        );
    }

    frame::tick_labels(&mut scene, &scale, &ticks, lanes_bottom, true);
    if now_shown {
        frame::now_line(&mut scene, &scale, now, panel_top - caption_h, lanes_bottom);
    }
    Ok(scene)
}

/// A lane's label: the flight's name, and its seats where there is room.
fn lane_label(scene: &mut Scene, i: usize, lane: &DockedLane, (cy, size, width): (f64, f64, f64)) {
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

fn seats(n: u32) -> String {
    if n == 1 {
        "1 seat".into()
    } else {
        format!("{n} seats")
    }
}

/// The label of a gap: its text and how long it lasted.
fn gap_text(gap: &CoverageGap, now: DateTime<Utc>) -> String {
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

/// Each gap with the line its label goes on.
fn place_gap_labels<'a>(
    data: &'a StationData,
    scale: &TimeScale,
) -> Vec<(usize, &'a CoverageGap, usize)> {
    let mut lines: Vec<f64> = Vec::new(); // the right end of the last label on each line
    let mut out = Vec::new();
    for (g, gap) in data.gaps.iter().enumerate() {
        let end = gap.end.unwrap_or(data.end);
        let mid = (scale.clamped(gap.start) + scale.clamped(end)) / 2.0;
        let tw = theme::text_width(
            &format!("{} · 000 d, still open", gap.label),
            size::NOTE,
            true,
        );
        let left = mid - tw / 2.0;
        let line = match lines.iter().position(|&r| r + 16.0 <= left) {
            Some(l) => l,
            None => {
                lines.push(f64::MIN);
                lines.len() - 1
            }
        };
        lines[line] = mid + tw / 2.0;
        out.push((g, gap, line));
    }
    out
}

fn gap_label_lines(data: &StationData, scale: &TimeScale) -> usize {
    place_gap_labels(data, scale)
        .iter()
        .map(|(_, _, l)| l + 1)
        .max()
        .unwrap_or(0)
}
