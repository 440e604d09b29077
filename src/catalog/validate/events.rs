//! Events: their ids and fields, and their times within their flight or its crew's stays.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::ids::check_id;
use super::Checker;
use crate::catalog::stay::Stay;
use crate::catalog::texts::Finding;
use crate::catalog::Located;
use crate::json_path;
use crate::model::{EventKind, Flight, Time, RESERVED_EVENT_IDS};

/// Event ids, kinds and kind-specific fields, EVA ends.
pub(super) fn check_events_shape(c: &mut Checker, f: &Located<Arc<Flight>>) {
    let mut ids = HashSet::new();
    for (i, event) in f.value.events.iter().enumerate() {
        check_id(c, f.file, json_path!["events", i, "id"], &event.id, "event");
        if RESERVED_EVENT_IDS.contains(&event.id.as_str()) {
            c.report(
                f.file,
                json_path!["events", i, "id"],
                format!(
                    "event id `{}` is reserved for the flight's own {}",
                    event.id, event.id
                ),
                "choose another id, or record the time in the flight's own field",
            );
        }
        if !ids.insert(event.id.as_str()) {
            c.report(
                f.file,
                json_path!["events", i, "id"],
                format!("duplicate event id `{}` in {}", event.id, f.value.id),
                "event ids are unique within a flight",
            );
        }
        if let Some(end) = &event.end {
            if end.surely_before(&event.time) {
                c.report(
                    f.file,
                    json_path!["events", i, "end"],
                    format!(
                        "event {} ends ({end}) before it begins ({})",
                        event.id, event.time
                    ),
                    "check the times and their offsets",
                );
            }
        }
        let is_change = event.kind == EventKind::ScheduleChange;
        for (field, present) in [
            ("target", event.target.is_some()),
            ("from", event.from.is_some()),
            ("to", event.to.is_some()),
        ] {
            if present && !is_change {
                c.report(
                    f.file,
                    json_path!["events", i, field],
                    format!(
                        "`{field}` belongs to schedule-change events, not {}",
                        event.kind.as_str()
                    ),
                    "remove it, or make the event a schedule-change",
                );
            }
            if !present && is_change {
                c.report(
                    f.file,
                    json_path!["events", i],
                    format!("schedule-change {} has no `{field}`", event.id),
                    "a schedule-change names its `target` (flight/event) and the planned time it moved `from` and `to`",
                );
            }
        }
        if !event.effects.is_empty() && event.kind != EventKind::Anomaly {
            c.report(
                f.file,
                json_path!["events", i, "effects"],
                format!(
                    "`effects` belong to anomaly events, not {}",
                    event.kind.as_str()
                ),
                "make the event an anomaly, or remove the effects",
            );
        }
    }
}

/// Every event lies within its flight, or within a stay of the crew that launched on it.
pub(super) fn check_events_in_time(
    c: &mut Checker,
    flights: &[Located<Arc<Flight>>],
    stays: &[Stay],
) {
    use rayon::prelude::*;
    // For each flight, the latest end of a stay of its launch crew (`Open` while one is still open).
    #[derive(Clone, Copy)]
    enum CrewEnds<'a> {
        Open,
        Latest(&'a Time),
    }
    let mut crew_ends_of: HashMap<&str, CrewEnds> = HashMap::new();
    for s in stays {
        let entry = crew_ends_of.entry(s.up.as_str());
        match (s.end.as_ref(), entry) {
            (None, entry) => {
                entry.insert_entry(CrewEnds::Open);
            }
            (Some(end), std::collections::hash_map::Entry::Vacant(v)) => {
                v.insert(CrewEnds::Latest(end));
            }
            (Some(end), std::collections::hash_map::Entry::Occupied(mut o)) => {
                if let CrewEnds::Latest(latest) = *o.get() {
                    o.insert(CrewEnds::Latest(latest.max(end)));
                }
            }
        }
    }
    let found: Vec<Vec<Finding>> = flights
        .par_iter()
        .map(|f| {
            let mut c = Checker::new(c.texts);
            let flight = &f.value;
            let Some(launch) = flight.launch.time.as_ref() else {
                return c.findings;
            };
            // The latest moment an event of this flight can be: its landing or the end of the longest stay
            // of its launch crew, whichever is later; no limit while the flight or any of its crew is in
            // orbit.
            let latest = match (flight.landing_time(), crew_ends_of.get(flight.id.as_str())) {
                (Some(landing), None) => Some(landing),
                (Some(landing), Some(CrewEnds::Latest(end))) => Some(landing.max(*end)),
                _ => None,
            };
            for (i, event) in flight.events.iter().enumerate() {
                if event.time.surely_before(launch) {
                    c.report(
                        f.file,
                        json_path!["events", i, "time"],
                        format!(
                            "event {} ({}) is before {} launched ({launch})",
                            event.id, event.time, flight.id
                        ),
                        "check the date and offset, or move the event to the flight it belongs to",
                    );
                }
                let end = event.end.as_ref().unwrap_or(&event.time);
                if let Some(latest) = latest {
                    if latest.surely_before(end) {
                        c.report(
                            f.file,
                            json_path!["events", i, if event.end.is_some() { "end" } else { "time" }],
                            format!(
                                "event {} ({end}) is after {} and its crew were back on Earth ({latest})",
                                event.id, flight.id
                            ),
                            "check the date and offset, or move the event to the flight it belongs to",
                        );
                    }
                }
            }
            c.findings
        })
        .collect();
    c.findings.extend(found.into_iter().flatten());
}
