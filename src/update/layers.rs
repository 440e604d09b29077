//! The files of an updated catalog: McDowell's fresh tables as the generated layer (`generated/`), and the
//! curated layer embedded in the binary on top of it, as in the bundled catalog (docs/data-format.md, "Two
//! layers").
//!
//! One case is not a disagreement: a curated flight that was in orbit at its last check (no landing time)
//! and has landed in the new tables. The curated file did not know the landing; it gets the tables' landing
//! (time, crew, sources), its `checked` becomes the tables' day, and a note in the landing and in the
//! update's report say so. Everything else the curated layer says is kept as written, and where it says
//! otherwise than the tables, the update reports it ([`crate::import::curated::differences`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::catalog::layers::{is_generated, GENERATED_FOLDER};
use crate::catalog::{embedded, Problem};
use crate::import::{ImportedCatalog, Note};
use crate::model::Flight;

/// Files as (path in the catalog folder, text).
pub(super) type Files = Vec<(PathBuf, String)>;

/// Every file of the updated catalog, (path in the folder, text), and the curated flights given the
/// tables' landing.
pub(super) fn catalog_files(
    imported: &ImportedCatalog,
    tables: &str,
) -> Result<(Files, Vec<Note>), Vec<Problem>> {
    let mut files: Files = imported
        .files()
        .into_iter()
        .map(|(path, text)| (Path::new(GENERATED_FOLDER).join(path), text))
        .collect();
    let flights: HashMap<&str, &Flight> = imported
        .flights
        .iter()
        .map(|f| (f.id.as_str(), f))
        .collect();
    let mut completed = Vec::new();
    let mut problems = Vec::new();
    for file in embedded() {
        if is_generated(&file) {
            continue;
        }
        let name = file
            .name
            .strip_prefix("missions/")
            .unwrap_or(&file.name)
            .to_string();
        let text = match file.text() {
            Ok(text) => text.into_owned(),
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let text = match landed_since(&text, &flights, tables) {
            Some((text, note)) => {
                completed.push(note);
                text
            }
            None => text,
        };
        files.push((PathBuf::from(name), text));
    }
    if problems.is_empty() {
        Ok((files, completed))
    } else {
        Err(problems)
    }
}

/// The curated flight file `text` with the tables' landing, when it has no landing time and the tables'
/// flight with its id has one.
fn landed_since(
    text: &str,
    flights: &HashMap<&str, &Flight>,
    tables: &str,
) -> Option<(String, Note)> {
    let mut curated: Value = serde_json::from_str(text).ok()?;
    let object = curated.as_object_mut()?;
    object.get("launch")?;
    let flight = flights.get(object.get("id")?.as_str()?)?;
    let landing = flight.landing.as_ref().filter(|l| l.time.is_some())?;
    let open = object
        .get("landing")
        .and_then(|l| l.get("time"))
        .is_none_or(Value::is_null);
    if !open {
        return None;
    }
    let checked = object
        .get("checked")
        .and_then(Value::as_str)
        .unwrap_or("not given")
        .to_string();
    let Value::Object(source) = serde_json::to_value(landing).ok()? else {
        return None;
    };
    let mut target = match object.remove("landing") {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    for (key, value) in source {
        merge(&mut target, key, value);
    }
    let note = format!(
        "Landing from McDowell's tables of {tables}, added by `orbitline update`: the curated file (checked {checked}) had the flight in orbit."
    );
    let notes = match target.get("notes").and_then(Value::as_str) {
        Some(old) => format!("{old} {note}"),
        None => note,
    };
    target.insert("notes".into(), Value::String(notes));
    object.insert("landing".into(), Value::Object(target));
    if let Some(day) = flight.checked.as_ref() {
        object.insert("checked".into(), Value::String(day.to_string()));
    }
    let mut text = serde_json::to_string_pretty(&curated).ok()?;
    text.push('\n');
    let at = landing
        .time
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    Some((
        text,
        Note::new(
            format!("flight {}", flight.id),
            format!(
                "in orbit in the curated layer (checked {checked}); McDowell's tables of {tables} give its landing, {at}: used, with the curated launch, events and notes"
            ),
        ),
    ))
}

/// Puts one field of the tables' landing into the curated one: crew where the curated gives none, sources
/// added, notes joined after the merge, anything else only where the curated landing lacks it.
fn merge(target: &mut Map<String, Value>, key: String, value: Value) {
    match key.as_str() {
        "crew" => {
            let empty = target
                .get("crew")
                .and_then(Value::as_array)
                .is_none_or(Vec::is_empty);
            if empty {
                target.insert(key, value);
            }
        }
        "sources" => {
            let list = target
                .entry(key)
                .or_insert_with(|| Value::Array(Vec::new()));
            if let (Value::Array(list), Value::Array(new)) = (list, value) {
                for source in new {
                    if !list.contains(&source) {
                        list.push(source);
                    }
                }
            }
        }
        "notes" => {
            if let Some(new) = value.as_str() {
                let joined = match target.get("notes").and_then(Value::as_str) {
                    Some(old) => format!("{old} {new}"),
                    None => new.to_string(),
                };
                target.insert(key, Value::String(joined));
            }
        }
        _ => {
            target.entry(key).or_insert(value);
        }
    }
}
