//! `orbitline duration`: how long a flight's crew or an astronaut was in space, exactly and in days by
//! each convention, the vehicles' own flights, and how far each landing slipped from its plan and why.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::query::QueryError;
use super::{DayConventions, Elapsed};
use crate::catalog::Catalog;
use crate::catalog::Stay;
use crate::model::{Event, EventKind, Flight, Precision, Time, VehicleStatus, UTC_OFFSET};

/// What a duration question is about.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum DurationSubject {
    /// A flight.
    Flight {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// The operator, where known.
        operator: Option<String>,
        /// The station's name, where it visited one.
        station: Option<String>,
        /// How it ended, where it did not end as planned (an abort, a crew lost).
        #[serde(skip_serializing_if = "Option::is_none")]
        outcome: Option<crate::model::Outcome>,
        /// When it ended: for a crew lost, when they were lost.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[serde(serialize_with = "crate::model::instant::instant_opt")]
        #[schemars(with = "Option<crate::model::instant::Instant>")]
        ended: Option<Time>,
        /// Not launched yet: its planned launch (a planned flight has no stays).
        #[serde(skip_serializing_if = "Option::is_none")]
        planned: Option<Time>,
    },
    /// A person.
    Astronaut {
        /// Their id.
        id: String,
        /// Their name.
        name: String,
        /// Their name in their own script.
        native_name: Option<String>,
        /// The date they died, where they died in flight.
        #[serde(skip_serializing_if = "Option::is_none")]
        died_in_flight: Option<String>,
    },
}

/// One stay, with its figures.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StayReport {
    /// The astronaut's id.
    pub astronaut: String,
    /// Their name.
    pub name: String,
    /// Their role on the way up.
    pub role: Option<String>,
    /// The flight that took them up.
    pub up: String,
    /// Its name.
    pub up_name: String,
    /// The flight that brought them down (`null` while in orbit).
    pub down: Option<String>,
    /// Its name.
    pub down_name: Option<String>,
    /// Launch.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub start: Time,
    /// Landing; `null` while in orbit.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub end: Option<Time>,
    /// True while no landing has brought them down.
    pub in_orbit: bool,
    /// In orbit, with a launch after `now` (`--now`): not launched yet, nothing elapsed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_launched: bool,
    /// The down flight's landing time is marked uncertain by its source.
    pub end_uncertain: bool,
    /// The down flight's landing time is inferred, not published (its notes say how).
    pub end_inferred: bool,
    /// Elapsed seconds (to `now` while in orbit), `None` where the figure is not decided; in JSON only as
    /// `elapsed.seconds`.
    #[serde(skip)]
    pub seconds: Option<i64>,
    /// Elapsed days rounded to the nearest; `None` when the figure is not decided (an end known only to
    /// the day): `days.rounded` then gives the range.
    pub days_rounded: Option<i64>,
    /// Elapsed time with its bounds.
    pub elapsed: Elapsed,
    /// "N days" under each convention; `null` while in orbit.
    pub days: Option<DayConventions>,
    /// True when they came down on another vehicle.
    pub vehicle_swap: bool,
    /// Why: the anomalies that made the up vehicle unfit for crew return.
    pub swap_causes: Vec<Cause>,
    /// For a swap: what the down flight's landing names as its cause (`caused_by`), each with the chain
    /// behind it (Expedition 6 home on Soyuz TMA-1: Columbia's loss). Left out of JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub landing_causes: Vec<Cause>,
    /// Who the up vehicle brought home instead (names), when it was not this crew.
    pub up_vehicle_brought_home: Vec<String>,
    /// The planned return, against the actual one.
    pub slip: Option<Slip>,
    /// In orbit, and `now` is later than the date the flight was last checked against its sources: it may
    /// have ended since.
    pub may_have_ended: bool,
    /// When the up flight was last checked against its sources.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub checked: Option<Time>,
}

/// An event that explains something, with its reference.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Cause {
    /// `flight/event`.
    pub reference: String,
    /// Its title.
    pub title: Option<String>,
    /// When it happened, as published.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub time: Time,
    /// What caused it, by its `caused_by` links, nearest first, each event once (left out of JSON when
    /// empty; filled for a swap's causes only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caused_by: Vec<Cause>,
}

/// How far a planned return moved.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Slip {
    /// The planned time.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub planned: Time,
    /// The actual one.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub actual: Time,
    /// Calendar days between them, counted in the zone of the planned date.
    pub days: Option<i64>,
    /// The schedule-change events that moved it, and what caused those.
    pub causes: Vec<Cause>,
}

