//! `orbitline update`: fetch McDowell's newest crewed-flight tables and Launch Library 2's planned crewed
//! launches (module `planned`), build a new catalog from them with the curated layer on top, validate it with
//! the loader every command uses, and switch to it atomically, keeping the previous one; or (`--rollback`)
//! return to the previous one. A source left out with `--only` is the current catalog's saved copy.
//!
//! The update never breaks the catalog: everything is downloaded and checked before anything is written
//! under the home folder, the new catalog is built in a temporary folder and validated there, and the
//! switch is one replaced pointer file ([`home`]). Any failure (no network, an HTTP error, a body cut short
//! or too large, an HTML page instead of a table, tables that disagree with each other, a catalog that
//! would not validate, or one that lost more than [`MAX_LOSS_PERCENT`] of its flights, which only `force`
//! lets through) leaves the home folder as it was, byte for byte, and says why.
//!
//! The library takes the home folder, the day and a loader as values: the binary reads the environment
//! and the clock, and the application layer passes its own folder loader, so that the new catalog is read
//! exactly as every command will read it.

pub mod changes;
pub mod home;
pub mod http;
mod layers;
mod planned;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use self::changes::Changes;
use self::home::{Home, Meta, SourceMeta, META_FILE, SOURCES_FOLDER};
use self::http::{fetch, Fetched, HttpOptions, Validators};
use crate::catalog::{Catalog, Problem};
use crate::import::gcat::{self, GcatOptions};
use crate::import::{curated, ll2, InputFile, Note};

/// McDowell's missions table as he publishes it (TSV).
pub const MISSIONS_URL: &str = "https://planet4589.org/space/astro/tsv/missions.tsv";
/// McDowell's astronaut table as he publishes it (TSV).
pub const ASTRO_URL: &str = "https://planet4589.org/space/astro/tsv/astro.tsv";
/// Launch Library 2's upcoming crewed launches, detailed (crews, stations), in one request: the free API
/// allows 15 requests an hour.
pub const LL2_URL: &str = "https://ll.thespacedevs.com/2.3.0/launches/upcoming/?is_crewed=true&include_suborbital=true&mode=detailed&limit=100";
/// The most flights an update may lose at once without `force`, in percent of the current catalog's.
pub const MAX_LOSS_PERCENT: usize = 3;

/// What `orbitline update` is asked to do.
#[derive(Debug, Clone)]
pub struct UpdateQuery {
    /// The home folder (`ORBITLINE_HOME`).
    pub home: PathBuf,
    /// Where the missions table is.
    pub missions_url: String,
    /// Where the astronaut table is.
    pub astro_url: String,
    /// Where Launch Library 2's upcoming crewed launches are.
    pub ll2_url: String,
    /// Download McDowell's tables (otherwise the current catalog's copies are used).
    pub mcdowell: bool,
    /// Download Launch Library 2's planned launches (otherwise the current catalog's copy, if any).
    pub ll2: bool,
    /// Accept a catalog that lost more than [`MAX_LOSS_PERCENT`] of its flights.
    pub force: bool,
    /// The deadline of each request.
    pub timeout: Duration,
}

/// Why an update did not happen. The current catalog is unchanged.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct UpdateError {
    /// What went wrong, in one line.
    pub message: String,
    /// Each problem, with its place and hint.
    pub problems: Vec<Problem>,
}

impl UpdateError {
    fn new(message: impl Into<String>, problems: Vec<Problem>) -> UpdateError {
        UpdateError {
            message: message.into(),
            problems,
        }
    }
}

/// One source of an update.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SourceReport {
    /// `missions` or `astro`.
    pub name: String,
    /// Its URL.
    pub url: String,
    /// The bytes downloaded; `None` when the server said it had not changed (304), or when the source was
    /// not asked for (`--only`) and the current catalog's copy was used.
    pub downloaded: Option<usize>,
    /// `downloaded`, `not modified` or `kept` (the current catalog's copy, not asked for).
    #[schemars(with = "String")]
    pub status: &'static str,
}

