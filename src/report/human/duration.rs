//! `duration`: stays grouped by crew, the vehicle, an astronaut's table and total.

use std::fmt::Write;

use super::{parenthesised, plural, table};
use crate::model::{Precision, Time};
use crate::report::{Human, TimeDisplay};
use crate::timeline::{
    day_precision_ends, format_elapsed, format_seconds, DurationReport, DurationSubject, Elapsed,
    StayReport, VehicleReport,
};

impl Human for DurationReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = String::new();
        match &self.subject {
            DurationSubject::Flight {
                name,
                operator,
                station,
                outcome,
                ended,
                planned,
                ..
            } => {
                let context: Vec<&str> = [operator.as_deref(), station.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                let _ = writeln!(out, "{name}{}", parenthesised(&context.join(", ")));
                if let Some(outcome) = outcome {
                    let when = ended
                        .as_ref()
                        .filter(|_| outcome.crew_lost())
                        .map(|t| format!(", {}", display.time(t)))
                        .unwrap_or_default();
                    let _ = writeln!(out, "Outcome: {}{when}", outcome.describe());
                }
                if let Some(planned) = planned.as_ref().filter(|_| self.stays.is_empty()) {
                    let _ = writeln!(
                        out,
                        "\nNot launched: planned for {}; a planned flight has no stays yet.",
                        display.time(planned)
                    );
                } else if self.stays.is_empty() {
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
            DurationSubject::Astronaut {
                name,
                native_name,
                died_in_flight,
                ..
            } => {
                let native = native_name.as_deref().unwrap_or_default();
                let _ = writeln!(out, "{name}{}", parenthesised(native));
                if let Some(died) = died_in_flight {
                    let _ = writeln!(out, "Died in flight, {died}");
                }
                out.push('\n');
                astronaut_table(&mut out, self, display);
            }
        }
        if self.stays.iter().any(|s| s.in_orbit)
            || self.vehicle.as_ref().is_some_and(|v| v.end.is_none())
        {
            let why = match display.open {
                crate::report::OpenFigures::AtLastCheck(_) => {
                    "the catalog's last check; --now counts further, as an extrapolation"
                }
                _ => "--now",
            };
            let _ = writeln!(
                out,
                "\nFigures for flights still in orbit run to {} ({why}).",
                display.instant(self.now)
            );
        }
        out
    }
}

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
    display: &TimeDisplay,
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
    let figure = figure_text(&first.elapsed, &first.start, first.end.as_ref());
    let figure = if first.not_launched {
        NOT_LAUNCHED.to_string()
    } else if first.in_orbit {
        display.open_figure(&figure)
    } else {
        figure
    };
    let _ = writeln!(out, "  {} → {end}: {figure}", display.time(&first.start));
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
        let _ = writeln!(out, "  days: {}", days.summary());
    }
    precision_note(out, &first.elapsed);
    swap_causes(out, first, display);
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
                    crate::report::zone_label(zone)
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
            let _ = writeln!(out, "  why: {}", chain.join("\n       ← "));
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
    display: &TimeDisplay,
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

/// `precision: between 396 d 3 h 50 min 57 s and 396 d 3 h 51 min 57 s`: to the second while the spread
/// is under a day (a minute-precision end), to the minute beyond.
fn precision_range(min: i64, max: i64) -> String {
    let seconds = max - min < 86_400;
    format!(
        "precision of the times allows {} … {}",
        format_seconds(min, seconds),
        format_seconds(max, seconds)
    )
}

fn precision_note(out: &mut String, elapsed: &Elapsed) {
    // A figure the data does not decide is printed as its range already.
    if !elapsed.is_exact() && elapsed.figure().is_some() {
        let _ = writeln!(
            out,
            "  {}",
            precision_range(elapsed.min_seconds, elapsed.max_seconds)
        );
    }
}

