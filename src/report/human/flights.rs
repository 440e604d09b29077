//! `list` and `show`.

use std::fmt::Write;

use super::{plural, table};
use crate::report::{Human, TimeDisplay};
use crate::timeline::{format_elapsed, Elapsed, ListReport, ShowReport};

use super::duration::vehicle_line;

impl Human for ListReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let zone = display.zone_heading();
        let rows: Vec<Vec<String>> = self
            .flights
            .iter()
            .map(|f| {
                let launch = f.launch.as_ref().map_or("?".into(), |t| display.date(t));
                let landing = match &f.landing {
                    Some(t) => display.date(t),
                    None if f.planned => "planned".into(),
                    None => "in orbit".into(),
                };
                let crew = if f.crew_up_names.is_empty() {
                    "uncrewed".to_string()
                } else {
                    f.crew_up_names.join(", ")
                };
                let crew = if !f.brought_home_crew_of.is_empty() {
                    format!(
                        "{crew}; landed with the {} crew",
                        f.brought_home_crew_of.join(", ")
                    )
                } else if f.crew_down.is_empty() && !f.crew_up.is_empty() && f.landing.is_some() {
                    format!("{crew}; landed uncrewed")
                } else {
                    crew
                };
                vec![f.id.clone(), launch, landing, crew]
            })
            .collect();
        let launch = format!("launch ({zone})");
        let mut out = format!("{}\n", self.catalog);
        out.push_str(&table(&["flight", &launch, "landing", "crew up"], &rows));
        let _ = writeln!(out, "{} flight{}", rows.len(), plural(rows.len()));
        out
    }
}

impl Human for ShowReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = String::new();
        show_header(self, &mut out, display);
        show_timeline(self, &mut out, display);
        show_stays(self, &mut out);
        show_sources_and_notes(self, &mut out, display);
        out
    }
}

/// The flight's name, facts, outcome, deaths in flight and sites.
fn show_header(report: &ShowReport, out: &mut String, display: &TimeDisplay) {
    let f = &report.flight;
    let _ = writeln!(out, "{} ({})", f.name, f.id);
    let mut facts = vec![
        format!("{} programme", f.program),
        report.spacecraft_name.clone(),
        f.nation.clone(),
    ];
    if let Some(op) = &f.operator {
        facts.push(op.clone());
    }
    if let Some(st) = &report.station_name {
        facts.push(format!("to {st}"));
    }
    let _ = writeln!(out, "{}", facts.join(" · "));
    if f.outcome() != crate::model::Outcome::Completed {
        let when = f
            .landing_time()
            .filter(|_| f.outcome().crew_lost())
            .map(|t| format!(", {}", display.time(t)))
            .unwrap_or_default();
        let _ = writeln!(out, "Outcome: {}{when}", f.outcome().describe());
    }
    if !report.died_in_flight.is_empty() {
        let people: Vec<String> = report
            .died_in_flight
            .iter()
            .map(|(name, date)| format!("{name} (died {date})"))
            .collect();
        let _ = writeln!(out, "Died in flight: {}", people.join(", "));
    }
    if let Some(site) = &f.launch.site {
        let _ = writeln!(out, "launch site: {site}");
    }
    if let Some(site) = f.landing.as_ref().and_then(|l| l.site.as_ref()) {
        let _ = writeln!(out, "landing site: {site}");
    }
}

/// Every event in order, planned and actual, with its crew and causes.
fn show_timeline(report: &ShowReport, out: &mut String, display: &TimeDisplay) {
    out.push_str("\nTimeline\n");
    for entry in &report.timeline {
        let when = match (&entry.time, &entry.planned) {
            (Some(t), Some(p)) if t != p => {
                format!("{} (planned {})", display.time(t), display.time(p))
            }
            (Some(t), _) => display.time(t),
            (None, Some(p)) => format!("planned {}", display.time(p)),
            (None, None) => "?".into(),
        };
        let what = entry.title.clone().unwrap_or_else(|| entry.kind.clone());
        let flags: String = [
            (entry.uncertain, " (uncertain)"),
            (entry.inferred, " (inferred)"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, text)| *text)
        .collect();
        let _ = writeln!(out, "  {when}{flags}");
        let _ = write!(out, "      {} [{}]", what, entry.id);
        if let (Some(end), Some(start)) = (&entry.end, &entry.time) {
            let e = Elapsed::between(start, end);
            // A duration from a date-only start is its range, never a figure (docs/figures.md).
            let length = match crate::timeline::day_precision_ends(start, Some(end)) {
                Some(which) if e.figure().is_none() => {
                    format!(" ({}; {which})", format_elapsed(&e))
                }
                _ => format!(" ({})", format_elapsed(&e)),
            };
            let _ = write!(out, ", until {}{length}", display.time(end));
        }
        out.push('\n');
        if !entry.crew.is_empty() {
            let _ = writeln!(out, "      crew: {}", entry.crew.join(", "));
        }
        if !entry.caused_by.is_empty() {
            let _ = writeln!(out, "      caused by: {}", entry.caused_by.join(", "));
        }
    }
}

