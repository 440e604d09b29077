//! Charts of a catalog, drawn with plotters as SVG or PNG: the mission Gantt ([`ChartKind::Gantt`]) and
//! the station chart ([`ChartKind::Station`]).
//!
//! A chart is laid out first (every position, label cut and marker decided in pixels, with text measured
//! in the bundled DejaVu Sans) and then drawn, so the SVG and the PNG show the same thing and the output
//! is byte-for-byte the same for the same catalog, options and `now`. The chart never reads the clock:
//! flights still in orbit end at `now`, which the caller passes. Facts the timeline derives elsewhere
//! (record badges, return-coverage gaps) come in as [`Annotations`]: plain values the caller fills.
//! [`write`] renders and writes the file atomically (see [`crate::atomic`]): a failed render leaves no
//! file behind, and an existing chart is replaced whole or not at all.

mod annotate;
mod axis;
mod frame;
mod gantt;
mod html;
mod scene;
mod station;
mod theme;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::catalog::{Catalog, Filter, Problem};
use crate::model::Time;
use scene::Scene;

pub use station::{station_data, CrewAboard, DockedLane, StationData};

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// One row per crew stay (or flight, or astronaut) against time.
    #[default]
    Gantt,
    /// One station: people aboard, docked spacecraft, gaps in return coverage.
    Station,
}

impl ChartKind {
    /// `gantt` or `station`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Gantt => "gantt",
            ChartKind::Station => "station",
        }
    }
}

pub use crate::timeline::rows::{Badge, RowMode};

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChartFormat {
    /// Scalable vector graphics, text as text.
    #[default]
    Svg,
    /// A bitmap.
    Png,
    /// One self-contained interactive page (zoom, hover, search), drawn in the browser.
    Html,
}

impl ChartFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Svg => "svg",
            ChartFormat::Png => "png",
            ChartFormat::Html => "html",
        }
    }

    /// The format a file name's extension names (`.svg`, `.png`, any case).
    pub fn from_path(path: &Path) -> Option<ChartFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(ChartFormat::Svg),
            "png" => Some(ChartFormat::Png),
            "html" | "htm" => Some(ChartFormat::Html),
            _ => None,
        }
    }
}

/// The canvas size in pixels; the height is chosen from the number of rows when not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Width.
    pub width: u32,
    /// Height, or `None` to fit the rows.
    pub height: Option<u32>,
}

/// The smallest and largest side a chart may have, in pixels.
pub const SIDE_RANGE: (u32, u32) = (320, 20_000);

impl Size {
    /// Parses `1600x900` or `1600` (height to fit).
    pub fn parse(text: &str) -> Result<Size, String> {
        let bad = || {
            format!("`{text}` is not a size: write WIDTHxHEIGHT in pixels, like 1600x900, or a width alone")
        };
        let (w, h) = match text.split_once(['x', 'X', '×']) {
            Some((w, h)) => (w, Some(h)),
            None => (text, None),
        };
        let number = |s: &str| -> Result<u32, String> {
            let n: u32 = s.trim().parse().map_err(|_| bad())?;
            if !(SIDE_RANGE.0..=SIDE_RANGE.1).contains(&n) {
                return Err(format!(
                    "`{text}`: each side must be {} to {} pixels",
                    SIDE_RANGE.0, SIDE_RANGE.1
                ));
            }
            Ok(n)
        };
        Ok(Size {
            width: number(w)?,
            height: h.map(number).transpose()?,
        })
    }
}

/// What `orbitline chart` asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Gantt or station.
    pub kind: ChartKind,
    /// Which flights.
    pub scope: Filter,
    /// The start of the time axis (default: the first thing shown).
    pub from: Option<Time>,
    /// The end of the time axis (default: the last landing or `now`).
    pub to: Option<Time>,
    /// What a Gantt row is.
    pub rows: RowMode,
    /// SVG or PNG.
    pub format: ChartFormat,
    /// The canvas size (default: 1600 wide, tall enough for the rows).
    pub size: Option<Size>,
    /// Where to write the chart.
    pub output: PathBuf,
}

impl ChartOptions {
    /// `output/timeline.svg` (Gantt) or `output/station.svg`, with the format's extension.
    pub fn default_output(kind: ChartKind, format: ChartFormat) -> PathBuf {
        let stem = match kind {
            ChartKind::Gantt => "timeline",
            ChartKind::Station => "station",
        };
        Path::new("output").join(format!("{stem}.{}", format.extension()))
    }

