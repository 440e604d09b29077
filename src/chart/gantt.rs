//! The mission Gantt: one row per crew stay (or flight, or astronaut) against time.
//!
//! In the default stay mode, people who went up together and came down together at the same times share
//! a row ("Shenzhou-20 · Chen Dong, Chen Zhongrui, Wang Jie"); a flight whose spacecraft did not simply
//! carry its crew up and back (launched or landed empty, or brought another crew home) also gets a thin
//! row of its own, so a vehicle swap can be drawn as a connector from the crew's row to the row of the
//! spacecraft that brought them down. Bars are solid from launch to landing; the planned return is a
//! tinted, outlined ghost bar behind; flights still in orbit fade into an arrowhead at `now`, never a
//! landing. Notes beside the bars give the duration and the slip; record badges come from the caller.
//!
//! Rows shrink to fit (down to a few pixels for thousands of rows), and then labels thin out to every
//! n-th row, notes and markers are left out, so that nothing overlaps.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};

use super::axis::{self, at, TimeScale};
use super::frame::{self, Entry, Swatch};
use super::scene::{Anchor, MarkerKind, Role, Scene};
use super::theme::{self, colour, size, Paint};
use super::{Badge, ChartError, ChartOptions, RowMode};
use crate::catalog::Catalog;
use crate::model::{EventKind, Flight};
use crate::timeline::{self, StayReport};

/// The default canvas width.
pub(crate) const DEFAULT_WIDTH: u32 = 1600;

/// Which row a bar, badge or connector belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum RowKey {
    /// A crew (stay mode), by its index among the crews.
    Crew(usize),
    /// A spacecraft's own flight (stay mode).
    Vehicle(String),
    /// A flight (flight mode).
    Flight(String),
    /// A person (astronaut mode).
    Astronaut(String),
}

/// One row.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The bold part of the label.
    pub title: String,
    /// The rest of the label.
    pub detail: String,
    /// What it is.
    pub key: RowKey,
    /// A spacecraft row, drawn thinner.
    pub thin: bool,
    /// Its bars, in time order.
    pub bars: Vec<Bar>,
}

/// One interval on a row.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    /// Launch.
    pub start: DateTime<Utc>,
    /// Landing; `None` while in orbit.
    pub end: Option<DateTime<Utc>>,
    /// The planned landing.
    pub planned_end: Option<DateTime<Utc>>,
    /// The fill.
    pub paint: Paint,
    /// From when the spacecraft was unfit for crew return.
    pub unfit_from: Option<DateTime<Utc>>,
    /// Event markers.
    pub markers: Vec<(DateTime<Utc>, MarkerKind)>,
    /// The note beside the bar's end.
    pub note: String,
    /// The duration part of the note, dropped when a badge says it.
    pub duration: String,
    /// The stays it shows, as (astronaut, up flight), to match badges.
    pub stays: Vec<(String, String)>,
    /// A record badge.
    pub badge: Option<String>,
    /// Flight rows: when the launch crew came down, where that was after this spacecraft landed (they
    /// stayed in orbit without it; drawn as a thin line up to the swap connector).
    pub crew_after: Option<DateTime<Utc>>,
}

/// A vehicle-swap connector.
#[derive(Debug, Clone)]
pub(crate) struct Connector {
    pub from: RowKey,
    pub to: RowKey,
    pub at: DateTime<Utc>,
}

/// The rows and connectors of a Gantt, before layout.
pub(crate) struct Plan {
    pub rows: Vec<Row>,
    pub connectors: Vec<Connector>,
}

/// A short duration: `21 h`, `204 d` (days rounded).
fn duration_text(seconds: i64) -> String {
    if seconds < 86_400 {
        format!("{} h", (seconds + 1_800) / 3_600)
    } else {
        format!("{} d", (seconds + 43_200) / 86_400)
    }
}

