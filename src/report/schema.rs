//! The JSON Schema of every command's `--json` output, generated from the result types with schemars
//! (as `missions/schema.json` is from the catalog types) and checked in under `docs/schema/`, one file
//! per output. A test fails when the files and the types drift apart; `ORBITLINE_BLESS=1 cargo test
//! --test json_schema` writes them anew.
//!
//! The schemas are strict: every field a result always has is required, and no object takes fields its
//! type does not have (`additionalProperties: false`), so that a field renamed or added by mistake shows.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

use super::json::SCHEMA_VERSION;
use crate::catalog::Summary;
use crate::chart::ChartReport;
use crate::deps::{CriticalReport, DepsReport, GraphExport, ImpactReport, WhyReport};
use crate::import::ImportReport;
use crate::timeline::aloft::AloftReport;
use crate::timeline::claims::CheckReport;
use crate::timeline::people::{AstronautList, FindReport};
use crate::timeline::records::RecordsReport;
use crate::timeline::station::StationReport;
use crate::timeline::station_at::StationMoment;
use crate::timeline::{DurationReport, ListReport, ShowReport};
use crate::update::{RollbackReport, UpdateReport};

/// Every JSON output: the name of its schema file in `docs/schema/` (without `.json`), the commands that
/// print it, and its schema.
pub fn outputs() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("validate", "validate", schema::<Summary>()),
        ("list", "list", schema::<ListReport>()),
        ("astronauts", "list --astronauts", schema::<AstronautList>()),
        ("find", "find", schema::<FindReport>()),
        ("aloft", "aloft", schema::<AloftReport>()),
        ("show", "show", schema::<ShowReport>()),
        ("duration", "duration", schema::<DurationReport>()),
        ("records", "records", schema::<RecordsReport>()),
        ("check", "check", schema::<CheckReport>()),
        ("station", "station", schema::<StationReport>()),
        ("station-at", "station --at", schema::<StationMoment>()),
        ("deps", "deps", schema::<DepsReport>()),
        ("why", "why", schema::<WhyReport>()),
        ("impact", "impact", schema::<ImpactReport>()),
        ("critical", "critical", schema::<CriticalReport>()),
        (
            "graph",
            "graph --format json, graph --json",
            schema::<GraphExport>(),
        ),
        ("chart", "chart", schema::<ChartReport>()),
        (
            "import",
            "import gcat, import ll2",
            schema::<ImportReport>(),
        ),
        ("update", "update", schema::<UpdateReport>()),
        ("rollback", "update --rollback", schema::<RollbackReport>()),
    ]
    .into_iter()
    .map(|(name, commands, mut schema)| {
        if let Some(root) = schema.as_object_mut() {
            root.insert(
                "title".into(),
                format!("orbitline {commands} --json (schema_version {SCHEMA_VERSION})").into(),
            );
        }
        (name, commands, schema)
    })
    .collect()
}

/// A schema as the file in `docs/schema/` holds it: pretty JSON with a trailing newline.
pub fn text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// The schema of `T` as printed by [`super::json::to_json`]: its serialised form, with `schema_version`.
fn schema<T: JsonSchema>() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>().to_value();
    catalog_times_as_instants(&mut schema);
    close(&mut schema);
    if let Some(root) = schema.as_object_mut() {
        let version = json!({"description": "The version of this output's shape (docs/json.md).",
                             "type": "integer", "const": SCHEMA_VERSION});
        let mut properties = Map::new();
        properties.insert("schema_version".into(), version);
        if let Some(Value::Object(own)) = root.remove("properties") {
            properties.extend(own);
        }
        root.insert("properties".into(), Value::Object(properties));
        let required = root.entry("required").or_insert_with(|| json!([]));
        if let Some(list) = required.as_array_mut() {
            list.insert(0, "schema_version".into());
        }
    }
    schema
}

/// A catalog file inside an output (the flight of `show`) gives its times as instants, like the rest of
/// the output: its `Time` fields follow the `Instant` schema.
fn catalog_times_as_instants(schema: &mut Value) {
    fn point(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if map.get("$ref").and_then(Value::as_str) == Some("#/$defs/Time") {
                    map.insert("$ref".into(), "#/$defs/Instant".into());
                }
                map.values_mut().for_each(point);
            }
            Value::Array(items) => items.iter_mut().for_each(point),
            _ => {}
        }
    }
    let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) else {
        return;
    };
    if defs.remove("Time").is_some() {
        if !defs.contains_key("Instant") {
            let mut instant = SchemaSettings::draft2020_12()
                .for_serialize()
                .into_generator()
                .into_root_schema_for::<crate::model::instant::Instant>()
                .to_value();
            if let Some(map) = instant.as_object_mut() {
                map.remove("$schema");
            }
            defs.insert("Instant".into(), instant);
        }
        point(schema);
    }
}

/// Marks every object schema with fixed properties as closed (`additionalProperties: false`), unless it
/// says otherwise (a map).
fn close(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.values_mut().for_each(close);
        }
        Value::Array(items) => items.iter_mut().for_each(close),
        _ => {}
    }
}
