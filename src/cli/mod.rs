//! The command-line definition (clap derive). Doc comments here are the `--help` text. `args` holds the
//! value types of the flags (`--kind`, `--format`, …) and their mapping to the library's values; `convert`
//! turns the parsed arguments into the library's plain [`orbitline::app::Options`] and
//! [`orbitline::app::Request`] ([`Cli::into_request`]).

mod args;
mod convert;
mod globals;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use orbitline::app::Request;

use args::{
    ExportFormatArg, FormatArg, GraphFormatArg, KindArg, OnlyArg, OrbitArg, RowsArg, WhatArg,
};

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

    /// Read every file of a --data folder, neither using nor writing the parsed-catalog cache (kept in
    /// the platform's cache folder, or ORBITLINE_CACHE).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Show times in `utc`, `local` (the zone each time was published in) or an offset like `+08:00`.
    #[arg(
        long,
        global = true,
        default_value = "utc",
        value_name = "ZONE",
        allow_hyphen_values = true
    )]
    pub tz: String,

    /// The reference time for flights still in orbit (default: the clock, held at the catalog's last
    /// check): now, today, yesterday, a date, a time like 2026-06-01T00:00Z, or a shift from now like -30d.
    #[arg(long, global = true, value_name = "TIME", allow_hyphen_values = true)]
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
    #[command(after_help = "Examples:\n  orbitline validate\n  orbitline validate --json")]
    Validate,
    /// List the flights, one line each, with dates and crew (or the astronauts, with --astronauts).
    #[command(
        after_help = "Examples:\n  orbitline list --program Shenzhou\n  orbitline list --astronauts --nation CN"
    )]
    List {
        /// Only this programme (Shenzhou, Soyuz, …); with --astronauts, people who flew on one.
        #[arg(long)]
        program: Option<String>,
        /// Only this nation (ISO 3166-1 alpha-2: CN, RU, US).
        #[arg(long)]
        nation: Option<String>,
        /// List the people instead: id, name, nation, flights, total time in space.
        #[arg(long)]
        astronauts: bool,
    },
    /// Find people, flights and stations by the names people use, with their ids.
    ///
    /// Matches ids, names, native names, aliases, nicknames, family names and parts of names, ignoring
    /// case, spaces, hyphens and diacritics (docs/names.md). Every command that takes a flight, an
    /// astronaut or a station accepts the same names.
    #[command(
        after_help = "Examples:\n  orbitline find wang\n  orbitline find \"Buzz Aldrin\"\n  orbitline find 陈冬"
    )]
    Find {
        /// A name, or part of one (several words are one name).
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Everyone in space at a moment, by station or spacecraft, with how long each had been up.
    ///
    /// Without --at: at the catalog's last check (the latest date its flights were checked against their
    /// sources). Past the last check, says who may have landed since.
    #[command(
        after_help = "Examples:\n  orbitline aloft\n  orbitline aloft --at 2025-11-10\n  orbitline aloft --at 1969-07-20T20:17Z"
    )]
    Aloft {
        /// The moment: now, today, yesterday, a date (its start, UTC), a time like 2025-11-10T12:00Z, or
        /// a shift from now like -6h.
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        at: Option<String>,
    },
    /// Everything about one flight: times planned and actual, events in order, crews, sources, notes.
    #[command(
        after_help = "Examples:\n  orbitline show shenzhou-20\n  orbitline show \"Apollo 11\""
    )]
    Show {
        /// A flight: its id (shenzhou-20) or its name ("Shenzhou 20", "Apollo 11").
        flight: String,
    },
    /// How long a flight's crew (or an astronaut) was in space, exactly and in days as sources count them.
    #[command(
        after_help = "Examples:\n  orbitline duration shenzhou-20\n  orbitline duration \"Frank Rubio\"\n  orbitline duration chen-dong --tz local"
    )]
    Duration {
        /// A flight or an astronaut, by id (shenzhou-20, chen-dong) or name ("Apollo 11", "Frank Rubio",
        /// polyakov): docs/names.md.
        subject: String,
    },
    /// Rank the longest stays, crew stays, totals, EVAs or spacecraft flights, and show how the record moved.
    #[command(
        after_help = "Examples:\n  orbitline records --top 3\n  orbitline records --kind crew --nation CN --progression\n  orbitline records --kind eva --as-of 2025-01-01"
    )]
    Records {
        /// stay, crew, cumulative, eva, eva-total or vehicle.
        #[arg(long, default_value = "stay")]
        kind: String,
        #[command(flatten)]
        scope: ScopeArgs,
        /// How many to show.
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Take the catalog as it stood at this time (stays going on then count so far): a date, a time,
        /// now, yesterday or a shift from now like -1w.
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        as_of: Option<String>,
        /// Also show how the record moved over time: who set it, when, by how much.
        #[arg(long)]
        progression: bool,
    },
    /// Check a published claim ("204 days", "the longest stay of a Chinese crew") and say why it holds.
    ///
    /// Exit 0 when the claim holds, 1 when it does not, 2 when the data cannot decide it.
    #[command(
        after_help = "Examples:\n  orbitline check shenzhou-20 --days 204\n  orbitline check shenzhou-20 --duration 203d23h --convention floor\n  orbitline check shenzhou-20 --record crew --nation CN"
    )]
    Check(CheckArgs),
    /// A station over time: who was aboard, which docked spacecraft could bring them home, the gaps, the slips.
    #[command(
        after_help = "Examples:\n  orbitline station tiangong --at now\n  orbitline station iss --from 2024-06-01 --to 2024-07-01\n  orbitline station tiangong --from -90d"
    )]
    Station {
        /// A station, by id (tiangong, iss) or name ("International Space Station").
        station: String,
        /// Start of the range: a date (a UTC day), a time, today or a shift from now like -30d.
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        from: Option<String>,
        /// End of the range (the same forms).
        #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
        to: Option<String>,
        /// One moment instead of a range: who is aboard, with how long each has been up, and what is
        /// docked (now, today, a date, a time or a shift from now like -6h).
        #[arg(long, value_name = "TIME", allow_hyphen_values = true, conflicts_with_all = ["from", "to"])]
        at: Option<String>,
    },
    /// What a moment, a flight or a stay depends on, and what depends on it, as trees with the kind of
    /// each link (sequence, crew, caused_by, after).
    #[command(
        after_help = "Examples:\n  orbitline deps shenzhou-20/debris-strike\n  orbitline deps chen-dong@shenzhou-20 --upstream"
    )]
    Deps {
        /// A moment (shenzhou-20/debris-strike), a flight (shenzhou-20: all its moments) or a stay
        /// (chen-dong@shenzhou-20: the launch that took them up and the landing that brought them down).
        reference: String,
        /// Only what it depends on.
        #[arg(long, conflicts_with = "downstream")]
        upstream: bool,
        /// Only what depends on it.
        #[arg(long)]
        downstream: bool,
        /// How many links deep (default: all).
        #[arg(long, value_name = "N")]
        depth: Option<usize>,
    },
    /// The chain of causes behind a moment, back to its roots: caused_by links, vehicle swaps, vehicles
    /// unfit for crew return, schedule changes.
    #[command(
        after_help = "Examples:\n  orbitline why shenzhou-22/launch\n  orbitline why soyuz-ms-23"
    )]
    Why {
        /// A moment (shenzhou-22/launch), a flight (each of its moments with a cause) or a stay (its down
        /// landing).
        reference: String,
    },
    /// Move a moment and see what moves with it: each dependent moves only as much as its constraints
    /// force, slack absorbs the rest; then what that changes (stays, crews without a return craft,
    /// vehicles over their rated time).
    #[command(
        after_help = "Examples:\n  orbitline impact shenzhou-22/launch --slip 10d\n  orbitline impact shenzhou-22/launch --slip -2d"
    )]
    Impact {
        /// The moment to move (a flight stands for its launch, a stay for its down landing).
        reference: String,
        /// By how much: 10d, -2d, 36h, 1d12h, 90min, or ISO 8601 (P10D).
        #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
        slip: String,
    },
    /// The critical path from one moment to another: the chain of constraints that binds first, with the
    /// float of every moment on it.
    #[command(
        after_help = "Examples:\n  orbitline critical shenzhou-22/launch shenzhou-22/landing\n  orbitline critical shenzhou-21 chen-dong@shenzhou-20"
    )]
    Critical {
        /// Where it starts (a flight stands for its launch).
        from: String,
        /// Where it ends (a stay stands for its down landing).
        to: String,
    },
    /// Export the event graph for Graphviz (`dot -Tsvg`) or Mermaid, edges styled by kind, vehicle swaps
    /// highlighted.
    #[command(
        after_help = "Examples:\n  orbitline graph --focus shenzhou-22/launch --depth 1\n  orbitline graph --format mermaid --focus shenzhou-20"
    )]
    Graph {
        /// dot, mermaid or json (--json is the same as --format json).
        #[arg(long, value_enum, default_value_t = GraphFormatArg::Dot)]
        format: GraphFormatArg,
        /// Only the moments near this one (a moment, a flight or a stay).
        #[arg(long, value_name = "REF")]
        focus: Option<String>,
        /// With --focus: how many links away, either way.
        #[arg(long, value_name = "N", default_value_t = 2, requires = "focus")]
        depth: usize,
    },
    /// Draw a chart: the mission timeline (Gantt) or one station's crew and docked spacecraft.
    ///
    /// Writes output/timeline.svg (or output/station.svg) unless -o names another file; the folder is
    /// created when missing, and the file is replaced whole or not at all.
    #[command(
        after_help = "Examples:\n  orbitline chart --program Shenzhou -o shenzhou.svg\n  orbitline chart --kind station --station tiangong --from 2025-10-01 -o tiangong.png"
    )]
    Chart(ChartArgs),
    /// Print the JSON Schema of the catalog files (missions/schema.json).
    #[command(after_help = "Examples:\n  orbitline schema")]
    Schema,
    /// Import McDowell's crewed-flight tables or Launch Library 2 responses into a catalog folder.
    ///
    /// Writes catalog files in the documented format (docs/data-format.md) and prints what was imported,
    /// matched, inferred and left out (docs/import.md). The same input gives the same files, byte for byte.
    #[command(
        after_help = "Examples:\n  orbitline import gcat --missions missions.html --astro astro.html --out all-flights\n  orbitline import ll2 launch.json stations.json --out ll2-catalog"
    )]
    Import {
        /// Which source.
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Fetch McDowell's newest crewed-flight tables and Launch Library 2's planned crewed launches, and
    /// switch to a catalog made from them.
    ///
    /// Downloads the sources (conditionally: an unchanged table is not sent again), imports them (planned
    /// launches become flights with a planned launch and no actual one), puts the curated layer on top, validates the result as every command reads a catalog, and
    /// switches to it under ORBITLINE_HOME (default: the platform's data folder, e.g.
    /// ~/.local/share/orbitline); every command then reads it unless --data is given. Prints what changed.
    /// Any failure (no network, an HTTP error, a cut or foreign body, tables that disagree) exits 2 and
    /// leaves the current catalog as it was. The catalog it replaces is kept: --rollback returns to it.
    #[command(
        after_help = "Examples:\n  orbitline update\n  orbitline update --only mcdowell --json\n  orbitline update --rollback"
    )]
    Update(UpdateArgs),
    /// Export the catalog: stays or flights as CSV, events as iCalendar, stays as a Mermaid gantt, or the
    /// whole catalog as one JSON document.
    #[command(
        after_help = "Examples:\n  orbitline export --format csv --what flights\n  orbitline export --format ics -o shenzhou.ics\n  orbitline export --format json -o catalog.json"
    )]
    Export {
        /// csv, ics, mermaid or json.
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// What to export: stays (csv, mermaid), flights (csv) or events (ics). Each format has a default.
        #[arg(long, value_enum)]
        what: Option<WhatArg>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script: bash, zsh, fish or powershell.
    #[command(after_help = "Examples:\n  orbitline completions bash\n  orbitline completions zsh")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from this command-line definition.
    #[command(after_help = "Examples:\n  orbitline man")]
    Man,
}

