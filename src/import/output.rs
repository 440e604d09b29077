//! Writing an imported catalog as files in the documented format: `astronauts.json`, `spacecraft.json`
//! and `stations.json` at the top of the folder, and one file per flight in a folder per programme
//! (`soyuz/soyuz-tm-13.json`).
//!
//! Rendering is deterministic (serde's pretty JSON of the format types, in the order the importer built
//! them, and a final newline), so importing the same input twice gives the same bytes. Every file goes
//! through [`crate::atomic::write`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{slug, ImportError};
use crate::catalog::{self, Problem};
use crate::model::{
    Astronaut, AstronautsFile, Flight, RegistryFile, Spacecraft, SpacecraftFile, Station,
    StationsFile,
};

/// A catalog built by an importer, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedCatalog {
    /// `astronauts.json`.
    pub astronauts: AstronautsFile,
    /// `spacecraft.json`.
    pub spacecraft: SpacecraftFile,
    /// `stations.json`.
    pub stations: StationsFile,
    /// One file each, in the order given.
    pub flights: Vec<Flight>,
}

impl ImportedCatalog {
    /// Every file of the catalog, rendered: (path relative to the catalog folder, text).
    pub fn files(&self) -> Vec<(PathBuf, String)> {
        let mut files = vec![
            (PathBuf::from("astronauts.json"), render(&self.astronauts)),
            (PathBuf::from("spacecraft.json"), render(&self.spacecraft)),
            (PathBuf::from("stations.json"), render(&self.stations)),
        ];
        for flight in &self.flights {
            files.push((flight_path(flight), render(flight)));
        }
        files
    }

    /// Refuses a catalog that orbitline's own loader would refuse once written (every import checks this
    /// before it writes anything).
    pub fn check(&self) -> Result<(), ImportError> {
        super::place::check_loads(&self.files())
    }
}

/// What [`write_catalog`] did.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Written {
    /// The folder.
    pub out: String,
    /// Files created or replaced.
    pub written: usize,
    /// Files that already held exactly these bytes.
    pub unchanged: usize,
    /// With `merge`: entries the existing catalog already had, kept as they were.
    pub shared: usize,
    /// With `merge`: flights and registry entries added to the existing catalog.
    pub added: usize,
}

/// The relative path of a flight's file: `PROGRAMME/ID.json`.
fn flight_path(flight: &Flight) -> PathBuf {
    let folder = match slug(&flight.program) {
        s if s.is_empty() => "flights".to_string(),
        s => s,
    };
    PathBuf::from(folder).join(format!("{}.json", flight.id))
}

/// Pretty JSON with a final newline.
pub(crate) fn render<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes `catalog` into `out`.
///
/// Without `merge`, refuses when any file it would write exists (unless `force`), and when `out` already
/// holds a catalog elsewhere in it (a second registry would make both invalid). With `merge`, reads the
/// catalog in `out` and adds the imported flights and registry entries to it: an id defined by both is
/// fine when both say the same (a registry entry with the same name, nation and seats, a flight file
/// with the same bytes), and a clash otherwise; any clash stops the merge before anything is written.
pub fn write_catalog(
    catalog: &ImportedCatalog,
    out: &Path,
    force: bool,
    merge: bool,
) -> Result<Written, ImportError> {
    if !(merge && out.exists()) {
        let files = catalog.files();
        super::place::check_loads(&files)?;
        let source = catalog.astronauts.sources.first().map(String::as_str);
        return super::place::place(out, &files, source, force);
    }
    let mut written = Written {
        out: out.display().to_string(),
        ..Written::default()
    };
    let files = merged_files(catalog, out, &mut written)?;
    write_files(&files, written)
}

/// What a merge into the catalog in `out` writes: the new flight files, then the three registries with
/// the imported entries added. Counts the shared and added ids in `written`. Refuses, before anything
/// is written, on any clash and on a merged catalog that would not load.
fn merged_files(
    catalog: &ImportedCatalog,
    out: &Path,
    written: &mut Written,
) -> Result<Vec<(PathBuf, String)>, ImportError> {
    let existing = Existing::read(out)?;
    let mut clashes = Vec::new();
    let (astronauts, a) = merge_registry(
        &existing.astronauts,
        &catalog.astronauts.astronauts,
        |x| &x.id,
        |x, y| x.name == y.name && x.nation == y.nation,
        "astronaut",
        &existing.astronauts_path,
        &mut clashes,
    );
    let (spacecraft, s) = merge_registry(
        &existing.spacecraft,
        &catalog.spacecraft.spacecraft,
        |x| &x.id,
        |x, y| x.name == y.name && x.seats == y.seats,
        "spacecraft",
        &existing.spacecraft_path,
        &mut clashes,
    );
    let (stations, t) = merge_registry(
        &existing.stations,
        &catalog.stations.stations,
        |x| &x.id,
        |x, y| x.name == y.name && x.nation == y.nation,
        "station",
        &existing.stations_path,
        &mut clashes,
    );
    written.shared = a.0 + s.0 + t.0;
    written.added = a.1 + s.1 + t.1;
    let mut files = merged_flights(catalog, out, &existing, written, &mut clashes);
    if !clashes.is_empty() {
        return Err(ImportError::Clashes(clashes));
    }
    files.extend(merged_registries(
        catalog, out, &existing, astronauts, spacecraft, stations,
    ));
    let mut checked: Vec<(PathBuf, String)> = existing.flights.into_values().collect();
    checked.extend(files.iter().cloned());
    super::place::check_loads(&checked)?;
    Ok(files)
}

