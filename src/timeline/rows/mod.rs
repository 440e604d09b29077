//! The rows of a mission timeline (Gantt), as plain data: rows, their bars (solid launch to landing, a
//! ghost bar to the planned return, the time a spacecraft became unfit), event markers, vehicle-swap
//! connectors and record badges. The SVG and PNG charts draw from it ([`crate::chart`]) and the HTML page
//! serialises it, so that they never disagree on a figure. The rows of each mode are built in [`build`];
//! planned flights get theirs in [`planned`].
//!
//! In the default stay mode, people who went up together and came down together at the same times share
//! a row ("Shenzhou-20 · Chen Dong, Chen Zhongrui, Wang Jie"; the crews of [`super::records::crews`]); a
//! flight whose spacecraft did not simply carry its crew up and back (launched or landed empty, or brought
//! another crew home) also gets a thin row of its own, so that a vehicle swap is a connector from the
//! crew's row to the row of the spacecraft that brought them down. Flights still in orbit run to `now`.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

mod build;
mod planned;

use build::{astronaut_rows, flight_rows, stay_rows, Context};

use super::how_long::stay_report;
use super::{Elapsed, StayReport};
use crate::catalog::Catalog;
use crate::catalog::Stay;
use crate::model::instant::computed as utc_instant;
use crate::model::{EventKind, Flight, Precision, Time};

/// What a Gantt row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowMode {
    /// A crew stay: people who went up together and came down together share a row.
    #[default]
    Stay,
    /// A flight of a spacecraft, launch to landing.
    Flight,
    /// An astronaut, with each of their stays.
    Astronaut,
}

/// Which row a bar, badge or connector belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "id")]
pub enum RowKey {
    /// A crew (stay mode), by its index among the crews.
    Crew(usize),
    /// A spacecraft's own flight (stay mode).
    Vehicle(String),
    /// A flight (flight mode).
    Flight(String),
    /// A person (astronaut mode).
    Astronaut(String),
    /// A planned flight, not launched: its bar marks the planned launch (stay and flight modes).
    Planned(String),
}

/// One row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
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

/// What a bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BarKind {
    /// People in orbit (or a crewed flight).
    Crew,
    /// A spacecraft without its launch crew.
    Vehicle,
}

/// The event kinds a timeline marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkerKind {
    /// A spacewalk.
    Eva,
    /// An anomaly.
    Anomaly,
    /// A docking.
    Docking,
    /// A schedule change.
    Schedule,
}

/// One interval on a row.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// Launch.
    #[serde(serialize_with = "utc_instant")]
    pub start: DateTime<Utc>,
    /// Landing; `None` while in orbit.
    #[serde(serialize_with = "instant_opt")]
    pub end: Option<DateTime<Utc>>,
    /// The planned landing: the end of the ghost bar.
    #[serde(serialize_with = "instant_opt")]
    pub planned_end: Option<DateTime<Utc>>,
    /// What it shows.
    pub kind: BarKind,
    /// From when the spacecraft was unfit for crew return.
    #[serde(serialize_with = "instant_opt")]
    pub unfit_from: Option<DateTime<Utc>>,
    /// Event markers: when, and what.
    #[serde(serialize_with = "marker_list")]
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
    #[serde(serialize_with = "instant_opt")]
    pub crew_after: Option<DateTime<Utc>>,
}

/// A vehicle-swap connector: the crew of one row came home on the spacecraft of another.
#[derive(Debug, Clone, Serialize)]
pub struct Connector {
    /// The crew's row.
    pub from: RowKey,
    /// The row of the spacecraft that brought them home.
    pub to: RowKey,
    /// When they landed.
    #[serde(serialize_with = "utc_instant")]
    pub at: DateTime<Utc>,
}

/// The rows and connectors of a Gantt, before layout.
#[derive(Debug, Clone, Serialize)]
pub struct RowPlan {
    /// The rows, in the order drawn.
    pub rows: Vec<Row>,
    /// The vehicle-swap connectors.
    pub connectors: Vec<Connector>,
}

/// A record badge for a stay's bar: what the records part of the timeline says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Badge {
    /// The flight the stay went up on.
    pub up: String,
    /// The astronaut whose stay set the record; `None` for the flight's whole crew.
    pub astronaut: Option<String>,
    /// The badge text, short: `record 204 d`.
    pub text: String,
}