/// Where an import comes from.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// J. McDowell's crewed-flight tables (planet4589.org, CC-BY): the fixed-width web pages or the .tsv
    /// files. Landing crews are inferred from each person's total time in space.
    #[command(
        after_help = "Examples:\n  orbitline import gcat --missions missions.html --astro astro.html --out all-flights\n  orbitline import gcat --missions missions.html --astro astro.html --out all-flights --force --include-aborts"
    )]
    Gcat {
        /// The missions table (missions.html or missions.tsv).
        #[arg(long, value_name = "FILE")]
        missions: PathBuf,
        /// The astronaut table (astro.html or astro.tsv).
        #[arg(long, value_name = "FILE")]
        astro: PathBuf,
        #[command(flatten)]
        out: OutArgs,
        /// Keep aborted launches (MType ABORT), and the people who flew only those.
        #[arg(long)]
        include_aborts: bool,
        /// Keep non-human flights (MType BIO) and their passengers.
        #[arg(long)]
        include_nonhuman: bool,
        /// Compare the import with the curated files of this catalog folder (all but its `generated`
        /// folder) and list where they differ; the curated values are the ones a catalog uses.
        #[arg(long, value_name = "DIR")]
        curated: Option<PathBuf>,
    },
    /// Launch Library 2 responses (API 2.2.0 or 2.3.0): launches, space stations, astronauts.
    #[command(
        after_help = "Examples:\n  orbitline import ll2 launch.json stations.json --out ll2-catalog"
    )]
    Ll2 {
        /// Response bodies saved as JSON files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[command(flatten)]
        out: OutArgs,
    },
}

