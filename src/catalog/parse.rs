//! Turning file texts into typed values, one problem per file that does not parse.

use serde::de::DeserializeOwned;

use super::{Located, Problem, SourceFile};
use crate::model::{
    Astronaut, AstronautsFile, Flight, RegistryFile, Spacecraft, SpacecraftFile, Station,
    StationsFile,
};
use crate::suggest;

/// The registries' file names; every other `*.json` but [`SCHEMA_FILE`] is a flight file.
pub const REGISTRY_FILES: [&str; 3] = ["astronauts.json", "spacecraft.json", "stations.json"];
/// The JSON Schema of the format, kept beside the data and never read as data.
pub const SCHEMA_FILE: &str = "schema.json";

/// What parsing produced: the values that parsed, and a problem for each file that did not.
pub(crate) struct Parsed {
    /// (display name, text) of every file that could be read, indexed by `Located::file`.
    pub texts: Vec<(String, String)>,
    pub problems: Vec<Problem>,
    pub astronauts: Vec<Located<Astronaut>>,
    pub spacecraft: Vec<Located<Spacecraft>>,
    pub stations: Vec<Located<Station>>,
    pub flights: Vec<Located<Flight>>,
    /// Each registry was found once and parsed: references to it can be checked.
    pub registries_complete: bool,
    /// Every flight file parsed: references to flights and events can be checked.
    pub flights_complete: bool,
}

pub(crate) fn parse_files(label: &str, files: Vec<SourceFile>) -> Parsed {
    let mut parsed = Parsed {
        texts: Vec::new(),
        problems: Vec::new(),
        astronauts: Vec::new(),
        spacecraft: Vec::new(),
        stations: Vec::new(),
        flights: Vec::new(),
        registries_complete: true,
        flights_complete: true,
    };
    // Flight files are most of a catalog and parse independently: parse them on every core first, then
    // assemble everything in file order below.
    use rayon::prelude::*;
    let mut flights: Vec<Option<Result<Flight, Problem>>> = files
        .par_iter()
        .map(|file| {
            let is_flight =
                file.file_name != SCHEMA_FILE && !REGISTRY_FILES.contains(&file.file_name.as_str());
            match (&file.text, is_flight) {
                (Ok(text), true) => Some(read::<Flight>(&file.name, text)),
                _ => None,
            }
        })
        .collect();
    // Where each registry was first seen, to report a second copy.
    let mut registry_seen: [Option<String>; 3] = Default::default();
    for (i, file) in files.into_iter().enumerate() {
        if file.file_name == SCHEMA_FILE {
            continue;
        }
        let registry = REGISTRY_FILES.iter().position(|r| *r == file.file_name);
        let text = match file.text {
            Ok(text) => text,
            Err(problem) => {
                parsed.problems.push(problem);
                match registry {
                    Some(_) => parsed.registries_complete = false,
                    None => parsed.flights_complete = false,
                }
                continue;
            }
        };
        let index = parsed.texts.len();
        if let Some(r) = registry {
            if let Some(first) = &registry_seen[r] {
                parsed.problems.push(
                    Problem::in_file(
                        &file.name,
                        format!("a second {} (the first is {first})", REGISTRY_FILES[r]),
                    )
                    .hint("a catalog has each registry once: merge the two files"),
                );
                parsed.registries_complete = false;
                continue;
            }
            registry_seen[r] = Some(file.name.clone());
        }
        let ok = match registry {
            Some(0) => registry_entries::<AstronautsFile>(&file.name, &text, index)
                .map(|entries| parsed.astronauts.extend(entries)),
            Some(1) => registry_entries::<SpacecraftFile>(&file.name, &text, index)
                .map(|entries| parsed.spacecraft.extend(entries)),
            Some(_) => registry_entries::<StationsFile>(&file.name, &text, index)
                .map(|entries| parsed.stations.extend(entries)),
            None => flights[i]
                .take()
                .unwrap_or_else(|| read::<Flight>(&file.name, &text))
                .map(|f| {
                    parsed.flights.push(Located {
                        value: f,
                        file: index,
                        path: Vec::new(),
                    })
                }),
        };
        if let Err(problem) = ok {
            parsed.problems.push(problem);
            match registry {
                Some(_) => parsed.registries_complete = false,
                None => parsed.flights_complete = false,
            }
        }
        parsed.texts.push((file.name, text));
    }
    for (seen, name) in registry_seen.iter().zip(REGISTRY_FILES) {
        if seen.is_none() {
            parsed.registries_complete = false;
            parsed.problems.push(
                Problem::in_file(label, format!("no {name} in the catalog")).hint(format!(
                    "add {name} (see docs/data-format.md), or point --data at the right folder"
                )),
            );
        }
    }
    parsed
}

/// The entries of a registry file, each located at `["astronauts", i]` (or its own key) in file `index`.
fn registry_entries<R: RegistryFile>(
    name: &str,
    text: &str,
    index: usize,
) -> Result<Vec<Located<R::Entry>>, Problem> {
    let (entries, _, _) = read::<R>(name, text)?.into_parts();
    Ok(entries
        .into_iter()
        .enumerate()
        .map(|(i, value)| Located {
            value,
            file: index,
            path: crate::json_path![R::KEY, i],
        })
        .collect())
}

/// Parses one file, turning serde's error into a problem with a position and a hint.
pub(crate) fn read<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Problem> {
    let start = text.len() - text.trim_start().len();
    if let Some(first) = text[start..].chars().next().filter(|&c| c != '{') {
        return Err(Problem::at(
            name,
            super::locate::line_col(text, start),
            format!("expected a JSON object `{{…}}`, found `{first}`"),
        )
        .hint(
            "a flight file holds one flight as an object; put each flight in a file of its own",
        ));
    }
    serde_json::from_str(text).map_err(|e| serde_problem(name, text, &e))
}

fn serde_problem(name: &str, text: &str, error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    };
    let position = (error.line().max(1), error.column().max(1));
    let shown = match message.find(", expected") {
        Some(at) if message.starts_with("unknown ") => &message[..at],
        _ => &message,
    };
    let mut problem = Problem::at(name, position, shown);
    if text.trim().is_empty() {
        return problem
            .hint("the file is empty: a flight file is one JSON object (see docs/data-format.md), or delete the file");
    }
    if error.is_eof() {
        return problem.hint("the file ends too early: a bracket, brace or quote is not closed");
    }
    if let Some((wrong, allowed)) = unknown_name(&message) {
        let suggestion = suggest::closest(&wrong, allowed.iter().map(String::as_str));
        let listed = allowed.join(", ");
        problem.hint = Some(match suggestion {
            Some(s) => format!("did you mean `{s}`? allowed here: {listed}"),
            None => format!("allowed here: {listed}"),
        });
    } else if message.starts_with("missing field") {
        problem.hint = Some("add the field (see docs/data-format.md for what it holds)".into());
    } else if message.starts_with("invalid type") {
        problem.hint = Some(
            "see docs/data-format.md for the type of each field (times and ids are strings)".into(),
        );
    }
    problem
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" (or "unknown variant …") into the wrong
/// name and the allowed ones.
fn unknown_name(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (wrong, rest) = rest.split_once('`')?;
    let allowed = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((wrong.to_string(), allowed))
}
