//! What the timeline page draws, as one serialisable value: the row model the SVG draws
//! ([`crate::timeline::rows`]), serialised as it is, and beside it, bar by bar, the facts a reader hovers
//! or clicks for (crew, the exact elapsed time and the day conventions as `orbitline duration` prints
//! them, the events behind each marker, the why-chain of a slip or swap, the sources), the flights'
//! programme, nation and station for grouping and filters, and the name index the command line resolves
//! names with, so the search box matches as the command line does.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::super::{
    catalog_line, station_data, ChartError, ChartInput, ChartKind, ChartOptions, RowMode,
};
use crate::catalog::names::{Kind, Names};
use crate::catalog::{Catalog, Stay};
use crate::model::{EventKind, Flight, Precision, Time};
use crate::timeline::rows::{self, at, MarkerKind, Row, RowKey, RowPlan};
use crate::timeline::{format_elapsed, stay_report, Cause, DayConventions, Elapsed};

/// Everything the page shows.
#[derive(Debug, Serialize)]
pub struct PageData {
    /// `gantt` or `station`.
    pub kind: ChartKind,
    /// The heading.
    pub title: String,
    /// The catalog, when it was checked, the time conventions (the SVG's subtitle).
    pub catalog_line: String,
    /// Flights still in orbit end here: the now line.
    pub now: String,
    /// When the catalog was last checked against its sources: the "last checked" line.
    pub checked: Option<String>,
    /// The view the command line asked for (`--from/--to/--program/--nation/--station/--rows`).
    pub view: View,
    /// The Gantt's rows and connectors, as the SVG draws them.
    pub plan: RowPlan,
    /// For each row, for each of its bars, what a reader hovers or clicks for.
    pub facts: Vec<Vec<BarFacts>>,
    /// The flights the rows show, by id.
    pub flights: BTreeMap<String, FlightFacts>,
    /// Folded name → what it names (`a:chen-dong`, `f:shenzhou-20`): the command line's name index.
    pub names: BTreeMap<String, Vec<String>>,
    /// For the given-name prefix rule (`Tim Peake`): each astronaut's words, `[names, nicknames]` for
    /// their name and their native name, folded.
    pub people: BTreeMap<String, Vec<[Vec<String>; 2]>>,
    /// The short forms of given names the rule knows (`mike` → `michael`).
    pub short_forms: BTreeMap<String, Vec<String>>,
    /// The station view (`--kind station`).
    pub station: Option<StationPage>,
}

/// The view preselected from the command line.
#[derive(Debug, Serialize)]
pub struct View {
    /// The start of the window (UTC), when `--from` was given.
    pub from: Option<String>,
    /// Its end, when `--to` was given.
    pub to: Option<String>,
    /// `--program`.
    pub program: Option<String>,
    /// `--nation`.
    pub nation: Option<String>,
    /// `--station`.
    pub station: Option<String>,
    /// `--rows`.
    pub rows: RowMode,
}

/// What the page shows about one bar.
#[derive(Debug, Default, Serialize)]
pub struct BarFacts {
    /// The flight the bar belongs to (the crew's up flight, or the spacecraft's flight).
    pub flight: String,
    /// The crew, names with roles.
    pub crew: Vec<String>,
    /// Launch, as the command line prints it (`2025-04-24 09:17:31 UTC`).
    pub start: String,
    /// Landing, likewise; empty while in orbit.
    pub end: String,
    /// Launch and landing as the sources published them, when that says more than UTC (another zone):
    /// `2025-04-24T17:17:31+08:00 → 2025-11-14T16:40:31+08:00`; empty otherwise.
    pub published: String,
    /// The exact elapsed time: `203 d 23 h 23 min`.
    pub elapsed: String,
    /// The day conventions: `204 rounded, 203 floor, 204 ceil; calendar dates 204 (UTC), 204 (+08:00)`.
    pub days: String,
    /// Up and down vehicles: `up Shenzhou-20, down Shenzhou-21 (vehicle swap)`.
    pub vehicles: String,
    /// Planned against actual return, as `duration` prints it:
    /// `planned 2025-11-05, actual 2025-11-14 (dates in +08:00): 9 days late`.
    pub planned: String,
    /// What made the up vehicle unfit (a swap), with the chain behind each cause.
    pub swap_causes: Vec<Cause>,
    /// The schedule changes that moved the return, with their causes.
    pub slip_causes: Vec<Cause>,
    /// For each of the bar's markers, in the same order: its title and time as published.
    pub markers: Vec<MarkerFacts>,
}