fn instant_opt<S: Serializer>(time: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => utc_instant(t, s),
        None => s.serialize_none(),
    }
}

fn marker_list<S: Serializer>(
    markers: &[(DateTime<Utc>, MarkerKind)],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(
        markers
            .iter()
            .map(|(t, kind)| (t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true), kind)),
    )
}

/// Where a published time is drawn: its instant, or the middle of the day for a date (a Beijing date is
/// drawn at noon Beijing time; a date without a zone at the middle of the span it may stand for).
pub fn at(time: &Time) -> DateTime<Utc> {
    match time.precision() {
        Precision::Day => time.earliest() + (time.latest() - time.earliest()) / 2,
        _ => time.instant(),
    }
}

/// A day as notes and titles show it: `14 Nov 2025`.
pub fn day(t: DateTime<Utc>) -> String {
    t.format("%-d %b %Y").to_string()
}

/// A short duration: `21 h`, `204 d` (days rounded).
pub fn duration_text(seconds: i64) -> String {
    if seconds < 86_400 {
        format!("{} h", (seconds + 1_800) / 3_600)
    } else {
        format!("{} d", (seconds + 43_200) / 86_400)
    }
}

/// The short duration of a bar, by the figures rule (docs/figures.md): the figure where the range is at
/// most a minute wide, else the text both ends of the range round to, else the range (`179–180 d`,
/// `5 h–1 d`): never the middle of a wider range printed as if it were known.
pub fn figure_text(elapsed: &Elapsed) -> String {
    let (lo, hi) = (elapsed.min_seconds, elapsed.max_seconds);
    let (low, high) = (duration_text(lo), duration_text(hi));
    if hi - lo <= 60 {
        duration_text(elapsed.seconds)
    } else if low == high {
        low
    } else if (lo < 86_400) == (hi < 86_400) {
        let unit = high.rsplit(' ').next().unwrap_or_default();
        format!("{}–{high}", low.trim_end_matches(unit).trim_end())
    } else {
        format!("{low}–{high}")
    }
}

/// The elapsed time of a flight from `launch` to its landing, or to `now` while in orbit, with the
/// range the precision of its times allows; `seconds` is measured between the drawn points ([`at`]).
fn flight_elapsed(launch: &Time, landing: Option<&Time>, now: DateTime<Utc>) -> Elapsed {
    let range = match landing {
        Some(end) => Elapsed::between(launch, end),
        None => Elapsed::until(launch, now),
    };
    Elapsed {
        seconds: (landing.map_or(now, at) - at(launch)).num_seconds(),
        ..range
    }
}

/// The marker an event of `kind` gets, if any.
pub fn marker_kind(kind: EventKind) -> Option<MarkerKind> {
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
pub fn unfit_times(catalog: &Catalog) -> HashMap<String, DateTime<Utc>> {
    let mut out: HashMap<String, DateTime<Utc>> = HashMap::new();
    for unfit in super::station::unfit_declarations(catalog) {
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
        format!("{} to now", figure_text(&report.elapsed))
    } else {
        figure_text(&report.elapsed)
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
            parts.push(format!("last checked {}", day(checked.instant())));
        }
    }
    (duration, parts.join(" · "))
}

/// The rows of a Gantt of the flights `in_scope` (launched ones), one per `mode`; anything still in orbit
/// runs to `now`. Each stay's duration is computed once. Planned flights follow, one row each, in stay
/// and flight modes ([`planned`]).
pub fn plan(
    catalog: &Catalog,
    mode: RowMode,
    in_scope: &dyn Fn(&Flight) -> bool,
    now: DateTime<Utc>,
) -> RowPlan {
    let flights: Vec<&Flight> = catalog
        .flights()
        .iter()
        .filter(|f| in_scope(f) && f.launch.time.is_some())
        .map(|f| &**f)
        .collect();
    let shown: HashSet<&str> = flights.iter().map(|f| f.id.as_str()).collect();
    let stays: Vec<&Stay> = catalog
        .stays()
        .iter()
        .filter(|s| shown.contains(s.up.as_str()))
        .collect();
    let reports: HashMap<(&str, &str), StayReport> = stays
        .iter()
        .map(|s| {
            (
                (s.astronaut.as_str(), s.up.as_str()),
                stay_report(catalog, s, now),
            )
        })
        .collect();
    let cx = Context {
        catalog,
        unfit: unfit_times(catalog),
        planned: catalog
            .stays()
            .iter()
            .filter_map(|s| {
                Some((
                    (s.astronaut.as_str(), s.up.as_str()),
                    at(s.planned_end.as_ref()?),
                ))
            })
            .collect(),
        flights,
        stays,
        reports,
        now,
    };
    let mut connectors = Vec::new();
    let mut rows = match mode {
        RowMode::Stay => stay_rows(&cx, &mut connectors),
        RowMode::Flight => flight_rows(&cx, &mut connectors),
        RowMode::Astronaut => astronaut_rows(&cx),
    };
    if mode != RowMode::Astronaut {
        rows.extend(planned::planned_rows(catalog, in_scope));
    }
    RowPlan { rows, connectors }
}