/// For a stay on a swap, what made the up vehicle unfit and what the down landing names as its cause,
/// each with its title and the chain of events that led to it (`← …`): the flight's report and an
/// astronaut's table both say it this way.
fn swap_causes(out: &mut String, stay: &StayReport, display: &TimeDisplay) {
    let unfit = format!("{} unfit after", stay.up_name);
    let home = format!(
        "home on {}, caused by",
        stay.down_name.as_deref().unwrap_or("?")
    );
    let causes = (stay.swap_causes.iter().map(|c| (&unfit, c)))
        .chain(stay.landing_causes.iter().map(|c| (&home, c)));
    for (what, cause) in causes {
        let _ = writeln!(
            out,
            "  swap: {what} {} ({}){}",
            cause.reference,
            display.date(&cause.time),
            cause
                .title
                .as_deref()
                .map(|t| format!(":\n        {t}"))
                .unwrap_or_default()
        );
        for earlier in &cause.caused_by {
            let _ = writeln!(
                out,
                "        ← {} ({}){}",
                earlier.reference,
                display.date(&earlier.time),
                earlier
                    .title
                    .as_deref()
                    .map(|t| format!(": {t}"))
                    .unwrap_or_default()
            );
        }
    }
}

pub(super) fn vehicle_line(out: &mut String, vehicle: &VehicleReport, display: &TimeDisplay) {
    let end = match &vehicle.end {
        Some(end) => display.time(end),
        None => "in orbit".into(),
    };
    let mut facts = vec![figure_text(
        &vehicle.elapsed,
        &vehicle.start,
        vehicle.end.as_ref(),
    )];
    if vehicle.not_launched {
        facts[0] = NOT_LAUNCHED.to_string();
    } else if vehicle.end.is_none() {
        facts[0] = display.open_figure(&facts[0]);
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
        "Vehicle: {}, {} → {end}\n  {}",
        vehicle.name,
        display.time(&vehicle.start),
        facts.join(", ")
    );
    if let Some(days) = &vehicle.days {
        let _ = writeln!(out, "  days: {}", days.summary());
    }
}

/// The figure, or where an end is known only to the day its range and which end:
/// `between 1 h 35 min and 1 d 1 h 36 min; start known to the day`.
fn figure_text(elapsed: &Elapsed, start: &Time, end: Option<&Time>) -> String {
    let text = format_elapsed(elapsed);
    match day_precision_ends(start, end).filter(|_| elapsed.figure().is_none()) {
        Some(which) => format!("{text}; {which}"),
        None => text,
    }
}

/// In place of an elapsed time, for a flight that launches after `--now`.
const NOT_LAUNCHED: &str = "not launched yet at --now";

/// Starts a line of notes under a table row.
const MARK: &str = "\u{1}";

fn astronaut_table(out: &mut String, report: &DurationReport, display: &TimeDisplay) {
    let rows: Vec<Vec<String>> = report
        .stays
        .iter()
        .map(|s| {
            let down = match (&s.down_name, s.in_orbit) {
                (_, true) => "(in orbit)".to_string(),
                (Some(d), false) => d.clone(),
                (None, false) => "?".into(),
            };
            let mut elapsed = figure_text(&s.elapsed, &s.start, s.end.as_ref());
            if s.not_launched {
                elapsed = NOT_LAUNCHED.to_string();
            } else if s.in_orbit {
                elapsed = display.open_figure(&elapsed);
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
                // On a line of its own below the row, to stay within 80 columns.
                elapsed.push_str(&format!("\n{MARK}{}", marks.join(", ")));
            }
            vec![s.up_name.clone(), down, display.time(&s.start), elapsed]
        })
        .collect();
    let indent = rows
        .iter()
        .map(|r| r[0].chars().count())
        .max()
        .unwrap_or(0)
        .max(2)
        + 4;
    for line in table(&["up", "down", "launch", "elapsed"], &rows).lines() {
        match line.strip_prefix(MARK) {
            Some(marks) => {
                let _ = writeln!(out, "{}{marks}", crate::output::escape::spaces(indent));
            }
            None => {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
    for stay in report.stays.iter().filter(|s| s.vehicle_swap) {
        swap_causes(out, stay, display);
    }
    if let Some(total) = &report.total {
        let exact = total.min_seconds == total.max_seconds;
        let shown = match total.seconds {
            Some(seconds) => format_elapsed(&Elapsed {
                seconds,
                min_seconds: total.min_seconds,
                max_seconds: total.max_seconds,
                precision: if exact {
                    Precision::Second
                } else {
                    Precision::Minute
                },
            }),
            None => crate::timeline::format_range(total.min_seconds, total.max_seconds),
        };
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
        if !exact && total.seconds.is_some() {
            let _ = writeln!(
                out,
                "  {}",
                precision_range(total.min_seconds, total.max_seconds)
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
