//! Importing The Space Devs' Launch Library 2 responses (API 2.2.0 and 2.3.0): launches (a single launch
//! object or a `results` list), space stations, astronauts and spacecraft flights, in any mix of files.
//!
//! Each spacecraft flight (`rocket.spacecraft_stage`, a list in 2.3.0 and an object in 2.2.0) becomes a
//! flight file: `net` is the launch time (or the planned one, while the launch has not happened) at the
//! precision `net_precision` gives, `mission_end` the landing time, `launch_crew` and `landing_crew` the
//! crews (people are matched by `astronaut.id`, never by the id of the AstronautFlight entry), docking
//! events the docking and undocking. An astronaut record adds them to the launch crew of each of its
//! `flights` and to the landing crew of each of its `landings`, so a person who went up on one vehicle and
//! came down on another (Franz Viehböck: up on Soyuz TM-13, down on Soyuz TM-12) comes out as a swap.
//! Station responses give the station registry and the docking events of the vehicles docked then.
//!
//! When several responses describe the same launch, the most recently updated one (`last_updated`) gives
//! its times; crews are joined. Nothing is invented: a time coarser than a day is not a time the format
//! can hold, so such a launch is skipped and reported, and so is an uncrewed stage of a vehicle that is
//! not rated for people (a test flight), and anything whose nation cannot be told.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use super::{slug, IdPool, ImportError, ImportedCatalog, InputFile, Note};
use crate::catalog::locate::{locate, Path, Step};
use crate::catalog::Problem;
use crate::model::{
    Astronaut, AstronautsFile, CrewMember, End, Flight, Mooring, Spacecraft, SpacecraftFile,
    Station, StationsFile, Time,
};

/// What the import did, for people.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Ll2Summary {
    /// Each file and what it held.
    pub responses: Vec<Note>,
    /// Flight files made.
    pub flights: usize,
    /// Flights whose launch had happened (`time`), and those only planned.
    pub launched: usize,
    /// People imported.
    pub astronauts: usize,
    /// Stations imported.
    pub stations: usize,
    /// Docking events attached to flights.
    pub docking_events: usize,
    /// People who came down on another vehicle than the one they went up on.
    pub swaps: Vec<Note>,
    /// What was left out, and why.
    pub skipped: Vec<Note>,
}

/// A launch as one response describes it.
#[derive(Debug, Clone, Default)]
struct Launch {
    url: Option<String>,
    name: String,
    mission: Option<String>,
    net: Option<(String, Path, usize)>,
    precision: Option<i64>,
    status: Option<i64>,
    updated: Option<String>,
    provider: Option<String>,
    provider_nation: Option<String>,
    pad: Option<String>,
}

/// A spacecraft flight (a spacecraft stage of a launch).
#[derive(Debug, Clone, Default)]
struct CraftFlight {
    url: Option<String>,
    launch: String,
    spacecraft: Option<String>,
    config: Option<String>,
    family: Option<String>,
    capacity: Option<u32>,
    human_rated: Option<bool>,
    destination: Option<String>,
    mission_end: Option<(String, Path, usize)>,
    launch_crew: Vec<(i64, Option<String>)>,
    landing_crew: Vec<(i64, Option<String>)>,
    dockings: Vec<Docking>,
    nation: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Docking {
    station: Option<String>,
    port: Option<String>,
    docking: Option<(String, Path, usize)>,
    departure: Option<(String, Path, usize)>,
}

#[derive(Debug, Clone, Default)]
struct Person {
    name: String,
    nation: Option<String>,
    born: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Default)]
struct Collected {
    launches: BTreeMap<String, Launch>,
    /// Keyed by spacecraft flight id, or by launch id when a stage has none.
    crafts: BTreeMap<String, CraftFlight>,
    people: BTreeMap<i64, Person>,
    stations: BTreeMap<String, (String, String, Option<String>)>,
    /// (astronaut, launch id) from astronaut records' `flights`.
    went_up: Vec<(i64, String)>,
    skipped: Vec<Note>,
    problems: Vec<Problem>,
}

