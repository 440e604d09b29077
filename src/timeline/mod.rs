//! Durations, day conventions and queries over a loaded catalog and its stays.
//!
//! Every function here is pure: the reference time for flights still in orbit (`now`) is an argument,
//! never the clock. Results are plain values that `report` turns into tables or JSON.

pub mod aloft;
pub mod claims;
mod duration;
mod how_long;
mod list;
pub mod people;
mod query;
pub mod ranks;
pub mod records;
pub mod rows;
mod show;
pub mod station;
pub mod station_at;

pub use duration::{
    day_precision_ends, format_delta, format_elapsed, format_range, format_seconds, DayConventions,
    DayCount, Elapsed,
};
pub use how_long::{
    duration, stay_report, Cause, DurationReport, DurationSubject, Slip, StayReport, TotalReport,
    VehicleReport,
};
pub use list::{list, FlightRow, ListReport};
pub use query::QueryError;
pub use show::{show, ShowReport, TimelineEntry};
