//! Plain data types: what a catalog file holds. No I/O, no derived facts.

mod flight;
mod gap;
mod registry;
mod time;

pub use flight::{
    After, CrewMember, Effect, End, Event, EventKind, Flight, Mooring, Orbit, Outcome,
    VehicleStatus, RESERVED_EVENT_IDS,
};
pub use gap::{format_compact, parse_shift, Gap};
pub use registry::{
    Astronaut, AstronautsFile, RegistryFile, Spacecraft, SpacecraftFile, Station, StationsFile,
};
pub use time::{Precision, Time, TimeError, YEAR_RANGE};