/// The imported flights the catalog in `out` lacks, as files to write. A flight already there with the
/// same text counts as shared; with other text it is a clash.
fn merged_flights(
    catalog: &ImportedCatalog,
    out: &Path,
    existing: &Existing,
    written: &mut Written,
    clashes: &mut Vec<Problem>,
) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for flight in &catalog.flights {
        let text = render(flight);
        match existing.flights.get(&flight.id) {
            Some((path, old)) if *old == text => {
                written.shared += 1;
                let _ = path;
            }
            Some((path, _)) => clashes.push(
                Problem::in_file(
                    path.display().to_string(),
                    format!(
                        "flight `{}` is already in the catalog, with other facts",
                        flight.id
                    ),
                )
                .hint("import into a new folder, or remove or rename one of the two flights"),
            ),
            None => {
                written.added += 1;
                files.push((out.join(flight_path(flight)), text));
            }
        }
    }
    files
}

/// The three merged registries, each where the catalog in `out` keeps it (or at the top of `out`), with
/// the sources and notes of both; astronauts.json last.
fn merged_registries(
    catalog: &ImportedCatalog,
    out: &Path,
    existing: &Existing,
    astronauts: Vec<Astronaut>,
    spacecraft: Vec<Spacecraft>,
    stations: Vec<Station>,
) -> [(PathBuf, String); 3] {
    let registry =
        |name: &str, found: &Option<PathBuf>| found.clone().unwrap_or_else(|| out.join(name));
    [
        (
            registry("spacecraft.json", &existing.spacecraft_path),
            render(&SpacecraftFile {
                spacecraft,
                ..merge_meta(
                    &existing.spacecraft_meta,
                    &catalog.spacecraft.sources,
                    &catalog.spacecraft.notes,
                )
                .into_spacecraft()
            }),
        ),
        (
            registry("stations.json", &existing.stations_path),
            render(&StationsFile {
                stations,
                ..merge_meta(
                    &existing.stations_meta,
                    &catalog.stations.sources,
                    &catalog.stations.notes,
                )
                .into_stations()
            }),
        ),
        (
            registry("astronauts.json", &existing.astronauts_path),
            render(&AstronautsFile {
                astronauts,
                ..merge_meta(
                    &existing.astronauts_meta,
                    &catalog.astronauts.sources,
                    &catalog.astronauts.notes,
                )
                .into_astronauts()
            }),
        ),
    ]
}

/// Writes the files of a merge in order, each replaced whole or not at all, and skips those already
/// holding the same bytes. Flights come first and the registries last (astronauts.json the very last):
/// a merge stopped halfway leaves flights that name people the registry lacks, which the loader refuses.
fn write_files(files: &[(PathBuf, String)], mut written: Written) -> Result<Written, ImportError> {
    let mut problems = Vec::new();
    for (path, text) in files {
        if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
            written.unchanged += 1;
            continue;
        }
        match crate::atomic::create_parent(path)
            .and_then(|()| crate::atomic::write(path, text.as_bytes()))
        {
            Ok(()) => written.written += 1,
            Err(e) => problems.push(
                Problem::in_file(path.display().to_string(), format!("cannot write: {e}"))
                    .hint("check that the folder is writable"),
            ),
        }
    }
    if problems.is_empty() {
        Ok(written)
    } else {
        Err(ImportError::Write(problems))
    }
}

/// The top-level `sources` and `notes` of a registry.
#[derive(Debug, Clone, Default)]
struct Meta {
    sources: Vec<String>,
    notes: Option<String>,
}

impl Meta {
    fn into_astronauts(self) -> AstronautsFile {
        AstronautsFile {
            astronauts: Vec::new(),
            sources: self.sources,
            notes: self.notes,
        }
    }
    fn into_spacecraft(self) -> SpacecraftFile {
        SpacecraftFile {
            spacecraft: Vec::new(),
            sources: self.sources,
            notes: self.notes,
        }
    }
    fn into_stations(self) -> StationsFile {
        StationsFile {
            stations: Vec::new(),
            sources: self.sources,
            notes: self.notes,
        }
    }
}

