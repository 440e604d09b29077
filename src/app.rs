//! What the command line asks for, as plain values: the binary turns its arguments into [`Options`] and a
//! [`Request`], and [`run`] answers with the text to print and the exit status. No clap, no printing, no
//! clock here.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::catalog::links::EventGraph;
use crate::catalog::names::{Kinds, Lookup, NameError};
use crate::catalog::{self, Catalog, CatalogError, Filter, Problem, ScopeError};
use crate::chart::{self, ChartError, ChartOptions, ChartReport};
use crate::deps::{self, Subject};
use crate::import::{self, gcat::GcatOptions, Destination, ImportError};
use crate::report::graph::GraphFormat;
use crate::report::{self, Format, OpenFigures, TimeDisplay};
use crate::timeline::claims::{self, ClaimError, ClaimQuery, Verdict};
use crate::timeline::records::{self, RecordsQuery};
use crate::timeline::station::{self, StationError};
use crate::timeline::{self, aloft, people, QueryError};

/// Where the catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// The catalog embedded in the binary.
    Bundled,
    /// A folder of catalog files.
    Folder(PathBuf),
    /// The catalog the last `orbitline update` made under this home folder (`ORBITLINE_HOME`): the
    /// folder its `current` file names, or the bundled catalog when it names none.
    Current(PathBuf),
}

/// Settings shared by every command.
#[derive(Debug, Clone)]
pub struct Options {
    /// The catalog to load.
    pub data: DataSource,
    /// How to show times.
    pub display: TimeDisplay,
    /// The reference time for anything still in orbit.
    pub now: DateTime<Utc>,
    /// `now` was given (`--now`) rather than read from the clock: past the catalog's last check it is
    /// used as given (an extrapolation); the clock is held at the last check.
    pub now_given: bool,
    /// Human or JSON.
    pub format: Format,
    /// The parsed-catalog cache for `--data` folders; `None` reads every file (`--no-cache`).
    pub cache: Option<catalog::Cache>,
}

/// A command.
#[derive(Debug, Clone)]
pub enum Request {
    /// Load the catalog and report what it holds.
    Validate,
    /// The flights, one line each.
    List(Filter),
    /// Everything about one flight.
    Show {
        /// The flight id.
        flight: String,
    },
    /// Stays and durations of a flight's crew or of an astronaut.
    Duration {
        /// A flight or astronaut id.
        subject: String,
    },
    /// Rank records, and how they moved.
    Records(RecordsQuery),
    /// Check a published claim.
    Check(ClaimQuery),
    /// Export the catalog.
    Export(crate::export::ExportQuery),
    /// Import McDowell's tables into a catalog folder.
    ImportGcat {
        /// The missions table.
        missions: PathBuf,
        /// The astronaut table.
        astro: PathBuf,
        /// What to keep besides crewed flights.
        options: GcatOptions,
        /// Where to write.
        to: Destination,
        /// The folder of a curated layer to compare the import with.
        curated: Option<PathBuf>,
    },
    /// Fetch McDowell's newest tables and switch to the catalog made from them (`orbitline update`).
    Update(crate::update::UpdateQuery),
    /// Return to the catalog before the last update.
    Rollback {
        /// The home folder (`ORBITLINE_HOME`).
        home: PathBuf,
    },
    /// Import Launch Library 2 responses into a catalog folder.
    ImportLl2 {
        /// The response files.
        files: Vec<PathBuf>,
        /// Where to write.
        to: Destination,
    },
    /// A station's occupancy, return-craft coverage, gaps and slips.
    Station {
        /// The station id.
        station: String,
        /// Start of the range (default: the first arrival).
        from: Option<DateTime<Utc>>,
        /// End of the range (default: now, or the last departure).
        to: Option<DateTime<Utc>>,
        /// One moment instead of a range: who is aboard then, and what is docked.
        at: Option<DateTime<Utc>>,
    },
    /// What a moment, flight or stay depends on, and what depends on it.
    Deps {
        /// `flight`, `flight/event` or `astronaut@flight`.
        reference: String,
        /// Which trees.
        direction: deps::Direction,
        /// How many links deep (`None`: all).
        depth: Option<usize>,
    },
    /// The chain of causes behind a moment.
    Why {
        /// `flight`, `flight/event` or `astronaut@flight`.
        reference: String,
    },
    /// What moves when a moment slips.
    Impact {
        /// The moment (a flight stands for its launch, a stay for its down landing).
        reference: String,
        /// By how much (negative: earlier).
        slip: chrono::Duration,
    },
    /// The critical path between two moments.
    Critical {
        /// Where it starts.
        from: String,
        /// Where it ends.
        to: String,
    },
    /// The event graph, or a neighbourhood of it, for Graphviz or Mermaid.
    Graph {
        /// DOT, Mermaid or JSON.
        format: GraphFormat,
        /// Only the moments near this reference.
        focus: Option<String>,
        /// How many links from the focus.
        depth: usize,
    },
    /// Draw a chart and write it to a file.
    Chart(ChartOptions),
    /// The people, flights and stations a text may name.
    Find {
        /// The text, as people write a name.
        text: String,
    },
    /// The astronauts, one line each, with flights and total time.
    Astronauts(Filter),
    /// Everyone in space at a moment.
    Aloft {
        /// The moment (default: the catalog's last check).
        at: Option<DateTime<Utc>>,
    },
}

