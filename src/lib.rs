//! orbitline keeps the timeline of human spaceflight.
//!
//! A catalog is a folder of JSON files: one file per flight of a spacecraft (launch to landing, crewed or
//! not) and three registries (astronauts, spacecraft types, stations). Crew lists are kept per end of a
//! flight: who went up on it, who came down on it. From those, orbitline derives each person's **stays**
//! (up on one flight, down on the same or another: a *vehicle swap*), their durations under the
//! conventions sources use, and what changed on the way. Times keep the precision and offset they were
//! published with; arithmetic is in UTC and never claims more precision than the inputs have.
//!
//! Data flows one way: files → [`catalog`] (parse and validate, every problem with file:line:column) →
//! [`timeline`] (stays, durations, queries) → [`report`] (tables and JSON) or [`chart`] (SVG and PNG).
//! Nothing in the library prints or reads the clock: the reference time for flights still in orbit is
//! passed in.
#![warn(missing_docs)]

pub mod app;
pub mod atomic;
pub mod catalog;
pub mod chart;
pub mod deps;
pub mod export;
pub mod import;
pub mod model;
pub mod output;
pub mod report;
pub mod schema;
pub mod suggest;
pub mod synth;
pub mod timeline;

pub use catalog::{Catalog, CatalogError, Problem};
