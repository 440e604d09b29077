//! From parsed arguments to the library's plain values: [`Cli::into_request`] builds the
//! [`Options`] shared by every command and the [`Action`] to take, refusing bad values with the flag's
//! name.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use orbitline::app::{DataSource, Options, Request};
use orbitline::catalog::{Cache, Filter};
use orbitline::chart::{ChartFormat, ChartKind, ChartOptions, RowMode, Size};
use orbitline::deps::Direction;
use orbitline::export::{ExportQuery, ExportWhat};
use orbitline::import::{gcat::GcatOptions, Destination};
use orbitline::model::{parse_moment, parse_shift, Orbit, Time};
use orbitline::report::{Format, TimeDisplay, Zone};
use orbitline::timeline::claims::{ClaimQuery, ClaimedDuration, Convention};
use orbitline::timeline::records::{RecordKind, RecordsQuery};
use orbitline::update::home::current_catalog;
use orbitline::update::UpdateQuery;

use super::args::{KindArg, OnlyArg, OrbitArg, RowsArg};
use super::{
    Action, ChartArgs, CheckArgs, Cli, Command, ImportSource, OutArgs, ScopeArgs, UpdateArgs,
};

impl From<OutArgs> for Destination {
    fn from(args: OutArgs) -> Destination {
        Destination {
            out: args.out,
            force: args.force,
            merge: args.merge,
        }
    }
}

impl From<ScopeArgs> for Filter {
    fn from(args: ScopeArgs) -> Filter {
        Filter {
            nation: args.nation,
            program: args.program,
            station: args.station,
            orbit: match args.orbit {
                OrbitArg::Orbital => Some(Orbit::Orbital),
                OrbitArg::Suborbital => Some(Orbit::Suborbital),
                OrbitArg::Any => None,
            },
        }
    }
}

/// Parses a time option (`--now`, `--as-of`, `--at`, `--from`, `--to`), the same way for each
/// ([`parse_moment`]: `now`, `today`, dates, times, `-30d`), against the clock the binary read.
fn moment(flag: &str, text: Option<&str>, clock: DateTime<Utc>) -> Result<Option<Time>, String> {
    text.map(|t| parse_moment(t, clock).map_err(|e| format!("{flag}: {e}")))
        .transpose()
}

/// A time option as an instant (the start of the interval it names).
fn instant(
    flag: &str,
    text: Option<String>,
    clock: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, String> {
    Ok(moment(flag, text.as_deref(), clock)?.map(|t| t.instant()))
}

impl Cli {
    /// Turns the arguments into the library's options; `clock` is the current time, used when `--now` is
    /// not given.
    pub fn into_request(self, clock: DateTime<Utc>) -> Result<(Options, Action), String> {
        let options = self.options(clock)?;
        Ok((options, self.command.into_action(clock)?))
    }

    /// The global options: catalog, display zone, reference time and output format.
    fn options(&self, clock: DateTime<Utc>) -> Result<Options, String> {
        let zone = Zone::parse(&self.tz)?;
        let now = instant("--now", self.now.clone(), clock)?.unwrap_or(clock);
        Ok(Options {
            // Without --data: the catalog the last `orbitline update` made, or the bundled one.
            data: match &self.data {
                Some(dir) => DataSource::Folder(dir.clone()),
                None => home()
                    .ok()
                    .filter(|home| current_catalog(home).is_some())
                    .map_or(DataSource::Bundled, DataSource::Current),
            },
            display: TimeDisplay {
                zone,
                open: Default::default(),
            },
            now,
            now_given: self.now.is_some(),
            format: if self.json {
                Format::Json
            } else {
                Format::Human
            },
            cache: self.cache(clock),
        })
    }

    /// The parsed-catalog cache: `ORBITLINE_CACHE`, else the platform's cache folder (`~/.cache/orbitline`
    /// on Linux); none with `--no-cache` or where there is no such folder.
    fn cache(&self, clock: DateTime<Utc>) -> Option<Cache> {
        if self.no_cache {
            return None;
        }
        let dir = match std::env::var_os("ORBITLINE_CACHE").filter(|v| !v.is_empty()) {
            Some(dir) => std::path::PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "orbitline")?
                .cache_dir()
                .to_path_buf(),
        };
        Some(Cache {
            dir,
            now: clock.into(),
        })
    }
}

impl Command {
    /// What the subcommand asks for, its arguments checked and turned into library values. The longer
    /// conversions have a function each, below.
    fn into_action(self, clock: DateTime<Utc>) -> Result<Action, String> {
        let request = match self {
            Command::Schema => return Ok(Action::Schema),
            Command::Completions { shell } => return Ok(Action::Completions(shell)),
            Command::Man => return Ok(Action::Man),
            Command::Import { source } => source.into(),
            Command::Update(args) => args.into_request(home()?),
            Command::Export {
                format,
                what,
                output,
            } => Request::Export(ExportQuery::new(
                format.into(),
                what.map(ExportWhat::from),
                output,
            )?),
            Command::Validate => Request::Validate,
            Command::List {
                program,
                nation,
                astronauts,
            } => {
                let filter = Filter {
                    program,
                    nation,
                    ..Filter::default()
                };
                if astronauts {
                    Request::Astronauts(filter)
                } else {
                    Request::List(filter)
                }
            }
            Command::Find { text } => Request::Find {
                text: text.join(" "),
            },
            Command::Aloft { at } => Request::Aloft {
                at: instant("--at", at, clock)?,
            },
            Command::Show { flight } => Request::Show { flight },
            Command::Duration { subject } => Request::Duration { subject },
            Command::Records {
                kind,
                scope,
                top,
                as_of,
                progression,
            } => Request::Records(RecordsQuery {
                kind: RecordKind::parse(&kind).map_err(|e| format!("--kind: {e}"))?,
                scope: scope.into(),
                top: Some(top),
                as_of: instant("--as-of", as_of, clock)?,
                progression,
            }),
            Command::Check(args) => args.into_request(clock)?,
            Command::Station {
                station,
                from,
                to,
                at,
            } => Request::Station {
                station,
                from: instant("--from", from, clock)?,
                to: instant("--to", to, clock)?,
                at: instant("--at", at, clock)?,
            },
            Command::Deps {
                reference,
                upstream,
                downstream,
                depth,
            } => Request::Deps {
                reference,
                direction: match (upstream, downstream) {
                    (true, false) => Direction::Upstream,
                    (false, true) => Direction::Downstream,
                    _ => Direction::Both,
                },
                depth,
            },
            Command::Why { reference } => Request::Why { reference },
            Command::Impact { reference, slip } => Request::Impact {
                reference,
                slip: parse_shift(&slip).map_err(|e| format!("--slip: {e}"))?,
            },
            Command::Critical { from, to } => Request::Critical { from, to },
            Command::Graph {
                format,
                focus,
                depth,
            } => Request::Graph {
                format: format.into(),
                focus,
                depth,
            },
            Command::Chart(args) => args.into_request(clock)?,
        };
        Ok(Action::Run(request))
    }
}