/// An event marker's label.
#[derive(Debug, Serialize)]
pub struct MarkerFacts {
    /// The event's title (or id).
    pub title: String,
    /// Its time as the command line prints it.
    pub time: String,
}

/// A flight, for grouping, filters and the side panel.
#[derive(Debug, Serialize)]
pub struct FlightFacts {
    /// Its name.
    pub name: String,
    /// Programme.
    pub program: String,
    /// Nation (ISO code).
    pub nation: String,
    /// Station id, if it flew to one.
    pub station: Option<String>,
    /// `completed`, `aborted launch`, …
    pub outcome: String,
    /// Whether people flew on it.
    pub crewed: bool,
    /// Its events in order: time as published, drawn instant, kind, title.
    pub events: Vec<EventFacts>,
    /// The sources, as links.
    pub sources: Vec<String>,
}

/// One event of a flight.
#[derive(Debug, Serialize)]
pub struct EventFacts {
    /// As the command line prints it: `2025-11-14 08:40:31 UTC`, `2025-11-04 (+08:00 date)`.
    pub time: String,
    /// As published, when that says more than `time` (a time of day in another zone); else `None`.
    pub published: Option<String>,
    /// Where it is drawn (UTC).
    pub at: String,
    /// `eva`, `anomaly`, …
    pub kind: EventKind,
    /// Its title, or its id.
    pub title: String,
}

/// A docked spacecraft: flight id, name, docked, undocked (`None` while docked), unfit for crew return
/// from (UTC).
pub type Lane = (String, String, String, Option<String>, Option<String>);

/// The station view: crews aboard, docked spacecraft, coverage gaps.
#[derive(Debug, Serialize)]
pub struct StationPage {
    /// The station's name.
    pub name: String,
    /// The start of the station chart's time axis (UTC).
    pub start: String,
    /// Its end.
    pub end: String,
    /// Crews aboard: `Shenzhou-20 crew`, people, from, until (UTC; `None` while aboard).
    pub crews: Vec<(String, u32, String, Option<String>)>,
    /// Docked spacecraft.
    pub lanes: Vec<Lane>,
    /// Coverage gaps: start, end (`None` while open), label with its cause
    /// (`3 without a fit return seat · Shenzhou-20 unfit: shenzhou-20/debris-strike`), and the titles of
    /// the causes (`Crack found in the return capsule's window, suspected debris impact`).
    pub gaps: Vec<(String, Option<String>, String, Vec<String>)>,
}

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// The page's one rule for times: shown as the command line shows them ([`Time::utc_text`]); the
/// published text, when it was a time of day in another zone, beside it in the side panel.
fn published(t: &Time) -> Option<String> {
    let other_zone = t.offset().is_some_and(|o| o.local_minus_utc() != 0);
    (other_zone && t.precision() != Precision::Day).then(|| t.as_str().to_string())
}

/// Planned against actual return as `duration` prints it: a planned date compares with the actual date
/// in the planned date's zone (`planned 2025-11-05, actual 2025-11-14 (dates in +08:00)`).
fn planned_text(planned: &Time, actual: Option<&Time>) -> String {
    let zone = planned
        .offset()
        .filter(|_| planned.precision() == Precision::Day);
    match (zone, actual) {
        (Some(zone), Some(actual)) => format!(
            "planned {}, actual {} (dates in {})",
            planned.local_date(),
            actual
                .date_in(zone)
                .map_or_else(|| actual.utc_text(), |d| d.to_string()),
            zone_name(zone)
        ),
        (None, Some(actual)) => format!(
            "planned {}, actual {}",
            planned.utc_text(),
            actual.utc_text()
        ),
        (_, None) => format!("planned {}", planned.utc_text()),
    }
}

/// `+08:00`, or `UTC` for a zero offset.
fn zone_name(zone: chrono::FixedOffset) -> String {
    if zone.local_minus_utc() == 0 {
        "UTC".into()
    } else {
        zone.to_string()
    }
}