    /// The format and file from `--format` and `-o`: the format is the one asked for, else the one the
    /// file's extension names, else SVG; asking for one format and naming a file of the other is an
    /// error.
    pub fn resolve_output(
        kind: ChartKind,
        format: Option<ChartFormat>,
        output: Option<PathBuf>,
    ) -> Result<(ChartFormat, PathBuf), String> {
        match (format, output) {
            (format, None) => {
                let format = format.unwrap_or_default();
                Ok((format, ChartOptions::default_output(kind, format)))
            }
            (None, Some(path)) => match ChartFormat::from_path(&path) {
                Some(format) => Ok((format, path)),
                None => Err(format!(
                    "cannot tell the format of `{}`: name a .svg, .png or .html file, or add --format svg|png|html",
                    path.display()
                )),
            },
            (Some(format), Some(path)) => match ChartFormat::from_path(&path) {
                Some(named) if named != format => Err(format!(
                    "--format {} but `{}` is a .{} name: drop one of them",
                    format.extension(),
                    path.display(),
                    named.extension()
                )),
                _ => Ok((format, path)),
            },
        }
    }
}

/// A time when a station's crew had fewer fit return seats than people aboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageGap {
    /// The station id.
    pub station: String,
    /// When the gap opened.
    pub start: DateTime<Utc>,
    /// When it closed; `None` while still open (drawn to `now`).
    pub end: Option<DateTime<Utc>>,
    /// How many people had no seat home.
    pub short_by: u32,
    /// The label drawn in the gap: `3 without a fit return seat`.
    pub label: String,
}

pub use annotate::annotations;

/// Facts derived elsewhere in the timeline that charts show; empty values draw nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Record badges (Gantt).
    pub badges: Vec<Badge>,
    /// Return-coverage gaps (station chart).
    pub gaps: Vec<CoverageGap>,
}

/// A rendered chart.
#[derive(Debug, Clone)]
pub struct Chart {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Rows (Gantt) or lanes (station) drawn.
    pub rows: usize,
}

/// What `orbitline chart` did.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ChartReport {
    /// The file written.
    pub path: String,
    /// `gantt` or `station`.
    pub kind: ChartKind,
    /// `svg`, `png` or `html`.
    pub format: ChartFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Rows (Gantt) or spacecraft lanes (station) drawn.
    pub rows: usize,
}

/// Why a chart could not be drawn or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// `--station` names no station.
    #[error("no station `{id}` in the catalog")]
    UnknownStation {
        /// What was asked for.
        id: String,
        /// The stations there are.
        known: Vec<String>,
    },
    /// The station chart without `--station`.
    #[error("the station chart needs --station")]
    NoStation {
        /// The stations there are.
        known: Vec<String>,
    },
    /// `--from` is not before `--to`.
    #[error("--from {from} is not before --to {to}")]
    EmptyRange {
        /// `--from` as the user wrote it.
        from: String,
        /// `--to` as the user wrote it.
        to: String,
    },
    /// `--size` leaves too little room for the chart below its title and legend.
    #[error(
        "--size {width}x{height} is too small for this chart: it needs at least {width}x{needed}"
    )]
    TooSmall {
        /// The width `--size` asked for.
        width: u32,
        /// The height `--size` asked for, which is less than `needed`.
        height: u32,
        /// The least height that leaves room.
        needed: u32,
    },
    /// Nothing in the catalog matches the scope and range.
    #[error("nothing to chart: {0}")]
    Nothing(String),
    /// plotters failed.
    #[error("drawing the chart failed: {0}")]
    Render(String),
}

impl ChartError {
    /// The problem to show, with a hint.
    pub fn problem(&self) -> Problem {
        let problem = Problem::on_command_line(self.to_string());
        match self {
            ChartError::UnknownStation { id, known } => {
                let stations = format!("stations: {}", known.join(", "));
                let suggestion = crate::suggest::closest(id, known.iter().map(String::as_str));
                problem.hint_suggesting(suggestion, &stations, &stations)
            }
            ChartError::NoStation { known } => problem.hint(format!(
                "add --station with one of: {}",
                known.join(", ")
            )),
            ChartError::EmptyRange { .. } => {
                problem.hint("dates are YYYY-MM-DD (UTC) or full times like 2025-11-14T08:40Z")
            }
            ChartError::Nothing(_) => problem.hint(
                "`orbitline list` shows the flights; widen --from/--to or drop --program/--nation/--station",
            ),
            ChartError::TooSmall { width, needed, .. } => problem.hint(format!(
                "give a taller size (--size {width}x{needed} or more), or the width alone to fit the rows"
            )),
            ChartError::Render(_) => problem,
        }
    }
}

