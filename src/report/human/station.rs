//! `station`: occupancy, return-craft coverage and gaps, slips.

use std::fmt::Write;

use crate::report::{Human, TimeDisplay};
use crate::timeline::format_elapsed;
use crate::timeline::station::{Occupancy, StationReport, Unfit};
use crate::timeline::station_at::StationMoment;

impl Human for StationReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = format!(
            "{}, {} → {} (times {})\n",
            self.name,
            display.instant(self.from),
            display.instant(self.to),
            display.zone_heading()
        );
        if self.occupancy.is_empty() {
            out.push_str("\nnobody aboard and nothing docked in this range\n");
        }
        for period in &self.occupancy {
            occupancy(self, period, &mut out, display);
        }
        gaps(self, &mut out, display);
        for u in &self.unfit {
            unfit(self, u, &mut out, display);
        }
        slips(self, &mut out, display);
        assumed(&self.assumptions, |id| self.name(id), &mut out);
        out
    }
}

/// One period of constant occupancy: who was aboard, the fit return seats, the craft docked but unfit.
fn occupancy(report: &StationReport, o: &Occupancy, out: &mut String, display: &TimeDisplay) {
    let end = match (o.end.instant() == report.to, o.continues) {
        (true, true) => format!("{} and on", display.instant(report.to)),
        (true, false) => display.instant(report.to),
        (false, _) => display.time(&o.end),
    };
    let crews = if o.crews.is_empty() {
        "nobody aboard".to_string()
    } else {
        format!(
            "{} aboard ({} crew{})",
            o.aboard.len(),
            report.names_of(&o.crews, " + "),
            if o.crews.len() == 1 { "" } else { "s" }
        )
    };
    // The range's own start is an instant, not a published time: no seconds.
    let start = if o.start.instant() == report.from {
        display.instant(report.from)
    } else {
        display.time(&o.start)
    };
    let _ = writeln!(out, "\n{start} → {end}");
    let _ = writeln!(out, "  {crews}");
    let unfit: Vec<&String> = o.docked.iter().filter(|d| !o.fit.contains(d)).collect();
    let mut seats = format!(
        "  fit return seats: {}{}",
        o.fit_seats,
        if o.fit.is_empty() {
            String::new()
        } else {
            format!(" ({})", report.names_of(&o.fit, ", "))
        }
    );
    if !unfit.is_empty() {
        let names: Vec<&str> = unfit.iter().map(|s| report.name(s)).collect();
        let _ = write!(seats, "; docked but unfit: {}", names.join(", "));
    }
    let _ = writeln!(out, "{seats}");
    if o.short > 0 {
        let _ = writeln!(out, "  GAP: {} short of a fit return seat", o.short);
    }
    if o.beyond_checked {
        let _ = writeln!(
            out,
            "  (runs past the date the catalog last checked these flights)"
        );
    }
}

/// The gaps in return-craft coverage, with the spread of imprecise times and who had no craft of their own.
fn gaps(report: &StationReport, out: &mut String, display: &TimeDisplay) {
    if !report.gaps.is_empty() {
        out.push_str("\nGaps in return-craft coverage\n");
        for g in &report.gaps {
            let _ = writeln!(
                out,
                "  {} → {}{}: {} short, {}",
                display.time(&g.start),
                display.time(&g.end),
                if g.continues { " and on" } else { "" },
                g.short,
                format_elapsed(&g.elapsed),
            );
            // Only a spread worth saying: minute-precision ends leave a minute or two, and a figure
            // not decided is already its range.
            if g.elapsed.figure().is_some() && g.elapsed.max_seconds - g.elapsed.min_seconds > 120 {
                let _ = writeln!(
                    out,
                    "    between {} and {} (imprecise times)",
                    crate::timeline::format_seconds(g.elapsed.min_seconds, false),
                    crate::timeline::format_seconds(g.elapsed.max_seconds, false)
                );
            }
            if !g.without_own_craft.is_empty() {
                let _ = writeln!(
                    out,
                    "    without a fit craft of their own: {}",
                    report.names_of(&g.without_own_craft, ", ")
                );
            }
        }
    }
}

