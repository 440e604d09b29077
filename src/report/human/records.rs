//! `records`: a ranking, and how the record moved.

use std::fmt::Write;

use super::table;
use crate::report::{Human, TimeDisplay};
use crate::timeline::records::{RecordEntry, RecordKind, RecordsReport};
use crate::timeline::{day_precision_ends, format_elapsed};

impl Human for RecordsReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = format!(
            "{} ({}; {}), as of {}\n",
            capitalised(self.kind.title()),
            self.scope.describe(),
            self.scope.orbit_text(),
            display.instant(self.as_of)
        );
        let _ = writeln!(
            out,
            "catalog {} (the ranking covers it only)\n",
            self.catalog
        );
        if let Some(reason) = &self.empty_reason {
            let _ = writeln!(out, "{reason}");
        } else if self.entries.is_empty() {
            out.push_str("nothing in this scope\n");
        } else {
            imprecise_note(&mut out, self);
            let rows: Vec<Vec<String>> = self
                .entries
                .iter()
                .map(|e| {
                    vec![
                        match e.rank_at_worst {
                            Some(worst) => format!("{}–{worst}.", e.rank),
                            None => format!("{}.", e.rank),
                        },
                        who(e),
                        figure(e, self.kind, display),
                        e.end
                            .as_ref()
                            .map_or_else(|| "ongoing".into(), |t| display.date(t)),
                    ]
                })
                .collect();
            out.push_str(&table(&["#", "who", "time", "ended"], &rows));
        }
        if !self.may_have_ended.is_empty() {
            let _ = writeln!(
                out,
                "\nstill in orbit when last checked, counted so far (they may have ended since): {}",
                self.may_have_ended.join(", ")
            );
        }
        if let Some(steps) = &self.progression {
            out.push_str("\nHow the record moved\n");
            let rows: Vec<Vec<String>> = steps
                .iter()
                .map(|s| {
                    let beat = s.margin_text().unwrap_or_else(|| "first".into());
                    vec![
                        display.date(&s.set),
                        s.record.label.clone(),
                        figure(&s.record, self.kind, display),
                        beat,
                    ]
                })
                .collect();
            out.push_str(&table(&["set", "who", "time", "margin"], &rows));
        }
        out
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

fn who(e: &RecordEntry) -> String {
    let mut text = if e.route.is_empty() {
        e.label.clone()
    } else {
        format!("{} ({})", e.label, e.route)
    };
    if !e.marks.is_empty() {
        text.push_str(&format!(" [{}]", e.marks.join("; ")));
    }
    text
}

/// Before the table, when the data leaves figures or places undecided: how many entries in scope have a
/// time known only to the day, and the rule that ranks them (docs/figures.md).
fn imprecise_note(out: &mut String, report: &RecordsReport) {
    let undecided = report.entries.iter().any(|e| e.rank_at_worst.is_some());
    match report.imprecise {
        0 if !undecided => return,
        0 => {}
        1 => {
            out.push_str("1 entry in scope has a time known only to the day: its time is a range\n")
        }
        n => {
            let _ = writeln!(
                out,
                "{n} entries in scope have a time known only to the day: their times are ranges"
            );
        }
    }
    out.push_str(
        "ranked by the least each can be; where ranges overlap, the place is a range (2–5.)\n",
    );
    out.push('\n');
}

fn figure(e: &RecordEntry, kind: RecordKind, display: &TimeDisplay) -> String {
    let mut text = format_elapsed(&e.elapsed);
    if e.elapsed.figure().is_none() {
        let which = match kind {
            RecordKind::Cumulative | RecordKind::EvaTotal => Some("some times known to the day"),
            _ => e
                .start
                .as_ref()
                .and_then(|start| day_precision_ends(start, e.end.as_ref())),
        };
        if let Some(which) = which {
            text = format!("{text}; {which}");
        }
    }
    if e.ongoing {
        display.open_figure(&text)
    } else {
        text
    }
}
