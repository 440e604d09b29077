//! CSV (RFC 4180) of stays or flights, for spreadsheets: one row each, times in UTC (RFC 3339, at the start
//! of their minute or day, with the precision in the next column), durations in seconds and as text.
//! Anything still going on is counted to `now` and says so (`in_orbit`). Written by the `csv` crate, so
//! commas, quotes and line breaks in names and notes are quoted as the RFC says.

use chrono::{DateTime, Utc};

use super::{ExportError, ExportWhat, Exporter};
use crate::catalog::Catalog;
use crate::model::{Precision, Time};
use crate::timeline::{format_elapsed, Elapsed};

/// The CSV exporter.
pub struct Csv;

const STAY_COLUMNS: [&str; 22] = [
    "astronaut",
    "name",
    "nation",
    "role",
    "up",
    "up_name",
    "down",
    "down_name",
    "program",
    "station",
    "start_utc",
    "start_precision",
    "end_utc",
    "end_precision",
    "end_uncertain",
    "end_inferred",
    "in_orbit",
    "vehicle_swap",
    "seconds",
    "min_seconds",
    "max_seconds",
    "duration",
];

const FLIGHT_COLUMNS: [&str; 19] = [
    "id",
    "name",
    "program",
    "spacecraft",
    "nation",
    "operator",
    "station",
    "launch_utc",
    "launch_precision",
    "landing_utc",
    "landing_precision",
    "landing_uncertain",
    "landing_inferred",
    "in_orbit",
    "seconds",
    "duration",
    "crew_up",
    "crew_down",
    "sources",
];

/// `2025-11-14T08:40:31Z`, the start of the value's interval in UTC.
pub(crate) fn utc(time: &Time) -> String {
    time.instant().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub(crate) fn precision(time: &Time) -> &'static str {
    match time.precision() {
        Precision::Second => "second",
        Precision::Minute => "minute",
        Precision::Day => "day",
    }
}

fn flag(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

fn render_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Render {
        format: "csv",
        message: e.to_string(),
    }
}

impl Exporter for Csv {
    fn exports(&self) -> &'static [ExportWhat] {
        &[ExportWhat::Stays, ExportWhat::Flights]
    }

    fn export(
        &self,
        catalog: &Catalog,
        what: ExportWhat,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, ExportError> {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(Vec::new());
        match what {
            ExportWhat::Flights => {
                writer.write_record(FLIGHT_COLUMNS).map_err(render_error)?;
                for flight in catalog.flights() {
                    let Some(launch) = flight.launch_time() else {
                        continue;
                    };
                    let landing = flight.landing_time();
                    let elapsed = match landing {
                        Some(end) => Elapsed::between(launch, end),
                        None => Elapsed::until(launch, now),
                    };
                    let end = flight.landing.as_ref();
                    let ids = |crew: &[crate::model::CrewMember]| {
                        crew.iter()
                            .map(|m| m.astronaut.as_str())
                            .collect::<Vec<_>>()
                            .join(";")
                    };
                    writer
                        .write_record([
                            flight.id.as_str(),
                            &flight.name,
                            &flight.program,
                            &flight.spacecraft,
                            &flight.nation,
                            flight.operator.as_deref().unwrap_or(""),
                            flight.station.as_deref().unwrap_or(""),
                            &utc(launch),
                            precision(launch),
                            &landing.map(utc).unwrap_or_default(),
                            landing.map_or("", precision),
                            flag(end.is_some_and(|e| e.uncertain)),
                            flag(end.is_some_and(|e| e.inferred)),
                            flag(landing.is_none()),
                            &elapsed.figure().map_or_else(String::new, |s| s.to_string()),
                            &format_elapsed(&elapsed),
                            &ids(&flight.launch.crew),
                            &ids(flight.landing_crew()),
                            &flight.sources.join(" "),
                        ])
                        .map_err(render_error)?;
                }
            }
            ExportWhat::Events | ExportWhat::Catalog => {
                return Err(ExportError::Unsupported {
                    format: "csv",
                    what,
                })
            }
            ExportWhat::Stays => {
                writer.write_record(STAY_COLUMNS).map_err(render_error)?;
                for stay in catalog.stays() {
                    let person = catalog.astronaut(&stay.astronaut);
                    let up = catalog.flight(&stay.up);
                    let down = stay.down.as_deref().and_then(|d| catalog.flight(d));
                    let landing = down.and_then(|d| d.landing.as_ref());
                    let elapsed = match &stay.end {
                        Some(end) => Elapsed::between(&stay.start, end),
                        None => Elapsed::until(&stay.start, now),
                    };
                    writer
                        .write_record([
                            stay.astronaut.as_str(),
                            person.map_or("", |p| p.name.as_str()),
                            person.map_or("", |p| p.nation.as_str()),
                            stay.role.as_deref().unwrap_or(""),
                            &stay.up,
                            up.map_or("", |f| f.name.as_str()),
                            stay.down.as_deref().unwrap_or(""),
                            down.map_or("", |f| f.name.as_str()),
                            up.map_or("", |f| f.program.as_str()),
                            up.and_then(|f| f.station.as_deref()).unwrap_or(""),
                            &utc(&stay.start),
                            precision(&stay.start),
                            &stay.end.as_ref().map(utc).unwrap_or_default(),
                            stay.end.as_ref().map_or("", precision),
                            flag(landing.is_some_and(|l| l.uncertain)),
                            flag(landing.is_some_and(|l| l.inferred)),
                            flag(stay.end.is_none()),
                            flag(stay.is_vehicle_swap()),
                            &elapsed.figure().map_or_else(String::new, |s| s.to_string()),
                            &elapsed.min_seconds.to_string(),
                            &elapsed.max_seconds.to_string(),
                            &format_elapsed(&elapsed),
                        ])
                        .map_err(render_error)?;
                }
            }
        }
        writer.into_inner().map_err(render_error)
    }
}