/// What a chart renderer draws from: the catalog, the chart asked for, the reference time for anything
/// still in orbit, and the facts derived elsewhere that the chart shows.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    /// The catalog.
    pub catalog: &'a Catalog,
    /// The chart asked for.
    pub options: &'a ChartOptions,
    /// Flights still in orbit end here.
    pub now: DateTime<Utc>,
    /// Record badges and coverage gaps.
    pub annotations: &'a Annotations,
}

/// One chart format: the renderer of a chart. It returns the file's bytes; it never writes a file
/// ([`crate::app`] does).
pub trait Renderer {
    /// The chart `input` asks for, in this format.
    fn render(&self, input: &ChartInput<'_>) -> Result<Chart, ChartError>;
}

/// The SVG renderer: the laid-out scene through plotters' SVG backend.
pub struct Svg;

/// The PNG renderer: the laid-out scene through plotters' bitmap backend.
pub struct Png;

impl Renderer for Svg {
    fn render(&self, input: &ChartInput<'_>) -> Result<Chart, ChartError> {
        let (scene, rows) = lay_out(input)?;
        let bytes = scene.svg().map_err(ChartError::Render)?.into_bytes();
        Ok(Chart::of(&scene, bytes, rows))
    }
}

impl Renderer for Png {
    fn render(&self, input: &ChartInput<'_>) -> Result<Chart, ChartError> {
        let (scene, rows) = lay_out(input)?;
        let bytes = scene.png().map_err(ChartError::Render)?;
        Ok(Chart::of(&scene, bytes, rows))
    }
}

impl ChartFormat {
    /// The renderer of this format.
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            ChartFormat::Svg => &Svg,
            ChartFormat::Png => &Png,
            ChartFormat::Html => &html::Html,
        }
    }
}

impl Chart {
    fn of(scene: &Scene, bytes: Vec<u8>, rows: usize) -> Chart {
        Chart {
            bytes,
            width: scene.width,
            height: scene.height,
            rows,
        }
    }
}

impl ChartReport {
    /// What to say about `chart`, drawn as `options` asked and written to `options.output`.
    pub fn new(options: &ChartOptions, chart: &Chart) -> ChartReport {
        ChartReport {
            path: options.output.display().to_string(),
            kind: options.kind,
            format: options.format,
            width: chart.width,
            height: chart.height,
            rows: chart.rows,
        }
    }
}

/// Draws the chart `options` ask for, in `options.format`; flights still in orbit end at `now`.
pub fn render(
    catalog: &Catalog,
    options: &ChartOptions,
    now: DateTime<Utc>,
    annotations: &Annotations,
) -> Result<Chart, ChartError> {
    options.format.renderer().render(&ChartInput {
        catalog,
        options,
        now,
        annotations,
    })
}

/// The scene of the chart `input` asks for, and the number of rows (Gantt) or lanes (station) in it.
fn lay_out(input: &ChartInput<'_>) -> Result<(Scene, usize), ChartError> {
    let ChartInput {
        catalog,
        options,
        now,
        annotations,
    } = *input;
    if let (Some(from), Some(to)) = (&options.from, &options.to) {
        if from.instant() >= to.instant() {
            return Err(ChartError::EmptyRange {
                from: from.to_string(),
                to: to.to_string(),
            });
        }
    }
    match options.kind {
        ChartKind::Gantt => gantt::layout(catalog, options, now, &annotations.badges),
        ChartKind::Station => {
            let data = station_data(catalog, options, now, &annotations.gaps)?;
            let rows = data.lanes.len();
            Ok((station::layout(catalog, &data, options, now)?, rows))
        }
    }
}

/// The least room, in pixels, that the rows (or the station's panels) need on a canvas of fixed size.
const MIN_PLOT_HEIGHT: f64 = 120.0;

/// Fails when a fixed canvas `height` leaves `room` pixels, less than [`MIN_PLOT_HEIGHT`].
fn check_room(size: Option<Size>, room: f64) -> Result<(), ChartError> {
    match size {
        Some(Size {
            width,
            height: Some(height),
        }) if room < MIN_PLOT_HEIGHT => Err(ChartError::TooSmall {
            width,
            height,
            needed: height + (MIN_PLOT_HEIGHT - room).ceil() as u32,
        }),
        _ => Ok(()),
    }
}

