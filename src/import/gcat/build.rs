//! The catalog from what was read and inferred: a flight file per imported ship and per ship with no row
//! that brought a crew home, launch and landing crews, and the three registries with McDowell's credit.

use std::collections::BTreeMap;

use super::people::role;
use super::ships::{operator, parse_time, seconds, station, vehicle_type};
use super::table::Table;
use super::{GcatSummary, Kind, Landing, Person, Phantom, Ship, CREDIT, SOURCE};
use crate::import::ImportedCatalog;
use crate::model::{
    Astronaut, AstronautsFile, CrewMember, End, Flight, Outcome, Precision, Spacecraft,
    SpacecraftFile, Station, StationsFile, Time,
};

fn time_text(seconds: i64, precision: Precision) -> Option<Time> {
    let instant = chrono::DateTime::from_timestamp(seconds, 0)?;
    let text = match precision {
        Precision::Second => instant.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Precision::Minute => instant.format("%Y-%m-%dT%H:%MZ").to_string(),
        Precision::Day => instant.format("%Y-%m-%dZ").to_string(),
    };
    Time::parse(&text).ok()
}

/// Launch and landing crews of every ship and of every ship with no row, in order: (order key, member).
/// Launch crews list commanders first, then table order; landing crews by the launch they went up on.
struct Crews {
    launch: Vec<Vec<((bool, usize), CrewMember)>>,
    landing: Vec<Vec<((i64, usize), CrewMember)>>,
    phantom: Vec<Vec<((i64, usize), CrewMember)>>,
    /// For each ship: (person, the ship they came down on) for those who did not come down on it.
    brought_elsewhere: Vec<Vec<(String, String)>>,
    /// For each ship: (person, the ship they went up on) for those who came down on it from another.
    came_from: Vec<Vec<(String, String)>>,
    /// For each ship: `Name (CODE)` for McDowell's role codes that have no name orbitline shows.
    raw_roles: Vec<Vec<String>>,
}

/// The flights and registries being built.
struct Builder<'a> {
    ships: &'a [Ship],
    people: &'a [Person],
    phantoms: &'a [Phantom],
    crews: Crews,
    /// Vehicle types: id → (name, most people aboard, McDowell's projects).
    types: BTreeMap<String, (String, u32, Vec<String>)>,
    /// Stations: id → (name, nation, McDowell's code).
    stations: BTreeMap<String, (String, String, String)>,
    checked: Option<Time>,
    updated: Option<String>,
}

pub(super) fn build(
    ships: &[Ship],
    people: &[Person],
    landings: &[Vec<Landing>],
    phantoms: &[Phantom],
    table: &Table,
    summary: &mut GcatSummary,
) -> ImportedCatalog {
    let checked = table
        .updated
        .as_deref()
        .and_then(|u| parse_time(u).ok().flatten())
        .and_then(|(t, _)| Time::parse(&t.instant().format("%Y-%m-%d").to_string()).ok());
    let mut builder = Builder {
        ships,
        people,
        phantoms,
        crews: gather_crews(ships, people, landings, phantoms),
        types: BTreeMap::new(),
        stations: BTreeMap::new(),
        checked,
        updated: summary.updated.clone(),
    };
    let mut flights: Vec<Flight> = (0..ships.len())
        .filter_map(|s| builder.ship_flight(s))
        .collect();
    summary.flights = flights.len();
    flights.extend((0..phantoms.len()).filter_map(|i| builder.phantom_flight(i)));
    let astronauts = astronauts(people);
    summary.people = astronauts.len();
    builder.registries(astronauts, flights)
}