/// What an update did.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct UpdateReport {
    /// The catalog that answers from now on: `updated 2026-12-01 from McDowell's tables of 2026-11-28`.
    pub catalog: String,
    /// Its folder (`None`: nothing changed and no catalog was made).
    pub folder: Option<String>,
    /// True when every source answered that it had not changed: the catalog is as it was.
    pub unchanged: bool,
    /// The sources.
    pub sources: Vec<SourceReport>,
    /// Flights and astronauts in the new catalog.
    pub flights: usize,
    /// Astronauts in the new catalog.
    pub astronauts: usize,
    /// What changed from the catalog that answered before.
    pub changes: Changes,
    /// Curated flights that were in orbit and have landed in the tables: given the tables' landing.
    pub landed_since_curated: Vec<Note>,
    /// Where the curated layer says otherwise than the tables (the curated value is kept).
    pub curated: Vec<Note>,
    /// Launch Library 2's planned flights: what was added and matched.
    pub planned: Vec<Note>,
}

/// What `--rollback` did.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RollbackReport {
    /// The catalog left (a folder name under the home's `catalogs/`, or `bundled`).
    pub from: String,
    /// The catalog that answers again.
    pub to: String,
}

/// Downloads the tables, builds, validates and switches to the new catalog. `current` is the catalog that
/// answers now (for the difference and the loss guard), `load` the folder loader every command uses, `today`
/// the day of the update, `progress` told (source, bytes, bytes expected) during downloads.
pub fn update(
    query: &UpdateQuery,
    today: &str,
    current: &Catalog,
    load: &dyn Fn(&Path) -> Result<Catalog, Vec<Problem>>,
    progress: &mut dyn FnMut(&str, u64, Option<u64>),
) -> Result<UpdateReport, UpdateError> {
    let home = Home::new(&query.home);
    let (tables, sources, unchanged) = download(query, &home, progress)?;
    if unchanged {
        return Ok(UpdateReport {
            catalog: current.label().to_string(),
            folder: home.current_folder().map(|f| f.display().to_string()),
            unchanged: true,
            sources,
            flights: current.flights().len(),
            astronauts: current.astronauts().len(),
            changes: Changes::default(),
            landed_since_curated: Vec::new(),
            curated: Vec::new(),
            planned: Vec::new(),
        });
    }
    let table = |name: &str| {
        tables
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(f, _, _)| f)
    };
    let (Some(missions), Some(astro)) = (table("missions"), table("astro")) else {
        return Err(UpdateError::new(
            "no McDowell tables to build on; the catalog was not changed",
            vec![Problem::in_file(
                home.root().display().to_string(),
                "the current catalog was not made by `orbitline update` from McDowell's tables",
            )
            .hint("run `orbitline update` without --only (or with --only mcdowell) first")],
        ));
    };
    let options = GcatOptions {
        include_aborts: true,
        include_nonhuman: false,
    };
    let (mut imported, summary) = gcat::import(missions, astro, &options).map_err(|e| {
        UpdateError::new(
            "McDowell's tables cannot be used; the catalog was not changed",
            e.problems(),
        )
    })?;
    let planned = match table("ll2") {
        Some(file) => {
            let (launches, _) = ll2::import(std::slice::from_ref(file)).map_err(|e| {
                UpdateError::new(
                    "Launch Library 2's answer cannot be used; the catalog was not changed",
                    e.problems(),
                )
            })?;
            planned::add_planned(&mut imported, &launches)
        }
        None => Vec::new(),
    };
    let meta = Meta {
        updated: today.to_string(),
        mcdowell: summary.updated.as_deref().and_then(day_of),
        ll2: table("ll2").is_some(),
        sources: tables
            .iter()
            .map(|(file, name, validators)| SourceMeta {
                name: name.to_string(),
                url: file.name.clone(),
                validators: validators.clone(),
            })
            .collect(),
    };
    let tables_day = meta.mcdowell.clone().unwrap_or_else(|| "no date".into());
    let (files, landed_since_curated) = layers::catalog_files(&imported, &tables_day)
        .map_err(|p| UpdateError::new("the bundled curated layer cannot be read", p))?;
    let name = home.new_name(&meta.updated);
    let target = home.folder(&name);
    let staging = stage(&target, &files, &meta, &tables)?;
    let checked = (|| {
        let new = load(&staging).map_err(|p| {
            UpdateError::new(
                "the updated catalog would not pass validation; the catalog was not changed",
                p,
            )
        })?;
        guard_loss(current, &new, query.force)?;
        let curated = curated::differences(&staging, &imported)
            .map_err(|e| UpdateError::new("the curated layer cannot be compared", e.problems()))?;
        Ok((new, curated))
    })();
    let (new, curated) = match checked {
        Ok(checked) => checked,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    if let Err(e) = fs::rename(&staging, &target) {
        let _ = fs::remove_dir_all(&staging);
        return Err(write_failed(&home, e));
    }
    if let Err(e) = home.switch_to(&name) {
        let _ = fs::remove_dir_all(&target);
        return Err(write_failed(&home, e));
    }
    Ok(UpdateReport {
        catalog: meta.label(),
        folder: Some(target.display().to_string()),
        unchanged: false,
        sources,
        flights: new.flights().len(),
        astronauts: new.astronauts().len(),
        changes: changes::changes(current, &new),
        landed_since_curated,
        curated,
        planned,
    })
}