fn marker_kind(kind: EventKind) -> Option<MarkerKind> {
    match kind {
        EventKind::Eva => Some(MarkerKind::Eva),
        EventKind::Anomaly => Some(MarkerKind::Anomaly),
        EventKind::ScheduleChange => Some(MarkerKind::Schedule),
        EventKind::Handover | EventKind::Milestone => None,
    }
}

/// The markers of `flight`'s events; EVAs only where `who` (when given) took part.
fn markers(flight: &Flight, who: Option<&BTreeSet<&str>>) -> Vec<(DateTime<Utc>, MarkerKind)> {
    let mut out: Vec<(DateTime<Utc>, MarkerKind)> = flight
        .events
        .iter()
        .filter(|e| {
            e.kind != EventKind::Eva
                || e.crew.is_empty()
                || who.is_none_or(|who| e.crew.iter().any(|c| who.contains(c.as_str())))
        })
        .filter_map(|e| marker_kind(e.kind).map(|k| (at(&e.time), k)))
        .collect();
    if let Some(t) = flight.docking.as_ref().and_then(|d| d.time.as_ref()) {
        out.push((at(t), MarkerKind::Docking));
    }
    out
}

/// When each flight's spacecraft became unfit for crew return (the earliest anomaly that said so), by
/// flight id.
pub(crate) fn unfit_times(catalog: &Catalog) -> HashMap<String, DateTime<Utc>> {
    let mut out: HashMap<String, DateTime<Utc>> = HashMap::new();
    for unfit in crate::timeline::station::unfit_declarations(catalog) {
        let t = at(&unfit.from);
        out.entry(unfit.vehicle)
            .and_modify(|e| *e = (*e).min(t))
            .or_insert(t);
    }
    out
}

/// The note for a stay: duration, slip, still in orbit.
fn stay_note(report: &StayReport, swap_label: Option<String>) -> (String, String) {
    let duration = if report.in_orbit {
        format!("{} to now", duration_text(report.seconds))
    } else {
        duration_text(report.seconds)
    };
    let mut parts = Vec::new();
    if let Some(days) = report.slip.as_ref().and_then(|s| s.days) {
        match days {
            d if d > 0 => parts.push(format!("{d} d late")),
            d if d < 0 => parts.push(format!("{} d early", -d)),
            _ => {}
        }
    }
    if let Some(label) = swap_label {
        parts.push(label);
    }
    if report.in_orbit && report.may_have_ended {
        if let Some(checked) = &report.checked {
            parts.push(format!("last checked {}", axis::day(checked.instant())));
        }
    }
    (duration, parts.join(" · "))
}

