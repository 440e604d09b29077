//! Building the catalog from what the responses say ([`Responses`]): people with a readable nationality,
//! one flight per crewed (or human-rated) spacecraft flight with a launch time the format can hold, the
//! spacecraft types and stations they name, and the vehicle swaps for the summary.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::nation::known_station;
use super::read::{CraftFlight, Docking, Launch, Responses};
use super::Ll2Summary;
use crate::catalog::locate::{locate, Path};
use crate::catalog::Problem;
use crate::import::{slug, IdPool, ImportError, ImportedCatalog, InputFile, Note};
use crate::model::{
    Astronaut, AstronautsFile, CrewMember, End, Flight, Mooring, Spacecraft, SpacecraftFile,
    Station, StationsFile, Time,
};

const LL2: &str = "https://thespacedevs.com/llapi";

/// A spacecraft type as the flights show it: its name, LL2's `crew_capacity`, the most people seen aboard.
type Types = BTreeMap<String, (String, Option<u32>, u32)>;

/// Reads a time of the responses, or records why it cannot.
struct Times<'a> {
    files: &'a [InputFile],
    problems: Vec<Problem>,
}

impl Times<'_> {
    fn read(
        &mut self,
        (text, path, file): &(String, Path, usize),
        precision: Option<i64>,
    ) -> Option<Time> {
        let input = &self.files[*file];
        match ll2_time(text, precision) {
            Ok(t) => t,
            Err(message) => {
                self.problems.push(
                    Problem::at(&input.name, locate(&input.text, path), message)
                        .hint("LL2 times are ISO 8601 in UTC, like 2026-07-14T14:43:00Z"),
                );
                None
            }
        }
    }
}

impl Responses {
    /// The catalog, or the times that could not be read.
    pub(super) fn build(
        mut self,
        files: &[InputFile],
        summary: &mut Ll2Summary,
    ) -> Result<ImportedCatalog, ImportError> {
        self.join_astronaut_flights();
        let (astronauts, person_ids) = self.astronauts(summary);
        let with_craft: HashSet<&String> = self.crafts.values().map(|c| &c.launch).collect();
        let without_craft = self
            .launches
            .keys()
            .filter(|id| !with_craft.contains(id))
            .count();
        if without_craft > 0 {
            summary.skipped.push(Note::new(
                format!(
                    "{without_craft} launch{}",
                    if without_craft == 1 { "" } else { "es" }
                ),
                "no spacecraft stage: not a human spaceflight",
            ));
        }
        let mut times = Times {
            files,
            problems: Vec::new(),
        };
        let mut flights = Vec::new();
        let mut types = Types::new();
        let mut flight_pool = IdPool::default();
        let crafts = std::mem::take(&mut self.crafts);
        for craft in crafts.values() {
            let flight = self.flight(craft, &person_ids, &mut types, &mut times, summary);
            if let Some(mut flight) = flight {
                flight.id = flight_pool.claim(&slug(&flight.name));
                flights.push(flight);
            }
        }
        if !times.problems.is_empty() {
            return Err(ImportError::Input(times.problems));
        }
        note_swaps(&astronauts, &flights, summary);
        summary.flights = flights.len();
        summary.astronauts = astronauts.len();
        summary.stations = self.stations.len();
        summary.skipped.extend(std::mem::take(&mut self.skipped));
        Ok(self.catalog(astronauts, types, flights))
    }

    /// Astronaut records' `flights`: the person went up on that launch's spacecraft.
    fn join_astronaut_flights(&mut self) {
        let mut craft_of: HashMap<String, String> = HashMap::new();
        for (key, craft) in &self.crafts {
            craft_of
                .entry(craft.launch.clone())
                .or_insert_with(|| key.clone());
        }
        for (person, launch) in std::mem::take(&mut self.went_up) {
            let key = craft_of
                .entry(launch.clone())
                .or_insert_with(|| format!("launch {launch}"))
                .clone();
            let craft = self.crafts.entry(key).or_insert_with(|| CraftFlight {
                launch: launch.clone(),
                ..CraftFlight::default()
            });
            if !craft.launch_crew.iter().any(|(a, _)| *a == person) {
                craft.launch_crew.push((person, None));
            }
        }
    }

