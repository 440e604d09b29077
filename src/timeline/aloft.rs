//! Who was in space at a moment: every open stay at that instant, grouped by the station they were
//! aboard (from the station occupancy of [`super::station`], the one place that says who is aboard) or
//! the spacecraft they were in, with how long each had been up.
//!
//! A person is in space from the launch of their up flight to the landing of their down flight. The
//! default moment is the catalog's last check (the latest `checked` date of its flights); past it, the
//! report marks who may have landed since, and says that later launches are not in the catalog.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::how_long::past_checked;
use super::station::{aboard, visits};
use super::Elapsed;
use crate::catalog::Catalog;
use crate::catalog::Stay;
use crate::model::{Flight, Time};

/// The answer to `orbitline aloft`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AloftReport {
    /// The moment asked about.
    #[serde(serialize_with = "crate::model::instant::computed")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub at: DateTime<Utc>,
    /// No moment was given: `at` is the start of the day of the catalog's last check.
    pub at_last_check: bool,
    /// The latest date a flight of the catalog was checked against its sources.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub last_check: Option<Time>,
    /// `at` lies after the last check: people may have landed since, and launches after it are missing.
    pub past_last_check: bool,
    /// How many people were in space.
    pub count: usize,
    /// Stations first (catalog order), then spacecraft not at a station (by launch).
    pub groups: Vec<AloftGroup>,
}

/// Where a group of people was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// Aboard a station.
    Station,
    /// In a spacecraft, not at a station.
    Spacecraft,
}

/// The people at one station or in one spacecraft.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AloftGroup {
    /// A station, or a spacecraft (a free flyer, or a crew on its way to or from a station).
    pub place: Place,
    /// The station's id, or the flight's.
    pub id: String,
    /// Its name.
    pub name: String,
    /// For a spacecraft headed to or from a station: which, and which way (`to` or `from`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leg: Option<Leg>,
    /// Who, by launch.
    pub people: Vec<PersonAloft>,
}

/// A spacecraft's way to or from a station.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Leg {
    /// `to` (launched, not yet aboard) or `from` (left the station, not yet landed).
    pub direction: &'static str,
    /// The station's id.
    pub station: String,
    /// Its name.
    pub station_name: String,
}

/// One person in space.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PersonAloft {
    /// Their id.
    pub astronaut: String,
    /// Their name.
    pub name: String,
    /// Citizenship.
    pub nation: String,
    /// The flight that took them up.
    pub up: String,
    /// Its name.
    pub up_name: String,
    /// Its launch.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub since: Time,
    /// Time up at `at`, with the bounds the launch time's precision leaves.
    pub elapsed: Elapsed,
    /// `at` falls within the precision of their launch or landing: they may not have been up then.
    pub uncertain: bool,
    /// Not landed in the catalog, and `at` is after their flight was last checked: they may have landed
    /// (`may_have_ended` in JSON, as for a stay).
    #[serde(rename = "may_have_ended")]
    pub may_have_landed: bool,
}

/// Where a person's stay at a station puts them at a moment.
struct AtStation<'a> {
    station: usize,
    arrive: &'a Time,
    leave: Option<&'a Time>,
}

