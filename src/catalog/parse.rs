//! Turning file texts into typed values, one problem per file that does not parse.

use serde::de::DeserializeOwned;
use std::sync::Arc;

use super::layers;
use super::texts::{Finding, Texts};
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

/// The three registries, as parsed.
pub(crate) struct Registries {
    pub astronauts: Vec<Located<Astronaut>>,
    pub spacecraft: Vec<Located<Spacecraft>>,
    pub stations: Vec<Located<Station>>,
    /// Each registry was found once and parsed: references to it can be checked.
    pub complete: bool,
}

/// Whether a file is a flight file (not a registry, not the schema).
pub(crate) fn is_flight_file(file: &SourceFile) -> bool {
    file.file_name != SCHEMA_FILE && !REGISTRY_FILES.contains(&file.file_name.as_str())
}

/// Reads and parses the registries (small files, kept for locating later problems); a problem for each
/// one that cannot be read or parsed, appears twice, or is missing.
pub(crate) fn registries(label: &str, texts: &Texts, problems: &mut Vec<Problem>) -> Registries {
    let mut parsed = Registries {
        astronauts: Vec::new(),
        spacecraft: Vec::new(),
        stations: Vec::new(),
        complete: true,
    };
    // Where each registry was first seen in each layer (curated, generated), to report a second copy.
    let mut registry_seen: [Option<&str>; 6] = Default::default();
    let generated = |index: usize| layers::is_generated(&texts.files()[index]);
    for (index, file) in texts.files().iter().enumerate() {
        let Some(r) = REGISTRY_FILES.iter().position(|r| *r == file.file_name) else {
            continue;
        };
        let kind = r;
        let r = r + 3 * usize::from(generated(index));
        let text = match file.text() {
            Ok(text) => text.into_owned(),
            Err(problem) => {
                problems.push(problem);
                parsed.complete = false;
                continue;
            }
        };
        if let Some(first) = registry_seen[r] {
            problems.push(
                Problem::in_file(
                    &file.name,
                    format!("a second {} (the first is {first})", REGISTRY_FILES[kind]),
                )
                .hint("a catalog has each registry once: merge the two files"),
            );
            parsed.complete = false;
            continue;
        }
        registry_seen[r] = Some(&file.name);
        let ok = match kind {
            0 => registry_entries::<AstronautsFile>(&file.name, &text, index)
                .map(|entries| parsed.astronauts.extend(entries)),
            1 => registry_entries::<SpacecraftFile>(&file.name, &text, index)
                .map(|entries| parsed.spacecraft.extend(entries)),
            _ => registry_entries::<StationsFile>(&file.name, &text, index)
                .map(|entries| parsed.stations.extend(entries)),
        };
        if let Err(problem) = ok {
            problems.push(problem);
            parsed.complete = false;
        }
        texts.keep(index, text);
    }
    parsed.astronauts =
        layers::overlay_entries(std::mem::take(&mut parsed.astronauts), generated, |a| &a.id);
    parsed.spacecraft =
        layers::overlay_entries(std::mem::take(&mut parsed.spacecraft), generated, |s| &s.id);
    parsed.stations =
        layers::overlay_entries(std::mem::take(&mut parsed.stations), generated, |s| &s.id);
    for (k, name) in REGISTRY_FILES.iter().enumerate() {
        if registry_seen[k].is_none() && registry_seen[k + 3].is_none() {
            parsed.complete = false;
            problems.push(
                Problem::in_file(label, format!("no {name} in the catalog")).hint(format!(
                    "add {name} (see docs/data-format.md), or point --data at the right folder"
                )),
            );
        }
    }
    parsed
}

/// The flights, read, parsed and checked.
pub(crate) struct Flights {
    pub flights: Vec<Located<Arc<Flight>>>,
    /// What the per-flight check found, in file order.
    pub findings: Vec<Finding>,
    /// For each flight, whether its own times and crew lists are consistent (see the check).
    pub consistent: Vec<bool>,
    /// Every flight file was read and parsed: references to flights and events can be checked.
    pub complete: bool,
}