/// Imports every response in `files`.
pub fn import(files: &[InputFile]) -> Result<(ImportedCatalog, Ll2Summary), ImportError> {
    let mut collected = Collected::default();
    let mut summary = Ll2Summary::default();
    for (index, file) in files.iter().enumerate() {
        let value: Value = match serde_json::from_str(&file.text) {
            Ok(v) => v,
            Err(e) => {
                collected.problems.push(
                    Problem::at(&file.name, (e.line(), e.column()), format!("not JSON: {e}")).hint(
                        "give the body of a Launch Library 2 response, as the API returned it",
                    ),
                );
                continue;
            }
        };
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let items: Vec<(Path, &Value)> = match &value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (vec![Step::Index(i)], v))
                .collect(),
            Value::Object(map) => match map.get("results").and_then(Value::as_array) {
                Some(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (vec![Step::Key("results".into()), Step::Index(i)], v))
                    .collect(),
                None => vec![(Vec::new(), &value)],
            },
            _ => Vec::new(),
        };
        for (path, item) in items {
            let kind = collected.read_item(item, path, index, file);
            *kinds.entry(kind).or_default() += 1;
        }
        let held: Vec<String> = kinds
            .iter()
            .map(|(k, n)| match (k, *n) {
                (k, 1) => format!("1 {k}"),
                (&"launch", n) => format!("{n} launches"),
                (k, n) => format!("{n} {k}s"),
            })
            .collect();
        summary.responses.push(Note::new(
            file.name.clone(),
            if held.is_empty() {
                "nothing orbitline reads".into()
            } else {
                held.join(", ")
            },
        ));
    }
    if !collected.problems.is_empty() {
        return Err(ImportError::Input(collected.problems));
    }
    let catalog = collected.build(files, &mut summary)?;
    Ok((catalog, summary))
}

fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn number(value: &Value, key: &str) -> Option<i64> {
    value.get(key).and_then(Value::as_i64)
}

fn clean_url(url: Option<&str>) -> Option<String> {
    url.map(|u| u.split('?').next().unwrap_or(u).to_string())
}

fn with(path: &Path, steps: &[Step]) -> Path {
    let mut p = path.clone();
    p.extend_from_slice(steps);
    p
}

fn key(k: &str) -> Step {
    Step::Key(k.to_string())
}

/// An ISO 3166-1 alpha-2 code from an LL2 country (`{"alpha_2_code": "RU"}`), a list of them, an alpha-3
/// `country_code`, a nationality word (2.2.0: `"Austrian"`), or an agency LL2 gives no country for.
fn nation(value: &Value) -> Option<String> {
    if let Some(list) = value.as_array() {
        return list.iter().find_map(nation);
    }
    if let Some(code) = text(value, "alpha_2_code") {
        return Some(code.to_uppercase());
    }
    for k in ["country", "nationality"] {
        if let Some(found) = value.get(k).and_then(nation) {
            return Some(found);
        }
    }
    if let Some(code) = text(value, "country_code") {
        return alpha3(code.split(',').next().unwrap_or(code)).map(str::to_string);
    }
    if let Some(word) = value.as_str().or_else(|| text(value, "nationality")) {
        return demonym(word).map(str::to_string);
    }
    text(value, "name")
        .and_then(agency_nation)
        .map(str::to_string)
}

fn alpha3(code: &str) -> Option<&'static str> {
    Some(match code.trim() {
        "USA" => "US",
        "RUS" => "RU",
        "CHN" => "CN",
        "KAZ" => "KZ",
        "JPN" => "JP",
        "FRA" => "FR",
        "DEU" | "GER" => "DE",
        "ITA" => "IT",
        "CAN" => "CA",
        "GBR" => "GB",
        "IND" => "IN",
        "AUT" => "AT",
        "UKR" => "UA",
        "ISR" => "IL",
        "ARE" => "AE",
        "SAU" => "SA",
        "TUR" => "TR",
        "POL" => "PL",
        "HUN" => "HU",
        "SWE" => "SE",
        "ESP" => "ES",
        "NLD" => "NL",
        "BEL" => "BE",
        "DNK" => "DK",
        "NZL" => "NZ",
        "KOR" => "KR",
        "BRA" => "BR",
        _ => return None,
    })
}

