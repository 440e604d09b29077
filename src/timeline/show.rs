//! `orbitline show FLIGHT`: one flight with its times planned and actual, its events in order, its crews.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::how_long::{stay_report, vehicle_report, StayReport, VehicleReport};
use super::query::QueryError;
use crate::catalog::Catalog;
use crate::model::{Flight, Time};

/// The answer to `orbitline show FLIGHT`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ShowReport {
    /// The flight as stored, each time in it an instant (`time`, `planned`, `end`, `from`, `to`,
    /// `checked`).
    #[serde(serialize_with = "flight_json")]
    pub flight: Flight,
    /// Events in time order (references as `flight/event`).
    pub timeline: Vec<TimelineEntry>,
    /// Stays of the crew that went up on it.
    pub stays_up: Vec<StayReport>,
    /// Stays that ended with a landing on it, of people who went up on another flight.
    pub stays_down_from_elsewhere: Vec<StayReport>,
    /// The vehicle's own flight time.
    pub vehicle: Option<VehicleReport>,
    /// The station's name.
    pub station_name: Option<String>,
    /// The spacecraft type's name.
    pub spacecraft_name: String,
    /// The people of its crews who died in flight: (name, date of death).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "died_json")]
    #[schemars(with = "Vec<DiedJson>")]
    pub died_in_flight: Vec<(String, String)>,
}

/// One moment of a flight, for the time-ordered view.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TimelineEntry {
    /// `launch`, `docking`, … or the event id.
    pub id: String,
    /// `launch`, `docking`, `undocking`, `landing`, or the event kind.
    pub kind: String,
    /// When it happened; `null` for a moment only planned.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub time: Option<Time>,
    /// When it was planned.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub planned: Option<Time>,
    /// When it ended (EVAs).
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub end: Option<Time>,
    /// One line.
    pub title: Option<String>,
    /// Names of the people involved.
    pub crew: Vec<String>,
    /// References of its causes.
    pub caused_by: Vec<String>,
    /// The source marks the time uncertain.
    pub uncertain: bool,
    /// The time is inferred, not published.
    pub inferred: bool,
}

/// Everything about one flight.
pub fn show(catalog: &Catalog, id: &str, now: DateTime<Utc>) -> Result<ShowReport, QueryError> {
    let flight = catalog
        .flight(id)
        .ok_or_else(|| QueryError::unknown(id, catalog.flights().iter().map(|f| f.id.clone())))?;
    let names = |crew: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        crew.map(|a| catalog.name_of(a).to_string()).collect()
    };
    let mut timeline = Vec::new();
    let mut moment =
        |id: &str, time: Option<&Time>, planned: Option<&Time>, crew, flags: (bool, bool)| {
            if time.is_some() || planned.is_some() {
                timeline.push(TimelineEntry {
                    id: id.to_string(),
                    kind: id.to_string(),
                    time: time.cloned(),
                    planned: planned.cloned(),
                    end: None,
                    title: None,
                    crew,
                    caused_by: Vec::new(),
                    uncertain: flags.0,
                    inferred: flags.1,
                });
            }
        };
    let launch = &flight.launch;
    moment(
        "launch",
        launch.time.as_ref(),
        launch.planned.as_ref(),
        names(&mut launch.crew.iter().map(|c| c.astronaut.as_str())),
        (launch.uncertain, launch.inferred),
    );
    for (name, m) in [
        ("docking", &flight.docking),
        ("undocking", &flight.undocking),
    ] {
        if let Some(m) = m {
            moment(
                name,
                m.time.as_ref(),
                m.planned.as_ref(),
                Vec::new(),
                (m.uncertain, m.inferred),
            );
        }
    }
    if let Some(landing) = &flight.landing {
        moment(
            "landing",
            landing.time.as_ref(),
            landing.planned.as_ref(),
            names(&mut landing.crew.iter().map(|c| c.astronaut.as_str())),
            (landing.uncertain, landing.inferred),
        );
    }
    for e in &flight.events {
        timeline.push(TimelineEntry {
            id: e.id.clone(),
            kind: e.kind.as_str().to_string(),
            time: Some(e.time.clone()),
            planned: e.planned.clone(),
            end: e.end.clone(),
            title: e.title.clone(),
            crew: names(&mut e.crew.iter().map(String::as_str)),
            caused_by: e.caused_by.clone(),
            uncertain: false,
            inferred: false,
        });
    }
    timeline.sort_by(|a, b| {
        let key = |t: &TimelineEntry| t.time.clone().or_else(|| t.planned.clone());
        key(a).cmp(&key(b))
    });
    let stays_up = catalog
        .stays()
        .iter()
        .filter(|s| s.up == flight.id)
        .map(|s| stay_report(catalog, s, now))
        .collect();
    let stays_down_from_elsewhere = catalog
        .stays()
        .iter()
        .filter(|s| s.down.as_deref() == Some(&flight.id) && s.up != flight.id)
        .map(|s| stay_report(catalog, s, now))
        .collect();
    Ok(ShowReport {
        died_in_flight: died_in_flight(catalog, flight),
        flight: flight.clone(),
        timeline,
        stays_up,
        stays_down_from_elsewhere,
        vehicle: vehicle_report(flight, now),
        station_name: flight
            .station
            .as_deref()
            .and_then(|s| catalog.station(s))
            .map(|s| s.name.clone()),
        spacecraft_name: catalog
            .spacecraft(&flight.spacecraft)
            .map_or(flight.spacecraft.clone(), |s| s.name.clone()),
    })
}

