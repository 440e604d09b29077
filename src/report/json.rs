//! JSON output: every result value serialises through serde, pretty-printed, with a trailing newline,
//! and with [`SCHEMA_VERSION`] as its first field. The shape of each command's output is published as a
//! JSON Schema in `docs/schema/` ([`super::schema`]); `docs/json.md` is the contract.

use serde::Serialize;

/// The version of the JSON outputs, the top-level `schema_version` of every one. It goes up when a field
/// is renamed or removed or changes its meaning or type; adding a field does not change it.
pub const SCHEMA_VERSION: u32 = 1;

/// A result with the schema version in front of its own fields.
#[derive(Serialize)]
struct Versioned<'a, T> {
    schema_version: u32,
    #[serde(flatten)]
    result: &'a T,
}

/// `value` as pretty JSON, with `schema_version` first.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let versioned = Versioned {
        schema_version: SCHEMA_VERSION,
        result: value,
    };
    let mut text = serde_json::to_string_pretty(&versioned).expect("result values serialise");
    text.push('\n');
    crate::output::escape::json(text)
}
