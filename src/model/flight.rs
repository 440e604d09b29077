//! A flight file: one flight of one spacecraft, from launch to landing, with its crews and events.
//!
//! These types are the file format (see `docs/data-format.md`): they deserialize strictly (unknown fields
//! are errors) and `missions/schema.json` is generated from them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{MinGap, Time};

/// One flight of one spacecraft, as stored in a flight file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct Flight {
    /// Unique in the catalog, a lowercase slug: `shenzhou-20`.
    pub id: String,
    /// As people write it: `Shenzhou-20`.
    pub name: String,
    /// The programme: `Shenzhou`, `Soyuz`, `Crew Dragon`.
    pub program: String,
    /// The vehicle type, an id from `spacecraft.json`.
    pub spacecraft: String,
    /// ISO 3166-1 alpha-2 code of the operating nation.
    pub nation: String,
    /// The operating agency or company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The station visited, an id from `stations.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station: Option<String>,
    /// How the flight ended; not given means completed (or, in a curated file that replaces a generated
    /// flight, what the generated flight says).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Whether it reached orbit (McDowell's `OrbID`); not given for an aborted launch, which reached
    /// neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orbit: Option<Orbit>,
    /// It left Earth orbit (McDowell's `DS`: the Apollo lunar flights, Artemis II).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deep_space: Option<bool>,
    /// The launch; its crew went up on this flight.
    pub launch: End,
    /// Docking at the station.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docking: Option<Mooring>,
    /// Undocking from the station.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undocking: Option<Mooring>,
    /// The landing; its crew came down on this flight. Missing, or without `time`, while in orbit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing: Option<End>,
    /// What happened on the way.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// The date this flight was last checked against its sources (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Time>,
    /// Source URLs; at least one.
    pub sources: Vec<String>,
    /// Free text: conflicts between sources, what was inferred and how.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// How a flight ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[derive(bincode::Encode, bincode::Decode)]
pub enum Outcome {
    /// It flew as planned, or came home alive from whatever went wrong on the way.
    Completed,
    /// The launch was aborted (on the pad or in ascent); the crew survived and reached no orbit, or no
    /// station it was going to.
    AbortedLaunch,
    /// It reached space but came home without doing what it went for (Apollo 13).
    MissionAborted,
    /// The crew died during the launch (STS-51-L).
    CrewLostOnLaunch,
    /// The crew died on the way home: re-entry or landing (Soyuz 1, Soyuz 11, STS-107).
    CrewLostOnReturn,
}

impl Outcome {
    /// Whether the crew died.
    pub fn crew_lost(self) -> bool {
        matches!(self, Outcome::CrewLostOnLaunch | Outcome::CrewLostOnReturn)
    }

    /// For people: `aborted launch`, `crew lost during the return (re-entry and landing)`.
    pub fn describe(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::AbortedLaunch => "aborted launch",
            Outcome::MissionAborted => "mission aborted",
            Outcome::CrewLostOnLaunch => "crew lost during the launch",
            Outcome::CrewLostOnReturn => "crew lost during the return (re-entry and landing)",
        }
    }
}

/// Whether a flight reached orbit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[derive(bincode::Encode, bincode::Decode)]
pub enum Orbit {
    /// It went around the Earth (McDowell's `OrbID` ORB…).
    Orbital,
    /// Up and down without completing an orbit (McDowell's `OrbID` SO…).
    Suborbital,
}

/// A launch or a landing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct End {
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Time>,
    /// When it was scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Time>,
    /// Launch site or landing zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Who went up (launch) or came down (landing) on this flight.
    #[serde(default)]
    pub crew: Vec<CrewMember>,
    /// The source marks the time as uncertain (McDowell's `?`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub uncertain: bool,
    /// The time is derived rather than published; `notes` says how.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inferred: bool,
    /// References (`flight/event`) to what caused it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caused_by: Vec<String>,
    /// What it could not happen before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<After>,
    /// Source URLs for this end.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A docking or an undocking at the station.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct Mooring {
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Time>,
    /// When it was scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Time>,
    /// The port: `Tianhe forward`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<String>,
    /// The source marks the time as uncertain.
    #[serde(default, skip_serializing_if = "is_false")]
    pub uncertain: bool,
    /// The time is derived rather than published; `notes` says how.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inferred: bool,
    /// References (`flight/event`) to what caused it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caused_by: Vec<String>,
    /// What it could not happen before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<After>,
    /// Source URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A person in a crew list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct CrewMember {
    /// An id from `astronauts.json`.
    pub astronaut: String,
    /// `commander`, `flight engineer`, `payload specialist`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// Something that happened during a flight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct Event {
    /// Unique within the flight; `launch`, `docking`, `undocking`, `landing` are reserved.
    pub id: String,
    /// What kind of event it is.
    pub kind: EventKind,
    /// When it happened (or began).
    pub time: Time,
    /// When it ended (EVAs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Time>,
    /// One line for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Astronaut ids taking part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub crew: Vec<String>,
    /// When it was scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Time>,
    /// References (`flight/event`) to what caused it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caused_by: Vec<String>,
    /// What it could not happen before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<After>,
    /// `schedule-change`: the reference whose planned time moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// `schedule-change`: the planned time before the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Time>,
    /// `schedule-change`: the planned time after the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Time>,
    /// `anomaly`: what it did to vehicles, from the event's time on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    /// Source URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The kinds of event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[derive(bincode::Encode, bincode::Decode)]
