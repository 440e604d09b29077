//! orbitline keeps the timeline of human spaceflight.
//!
//! ```
//! use orbitline::catalog::{embedded, Catalog};
//! use orbitline::timeline::DayConventions;
//!
//! // The catalog bundled in the binary; `catalog::read_dir(folder)` reads another one.
//! let catalog = Catalog::load("bundled", embedded())?;
//! // Chen Dong's stay: up on Shenzhou-20, home on Shenzhou-21 after the vehicle swap.
//! let stay = catalog
//!     .stays()
//!     .iter()
//!     .find(|s| s.up == "shenzhou-20" && s.astronaut == "chen-dong")
//!     .expect("the Shenzhou-20 crew");
//! let end = stay.end.as_ref().expect("they landed");
//! let days = DayConventions::between(&stay.start, end);
//! println!(
//!     "rounded {}, whole days {}, days begun {}, UTC dates {:?}, Beijing dates {:?}",
//!     days.rounded, days.floor, days.ceil, days.calendar_utc, days.calendar_local
//! );
//! assert_eq!((days.rounded.value, days.floor.value, days.ceil.value), (Some(204), Some(203), Some(204)));
//! assert_eq!(stay.down.as_deref(), Some("shenzhou-21"));
//! # Ok::<(), orbitline::CatalogError>(())
//! ```
//!
//! A catalog is a folder of JSON files: one file per flight of a spacecraft (launch to landing, crewed or
//! not) and three registries (astronauts, spacecraft types, stations). Crew lists are kept per end of a
//! flight: who went up on it, who came down on it. From those, orbitline derives each person's **stays**
//! (up on one flight, down on the same or another: a *vehicle swap*), their durations under the
//! conventions sources use, and what changed on the way. Times keep the precision and offset they were
//! published with; arithmetic is in UTC and never claims more precision than the inputs have.
//!
//! Data flows one way: files → [`catalog`] (parse and validate, every problem with file:line:column;
//! stays and the event graph's links) → [`timeline`] (durations, queries) and [`deps`] (causes, slips) →
//! [`report`] (tables and JSON), [`chart`] (SVG and PNG) or [`export`]. Modules import only from the layers
//! below theirs (`tests/layers.rs` checks it): [`model`] ← [`catalog`] ← (`timeline`, `deps`) ← (`report`,
//! `chart`, `export`, `import`, [`update`]) ← [`app`] ← `cli`/`main`; [`suggest`], [`words`] and [`atomic`] are leaf utilities.
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
pub mod suggest;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod timeline;
pub mod update;
pub mod words;

pub use catalog::{Catalog, CatalogError, Problem};