/// The stays of the crew that went up on it, and of those who came home on it.
fn show_stays(report: &ShowReport, out: &mut String) {
    for (title, stays) in [
        ("Stays of the crew that went up on it", &report.stays_up),
        (
            "Stays that ended on it, from other flights",
            &report.stays_down_from_elsewhere,
        ),
    ] {
        if stays.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}");
        let rows: Vec<[String; 3]> = stays
            .iter()
            .map(|s| {
                let route = match (&s.down_name, s.in_orbit) {
                    (Some(d), false) => format!("{} → {d}", s.up_name),
                    _ => format!("{} → in orbit", s.up_name),
                };
                let elapsed = match (s.not_launched, s.in_orbit) {
                    (true, _) => "not launched yet at --now".to_string(),
                    (false, true) => format!("{} so far", format_elapsed(&s.elapsed)),
                    (false, false) => format_elapsed(&s.elapsed),
                };
                [s.name.clone(), route, elapsed]
            })
            .collect();
        // Columns at least as wide as they always were, wider when a name or route needs it.
        let width = |i: usize, least: usize| {
            rows.iter()
                .map(|r| r[i].chars().count() + 1)
                .fold(least, usize::max)
        };
        let (name_width, route_width) = (width(0, 25), width(1, 29));
        for [name, route, elapsed] in &rows {
            out.push_str("  ");
            crate::output::escape::pad(out, name, name_width);
            crate::output::escape::pad(out, route, route_width);
            out.push_str(elapsed);
            out.push('\n');
        }
    }
}

/// The vehicle, the last check, every source and every note.
fn show_sources_and_notes(report: &ShowReport, out: &mut String, display: &TimeDisplay) {
    let f = &report.flight;
    if let Some(v) = &report.vehicle {
        out.push('\n');
        vehicle_line(out, v, display);
    }
    if let Some(checked) = &f.checked {
        let _ = writeln!(
            out,
            "\nLast checked against sources: {}",
            checked.local_date()
        );
    }
    out.push_str("\nSources\n");
    for s in all_sources(f) {
        let _ = writeln!(out, "  {s}");
    }
    let notes = all_notes(f);
    if !notes.is_empty() {
        out.push_str("\nNotes\n");
        for (place, note) in notes {
            let _ = writeln!(out, "  {place}: {note}");
        }
    }
}

/// Every source URL in a flight file, once each, in order of first appearance.
fn all_sources(f: &crate::model::Flight) -> Vec<&str> {
    let mut seen = Vec::new();
    let lists = std::iter::once(&f.sources)
        .chain([&f.launch.sources])
        .chain(f.docking.iter().map(|d| &d.sources))
        .chain(f.undocking.iter().map(|d| &d.sources))
        .chain(f.landing.iter().map(|l| &l.sources))
        .chain(f.events.iter().map(|e| &e.sources));
    for list in lists {
        for s in list {
            if !seen.contains(&s.as_str()) {
                seen.push(s.as_str());
            }
        }
    }
    seen
}

fn all_notes(f: &crate::model::Flight) -> Vec<(String, &str)> {
    let mut places: Vec<(String, &Option<String>)> = vec![
        ("flight".into(), &f.notes),
        ("launch".into(), &f.launch.notes),
    ];
    if let Some(d) = &f.docking {
        places.push(("docking".into(), &d.notes));
    }
    if let Some(d) = &f.undocking {
        places.push(("undocking".into(), &d.notes));
    }
    if let Some(l) = &f.landing {
        places.push(("landing".into(), &l.notes));
    }
    places.extend(f.events.iter().map(|e| (e.id.clone(), &e.notes)));
    places
        .into_iter()
        .filter_map(|(place, note)| note.as_deref().map(|n| (place, n)))
        .collect()
}