fn gather_crews(
    ships: &[Ship],
    people: &[Person],
    landings: &[Vec<Landing>],
    phantoms: &[Phantom],
) -> Crews {
    let mut launch_crews: Vec<Vec<((bool, usize), CrewMember)>> = vec![Vec::new(); ships.len()];
    let mut landing_crews: Vec<Vec<((i64, usize), CrewMember)>> = vec![Vec::new(); ships.len()];
    let mut phantom_crews: Vec<Vec<((i64, usize), CrewMember)>> = vec![Vec::new(); phantoms.len()];
    let mut brought_elsewhere: Vec<Vec<(String, String)>> = vec![Vec::new(); ships.len()];
    let mut came_from: Vec<Vec<(String, String)>> = vec![Vec::new(); ships.len()];
    let mut raw_roles: Vec<Vec<String>> = vec![Vec::new(); ships.len()];
    for (p, person) in people.iter().enumerate() {
        if !person.imported {
            continue;
        }
        let stays = person.missions.iter().filter(|(s, _)| ships[*s].imported);
        for (k, (s, code)) in stays.enumerate() {
            let role = role(code);
            if role.is_none() && !code.is_empty() {
                raw_roles[*s].push(format!("{} ({code})", person.name));
            }
            let commander = role.as_deref() == Some("commander");
            launch_crews[*s].push((
                (!commander, p),
                CrewMember {
                    astronaut: person.id.clone(),
                    role,
                },
            ));
            let member = CrewMember {
                astronaut: person.id.clone(),
                role: None,
            };
            let key = (seconds(&ships[*s].launch), p);
            match landings[p].get(k) {
                Some(Landing::Ship(down)) => {
                    landing_crews[*down].push((key, member));
                    if down != s {
                        brought_elsewhere[*s]
                            .push((person.name.clone(), ships[*down].name.clone()));
                        came_from[*down].push((person.name.clone(), ships[*s].name.clone()));
                    }
                }
                Some(Landing::Phantom(i)) => {
                    phantom_crews[*i].push((key, member));
                    brought_elsewhere[*s]
                        .push((person.name.clone(), phantoms[*i].name.to_string()));
                }
                _ => {}
            }
        }
    }
    Crews {
        launch: launch_crews,
        landing: landing_crews,
        phantom: phantom_crews,
        brought_elsewhere,
        came_from,
        raw_roles,
    }
}

