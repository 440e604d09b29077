//! Stays, durations and day conventions, computed from a loaded catalog.
//!
//! Every function here is pure: the reference time for flights still in orbit (`now`) is an argument,
//! never the clock. Results are plain values that `report` turns into tables or JSON.

pub mod claims;
mod duration;
mod query;
pub mod records;
pub mod rows;
pub mod station;
mod stay;

pub use duration::{
    format_compact, format_delta, format_elapsed, format_seconds, DayConventions, DayCount, Elapsed,
};
pub use query::{
    duration, list, show, utc_rfc3339, DurationReport, FlightRow, ListFilter, ListReport,
    QueryError, ShowReport, Slip, StayReport, Subject, TotalReport, VehicleReport,
};
pub(crate) use query::{utc, utc_instant, utc_opt};
pub(crate) use stay::sort as sort_stays;
pub use stay::{derive_stays, CrewEnd, CrewIssue, Stay};