/// A flight with what its check found and whether it is consistent.
type Checked = (Located<Arc<Flight>>, Vec<Finding>, bool);

/// Reads, parses and checks every flight file, on every core, in file order. `check` looks at one flight
/// and returns what it found and whether the flight is consistent; a file's text is kept only when
/// `check` found something in it (see [`Texts`]).
pub(crate) fn flights(
    texts: &Texts,
    problems: &mut Vec<Problem>,
    check: impl Fn(&Located<Arc<Flight>>) -> (Vec<Finding>, bool) + Sync,
) -> Flights {
    use rayon::prelude::*;
    // One per file: `None` for a file that is not a flight file.
    let results: Vec<Option<Result<Checked, Problem>>> = texts
        .files()
        .par_iter()
        .enumerate()
        .map(|(index, file)| {
            if !is_flight_file(file) {
                return None;
            }
            let result = file.text().and_then(|text| {
                let mut value = read::<Flight>(&file.name, &text)?;
                value.shrink_to_fit();
                let flight = Located {
                    value: Arc::new(value),
                    file: index,
                    path: Vec::new(),
                };
                let (findings, consistent) = check(&flight);
                if !findings.is_empty() {
                    texts.keep(index, text.into_owned());
                }
                Ok((flight, findings, consistent))
            });
            Some(result)
        })
        .collect();
    let mut parsed = Flights {
        flights: Vec::with_capacity(results.len()),
        findings: Vec::new(),
        consistent: Vec::with_capacity(results.len()),
        complete: true,
    };
    let mut checked: Vec<(Vec<Finding>, bool)> = Vec::with_capacity(results.len());
    for result in results.into_iter().flatten() {
        match result {
            Ok((flight, findings, consistent)) => {
                parsed.flights.push(flight);
                checked.push((findings, consistent));
            }
            Err(problem) => {
                problems.push(problem);
                parsed.complete = false;
            }
        }
    }
    // A generated flight that a curated one replaces is not part of the catalog.
    let generated = |index: usize| layers::is_generated(&texts.files()[index]);
    let replaced = layers::replaced_flights(&mut parsed.flights, generated);
    let flights = std::mem::take(&mut parsed.flights);
    for (i, (flight, (findings, consistent))) in flights.into_iter().zip(checked).enumerate() {
        if replaced.contains(&i) {
            continue;
        }
        parsed.flights.push(flight);
        parsed.findings.extend(findings);
        parsed.consistent.push(consistent);
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
    if text.starts_with('\u{feff}') {
        return Err(Problem::at(
            name,
            (1, 1),
            "the file starts with a byte order mark (U+FEFF), which JSON does not allow",
        )
        .hint("save the file as UTF-8 without a BOM (\"UTF-8\", not \"UTF-8 with BOM\")"));
    }
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
    // serde_json reads an integer too large for 64 bits as a float, and says so: the number is the trouble.
    let too_large = shown.starts_with("invalid type: floating point `")
        && !text
            .lines()
            .nth(position.0 - 1)
            .and_then(|line| line.get(..position.1.min(line.len())))
            .and_then(|before| {
                let number = before.trim_end_matches(|c: char| !c.is_ascii_digit());
                let start = number
                    .rfind(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)))
                    .map_or(0, |i| i + 1);
                number.get(start..)
            })
            .is_some_and(|number| number.contains(['.', 'e', 'E']));
    let shown = if too_large {
        match shown.split_once(", expected ") {
            Some((_, expected)) => format!("the number is too large: expected {expected}"),
            None => "the number is too large".to_string(),
        }
    } else {
        shown.to_string()
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
        let listed = format!("allowed here: {}", allowed.join(", "));
        problem = problem.hint_suggesting(suggestion, &listed, &listed);
    } else if message.starts_with("missing field") {
        problem.hint = Some("add the field (see docs/data-format.md for what it holds)".into());
    } else if too_large {
        problem.hint = Some(
            "write a whole number the field can hold (seats and days fit in 32 bits; see docs/data-format.md)".into(),
        );
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