impl Builder<'_> {
    /// The flight file of ship `s`, if it is imported.
    fn ship_flight(&mut self, s: usize) -> Option<Flight> {
        let ship = &self.ships[s];
        if !ship.imported {
            return None;
        }
        let (operator, nation) = operator(&ship.operator_code, &ship.launch)?;
        let (type_id, type_name, program) = vehicle_type(&ship.project);
        let mut launch_crew = std::mem::take(&mut self.crews.launch[s]);
        launch_crew.sort_by_key(|(k, _)| *k);
        let mut landing_crew = std::mem::take(&mut self.crews.landing[s]);
        landing_crew.sort_by_key(|(k, _)| *k);
        let entry = self
            .types
            .entry(type_id.clone())
            .or_insert_with(|| (type_name, 0, Vec::new()));
        entry.1 = entry
            .1
            .max(launch_crew.len() as u32)
            .max(landing_crew.len() as u32);
        if !entry.2.contains(&ship.project) {
            entry.2.push(ship.project.clone());
        }
        let station_id = ship.station.as_ref().map(|code| {
            let (id, name, station_nation) = station(code, nation);
            self.stations
                .entry(id.clone())
                .or_insert_with(|| (name, station_nation, code.clone()));
            id
        });
        let mut notes = vec![format!(
            "McDowell {} {}, COSPAR {}{}.",
            ship.hsfid,
            ship.tag,
            ship.desig,
            match ship.callsign.as_str() {
                "" | "-" => String::new(),
                c => format!(", callsign {c}"),
            }
        )];
        match ship.kind {
            Kind::Abort => notes.push("Aborted launch (MType ABORT).".into()),
            Kind::Bio => notes.push("Non-human flight (MType BIO).".into()),
            Kind::Flight => {}
        }
        notes.extend(ship.remarks.iter().cloned());
        if !self.crews.raw_roles[s].is_empty() {
            notes.push(format!(
                "McDowell's role codes with no name here: {}.",
                self.crews.raw_roles[s].join(", ")
            ));
        }
        if ship.outcome.crew_lost() {
            notes.push(format!(
                "Outcome: {}; McDowell's dates of death of the crew are the day the flight ended.",
                ship.outcome.describe()
            ));
        }
        if ship.end.is_none() {
            notes.push(format!(
                "In progress when the table was updated ({}): no landing yet.",
                self.updated.as_deref().unwrap_or("date not given")
            ));
        }
        let landing_notes = self.landing_notes(s);
        Some(Flight {
            id: ship.id.clone(),
            name: ship.name.clone(),
            program,
            spacecraft: type_id,
            nation: nation.to_string(),
            operator: Some(operator),
            station: station_id,
            outcome: (ship.outcome != Outcome::Completed).then_some(ship.outcome),
            orbit: ship.orbit,
            deep_space: ship.deep_space.then_some(true),
            launch: End {
                time: Some(ship.launch.clone()),
                crew: launch_crew.into_iter().map(|(_, m)| m).collect(),
                uncertain: ship.launch_uncertain,
                ..End::default()
            },
            docking: None,
            undocking: None,
            landing: ship.end.as_ref().map(|end| End {
                time: Some(end.clone()),
                crew: landing_crew.into_iter().map(|(_, m)| m).collect(),
                uncertain: ship.end_uncertain,
                notes: landing_notes,
                ..End::default()
            }),
            events: Vec::new(),
            checked: self.checked.clone(),
            sources: vec![SOURCE.to_string()],
            notes: Some(notes.join(" ")),
        })
    }

    /// Who came down on ship `s` from another ship and who went up on it and came down elsewhere.
    fn landing_notes(&self, s: usize) -> Option<String> {
        let came_from = &self.crews.came_from[s];
        let brought_elsewhere = &self.crews.brought_elsewhere[s];
        let mut parts = Vec::new();
        if !came_from.is_empty() {
            parts.push(format!(
                "Inferred from McDowell's totals: {} came down on this ship (up on {}); only so do their totals agree to the second.",
                came_from.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "),
                unique(came_from.iter().map(|(_, f)| f.as_str())).join(", ")
            ));
        }
        if !brought_elsewhere.is_empty() {
            parts.push(format!(
                "Inferred from McDowell's totals: {} went up on this ship and came down on {}.",
                brought_elsewhere
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                unique(brought_elsewhere.iter().map(|(_, f)| f.as_str())).join(", ")
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// The flight file of the `i`th ship with no row.
    fn phantom_flight(&mut self, i: usize) -> Option<Flight> {
        let phantom = &self.phantoms[i];
        let people = self.people;
        let up = &self.ships[phantom.up];
        let (operator, nation) = operator(&up.operator_code, &up.launch)?;
        let (type_id, _, program) = vehicle_type(&up.project);
        let mut crew = std::mem::take(&mut self.crews.phantom[i]);
        crew.sort_by_key(|(k, _)| *k);
        if let Some(entry) = self.types.get_mut(&type_id) {
            entry.1 = entry.1.max(crew.len() as u32);
        }
        let names: Vec<&str> = phantom
            .people
            .iter()
            .map(|&p| people[p].name.as_str())
            .collect();
        Some(Flight {
        id: phantom.id.to_string(),
        name: phantom.name.to_string(),
        program,
        spacecraft: type_id,
        nation: nation.to_string(),
        operator: Some(operator),
        station: up.station.as_ref().map(|code| station(code, nation).0),
        outcome: None,
        orbit: up.orbit,
        deep_space: None,
        launch: End {
            time: Time::parse(phantom.launch).ok(),
            sources: vec![phantom.source.to_string()],
            notes: Some(format!(
                "Launched uncrewed, so McDowell's crewed-flight tables have no row for it; launch time from {}.",
                phantom.source
            )),
            ..End::default()
        },
        docking: None,
        undocking: None,
        landing: Some(End {
            time: time_text(phantom.landing, phantom.precision),
            crew: crew.into_iter().map(|(_, m)| m).collect(),
            inferred: true,
            sources: vec![SOURCE.to_string()],
            notes: Some(format!(
                "Inferred, not published in the tables: {} went up on {} ({}), which came home first ({}); their totals in McDowell's astronaut table agree to the second only with a landing at this time, on a ship that has no row. {} launched uncrewed to bring them home. Precision: that of the launch times used.",
                names.join(", "),
                up.name,
                up.launch,
                up.end.as_ref().map_or("-".to_string(), |e| e.to_string()),
                phantom.name
            )),
            ..End::default()
        }),
        events: Vec::new(),
        checked: self.checked.clone(),
        sources: vec![SOURCE.to_string(), phantom.source.to_string()],
        notes: Some(format!(
            "Added by the importer: a ship with no row in McDowell's crewed-flight tables that brought home the crew of {}.",
            up.name
        )),
    })
    }

    /// The three registries, with McDowell's credit, around the flights.
    fn registries(self, astronauts: Vec<Astronaut>, flights: Vec<Flight>) -> ImportedCatalog {
        let credit = format!(
            "From Jonathan McDowell's crewed-flight tables (General Catalog of Artificial Space Objects), {}; CC-BY, credit {CREDIT}. Imported by orbitline.",
            self.updated
                .as_deref()
                .map_or_else(|| "date not given".to_string(), |u| format!("updated {u}"))
        );
        let spacecraft = self
            .types
        .into_iter()
        .map(|(id, (name, seats, projects))| Spacecraft {
            id,
            name,
            seats: seats.max(1),
            rated_days: None,
            sources: Vec::new(),
            notes: Some(format!(
                "McDowell's Project {}. Seats: the most people the tables put aboard one launch or landing of this type ({seats}), not a published capacity; the type may seat more.",
                projects.join(", ")
            )),
        })
        .collect();
        let stations = self
            .stations
        .into_iter()
        .map(|(id, (name, nation, code))| Station {
            notes: Some(match id.as_str() {
                "iss" => format!("McDowell station code {code}. Built and run by the US, Russia, Japan, Canada and ESA states; the nation given is the lead partner's."),
                _ => format!("McDowell station code {code}."),
            }),
            id,
            name,
            aliases: Vec::new(),
            nation,
            sources: Vec::new(),
        })
        .collect();
        ImportedCatalog {
        astronauts: AstronautsFile {
            astronauts,
            sources: vec![SOURCE.to_string()],
            notes: Some(format!(
                "{credit} Names are McDowell's with the given names first; native_name is his UName where it differs. Citizenship codes are turned into ISO 3166-1 alpha-2 (D → DE, UK → GB, …)."
            )),
        },
        spacecraft: SpacecraftFile {
            spacecraft,
            sources: vec![SOURCE.to_string()],
            notes: Some(format!(
                "{credit} One type per McDowell Project (Vostok and Voskhod share one). The tables give no seat counts: each type's seats are the most people they put aboard one of its launches or landings."
            )),
        },
        stations: StationsFile {
            stations,
            sources: vec![SOURCE.to_string()],
            notes: Some(credit),
        },
        flights,
    }
    }
}

/// The registry entries of the imported people.
fn astronauts(people: &[Person]) -> Vec<Astronaut> {
    people
        .iter()
        .filter(|p| p.imported)
        .filter_map(|p| {
            let mut notes: Vec<String> = Vec::new();
            notes.push(format!("McDowell {}.", p.number));
            notes.extend(p.name_notes.iter().cloned());
            if let Some(died) = &p.died_in_flight {
                notes.push(format!(
                    "Died in flight: McDowell's date of death ({died}) is the day their last flight ended."
                ));
            }
            notes.extend(p.nation_note.clone());
            notes.extend(p.born_note.clone());
            notes.extend(p.recovered.clone());
            if p.chimp {
                notes.push("A chimpanzee (McDowell's 'Chimp Astronauts').".into());
            }
            Some(Astronaut {
                id: p.id.clone(),
                name: p.name.clone(),
                native_name: p.native_name.clone(),
                aliases: Vec::new(),
                nation: p.nation.clone()?,
                born: p.born.clone(),
                died_in_flight: p.died_in_flight.clone(),
                sources: Vec::new(),
                notes: Some(notes.join(" ")),
            })
        })
        .collect()
}

fn unique<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
