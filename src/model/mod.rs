//! Plain data types: what a catalog file holds. No I/O, no derived facts.

mod flight;
mod gap;
pub mod instant;
mod moment;
mod reference;
mod registry;
mod time;

pub use flight::{
    After, CrewMember, Effect, End, Event, EventKind, Flight, Mooring, Orbit, Outcome,
    VehicleStatus, RESERVED_EVENT_IDS,
};
pub use gap::{format_compact, parse_shift, MinGap};
pub use moment::{parse_moment, MOMENT_FORMS};
pub use reference::Reference;
pub use registry::{
    Astronaut, AstronautsFile, RegistryFile, Spacecraft, SpacecraftFile, Station, StationsFile,
};
pub use time::{Precision, Time, TimeError, UTC_OFFSET, YEAR_RANGE};