/// A vehicle's own flight time.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VehicleReport {
    /// The flight.
    pub flight: String,
    /// Its name.
    pub name: String,
    /// Launch.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub start: Time,
    /// Landing; `null` while in orbit.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub end: Option<Time>,
    /// Elapsed seconds (to `now` while in orbit), `None` where the figure is not decided; in JSON only as
    /// `elapsed.seconds`.
    #[serde(skip)]
    pub seconds: Option<i64>,
    /// Elapsed time with its bounds.
    pub elapsed: Elapsed,
    /// "N days" under each convention; `null` while in orbit.
    pub days: Option<DayConventions>,
    /// True when the landing carried nobody.
    pub landed_uncrewed: bool,
    /// True when it launched with nobody aboard.
    pub launched_uncrewed: bool,
    /// In orbit past the date it was last checked.
    pub may_have_ended: bool,
    /// In orbit, with a launch after `now` (`--now`): not launched yet, nothing elapsed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_launched: bool,
    /// The landing time is inferred rather than published (`end_inferred` in JSON, as for a stay).
    #[serde(rename = "end_inferred")]
    pub landing_inferred: bool,
    /// The landing time is marked uncertain by its source (`end_uncertain` in JSON, as for a stay).
    #[serde(rename = "end_uncertain")]
    pub landing_uncertain: bool,
}

/// An astronaut's total over all stays.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TotalReport {
    /// Number of stays.
    pub stays: usize,
    /// Total seconds (open stays counted to `now`): the middle of the range, `null` when a stay has an end
    /// known only to the day (as in `elapsed`).
    pub seconds: Option<i64>,
    /// Total with bounds.
    pub min_seconds: i64,
    /// Total with bounds.
    pub max_seconds: i64,
    /// True when a stay is still open.
    pub in_orbit: bool,
    /// The coarsest precision of the stays' times.
    pub precision: Precision,
}

/// A [`TotalReport`] in JSON: its figure in the one shape every duration has, `elapsed`.
#[derive(Serialize, schemars::JsonSchema)]
struct TotalJson {
    /// Number of stays.
    stays: usize,
    /// The total, with its bounds and the coarsest precision of the stays' times.
    elapsed: Elapsed,
    /// True when a stay is still open.
    in_orbit: bool,
}

fn total_json<S: serde::Serializer>(total: &Option<TotalReport>, s: S) -> Result<S::Ok, S::Error> {
    let json = |t: &TotalReport| TotalJson {
        stays: t.stays,
        elapsed: Elapsed {
            seconds: t
                .seconds
                .unwrap_or(t.min_seconds + (t.max_seconds - t.min_seconds) / 2),
            min_seconds: t.min_seconds,
            max_seconds: t.max_seconds,
            precision: t.precision,
        },
        in_orbit: t.in_orbit,
    };
    total.as_ref().map(json).serialize(s)
}

/// The answer to `orbitline duration SUBJECT`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DurationReport {
    /// What was asked about.
    pub subject: DurationSubject,
    /// The stays: of the crew that launched on the flight, or of the astronaut.
    pub stays: Vec<StayReport>,
    /// For a flight: the vehicle's own flight.
    pub vehicle: Option<VehicleReport>,
    /// For an astronaut: the total.
    #[serde(serialize_with = "total_json")]
    #[schemars(with = "Option<TotalJson>")]
    pub total: Option<TotalReport>,
    /// The reference time used for anything still in orbit.
    #[serde(serialize_with = "crate::model::instant::computed")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub now: DateTime<Utc>,
}

