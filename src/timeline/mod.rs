//! Durations, day conventions and queries over a loaded catalog and its stays.
//!
//! Every function here is pure: the reference time for flights still in orbit (`now`) is an argument,
//! never the clock. Results are plain values that `report` turns into tables or JSON.

pub mod claims;
mod duration;
mod query;
pub mod records;
pub mod rows;
pub mod station;

pub use duration::{
    format_delta, format_elapsed, format_seconds, DayConventions, DayCount, Elapsed,
};
pub use query::{
    duration, list, show, utc_rfc3339, DurationReport, FlightRow, ListFilter, ListReport,
    QueryError, ShowReport, Slip, StayReport, Subject, TotalReport, VehicleReport,
};
pub(crate) use query::{utc, utc_instant, utc_opt};