/// A docked vehicle found unfit for crew return, from when and why.
fn unfit(report: &StationReport, u: &Unfit, out: &mut String, display: &TimeDisplay) {
    let precision = if u.from.precision() == crate::model::Precision::Day {
        ", day precision"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "\n{} unfit for crew return from {}{precision}:\n  {}{}",
        report.name(&u.vehicle),
        display.time(&u.from),
        u.cause,
        u.title
            .as_deref()
            .map(|t| format!("\n  {t}"))
            .unwrap_or_default()
    );
}

/// The slips of the flights in range, planned against actual, with their causes.
fn slips(report: &StationReport, out: &mut String, display: &TimeDisplay) {
    if !report.slips.is_empty() {
        out.push_str("\nSlips\n");
        for s in &report.slips {
            let days = match s.slip.days {
                Some(d) if d != 0 => format!(": {d:+} d"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {} {}{days}\n    planned {}, actual {}",
                report.name(&s.flight),
                s.what,
                display.time(&s.slip.planned),
                display.time(&s.slip.actual)
            );
            if !s.slip.causes.is_empty() {
                let refs: Vec<&str> = s.slip.causes.iter().map(|c| c.reference.as_str()).collect();
                let _ = writeln!(out, "    why: {}", refs.join(" ← "));
            }
        }
    }
}

impl Human for StationMoment {
    /// Who is aboard first, each with how long they have been up, then what is docked: the answer to
    /// "who is on Tiangong now", without the history.
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = format!(
            "{} at {} (times {})\n",
            self.name,
            display.instant(self.at),
            display.zone_heading()
        );
        let aboard = self.period.as_ref().map_or(0, |p| p.aboard.len());
        if self.groups.is_empty() && aboard == 0 {
            out.push_str("\nnobody aboard\n");
        }
        let mut may_have_landed = 0;
        for group in &self.groups {
            out.push_str(&super::names::aloft_group(
                group,
                display,
                &mut may_have_landed,
            ));
        }
        if let Some(period) = &self.period {
            let docked: Vec<&str> = period.docked.iter().map(|d| self.name(d)).collect();
            let _ = writeln!(
                out,
                "\ndocked: {}",
                if docked.is_empty() {
                    "nothing".to_string()
                } else {
                    docked.join(", ")
                }
            );
            let fit: Vec<&str> = period.fit.iter().map(|d| self.name(d)).collect();
            let _ = writeln!(
                out,
                "fit return seats: {}{}",
                period.fit_seats,
                if fit.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", fit.join(", "))
                }
            );
            if period.short > 0 {
                let _ = writeln!(out, "GAP: {} short of a fit return seat", period.short);
            }
        }
        for u in &self.unfit {
            let _ = writeln!(
                out,
                "{} unfit for crew return since {} ({})",
                self.name(&u.vehicle),
                display.time(&u.from),
                u.cause
            );
        }
        if self.past_last_check {
            let checked = self.last_check.as_ref().map_or("", |c| c.as_str());
            out.push_str(&super::names::after_last_check(checked, may_have_landed));
        }
        assumed(&self.assumptions, |id| self.name(id), &mut out);
        out
    }
}

/// The "Assumed" notes (`flight-id: what stands in`), each flight by its display name.
fn assumed<'a>(assumptions: &'a [String], name: impl Fn(&'a str) -> &'a str, out: &mut String) {
    if !assumptions.is_empty() {
        out.push_str("\nAssumed\n");
        for a in assumptions {
            match a.split_once(": ") {
                Some((id, what)) => {
                    let _ = writeln!(out, "  {}: {what}", name(id));
                }
                None => {
                    let _ = writeln!(out, "  {a}");
                }
            }
        }
    }
}
