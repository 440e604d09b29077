//! The command-line definition (clap derive). Doc comments here are the `--help` text. [`Cli::into_request`]
//! turns the parsed arguments into the library's plain [`Options`] and [`Request`].

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use orbitline::app::{DataSource, Options, Request};
use orbitline::chart::{ChartKind, ChartOptions, ImageFormat, RowMode, Scope, Size};
use orbitline::model::Time;
use orbitline::report::{Display, Format, Zone};
use orbitline::timeline::ListFilter;

/// The timeline of human spaceflight: who flew, on which spacecraft, when they launched and came home.
///
/// orbitline reads a catalog of flights (the bundled one, or --data DIR) and answers from it: stays and
/// durations to the minute, under the day conventions sources use, with vehicle swaps and slips.
#[derive(Debug, Parser)]
#[command(name = "orbitline", version, max_term_width = 100)]
pub struct Cli {
    /// The catalog folder to read instead of the bundled one.
    #[arg(long, global = true, env = "ORBITLINE_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Show times in `utc`, `local` (the zone each time was published in) or an offset like `+08:00`.
    #[arg(
        long,
        global = true,
        default_value = "utc",
        value_name = "ZONE",
        allow_hyphen_values = true
    )]
    pub tz: String,

    /// The reference time for flights still in orbit (default: the clock), e.g. 2026-06-01T00:00Z.
    #[arg(long, global = true, value_name = "TIME")]
    pub now: Option<String>,

    /// Print JSON (documented in docs/json.md) instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the catalog, report every problem with its file, line and column (exit 2), or summarise it.
    Validate,
    /// List the flights, one line each, with dates and crew.
    List {
        /// Only this programme (Shenzhou, Soyuz, …).
        #[arg(long)]
        program: Option<String>,
        /// Only this nation (ISO 3166-1 alpha-2: CN, RU, US).
        #[arg(long)]
        nation: Option<String>,
    },
    /// Everything about one flight: times planned and actual, events in order, crews, sources, notes.
    Show {
        /// A flight id, like shenzhou-20.
        flight: String,
    },
    /// How long a flight's crew (or an astronaut) was in space, exactly and in days as sources count them.
    Duration {
        /// A flight id (shenzhou-20) or an astronaut id (chen-dong).
        subject: String,
    },
    /// Draw a chart: the mission timeline (Gantt) or one station's crew and docked spacecraft.
    ///
    /// Writes output/timeline.svg (or output/station.svg) unless -o names another file; the folder is
    /// created when missing, and the file is replaced whole or not at all.
    Chart {
        /// Which chart: the mission timeline, or one station over time (needs --station).
        #[arg(long, value_enum, default_value_t = KindArg::Gantt)]
        kind: KindArg,
        /// Only this programme (Shenzhou, Soyuz, …).
        #[arg(long)]
        program: Option<String>,
        /// Only this nation (ISO 3166-1 alpha-2: CN, RU, US).
        #[arg(long)]
        nation: Option<String>,
        /// Only flights to this station (an id, like tiangong); the station of a station chart.
        #[arg(long)]
        station: Option<String>,
        /// Start the time axis here: 2025-10-01, or a full time like 2025-10-01T00:00Z.
        #[arg(long, value_name = "TIME")]
        from: Option<String>,
        /// End the time axis here.
        #[arg(long, value_name = "TIME")]
        to: Option<String>,
        /// What a timeline row is: a crew stay (people who flew up and down together share a row), a
        /// flight, or an astronaut.
        #[arg(long, value_enum, default_value_t = RowsArg::Stay)]
        rows: RowsArg,
        /// File format (default: from the -o file name, else svg).
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Canvas size in pixels, WIDTHxHEIGHT (1600x900) or a width alone (height fits the rows).
        #[arg(long, value_name = "WxH")]
        size: Option<String>,
        /// The file to write (.svg or .png).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of the catalog files (missions/schema.json).
    Schema,
}

/// `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// The mission timeline.
    Gantt,
    /// One station: people aboard, docked spacecraft.
    Station,
}

/// `--rows`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RowsArg {
    /// One row per crew stay.
    Stay,
    /// One row per flight.
    Flight,
    /// One row per astronaut.
    Astronaut,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Scalable vector graphics.
    Svg,
    /// A bitmap.
    Png,
}

impl Cli {
    /// Turns the arguments into the library's options; `clock` is the current time, used when `--now` is
    /// not given.
    pub fn into_request(self, clock: DateTime<Utc>) -> Result<(Options, Option<Request>), String> {
        let zone = Zone::parse(&self.tz)?;
        let now = match &self.now {
            Some(text) => Time::parse(text)
                .map_err(|e| format!("--now: {e}"))?
                .instant(),
            None => clock,
        };
        let options = Options {
            data: self.data.map_or(DataSource::Bundled, DataSource::Folder),
            display: Display { zone },
            now,
            format: if self.json {
                Format::Json
            } else {
                Format::Human
            },
        };
        let request = match self.command {
            Command::Validate => Some(Request::Validate),
            Command::List { program, nation } => {
                Some(Request::List(ListFilter { program, nation }))
            }
            Command::Show { flight } => Some(Request::Show { flight }),
            Command::Duration { subject } => Some(Request::Duration { subject }),
            Command::Chart {
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
            } => {
                let kind = match kind {
                    KindArg::Gantt => ChartKind::Gantt,
                    KindArg::Station => ChartKind::Station,
                };
                let format = format.map(|f| match f {
                    FormatArg::Svg => ImageFormat::Svg,
                    FormatArg::Png => ImageFormat::Png,
                });
                let (format, output) = ChartOptions::resolve_output(kind, format, output)?;
                let time = |flag: &str, text: Option<String>| {
                    text.map(|t| Time::parse(&t).map_err(|e| format!("--{flag}: {e}")))
                        .transpose()
                };
                Some(Request::Chart(ChartOptions {
                    kind,
                    scope: Scope {
                        program,
                        nation,
                        station,
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
            Command::Schema => None,
        };
        Ok((options, request))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn chart_flags_become_plain_chart_options() {
        let cli = Cli::try_parse_from([
            "orbitline",
            "chart",
            "--kind",
            "station",
            "--station",
            "tiangong",
            "--from",
            "2025-10-01",
            "-o",
            "out/s.png",
        ])
        .unwrap();
        let Ok((_, Some(Request::Chart(options)))) = cli.into_request(DateTime::UNIX_EPOCH) else {
            panic!("not a chart request");
        };
        assert_eq!(options.kind, ChartKind::Station);
        assert_eq!(options.format, ImageFormat::Png);
        assert_eq!(options.output, PathBuf::from("out/s.png"));
        assert_eq!(options.scope.station.as_deref(), Some("tiangong"));
        assert_eq!(
            options.from.map(|t| t.to_string()).as_deref(),
            Some("2025-10-01")
        );
        assert_eq!(options.rows, RowMode::Stay);

        let cli = Cli::try_parse_from(["orbitline", "chart", "--to", "1 Feb"]).unwrap();
        let error = cli.into_request(DateTime::UNIX_EPOCH).unwrap_err();
        assert!(error.starts_with("--to: invalid time `1 Feb`"), "{error}");
    }

    #[test]
    fn global_flags_go_before_or_after_the_command() {
        let a =
            Cli::try_parse_from(["orbitline", "--tz", "local", "duration", "shenzhou-20"]).unwrap();
        let b =
            Cli::try_parse_from(["orbitline", "duration", "shenzhou-20", "--tz", "local"]).unwrap();
        assert_eq!(a.tz, b.tz);
    }
}
