//! `update`: which catalog answers now, what each source did, and what changed since the catalog before.

use std::fmt::Write;

use super::plural;
use crate::import::Note;
use crate::report::{Human, TimeDisplay};
use crate::timeline::format_elapsed;
use crate::update::changes::{Changes, FlightChange, Holder, PlannedChange};
use crate::update::{RollbackReport, UpdateReport};

impl Human for UpdateReport {
    fn human(&self, _: &TimeDisplay) -> String {
        let mut out = String::new();
        for source in &self.sources {
            let (name, url) = (&source.name, &source.url);
            let _ = match (source.downloaded, source.status) {
                (Some(bytes), _) => writeln!(out, "{name}: downloaded {bytes} bytes from {url}"),
                (None, "kept") => writeln!(out, "{name}: the current catalog's copy ({url})"),
                (None, _) => writeln!(out, "{name}: not changed since the last update ({url})"),
            };
        }
        if self.unchanged {
            let _ = writeln!(
                out,
                "Nothing changed: the catalog is still {}.",
                self.catalog
            );
            return out;
        }
        let _ = writeln!(
            out,
            "Now answering: {} ({} flights, {} astronauts)",
            self.catalog, self.flights, self.astronauts
        );
        if let Some(folder) = &self.folder {
            let _ = writeln!(out, "Catalog folder: {folder}");
        }
        changes(&mut out, &self.changes);
        notes(
            &mut out,
            "Curated flights that have landed since their last check (the tables' landing is used)",
            &self.landed_since_curated,
        );
        notes(
            &mut out,
            "Launch Library 2's planned launches (flights with a planned launch and no actual one)",
            &self.planned,
        );
        notes(
            &mut out,
            "Where the curated layer says otherwise than the tables (the curated value is kept)",
            &self.curated,
        );
        let _ = writeln!(
            out,
            "\nThe previous catalog is kept: `orbitline update --rollback` returns to it."
        );
        out
    }
}

impl Human for RollbackReport {
    fn human(&self, _: &TimeDisplay) -> String {
        format!(
            "Rolled back: the catalog is {} again (was {}); `orbitline update --rollback` undoes this.\n",
            self.to, self.from
        )
    }
}

fn changes(out: &mut String, changes: &Changes) {
    if changes.is_empty() {
        let _ = writeln!(out, "\nNo flight, person or record changed.");
        return;
    }
    flights(out, "added", &changes.flights_added);
    flights(out, "landed", &changes.flights_landed);
    if !changes.people_added.is_empty() {
        let n = changes.people_added.len();
        let _ = writeln!(
            out,
            "\n{n} new {}:",
            if n == 1 { "person" } else { "people" }
        );
        for person in &changes.people_added {
            let _ = writeln!(out, "  {} ({}, {})", person.name, person.id, person.nation);
        }
    }
    planned(out, "added", &changes.planned_added);
    planned(out, "moved", &changes.planned_moved);
    planned(out, "flown", &changes.planned_flown);
    if !changes.records.is_empty() {
        let n = changes.records.len();
        let _ = writeln!(out, "\n{n} record{} changed hands:", plural(n));
        for record in &changes.records {
            let before = record
                .before
                .as_ref()
                .map_or_else(|| "nobody".to_string(), holder);
            let _ = writeln!(
                out,
                "  {}: {} (was {before})",
                record.record,
                holder(&record.after)
            );
        }
    }
}

fn flights(out: &mut String, what: &str, list: &[FlightChange]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{} flight{} {what}:", list.len(), plural(list.len()));
    for flight in list {
        let _ = write!(
            out,
            "  {} ({}): launched {}",
            flight.name, flight.id, flight.launch
        );
        match (&flight.landing, &flight.elapsed) {
            (Some(landing), Some(elapsed)) => {
                let duration = format_elapsed(elapsed);
                let _ = writeln!(out, ", landed {landing} after {duration}");
            }
            _ => {
                let _ = writeln!(out, ", in orbit");
            }
        }
    }
}

fn planned(out: &mut String, what: &str, list: &[PlannedChange]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n{} planned flight{} {what}:",
        list.len(),
        plural(list.len())
    );
    for flight in list {
        let _ = write!(out, "  {} ({}): ", flight.name, flight.id);
        let _ = match (what, &flight.before) {
            ("flown", Some(before)) => {
                writeln!(out, "launched {} (planned {before})", flight.after)
            }
            (_, Some(before)) => writeln!(out, "planned {} (was {before})", flight.after),
            _ => writeln!(out, "planned {}", flight.after),
        };
    }
}

fn holder(h: &Holder) -> String {
    format!(
        "{} ({}), {} on {}",
        h.name,
        h.astronaut,
        format_elapsed(&h.elapsed),
        h.flight
    )
}

fn notes(out: &mut String, title: &str, list: &[Note]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}:");
    for note in list {
        let _ = writeln!(out, "  {}: {}", note.subject, note.reason);
    }
}
