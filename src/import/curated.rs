//! What a curated layer says differently from an import: for regenerating the bundled catalog's generated
//! layer (`missions/generated/`) beside the curated files that take precedence over it (see
//! `docs/data-format.md`, "Two layers").
//!
//! The curated layer is every `*.json` file below a folder except those under a folder named `generated`,
//! the schema and hidden files. Its flights and registry entries are compared, by id, with the imported
//! ones: names, native names, nations and birth dates of people; times (as instants, and their precision),
//! crews and stations of flights. Each difference is a [`Note`]; the curated value is the one the catalog
//! uses. Nothing is written and nothing is changed.

use std::collections::HashMap;
use std::path::Path;

use super::{ImportError, ImportedCatalog, InputFile, Note};
use crate::catalog::layers::GENERATED_FOLDER;
use crate::catalog::{read_json, Problem};
use crate::model::{AstronautsFile, End, Flight, Time};

/// The differences between the curated layer in `dir` and `imported`, curated flights first.
pub fn differences(dir: &Path, imported: &ImportedCatalog) -> Result<Vec<Note>, ImportError> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    collect(dir, &mut files, &mut problems);
    files.sort();
    let mut notes = Vec::new();
    let flights: HashMap<&str, &Flight> = imported
        .flights
        .iter()
        .map(|f| (f.id.as_str(), f))
        .collect();
    for path in files {
        let file = match InputFile::read(&path) {
            Ok(file) => file,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        match name {
            "astronauts.json" => match read_json::<AstronautsFile>(&file.name, &file.text) {
                Ok(registry) => people(&registry, imported, &mut notes),
                Err(problem) => problems.push(problem),
            },
            "spacecraft.json" | "stations.json" | "schema.json" => {}
            _ => match read_json::<Flight>(&file.name, &file.text) {
                Ok(curated) => {
                    if let Some(generated) = flights.get(curated.id.as_str()) {
                        flight(&curated, generated, &mut notes);
                    }
                }
                Err(problem) => problems.push(problem),
            },
        }
    }
    if problems.is_empty() {
        Ok(notes)
    } else {
        Err(ImportError::Input(problems))
    }
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(
                Problem::in_file(
                    dir.display().to_string(),
                    format!("cannot read the folder: {e}"),
                )
                .hint("--curated takes the catalog folder that holds the curated files (missions)"),
            );
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == GENERATED_FOLDER {
            continue;
        }
        if path.is_dir() {
            collect(&path, files, problems);
        } else if name.ends_with(".json") {
            files.push(path);
        }
    }
}

fn people(curated: &AstronautsFile, imported: &ImportedCatalog, notes: &mut Vec<Note>) {
    let generated: HashMap<&str, _> = imported
        .astronauts
        .astronauts
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    for person in &curated.astronauts {
        let Some(g) = generated.get(person.id.as_str()) else {
            continue;
        };
        let mut differ = Vec::new();
        let mut compare = |what: &str, curated: Option<&str>, generated: Option<&str>| {
            if curated != generated {
                differ.push(format!(
                    "{what} {} (curated), {} (McDowell)",
                    curated.unwrap_or("none"),
                    generated.unwrap_or("none")
                ));
            }
        };
        compare("name", Some(&person.name), Some(&g.name));
        compare(
            "native name",
            person.native_name.as_deref(),
            g.native_name.as_deref(),
        );
        compare("nation", Some(&person.nation), Some(&g.nation));
        compare("born", person.born.as_deref(), g.born.as_deref());
        if !differ.is_empty() {
            notes.push(Note::new(
                format!("astronaut {}", person.id),
                differ.join("; "),
            ));
        }
    }
}

fn flight(curated: &Flight, generated: &Flight, notes: &mut Vec<Note>) {
    let mut differ = Vec::new();
    let time = |t: Option<&Time>| t.map(|t| (t.instant(), t.precision()));
    let show = |t: Option<&Time>| t.map_or("none".to_string(), |t| t.to_string());
    let ends = [
        ("launch", Some(&curated.launch), Some(&generated.launch)),
        (
            "landing",
            curated.landing.as_ref(),
            generated.landing.as_ref(),
        ),
    ];
    for (what, c, g) in ends {
        let (ct, gt) = (
            c.and_then(|e| e.time.as_ref()),
            g.and_then(|e| e.time.as_ref()),
        );
        if time(ct) != time(gt) {
            differ.push(format!(
                "{what} {} (curated), {} (generated)",
                show(ct),
                show(gt)
            ));
        }
        let crew = |e: Option<&End>| {
            let mut ids: Vec<String> = e.map_or(Vec::new(), |e| {
                e.crew.iter().map(|m| m.astronaut.clone()).collect()
            });
            ids.sort();
            ids
        };
        if crew(c) != crew(g) {
            differ.push(format!(
                "{what} crew {} (curated), {} (generated)",
                crew(c).join(", "),
                crew(g).join(", ")
            ));
        }
    }
    if curated.station != generated.station {
        differ.push(format!(
            "station {} (curated), {} (generated)",
            curated.station.as_deref().unwrap_or("none"),
            generated.station.as_deref().unwrap_or("none")
        ));
    }
    if !differ.is_empty() {
        notes.push(Note::new(
            format!("flight {}", curated.id),
            differ.join("; "),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn soyuz_11(landing: &str, crew: &str) -> Flight {
        serde_json::from_str(&format!(
            r#"{{"id": "soyuz-11", "name": "Soyuz 11", "program": "Soyuz", "spacecraft": "soyuz",
                "nation": "RU", "launch": {{"time": "1971-06-06T04:55:09Z", "crew": [{{"astronaut": "a"}}]}},
                "landing": {{"time": "{landing}", "crew": [{{"astronaut": "{crew}"}}]}},
                "sources": ["https://planet4589.org/space/astro/web/"]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn a_flight_differs_in_time_precision_and_crew_but_not_in_the_zone_it_is_written_in() {
        let mut notes = Vec::new();
        let generated = soyuz_11("1971-06-29T23:16:52Z", "a");
        flight(
            &soyuz_11("1971-06-30T02:16:52+03:00", "a"),
            &generated,
            &mut notes,
        );
        assert!(notes.is_empty(), "{notes:?}");
        flight(&soyuz_11("1971-06-29T23:16Z", "b"), &generated, &mut notes);
        assert_eq!(notes.len(), 1);
        assert_eq!(
            notes[0].reason,
            "landing 1971-06-29T23:16Z (curated), 1971-06-29T23:16:52Z (generated); landing crew b (curated), a (generated)"
        );
    }
}
