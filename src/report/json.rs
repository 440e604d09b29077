//! JSON output: every result value serialises through serde, pretty-printed, with a trailing newline.

use serde::Serialize;

/// `value` as pretty JSON.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("result values serialise");
    text.push('\n');
    crate::output::escape::json(text)
}