/// Everyone in space at `at` (default: the start of the day of the catalog's last check, or `now` when
/// no flight says when it was checked).
pub fn aloft(catalog: &Catalog, at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> AloftReport {
    let last_check = catalog.checked_range().map(|(_, latest)| latest.clone());
    let at_last_check = at.is_none();
    let at = at.unwrap_or_else(|| last_check.as_ref().map_or(now, Time::instant));
    let up_at = |start: &Time, end: Option<&Time>| {
        start.instant() <= at && end.is_none_or(|e| at < e.instant())
    };
    let stays: Vec<_> = catalog
        .stays()
        .iter()
        .filter(|s| up_at(&s.start, s.end.as_ref()))
        .collect();

    let at_station = crews_at_stations(catalog);

    let mut groups: Vec<AloftGroup> = Vec::new();
    let mut group_of: HashMap<(Place, String), usize> = HashMap::new();
    for stay in &stays {
        let Some(up) = catalog.flight(&stay.up) else {
            continue;
        };
        let here = at_station.get(&(stay.astronaut.as_str(), stay.up.as_str()));
        let group = group_of_stay(catalog, stay, up, here, at);
        let (place, id) = (group.place, group.id.clone());
        let index = *group_of.entry((place, id)).or_insert_with(|| {
            groups.push(group);
            groups.len() - 1
        });
        let person = catalog.astronaut(&stay.astronaut);
        let within =
            |t: &Time| t.earliest() <= at && at < t.latest() && !t.earliest().eq(&t.latest());
        groups[index].people.push(PersonAloft {
            astronaut: stay.astronaut.clone(),
            name: catalog.name_of(&stay.astronaut).to_string(),
            nation: person.map_or_else(String::new, |p| p.nation.clone()),
            up: up.id.clone(),
            up_name: up.name.clone(),
            since: stay.start.clone(),
            elapsed: Elapsed::until(&stay.start, at),
            uncertain: within(&stay.start) || stay.end.as_ref().is_some_and(within),
            may_have_landed: stay.end.is_none() && past_checked(up, at),
        });
    }
    let station_rank: HashMap<&str, usize> = catalog
        .stations()
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let launch = |id: &str| catalog.flight(id).and_then(|f| f.launch.time.clone());
    groups.sort_by(|a, b| {
        let key = |g: &AloftGroup| match g.place {
            Place::Station => (0, station_rank.get(g.id.as_str()).copied(), None),
            Place::Spacecraft => (1, None, launch(&g.id)),
        };
        key(a).cmp(&key(b))
    });
    AloftReport {
        at,
        at_last_check,
        past_last_check: last_check.as_ref().is_some_and(|c| c.latest() < at),
        last_check,
        count: stays.len(),
        groups,
    }
}

/// Every crew aboard every station, by (astronaut, up flight), as the station timeline counts them.
fn crews_at_stations(catalog: &Catalog) -> HashMap<(&str, &str), AtStation<'_>> {
    let mut at_station = HashMap::new();
    let mut ignored = Vec::new();
    for (index, station) in catalog.stations().iter().enumerate() {
        let visits = visits(catalog, &station.id, &mut ignored);
        for crew in aboard(catalog, &visits) {
            for astronaut in crew.astronauts {
                at_station.insert(
                    (astronaut, crew.up),
                    AtStation {
                        station: index,
                        arrive: crew.arrive,
                        leave: crew.leave,
                    },
                );
            }
        }
    }
    at_station
}

/// The (empty) group a person on `stay` belongs to at `at`: the station they were aboard, or the
/// spacecraft they were in (`up` before it reached the station, their down flight after they left it).
fn group_of_stay(
    catalog: &Catalog,
    stay: &Stay,
    up: &Flight,
    here: Option<&AtStation>,
    at: DateTime<Utc>,
) -> AloftGroup {
    let group = |place, id: &str, name: &str, leg| AloftGroup {
        place,
        id: id.to_string(),
        name: name.to_string(),
        leg,
        people: Vec::new(),
    };
    let Some(here) = here else {
        return group(Place::Spacecraft, &up.id, &up.name, None);
    };
    let station = &catalog.stations()[here.station];
    if here.arrive.instant() <= at && here.leave.is_none_or(|l| at < l.instant()) {
        return group(Place::Station, &station.id, &station.name, None);
    }
    let (direction, vehicle) = if at < here.arrive.instant() {
        ("to", up)
    } else {
        let down = stay.down.as_deref().and_then(|d| catalog.flight(d));
        ("from", down.unwrap_or(up))
    };
    let leg = Leg {
        direction,
        station: station.id.clone(),
        station_name: station.name.clone(),
    };
    group(Place::Spacecraft, &vehicle.id, &vehicle.name, Some(leg))
}