/// `orbitline update`.
#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// Update from one source only (default: both); the other keeps the current catalog's copy.
    #[arg(long, value_enum)]
    only: Option<OnlyArg>,
    /// The missions table: McDowell's missions.tsv, or any URL serving it or its fixed-width web page.
    #[arg(long, value_name = "URL", default_value = orbitline::update::MISSIONS_URL)]
    missions_url: String,
    /// The astronaut table: McDowell's astro.tsv, or any URL serving it or its fixed-width web page.
    #[arg(long, value_name = "URL", default_value = orbitline::update::ASTRO_URL)]
    astro_url: String,
    /// Launch Library 2's upcoming crewed launches (one request; the free API allows 15 an hour).
    #[arg(long, value_name = "URL", default_value = orbitline::update::LL2_URL)]
    ll2_url: String,
    /// Accept tables that lost more than 3% of the catalog's flights at once (overrides only this check).
    #[arg(long)]
    force: bool,
    /// Return to the catalog that the last update replaced (no download).
    #[arg(long, conflicts_with = "force")]
    rollback: bool,
    /// Give up on a request that has not finished after this many seconds (each of up to 3 attempts).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    timeout: u64,
}

/// Where an import writes.
#[derive(Debug, clap::Args)]
pub struct OutArgs {
    /// The catalog folder to write.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Overwrite files that exist.
    #[arg(long)]
    force: bool,
    /// Add to the catalog already in DIR; stops, naming each one, if an id clashes.
    #[arg(long)]
    merge: bool,
}

