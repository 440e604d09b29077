//! Crews and references: crew entries name astronauts, nobody twice, no more people than seats; `caused_by`,
//! `after`, `target` and `effects` name flights and events that exist.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::ids::did_you_mean;
use super::Checker;
use crate::catalog::links::{explicit_links, has_explicit_links};
use crate::catalog::Located;
use crate::json_path;
use crate::model::{Flight, RESERVED_EVENT_IDS};
use crate::suggest;

/// Crew entries refer to astronauts, nobody twice in one list, no more people than seats.
/// Returns false when a crew list names someone twice (stays derived from it would only repeat that).
pub(super) fn check_crews(
    c: &mut Checker,
    f: &Located<Arc<Flight>>,
    astronauts: &HashSet<&str>,
    seats: Option<u32>,
) -> bool {
    let mut consistent = true;
    let flight = &f.value;
    // One suggestion per unknown id, however often the flight names it (each compares with every
    // astronaut of the registry).
    let mut suggested: HashMap<String, String> = HashMap::new();
    let mut suggestion = |wrong: &str| -> String {
        if let Some(hint) = suggested.get(wrong) {
            return hint.clone();
        }
        let hint = did_you_mean(wrong, astronauts.iter().copied(), "astronauts.json");
        suggested.insert(wrong.to_string(), hint.clone());
        hint
    };
    let mut lists = vec![("launch", &flight.launch.crew)];
    if let Some(landing) = &flight.landing {
        lists.push(("landing", &landing.crew));
    }
    for (end, crew) in lists {
        let mut seen = HashSet::new();
        for (i, member) in crew.iter().enumerate() {
            if !astronauts.contains(member.astronaut.as_str()) {
                let hint = suggestion(&member.astronaut);
                c.report(
                    f.file,
                    json_path![end, "crew", i, "astronaut"],
                    format!("unknown astronaut `{}`", member.astronaut),
                    hint,
                );
            }
            if !seen.insert(member.astronaut.as_str()) {
                consistent = false;
                c.report(
                    f.file,
                    json_path![end, "crew", i],
                    format!(
                        "{} is listed twice in the {end} crew of {}",
                        member.astronaut, flight.id
                    ),
                    "remove the second entry",
                );
            }
        }
        // A type with no seats (a cargo ship) carries nobody.
        if let Some(seats) = seats {
            if crew.len() > seats as usize {
                c.report(
                    f.file,
                    json_path![end, "crew"],
                    format!(
                        "{} people in the {end} crew of {}, but a {} has {seats} seats",
                        crew.len(),
                        flight.id,
                        flight.spacecraft
                    ),
                    "check the crew list, or the seats in spacecraft.json",
                );
            }
        }
    }
    for (i, event) in flight.events.iter().enumerate() {
        for (j, astronaut) in event.crew.iter().enumerate() {
            if !astronauts.contains(astronaut.as_str()) {
                let hint = suggestion(astronaut);
                c.report(
                    f.file,
                    json_path!["events", i, "crew", j],
                    format!("unknown astronaut `{astronaut}`"),
                    hint,
                );
            }
        }
    }
    consistent
}

/// `caused_by`, `after`, `target` and `effects` name flights and events that exist.
pub(super) fn check_references_of(
    c: &mut Checker,
    f: &Located<Arc<Flight>>,
    flights: &HashMap<&str, &Flight>,
) {
    // Most flights link nothing: skip building their list of links.
    let links = if has_explicit_links(&f.value) {
        explicit_links(&f.value)
    } else {
        Vec::new()
    };
    for (_, base, caused_by, after) in links {
        let refs = caused_by
            .iter()
            .enumerate()
            .map(|(j, r)| (json_path!["caused_by", j], r.as_str()))
            .chain(
                after
                    .iter()
                    .enumerate()
                    .map(|(j, a)| (json_path!["after", j, "event"], a.event.as_str())),
            );
        for (tail, reference) in refs {
            if let Err((message, hint)) = resolve(reference, flights) {
                let mut path = base.clone();
                path.extend(tail);
                c.report(f.file, path, message, hint);
            }
        }
    }
    for (i, event) in f.value.events.iter().enumerate() {
        if let Some(target) = &event.target {
            if let Err((message, hint)) = resolve(target, flights) {
                c.report(f.file, json_path!["events", i, "target"], message, hint);
            }
        }
        for (j, effect) in event.effects.iter().enumerate() {
            if !flights.contains_key(effect.vehicle.as_str()) {
                let hint = did_you_mean(
                    &effect.vehicle,
                    flights.keys().copied(),
                    "the catalog as a flight file",
                );
                c.report(
                    f.file,
                    json_path!["events", i, "effects", j, "vehicle"],
                    format!("unknown flight `{}`", effect.vehicle),
                    hint,
                );
            }
        }
    }
}

/// Checks that `flight/event` names an existing flight and one of its events (or reserved moments).
pub(super) fn resolve(
    reference: &str,
    flights: &HashMap<&str, &Flight>,
) -> Result<(), (String, String)> {
    let Some((flight_id, event_id)) = reference.split_once('/') else {
        return Err((
            format!("reference `{reference}` is not of the form flight/event"),
            "write the flight id, a slash and the event id: shenzhou-20/debris-strike".into(),
        ));
    };
    let Some(flight) = flights.get(flight_id) else {
        let hint = did_you_mean(
            flight_id,
            flights.keys().copied(),
            "the catalog as a flight file",
        );
        return Err((
            format!("reference `{reference}`: unknown flight `{flight_id}`"),
            hint,
        ));
    };
    if flight.moment(event_id).is_none() {
        let known = RESERVED_EVENT_IDS
            .iter()
            .copied()
            .chain(flight.events.iter().map(|e| e.id.as_str()));
        let hint = match suggest::closest(event_id, known.clone()) {
            Some(s) => format!("did you mean `{flight_id}/{s}`?"),
            None => format!("{flight_id} has: {}", known.collect::<Vec<_>>().join(", ")),
        };
        return Err((
            format!("reference `{reference}`: {flight_id} has no event `{event_id}`"),
            hint,
        ));
    }
    Ok(())
}
