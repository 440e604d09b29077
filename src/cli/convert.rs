//! From parsed arguments to the library's plain values: [`Cli::into_request`] builds the
//! [`Options`] shared by every command and the [`Action`] to take, refusing bad values with the flag's
//! name.

use chrono::{DateTime, Utc};
use orbitline::app::{DataSource, Options, Request};
use orbitline::catalog::{Cache, Filter};
use orbitline::chart::{ChartFormat, ChartKind, ChartOptions, RowMode, Size};
use orbitline::deps::Direction;
use orbitline::export::{ExportQuery, ExportWhat};
use orbitline::import::{gcat::GcatOptions, Destination};
use orbitline::model::{parse_shift, Orbit, Time};
use orbitline::report::{Format, TimeDisplay, Zone};
use orbitline::timeline::claims::{ClaimQuery, ClaimedDuration, Convention};
use orbitline::timeline::records::{RecordKind, RecordsQuery};

use super::args::{KindArg, OrbitArg, RowsArg};
use super::{Action, ChartArgs, CheckArgs, Cli, Command, ImportSource, OutArgs, ScopeArgs};

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

/// Parses a time argument (`--as-of`, `--from`, `--to`) into an instant.
fn instant(flag: &str, text: Option<String>) -> Result<Option<DateTime<Utc>>, String> {
    text.map(|t| {
        Time::parse(&t)
            .map(|t| t.instant())
            .map_err(|e| format!("{flag}: {e}"))
    })
    .transpose()
}

impl Cli {
    /// Turns the arguments into the library's options; `clock` is the current time, used when `--now` is
    /// not given.
    pub fn into_request(self, clock: DateTime<Utc>) -> Result<(Options, Action), String> {
        let options = self.options(clock)?;
        Ok((options, self.command.into_action()?))
    }

    /// The global options: catalog, display zone, reference time and output format.
    fn options(&self, clock: DateTime<Utc>) -> Result<Options, String> {
        let zone = Zone::parse(&self.tz)?;
        let now = match &self.now {
            Some(text) => Time::parse(text)
                .map_err(|e| format!("--now: {e}"))?
                .instant(),
            None => clock,
        };
        Ok(Options {
            data: self
                .data
                .clone()
                .map_or(DataSource::Bundled, DataSource::Folder),
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
    fn into_action(self) -> Result<Action, String> {
        let request = match self {
            Command::Schema => return Ok(Action::Schema),
            Command::Completions { shell } => return Ok(Action::Completions(shell)),
            Command::Man => return Ok(Action::Man),
            Command::Import { source } => source.into(),
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
                at: instant("--at", at)?,
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
                kind: RecordKind::parse(&kind)?,
                scope: scope.into(),
                top: Some(top),
                as_of: instant("--as-of", as_of)?,
                progression,
            }),
            Command::Check(args) => args.try_into()?,
            Command::Station { station, from, to } => Request::Station {
                station,
                from: instant("--from", from)?,
                to: instant("--to", to)?,
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
            Command::Chart(args) => args.try_into()?,
        };
        Ok(Action::Run(request))
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

impl TryFrom<CheckArgs> for Request {
    type Error = String;

    /// `orbitline check`: the claim, its convention and record, checked.
    fn try_from(args: CheckArgs) -> Result<Request, String> {
        let CheckArgs {
            subject,
            days,
            duration,
            convention,
            record,
            scope,
            as_of,
            no_gaps,
        } = args;
        Ok(Request::Check(ClaimQuery {
            subject,
            days,
            duration: duration
                .as_deref()
                .map(ClaimedDuration::parse)
                .transpose()?,
            convention: Convention::parse(&convention)?,
            record: record.as_deref().map(RecordKind::parse).transpose()?,
            scope: scope.into(),
            as_of: instant("--as-of", as_of)?,
            no_gaps,
        }))
    }
}

impl TryFrom<ChartArgs> for Request {
    type Error = String;

    /// `orbitline chart`: the kind, the flights, the time axis, the rows, and the file and its format.
    fn try_from(args: ChartArgs) -> Result<Request, String> {
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
        let time = |flag: &str, text: Option<String>| {
            text.map(|t| Time::parse(&t).map_err(|e| format!("--{flag}: {e}")))
                .transpose()
        };
        Ok(Request::Chart(ChartOptions {
            kind,
            scope: Filter {
                program,
                nation,
                station,
                ..Filter::default()
            },
            from: time("from", from)?,
            to: time("to", to)?,
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