/// Returns to the previous catalog.
pub fn rollback(home: &Path) -> Result<RollbackReport, UpdateError> {
    let (from, to) = Home::new(home)
        .rollback()
        .map_err(|p| UpdateError::new("nothing was rolled back", vec![p]))?;
    Ok(RollbackReport { from, to })
}

/// A downloaded (or kept) table: as an input file named by its URL, its name, its validators.
type Table = (InputFile, &'static str, Validators);

/// Every source, what each download did, and whether none of those asked for changed. A source not
/// asked for (`--only`) is the current catalog's copy, when it has one.
fn download(
    query: &UpdateQuery,
    home: &Home,
    progress: &mut dyn FnMut(&str, u64, Option<u64>),
) -> Result<(Vec<Table>, Vec<SourceReport>, bool), UpdateError> {
    let current = home.current_folder();
    let meta = current.as_deref().and_then(Home::meta);
    let http = HttpOptions::new(query.timeout);
    let (mut tables, mut reports, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    let mut unchanged = true;
    let sources = [
        ("missions", &query.missions_url, query.mcdowell),
        ("astro", &query.astro_url, query.mcdowell),
        ("ll2", &query.ll2_url, query.ll2),
    ];
    for (name, url, asked) in sources {
        let saved_meta = meta.as_ref().and_then(|m| m.source(name));
        let saved_text = || Home::saved_source(current.as_deref()?, name);
        if !asked {
            if let (Some(saved), Some(text)) = (saved_meta, saved_text()) {
                reports.push(SourceReport {
                    name: name.to_string(),
                    url: saved.url.clone(),
                    downloaded: None,
                    status: "kept",
                });
                let file = InputFile {
                    name: saved.url.clone(),
                    text,
                };
                tables.push((file, name, saved.validators.clone()));
            }
            continue;
        }
        // Ask whether it changed only when the current catalog was made from the same URL and keeps it.
        let saved = saved_meta
            .filter(|s| s.url == *url)
            .and_then(|s| Some((s.validators.clone(), saved_text()?)));
        let answer = fetch(url, saved.as_ref().map(|(v, _)| v), &http, &mut |n, of| {
            progress(name, n, of)
        });
        let (text, validators, downloaded) = match (answer, saved) {
            (Ok(Fetched::NotModified), Some((validators, text))) => (text, validators, None),
            (Ok(Fetched::NotModified), None) => {
                problems.push(
                    Problem::in_file(url.as_str(), "the server answered 304 Not Modified to a request that asked for no comparison")
                        .hint("check the URL; the catalog was not changed"),
                );
                continue;
            }
            (Ok(Fetched::Body { text, validators }), _) => {
                unchanged = false;
                let n = text.len();
                (text, validators, Some(n))
            }
            (Err(problem), _) => {
                problems.push(problem);
                continue;
            }
        };
        reports.push(SourceReport {
            name: name.to_string(),
            url: url.clone(),
            downloaded,
            status: if downloaded.is_some() {
                "downloaded"
            } else {
                "not modified"
            },
        });
        let file = InputFile {
            name: url.clone(),
            text,
        };
        tables.push((file, name, validators));
    }
    if problems.is_empty() {
        Ok((tables, reports, unchanged))
    } else {
        Err(UpdateError::new(
            "the sources could not be downloaded; the catalog was not changed",
            problems,
        ))
    }
}

/// Writes the new catalog into a temporary folder beside `target`: its files, its metadata and the tables.
fn stage(
    target: &Path,
    files: &[(PathBuf, String)],
    meta: &Meta,
    tables: &[Table],
) -> Result<PathBuf, UpdateError> {
    let home = target.parent().unwrap_or(target);
    let failed = |e: std::io::Error| {
        UpdateError::new(
            "the updated catalog could not be written; the catalog was not changed",
            vec![
                Problem::in_file(home.display().to_string(), format!("cannot write: {e}"))
                    .hint("check that ORBITLINE_HOME is a writable folder with room on its disk"),
            ],
        )
    };
    fs::create_dir_all(home).map_err(failed)?;
    let staging = crate::atomic::temporary_folder(target).map_err(failed)?;
    let mut all: Vec<(PathBuf, String)> = files.to_vec();
    let mut meta_text = serde_json::to_string_pretty(meta).unwrap_or_default();
    meta_text.push('\n');
    all.push((PathBuf::from(META_FILE), meta_text));
    for (file, name, _) in tables {
        all.push((
            Path::new(SOURCES_FOLDER).join(format!("{name}.txt")),
            file.text.clone(),
        ));
    }
    let written = all.iter().try_for_each(|(path, text)| {
        let path = staging.join(path);
        crate::atomic::create_parent(&path)?;
        crate::atomic::write(&path, text.as_bytes())
    });
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(failed(e));
    }
    Ok(staging)
}

/// Refuses a catalog that lost more than [`MAX_LOSS_PERCENT`] of the current one's flights, unless forced.
fn guard_loss(current: &Catalog, new: &Catalog, force: bool) -> Result<(), UpdateError> {
    let (old, now) = (current.flights().len(), new.flights().len());
    if force || now * 100 >= old * (100 - MAX_LOSS_PERCENT) {
        return Ok(());
    }
    let lost = old - now;
    Err(UpdateError::new(
        "the new tables lost too many flights; the catalog was not changed",
        vec![Problem::in_file(
            "(update)",
            format!(
                "McDowell's tables give {now} flights where the current catalog has {old}: {lost} fewer ({:.1}%), more than the {MAX_LOSS_PERCENT}% an update may lose",
                lost as f64 * 100.0 / old as f64
            ),
        )
        .hint("a table cut short or published in a new layout loses rows; if the source really dropped them, run again with --force")],
    ))
}

fn write_failed(home: &Home, e: std::io::Error) -> UpdateError {
    UpdateError::new(
        "the updated catalog could not be switched in; the catalog was not changed",
        vec![Problem::in_file(
            home.root().display().to_string(),
            format!("cannot write: {e}"),
        )
        .hint("check that ORBITLINE_HOME is a writable folder with room on its disk")],
    )
}

/// The day of McDowell's `Updated` line: `2026 Nov 28 1200:00` → `2026-11-28`.
fn day_of(updated: &str) -> Option<String> {
    let words: Vec<&str> = updated.split_whitespace().take(3).collect();
    chrono::NaiveDate::parse_from_str(&words.join(" "), "%Y %b %d")
        .ok()
        .map(|d| d.to_string())
}