/// Puts `badges` on the bars whose stays they name.
pub fn apply_badges(rows: &mut [Row], badges: &[Badge]) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Catalog {
        Catalog::load("bundled", crate::catalog::embedded()).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-07-01T00:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_bar_shows_a_range_where_the_figure_is_not_known() {
        let t = |s: &str| Time::parse(s).unwrap();
        // Known to the second: the figure.
        let exact = Elapsed::between(
            &t("2025-04-24T17:17:31+08:00"),
            &t("2025-11-14T16:40:31+08:00"),
        );
        assert_eq!(figure_text(&exact), "204 d");
        // Up on a date, down 180 days later to the second: 179.4 to 180.4 days, no figure.
        let dated = Elapsed::between(&t("2025-04-24+08:00"), &t("2025-10-21T09:30:00+08:00"));
        assert_eq!(figure_text(&dated), "179–180 d");
        // A spacewalk from a date to 01:35 the next morning: between 1 h 35 min and 1 d 1 h 36 min.
        let eva = Elapsed::between(&t("2025-09-25+08:00"), &t("2025-09-26T01:35+08:00"));
        assert_eq!(figure_text(&eva), "2 h–1 d");
        // Known to the minute (a two-minute range) whose ends round alike: what they agree on.
        let hours = Elapsed::between(&t("2025-04-24T10:00+08:00"), &t("2025-04-24T15:00+08:00"));
        assert_eq!(figure_text(&hours), "5 h");
    }

    #[test]
    fn the_shenzhou_20_crew_row_has_its_ghost_bar_markers_and_swap_connector() {
        let catalog = bundled();
        let plan = plan(&catalog, RowMode::Stay, &|_| true, now());
        let (i, crew) = plan
            .rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.title == "Shenzhou-20" && !r.thin)
            .unwrap();
        assert_eq!(crew.detail, "Chen Dong, Chen Zhongrui, Wang Jie");
        let bar = &crew.bars[0];
        assert_eq!(bar.kind, BarKind::Crew);
        assert_eq!(bar.duration, "204 d");
        assert_eq!(bar.note, "9 d late · home on Shenzhou-21");
        assert!(bar.planned_end.is_some_and(|p| p < bar.end.unwrap()));
        assert!(bar.markers.iter().any(|(_, k)| *k == MarkerKind::Anomaly));
        let connector = plan.connectors.iter().find(|c| c.from == crew.key).unwrap();
        assert_eq!(connector.to, RowKey::Vehicle("shenzhou-21".into()));
        assert_eq!(Some(connector.at), bar.end);
        // Rows are in time order, the crew before the spacecraft that brought it home.
        let vehicle = plan
            .rows
            .iter()
            .position(|r| r.key == connector.to)
            .unwrap();
        assert!(vehicle > i);
        // Plain data: it serialises, times in UTC.
        let json = serde_json::to_value(&plan).unwrap();
        assert_eq!(
            json["rows"][i]["bars"][0]["end"]["utc"],
            "2025-11-14T08:40:31Z"
        );
    }

    #[test]
    fn badges_go_on_the_bars_of_the_stays_they_name() {
        let catalog = bundled();
        let mut plan = plan(&catalog, RowMode::Astronaut, &|_| true, now());
        apply_badges(
            &mut plan.rows,
            &[Badge {
                up: "shenzhou-20".into(),
                astronaut: Some("wang-jie".into()),
                text: "record".into(),
            }],
        );
        let badged: Vec<&str> = plan
            .rows
            .iter()
            .filter(|r| r.bars.iter().any(|b| b.badge.is_some()))
            .map(|r| r.title.as_str())
            .collect();
        assert_eq!(badged, ["Wang Jie"]);
    }
}
