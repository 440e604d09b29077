//! What every output format shares. Each kind of output has one renderer trait and returns bytes or
//! text, never writes a file: reports ([`crate::report::Human`], and JSON through serde), exports
//! ([`crate::export::Exporter`]) and charts ([`crate::chart::Renderer`]). [`crate::app`] alone writes
//! files, through [`crate::atomic`]; the binary prints. The design is in `docs/architecture.md`
//! ("Output").
//!
//! [`escape`] makes any text safe for each format; [`colour`] styles a text report for a terminal.

pub mod colour;
pub mod escape;