fn demonym(word: &str) -> Option<&'static str> {
    Some(match word.trim() {
        "American" => "US",
        "Russian" | "Soviet" => "RU",
        "Chinese" => "CN",
        "Austrian" => "AT",
        "Japanese" => "JP",
        "French" => "FR",
        "German" => "DE",
        "Italian" => "IT",
        "Canadian" => "CA",
        "British" => "GB",
        "Kazakh" | "Kazakhstani" => "KZ",
        "Indian" => "IN",
        "Ukrainian" => "UA",
        "Israeli" => "IL",
        "Emirati" => "AE",
        "Saudi" | "Saudi Arabian" => "SA",
        "Turkish" => "TR",
        "Polish" => "PL",
        "Hungarian" => "HU",
        "Swedish" => "SE",
        "Spanish" => "ES",
        "Dutch" => "NL",
        "Belgian" => "BE",
        "Danish" => "DK",
        "Bulgarian" => "BG",
        "Mongolian" => "MN",
        "Vietnamese" => "VN",
        "Cuban" => "CU",
        "Syrian" => "SY",
        "Afghan" => "AF",
        "Swiss" => "CH",
        "Korean" | "South Korean" => "KR",
        "Brazilian" => "BR",
        "Malaysian" => "MY",
        _ => return None,
    })
}

/// Agencies LL2 gives without a country.
fn agency_nation(name: &str) -> Option<&'static str> {
    Some(match name {
        "Soviet Space Program" | "Russian Federal Space Agency (ROSCOSMOS)" => "RU",
        "National Aeronautics and Space Administration" | "SpaceX" | "Boeing" | "Blue Origin" => {
            "US"
        }
        "China Aerospace Science and Technology Corporation"
        | "China National Space Administration" => "CN",
        _ => return None,
    })
}

/// The catalog id, name and nation of a station LL2 names, for the stations orbitline knows under the same
/// ids as the bundled catalog and the McDowell import.
fn known_station(name: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match name {
        "International Space Station" | "ISS" => ("iss", "International Space Station", "US"),
        "Tiangong space station" | "Tiangong Space Station" | "Tiangong" => {
            ("tiangong", "Tiangong", "CN")
        }
        "Tiangong 1" | "Tiangong-1" => ("tiangong-1", "Tiangong-1", "CN"),
        "Tiangong 2" | "Tiangong-2" => ("tiangong-2", "Tiangong-2", "CN"),
        "Mir" => ("mir", "Mir", "RU"),
        "Skylab" => ("skylab", "Skylab", "US"),
        "Salyut 1" => ("salyut-1", "Salyut 1", "RU"),
        "Salyut 2" => ("salyut-2", "Salyut 2", "RU"),
        "Salyut 3" => ("salyut-3", "Salyut 3", "RU"),
        "Salyut 4" => ("salyut-4", "Salyut 4", "RU"),
        "Salyut 5" => ("salyut-5", "Salyut 5", "RU"),
        "Salyut 6" => ("salyut-6", "Salyut 6", "RU"),
        "Salyut 7" => ("salyut-7", "Salyut 7", "RU"),
        _ => return None,
    })
}