/// How long `subject` (a flight or an astronaut id) was in space.
pub fn duration(
    catalog: &Catalog,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<DurationReport, QueryError> {
    if let Some(flight) = catalog.flight(subject) {
        let stays = catalog
            .stays()
            .iter()
            .filter(|s| s.up == flight.id)
            .map(|s| stay_report(catalog, s, now))
            .collect();
        return Ok(DurationReport {
            subject: DurationSubject::Flight {
                id: flight.id.clone(),
                name: flight.name.clone(),
                operator: flight.operator.clone(),
                station: flight.station.as_deref().map(|s| {
                    catalog
                        .station(s)
                        .map_or(s, |st| st.name.as_str())
                        .to_string()
                }),
                outcome: flight
                    .outcome
                    .filter(|o| *o != crate::model::Outcome::Completed),
                ended: flight.landing_time().cloned(),
                planned: flight
                    .launch
                    .planned
                    .clone()
                    .filter(|_| flight.launch.time.is_none()),
            },
            stays,
            vehicle: vehicle_report(flight, now),
            total: None,
            now,
        });
    }
    if let Some(astronaut) = catalog.astronaut(subject) {
        let stays: Vec<StayReport> = catalog
            .stays()
            .iter()
            .filter(|s| s.astronaut == astronaut.id)
            .map(|s| stay_report(catalog, s, now))
            .collect();
        let sum = stays.iter().map(|s| s.elapsed).reduce(|a, b| a.plus(&b));
        let total = TotalReport {
            stays: stays.len(),
            seconds: sum.map_or(Some(0), |e| e.figure()),
            min_seconds: sum.map_or(0, |e| e.min_seconds),
            max_seconds: sum.map_or(0, |e| e.max_seconds),
            in_orbit: stays.iter().any(|s| s.in_orbit && !s.not_launched),
            precision: stays
                .iter()
                .map(|s| s.elapsed.precision)
                .min()
                .unwrap_or(Precision::Second),
        };
        return Ok(DurationReport {
            subject: DurationSubject::Astronaut {
                id: astronaut.id.clone(),
                name: astronaut.name.clone(),
                native_name: astronaut.native_name.clone(),
                died_in_flight: astronaut.died_in_flight.clone(),
            },
            stays,
            vehicle: None,
            total: Some(total),
            now,
        });
    }
    Err(QueryError::unknown(
        subject,
        catalog.ids().map(str::to_string),
    ))
}

/// One stay's figures as `orbitline duration` reports them (exact elapsed, day conventions, swap and
/// slip with their causes), to `now` while in orbit.
pub fn stay_report(catalog: &Catalog, stay: &Stay, now: DateTime<Utc>) -> StayReport {
    let up = catalog
        .flight(&stay.up)
        .expect("stays refer to catalog flights");
    let down = stay.down.as_deref().and_then(|d| catalog.flight(d));
    let elapsed = match &stay.end {
        Some(end) => Elapsed::between(&stay.start, end),
        None => Elapsed::until(&stay.start, now),
    };
    let in_orbit = stay.end.is_none();
    let slip = match (&stay.planned_end, &stay.end) {
        (Some(planned), Some(actual)) => {
            let changes = ScheduleChanges::of(catalog);
            let slip = slip_of(&changes, planned, actual, &format!("{}/landing", up.id));
            (slip.days != Some(0) || planned.precision() != crate::model::Precision::Day)
                .then_some(slip)
        }
        _ => None,
    };
    StayReport {
        astronaut: stay.astronaut.clone(),
        name: catalog.name_of(&stay.astronaut).to_string(),
        role: stay.role.clone(),
        up: up.id.clone(),
        up_name: up.name.clone(),
        down: stay.down.clone(),
        down_name: down.map(|d| d.name.clone()),
        start: stay.start.clone(),
        end: stay.end.clone(),
        in_orbit,
        not_launched: in_orbit && Elapsed::not_started(&stay.start, now),
        end_uncertain: down
            .and_then(|d| d.landing.as_ref())
            .is_some_and(|l| l.uncertain),
        end_inferred: down
            .and_then(|d| d.landing.as_ref())
            .is_some_and(|l| l.inferred),
        seconds: elapsed.figure(),
        days_rounded: DayConventions::by_length(&elapsed).rounded.value,
        elapsed,
        days: stay
            .end
            .as_ref()
            .map(|end| DayConventions::between(&stay.start, end)),
        vehicle_swap: stay.is_vehicle_swap(),
        swap_causes: if stay.is_vehicle_swap() {
            unfit_causes(catalog, &up.id)
        } else {
            Vec::new()
        },
        landing_causes: match down.and_then(|d| d.landing.as_ref()) {
            Some(landing) if stay.is_vehicle_swap() => landing
                .caused_by
                .iter()
                .filter_map(|r| event_by_reference(catalog, r))
                .map(|(f, e)| caused(catalog, f, e))
                .collect(),
            _ => Vec::new(),
        },
        up_vehicle_brought_home: if stay.is_vehicle_swap() {
            up.landing_crew()
                .iter()
                .map(|c| catalog.name_of(&c.astronaut).to_string())
                .collect()
        } else {
            Vec::new()
        },
        slip,
        may_have_ended: in_orbit && past_checked(up, now),
        checked: up.checked.clone(),
    }
}

pub(super) fn vehicle_report(flight: &Flight, now: DateTime<Utc>) -> Option<VehicleReport> {
    let start = flight.launch.time.clone()?;
    let end = flight.landing_time().cloned();
    let elapsed = match &end {
        Some(end) => Elapsed::between(&start, end),
        None => Elapsed::until(&start, now),
    };
    Some(VehicleReport {
        flight: flight.id.clone(),
        name: flight.name.clone(),
        days: end.as_ref().map(|e| DayConventions::between(&start, e)),
        landed_uncrewed: end.is_some() && flight.landing_crew().is_empty(),
        launched_uncrewed: flight.launch.crew.is_empty(),
        may_have_ended: end.is_none() && past_checked(flight, now),
        not_launched: end.is_none() && Elapsed::not_started(&start, now),
        landing_inferred: flight.landing.as_ref().is_some_and(|l| l.inferred),
        landing_uncertain: flight.landing.as_ref().is_some_and(|l| l.uncertain),
        seconds: elapsed.figure(),
        elapsed,
        start,
        end,
    })
}

/// How far `actual` is from `planned`, and the schedule changes that targeted `target` (`flight/landing`)
/// with their causes. Days are calendar days in the zone of the planned time.
pub(crate) fn slip_of(
    changes: &ScheduleChanges,
    planned: &Time,
    actual: &Time,
    target: &str,
) -> Slip {
    let zone = planned.offset().or(actual.offset()).unwrap_or(UTC_OFFSET);
    Slip {
        planned: planned.clone(),
        actual: actual.clone(),
        days: actual
            .date_in(zone)
            .map(|d| (d - planned.local_date()).num_days()),
        causes: changes.causes(target),
    }
}

/// The catalog's schedule-change events by the reference they target: one pass over every event, then
/// a lookup per slip (a station's slips would otherwise scan the whole catalog once per flight).
pub(crate) struct ScheduleChanges<'a> {
    catalog: &'a Catalog,
    by_target: HashMap<&'a str, Vec<(&'a Flight, &'a Event)>>,
}

