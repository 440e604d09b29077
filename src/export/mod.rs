//! Exports of a loaded catalog for the tools people already use: CSV for spreadsheets ([`csv`]), iCalendar
//! for calendars ([`ics`]), a Mermaid gantt chart for diagrams ([`mermaid`]), and the whole catalog as one
//! JSON document ([`json`]).
//!
//! Each format is one [`Exporter`]; they all take the catalog, what to export and the reference time for
//! anything still going on (`now`, never the clock), and return the bytes. CSV and iCalendar are written
//! by well-kept crates (`csv`, `icalendar`), never by string formatting, so quoting and escaping follow the
//! RFCs. Times are UTC. The output depends only on the catalog and `now`.

pub mod csv;
pub mod ics;
pub mod json;
pub mod mermaid;

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::catalog::Catalog;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// RFC 4180 CSV.
    Csv,
    /// RFC 5545 iCalendar.
    Ics,
    /// A Mermaid gantt chart.
    Mermaid,
    /// The whole catalog as one JSON document.
    Json,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// Every stay.
    Stays,
    /// Every flight.
    Flights,
    /// Launches, landings, dockings, events and planned dates.
    Events,
    /// The whole catalog (JSON).
    Catalog,
}

/// An export request.
#[derive(Debug, Clone)]
pub struct ExportQuery {
    /// The format.
    pub format: ExportFormat,
    /// What to export.
    pub what: ExportWhat,
    /// Where to write (standard output when `None`).
    pub output: Option<PathBuf>,
}

impl ExportQuery {
    /// Checks a format and what to export together; each format has a default.
    pub fn parse(
        format: &str,
        what: Option<&str>,
        output: Option<PathBuf>,
    ) -> Result<ExportQuery, String> {
        let format = match format {
            "csv" => ExportFormat::Csv,
            "ics" => ExportFormat::Ics,
            "mermaid" => ExportFormat::Mermaid,
            "json" => ExportFormat::Json,
            other => {
                return Err(format!(
                    "`{other}` is not an export format: use csv, ics, mermaid or json"
                ))
            }
        };
        let what = match (format, what) {
            (ExportFormat::Csv | ExportFormat::Mermaid, None | Some("stays")) => ExportWhat::Stays,
            (ExportFormat::Csv, Some("flights")) => ExportWhat::Flights,
            (ExportFormat::Ics, None | Some("events")) => ExportWhat::Events,
            (ExportFormat::Json, None) => ExportWhat::Catalog,
            (_, Some(what)) => {
                return Err(format!(
                    "--format {} does not export {what}: csv takes stays or flights, ics events, mermaid stays, and json exports the whole catalog",
                    format.name()
                ))
            }
        };
        Ok(ExportQuery {
            format,
            what,
            output,
        })
    }
}

impl ExportFormat {
    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
            ExportFormat::Mermaid => "mermaid",
            ExportFormat::Json => "json",
        }
    }

    fn exporter(self) -> &'static dyn Exporter {
        match self {
            ExportFormat::Csv => &csv::Csv,
            ExportFormat::Ics => &ics::ICalendar,
            ExportFormat::Mermaid => &mermaid::Mermaid,
            ExportFormat::Json => &json::Json,
        }
    }
}

/// Why an export failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ExportError {
    /// The writer failed (cannot happen with in-memory output, but the crates' errors are kept).
    #[error("cannot write the {format} export: {message}")]
    Render {
        /// The format.
        format: &'static str,
        /// What went wrong.
        message: String,
    },
}

/// One output format.
pub trait Exporter {
    /// The export of `what` from `catalog`, counting anything still going on to `now`.
    fn export(
        &self,
        catalog: &Catalog,
        what: ExportWhat,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, ExportError>;
}

/// Exports `catalog` as `query` asks.
pub fn export(
    catalog: &Catalog,
    query: &ExportQuery,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, ExportError> {
    query.format.exporter().export(catalog, query.what, now)
}