/// What the binary does once the arguments are parsed.
#[derive(Debug)]
pub enum Action {
    /// Run a library request.
    Run(Request),
    /// Print the catalog schema.
    Schema,
    /// Print a completion script.
    Completions(clap_complete::Shell),
    /// Print the man page.
    Man,
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut command = globals::definition();
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut command, "orbitline", &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The man page, in roff.
pub fn man_page() -> Result<String, String> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(globals::definition())
        .render(&mut bytes)
        .map_err(|e| format!("cannot render the man page: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Which part of the catalog a record covers.
#[derive(Debug, clap::Args)]
pub struct ScopeArgs {
    /// Only this nation (ISO 3166-1 alpha-2): a person's citizenship, a crew's or vehicle's flight nation.
    #[arg(long)]
    nation: Option<String>,
    /// Only flights of this programme.
    #[arg(long)]
    program: Option<String>,
    /// Only flights to this station.
    #[arg(long)]
    station: Option<String>,
    /// Only orbital or only suborbital flights (McDowell's OrbID); aborted launches are neither.
    #[arg(long, value_enum, default_value_t = OrbitArg::Any)]
    orbit: OrbitArg,
}

// The arguments of `orbitline check` (its help text is the doc comment of `Command::Check`).
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A flight (its crew's stay), an astronaut (their total), astronaut@flight (one stay), or a station
    /// (with --no-gaps).
    pub subject: String,
    /// Catches a claim written after the subject (`check shenzhou-20 204`), to say where it goes.
    #[arg(hide = true, allow_negative_numbers = true)]
    pub stray: Option<String>,
    /// The claimed number of days (0 to 36525: a century).
    #[arg(long, conflicts_with = "duration", allow_negative_numbers = true,
          value_parser = clap::value_parser!(i64).range(0..=orbitline::timeline::claims::MAX_CLAIM_DAYS))]
    pub days: Option<i64>,
    /// The claimed duration, like 203d23h or 21h23m.
    #[arg(long)]
    pub duration: Option<String>,
    /// How the days were counted: rounded, floor, ceil, calendar or any.
    #[arg(long, default_value = "any")]
    pub convention: String,
    /// The claim is a record of this kind (stay, crew, cumulative, eva, eva-total, vehicle).
    #[arg(long)]
    pub record: Option<String>,
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// The record must still have stood at this time (a date, a time, now or a shift like -1w).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub as_of: Option<String>,
    /// For a station: every person aboard always had a fit return seat.
    #[arg(long)]
    pub no_gaps: bool,
}

// The arguments of `orbitline chart` (its help text is the doc comment of `Command::Chart`).
#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// Which chart: the mission timeline, or one station over time (needs --station).
    #[arg(long, value_enum, default_value_t = KindArg::Gantt)]
    pub kind: KindArg,
    /// Only this programme (Shenzhou, Soyuz, …).
    #[arg(long)]
    pub program: Option<String>,
    /// Only this nation (ISO 3166-1 alpha-2: CN, RU, US).
    #[arg(long)]
    pub nation: Option<String>,
    /// Only flights to this station (an id, like tiangong); the station of a station chart.
    #[arg(long)]
    pub station: Option<String>,
    /// Start the time axis here: 2025-10-01, a full time like 2025-10-01T00:00Z, or a shift from now
    /// like -90d.
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// End the time axis here (the same forms, and now or today).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// What a timeline row is: a crew stay (people who flew up and down together share a row), a
    /// flight, or an astronaut.
    #[arg(long, value_enum, default_value_t = RowsArg::Stay)]
    pub rows: RowsArg,
    /// File format (default: from the -o file name, else svg).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Canvas size in pixels, WIDTHxHEIGHT (1600x900) or a width alone (height fits the rows).
    #[arg(long, value_name = "WxH")]
    pub size: Option<String>,
    /// The file to write (.svg, .png or .html).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use clap::CommandFactory;
    use orbitline::chart::{ChartFormat, ChartKind, RowMode};