    /// The people with a nationality orbitline can read, and their ids by LL2 id.
    fn astronauts(&self, summary: &mut Ll2Summary) -> (Vec<Astronaut>, HashMap<i64, String>) {
        let mut person_ids = HashMap::new();
        let mut pool = IdPool::default();
        let mut astronauts = Vec::new();
        for (ll2_id, person) in &self.people {
            let Some(nation) = person.nation.clone() else {
                summary.skipped.push(Note::new(
                    person.name.clone(),
                    "no nationality orbitline can read as an ISO 3166-1 code: left out of every crew",
                ));
                continue;
            };
            let id = pool.claim(&slug(&person.name));
            person_ids.insert(*ll2_id, id.clone());
            astronauts.push(Astronaut {
                id,
                name: person.name.clone(),
                native_name: None,
                aliases: Vec::new(),
                nation,
                born: person.born.clone().filter(|b| b.len() >= 4),
                died_in_flight: None,
                sources: person.url.iter().cloned().collect(),
                notes: Some(format!("Launch Library 2 astronaut {ll2_id}.")),
            });
        }
        (astronauts, person_ids)
    }

    /// The flight of one spacecraft flight (its id still to be given), or `None` with the reason in the
    /// summary (or a time that could not be read in `times`).
    fn flight(
        &mut self,
        craft: &CraftFlight,
        person_ids: &HashMap<i64, String>,
        types: &mut Types,
        times: &mut Times,
        summary: &mut Ll2Summary,
    ) -> Option<Flight> {
        let launch = self.launches.get(&craft.launch)?.clone();
        let label = launch
            .mission
            .clone()
            .unwrap_or_else(|| launch.name.clone());
        let crewed = !craft.launch_crew.is_empty() || !craft.landing_crew.is_empty();
        if !crewed && craft.human_rated != Some(true) {
            let config = craft.config.as_deref().unwrap_or("spacecraft");
            let reason = format!("uncrewed {config}, not rated for people");
            summary.skipped.push(Note::new(label, reason));
            return None;
        }
        let happened = matches!(launch.status, Some(3 | 4 | 6 | 7));
        let net_time = launch_time(&launch, happened, &label, times, summary)?;
        let Some(nation) = craft.nation.clone().or(launch.provider_nation.clone()) else {
            summary.skipped.push(Note::new(
                label,
                "the response names no nation for the spacecraft or the launch provider",
            ));
            return None;
        };
        let name = launch
            .mission
            .clone()
            .or_else(|| launch.name.split(" | ").nth(1).map(str::to_string))
            .or_else(|| craft.spacecraft.clone())
            .unwrap_or_else(|| launch.name.clone());
        let (type_name, named_by) = match &craft.config {
            Some(config) => (config.clone(), None),
            None => (
                name.split_whitespace().next().unwrap_or("Spacecraft").to_string(),
                Some("The responses do not name the spacecraft type; programme and type are the first word of the mission name."),
            ),
        };
        let program = craft.family.clone().unwrap_or_else(|| type_name.clone());
        let type_id = slug(&type_name);
        let crew = |list: &[(i64, Option<String>)]| -> Vec<CrewMember> {
            list.iter()
                .filter_map(|(a, role)| {
                    person_ids.get(a).map(|id| CrewMember {
                        astronaut: id.clone(),
                        role: role.clone(),
                    })
                })
                .collect()
        };
        let launch_crew = crew(&craft.launch_crew);
        let end = craft
            .mission_end
            .as_ref()
            .and_then(|m| times.read(m, Some(0)));
        let landing_crew = match end {
            Some(_) => crew(&craft.landing_crew),
            None => Vec::new(),
        };
        let entry = types
            .entry(type_id.clone())
            .or_insert((type_name.clone(), craft.capacity, 0));
        entry.1 = entry.1.or(craft.capacity);
        entry.2 = entry
            .2
            .max(launch_crew.len() as u32)
            .max(landing_crew.len() as u32);
        let docking = craft.dockings.iter().find(|d| d.docking.is_some());
        let station = self.station(craft, docking);
        let mut notes = self.notes(&launch, craft, happened, end.is_some());
        if let Some(n) = named_by {
            notes.push(n.to_string());
        }
        let mut sources: Vec<String> = launch.url.iter().chain(craft.url.iter()).cloned().collect();
        if sources.is_empty() {
            sources.push(LL2.into());
        }
        let (docking, undocking) = moorings(docking, times);
        summary.docking_events += usize::from(docking.is_some());
        let checked = launch
            .updated
            .as_deref()
            .and_then(|u| u.get(..10))
            .and_then(|d| Time::parse(d).ok());
        summary.launched += usize::from(happened);
        Some(Flight {
            id: String::new(),
            name,
            program,
            spacecraft: type_id,
            nation,
            operator: launch.provider.clone(),
            station,
            outcome: None,
            orbit: None,
            deep_space: None,
            launch: End {
                time: happened.then(|| net_time.clone()),
                planned: (!happened).then_some(net_time),
                site: launch.pad.clone(),
                crew: launch_crew,
                ..End::default()
            },
            docking,
            undocking,
            landing: end.map(|t| End {
                time: Some(t),
                crew: landing_crew,
                ..End::default()
            }),
            events: Vec::new(),
            checked,
            sources,
            notes: Some(notes.join(" ")),
        })
    }