/// The page's data for `input`.
pub fn page_data(input: &ChartInput<'_>) -> Result<PageData, ChartError> {
    let ChartInput {
        catalog,
        options,
        now,
        annotations,
    } = *input;
    super::super::check_station(catalog, &options.scope)?;
    // Every flight is on the page; the scope flags preselect the filters instead of leaving flights out,
    // so a reader can widen the view without another run.
    // The station view draws its own lanes; its page carries no Gantt rows.
    let mut plan = match options.kind {
        ChartKind::Gantt => rows::plan(catalog, options.rows, &|_| true, now),
        ChartKind::Station => RowPlan {
            rows: Vec::new(),
            connectors: Vec::new(),
        },
    };
    rows::apply_badges(&mut plan.rows, &annotations.badges);
    if options.kind == ChartKind::Gantt && plan.rows.is_empty() {
        return Err(ChartError::Nothing(
            "no launched flights in the catalog".into(),
        ));
    }
    let stays: HashMap<(&str, &str), &Stay> = catalog
        .stays()
        .iter()
        .map(|s| ((s.astronaut.as_str(), s.up.as_str()), s))
        .collect();
    let facts = plan
        .rows
        .iter()
        .map(|row| row_facts(catalog, row, &stays, now))
        .collect();
    let station = match options.kind {
        ChartKind::Station => Some(station_page(input)?),
        ChartKind::Gantt => None,
    };
    let title = match &station {
        Some(s) => format!(
            "{}: people aboard, docked spacecraft, return coverage",
            s.name
        ),
        None => "Human spaceflight: crew stays".to_string(),
    };
    Ok(PageData {
        kind: options.kind,
        title,
        catalog_line: catalog_line(catalog, now),
        now: utc(now),
        checked: catalog.checked_range().map(|(_, hi)| utc(hi.instant())),
        view: view(options),
        flights: flight_facts(catalog),
        names: names(catalog),
        people: people(catalog),
        short_forms: crate::catalog::names::short_forms()
            .iter()
            .map(|(short, of)| {
                (
                    short.to_string(),
                    of.iter().map(|n| n.to_string()).collect(),
                )
            })
            .collect(),
        plan,
        facts,
        station,
    })
}

fn view(options: &ChartOptions) -> View {
    View {
        from: options.from.as_ref().map(|t| utc(t.instant())),
        to: options.to.as_ref().map(|t| utc(t.instant())),
        program: options.scope.program.clone(),
        nation: options.scope.nation.clone(),
        station: options.scope.station.clone(),
        rows: options.rows,
    }
}

/// The flight a bar belongs to.
fn bar_flight(row: &Row, stays: &[(String, String)]) -> String {
    match &row.key {
        RowKey::Vehicle(id) | RowKey::Flight(id) | RowKey::Planned(id) => id.clone(),
        RowKey::Crew(_) | RowKey::Astronaut(_) => {
            stays.first().map(|(_, up)| up.clone()).unwrap_or_default()
        }
    }
}

fn row_facts(
    catalog: &Catalog,
    row: &Row,
    stays: &HashMap<(&str, &str), &Stay>,
    now: DateTime<Utc>,
) -> Vec<BarFacts> {
    row.bars
        .iter()
        .map(|bar| {
            let flight_id = bar_flight(row, &bar.stays);
            let Some(flight) = catalog.flight(&flight_id) else {
                return BarFacts::default();
            };
            let mut facts = match (&row.key, bar.stays.first()) {
                (RowKey::Crew(_) | RowKey::Astronaut(_), Some((who, up))) => {
                    match stays.get(&(who.as_str(), up.as_str())) {
                        Some(stay) => stay_facts(catalog, stay, &bar.stays, now),
                        None => BarFacts::default(),
                    }
                }
                _ => flight_facts_of_bar(catalog, flight, now),
            };
            facts.flight = flight_id;
            facts.markers = bar
                .markers
                .iter()
                .map(|(t, kind)| marker_facts(flight, *t, *kind))
                .collect();
            facts
        })
        .collect()
}

