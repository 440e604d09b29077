//! Launch Library 2's planned crewed launches in an updated catalog: each spacecraft flight that has not
//! launched becomes a flight with a planned launch (`launch.planned`, at the precision LL2's
//! `net_precision` gives, as `import ll2` reads it) and no actual one. Such a flight has no stay, so it
//! never counts in durations, records or checks; `list` and `show` show it as planned.
//!
//! The flights join McDowell's import, so they must use its ids: a person LL2 names as McDowell does
//! (the same id) or with the same family name, initial and nation (LL2's "Pyotr Dubrov" is McDowell's
//! `petr-dubrov`) is McDowell's; anyone else (a first flight) is added from LL2, with LL2 as the source. A
//! spacecraft type whose id extends one of McDowell's (`soyuz-ms` → `soyuz`) is McDowell's, and the flight
//! takes the programme McDowell's flights of that type have. A flight McDowell already lists has launched:
//! McDowell's row is the one kept.

use std::collections::HashMap;

use crate::import::{ImportedCatalog, Note};
use crate::model::{Astronaut, Flight};

/// Adds `ll2`'s planned flights to `base`, with the people, spacecraft types and stations they need that
/// `base` lacks; says what it matched, added and left out.
pub(super) fn add_planned(base: &mut ImportedCatalog, ll2: &ImportedCatalog) -> Vec<Note> {
    let mut notes = Vec::new();
    let people = match_people(base, ll2, &mut notes);
    for planned in &ll2.flights {
        if planned.launch.time.is_some() || planned.launch.planned.is_none() {
            continue;
        }
        if base.flights.iter().any(|f| f.id == planned.id) {
            notes.push(Note::new(
                format!("flight {}", planned.id),
                "planned in Launch Library 2 and in McDowell's tables: McDowell's row is kept",
            ));
            continue;
        }
        let mut flight = planned.clone();
        let ends = std::iter::once(&mut flight.launch).chain(flight.landing.as_mut());
        for end in ends {
            for member in &mut end.crew {
                if let Some(id) = people.get(&member.astronaut) {
                    member.astronaut.clone_from(id);
                }
            }
        }
        spacecraft(base, ll2, &mut flight);
        if let Some(station) = flight.station.clone() {
            if !base.stations.stations.iter().any(|s| s.id == station) {
                match ll2.stations.stations.iter().find(|s| s.id == station) {
                    Some(entry) => base.stations.stations.push(entry.clone()),
                    None => flight.station = None,
                }
            }
        }
        notes.push(Note::new(
            format!("flight {}", flight.id),
            format!(
                "planned launch {} from Launch Library 2",
                flight
                    .launch
                    .planned
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ),
        ));
        base.flights.push(flight);
    }
    notes
}

/// LL2's person ids → the ids in `base` (McDowell's, or LL2's own for a person added to `base`).
fn match_people(
    base: &mut ImportedCatalog,
    ll2: &ImportedCatalog,
    notes: &mut Vec<Note>,
) -> HashMap<String, String> {
    let crew: std::collections::HashSet<&str> = ll2
        .flights
        .iter()
        .filter(|f| f.launch.time.is_none())
        .flat_map(|f| std::iter::once(&f.launch).chain(f.landing.as_ref()))
        .flat_map(|e| e.crew.iter().map(|m| m.astronaut.as_str()))
        .collect();
    let mut ids = HashMap::new();
    for person in &ll2.astronauts.astronauts {
        if !crew.contains(person.id.as_str()) {
            continue;
        }
        let known = &base.astronauts.astronauts;
        if known.iter().any(|a| a.id == person.id) {
            ids.insert(person.id.clone(), person.id.clone());
            continue;
        }
        let alike: Vec<&Astronaut> = known.iter().filter(|a| same_person(a, person)).collect();
        if let [one] = alike[..] {
            notes.push(Note::new(
                format!("astronaut {}", one.id),
                format!(
                    "Launch Library 2's {} ({}): the same family name, initial and nation",
                    person.name, person.id
                ),
            ));
            ids.insert(person.id.clone(), one.id.clone());
            continue;
        }
        let mut added = person.clone();
        if added.sources.is_empty() {
            added.sources.clone_from(&ll2.astronauts.sources);
        }
        notes.push(Note::new(
            format!("astronaut {}", person.id),
            "not in McDowell's tables (not flown yet): added from Launch Library 2",
        ));
        base.astronauts.astronauts.push(added);
        ids.insert(person.id.clone(), person.id.clone());
    }
    ids
}

/// The same nation, family name (the last word, ignoring case and diacritics) and first initial.
fn same_person(a: &Astronaut, b: &Astronaut) -> bool {
    let key = |name: &str| {
        let plain = deunicode::deunicode(name).to_lowercase();
        let words: Vec<&str> = plain.split_whitespace().collect();
        let initial = words.first().and_then(|w| w.chars().next());
        (words.last().map(|w| w.to_string()), initial)
    };
    a.nation == b.nation && key(&a.name) == key(&b.name)
}

/// Gives `flight` McDowell's spacecraft type where LL2's extends one of its ids, and the programme
/// McDowell's flights of that type have; otherwise adds LL2's type to `base`.
fn spacecraft(base: &mut ImportedCatalog, ll2: &ImportedCatalog, flight: &mut Flight) {
    let id = flight.spacecraft.clone();
    if base.spacecraft.spacecraft.iter().any(|s| s.id == id) {
        return;
    }
    let extended = base
        .spacecraft
        .spacecraft
        .iter()
        .find(|s| id.starts_with(&format!("{}-", s.id)) || id.ends_with(&format!("-{}", s.id)));
    match extended {
        Some(known) => {
            flight.spacecraft.clone_from(&known.id);
            if let Some(program) = base
                .flights
                .iter()
                .rev()
                .find(|f| f.spacecraft == known.id)
                .map(|f| f.program.clone())
            {
                flight.program = program;
            }
        }
        None => {
            if let Some(entry) = ll2.spacecraft.spacecraft.iter().find(|s| s.id == id) {
                base.spacecraft.spacecraft.push(entry.clone());
            }
        }
    }
}