/// The existing registry's sources and notes, with the import's added where they are new.
fn merge_meta(existing: &Meta, sources: &[String], notes: &Option<String>) -> Meta {
    let mut merged = existing.clone();
    for source in sources {
        if !merged.sources.contains(source) {
            merged.sources.push(source.clone());
        }
    }
    merged.notes = match (&existing.notes, notes) {
        (Some(old), Some(new)) if !old.contains(new.as_str()) => Some(format!("{old}\n\n{new}")),
        (Some(old), _) => Some(old.clone()),
        (None, new) => new.clone(),
    };
    merged
}

/// Existing entries first, then the imported ones with new ids; `(shared, added)` counts.
fn merge_registry<T: Clone>(
    existing: &[T],
    imported: &[T],
    id: impl Fn(&T) -> &String,
    same: impl Fn(&T, &T) -> bool,
    what: &str,
    file: &Option<PathBuf>,
    clashes: &mut Vec<Problem>,
) -> (Vec<T>, (usize, usize)) {
    let file = file
        .as_ref()
        .map_or_else(|| format!("{what} registry"), |p| p.display().to_string());
    let index: HashMap<&String, &T> = existing.iter().map(|e| (id(e), e)).collect();
    let mut merged = existing.to_vec();
    let (mut shared, mut added) = (0, 0);
    for entry in imported {
        match index.get(id(entry)) {
            Some(old) if same(old, entry) => shared += 1,
            Some(_) => clashes.push(
                Problem::in_file(
                    &file,
                    format!("the existing catalog defines {what} `{}` differently (name, nation or seats)", id(entry)),
                )
                .hint("import into a new folder, or rename the entry in the existing catalog"),
            ),
            None => {
                added += 1;
                merged.push(entry.clone());
            }
        }
    }
    (merged, (shared, added))
}

/// A registry file's entries and its sources and notes.
fn registry<R: RegistryFile>(name: &str, text: &str) -> Result<(Vec<R::Entry>, Meta), Problem> {
    let (entries, sources, notes) = catalog::read_json::<R>(name, text)?.into_parts();
    Ok((entries, Meta { sources, notes }))
}

/// The catalog already in the folder, for `--merge`.
#[derive(Default)]
struct Existing {
    astronauts: Vec<Astronaut>,
    astronauts_meta: Meta,
    astronauts_path: Option<PathBuf>,
    spacecraft: Vec<Spacecraft>,
    spacecraft_meta: Meta,
    spacecraft_path: Option<PathBuf>,
    stations: Vec<Station>,
    stations_meta: Meta,
    stations_path: Option<PathBuf>,
    /// Flight id → (file, text).
    flights: BTreeMap<String, (PathBuf, String)>,
}

impl Existing {
    fn read(out: &Path) -> Result<Existing, ImportError> {
        let files = catalog::read_dir(out).map_err(|p| ImportError::Input(vec![p]))?;
        let mut existing = Existing::default();
        let mut problems = Vec::new();
        for file in files {
            let text = match file.text() {
                Ok(text) => text.into_owned(),
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            let path = PathBuf::from(&file.name);
            // The catalog loader's own reader: located errors with its hints, and this one when none.
            let bad = |problem: Problem| {
                match problem.hint {
                Some(_) => problem,
                None => problem.hint(
                    "run `orbitline --data DIR validate` and fix the catalog before merging into it",
                ),
            }
            };
            let result = match file.file_name.as_str() {
                "schema.json" => Ok(()),
                "astronauts.json" => {
                    registry::<AstronautsFile>(&file.name, &text).map(|(e, meta)| {
                        (existing.astronauts, existing.astronauts_meta) = (e, meta);
                        existing.astronauts_path = Some(path);
                    })
                }
                "spacecraft.json" => {
                    registry::<SpacecraftFile>(&file.name, &text).map(|(e, meta)| {
                        (existing.spacecraft, existing.spacecraft_meta) = (e, meta);
                        existing.spacecraft_path = Some(path);
                    })
                }
                "stations.json" => registry::<StationsFile>(&file.name, &text).map(|(e, meta)| {
                    (existing.stations, existing.stations_meta) = (e, meta);
                    existing.stations_path = Some(path);
                }),
                _ => catalog::read_json::<Flight>(&file.name, &text).map(|flight| {
                    existing.flights.insert(flight.id, (path, text));
                }),
            };
            if let Err(problem) = result {
                problems.push(bad(problem));
            }
        }
        if problems.is_empty() {
            Ok(existing)
        } else {
            Err(ImportError::Input(problems))
        }
    }
}
