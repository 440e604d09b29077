//! Exports of a loaded catalog for the tools people already use: CSV for spreadsheets ([`csv`]), iCalendar
//! for calendars ([`ics`]), a Mermaid gantt chart for diagrams ([`mermaid`]), and the whole catalog as one
//! JSON document ([`json`]).
//!
//! Each format is one [`Exporter`]; they all take the catalog, what to export and the reference time for
//! anything still going on (`now`, never the clock), and return the bytes (writing them is
//! [`crate::app`]'s work). Each says what it exports ([`Exporter::exports`]), and refuses anything else:
//! [`ExportQuery::new`] checks a request against that list. CSV and iCalendar are written
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
    /// Checks a format and what to export together: `what` must be one the format's exporter exports
    /// ([`Exporter::exports`]); when `None`, it is the first of those.
    pub fn new(
        format: ExportFormat,
        what: Option<ExportWhat>,
        output: Option<PathBuf>,
    ) -> Result<ExportQuery, String> {
        let exports = format.exporter().exports();
        let what = match what {
            None => exports[0],
            Some(what) if exports.contains(&what) => what,
            Some(what) => {
                return Err(format!(
                    "--format {} does not export {}: csv takes stays or flights, ics events, mermaid stays, and json exports the whole catalog",
                    format.name(),
                    what.name()
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

impl ExportWhat {
    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            ExportWhat::Stays => "stays",
            ExportWhat::Flights => "flights",
            ExportWhat::Events => "events",
            ExportWhat::Catalog => "catalog",
        }
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

    /// The renderer of this format.
    pub fn exporter(self) -> &'static dyn Exporter {
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
    /// The format does not export that part of the catalog ([`ExportQuery::new`] refuses it first).
    #[error("the {format} export does not export {}", .what.name())]
    Unsupported {
        /// The format.
        format: &'static str,
        /// What was asked for.
        what: ExportWhat,
    },
    /// The writer failed (cannot happen with in-memory output, but the crates' errors are kept).
    #[error("cannot write the {format} export: {message}")]
    Render {
        /// The format.
        format: &'static str,
        /// What went wrong.
        message: String,
    },
}

/// One export format: the renderer of an export. It returns the bytes; it never writes a file.
pub trait Exporter {
    /// What it exports, the default first.
    fn exports(&self) -> &'static [ExportWhat];

    /// The export of `what` (one of [`Exporter::exports`], else [`ExportError::Unsupported`]) from
    /// `catalog`, counting anything still going on to `now`.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Catalog {
        Catalog::load("bundled", crate::catalog::embedded()).unwrap()
    }

    #[test]
    fn each_format_exports_what_it_says_and_refuses_the_rest() {
        let catalog = bundled();
        let now = DateTime::UNIX_EPOCH;
        let all = [
            ExportWhat::Stays,
            ExportWhat::Flights,
            ExportWhat::Events,
            ExportWhat::Catalog,
        ];
        for format in [
            ExportFormat::Csv,
            ExportFormat::Ics,
            ExportFormat::Mermaid,
            ExportFormat::Json,
        ] {
            let exporter = format.exporter();
            for what in all {
                let result = exporter.export(&catalog, what, now);
                if exporter.exports().contains(&what) {
                    assert!(!result.unwrap().is_empty(), "{format:?} {what:?}");
                    assert!(ExportQuery::new(format, Some(what), None).is_ok());
                } else {
                    assert!(
                        matches!(result, Err(ExportError::Unsupported { .. })),
                        "{format:?} {what:?}"
                    );
                    assert!(ExportQuery::new(format, Some(what), None).is_err());
                }
            }
        }
        let flights = ExportQuery::new(ExportFormat::Csv, Some(ExportWhat::Flights), None).unwrap();
        let stays = ExportQuery::new(ExportFormat::Csv, None, None).unwrap();
        assert_eq!(stays.what, ExportWhat::Stays, "the first is the default");
        assert_ne!(
            export(&catalog, &flights, now).unwrap(),
            export(&catalog, &stays, now).unwrap()
        );
    }
}