    /// The station a spacecraft flight went to: its destination when orbitline knows the name (added to
    /// the stations), else the station of its docking.
    fn station(&mut self, craft: &CraftFlight, docking: Option<&Docking>) -> Option<String> {
        let known =
            craft
                .destination
                .as_deref()
                .and_then(known_station)
                .map(|(id, shown, nation)| {
                    self.stations.entry(id.to_string()).or_insert((
                        shown.to_string(),
                        nation.to_string(),
                        None,
                    ));
                    id.to_string()
                });
        known.or_else(|| docking.and_then(|d| d.station.clone()))
    }

    /// What a flight's notes say of its source and of what is only planned.
    fn notes(
        &self,
        launch: &Launch,
        craft: &CraftFlight,
        happened: bool,
        ended: bool,
    ) -> Vec<String> {
        let planned_crew = || {
            craft
                .landing_crew
                .iter()
                .filter_map(|(a, _)| self.people.get(a).map(|p| p.name.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut notes = vec![format!("Launch Library 2: {}.", launch.name)];
        if !happened {
            notes.push(
                "Not launched when the response was made: the launch time is the planned NET."
                    .into(),
            );
            if !craft.landing_crew.is_empty() {
                notes.push(format!("Planned landing crew: {}.", planned_crew()));
            }
        } else if !ended && !craft.landing_crew.is_empty() {
            notes.push(format!(
                "No mission_end yet; planned landing crew: {}.",
                planned_crew()
            ));
        }
        notes
    }

    /// The registries around the flights, with the credit LL2's terms ask for.
    fn catalog(
        self,
        astronauts: Vec<Astronaut>,
        types: Types,
        flights: Vec<Flight>,
    ) -> ImportedCatalog {
        let spacecraft = types
            .into_iter()
            .map(|(id, (name, capacity, seen))| Spacecraft {
                id,
                name,
                seats: capacity.unwrap_or(seen).max(seen).max(1),
                rated_days: None,
                sources: Vec::new(),
                notes: Some(match capacity {
                    Some(c) => format!("Seats: crew_capacity {c} in Launch Library 2."),
                    None => format!("Seats: the responses give no crew_capacity; {} is the most people they put aboard one launch or landing of this type, not a published capacity.", seen.max(1)),
                }),
            })
            .collect();
        let stations = self
            .stations
            .into_iter()
            .filter(|(_, (_, nation, _))| nation.len() == 2)
            .map(|(id, (name, nation, url))| Station {
                id,
                name,
                aliases: Vec::new(),
                nation,
                sources: url.into_iter().collect(),
                notes: None,
            })
            .collect();
        let credit =
            format!("From The Space Devs' Launch Library 2 ({LL2}). Imported by orbitline.");
        ImportedCatalog {
            astronauts: AstronautsFile {
                astronauts,
                sources: vec![LL2.into()],
                notes: Some(credit.clone()),
            },
            spacecraft: SpacecraftFile {
                spacecraft,
                sources: vec![LL2.into()],
                notes: Some(format!("{credit} One type per spacecraft configuration.")),
            },
            stations: StationsFile {
                stations,
                sources: vec![LL2.into()],
                notes: Some(credit),
            },
            flights,
        }
    }
}

/// The launch time at the precision LL2 gives it, or `None` with the reason in the summary.
fn launch_time(
    launch: &Launch,
    happened: bool,
    label: &str,
    times: &mut Times,
    summary: &mut Ll2Summary,
) -> Option<Time> {
    let precision = if happened && launch.precision.is_none() {
        Some(0)
    } else {
        launch.precision
    };
    let Some(net) = launch.net.as_ref() else {
        summary.skipped.push(Note::new(label, "no launch date"));
        return None;
    };
    let time = times.read(net, precision);
    if time.is_none() && ll2_time(&net.0, precision).is_ok() {
        summary.skipped.push(Note::new(
            label,
            format!(
                "launch date known only to the {} (net_precision {}): the format holds dates to the day at most",
                precision_name(precision),
                precision.unwrap_or(-1)
            ),
        ));
    }
    time
}

/// The docking and undocking of a flight's first docking.
fn moorings(docking: Option<&Docking>, times: &mut Times) -> (Option<Mooring>, Option<Mooring>) {
    let Some(d) = docking else {
        return (None, None);
    };
    let mut moor =
        |t: &Option<(String, Path, usize)>| t.as_ref().and_then(|t| times.read(t, Some(0)));
    let (docked, departed) = (moor(&d.docking), moor(&d.departure));
    (
        docked.map(|t| Mooring {
            time: Some(t),
            port: d.port.clone(),
            ..Mooring::default()
        }),
        departed.map(|t| Mooring {
            time: Some(t),
            ..Mooring::default()
        }),
    )
}

/// People who came down on another vehicle than the one they went up on, for the summary.
fn note_swaps(astronauts: &[Astronaut], flights: &[Flight], summary: &mut Ll2Summary) {
    let names: HashMap<&str, &str> = astronauts
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let mut up: HashMap<&str, Vec<&str>> = HashMap::new();
    for f in flights {
        for m in &f.launch.crew {
            up.entry(m.astronaut.as_str())
                .or_default()
                .push(f.name.as_str());
        }
    }
    for f in flights {
        for m in f.landing_crew() {
            let ups = up.get(m.astronaut.as_str()).cloned().unwrap_or_default();
            if !ups.contains(&f.name.as_str()) && !ups.is_empty() {
                summary.swaps.push(Note::new(
                    names.get(m.astronaut.as_str()).copied().unwrap_or_default(),
                    format!("up on {}, down on {}", ups.join(" or "), f.name),
                ));
            }
        }
    }
}

fn precision_name(precision: Option<i64>) -> &'static str {
    match precision {
        Some(6) => "week",
        Some(7) => "month",
        Some(8..=11) => "quarter",
        Some(12 | 13) => "half year",
        Some(14) => "year",
        Some(15) => "decade",
        _ => "unknown precision",
    }
}

/// An LL2 time at the precision `net_precision` gives: 0 second, 1 minute, 2 hour (kept as the UTC day:
/// the format has no hour precision, and a coarser value is never made finer), 3–5 morning, afternoon or day
/// (a date in some zone), coarser ones `None`. Without a precision the value is taken as written.
pub(super) fn ll2_time(text: &str, precision: Option<i64>) -> Result<Option<Time>, String> {
    let parsed = chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|e| format!("`{text}` is not an ISO 8601 time: {e}"))?
        .with_timezone(&chrono::Utc);
    let formatted = match precision {
        None | Some(0) => parsed.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Some(1) => parsed.format("%Y-%m-%dT%H:%MZ").to_string(),
        Some(2) => parsed.format("%Y-%m-%dZ").to_string(),
        Some(3..=5) => parsed.format("%Y-%m-%d").to_string(),
        Some(_) => return Ok(None),
    };
    Time::parse(&formatted).map(Some).map_err(|e| e.to_string())
}