impl<'a> ScheduleChanges<'a> {
    pub(crate) fn of(catalog: &'a Catalog) -> ScheduleChanges<'a> {
        let mut by_target: HashMap<&str, Vec<(&Flight, &Event)>> = HashMap::new();
        for (f, e) in all_events(catalog) {
            if let (EventKind::ScheduleChange, Some(target)) = (e.kind, e.target.as_deref()) {
                by_target.entry(target).or_default().push((f, e));
            }
        }
        ScheduleChanges { catalog, by_target }
    }

    /// The schedule changes that targeted `reference`, each followed by its causes.
    fn causes(&self, reference: &str) -> Vec<Cause> {
        let mut causes = Vec::new();
        for &(f, e) in self.by_target.get(reference).into_iter().flatten() {
            causes.push(cause(f, e));
            for by in &e.caused_by {
                if let Some((cf, ce)) = event_by_reference(self.catalog, by) {
                    causes.push(cause(cf, ce));
                }
            }
        }
        causes
    }
}

/// `now` is after the date `flight` was last checked against its sources (or it never says): a flight
/// open in the catalog may have ended since.
pub(crate) fn past_checked(flight: &Flight, now: DateTime<Utc>) -> bool {
    flight
        .checked
        .as_ref()
        .is_none_or(|checked| checked.latest() < now)
}

/// Every event anywhere in the catalog, with its flight.
fn all_events(catalog: &Catalog) -> impl Iterator<Item = (&Flight, &Event)> {
    catalog
        .flights()
        .iter()
        .flat_map(|f| f.events.iter().map(move |e| (&**f, e)))
}

fn cause(flight: &Flight, event: &Event) -> Cause {
    Cause {
        reference: format!("{}/{}", flight.id, event.id),
        title: event.title.clone(),
        time: event.time.clone(),
        caused_by: Vec::new(),
    }
}

/// The event a `flight/event` reference names.
fn event_by_reference<'a>(
    catalog: &'a Catalog,
    reference: &str,
) -> Option<(&'a Flight, &'a Event)> {
    let (fid, eid) = reference.split_once('/')?;
    let flight = catalog.flight(fid)?;
    Some((flight, flight.events.iter().find(|x| x.id == eid)?))
}

/// What caused `event`, following `caused_by` back (the first cause first, then its causes): each
/// event once, so a chain that loops back ends.
fn cause_chain(catalog: &Catalog, event: &Event) -> Vec<Cause> {
    let mut chain: Vec<Cause> = Vec::new();
    let mut pending: Vec<&str> = event.caused_by.iter().rev().map(String::as_str).collect();
    while let Some(reference) = pending.pop() {
        if chain.iter().any(|c| c.reference == reference) {
            continue;
        }
        if let Some((f, e)) = event_by_reference(catalog, reference) {
            chain.push(cause(f, e));
            pending.extend(e.caused_by.iter().rev().map(String::as_str));
        }
    }
    chain
}

/// The anomalies that made `flight` unfit for crew return.
fn unfit_causes(catalog: &Catalog, flight: &str) -> Vec<Cause> {
    all_events(catalog)
        .filter(|(_, e)| {
            e.kind == EventKind::Anomaly
                && e.effects
                    .iter()
                    .any(|x| x.vehicle == flight && x.status == VehicleStatus::UnfitForCrewReturn)
        })
        .map(|(f, e)| caused(catalog, f, e))
        .collect()
}

/// The event as a cause, with the chain of causes behind it.
fn caused(catalog: &Catalog, flight: &Flight, event: &Event) -> Cause {
    Cause {
        caused_by: cause_chain(catalog, event),
        ..cause(flight, event)
    }
}