/// A crew stay's facts, from the same stay report `orbitline duration` prints.
fn stay_facts(
    catalog: &Catalog,
    stay: &Stay,
    members: &[(String, String)],
    now: DateTime<Utc>,
) -> BarFacts {
    let report = stay_report(catalog, stay, now);
    let crew = members
        .iter()
        .map(|(who, up)| {
            let role = catalog
                .stays()
                .iter()
                .find(|s| &s.astronaut == who && &s.up == up)
                .and_then(|s| s.role.clone());
            let name = catalog.name_of(who).to_string();
            match role {
                Some(role) => format!("{name} ({role})"),
                None => name,
            }
        })
        .collect();
    let vehicles = match &report.down_name {
        Some(down) if report.vehicle_swap => {
            format!("up {}, down {down} (vehicle swap)", report.up_name)
        }
        Some(down) => format!("up {}, down {down}", report.up_name),
        None => format!("up {}, still in orbit", report.up_name),
    };
    let planned = report
        .slip
        .as_ref()
        .map(|slip| {
            let change = match slip.days {
                Some(d) if d > 0 => format!(": {d} days late"),
                Some(d) if d < 0 => format!(": {} days early", -d),
                Some(_) => ": on the planned day".to_string(),
                None => String::new(),
            };
            format!(
                "{}{change}",
                planned_text(&slip.planned, Some(&slip.actual))
            )
        })
        .unwrap_or_default();
    BarFacts {
        flight: String::new(),
        crew,
        start: report.start.utc_text(),
        end: report.end.as_ref().map(Time::utc_text).unwrap_or_default(),
        published: published_span(&report.start, report.end.as_ref()),
        elapsed: if report.in_orbit {
            format!("{} to now", format_elapsed(&report.elapsed))
        } else {
            format_elapsed(&report.elapsed)
        },
        days: report
            .days
            .as_ref()
            .map(DayConventions::summary)
            .unwrap_or_default(),
        vehicles,
        planned,
        slip_causes: report.slip.map(|s| s.causes).unwrap_or_default(),
        swap_causes: report.swap_causes,
        markers: Vec::new(),
    }
}

/// Launch and landing as published, when either was a time of day in another zone.
fn published_span(start: &Time, end: Option<&Time>) -> String {
    if published(start).is_none() && end.and_then(published).is_none() {
        return String::new();
    }
    let end = end.map_or("in orbit", Time::as_str);
    format!("{} → {end}", start.as_str())
}

/// A spacecraft's (or a flight row's) facts: launch to landing.
fn flight_facts_of_bar(catalog: &Catalog, flight: &Flight, now: DateTime<Utc>) -> BarFacts {
    let Some(launch) = flight.launch_time() else {
        return BarFacts::default();
    };
    let (elapsed, days) = match flight.landing_time() {
        Some(landing) => (
            format_elapsed(&Elapsed::between(launch, landing)),
            DayConventions::between(launch, landing).summary(),
        ),
        None => (
            format!("{} to now", format_elapsed(&Elapsed::until(launch, now))),
            String::new(),
        ),
    };
    let crew = flight
        .launch
        .crew
        .iter()
        .map(|c| catalog.name_of(&c.astronaut).to_string())
        .collect();
    let planned = flight
        .planned_landing()
        .map(|p| planned_text(p, flight.landing_time()))
        .unwrap_or_default();
    BarFacts {
        crew,
        start: launch.utc_text(),
        end: flight
            .landing_time()
            .map(Time::utc_text)
            .unwrap_or_default(),
        published: published_span(launch, flight.landing_time()),
        elapsed,
        days,
        vehicles: format!("{} spacecraft", flight.name),
        planned,
        ..BarFacts::default()
    }
}

/// The event behind a marker: the flight's event of that kind drawn at `t` (or its docking).
fn marker_facts(flight: &Flight, t: DateTime<Utc>, kind: MarkerKind) -> MarkerFacts {
    if kind == MarkerKind::Docking {
        let time = flight
            .docking
            .as_ref()
            .and_then(|d| d.time.as_ref())
            .map(Time::utc_text)
            .unwrap_or_default();
        return MarkerFacts {
            title: "docking".into(),
            time,
        };
    }
    flight
        .events
        .iter()
        .find(|e| rows::marker_kind(e.kind) == Some(kind) && at(&e.time) == t)
        .map(|e| MarkerFacts {
            title: e.title.clone().unwrap_or_else(|| e.id.clone()),
            time: e.time.utc_text(),
        })
        .unwrap_or(MarkerFacts {
            title: String::new(),
            time: Time::from_utc(t).utc_text(),
        })
}

