//! `records`: a ranking, and how the record moved.

use std::fmt::Write;

use super::table;
use crate::report::{Human, TimeDisplay};
use crate::timeline::format_elapsed;
use crate::timeline::records::{RecordEntry, RecordsReport};

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
        if self.entries.is_empty() {
            out.push_str("nothing in this scope\n");
        } else {
            let rows: Vec<Vec<String>> = self
                .entries
                .iter()
                .map(|e| {
                    vec![
                        format!("{}.", e.rank),
                        who(e),
                        figure(e, display),
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
                    let beat = match s.margin_seconds {
                        Some(m) => format!(
                            "+{}{}",
                            crate::timeline::format_seconds(m, false),
                            if s.margin_uncertain {
                                " (within precision)"
                            } else {
                                ""
                            },
                        ),
                        None => "first".into(),
                    };
                    vec![
                        display.date(&s.set),
                        s.record.label.clone(),
                        figure(&s.record, display),
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

fn figure(e: &RecordEntry, display: &TimeDisplay) -> String {
    let text = format_elapsed(&e.elapsed);
    if e.ongoing {
        display.open_figure(&text)
    } else {
        text
    }
}