/// The environment variable that names the folder updated catalogs live in.
pub const HOME_VARIABLE: &str = "ORBITLINE_HOME";

/// The folder updated catalogs live in: `ORBITLINE_HOME`, or the platform's data folder for orbitline
/// (`~/.local/share/orbitline` on Linux).
fn home() -> Result<PathBuf, String> {
    match std::env::var_os(HOME_VARIABLE) {
        Some(home) if !home.is_empty() => Ok(PathBuf::from(home)),
        _ => directories::ProjectDirs::from("", "", "orbitline")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or_else(|| {
                format!(
                    "no home folder to keep updated catalogs in: set {HOME_VARIABLE} to a folder"
                )
            }),
    }
}

impl UpdateArgs {
    /// The update (or rollback) of the catalogs under `home`.
    fn into_request(self, home: PathBuf) -> Request {
        if self.rollback {
            return Request::Rollback { home };
        }
        Request::Update(UpdateQuery {
            home,
            missions_url: self.missions_url,
            astro_url: self.astro_url,
            ll2_url: self.ll2_url,
            mcdowell: self.only != Some(OnlyArg::Ll2),
            ll2: self.only != Some(OnlyArg::Mcdowell),
            force: self.force,
            timeout: std::time::Duration::from_secs(self.timeout.max(1)),
        })
    }
}

impl From<ImportSource> for Request {
    fn from(source: ImportSource) -> Request {
        match source {
            ImportSource::Gcat {
                missions,
                astro,
                out,
                include_aborts,
                include_nonhuman,
                curated,
            } => Request::ImportGcat {
                missions,
                astro,
                options: GcatOptions {
                    include_aborts,
                    include_nonhuman,
                },
                to: out.into(),
                curated,
            },
            ImportSource::Ll2 { files, out } => Request::ImportLl2 {
                files,
                to: out.into(),
            },
        }
    }
}

impl CheckArgs {
    /// `orbitline check`: the claim, its convention and record, checked.
    fn into_request(self, clock: DateTime<Utc>) -> Result<Request, String> {
        let args = self;
        let CheckArgs {
            subject,
            stray,
            days,
            duration,
            convention,
            record,
            scope,
            as_of,
            no_gaps,
        } = args;
        if let Some(claim) = stray {
            let flag = if claim.trim().parse::<i64>().is_ok() {
                "--days"
            } else {
                "--duration"
            };
            return Err(format!(
                "unexpected argument `{claim}` after the subject\n  hint: the claim goes in --days N or \
                 --duration 203d23h: `orbitline check {subject} {flag} {claim}`"
            ));
        }
        Ok(Request::Check(ClaimQuery {
            subject,
            days,
            duration: duration
                .as_deref()
                .map(ClaimedDuration::parse)
                .transpose()?,
            convention: Convention::parse(&convention).map_err(|e| format!("--convention: {e}"))?,
            record: record
                .as_deref()
                .map(RecordKind::parse)
                .transpose()
                .map_err(|e| format!("--record: {e}"))?,
            scope: scope.into(),
            as_of: instant("--as-of", as_of, clock)?,
            no_gaps,
        }))
    }
}

impl ChartArgs {
    /// `orbitline chart`: the kind, the flights, the time axis, the rows, and the file and its format.
    fn into_request(self, clock: DateTime<Utc>) -> Result<Request, String> {
        let args = self;
        let ChartArgs {
            kind,
            program,
            nation,
            station,
            from,
            to,
            rows,
            format,
            size,
            output,
        } = args;
        let kind = match kind {
            KindArg::Gantt => ChartKind::Gantt,
            KindArg::Station => ChartKind::Station,
        };
        let format = format.map(ChartFormat::from);
        let (format, output) = ChartOptions::resolve_output(kind, format, output)?;
        Ok(Request::Chart(ChartOptions {
            kind,
            scope: Filter {
                program,
                nation,
                station,
                ..Filter::default()
            },
            from: moment("--from", from.as_deref(), clock)?,
            to: moment("--to", to.as_deref(), clock)?,
            rows: match rows {
                RowsArg::Stay => RowMode::Stay,
                RowsArg::Flight => RowMode::Flight,
                RowsArg::Astronaut => RowMode::Astronaut,
            },
            format,
            size: size
                .map(|s| Size::parse(&s).map_err(|e| format!("--size: {e}")))
                .transpose()?,
            output,
        }))
    }
}
