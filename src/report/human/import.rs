//! `import`: what was read, what was written, what was matched or inferred, and what was left out and why.

use std::fmt::Write;

use super::plural;
use crate::import::gcat::GcatSummary;
use crate::import::ll2::Ll2Summary;
use crate::import::{ImportReport, Note};
use crate::report::{Human, TimeDisplay};

impl Human for ImportReport {
    fn human(&self, _: &TimeDisplay) -> String {
        let mut out = String::new();
        if let Some(gcat) = &self.gcat {
            gcat_summary(&mut out, gcat);
        }
        if let Some(ll2) = &self.ll2 {
            ll2_summary(&mut out, ll2);
        }
        if let Some(curated) = &self.curated {
            let _ = writeln!(
                out,
                "\nThe curated layer differs in {} place{} (the curated value is the one used):",
                curated.len(),
                plural(curated.len())
            );
            notes(&mut out, curated);
        }
        let w = &self.written;
        let _ = write!(
            out,
            "\nWrote {} file{} to {}",
            w.written,
            plural(w.written),
            w.out
        );
        if w.unchanged > 0 {
            let _ = write!(out, " ({} already as imported)", w.unchanged);
        }
        out.push('\n');
        if w.added > 0 || w.shared > 0 {
            let _ = writeln!(
                out,
                "Merged: {} entr{} added, {} already in the catalog with the same facts",
                w.added,
                if w.added == 1 { "y" } else { "ies" },
                w.shared
            );
        }
        let _ = writeln!(out, "Check it with: orbitline --data {} validate", w.out);
        out
    }
}

fn notes(out: &mut String, list: &[Note]) {
    for note in list {
        let _ = writeln!(out, "    {}: {}", note.subject, note.reason);
    }
}

fn gcat_summary(out: &mut String, s: &GcatSummary) {
    let _ = writeln!(
        out,
        "McDowell's crewed-flight tables ({}; {} / {})",
        s.updated
            .as_deref()
            .map_or_else(|| "no update date".to_string(), |u| format!("updated {u}")),
        s.layouts.0,
        s.layouts.1
    );
    let _ = writeln!(
        out,
        "  {} ship rows: {} flights imported; aborts {} ({}), non-human flights {} ({})",
        s.rows,
        s.flights,
        s.aborts,
        if s.aborts_kept {
            "kept"
        } else {
            "skipped, --include-aborts keeps them"
        },
        s.nonhuman,
        if s.nonhuman_kept {
            "kept"
        } else {
            "skipped, --include-nonhuman keeps them"
        },
    );
    notes(out, &s.rows_skipped);
    if !s.added_flights.is_empty() {
        let _ = writeln!(
            out,
            "  {} flight{} added for ships with no row that brought a crew home: {}",
            s.added_flights.len(),
            plural(s.added_flights.len()),
            s.added_flights.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "  {} people imported of {} in the astronaut table; {} left out",
        s.people,
        s.people_in_table,
        s.people_skipped.len()
    );
    notes(out, &s.people_skipped);
    let _ = writeln!(
        out,
        "\nLanding crews, checked against each person's total time in space"
    );
    let _ = writeln!(
        out,
        "  matched exactly:        {:>4} (everyone came down on the ship they went up on)",
        s.matched_exactly
    );
    let _ = writeln!(
        out,
        "  matched by inference:   {:>4} (a stay ends on another ship's landing)",
        s.matched_by_inference
    );
    let _ = writeln!(
        out,
        "  in space at the update: {:>4} ({} agree when counted to the update time)",
        s.in_space, s.in_space_matched
    );
    let _ = writeln!(out, "  not resolved:           {:>4}", s.unresolved.len());
    notes(out, &s.unresolved);
    if s.totals_with_skipped_time > 0 {
        let _ = writeln!(
            out,
            "  {} total{} include time on skipped flights, taken off before matching",
            s.totals_with_skipped_time,
            plural(s.totals_with_skipped_time)
        );
    }
}

fn ll2_summary(out: &mut String, s: &Ll2Summary) {
    let _ = writeln!(out, "Launch Library 2 responses");
    notes(out, &s.responses);
    let _ = writeln!(
        out,
        "  {} flight{} ({} launched, {} planned), {} astronaut{}, {} station{}, {} docking event{}",
        s.flights,
        plural(s.flights),
        s.launched,
        s.flights - s.launched,
        s.astronauts,
        plural(s.astronauts),
        s.stations,
        plural(s.stations),
        s.docking_events,
        plural(s.docking_events)
    );
    if !s.swaps.is_empty() {
        let _ = writeln!(out, "  came down on another vehicle:");
        notes(out, &s.swaps);
    }
    if !s.skipped.is_empty() {
        let _ = writeln!(out, "  left out:");
        notes(out, &s.skipped);
    }
}
