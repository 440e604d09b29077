//! Reading Launch Library 2 responses: each launch, spacecraft flight, station and astronaut object into
//! [`Responses`], what every response given says, joined by LL2 id; nothing is decided here about what
//! becomes a flight (see `build.rs`).

use std::collections::BTreeMap;

use serde_json::Value;

use super::nation::{known_station, nation};
use super::OTHER;
use crate::catalog::locate::{Path, Step};
use crate::catalog::Problem;
use crate::import::{slug, InputFile, Note};

/// A launch as one response describes it.
#[derive(Debug, Clone, Default)]
pub(super) struct Launch {
    pub(super) url: Option<String>,
    pub(super) name: String,
    pub(super) mission: Option<String>,
    pub(super) net: Option<(String, Path, usize)>,
    pub(super) precision: Option<i64>,
    pub(super) status: Option<i64>,
    pub(super) updated: Option<String>,
    pub(super) provider: Option<String>,
    pub(super) provider_nation: Option<String>,
    pub(super) pad: Option<String>,
}

/// A spacecraft flight (a spacecraft stage of a launch).
#[derive(Debug, Clone, Default)]
pub(super) struct CraftFlight {
    pub(super) url: Option<String>,
    pub(super) launch: String,
    pub(super) spacecraft: Option<String>,
    pub(super) config: Option<String>,
    pub(super) family: Option<String>,
    pub(super) capacity: Option<u32>,
    pub(super) human_rated: Option<bool>,
    pub(super) destination: Option<String>,
    pub(super) mission_end: Option<(String, Path, usize)>,
    pub(super) launch_crew: Vec<(i64, Option<String>)>,
    pub(super) landing_crew: Vec<(i64, Option<String>)>,
    pub(super) dockings: Vec<Docking>,
    pub(super) nation: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Docking {
    pub(super) station: Option<String>,
    pub(super) port: Option<String>,
    pub(super) docking: Option<(String, Path, usize)>,
    pub(super) departure: Option<(String, Path, usize)>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Person {
    pub(super) name: String,
    pub(super) nation: Option<String>,
    pub(super) born: Option<String>,
    pub(super) url: Option<String>,
}

/// What the responses say, joined by Launch Library 2 id, before anything is built from it.
#[derive(Debug, Default)]
pub(super) struct Responses {
    pub(super) launches: BTreeMap<String, Launch>,
    /// Keyed by spacecraft flight id, or by launch id when a stage has none.
    pub(super) crafts: BTreeMap<String, CraftFlight>,
    pub(super) people: BTreeMap<i64, Person>,
    pub(super) stations: BTreeMap<String, (String, String, Option<String>)>,
    /// (astronaut, launch id) from astronaut records' `flights`.
    pub(super) went_up: Vec<(i64, String)>,
    pub(super) skipped: Vec<Note>,
    pub(super) problems: Vec<Problem>,
}

pub(super) fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
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

impl Responses {
    /// Reads one object; returns what kind it was.
    pub(super) fn read_item(
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
            OTHER
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