    use super::*;

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
        let Ok((_, Action::Run(Request::Chart(options)))) = cli.into_request(DateTime::UNIX_EPOCH)
        else {
            panic!("not a chart request");
        };
        assert_eq!(options.kind, ChartKind::Station);
        assert_eq!(options.format, ChartFormat::Png);
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

    #[test]
    fn every_time_option_takes_the_same_forms_against_the_clock_read_once() {
        use chrono::TimeZone;
        let clock = chrono::Utc.with_ymd_and_hms(2026, 7, 3, 12, 0, 0).unwrap();
        let day = |d: u32| chrono::Utc.with_ymd_and_hms(2026, 7, d, 0, 0, 0).unwrap();
        let request = |args: &[&str]| {
            let cli = Cli::try_parse_from(["orbitline"].iter().chain(args)).unwrap();
            cli.into_request(clock).unwrap()
        };
        let (options, action) = request(&["aloft", "--now", "-6h", "--at", "yesterday"]);
        assert_eq!(options.now, clock - chrono::Duration::hours(6));
        assert!(matches!(action, Action::Run(Request::Aloft { at: Some(t) }) if t == day(2)));
        let (_, action) = request(&["station", "iss", "--from", "-2d", "--to", "today"]);
        let Action::Run(Request::Station { from, to, .. }) = action else {
            panic!("not a station request");
        };
        assert_eq!(
            (from, to),
            (Some(clock - chrono::Duration::days(2)), Some(day(3)))
        );
        let (_, action) = request(&["records", "--as-of", "now"]);
        assert!(matches!(action, Action::Run(Request::Records(q)) if q.as_of == Some(clock)));
        let (_, action) = request(&["check", "shenzhou-20", "--days", "204", "--as-of", "+1w"]);
        let Action::Run(Request::Check(query)) = action else {
            panic!("not a check request");
        };
        assert_eq!(query.as_of, Some(clock + chrono::Duration::weeks(1)));
        let (_, action) = request(&["chart", "--from", "2025-10-01T00:00Z", "--to", "now"]);
        let Action::Run(Request::Chart(options)) = action else {
            panic!("not a chart request");
        };
        assert_eq!(options.to.map(|t| t.instant()), Some(clock));
    }

    #[test]
    fn a_negative_slip_is_a_value_not_a_flag() {
        let cli =
            Cli::try_parse_from(["orbitline", "impact", "shenzhou-22/launch", "--slip", "-2d"])
                .unwrap();
        let (_, request) = cli.into_request(chrono::Utc::now()).unwrap();
        match request {
            Action::Run(Request::Impact { slip, .. }) => {
                assert_eq!(slip, chrono::Duration::days(-2))
            }
            other => panic!("{other:?}"),
        }
    }
}
