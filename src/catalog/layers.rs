//! The two layers of a catalog: files generated from a source (under a folder named `generated`, such as
//! `missions/generated/`, written by `orbitline import gcat`) and curated files beside them.
//!
//! A curated flight file replaces the generated flight with the same id, whole: its times, crews, events,
//! sources and notes are the ones used. Where it does not give `outcome`, `orbit` or `deep_space`, it keeps
//! the generated flight's. A curated registry entry replaces the generated entry with the same id, in the
//! generated entry's place; curated entries with new ids follow the generated ones. Each layer has each
//! registry at most once; within a layer an id given twice is an error, as in any catalog. A catalog with
//! no `generated` folder is one layer and reads as it always did.

use std::collections::HashSet;
use std::sync::Arc;

use super::{Located, SourceFile};
use crate::model::Flight;

/// The folder name that marks the generated layer.
pub const GENERATED_FOLDER: &str = "generated";

/// Whether `file` is in the generated layer: a folder on its path is named [`GENERATED_FOLDER`].
pub(crate) fn is_generated(file: &SourceFile) -> bool {
    let mut parts: Vec<&str> = file.name.split(['/', '\\']).collect();
    parts.pop();
    parts.contains(&GENERATED_FOLDER)
}

/// One registry's entries from both layers: each curated entry in the place of the generated one with its
/// id, or after the generated ones.
pub(crate) fn overlay_entries<T>(
    entries: Vec<Located<T>>,
    generated: impl Fn(usize) -> bool,
    id: impl Fn(&T) -> &str,
) -> Vec<Located<T>> {
    let (mut base, curated): (Vec<Located<T>>, Vec<Located<T>>) =
        entries.into_iter().partition(|e| generated(e.file));
    if base.is_empty() || curated.is_empty() {
        base.extend(curated);
        return base;
    }
    let position: std::collections::HashMap<String, usize> = base
        .iter()
        .enumerate()
        .map(|(i, e)| (id(&e.value).to_string(), i))
        .collect();
    let mut extra = Vec::new();
    for entry in curated {
        match position.get(id(&entry.value)) {
            Some(&i) => base[i] = entry,
            None => extra.push(entry),
        }
    }
    base.extend(extra);
    base
}

/// What the curated layer covers, for people, when the catalog has a generated layer: `Shenzhou flights
/// curated` where every flight of a programme is curated, `3 Soyuz flights` where some are; `None` for a
/// catalog of one layer.
pub(crate) fn curated_coverage(
    flights: &[Located<Arc<Flight>>],
    generated: impl Fn(usize) -> bool,
) -> Option<String> {
    let mut programs: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut any_generated = false;
    for flight in flights {
        let entry = programs.entry(flight.value.program.as_str()).or_default();
        entry.1 += 1;
        if generated(flight.file) {
            any_generated = true;
        } else {
            entry.0 += 1;
        }
    }
    if !any_generated {
        return None;
    }
    let parts: Vec<String> = programs
        .into_iter()
        .filter(|(_, (curated, _))| *curated > 0)
        .map(
            |(program, (curated, all))| match (curated == all, curated) {
                (true, _) => format!("{program} flights"),
                (false, 1) => format!("1 {program} flight"),
                (false, n) => format!("{n} {program} flights"),
            },
        )
        .collect();
    Some(match parts.as_slice() {
        [] => "none curated".to_string(),
        [one] => format!("{one} curated"),
        [rest @ .., last] => format!("{} and {last} curated", rest.join(", ")),
    })
}

/// Which of `flights` a curated flight replaces: the generated ones whose id a curated one has. The
/// curated flights take the generated flight's `outcome`, `orbit` and `deep_space` where they give none.
pub(crate) fn replaced_flights(
    flights: &mut [Located<Arc<Flight>>],
    generated: impl Fn(usize) -> bool,
) -> HashSet<usize> {
    let curated: std::collections::HashMap<String, usize> = flights
        .iter()
        .enumerate()
        .filter(|(_, f)| !generated(f.file))
        .map(|(i, f)| (f.value.id.clone(), i))
        .collect();
    let mut replaced = HashSet::new();
    if curated.len() == flights.len() {
        return replaced;
    }
    for g in 0..flights.len() {
        if !generated(flights[g].file) {
            continue;
        }
        let Some(&c) = curated.get(&flights[g].value.id) else {
            continue;
        };
        replaced.insert(g);
        let base = Arc::clone(&flights[g].value);
        let flight = Arc::make_mut(&mut flights[c].value);
        flight.outcome = flight.outcome.or(base.outcome);
        flight.orbit = flight.orbit.or(base.orbit);
        flight.deep_space = flight.deep_space.or(base.deep_space);
    }
    replaced
}