impl Collected {
    /// Reads one object; returns what kind it was.
    fn read_item(
        &mut self,
        item: &Value,
        path: Path,
        file: usize,
        input: &InputFile,
    ) -> &'static str {
        let url = text(item, "url").unwrap_or_default();
        if item.get("rocket").is_some() && item.get("net").is_some() {
            self.read_launch(item, &path, file);
            "launch"
        } else if item.get("docking_location").is_some()
            || url.contains("/space_station")
            || url.contains("/spacestation")
        {
            self.read_station(item, &path, file);
            "station"
        } else if url.contains("/astronaut") || item.get("landings").is_some() {
            self.read_astronaut(item, &path, file);
            "astronaut"
        } else if item.get("launch_crew").is_some()
            || url.contains("/spacecraft_flights/")
            || url.contains("/spacecraft/flight/")
        {
            if let Some(launch) = item.get("launch") {
                let id = self.read_launch_only(launch, &with(&path, &[key("launch")]), file);
                self.read_craft(item, &path, file, &id);
            }
            "spacecraft flight"
        } else {
            self.skipped.push(Note::new(
                format!("{} {}", input.name, describe(&path)),
                "not a launch, station, astronaut or spacecraft flight",
            ));
            "other object"
        }
    }

    /// The launch fields of a launch object; returns its id.
    fn read_launch_only(&mut self, value: &Value, path: &Path, file: usize) -> String {
        let id = text(value, "id")
            .map(str::to_string)
            .or_else(|| number(value, "id").map(|n| n.to_string()))
            .unwrap_or_else(|| format!("{}#{}", file, describe(path)));
        let launch = Launch {
            url: clean_url(text(value, "url")),
            name: text(value, "name").unwrap_or_default().to_string(),
            mission: value
                .get("mission")
                .and_then(|m| text(m, "name"))
                .map(str::to_string),
            net: text(value, "net").map(|t| (t.to_string(), with(path, &[key("net")]), file)),
            precision: value.get("net_precision").and_then(|p| number(p, "id")),
            status: value.get("status").and_then(|s| number(s, "id")),
            updated: text(value, "last_updated").map(str::to_string),
            provider: value
                .get("launch_service_provider")
                .and_then(|p| text(p, "name"))
                .map(str::to_string),
            provider_nation: value.get("launch_service_provider").and_then(nation),
            pad: value
                .get("pad")
                .and_then(|p| p.get("location"))
                .and_then(|l| text(l, "name"))
                .map(str::to_string),
        };
        match self.launches.get_mut(&id) {
            Some(old) => {
                let newer = launch.updated > old.updated;
                let merged = if newer {
                    Launch {
                        mission: launch.mission.clone().or(old.mission.take()),
                        provider_nation: launch
                            .provider_nation
                            .clone()
                            .or(old.provider_nation.take()),
                        pad: launch.pad.clone().or(old.pad.take()),
                        ..launch
                    }
                } else {
                    Launch {
                        mission: old.mission.take().or(launch.mission),
                        provider_nation: old.provider_nation.take().or(launch.provider_nation),
                        pad: old.pad.take().or(launch.pad),
                        ..old.clone()
                    }
                };
                *old = merged;
            }
            None => {
                self.launches.insert(id.clone(), launch);
            }
        }
        id
    }

    fn read_launch(&mut self, value: &Value, path: &Path, file: usize) {
        let id = self.read_launch_only(value, path, file);
        let stage_path = with(path, &[key("rocket"), key("spacecraft_stage")]);
        match value.get("rocket").and_then(|r| r.get("spacecraft_stage")) {
            Some(Value::Array(stages)) => {
                for (i, stage) in stages.iter().enumerate() {
                    self.read_craft(stage, &with(&stage_path, &[Step::Index(i)]), file, &id);
                }
            }
            Some(stage @ Value::Object(_)) => self.read_craft(stage, &stage_path, file, &id),
            _ => {}
        }
    }

    fn read_crew(&mut self, value: Option<&Value>) -> Vec<(i64, Option<String>)> {
        let mut crew = Vec::new();
        for entry in value.and_then(Value::as_array).into_iter().flatten() {
            let Some(person) = entry.get("astronaut") else {
                continue;
            };
            let Some(id) = number(person, "id") else {
                continue;
            };
            self.read_person(person);
            let role = entry
                .get("role")
                .and_then(|r| text(r, "role").or_else(|| r.as_str()))
                .map(str::to_lowercase);
            if !crew.iter().any(|(a, _)| *a == id) {
                crew.push((id, role));
            }
        }
        crew
    }

    fn read_person(&mut self, value: &Value) {
        let Some(id) = number(value, "id") else {
            return;
        };
        let person = Person {
            name: text(value, "name").unwrap_or_default().to_string(),
            nation: value.get("nationality").and_then(nation),
            born: text(value, "date_of_birth").map(str::to_string),
            url: clean_url(text(value, "url")),
        };
        let entry = self.people.entry(id).or_default();
        if entry.name.is_empty() {
            entry.name = person.name;
        }
        entry.nation = entry.nation.take().or(person.nation);
        entry.born = entry.born.take().or(person.born);
        entry.url = entry.url.take().or(person.url);
    }

    fn read_craft(&mut self, value: &Value, path: &Path, file: usize, launch: &str) {
        let id = number(value, "id");
        let spacecraft = value.get("spacecraft");
        let config = spacecraft.and_then(|s| s.get("spacecraft_config"));
        let mut craft = CraftFlight {
            url: clean_url(text(value, "url")),
            launch: launch.to_string(),
            spacecraft: spacecraft.and_then(|s| text(s, "name")).map(str::to_string),
            config: config.and_then(|c| text(c, "name")).map(str::to_string),
            family: config
                .and_then(|c| c.get("family"))
                .and_then(|f| f.as_array().and_then(|l| l.first()).or(Some(f)))
                .and_then(|f| text(f, "name"))
                .map(str::to_string),
            capacity: config
                .and_then(|c| number(c, "crew_capacity"))
                .and_then(|n| u32::try_from(n).ok()),
            human_rated: config
                .and_then(|c| c.get("human_rated"))
                .and_then(Value::as_bool),
            destination: text(value, "destination").map(str::to_string),
            mission_end: text(value, "mission_end")
                .map(|t| (t.to_string(), with(path, &[key("mission_end")]), file)),
            launch_crew: self.read_crew(value.get("launch_crew")),
            landing_crew: self.read_crew(value.get("landing_crew")),
            dockings: Vec::new(),
            nation: config.and_then(|c| c.get("agency")).and_then(nation),
        };
        for (i, event) in value
            .get("docking_events")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let at = with(path, &[key("docking_events"), Step::Index(i)]);
            let station = event
                .get("space_station_target")
                .or_else(|| event.get("space_station"))
                .and_then(|s| self.station_of(s));
            craft.dockings.push(Docking {
                station,
                port: event
                    .get("docking_location")
                    .and_then(|d| text(d, "name"))
                    .map(str::to_string),
                docking: text(event, "docking")
                    .map(|t| (t.to_string(), with(&at, &[key("docking")]), file)),
                departure: text(event, "departure")
                    .map(|t| (t.to_string(), with(&at, &[key("departure")]), file)),
            });
        }
        let key = id.map_or_else(|| format!("launch {launch}"), |n| n.to_string());
        match self.crafts.get_mut(&key) {
            Some(old) => {
                for (a, r) in craft.launch_crew {
                    if !old.launch_crew.iter().any(|(b, _)| *b == a) {
                        old.launch_crew.push((a, r));
                    }
                }
                for (a, r) in craft.landing_crew {
                    if !old.landing_crew.iter().any(|(b, _)| *b == a) {
                        old.landing_crew.push((a, r));
                    }
                }
                old.dockings.extend(craft.dockings);
                old.mission_end = old.mission_end.take().or(craft.mission_end);
                old.spacecraft = old.spacecraft.take().or(craft.spacecraft);
                old.config = old.config.take().or(craft.config);
                old.family = old.family.take().or(craft.family);
                old.capacity = old.capacity.or(craft.capacity);
                old.human_rated = old.human_rated.or(craft.human_rated);
                old.destination = old.destination.take().or(craft.destination);
                old.nation = old.nation.take().or(craft.nation);
                old.url = old.url.take().or(craft.url);
            }
            None => {
                self.crafts.insert(key, craft);
            }
        }
    }

    /// The catalog id of a station object, registering it.
    fn station_of(&mut self, value: &Value) -> Option<String> {
        let name = text(value, "name")?;
        let (id, shown, nation) = match known_station(name) {
            Some((id, shown, nation)) => {
                (id.to_string(), shown.to_string(), Some(nation.to_string()))
            }
            None => (
                slug(name),
                name.to_string(),
                value.get("owners").and_then(nation),
            ),
        };
        let url = clean_url(text(value, "url"));
        let entry = self.stations.entry(id.clone()).or_insert((
            shown,
            nation.clone().unwrap_or_default(),
            url.clone(),
        ));
        if entry.1.is_empty() {
            entry.1 = nation.unwrap_or_default();
        }
        if entry.2.is_none() {
            entry.2 = url;
        }
        Some(id)
    }

    fn read_station(&mut self, value: &Value, path: &Path, file: usize) {
        if self.station_of(value).is_none() {
            return;
        }
        for (i, location) in value
            .get("docking_location")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let Some(event) = location.get("currently_docked").filter(|e| e.is_object()) else {
                continue;
            };
            let at = with(
                path,
                &[
                    key("docking_location"),
                    Step::Index(i),
                    key("currently_docked"),
                ],
            );
            let Some(chaser) = event.get("flight_vehicle_chaser").filter(|c| c.is_object()) else {
                continue;
            };
            let Some(launch) = chaser.get("launch") else {
                continue;
            };
            let launch_id = self.read_launch_only(
                launch,
                &with(&at, &[key("flight_vehicle_chaser"), key("launch")]),
                file,
            );
            let mut craft = chaser.clone();
            if let Some(map) = craft.as_object_mut() {
                map.insert(
                    "docking_events".into(),
                    Value::Array(vec![serde_json::json!({
                        "docking": event.get("docking"),
                        "departure": event.get("departure"),
                        "docking_location": {"name": text(location, "name")},
                        "space_station_target": {"name": text(value, "name")},
                    })]),
                );
            }
            self.read_craft(
                &craft,
                &with(&at, &[key("flight_vehicle_chaser")]),
                file,
                &launch_id,
            );
        }
    }

    fn read_astronaut(&mut self, value: &Value, path: &Path, file: usize) {
        self.read_person(value);
        let Some(id) = number(value, "id") else {
            return;
        };
        for (i, launch) in value
            .get("flights")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let launch_id =
                self.read_launch_only(launch, &with(path, &[key("flights"), Step::Index(i)]), file);
            self.went_up.push((id, launch_id));
        }
        for (i, landing) in value
            .get("landings")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let at = with(path, &[key("landings"), Step::Index(i)]);
            let launch_id = match landing.get("launch") {
                Some(l) => self.read_launch_only(l, &with(&at, &[key("launch")]), file),
                None => continue,
            };
            let mut craft = landing.clone();
            if let Some(map) = craft.as_object_mut() {
                map.insert(
                    "landing_crew".into(),
                    serde_json::json!([{"astronaut": value}]),
                );
            }
            self.read_craft(&craft, &at, file, &launch_id);
        }
    }

    fn build(
        mut self,
        files: &[InputFile],
        summary: &mut Ll2Summary,
    ) -> Result<ImportedCatalog, ImportError> {
        let time = |(text, path, file): &(String, Path, usize),
                    precision: Option<i64>,
                    problems: &mut Vec<Problem>|
         -> Option<Time> {
            let (f, input) = (*file, &files[*file]);
            let _ = f;
            match ll2_time(text, precision) {
                Ok(t) => t,
                Err(message) => {
                    problems.push(
                        Problem::at(&input.name, locate(&input.text, path), message)
                            .hint("LL2 times are ISO 8601 in UTC, like 2026-07-14T14:43:00Z"),
                    );
                    None
                }
            }
        };
        // Astronaut records' `flights`: the person went up on that launch's spacecraft.
        let went_up = std::mem::take(&mut self.went_up);
        for (person, launch) in went_up {
            let key = self
                .crafts
                .iter()
                .find(|(_, c)| c.launch == launch)
                .map(|(k, _)| k.clone())
                .unwrap_or_else(|| format!("launch {launch}"));
            let craft = self.crafts.entry(key).or_insert_with(|| CraftFlight {
                launch: launch.clone(),
                ..CraftFlight::default()
            });
            if !craft.launch_crew.iter().any(|(a, _)| *a == person) {
                craft.launch_crew.push((person, None));
            }
        }
        let mut problems = Vec::new();
        let mut person_ids: HashMap<i64, String> = HashMap::new();
        let mut pool = IdPool::default();
        let mut astronauts = Vec::new();
        let mut dropped: std::collections::HashSet<i64> = Default::default();
        for (ll2_id, person) in &self.people {
            let Some(nation) = person.nation.clone() else {
                dropped.insert(*ll2_id);
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
                nation,
                born: person.born.clone().filter(|b| b.len() >= 4),
                died_in_flight: None,
                sources: person.url.iter().cloned().collect(),
                notes: Some(format!("Launch Library 2 astronaut {ll2_id}.")),
            });
        }
        let without_craft = self
            .launches
            .keys()
            .filter(|id| !self.crafts.values().any(|c| &c.launch == *id))
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
        let mut flights = Vec::new();
        let mut types: BTreeMap<String, (String, Option<u32>, u32)> = BTreeMap::new();
        let mut flight_pool = IdPool::default();
        let crafts = std::mem::take(&mut self.crafts);
        for craft in crafts.values() {
            let Some(launch) = self.launches.get(&craft.launch) else {
                continue;
            };
            let label = launch
                .mission
                .clone()
                .unwrap_or_else(|| launch.name.clone());
            let crewed = !craft.launch_crew.is_empty() || !craft.landing_crew.is_empty();
            if !crewed && craft.human_rated != Some(true) {
                summary.skipped.push(Note::new(
                    label,
                    format!(
                        "uncrewed {}, not rated for people",
                        craft.config.as_deref().unwrap_or("spacecraft")
                    ),
                ));
                continue;
            }
            let happened = matches!(launch.status, Some(3 | 4 | 6 | 7));
            let precision = if happened && launch.precision.is_none() {
                Some(0)
            } else {
                launch.precision
            };
            let Some(net) = launch.net.as_ref() else {
                summary.skipped.push(Note::new(label, "no launch date"));
                continue;
            };
            let Some(net_time) = time(net, precision, &mut problems) else {
                if ll2_time(&net.0, precision).is_ok() {
                    summary.skipped.push(Note::new(
                        label,
                        format!(
                            "launch date known only to the {} (net_precision {}): the format holds dates to the day at most",
                            precision_name(precision),
                            precision.unwrap_or(-1)
                        ),
                    ));
                }
                continue;
            };
            let Some(nation) = craft.nation.clone().or(launch.provider_nation.clone()) else {
                summary.skipped.push(Note::new(
                    label,
                    "the response names no nation for the spacecraft or the launch provider",
                ));
                continue;
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
                .and_then(|m| time(m, Some(0), &mut problems));
            let landing_crew = if end.is_some() {
                crew(&craft.landing_crew)
            } else {
                Vec::new()
            };
            let entry =
                types
                    .entry(type_id.clone())
                    .or_insert((type_name.clone(), craft.capacity, 0));
            entry.1 = entry.1.or(craft.capacity);
            entry.2 = entry
                .2
                .max(launch_crew.len() as u32)
                .max(landing_crew.len() as u32);
            let mut station =
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
            let docking = craft.dockings.iter().find(|d| d.docking.is_some());
            if let Some(d) = docking {
                station = station.or(d.station.clone());
            }
            let mut notes = vec![format!("Launch Library 2: {}.", launch.name)];
            if !happened {
                notes.push(
                    "Not launched when the response was made: the launch time is the planned NET."
                        .into(),
                );
                if !craft.landing_crew.is_empty() {
                    notes.push(format!(
                        "Planned landing crew: {}.",
                        craft
                            .landing_crew
                            .iter()
                            .filter_map(|(a, _)| self.people.get(a).map(|p| p.name.as_str()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            } else if end.is_none() && !craft.landing_crew.is_empty() {
                notes.push(format!(
                    "No mission_end yet; planned landing crew: {}.",
                    craft
                        .landing_crew
                        .iter()
                        .filter_map(|(a, _)| self.people.get(a).map(|p| p.name.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if let Some(n) = named_by {
                notes.push(n.to_string());
            }
            let mut sources: Vec<String> =
                launch.url.iter().chain(craft.url.iter()).cloned().collect();
            if sources.is_empty() {
                sources.push("https://thespacedevs.com/llapi".into());
            }
            let moor = |d: &Option<(String, Path, usize)>, problems: &mut Vec<Problem>| {
                d.as_ref().and_then(|t| time(t, Some(0), problems))
            };
            let (docking_time, undocking_time) = match docking {
                Some(d) => (
                    moor(&d.docking, &mut problems),
                    moor(&d.departure, &mut problems),
                ),
                None => (None, None),
            };
            if docking_time.is_some() {
                summary.docking_events += 1;
            }
            let checked = launch
                .updated
                .as_deref()
                .and_then(|u| u.get(..10))
                .and_then(|d| Time::parse(d).ok());
            summary.launched += usize::from(happened);
            flights.push(Flight {
                id: flight_pool.claim(&slug(&name)),
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
                docking: docking_time.map(|t| Mooring {
                    time: Some(t),
                    port: docking.and_then(|d| d.port.clone()),
                    ..Mooring::default()
                }),
                undocking: undocking_time.map(|t| Mooring {
                    time: Some(t),
                    ..Mooring::default()
                }),
                landing: end.map(|t| End {
                    time: Some(t),
                    crew: landing_crew,
                    ..End::default()
                }),
                events: Vec::new(),
                checked,
                sources,
                notes: Some(notes.join(" ")),
            });
        }
        if !problems.is_empty() {
            return Err(ImportError::Input(problems));
        }
        // Swaps, for the summary.
        let names: HashMap<&str, &str> = astronauts
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        let mut up: HashMap<&str, Vec<&str>> = HashMap::new();
        for f in &flights {
            for m in &f.launch.crew {
                up.entry(m.astronaut.as_str())
                    .or_default()
                    .push(f.name.as_str());
            }
        }
        for f in &flights {
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
        let _ = dropped;
        summary.flights = flights.len();
        summary.astronauts = astronauts.len();
        summary.stations = self.stations.len();
        summary.skipped.extend(std::mem::take(&mut self.skipped));
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
                nation,
                sources: url.into_iter().collect(),
                notes: None,
            })
            .collect();
        let credit = "From The Space Devs' Launch Library 2 (https://thespacedevs.com/llapi). Imported by orbitline.".to_string();
        Ok(ImportedCatalog {
            astronauts: AstronautsFile {
                astronauts,
                sources: vec!["https://thespacedevs.com/llapi".into()],
                notes: Some(credit.clone()),
            },
            spacecraft: SpacecraftFile {
                spacecraft,
                sources: vec!["https://thespacedevs.com/llapi".into()],
                notes: Some(format!("{credit} One type per spacecraft configuration.")),
            },
            stations: StationsFile {
                stations,
                sources: vec!["https://thespacedevs.com/llapi".into()],
                notes: Some(credit),
            },
            flights,
        })
    }
}

fn describe(path: &Path) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        "(top level)".into()
    } else {
        out
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
fn ll2_time(text: &str, precision: Option<i64>) -> Result<Option<Time>, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn net_precision_is_kept_and_never_made_finer() {
        let t = |p| {
            ll2_time("2026-07-14T14:43:27Z", p)
                .unwrap()
                .map(|t| t.to_string())
        };
        assert_eq!(t(Some(0)).as_deref(), Some("2026-07-14T14:43:27Z"));
        assert_eq!(t(Some(1)).as_deref(), Some("2026-07-14T14:43Z"));
        assert_eq!(t(Some(2)).as_deref(), Some("2026-07-14Z"));
        assert_eq!(t(Some(5)).as_deref(), Some("2026-07-14"));
        assert_eq!(t(Some(7)), None);
        assert!(ll2_time("14 July", Some(0)).is_err());
    }

    #[test]
    fn nations_from_every_shape() {
        assert_eq!(
            nation(&serde_json::json!([{"alpha_2_code": "RU"}])).as_deref(),
            Some("RU")
        );
        assert_eq!(
            nation(&serde_json::json!("Austrian")).as_deref(),
            Some("AT")
        );
        assert_eq!(
            nation(&serde_json::json!({"country_code": "USA"})).as_deref(),
            Some("US")
        );
        assert_eq!(
            nation(&serde_json::json!({"name": "Soviet Space Program"})).as_deref(),
            Some("RU")
        );
        assert_eq!(nation(&serde_json::json!({"name": "Somewhere"})), None);
    }
}
