//! The command-line definition (clap derive). Doc comments here are the `--help` text. [`Cli::into_request`]
//! turns the parsed arguments into the library's plain [`Options`] and [`Request`].

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use orbitline::app::{DataSource, Options, Request};
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
    /// Print the JSON Schema of the catalog files (missions/schema.json).
    Schema,
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
    fn global_flags_go_before_or_after_the_command() {
        let a =
            Cli::try_parse_from(["orbitline", "--tz", "local", "duration", "shenzhou-20"]).unwrap();
        let b =
            Cli::try_parse_from(["orbitline", "duration", "shenzhou-20", "--tz", "local"]).unwrap();
        assert_eq!(a.tz, b.tz);
    }
}
