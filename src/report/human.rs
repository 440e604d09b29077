//! Human output: aligned text that fits an 80-column terminal, every number with its unit.

use std::fmt::Write;

use super::{Display, Human};
use crate::catalog::Summary;
use crate::chart::{ChartKind, ChartReport};
use crate::model::Time;
use crate::timeline::{
    format_elapsed, format_seconds, DayConventions, DurationReport, Elapsed, ListReport,
    ShowReport, StayReport, Subject, VehicleReport,
};

impl Human for Summary {
    fn human(&self, _: &Display) -> String {
        let mut out = format!(
            "ok: {} catalog is valid: {} flights, {} astronauts, {} spacecraft type{}, {} station{}\n",
            self.label,
            self.flights,
            self.astronauts,
            self.spacecraft,
            plural(self.spacecraft),
            self.stations,
            plural(self.stations),
        );
        let _ = writeln!(
            out,
            "    {} stays derived ({} with a vehicle swap, {} still in orbit)",
            self.stays, self.vehicle_swaps, self.in_orbit
        );
        out.push_str(&checked_line(&self.checked));
        out
    }
}

fn checked_line(checked: &Option<(String, String)>) -> String {
    match checked {
        Some((lo, hi)) if lo == hi => format!("    last checked against sources {lo}\n"),
        Some((lo, hi)) => format!("    last checked against sources between {lo} and {hi}\n"),
        None => "    no flight says when it was last checked against its sources\n".into(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl Human for DurationReport {
    fn human(&self, display: &Display) -> String {
        let mut out = String::new();
        match &self.subject {
            Subject::Flight {
                name,
                operator,
                station,
                ..
            } => {
                let context: Vec<&str> = [operator.as_deref(), station.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                let _ = writeln!(out, "{name}{}", parenthesised(&context.join(", ")));
                if self.stays.is_empty() {
                    out.push_str("\nNo crew went up on this flight.\n");
                }
                for group in group_stays(&self.stays) {
                    out.push('\n');
                    stay_group(&mut out, group, display, self.now);
                }
                if let Some(vehicle) = &self.vehicle {
                    out.push('\n');
                    let same_as_crew = self.stays.iter().any(|s| {
                        s.down.as_deref() == Some(&vehicle.flight)
                            && s.start == vehicle.start
                            && s.end == vehicle.end
                    });
                    if same_as_crew {
                        let _ = writeln!(
                            out,
                            "Vehicle: the {} spacecraft flew the same times as its crew",
                            vehicle.name
                        );
                    } else {
                        vehicle_line(&mut out, vehicle, display);
                    }
                }
            }
            Subject::Astronaut {
                name, native_name, ..
            } => {
                let native = native_name.as_deref().unwrap_or_default();
                let _ = writeln!(out, "{name}{}\n", parenthesised(native));
                astronaut_table(&mut out, self, display);
            }
        }
        if self.stays.iter().any(|s| s.in_orbit)
            || self.vehicle.as_ref().is_some_and(|v| v.end.is_none())
        {
            let _ = writeln!(
                out,
                "\nFigures for flights still in orbit run to {} (--now).",
                display.instant(self.now)
            );
        }
        out
    }
}

fn parenthesised(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" ({text})")
    }
}

/// Stays that share up flight, down flight, start and end: one crew.
fn group_stays(stays: &[StayReport]) -> Vec<Vec<&StayReport>> {
    let mut groups: Vec<Vec<&StayReport>> = Vec::new();
    for stay in stays {
        match groups.iter_mut().find(|g| {
            let first = g[0];
            first.up == stay.up
                && first.down == stay.down
                && first.start == stay.start
                && first.end == stay.end
        }) {
            Some(group) => group.push(stay),
            None => groups.push(vec![stay]),
        }
    }
    groups
}

fn stay_group(
    out: &mut String,
    group: Vec<&StayReport>,
    display: &Display,
    now: chrono::DateTime<chrono::Utc>,
) {
    let first = group[0];
    let heading = match (&first.down_name, first.in_orbit) {
        (Some(down), false) if first.vehicle_swap => {
            format!("up on {}, down on {down} (vehicle swap)", first.up_name)
        }
        (Some(down), false) => format!("up on {}, down on {down}", first.up_name),
        (Some(down), true) => format!("up on {}, to come down on {down}, in orbit", first.up_name),
        (None, _) => format!("up on {}, in orbit", first.up_name),
    };
    let label = if group.len() > 1 { "Crew stay" } else { "Stay" };
    let _ = writeln!(out, "{label}: {heading}");
    let names: Vec<String> = group
        .iter()
        .map(|s| match &s.role {
            Some(role) => format!("{} ({role})", s.name),
            None => s.name.clone(),
        })
        .collect();
    let end = match &first.end {
        Some(end) => display.time(end),
        None => "in orbit".into(),
    };
    let so_far = if first.in_orbit { " so far" } else { "" };
    let _ = writeln!(
        out,
        "  {} → {end}: {}{so_far}",
        display.time(&first.start),
        format_elapsed(&first.elapsed)
    );
    if first.end_inferred {
        let _ = writeln!(
            out,
            "  landing time inferred, not published: `orbitline show {}` says how",
            first.down.as_deref().unwrap_or("?")
        );
    }
    if first.end_uncertain {
        let _ = writeln!(out, "  landing time marked uncertain by its source");
    }
    let _ = writeln!(out, "  crew: {}", names.join(", "));
    if let Some(days) = &first.days {
        let _ = writeln!(out, "  days: {}", day_conventions(days));
    }
    precision_note(out, &first.elapsed);
    for cause in &first.swap_causes {
        let _ = writeln!(
            out,
            "  swap: {} unfit for crew return after {} ({}){}",
            first.up_name,
            cause.reference,
            display.date(&cause.time),
            cause
                .title
                .as_deref()
                .map(|t| format!(":\n        {t}"))
                .unwrap_or_default()
        );
    }
    if first.vehicle_swap && !first.up_vehicle_brought_home.is_empty() {
        let _ = writeln!(
            out,
            "  swap: {} brought {} home",
            first.up_name,
            first.up_vehicle_brought_home.join(", ")
        );
    }
    if let Some(slip) = &first.slip {
        let late = match slip.days {
            Some(d) if d > 0 => format!(": {d} day{} late", plural(d as usize)),
            Some(d) if d < 0 => format!(": {} day{} early", -d, plural((-d) as usize)),
            Some(_) => ": on the planned day".into(),
            None => String::new(),
        };
        let (planned, actual) = match slip
            .planned
            .offset()
            .filter(|_| slip.planned.precision() == crate::model::Precision::Day)
        {
            Some(zone) => (
                slip.planned.local_date().to_string(),
                format!(
                    "{} (dates in {})",
                    slip.actual
                        .date_in(zone)
                        .map_or_else(|| display.time(&slip.actual), |d| d.to_string()),
                    super::zone_label(zone)
                ),
            ),
            None => (display.time(&slip.planned), display.time(&slip.actual)),
        };
        let _ = writeln!(out, "  planned return {planned}, actual {actual}{late}");
        if !slip.causes.is_empty() {
            let chain: Vec<String> = slip
                .causes
                .iter()
                .map(|c| format!("{} ({})", c.reference, display.date(&c.time)))
                .collect();
            let _ = writeln!(out, "  why: {}", chain.join(", caused by "));
        }
    }
    if first.in_orbit {
        stale_note(
            out,
            first.may_have_ended,
            first.checked.as_ref(),
            display,
            now,
        );
    }
}

fn stale_note(
    out: &mut String,
    may_have_ended: bool,
    checked: Option<&Time>,
    display: &Display,
    now: chrono::DateTime<chrono::Utc>,
) {
    if !may_have_ended {
        return;
    }
    let _ = match checked {
        Some(checked) => writeln!(
            out,
            "  note: in orbit when the catalog was last checked ({}); it may have ended since.\n        The figure counts to {} and is not a published duration.",
            checked.local_date(),
            display.instant(now)
        ),
        None => writeln!(
            out,
            "  note: the catalog does not say when this flight was last checked; it may have ended since."
        ),
    };
}

fn precision_note(out: &mut String, elapsed: &Elapsed) {
    if !elapsed.is_exact() {
        let _ = writeln!(
            out,
            "  precision: the inputs give it to within {} … {}",
            format_seconds(elapsed.min_seconds, false),
            format_seconds(elapsed.max_seconds, false)
        );
    }
}

/// `204 rounded, 203 floor, 204 ceil; calendar dates 204 (UTC), 204 (+08:00)`.
fn day_conventions(days: &DayConventions) -> String {
    let mut text = format!(
        "{} rounded, {} floor, {} ceil",
        days.rounded, days.floor, days.ceil
    );
    let mut calendar = Vec::new();
    if let Some(d) = days.calendar_utc {
        calendar.push(format!("{d} (UTC)"));
    }
    if let (Some(d), Some(offset)) = (days.calendar_local, &days.local_offset) {
        if offset != "+00:00" {
            calendar.push(format!("{d} ({offset})"));
        }
    }
    if !calendar.is_empty() {
        text.push_str(&format!("; calendar dates {}", calendar.join(", ")));
    }
    text
}

fn vehicle_line(out: &mut String, vehicle: &VehicleReport, display: &Display) {
    let end = match &vehicle.end {
        Some(end) => display.time(end),
        None => "in orbit".into(),
    };
    let mut facts = vec![format_elapsed(&vehicle.elapsed)];
    if vehicle.end.is_none() {
        facts[0].push_str(" so far");
    }
    if vehicle.launched_uncrewed {
        facts.push("launched uncrewed".into());
    }
    if vehicle.landed_uncrewed {
        facts.push("landed uncrewed".into());
    }
    if vehicle.landing_inferred {
        facts.push("landing time inferred (how: the flight's notes)".into());
    }
    if vehicle.landing_uncertain {
        facts.push("landing time marked uncertain by the source".into());
    }
    let _ = writeln!(
        out,
        "Vehicle: {} spacecraft, {} → {end}\n  {}",
        vehicle.name,
        display.time(&vehicle.start),
        facts.join(", ")
    );
    if let Some(days) = &vehicle.days {
        let _ = writeln!(out, "  days: {}", day_conventions(days));
    }
}

fn astronaut_table(out: &mut String, report: &DurationReport, display: &Display) {
    let rows: Vec<[String; 4]> = report
        .stays
        .iter()
        .map(|s| {
            let down = match (&s.down_name, s.in_orbit) {
                (_, true) => "(in orbit)".to_string(),
                (Some(d), false) => d.clone(),
                (None, false) => "?".into(),
            };
            let mut elapsed = format_elapsed(&s.elapsed);
            if s.in_orbit {
                elapsed.push_str(" so far");
            }
            let marks: Vec<&str> = [
                (s.vehicle_swap, "vehicle swap"),
                (s.end_inferred, "landing inferred"),
                (s.end_uncertain, "landing uncertain"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, mark)| *mark)
            .collect();
            if !marks.is_empty() {
                elapsed.push_str(&format!("  ({})", marks.join(", ")));
            }
            [s.up_name.clone(), down, display.time(&s.start), elapsed]
        })
        .collect();
    let header = ["up", "down", "launch", "elapsed"];
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; 4]| {
        format!(
            "  {:w0$}  {:w1$}  {:w2$}  {}\n",
            cells[0],
            cells[1],
            cells[2],
            cells[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        )
    };
    out.push_str(&line(header));
    for row in &rows {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3]]));
    }
    if let Some(total) = &report.total {
        let exact = total.min_seconds == total.max_seconds;
        let shown = format_seconds(total.seconds, exact && total.seconds % 60 != 0);
        let _ = writeln!(
            out,
            "\nTotal: {shown} in space over {} stay{}{}",
            total.stays,
            plural(total.stays),
            if total.in_orbit {
                ", still in orbit"
            } else {
                ""
            }
        );
        if !exact {
            let _ = writeln!(
                out,
                "  precision: the inputs give it to within {} … {}",
                format_seconds(total.min_seconds, false),
                format_seconds(total.max_seconds, false)
            );
        }
        if let Some(open) = report.stays.iter().find(|s| s.in_orbit) {
            stale_note(
                out,
                open.may_have_ended,
                open.checked.as_ref(),
                display,
                report.now,
            );
        }
    }
}