pub enum EventKind {
    /// A spacewalk.
    Eva,
    /// Something went wrong (damage, a failure).
    Anomaly,
    /// A planned time moved (`target`, `from`, `to`).
    ScheduleChange,
    /// One crew handed the station over to the next.
    Handover,
    /// Anything else worth a mark on the timeline.
    Milestone,
}

impl EventKind {
    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Eva => "eva",
            EventKind::Anomaly => "anomaly",
            EventKind::ScheduleChange => "schedule-change",
            EventKind::Handover => "handover",
            EventKind::Milestone => "milestone",
        }
    }
}

/// "This could not happen before that": a dependency on another event, with an optional least time
/// between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct After {
    /// The reference (`flight/event`) it had to wait for.
    pub event: String,
    /// The least time that had to pass after that event (ISO 8601: `P1D`, `PT36H`); none means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_gap: Option<MinGap>,
    /// Source URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// What an anomaly did to a vehicle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct Effect {
    /// The flight whose vehicle was affected.
    pub vehicle: String,
    /// The vehicle's new status.
    pub status: VehicleStatus,
}

/// The status an anomaly gives a vehicle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[derive(bincode::Encode, bincode::Decode)]
pub enum VehicleStatus {
    /// No longer fit to bring a crew home.
    UnfitForCrewReturn,
}

/// The ids of a flight's own moments, usable in references as `flight/launch` and so on.
pub const RESERVED_EVENT_IDS: [&str; 4] = ["launch", "docking", "undocking", "landing"];

fn is_false(value: &bool) -> bool {
    !*value
}

impl Flight {
    /// Gives back the spare capacity of its lists. A list read from JSON grows by doubling from four
    /// entries, so a crew of one holds room for four; a catalog keeps its flights for the whole run.
    pub fn shrink_to_fit(&mut self) {
        self.sources.shrink_to_fit();
        self.events.shrink_to_fit();
        for event in &mut self.events {
            event.crew.shrink_to_fit();
            event.sources.shrink_to_fit();
            event.caused_by.shrink_to_fit();
            event.effects.shrink_to_fit();
        }
        for end in [Some(&mut self.launch), self.landing.as_mut()]
            .into_iter()
            .flatten()
        {
            end.crew.shrink_to_fit();
            end.sources.shrink_to_fit();
            end.caused_by.shrink_to_fit();
        }
        for mooring in [self.docking.as_mut(), self.undocking.as_mut()]
            .into_iter()
            .flatten()
        {
            mooring.sources.shrink_to_fit();
            mooring.caused_by.shrink_to_fit();
        }
    }

    /// How the flight ended (completed where the file does not say).
    pub fn outcome(&self) -> Outcome {
        self.outcome.unwrap_or(Outcome::Completed)
    }

    /// The launch time, where known.
    pub fn launch_time(&self) -> Option<&Time> {
        self.launch.time.as_ref()
    }

    /// The landing time, where the flight has landed.
    pub fn landing_time(&self) -> Option<&Time> {
        self.landing.as_ref().and_then(|l| l.time.as_ref())
    }

    /// The planned landing time, where one is known.
    pub fn planned_landing(&self) -> Option<&Time> {
        self.landing.as_ref().and_then(|l| l.planned.as_ref())
    }

    /// Who came down on this flight.
    pub fn landing_crew(&self) -> &[CrewMember] {
        self.landing.as_ref().map_or(&[], |l| &l.crew)
    }

    /// The time of a reserved moment or an event of this flight, by id.
    pub fn moment(&self, id: &str) -> Option<Option<&Time>> {
        match id {
            "launch" => Some(self.launch.time.as_ref()),
            "docking" => self.docking.as_ref().map(|d| d.time.as_ref()),
            "undocking" => self.undocking.as_ref().map(|d| d.time.as_ref()),
            "landing" => self.landing.as_ref().map(|l| l.time.as_ref()),
            _ => self
                .events
                .iter()
                .find(|e| e.id == id)
                .map(|e| Some(&e.time)),
        }
    }
}