/// The time axis: from `--from` and `--to` where given, else from the first to the last thing shown
/// with a little air on each side.
fn axis_range(
    options: &ChartOptions,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let span = (last - first).max(chrono::Duration::days(2));
    let start = options
        .from
        .as_ref()
        .map_or(first - span / 60, |t| t.instant());
    let end = options
        .to
        .as_ref()
        .map_or(last + span / 100, |t| t.instant());
    (start, end)
}

/// The title's years or months: `2003–2026`, `2025`, `Oct 2025 – Feb 2026`.
fn period(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    use chrono::Datelike;
    if (end - start).num_days() >= 730 {
        format!("{}–{}", start.year(), end.year())
    } else if start.year() == end.year() && start.month() == 1 && end.month() == 12 {
        start.year().to_string()
    } else {
        format!("{} – {}", axis::month(start), axis::month(end))
    }
}

/// The subtitle line naming the catalog, when it was checked, and the time conventions.
fn catalog_line(catalog: &Catalog, now: DateTime<Utc>) -> String {
    let flights = catalog.flights().len();
    let checked = match catalog.checked_range() {
        Some((lo, hi)) if lo == hi => {
            format!("last checked against sources {}", axis::day(lo.instant()))
        }
        Some((lo, hi)) => format!(
            "checked against sources {} to {}",
            axis::day(lo.instant()),
            axis::day(hi.instant())
        ),
        None => "never checked against sources".to_string(),
    };
    format!(
        "Catalog: {} ({flights} flight{}), {checked} · times UTC · now {}",
        catalog.label(),
        if flights == 1 { "" } else { "s" },
        axis::day(now)
    )
}

/// The scope in words, for subtitles: `programme Shenzhou · station Tiangong`; empty for everything.
fn scope_words(catalog: &Catalog, scope: &Filter) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &scope.program {
        parts.push(format!("programme {p}"));
    }
    if let Some(n) = &scope.nation {
        parts.push(format!("nation {}", n.to_ascii_uppercase()));
    }
    if let Some(s) = &scope.station {
        let name = catalog.station(s).map_or(s.as_str(), |st| st.name.as_str());
        parts.push(format!("station {name}"));
    }
    parts.join(" · ")
}

/// Checks that `--station` names a station, when given.
fn check_station(catalog: &Catalog, scope: &Filter) -> Result<(), ChartError> {
    match &scope.station {
        Some(id) if catalog.station(id).is_none() => Err(ChartError::UnknownStation {
            id: id.clone(),
            known: catalog.stations().iter().map(|s| s.id.clone()).collect(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod station_tests;

#[cfg(test)]
mod options_tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(
            Size::parse("1600x900").unwrap(),
            Size {
                width: 1600,
                height: Some(900)
            }
        );
        assert_eq!(Size::parse("1200").unwrap().height, None);
        assert!(Size::parse("10x10").unwrap_err().contains("320 to 20000"));
        assert!(Size::parse("big").unwrap_err().contains("WIDTHxHEIGHT"));
    }

    #[test]
    fn the_format_follows_the_flag_or_the_file_name() {
        let resolve = |f, o: Option<&str>| {
            ChartOptions::resolve_output(ChartKind::Gantt, f, o.map(PathBuf::from))
        };
        assert_eq!(
            resolve(None, None).unwrap(),
            (ChartFormat::Svg, PathBuf::from("output/timeline.svg"))
        );
        assert_eq!(
            resolve(Some(ChartFormat::Png), None).unwrap(),
            (ChartFormat::Png, PathBuf::from("output/timeline.png"))
        );
        assert_eq!(resolve(None, Some("a/b.PNG")).unwrap().0, ChartFormat::Png);
        assert!(resolve(None, Some("chart.jpg"))
            .unwrap_err()
            .contains("--format"));
        assert!(resolve(Some(ChartFormat::Png), Some("c.svg"))
            .unwrap_err()
            .contains("drop one"));
        assert_eq!(
            resolve(Some(ChartFormat::Png), Some("chart")).unwrap(),
            (ChartFormat::Png, PathBuf::from("chart"))
        );
        assert_eq!(
            ChartOptions::default_output(ChartKind::Station, ChartFormat::Png),
            PathBuf::from("output/station.png")
        );
    }

    #[test]
    fn periods() {
        let t = |s: &str| Time::parse(s).unwrap().instant();
        assert_eq!(period(t("2003-10-15"), t("2026-11-28")), "2003–2026");
        assert_eq!(
            period(t("2025-10-01"), t("2026-02-01")),
            "Oct 2025 – Feb 2026"
        );
    }
}