/// Every launched flight, by id.
fn flight_facts(catalog: &Catalog) -> BTreeMap<String, FlightFacts> {
    catalog
        .flights()
        .iter()
        .filter(|f| f.launch.time.is_some())
        .map(|f| {
            let mut sources = f.sources.clone();
            for extra in f
                .launch
                .sources
                .iter()
                .chain(f.landing.iter().flat_map(|l| &l.sources))
            {
                if !sources.contains(extra) {
                    sources.push(extra.clone());
                }
            }
            let mut events: Vec<EventFacts> = f
                .events
                .iter()
                .map(|e| EventFacts {
                    time: e.time.utc_text(),
                    published: published(&e.time),
                    at: utc(at(&e.time)),
                    kind: e.kind,
                    title: e.title.clone().unwrap_or_else(|| e.id.clone()),
                })
                .collect();
            events.sort_by(|a, b| a.at.cmp(&b.at));
            (
                f.id.clone(),
                FlightFacts {
                    name: f.name.clone(),
                    program: f.program.clone(),
                    nation: f.nation.clone(),
                    station: f.station.clone(),
                    outcome: f.outcome.map_or("completed", |o| o.describe()).to_string(),
                    crewed: !f.launch.crew.is_empty(),
                    events,
                    sources,
                },
            )
        })
        .collect()
}

/// The command line's name index: folded key → `a:` astronaut or `f:` flight ids, sorted.
fn names(catalog: &Catalog) -> BTreeMap<String, Vec<String>> {
    let index = Names::new(catalog);
    index
        .keys()
        .filter_map(|(key, targets)| {
            let mut ids: Vec<String> = targets
                .into_iter()
                .filter_map(|(kind, id)| match kind {
                    Kind::Astronaut => Some(format!("a:{id}")),
                    Kind::Flight => Some(format!("f:{id}")),
                    Kind::Station => None,
                })
                .collect();
            ids.sort();
            ids.dedup();
            (!ids.is_empty()).then(|| (key.to_string(), ids))
        })
        .collect()
}

/// Each astronaut's words for the given-name prefix rule, by id.
fn people(catalog: &Catalog) -> BTreeMap<String, Vec<[Vec<String>; 2]>> {
    Names::new(catalog)
        .person_words()
        .map(|(id, all)| {
            let all = all
                .into_iter()
                .map(|(names, nicknames)| [names.to_vec(), nicknames.to_vec()])
                .collect();
            (id.to_string(), all)
        })
        .collect()
}

fn station_page(input: &ChartInput<'_>) -> Result<StationPage, ChartError> {
    let data = station_data(
        input.catalog,
        input.options,
        input.now,
        &input.annotations.gaps,
    )?;
    let declared = crate::timeline::station::unfit_declarations(input.catalog);
    // A gap's causes, as the station report gives them: the spacecraft docked in it that were unfit for
    // crew return, and the anomaly that made each unfit.
    let causes = |start: DateTime<Utc>, end: Option<DateTime<Utc>>| {
        let mut label = Vec::new();
        let mut titles = Vec::new();
        for lane in &data.lanes {
            let docked_in_gap =
                end.is_none_or(|e| lane.docked < e) && lane.undocked.is_none_or(|u| u > start);
            let unfit_in_gap = lane.unfit_from.is_some_and(|u| end.is_none_or(|e| u < e));
            if !(docked_in_gap && unfit_in_gap) {
                continue;
            }
            match declared.iter().find(|u| u.vehicle == lane.flight) {
                Some(u) => {
                    label.push(format!("{} unfit: {}", lane.name, u.cause));
                    titles.push(format!(
                        "{} unfit: {}",
                        lane.name,
                        u.title.as_deref().unwrap_or(&u.cause)
                    ));
                }
                None => label.push(format!("{} unfit", lane.name)),
            }
        }
        (label.join(", "), titles)
    };
    let gaps = data
        .gaps
        .iter()
        .map(|g| {
            let (cause, titles) = causes(g.start, g.end);
            let label = if cause.is_empty() {
                g.label.clone()
            } else {
                format!("{} · {cause}", g.label)
            };
            (utc(g.start), g.end.map(utc), label, titles)
        })
        .collect();
    Ok(StationPage {
        name: data.name,
        start: utc(data.start),
        end: utc(data.end),
        crews: data
            .crews
            .into_iter()
            .map(|c| (c.label, c.people, utc(c.from), c.until.map(utc)))
            .collect(),
        lanes: data
            .lanes
            .into_iter()
            .map(|l| {
                (
                    l.flight,
                    l.name,
                    utc(l.docked),
                    l.undocked.map(utc),
                    l.unfit_from.map(utc),
                )
            })
            .collect(),
        gaps,
    })
}
