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

/// What the curated layer covers, for people, when the catalog has a generated layer: the programmes of
/// several flights that are all curated by name, the other curated flights counted (`Shenzhou flights curated`,
/// `Shenzhou flights and 14 other flights curated`); `None` for a catalog of one layer.
pub(crate) fn curated_coverage(
    flights: &[Located<Arc<Flight>>],
    generated: impl Fn(usize) -> bool,
) -> Option<String> {
    // Programme → (curated flights, all flights).
    let mut programs: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for flight in flights {
        let entry = programs.entry(flight.value.program.as_str()).or_default();
        entry.1 += 1;
        entry.0 += usize::from(!generated(flight.file));
    }
    let curated: usize = programs.values().map(|p| p.0).sum();
    if curated == flights.len() {
        return None;
    }
    // A programme of several flights, all curated, is named; every other curated flight is counted.
    let named = |(c, all): &(usize, usize)| c == all && *all > 1;
    let whole: Vec<&str> = programs
        .iter()
        .filter(|(_, p)| named(p))
        .map(|(p, _)| *p)
        .collect();
    let others: usize = programs.values().filter(|p| !named(p)).map(|p| p.0).sum();
    let plural = |n: usize| if n == 1 { "flight" } else { "flights" };
    let named = match whole.as_slice() {
        [] => None,
        [one] => Some(format!("{one} flights")),
        [rest @ .., last] => Some(format!("{} and {last} flights", rest.join(", "))),
    };
    Some(match (named, others) {
        (None, 0) => "none curated".to_string(),
        (None, n) => format!("{n} {} curated", plural(n)),
        (Some(named), 0) => format!("{named} curated"),
        (Some(named), n) => format!("{named} and {n} other {} curated", plural(n)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn flight(id: &str, program: &str, file: usize) -> Located<Arc<Flight>> {
        let text = format!(
            r#"{{"id": "{id}", "name": "{id}", "program": "{program}", "spacecraft": "x", "nation": "CN",
                "launch": {{"time": "2003-10-15T01:00:03Z"}}, "sources": ["https://example.org"]}}"#
        );
        Located {
            value: Arc::new(serde_json::from_str(&text).unwrap()),
            file,
            path: Vec::new(),
        }
    }

    #[test]
    fn the_curated_layer_is_described_by_whole_programmes_and_a_count() {
        // Files 0 and 1 are generated.
        let generated = |file: usize| file < 2;
        let mut flights = vec![
            flight("soyuz-1", "Soyuz", 0),
            flight("soyuz-11", "Soyuz", 1),
            flight("shenzhou-5", "Shenzhou", 2),
            flight("shenzhou-6", "Shenzhou", 2),
            flight("starliner-cft", "Starliner", 2),
        ];
        let described = |f: &[Located<Arc<Flight>>]| curated_coverage(f, generated);
        assert_eq!(
            described(&flights).as_deref(),
            Some("Shenzhou flights and 1 other flight curated")
        );
        flights.push(flight("soyuz-11", "Soyuz", 3));
        assert_eq!(
            described(&flights).as_deref(),
            Some("Shenzhou flights and 2 other flights curated")
        );
        let one_layer = |_: usize| false;
        assert_eq!(curated_coverage(&flights, one_layer), None);
    }

    #[test]
    fn a_curated_flight_replaces_the_generated_one_and_keeps_what_it_does_not_say() {
        let generated = |file: usize| file == 0;
        let mut base = flight("soyuz-11", "Soyuz", 0);
        Arc::make_mut(&mut base.value).orbit = Some(crate::model::Orbit::Orbital);
        let mut flights = vec![
            base,
            flight("soyuz-11", "Soyuz", 1),
            flight("soyuz-1", "Soyuz", 0),
        ];
        let replaced = replaced_flights(&mut flights, generated);
        assert_eq!(replaced, [0].into());
        assert_eq!(flights[1].value.orbit, Some(crate::model::Orbit::Orbital));
    }
}
