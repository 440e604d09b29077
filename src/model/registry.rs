//! The three registries: astronauts, spacecraft types and stations.

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What the three registry files share: a list of entries under one key, and sources and notes for the
/// whole file.
pub trait RegistryFile: DeserializeOwned {
    /// One entry of the list.
    type Entry;
    /// The key of the list: `astronauts`, `spacecraft` or `stations` (also the file's name).
    const KEY: &'static str;
    /// The entries, the file's sources and its notes.
    fn into_parts(self) -> (Vec<Self::Entry>, Vec<String>, Option<String>);
}

impl RegistryFile for AstronautsFile {
    type Entry = Astronaut;
    const KEY: &'static str = "astronauts";
    fn into_parts(self) -> (Vec<Astronaut>, Vec<String>, Option<String>) {
        (self.astronauts, self.sources, self.notes)
    }
}

impl RegistryFile for SpacecraftFile {
    type Entry = Spacecraft;
    const KEY: &'static str = "spacecraft";
    fn into_parts(self) -> (Vec<Spacecraft>, Vec<String>, Option<String>) {
        (self.spacecraft, self.sources, self.notes)
    }
}

impl RegistryFile for StationsFile {
    type Entry = Station;
    const KEY: &'static str = "stations";
    fn into_parts(self) -> (Vec<Station>, Vec<String>, Option<String>) {
        (self.stations, self.sources, self.notes)
    }
}

/// `astronauts.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AstronautsFile {
    /// Every person who flew in the catalog.
    pub astronauts: Vec<Astronaut>,
    /// Source URLs for the whole registry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A person who flew.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct Astronaut {
    /// A lowercase slug: `chen-dong`.
    pub id: String,
    /// The name as written in English: `Chen Dong`.
    pub name: String,
    /// The name in its own script: `陈冬`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Other names people use that no lookup rule finds (docs/names.md): `Buzz Aldrin`, `Tim Peake`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Citizenship, ISO 3166-1 alpha-2.
    pub nation: String,
    /// Date of birth as precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born: Option<String>,
    /// The date the person died, where they died in flight, as precise as known (like `born`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub died_in_flight: Option<String>,
    /// Source URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// `spacecraft.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpacecraftFile {
    /// The vehicle types.
    pub spacecraft: Vec<Spacecraft>,
    /// Source URLs for the whole registry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A vehicle type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct Spacecraft {
    /// A lowercase slug: `shenzhou`.
    pub id: String,
    /// `Shenzhou`.
    pub name: String,
    /// How many people it can carry; 0 for a cargo ship.
    pub seats: u32,
    /// How long it is rated to stay in orbit, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rated_days: Option<u32>,
    /// Source URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// `stations.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StationsFile {
    /// The stations.
    pub stations: Vec<Station>,
    /// Source URLs for the whole registry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A space station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[derive(bincode::Encode, bincode::Decode)]
pub struct Station {
    /// A lowercase slug: `tiangong`.
    pub id: String,
    /// `Tiangong`.
    pub name: String,
    /// Other names people use that no lookup rule finds (docs/names.md): `China Space Station`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 of the operating nation.
    pub nation: String,
    /// Source URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}