impl Human for ListReport {
    fn human(&self, display: &Display) -> String {
        let zone = display.zone_heading();
        let rows: Vec<[String; 4]> = self
            .flights
            .iter()
            .map(|f| {
                let launch = f.launch.as_ref().map_or("?".into(), |t| display.date(t));
                let landing = f
                    .landing
                    .as_ref()
                    .map_or("in orbit".into(), |t| display.date(t));
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
                [f.id.clone(), launch, landing, crew]
            })
            .collect();
        let headers = ["flight", &format!("launch ({zone})"), "landing", "crew up"];
        let widths: Vec<usize> = (0..3)
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([headers[i].chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let mut line = |c: [&str; 4]| {
            let _ = writeln!(
                out,
                "{:w0$}  {:w1$}  {:w2$}  {}",
                c[0],
                c[1],
                c[2],
                c[3],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2]
            );
        };
        line(headers);
        for r in &rows {
            line([&r[0], &r[1], &r[2], &r[3]]);
        }
        let _ = writeln!(out, "{} flight{}", rows.len(), plural(rows.len()));
        out
    }
}

impl Human for ShowReport {
    fn human(&self, display: &Display) -> String {
        let f = &self.flight;
        let mut out = String::new();
        let _ = writeln!(out, "{} ({})", f.name, f.id);
        let mut facts = vec![
            format!("{} programme", f.program),
            self.spacecraft_name.clone(),
            f.nation.clone(),
        ];
        if let Some(op) = &f.operator {
            facts.push(op.clone());
        }
        if let Some(st) = &self.station_name {
            facts.push(format!("to {st}"));
        }
        let _ = writeln!(out, "{}", facts.join(" · "));
        if let Some(site) = &f.launch.site {
            let _ = writeln!(out, "launch site: {site}");
        }
        if let Some(site) = f.landing.as_ref().and_then(|l| l.site.as_ref()) {
            let _ = writeln!(out, "landing site: {site}");
        }
        out.push_str("\nTimeline\n");
        for entry in &self.timeline {
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
                // A duration from a date-only start would look exact and be up to a day off.
                let length = if e.precision == crate::model::Precision::Day {
                    String::new()
                } else {
                    format!(" ({})", format_elapsed(&e))
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
        for (title, stays) in [
            ("Stays of the crew that went up on it", &self.stays_up),
            (
                "Stays that ended on it, from other flights",
                &self.stays_down_from_elsewhere,
            ),
        ] {
            if stays.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{title}");
            for s in stays.iter() {
                let route = match (&s.down_name, s.in_orbit) {
                    (Some(d), false) => format!("{} → {d}", s.up_name),
                    _ => format!("{} → in orbit", s.up_name),
                };
                let so_far = if s.in_orbit { " so far" } else { "" };
                let _ = writeln!(
                    out,
                    "  {:24} {route:28} {}{so_far}",
                    s.name,
                    format_elapsed(&s.elapsed)
                );
            }
        }
        if let Some(v) = &self.vehicle {
            out.push('\n');
            vehicle_line(&mut out, v, display);
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
        out
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

impl Human for ChartReport {
    fn human(&self, _: &Display) -> String {
        let (what, rows) = match self.kind {
            ChartKind::Gantt => ("timeline", "row"),
            ChartKind::Station => ("station chart", "spacecraft lane"),
        };
        format!(
            "wrote {}: {what}, {} {rows}{}, {} × {} px\n",
            self.path,
            self.rows,
            plural(self.rows),
            self.width,
            self.height
        )
    }
}