impl Request {
    /// False for the importers and the update, which read other sources and write a catalog instead.
    pub fn reads_catalog(&self) -> bool {
        !matches!(
            self,
            Request::ImportGcat { .. }
                | Request::ImportLl2 { .. }
                | Request::Update(_)
                | Request::Rollback { .. }
        )
    }
}

/// How a command ended, mapped to the exit code in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exit 0.
    Ok,
    /// Exit 1: a check or claim that does not hold.
    CheckFailed,
    /// Exit 2: a usage or data error.
    Error,
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::CheckFailed => 1,
            Status::Error => 2,
        }
    }
}

/// What a command produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The text for standard output.
    pub stdout: String,
    /// The exit status.
    pub status: Status,
}

impl Outcome {
    /// Text to print, with exit status 0.
    fn ok(stdout: String) -> Outcome {
        Outcome {
            stdout,
            status: Status::Ok,
        }
    }
}

/// Why a command could not answer.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    /// The catalog did not load.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A lookup found nothing.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A station lookup found nothing.
    #[error(transparent)]
    Station(#[from] StationError),
    /// A claim could not be checked.
    #[error(transparent)]
    Claim(#[from] ClaimError),
    /// An import failed.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// An export could not be made.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// An output file could not be written.
    #[error("{}", .0.message)]
    Output(Problem),
    /// A chart could not be drawn or written.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// A name names nothing, or several things.
    #[error(transparent)]
    Name(#[from] NameError),
    /// A `--nation` or `--program` names nothing in the catalog.
    #[error(transparent)]
    Scope(#[from] ScopeError),
    /// An update did not happen.
    #[error(transparent)]
    Update(#[from] crate::update::UpdateError),
}

impl AppError {
    /// The problems to list, each with its place and hint.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            AppError::Catalog(e) => e.0.clone(),
            AppError::Query(QueryError::UnknownSubject { id, suggestion }) => {
                let problem = Problem::on_command_line(format!("no flight or astronaut `{id}` in the catalog"),
                );
                vec![problem.hint_suggesting(
                    suggestion.as_deref(),
                    "`orbitline list` shows every flight",
                    "`orbitline list` shows every flight; astronauts are named by id, like chen-dong",
                )]
            }
            AppError::Station(StationError::Unknown { id, suggestion }) => {
                let problem = Problem::on_command_line(format!("no station `{id}` in the catalog"));
                vec![problem.hint_suggesting(
                    suggestion.as_deref(),
                    "",
                    "stations are named by id, as in stations.json: tiangong",
                )]
            }
            AppError::Import(e) => e.problems(),
            AppError::Export(e) => vec![Problem::in_file("(export)", e.to_string())],
            AppError::Output(problem) => vec![problem.clone()],
            AppError::Claim(e) => vec![Problem::on_command_line(e.to_string()).hint(
                "SUBJECT is a flight (its crew), an astronaut (their total), astronaut@flight (one stay) or a station",
            )],
            AppError::Query(QueryError::UnknownReference {
                message,
                suggestion,
                hint,
                ..
            }) => {
                let problem = Problem::on_command_line(message.clone());
                vec![problem.hint_suggesting(suggestion.as_deref(), hint, hint)]
            }
            AppError::Query(e @ QueryError::NoPath { hint, .. }) => {
                vec![Problem::on_command_line(e.to_string()).hint(hint.clone())]
            }
            AppError::Chart(e) => vec![e.problem()],
            AppError::Name(e) => vec![report::human::names::problem(e)],
            AppError::Scope(e) => vec![e.problem()],
            AppError::Update(e) => e.problems.clone(),
        }
    }
}

/// `request` with every name of a flight, an astronaut or a station replaced by the id it names
/// (docs/names.md); an id written exactly costs no index.
pub fn resolve_names(lookup: &Lookup, request: &Request) -> Result<Request, NameError> {
    let one = |text: &str, kinds: Kinds| lookup.resolve(text, kinds);
    let reference = |text: &str| lookup.resolve_reference(text, Kinds::FLIGHT);
    let station =
        |text: &Option<String>| text.as_deref().map(|s| one(s, Kinds::STATION)).transpose();
    let mut request = request.clone();
    match &mut request {
        Request::Show { flight } => *flight = one(flight, Kinds::FLIGHT)?,
        Request::Duration { subject } => *subject = one(subject, Kinds::SUBJECT)?,
        Request::Records(query) => query.scope.station = station(&query.scope.station)?,
        Request::Check(query) => {
            query.subject = lookup.resolve_reference(&query.subject, Kinds::ANY)?;
            query.scope.station = station(&query.scope.station)?;
        }
        Request::Station { station: id, .. } => *id = one(id, Kinds::STATION)?,
        Request::Deps { reference: r, .. }
        | Request::Why { reference: r }
        | Request::Impact { reference: r, .. } => *r = reference(r)?,
        Request::Critical { from, to } => {
            *from = reference(from)?;
            *to = reference(to)?;
        }
        Request::Graph { focus, .. } => {
            *focus = focus.as_deref().map(reference).transpose()?;
        }
        Request::Chart(options) => options.scope.station = station(&options.scope.station)?,
        _ => {}
    }
    Ok(request)
}

/// `request` with its `--nation` and `--program` checked against the catalog and spelt as the catalog
/// spells them ([`Filter::checked`]).
fn checked_scope(catalog: &Catalog, mut request: Request) -> Result<Request, ScopeError> {
    match &mut request {
        Request::List(filter) | Request::Astronauts(filter) => *filter = filter.checked(catalog)?,
        Request::Records(query) => query.scope = query.scope.checked(catalog)?,
        Request::Check(query) => query.scope = query.scope.checked(catalog)?,
        Request::Chart(options) => options.scope = options.scope.checked(catalog)?,
        _ => {}
    }
    Ok(request)
}

/// Loads the catalog `data` names: the bundled one from its compiled form, a folder through `cache`
/// (`None`: `--no-cache`, or no cache folder).
pub fn load(data: &DataSource, cache: Option<&catalog::Cache>) -> Result<Catalog, AppError> {
    match data {
        DataSource::Bundled => Ok(Catalog::bundled()?),
        DataSource::Folder(dir) => {
            // A catalog made by `orbitline update` is named by what it was made from.
            let label = crate::update::home::Home::meta(dir)
                .map_or_else(|| dir.display().to_string(), |meta| meta.label());
            Ok(catalog::load_folder(dir, &label, cache)?)
        }
        DataSource::Current(home) => {
            let home = crate::update::home::Home::new(home);
            match home.current_folder() {
                Some(dir) if !dir.is_dir() => {
                    Err(catalog::CatalogError(vec![home.missing_current(&dir)]).into())
                }
                Some(dir) => load(&DataSource::Folder(dir), cache),
                None => load(&DataSource::Bundled, cache),
            }
        }
    }
}

/// Runs `request` on a loaded catalog.
pub fn answer(
    catalog: &Catalog,
    options: &Options,
    request: &Request,
) -> Result<Outcome, AppError> {
    let options = &counted_to_last_check(catalog, options);
    let lookup = Lookup::new(catalog);
    let request = &checked_scope(catalog, resolve_names(&lookup, request)?)?;
    match request {
        Request::ImportGcat { .. }
        | Request::ImportLl2 { .. }
        | Request::Update(_)
        | Request::Rollback { .. } => run_import(options, request),
        Request::Check(query) => check(catalog, options, query),
        Request::Export(query) => export(catalog, options, query).map(Outcome::ok),
        Request::Chart(chart_options) => chart(catalog, options, chart_options).map(Outcome::ok),
        Request::Deps { .. }
        | Request::Why { .. }
        | Request::Impact { .. }
        | Request::Critical { .. }
        | Request::Graph { .. } => dependencies(catalog, options, request).map(Outcome::ok),
        _ => catalog_query(catalog, &lookup, options, request).map(Outcome::ok),
    }
}

/// The questions answered from the catalog and the timeline: list, show, duration, records, station and
/// the people queries, rendered in the chosen format. Only [`answer`] calls it; the requests it does not
/// answer go on to [`dependencies`].
fn catalog_query(
    catalog: &Catalog,
    lookup: &Lookup,
    options: &Options,
    request: &Request,
) -> Result<String, AppError> {
    let (format, display) = (options.format, &options.display);
    Ok(match request {
        Request::Validate => report::render(&catalog.summary(), format, display),
        Request::Find { text } => report::render(&people::find(lookup, text), format, display),
        Request::Astronauts(filter) => report::render(
            &people::astronauts(catalog, filter, options.now),
            format,
            display,
        ),
        Request::Aloft { at } => {
            report::render(&aloft::aloft(catalog, *at, options.now), format, display)
        }
        Request::List(filter) => report::render(&timeline::list(catalog, filter), format, display),
        Request::Show { flight } => report::render(
            &timeline::show(catalog, flight, options.now)?,
            format,
            display,
        ),
        Request::Duration { subject } => report::render(
            &timeline::duration(catalog, subject, options.now)?,
            format,
            display,
        ),
        Request::Records(query) => report::render(
            &records::ranking(catalog, query, options.now),
            format,
            display,
        ),
        Request::Station {
            station,
            at: Some(at),
            ..
        } => report::render(
            &crate::timeline::station_at::station_at(catalog, station, *at, options.now)?,
            format,
            display,
        ),
        Request::Station {
            station, from, to, ..
        } => report::render(
            &station::history(catalog, station, *from, *to, options.now)?,
            format,
            display,
        ),
        _ => return dependencies(catalog, options, request),
    })
}

/// `check`: the report, and the exit status its verdict gives.
fn check(catalog: &Catalog, options: &Options, query: &ClaimQuery) -> Result<Outcome, AppError> {
    let report = claims::check(catalog, query, options.now)?;
    let status = match report.verdict {
        Verdict::Holds => Status::Ok,
        Verdict::Fails => Status::CheckFailed,
        Verdict::Undecided => Status::Error,
    };
    Ok(Outcome {
        stdout: report::render(&report, options.format, &options.display),
        status,
    })
}

/// The questions answered from the event graph: deps, why, impact, critical and graph. Only [`answer`]
/// and [`catalog_query`] call it; a request it does not answer goes on to [`run_import`], which refuses
/// anything but an import.
fn dependencies(
    catalog: &Catalog,
    options: &Options,
    request: &Request,
) -> Result<String, AppError> {
    let (format, display) = (options.format, &options.display);
    Ok(match request {
        Request::Deps {
            reference,
            direction,
            depth,
        } => {
            let graph = EventGraph::of(catalog);
            let subject = Subject::resolve(catalog, &graph, reference)?;
            report::render(
                &deps::trees(catalog, &graph, subject, *direction, *depth),
                format,
                display,
            )
        }
        Request::Why { reference } => {
            let graph = EventGraph::of(catalog);
            let subject = Subject::resolve(catalog, &graph, reference)?;
            report::render(&deps::why(catalog, &graph, subject), format, display)
        }
        Request::Impact { reference, slip } => {
            let graph = deps::impact_graph(catalog, reference);
            let subject = Subject::resolve(catalog, &graph, reference)?;
            report::render(
                &deps::impact(catalog, &graph, subject, *slip, options.now)?,
                format,
                display,
            )
        }
        Request::Critical { from, to } => {
            let graph = EventGraph::of(catalog);
            let from = Subject::resolve(catalog, &graph, from)?;
            let to = Subject::resolve(catalog, &graph, to)?;
            report::render(&deps::critical(catalog, &graph, from, to)?, format, display)
        }
        Request::Graph {
            format: graph_format,
            focus,
            depth,
        } => {
            let graph = EventGraph::of(catalog);
            let focus = match focus {
                Some(reference) => Some(Subject::resolve(catalog, &graph, reference)?),
                None => None,
            };
            let export = deps::graph_export(catalog, &graph, focus, *depth);
            match (graph_format, format) {
                (GraphFormat::Json, _) | (_, Format::Json) => report::json::to_json(&export),
                (GraphFormat::Mermaid, _) => report::graph::mermaid(&export, display),
                (GraphFormat::Dot, _) => report::graph::dot(&export, display),
            }
        }
        _ => return run_import(options, request).map(|outcome| outcome.stdout),
    })
}

/// `export`: the bytes written to `--output`, or returned to print.
fn export(
    catalog: &Catalog,
    options: &Options,
    query: &crate::export::ExportQuery,
) -> Result<String, AppError> {
    let bytes = crate::export::export(catalog, query, options.now)?;
    Ok(match &query.output {
        Some(path) => {
            write_file(path, &bytes).map_err(|e| {
                AppError::Output(
                    Problem::in_file(path.display().to_string(), format!("cannot write: {e}"))
                        .hint("check that the folder exists and is writable"),
                )
            })?;
            String::new()
        }
        None => String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    })
}

/// `chart`: draws the chart, writes it to `-o FILE`, and returns what to print about it.
fn chart(
    catalog: &Catalog,
    options: &Options,
    chart_options: &ChartOptions,
) -> Result<String, AppError> {
    let annotations = chart::annotations(catalog, chart_options, options.now);
    let chart = chart::render(catalog, chart_options, options.now, &annotations)?;
    let path = &chart_options.output;
    write_file(path, &chart.bytes).map_err(|e| {
        let shown = path.display().to_string();
        AppError::Output(
            Problem::in_file(shown.clone(), format!("cannot write `{shown}`: {e}"))
                .hint("choose another file with -o FILE"),
        )
    })?;
    Ok(report::render(
        &ChartReport::new(chart_options, &chart),
        options.format,
        &options.display,
    ))
}

/// Writes an output file: the one place that does, for every command (imports write their catalog
/// through [`crate::import`], which also goes through [`crate::atomic`]). Creates the folder when missing;
/// the file is replaced whole or not at all.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::atomic::create_parent(path)?;
    crate::atomic::write(path, bytes)
}

/// Runs an import, the one kind of request that reads no catalog. Only [`run`] and [`answer`] call it, and
/// only with an import; any other request is refused as an import with no input rather than answered.
fn run_import(options: &Options, request: &Request) -> Result<Outcome, AppError> {
    let report = match request {
        Request::ImportGcat {
            missions,
            astro,
            options: gcat,
            to,
            curated,
        } => import::import_gcat(missions, astro, gcat, to, curated.as_deref())?,
        Request::ImportLl2 { files, to } => {
            let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
            import::import_ll2(&paths, to)?
        }
        Request::Update(query) => return update(options, query, &mut |_, _, _| {}),
        Request::Rollback { home } => {
            let report = crate::update::rollback(home)?;
            return Ok(Outcome::ok(report::render(
                &report,
                options.format,
                &options.display,
            )));
        }
        _ => return Err(AppError::Import(ImportError::Input(Vec::new()))),
    };
    Ok(Outcome {
        stdout: report::render(&report, options.format, &options.display),
        status: Status::Ok,
    })
}

/// Runs `orbitline update`: the catalog that answers now (the current one under the home folder, or the
/// bundled one when there is none or it does not load) is compared with the new one, which is read by
/// [`load`], the loader every command uses. `progress` is told (source, bytes, bytes expected) during the
/// downloads.
pub fn update(
    options: &Options,
    query: &crate::update::UpdateQuery,
    progress: &mut dyn FnMut(&str, u64, Option<u64>),
) -> Result<Outcome, AppError> {
    let home = crate::update::home::Home::new(&query.home);
    let current = match home.current_folder() {
        Some(dir) => load(&DataSource::Folder(dir), options.cache.as_ref())
            .or_else(|_| load(&DataSource::Bundled, None))?,
        None => load(&DataSource::Bundled, None)?,
    };
    let today = options.now.date_naive().to_string();
    let loader = |dir: &std::path::Path| {
        // Read afresh, never from a cache: this is the check that the new catalog is sound.
        load(&DataSource::Folder(dir.to_path_buf()), None).map_err(|e| e.problems())
    };
    let report = crate::update::update(query, &today, &current, &loader, progress)?;
    Ok(Outcome::ok(report::render(
        &report,
        options.format,
        &options.display,
    )))
}

/// Loads the catalog and runs `request`.
pub fn run(options: &Options, request: &Request) -> Result<Outcome, AppError> {
    if !request.reads_catalog() {
        return run_import(options, request);
    }
    let catalog = load(&options.data, options.cache.as_ref())?;
    answer(&catalog, options, request)
}

/// Figures of flights still in orbit count to the catalog's last check unless `--now` says otherwise:
/// nothing after it is known, so a figure past it would be a guess. A `--now` past it is used, and the
/// figures say they are extrapolated.
fn counted_to_last_check(catalog: &Catalog, options: &Options) -> Options {
    let mut options = options.clone();
    let Some((_, last)) = catalog.checked_range() else {
        return options;
    };
    let last_check = last.instant();
    if options.now <= last_check {
        return options;
    }
    if options.now_given {
        options.display.open = OpenFigures::Extrapolated;
    } else {
        options.now = last_check;
        options.display.open = OpenFigures::AtLastCheck(last_check.date_naive());
    }
    options
}
