//! Ids, nations and dates of birth: the shape of each value on its own, and the suggestion for one that
//! is unknown.

use std::collections::HashSet;

use super::text::{shown, MAX_ID_CHARS};
use super::Checker;
use crate::catalog::locate::Path;
use crate::catalog::Located;
use crate::json_path;
use crate::suggest;

pub(super) fn check_registry_ids<T>(
    c: &mut Checker,
    entries: &[Located<T>],
    what: &str,
    id: impl Fn(&T) -> &String,
) {
    let mut seen = HashSet::new();
    for entry in entries {
        let mut path = entry.path.clone();
        path.extend(json_path!["id"]);
        let value = id(&entry.value);
        check_id(c, entry.file, path.clone(), value, what);
        if !seen.insert(value.as_str()) {
            c.report(
                entry.file,
                path,
                format!("duplicate {what} id `{value}`"),
                "ids are unique: merge the two entries or rename one",
            );
        }
    }
}

pub(super) fn check_id(c: &mut Checker, file: usize, path: Path, id: &str, what: &str) {
    if id.chars().nth(MAX_ID_CHARS).is_some() {
        c.report(
            file,
            path,
            format!(
                "{what} id `{}` is {} characters long; ids are at most {MAX_ID_CHARS}",
                shown(id),
                id.chars().count()
            ),
            "shorten it: an id is a short slug such as `soyuz-ms-27`",
        );
        return;
    }
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !ok {
        let slug: String = id
            .to_lowercase()
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
            .collect();
        // A control character is shown by its code: printed raw, it would act on the terminal.
        let written: String = id.chars().flat_map(char::escape_debug).collect();
        c.report(
            file,
            path,
            format!("{what} id `{written}` is not a lowercase slug"),
            format!(
                "use only a-z, 0-9 and '-', for example `{}`",
                slug.trim_matches('-')
            ),
        );
    }
}

pub(super) fn check_nation(c: &mut Checker, file: usize, base: &Path, nation: &str) {
    if nation.len() != 2 || !nation.bytes().all(|b| b.is_ascii_uppercase()) {
        let mut path = base.clone();
        path.extend(json_path!["nation"]);
        c.report(
            file,
            path,
            format!("nation `{nation}` is not an ISO 3166-1 alpha-2 code"),
            "write two capital letters: CN, RU, US, …",
        );
    }
}

pub(super) fn is_partial_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let numeric = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => {
            numeric(y, 4) && numeric(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        }
        [_, _, _] => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

pub(super) fn did_you_mean<'a>(
    wrong: &str,
    known: impl Iterator<Item = &'a str> + Clone,
    registry: &str,
) -> String {
    match suggest::closest(wrong, known) {
        Some(s) => format!("did you mean `{s}`? otherwise add it to {registry}"),
        None => format!("add it to {registry}, or correct the id"),
    }
}