/// The names under which a flight file holds a time ([`Flight`], [`crate::model::Event`]).
const TIME_FIELDS: [&str; 6] = ["time", "planned", "end", "from", "to", "checked"];

/// A flight file in JSON with every time as an instant, as in every other output; the rest as stored.
fn flight_json<S: serde::Serializer>(flight: &Flight, s: S) -> Result<S::Ok, S::Error> {
    fn instants(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, field) in map.iter_mut() {
                    let time = match field {
                        serde_json::Value::String(text) if TIME_FIELDS.contains(&key.as_str()) => {
                            Time::parse(text).ok()
                        }
                        _ => None,
                    };
                    match time {
                        Some(time) => {
                            *field = serde_json::json!(crate::model::instant::Instant::of(&time))
                        }
                        None => instants(field),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(instants),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(flight).map_err(serde::ser::Error::custom)?;
    instants(&mut value);
    value.serialize(s)
}

/// One person who died in flight, in JSON.
#[derive(Serialize, schemars::JsonSchema)]
struct DiedJson {
    /// Their name.
    name: String,
    /// The date of death; `null` where the registry's text is not a date.
    died: Option<crate::model::instant::Instant>,
}

fn died_json<S: serde::Serializer>(died: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    let json = |(name, date): &(String, String)| DiedJson {
        name: name.clone(),
        died: Time::parse(date)
            .ok()
            .as_ref()
            .map(crate::model::instant::Instant::of),
    };
    s.collect_seq(died.iter().map(json))
}

/// The people of the flight's crews (up or down) who died in flight: (name, date of death), once each.
fn died_in_flight(catalog: &Catalog, flight: &Flight) -> Vec<(String, String)> {
    let mut died_in_flight: Vec<(String, String)> = Vec::new();
    for member in flight
        .launch
        .crew
        .iter()
        .chain(flight.landing.iter().flat_map(|l| &l.crew))
    {
        let Some(person) = catalog.astronaut(&member.astronaut) else {
            continue;
        };
        if let Some(died) = &person.died_in_flight {
            if !died_in_flight.iter().any(|(n, _)| *n == person.name) {
                died_in_flight.push((person.name.clone(), died.clone()));
            }
        }
    }
    died_in_flight
}
