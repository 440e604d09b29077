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

mod build;
mod nation;
mod read;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use self::read::Responses;
use super::{ImportError, ImportedCatalog, InputFile, Note};
use crate::catalog::locate::{Path, Step};
use crate::catalog::Problem;

/// What the import did, for people.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
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

/// Imports every response in `files`.
pub fn import(files: &[InputFile]) -> Result<(ImportedCatalog, Ll2Summary), ImportError> {
    let mut responses = Responses::default();
    let mut summary = Ll2Summary::default();
    for (index, file) in files.iter().enumerate() {
        let value: Value = match serde_json::from_str(&file.text) {
            Ok(v) => v,
            Err(e) => {
                responses.problems.push(
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
            let kind = responses.read_item(item, path, index, file);
            *kinds.entry(kind).or_default() += 1;
        }
        if kinds.keys().all(|k| *k == OTHER) {
            responses.problems.push(
                Problem::at(
                    &file.name,
                    (1, 1),
                    format!(
                        "not a Launch Library 2 response ({}): no launch, station, astronaut or spacecraft flight in it",
                        shape(&value)
                    ),
                )
                .hint("give the body of a Launch Library 2 response (a launch, a `results` list, a station, an astronaut), as the API returned it"),
            );
            continue;
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
    if !responses.problems.is_empty() {
        return Err(ImportError::Input(responses.problems));
    }
    let catalog = responses.build(files, &mut summary)?;
    let empty = catalog.flights.is_empty()
        && catalog.astronauts.astronauts.is_empty()
        && catalog.stations.stations.is_empty();
    if let (true, Some(first)) = (empty, files.first()) {
        let reasons: Vec<String> = summary
            .skipped
            .iter()
            .take(3)
            .map(|n| format!("{}: {}", n.subject, n.reason))
            .collect();
        return Err(ImportError::Input(vec![Problem::in_file(
            &first.name,
            format!(
                "nothing to import: every launch, person and station was left out ({})",
                reasons.join("; ")
            ),
        )
        .hint(
            "give responses that hold crewed flights, astronauts or space stations",
        )]));
    }
    Ok((catalog, summary))
}

/// What [`Responses::read_item`] calls an object it does not read.
const OTHER: &str = "other object";

/// What a JSON value is, for a message.
fn shape(value: &Value) -> String {
    match value {
        Value::Null => "it holds `null`".into(),
        Value::Bool(_) => "it holds a boolean".into(),
        Value::Number(_) => "it holds a number".into(),
        Value::String(_) => "it holds a string".into(),
        Value::Array(items) if items.is_empty() => "it holds an empty list".into(),
        Value::Array(items) => format!("it holds a list of {}", items.len()),
        Value::Object(map) if map.contains_key("results") => {
            "its `results` hold nothing orbitline reads".into()
        }
        Value::Object(_) => "it holds an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::build::ll2_time;
    use super::nation::nation;

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
