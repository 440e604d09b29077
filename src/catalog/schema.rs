//! The JSON Schema of the catalog files, generated from the [`crate::model`] types.
//!
//! `missions/schema.json` is this output; a test fails when the two drift apart, and
//! `orbitline schema > missions/schema.json` brings the file up to date.

use schemars::generate::SchemaSettings;

use crate::model::{AstronautsFile, Flight, SpacecraftFile, StationsFile};

/// The schema of every kind of catalog file, as one pretty-printed JSON document: a flight file at the top
/// level, and the three registries under `$defs`.
pub fn catalog_schema() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.clone().into_root_schema_for::<Flight>();
    let object = schema.ensure_object();
    object.insert("title".into(), "orbitline catalog file".into());
    object.insert(
        "description".into(),
        "A flight file (the top-level schema). The registries astronauts.json, spacecraft.json and \
         stations.json follow $defs/AstronautsFile, $defs/SpacecraftFile and $defs/StationsFile. \
         See docs/data-format.md."
            .into(),
    );
    let mut registries = serde_json::Map::new();
    for (name, sub) in [
        (
            "AstronautsFile",
            generator.clone().into_root_schema_for::<AstronautsFile>(),
        ),
        (
            "SpacecraftFile",
            generator.clone().into_root_schema_for::<SpacecraftFile>(),
        ),
        (
            "StationsFile",
            generator.clone().into_root_schema_for::<StationsFile>(),
        ),
    ] {
        let mut value = sub.to_value();
        if let Some(map) = value.as_object_mut() {
            map.remove("$schema");
            if let Some(serde_json::Value::Object(defs)) = map.remove("$defs") {
                registries.extend(defs);
            }
        }
        registries.insert(name.into(), value);
    }
    let defs = object
        .entry("$defs")
        .or_insert_with(|| serde_json::Value::Object(Default::default()));
    if let Some(defs) = defs.as_object_mut() {
        defs.extend(registries);
    }
    let mut text = serde_json::to_string_pretty(&schema.to_value()).expect("a schema serialises");
    text.push('\n');
    text
}
