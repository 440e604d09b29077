//! What the command line asks for, as plain values: the binary turns its arguments into [`Options`] and a
//! [`Request`], and [`run`] answers with the text to print and the exit status. No clap, no printing, no
//! clock here.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::catalog::{self, Catalog, CatalogError, Problem};
use crate::chart::{self, ChartError, ChartOptions};
use crate::report::{self, Display, Format};
use crate::timeline::{self, ListFilter, QueryError};

/// Where the catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataSource {
    /// The catalog embedded in the binary.
    Bundled,
    /// A folder of catalog files.
    Folder(PathBuf),
}

/// Settings shared by every command.
#[derive(Debug, Clone)]
pub struct Options {
    /// The catalog to load.
    pub data: DataSource,
    /// How to show times.
    pub display: Display,
    /// The reference time for anything still in orbit.
    pub now: DateTime<Utc>,
    /// Human or JSON.
    pub format: Format,
}

/// A command.
#[derive(Debug, Clone)]
pub enum Request {
    /// Load the catalog and report what it holds.
    Validate,
    /// The flights, one line each.
    List(ListFilter),
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
    /// Draw a chart and write it to a file.
    Chart(ChartOptions),
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

/// Why a command could not answer.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    /// The catalog did not load.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A lookup found nothing.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A chart could not be drawn or written.
    #[error(transparent)]
    Chart(#[from] ChartError),
}

impl AppError {
    /// The problems to list, each with its place and hint.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            AppError::Catalog(e) => e.0.clone(),
            AppError::Query(QueryError::UnknownSubject { id, suggestion }) => {
                let problem = Problem::in_file(
                    "(command line)",
                    format!("no flight or astronaut `{id}` in the catalog"),
                );
                vec![match suggestion {
                    Some(s) => problem.hint(format!("did you mean `{s}`? `orbitline list` shows every flight")),
                    None => problem.hint("`orbitline list` shows every flight; astronauts are named by id, like chen-dong"),
                }]
            }
            AppError::Chart(e) => vec![e.problem()],
        }
    }
}

/// Loads the catalog `options` name.
pub fn load(data: &DataSource) -> Result<Catalog, AppError> {
    match data {
        DataSource::Bundled => Ok(Catalog::load("bundled", catalog::embedded())?),
        DataSource::Folder(dir) => {
            let files = catalog::read_dir(dir).map_err(|p| CatalogError(vec![p]))?;
            Ok(Catalog::load(dir.display().to_string(), files)?)
        }
    }
}

/// Runs `request` on a loaded catalog.
pub fn answer(
    catalog: &Catalog,
    options: &Options,
    request: &Request,
) -> Result<Outcome, AppError> {
    let (format, display) = (options.format, &options.display);
    let stdout = match request {
        Request::Validate => report::render(&catalog.summary(), format, display),
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
        Request::Chart(chart_options) => report::render(
            &chart::write(
                catalog,
                chart_options,
                options.now,
                &chart::Annotations::default(),
            )?,
            format,
            display,
        ),
    };
    Ok(Outcome {
        stdout,
        status: Status::Ok,
    })
}

/// Loads the catalog and runs `request`.
pub fn run(options: &Options, request: &Request) -> Result<Outcome, AppError> {
    let catalog = load(&options.data)?;
    answer(&catalog, options, request)
}
