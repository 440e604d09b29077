//! Free text in a catalog (names, titles, places, roles, notes, sources): no control characters, and a
//! length a person could have written.
//!
//! A control character (an escape sequence, a carriage return, a NUL) written as `\u001b` in JSON is
//! valid JSON and invisible in an editor, but it reaches every output: it moves a terminal's cursor,
//! breaks an SVG's XML, a calendar's lines, a graph's labels. No real name holds one, so validation
//! refuses them all in ids and names; notes may hold line breaks and tabs, nothing else. The length limits
//! are far above any real value (the longest in the bundled catalog, the stories and both importers'
//! output: ids of 30 characters, titles of 112, notes of 1,170) and far below what would make a table
//! unreadable or a file unwieldy; see `docs/hardening.md`.

use std::sync::Arc;

use crate::catalog::locate::Path;
use crate::catalog::Located;
use crate::json_path;
use crate::model::{Astronaut, Flight, Spacecraft, Station};

use super::Checker;

/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;
/// The longest name, title, place or role, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The longest source (a URL or a citation), in characters.
pub const MAX_SOURCE_CHARS: usize = 2_000;

/// What a text is, which decides what it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// One line: a name, a title, a place, a role.
    Name,
    /// Notes: several lines and tabs allowed.
    Note,
    /// A URL or a citation.
    Source,
}

/// The first character `text` may not hold, with its position (counted in characters from 1), or its
/// length when it is too long.
pub(super) fn check_text(
    c: &mut Checker,
    file: usize,
    path: Path,
    field: &str,
    text: &str,
    kind: Kind,
) {
    let allowed = |ch: char| kind == Kind::Note && (ch == '\n' || ch == '\t');
    if let Some((at, ch)) = text
        .chars()
        .enumerate()
        .find(|&(_, ch)| ch.is_control() && !allowed(ch))
    {
        let what = match kind {
            Kind::Note => "notes may hold line breaks and tabs, and no other control character",
            _ => "names, titles and sources are plain text on one line",
        };
        c.report(
            file,
            path,
            format!(
                "`{field}` holds the control character U+{:04X} (character {})",
                ch as u32,
                at + 1
            ),
            format!("remove it: {what}"),
        );
        return;
    }
    let limit = match kind {
        Kind::Name => MAX_NAME_CHARS,
        Kind::Note => MAX_NOTE_CHARS,
        Kind::Source => MAX_SOURCE_CHARS,
    };
    // Counting stops at the limit: a text of a million characters costs no more than one at the limit.
    if text.chars().nth(limit).is_some() {
        c.report(
            file,
            path,
            format!(
                "`{field}` is {} characters long; the most it may have is {limit}",
                text.chars().count()
            ),
            "shorten it (see docs/hardening.md for the limits)",
        );
    }
}

/// `id` as a message may show it: a long one is cut after 40 characters.
pub(super) fn shown(id: &str) -> String {
    match id.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &id[..at]),
        None => id.to_string(),
    }
}

fn at(base: &Path, steps: Path) -> Path {
    let mut path = base.clone();
    path.extend(steps);
    path
}

fn sources_and_notes(
    c: &mut Checker,
    file: usize,
    base: &Path,
    sources: &[String],
    notes: &Option<String>,
) {
    for (i, source) in sources.iter().enumerate() {
        let path = at(base, json_path!["sources", i]);
        check_text(c, file, path, "sources", source, Kind::Source);
    }
    if let Some(notes) = notes {
        check_text(
            c,
            file,
            at(base, json_path!["notes"]),
            "notes",
            notes,
            Kind::Note,
        );
    }
}

/// The names, sources and notes of the registries' entries.
pub(super) fn check_registry_texts(
    c: &mut Checker,
    astronauts: &[Located<Astronaut>],
    spacecraft: &[Located<Spacecraft>],
    stations: &[Located<Station>],
) {
    for a in astronauts {
        let v = &a.value;
        let native: Vec<String> = v.native_name.iter().cloned().collect();
        let names = [("native_name", native.as_slice()), ("aliases", &v.aliases)];
        entry(
            c,
            (a.file, &a.path),
            &v.name,
            &names,
            (&v.sources, &v.notes),
        );
    }
    for s in spacecraft {
        let v = &s.value;
        entry(c, (s.file, &s.path), &v.name, &[], (&v.sources, &v.notes));
    }
    for s in stations {
        let v = &s.value;
        let names = [("aliases", v.aliases.as_slice())];
        entry(
            c,
            (s.file, &s.path),
            &v.name,
            &names,
            (&v.sources, &v.notes),
        );
    }
}

/// One registry entry: its name, its other names (`native_name`, each of `aliases`), sources and notes.
fn entry(
    c: &mut Checker,
    (file, base): (usize, &Path),
    name: &str,
    others: &[(&str, &[String])],
    (sources, notes): (&[String], &Option<String>),
) {
    check_text(
        c,
        file,
        at(base, json_path!["name"]),
        "name",
        name,
        Kind::Name,
    );
    for (field, texts) in others {
        for (i, text) in texts.iter().enumerate() {
            // `native_name` is one text, `aliases` a list: only a list's entries have an index.
            let path = match *field {
                "aliases" => at(base, json_path![*field, i]),
                _ => at(base, json_path![*field]),
            };
            check_text(c, file, path, field, text, Kind::Name);
        }
    }
    sources_and_notes(c, file, base, sources, notes);
}

/// The names, places, roles, titles, sources and notes of one flight.
pub(super) fn check_flight_texts(c: &mut Checker, f: &Located<Arc<Flight>>) {
    let (file, flight) = (f.file, &f.value);
    let top = Path::new();
    let name = |c: &mut Checker, path: Path, field: &str, text: &str| {
        check_text(c, file, path, field, text, Kind::Name)
    };
    name(c, json_path!["name"], "name", &flight.name);
    name(c, json_path!["program"], "program", &flight.program);
    if let Some(operator) = &flight.operator {
        name(c, json_path!["operator"], "operator", operator);
    }
    for (key, end) in [
        ("launch", Some(&flight.launch)),
        ("landing", flight.landing.as_ref()),
    ] {
        let Some(end) = end else { continue };
        let base = json_path![key];
        if let Some(site) = &end.site {
            name(c, at(&base, json_path!["site"]), "site", site);
        }
        for (i, member) in end.crew.iter().enumerate() {
            if let Some(role) = &member.role {
                name(c, at(&base, json_path!["crew", i, "role"]), "role", role);
            }
        }
        sources_and_notes(c, file, &base, &end.sources, &end.notes);
    }
    for (key, mooring) in [
        ("docking", &flight.docking),
        ("undocking", &flight.undocking),
    ] {
        let Some(mooring) = mooring else { continue };
        let base = json_path![key];
        if let Some(port) = &mooring.port {
            name(c, at(&base, json_path!["port"]), "port", port);
        }
        sources_and_notes(c, file, &base, &mooring.sources, &mooring.notes);
    }
    for (i, event) in flight.events.iter().enumerate() {
        let base = json_path!["events", i];
        if let Some(title) = &event.title {
            name(c, at(&base, json_path!["title"]), "title", title);
        }
        sources_and_notes(c, file, &base, &event.sources, &event.notes);
    }
    sources_and_notes(c, file, &top, &flight.sources, &flight.notes);
}
