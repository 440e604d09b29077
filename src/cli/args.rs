//! The value types of the flags (`--orbit`, `--kind`, `--rows`, `--format`, `--what`), as clap lists them
//! in `--help`, and the library value each one stands for.

use clap::ValueEnum;
use orbitline::chart::ChartFormat;
use orbitline::export::{ExportFormat, ExportWhat};
use orbitline::report::graph::GraphFormat;

/// `--orbit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OrbitArg {
    /// Flights that went around the Earth.
    Orbital,
    /// Flights up and down without an orbit.
    Suborbital,
    /// Every flight.
    Any,
}

/// `update --only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlyArg {
    /// J. McDowell's crewed-flight tables (planet4589.org).
    Mcdowell,
    /// Launch Library 2's planned crewed launches (The Space Devs).
    Ll2,
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

/// `chart --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Scalable vector graphics.
    Svg,
    /// A bitmap.
    Png,
    /// One self-contained interactive page: zoom, hover, search.
    Html,
}

impl From<FormatArg> for ChartFormat {
    fn from(arg: FormatArg) -> ChartFormat {
        match arg {
            FormatArg::Svg => ChartFormat::Svg,
            FormatArg::Png => ChartFormat::Png,
            FormatArg::Html => ChartFormat::Html,
        }
    }
}

// The variants below have no doc comments on purpose: clap would list each one with its help text, and
// the flag's help already says what they are.

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Csv,
    Ics,
    Mermaid,
    Json,
}

impl From<ExportFormatArg> for ExportFormat {
    fn from(arg: ExportFormatArg) -> ExportFormat {
        match arg {
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Ics => ExportFormat::Ics,
            ExportFormatArg::Mermaid => ExportFormat::Mermaid,
            ExportFormatArg::Json => ExportFormat::Json,
        }
    }
}

/// `export --what`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WhatArg {
    Stays,
    Flights,
    Events,
}

impl From<WhatArg> for ExportWhat {
    fn from(arg: WhatArg) -> ExportWhat {
        match arg {
            WhatArg::Stays => ExportWhat::Stays,
            WhatArg::Flights => ExportWhat::Flights,
            WhatArg::Events => ExportWhat::Events,
        }
    }
}

/// `graph --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormatArg {
    Dot,
    Mermaid,
    Json,
}

impl From<GraphFormatArg> for GraphFormat {
    fn from(arg: GraphFormatArg) -> GraphFormat {
        match arg {
            GraphFormatArg::Dot => GraphFormat::Dot,
            GraphFormatArg::Mermaid => GraphFormat::Mermaid,
            GraphFormatArg::Json => GraphFormat::Json,
        }
    }
}