/// Builds the rows `options` ask for.
pub(crate) fn plan(catalog: &Catalog, options: &ChartOptions, now: DateTime<Utc>) -> Plan {
    let flights: Vec<&Flight> = catalog
        .flights()
        .iter()
        .filter(|f| options.scope.admits(f) && f.launch.time.is_some())
        .map(|f| &**f)
        .collect();
    let reports: HashMap<(String, String), StayReport> = flights
        .iter()
        .filter_map(|f| timeline::duration(catalog, &f.id, now).ok())
        .flat_map(|r| r.stays)
        .map(|s| ((s.astronaut.clone(), s.up.clone()), s))
        .collect();
    let unfit = unfit_times(catalog);
    let planned: HashMap<(&str, &str), DateTime<Utc>> = catalog
        .stays()
        .iter()
        .filter_map(|s| {
            Some((
                (s.astronaut.as_str(), s.up.as_str()),
                at(s.planned_end.as_ref()?),
            ))
        })
        .collect();
    let name = |id: &str| {
        catalog
            .flight(id)
            .map_or(id.to_string(), |f| f.name.clone())
    };
    let mut rows = Vec::new();
    let mut connectors = Vec::new();
    match options.rows {
        RowMode::Stay => {
            // Crews: stays that share up and down flights and times.
            let mut crews: Vec<(Vec<&StayReport>, DateTime<Utc>)> = Vec::new();
            let mut index: HashMap<(String, Option<String>, String, Option<String>), usize> =
                HashMap::new();
            for stay in catalog.stays() {
                let Some(report) = reports.get(&(stay.astronaut.clone(), stay.up.clone())) else {
                    continue;
                };
                let key = (
                    stay.up.clone(),
                    stay.down.clone(),
                    stay.start.to_string(),
                    stay.end.as_ref().map(|e| e.to_string()),
                );
                match index.get(&key) {
                    Some(&i) => crews[i].0.push(report),
                    None => {
                        index.insert(key, crews.len());
                        crews.push((vec![report], at(&stay.start)));
                    }
                }
            }
            let vehicle_rows: BTreeSet<&str> = flights
                .iter()
                .filter(|f| needs_vehicle_row(f))
                .map(|f| f.id.as_str())
                .collect();
            let mut keyed: Vec<(DateTime<Utc>, bool, usize, Row)> = Vec::new();
            for (i, (members, start)) in crews.iter().enumerate() {
                let first = members[0];
                let Some(up) = catalog.flight(&first.up) else {
                    continue;
                };
                let who: BTreeSet<&str> = members.iter().map(|m| m.astronaut.as_str()).collect();
                let swap_label = first
                    .down
                    .as_deref()
                    .filter(|_| first.vehicle_swap)
                    .map(|d| format!("home on {}", name(d)));
                if let (true, Some(down)) = (first.vehicle_swap, first.down.as_deref()) {
                    if vehicle_rows.contains(down) {
                        if let Some(end) = &first.end {
                            connectors.push(Connector {
                                from: RowKey::Crew(i),
                                to: RowKey::Vehicle(down.to_string()),
                                at: at(end),
                            });
                        }
                    }
                }
                let (duration, note) = stay_note(first, swap_label);
                keyed.push((
                    *start,
                    false,
                    i,
                    Row {
                        title: up.name.clone(),
                        detail: members
                            .iter()
                            .map(|m| m.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        key: RowKey::Crew(i),
                        thin: false,
                        bars: vec![Bar {
                            start: *start,
                            end: first.end.as_ref().map(at),
                            planned_end: planned
                                .get(&(first.astronaut.as_str(), first.up.as_str()))
                                .copied(),
                            paint: colour::CREW,
                            unfit_from: None,
                            markers: markers(up, Some(&who)),
                            note,
                            duration,
                            stays: members
                                .iter()
                                .map(|m| (m.astronaut.clone(), m.up.clone()))
                                .collect(),
                            badge: None,
                            crew_after: None,
                        }],
                    },
                ));
            }
            for flight in flights
                .iter()
                .filter(|f| vehicle_rows.contains(f.id.as_str()))
            {
                let Some(launch) = flight.launch_time() else {
                    continue;
                };
                let brought: Vec<String> = {
                    let mut ups: Vec<String> = catalog
                        .stays()
                        .iter()
                        .filter(|s| s.down.as_deref() == Some(&flight.id) && s.up != flight.id)
                        .map(|s| name(&s.up))
                        .collect();
                    ups.dedup();
                    ups
                };
                let mut detail = Vec::new();
                if flight.launch.crew.is_empty() {
                    detail.push("uncrewed up".to_string());
                }
                if !brought.is_empty() {
                    detail.push(format!("returned {} crew", brought.join(", ")));
                } else if flight.landing_time().is_some() && flight.landing_crew().is_empty() {
                    detail.push("landed uncrewed".to_string());
                }
                let end = flight.landing_time().map(at);
                let seconds = (end.unwrap_or(now) - at(launch)).num_seconds();
                keyed.push((
                    at(launch),
                    true,
                    usize::MAX,
                    Row {
                        title: format!("{} spacecraft", flight.name),
                        detail: detail.join(", "),
                        key: RowKey::Vehicle(flight.id.clone()),
                        thin: true,
                        bars: vec![Bar {
                            start: at(launch),
                            end,
                            planned_end: None,
                            paint: colour::VEHICLE,
                            unfit_from: unfit.get(flight.id.as_str()).copied(),
                            markers: if flight.launch.crew.is_empty() {
                                markers(flight, None)
                            } else {
                                Vec::new()
                            },
                            note: String::new(),
                            duration: duration_text(seconds),
                            stays: Vec::new(),
                            badge: None,
                            crew_after: None,
                        }],
                    },
                ));
            }
            keyed.sort_by_key(|k| (k.0, k.1, k.2));
            rows = keyed.into_iter().map(|k| k.3).collect();
        }
        RowMode::Flight => {
            for flight in &flights {
                let Some(launch) = flight.launch_time() else {
                    continue;
                };
                let crew: Vec<&str> = flight
                    .launch
                    .crew
                    .iter()
                    .map(|c| catalog.name_of(&c.astronaut))
                    .collect();
                let end = flight.landing_time().map(at);
                let seconds = (end.unwrap_or(now) - at(launch)).num_seconds();
                let mut notes = Vec::new();
                let swapped: Vec<&crate::catalog::Stay> = catalog
                    .stays()
                    .iter()
                    .filter(|s| s.up == flight.id && s.is_vehicle_swap())
                    .collect();
                if let Some(stay) = swapped.first() {
                    if let (Some(down), Some(end)) = (&stay.down, &stay.end) {
                        notes.push(format!("crew home on {}", name(down)));
                        if flights.iter().any(|f| &f.id == down) {
                            connectors.push(Connector {
                                from: RowKey::Flight(flight.id.clone()),
                                to: RowKey::Flight(down.clone()),
                                at: at(end),
                            });
                        }
                    }
                }
                if end.is_some() && flight.landing_crew().is_empty() && !crew.is_empty() {
                    notes.push("landed uncrewed".into());
                }
                rows.push(Row {
                    title: flight.name.clone(),
                    detail: if crew.is_empty() {
                        "uncrewed".to_string()
                    } else {
                        crew.join(", ")
                    },
                    key: RowKey::Flight(flight.id.clone()),
                    thin: false,
                    bars: vec![Bar {
                        start: at(launch),
                        end,
                        planned_end: flight.planned_landing().map(at),
                        paint: if crew.is_empty() {
                            colour::VEHICLE
                        } else {
                            colour::CREW
                        },
                        unfit_from: unfit.get(flight.id.as_str()).copied(),
                        markers: markers(flight, None),
                        note: notes.join(" · "),
                        duration: if end.is_some() {
                            duration_text(seconds)
                        } else {
                            format!("{} to now", duration_text(seconds))
                        },
                        stays: flight
                            .launch
                            .crew
                            .iter()
                            .map(|c| (c.astronaut.clone(), flight.id.clone()))
                            .collect(),
                        badge: None,
                        crew_after: swapped
                            .first()
                            .and_then(|s| s.end.as_ref())
                            .map(at)
                            .filter(|e| end.is_some_and(|landed| *e > landed)),
                    }],
                });
            }
        }
        RowMode::Astronaut => {
            let mut people: Vec<(DateTime<Utc>, String, Vec<&StayReport>)> = Vec::new();
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for stay in catalog.stays() {
                let Some(report) = reports.get(&(stay.astronaut.clone(), stay.up.clone())) else {
                    continue;
                };
                match seen.get(stay.astronaut.as_str()) {
                    Some(&i) => people[i].2.push(report),
                    None => {
                        seen.insert(&stay.astronaut, people.len());
                        people.push((at(&stay.start), stay.astronaut.clone(), vec![report]));
                    }
                }
            }
            for (_, astronaut, stays) in people {
                let total: i64 = stays.iter().map(|s| s.seconds).sum();
                let who: BTreeSet<&str> = [astronaut.as_str()].into_iter().collect();
                let bars = stays
                    .iter()
                    .filter_map(|s| {
                        let up = catalog.flight(&s.up)?;
                        let swap = s
                            .down
                            .as_deref()
                            .filter(|_| s.vehicle_swap)
                            .map(|d| format!("home on {}", name(d)));
                        let (duration, note) = stay_note(s, swap);
                        Some(Bar {
                            start: at(&s.start),
                            end: s.end.as_ref().map(at),
                            planned_end: up.planned_landing().map(at),
                            paint: colour::CREW,
                            unfit_from: None,
                            markers: markers(up, Some(&who)),
                            note: [up.name.clone(), note]
                                .into_iter()
                                .filter(|p| !p.is_empty())
                                .collect::<Vec<_>>()
                                .join(" · "),
                            duration,
                            stays: vec![(astronaut.clone(), s.up.clone())],
                            badge: None,
                            crew_after: None,
                        })
                    })
                    .collect();
                rows.push(Row {
                    title: catalog.name_of(&astronaut).to_string(),
                    detail: if stays.len() > 1 {
                        format!("{} in {} stays", duration_text(total), stays.len())
                    } else {
                        String::new()
                    },
                    key: RowKey::Astronaut(astronaut.clone()),
                    thin: false,
                    bars,
                });
            }
        }
    }
    Plan { rows, connectors }
}

/// A spacecraft that did not simply carry its crew up and back gets a row of its own.
fn needs_vehicle_row(flight: &Flight) -> bool {
    let up: BTreeSet<&str> = flight
        .launch
        .crew
        .iter()
        .map(|c| c.astronaut.as_str())
        .collect();
    let down: BTreeSet<&str> = flight
        .landing_crew()
        .iter()
        .map(|c| c.astronaut.as_str())
        .collect();
    up.is_empty() || (flight.landing_time().is_some() && up != down)
}

/// Puts `badges` on the bars whose stays they name.
fn apply_badges(rows: &mut [Row], badges: &[Badge]) {
    for row in rows {
        for bar in &mut row.bars {
            let texts: Vec<&str> = badges
                .iter()
                .filter(|b| {
                    bar.stays.iter().any(|(who, up)| {
                        &b.up == up && b.astronaut.as_ref().is_none_or(|a| a == who)
                    })
                })
                .map(|b| b.text.as_str())
                .fold(Vec::new(), |mut acc, t| {
                    if !acc.contains(&t) {
                        acc.push(t);
                    }
                    acc
                });
            if !texts.is_empty() {
                bar.badge = Some(texts.join(" · "));
            }
        }
    }
}

/// Lays the Gantt out; returns the scene and the number of rows.
pub(crate) fn layout(
    catalog: &Catalog,
    options: &ChartOptions,
    now: DateTime<Utc>,
    badges: &[Badge],
) -> Result<(Scene, usize), ChartError> {
    super::check_station(catalog, &options.scope)?;
    theme::register_fonts().map_err(ChartError::Render)?;
    let Plan {
        mut rows,
        connectors,
    } = plan(catalog, options, now);
    apply_badges(&mut rows, badges);

    // The time range: as asked, or everything shown with a little air.
    let end_of = |b: &Bar| b.end.unwrap_or(now).max(b.start);
    let (first, last) = rows.iter().flat_map(|r| r.bars.iter()).fold(
        (None, None),
        |(lo, hi): (Option<DateTime<Utc>>, Option<DateTime<Utc>>), b| {
            (
                Some(lo.map_or(b.start, |l| l.min(b.start))),
                Some(hi.map_or(end_of(b), |h| h.max(end_of(b)))),
            )
        },
    );
    let (Some(first), Some(last)) = (first, last) else {
        return Err(ChartError::Nothing(nothing(catalog, options)));
    };
    let (start, end) = super::axis_range(options, first, last);
    rows.retain(|r| r.bars.iter().any(|b| b.start <= end && end_of(b) >= start));
    if rows.is_empty() {
        return Err(ChartError::Nothing(nothing(catalog, options)));
    }
    let row_of: HashMap<RowKey, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.clone(), i))
        .collect();

    let n = rows.len();
    let width = options.size.map_or(DEFAULT_WIDTH, |s| s.width);
    let w = width as f64;

    // Header and legend, measured first.
    let present = |f: &dyn Fn(&Bar) -> bool| rows.iter().flat_map(|r| r.bars.iter()).any(f);
    let now_shown = now >= start && now <= end;
    let mut entries = vec![Entry::new(
        Swatch::Bar(colour::CREW),
        match options.rows {
            RowMode::Flight => "crewed flight, launch to landing",
            _ => "crew in orbit, launch to landing",
        },
    )];
    if rows.iter().any(|r| r.thin) || present(&|b| b.paint == colour::VEHICLE) {
        entries.push(Entry::new(
            Swatch::Thin(colour::VEHICLE),
            "spacecraft without its launch crew",
        ));
    }
    if present(&|b| b.planned_end.is_some()) {
        entries.push(Entry::new(Swatch::Ghost, "planned return"));
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
    // Markers are listed when at least one will be drawn; that depends on the row height, so the
    // legend is finished after the rows are sized.
    let subtitle = {
        let what = match options.rows {
            RowMode::Stay => "One row per crew",
            RowMode::Flight => "One row per flight",
            RowMode::Astronaut => "One row per astronaut",
        };
        let scope = super::scope_words(catalog, &options.scope);
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
                RowKey::Vehicle(id) | RowKey::Flight(id) => {
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
        let period = super::period(first.max(start), last.min(end));
        match programs.iter().next() {
            Some(p) if programs.len() == 1 => format!("{p} {what}, {period}"),
            _ => {
                let mut what = what.to_string();
                what[..1].make_ascii_uppercase();
                format!("{what}, {period}")
            }
        }
    };

    let base_entries = entries;
    let extras = |kinds: &[MarkerKind]| {
        let mut list = base_entries.clone();
        list.extend(kinds.iter().map(|k| marker_entry(*k)));
        if rows
            .iter()
            .any(|r| r.bars.iter().any(|b| b.badge.is_some()))
        {
            list.push(Entry::new(Swatch::Badge, "record"));
        }
        if now_shown {
            list.push(Entry::new(Swatch::Now, "now"));
        }
        list
    };
    let subtitles = [super::catalog_line(catalog, now), subtitle];
    let mut probe = Scene::new(width, 1);
    let below_header = frame::header(&mut probe, &title, &subtitles);
    // Sizes are decided with every marker kind the rows hold in the legend; the legend drawn lists
    // those actually placed (rows too thin carry none), so it is never taller than planned. Marker
    // positions depend only on the time scale, which the legend does not change.
    let legend_bottom = frame::legend(
        &mut probe,
        &extras(&marker_kinds_present(&rows, start, end)),
        below_header,
        false,
    );
    let mut geo = geometry(&rows, options, (start, end), now, legend_bottom, now_shown)?;
    let placed = place_markers(&rows, &geo, now);
    let kinds: Vec<MarkerKind> = [
        MarkerKind::Eva,
        MarkerKind::Anomaly,
        MarkerKind::Schedule,
        MarkerKind::Docking,
    ]
    .into_iter()
    .filter(|k| placed.iter().any(|p| p.2 == *k))
    .collect();
    let legend_entries = extras(&kinds);
    if options.size.and_then(|s| s.height).is_none() {
        // Rows do not depend on the legend here: fit the canvas to the legend drawn.
        let legend_bottom = frame::legend(&mut probe, &legend_entries, below_header, false);
        geo = geometry(&rows, options, (start, end), now, legend_bottom, now_shown)?;
    }
    let Geometry {
        row_h,
        height,
        plot_top,
        label_size,
        label_every,
        show_notes,
        show_bands,
        bar_h,
        thin_h,
        label_w,
        scale,
        top_axis,
        marker_size,
    } = geo;
    let plot_bottom = plot_top + row_h * n as f64;
    let right_edge = w - size::MARGIN;
    let mut scene = Scene::new(width, height);
    scene.axis = Some(scale);

    // Header, legend.
    let y = frame::header(&mut scene, &title, &subtitles);
    frame::legend(&mut scene, &legend_entries, y, true);

    // Bands and grid.
    let ticks = axis::ticks(&scale);
    let row_top = |i: usize| plot_top + row_h * i as f64;
    let centre = |i: usize| row_top(i) + row_h / 2.0;
    if show_bands {
        for i in (1..n).step_by(2) {
            scene.rect(
                Role::Frame,
                (size::MARGIN, row_top(i), right_edge, row_top(i) + row_h),
                colour::BAND,
            );
        }
    }
    frame::grid(&mut scene, &scale, &ticks, plot_top, plot_bottom);
    scene.line(
        Role::Frame,
        vec![(scale.left, plot_bottom), (right_edge, plot_bottom)],
        colour::MUTED,
        1.0,
    );

    // Labels.
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

    // Ghost bars behind, then bars.
    for (i, row) in rows.iter().enumerate() {
        let h = if row.thin { thin_h } else { bar_h };
        let ghost_h = (row_h * 0.84).max(h + 2.0).min(row_h);
        for bar in &row.bars {
            if let Some(planned) = bar.planned_end {
                let (x0, x1) = (scale.clamped(bar.start), scale.clamped(planned));
                if x1 > x0 {
                    frame::ghost(
                        &mut scene,
                        Role::Ghost(i),
                        (
                            x0,
                            centre(i) - ghost_h / 2.0,
                            x1.max(x0 + 2.0),
                            centre(i) + ghost_h / 2.0,
                        ),
                        bar.paint,
                    );
                }
            }
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let h = if row.thin { thin_h } else { bar_h };
        let (y0, y1) = (centre(i) - h / 2.0, centre(i) + h / 2.0);
        for bar in &row.bars {
            let (x0, x1, open) = extent(bar, &scale, now);
            frame::bar(
                &mut scene,
                i,
                (x0, y0, x1, y1),
                frame::BarStyle {
                    paint: bar.paint,
                    open,
                    clipped: (bar.start < scale.start, bar.end.unwrap_or(now) > scale.end),
                    unfit_from: bar.unfit_from.map(|u| scale.clamped(u)),
                },
            );
        }
    }

    // Crews who stayed up after their spacecraft left: a thin line to the swap connector.
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

    // Connectors, over the bars.
    for c in &connectors {
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
        frame::arrowhead(&mut scene, role, (x, yb), down, s);
    }

    // Markers: docking under the others, anomalies on top.
    let mut placed = placed;
    placed.sort_by_key(|p| (marker_order(p.2), p.0));
    for &(i, x, kind) in &placed {
        let h = if rows[i].thin { thin_h } else { bar_h };
        frame::marker(
            &mut scene,
            Role::Marker(kind, i),
            kind,
            x,
            centre(i),
            marker_size,
            h,
        );
    }

    // Badges and notes beside the bars, clear of the lines that cross their rows.
    if show_notes {
        let note_size = size::NOTE.min(row_h * 0.62);
        // The line at now crosses every row; a connector, the rows between its ends.
        let mut crossings: Vec<Vec<f64>> = vec![
            if now_shown {
                vec![scale.x(now)]
            } else {
                Vec::new()
            };
            n
        ];
        for c in &connectors {
            if let (Some(&a), Some(&b)) = (row_of.get(&c.from), row_of.get(&c.to)) {
                for row in crossings.iter_mut().take(a.max(b)).skip(a.min(b) + 1) {
                    row.push(scale.x(c.at));
                }
            }
        }
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
                if bar.end.is_some_and(|e| e > scale.end) || (bar.end.is_none() && now > scale.end)
                {
                    continue;
                }
                if let Some(badge) = &bar.badge {
                    let pill_h = (row_h * 0.72).min(18.0);
                    let text_w = theme::text_width(badge, (pill_h * 0.72).min(11.5), true) + 10.0;
                    if x + text_w <= limit {
                        x += frame::badge_pill(
                            &mut scene,
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

    // The axis, and the line at now.
    frame::tick_labels(&mut scene, &scale, &ticks, plot_bottom, true);
    if top_axis {
        frame::tick_labels(
            &mut scene,
            &scale,
            &ticks,
            plot_top - if now_shown { frame::NOW_LABEL_H } else { 0.0 },
            false,
        );
    }
    if now_shown {
        frame::now_line(&mut scene, &scale, now, plot_top, plot_bottom);
    }
    Ok((scene, n))
}

/// Sizes and positions of a Gantt, decided before drawing.
struct Geometry {
    row_h: f64,
    height: u32,
    plot_top: f64,
    label_size: f64,
    label_every: usize,
    show_notes: bool,
    show_bands: bool,
    bar_h: f64,
    thin_h: f64,
    label_w: f64,
    scale: TimeScale,
    top_axis: bool,
    /// 0 when markers are left out.
    marker_size: f64,
}

/// Row heights from the canvas (or the canvas from the rows), what a row of that height can carry, the
/// label column and the time scale.
fn geometry(
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
    super::check_room(
        options.size,
        fixed.map_or(f64::MAX, |h| h as f64 - plot_top - axis_h - size::MARGIN),
    )?;
    let row_h = match fixed {
        Some(h) => ((h as f64 - plot_top - axis_h - size::MARGIN) / n as f64).max(0.2),
        None if n <= 34 => 26.0,
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
        // where these do not fit before the bar either (see the notes in `layout`).
        for _ in 0..2 {
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
                    let note = theme::text_width(&note_text(b), size::NOTE, false);
                    let before = j
                        .checked_sub(1)
                        .and_then(|k| row.bars.get(k))
                        .map_or(scale.left, |prev| extent(prev, &scale, now).1 + 8.0);
                    let fits_before = x0 - 6.0 - note >= before && b.start > scale.start;
                    let fits_after = from + badge + note <= right_edge;
                    from + badge
                        + if fits_after || !fits_before {
                            note
                        } else {
                            0.0
                        }
                        - right_edge
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
fn extent(bar: &Bar, scale: &TimeScale, now: DateTime<Utc>) -> (f64, f64, bool) {
    let x0 = scale.clamped(bar.start);
    let end = bar.end.unwrap_or(now).max(bar.start);
    let x1 = scale.clamped(end).max(x0 + 2.0);
    (x0, x1, bar.end.is_none() && now <= scale.end)
}

/// How far an open end's arrowhead reaches past `now`.
fn open_tip(bar_h: f64) -> f64 {
    (bar_h * 0.7).clamp(3.0, 9.0)
}

/// Where each event marker goes: (row, x, kind). Markers that would sit on one another with the same
/// shape are thinned to one; docking ticks at the very start or end of a bar are left out (at this scale
/// they would only mark the launch or landing again).
fn place_markers(
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

fn marker_order(kind: MarkerKind) -> u8 {
    match kind {
        MarkerKind::Docking => 0,
        MarkerKind::Eva => 1,
        MarkerKind::Schedule => 2,
        MarkerKind::Anomaly => 3,
    }
}

fn marker_entry(kind: MarkerKind) -> Entry {
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
fn marker_kinds_present(rows: &[Row], start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<MarkerKind> {
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

fn label_width(row: &Row, size: f64) -> f64 {
    let title = theme::text_width(&row.title, size, !row.thin);
    let detail = if row.detail.is_empty() {
        0.0
    } else {
        6.0 + theme::text_width(&row.detail, size * 0.92, false)
    };
    title + detail
}

fn note_text(bar: &Bar) -> String {
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

fn nothing(catalog: &Catalog, options: &ChartOptions) -> String {
    let scope = super::scope_words(catalog, &options.scope);
    let range = match (&options.from, &options.to) {
        (None, None) => String::new(),
        (from, to) => format!(
            " between {} and {}",
            from.as_ref().map_or("the start".into(), |t| t.to_string()),
            to.as_ref().map_or("now".into(), |t| t.to_string())
        ),
    };
    if scope.is_empty() {
        format!("no crewed flight in the catalog{range}")
    } else {
        format!("no flight matches {scope}{range}")
    }
}
