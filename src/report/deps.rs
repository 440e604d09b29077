//! Human output of the dependency commands: `deps` and `why` as trees, `impact` and `critical` as
//! aligned lists. Times are shown in the display zone, named once in the heading.

use std::fmt::Write;

use super::{Human, TimeDisplay};
use crate::catalog::links::LinkKind;
use crate::deps::causes::WhyMoment;
use crate::deps::consequences::Consequence;
use crate::deps::tree::DepNode;
use crate::deps::{
    Because, BecauseKind, CriticalReport, DepsReport, ImpactReport, LinkView, MomentView, Subject,
    WhyReport,
};
use crate::model::format_compact;
use crate::output::escape::{pad, spaces};
use crate::timeline::format_delta;

/// `shenzhou-22/launch   2025-11-25 04:11:45`, with `planned` or `(no time)` where so; with `zone`, the
/// time carries its zone label (for output without a heading that names the zone).
fn moment_line(moment: &MomentView, display: &TimeDisplay) -> String {
    moment_text(moment, display, false)
}

fn moment_text(moment: &MomentView, display: &TimeDisplay, zone: bool) -> String {
    let show = |t| {
        if zone {
            display.time(t)
        } else {
            display.clock(t)
        }
    };
    let time = match &moment.time {
        Some(t) if moment.planned_only => format!("planned {}", show(t)),
        Some(t) => show(t),
        None => "(no time)".into(),
    };
    format!("{}   {time}", moment.reference)
}

/// `sequence, flown in 3 h 38 min` · `crew: Chen Dong, … (vehicle swap)` · `after, at least 1 d` ·
/// `caused_by`; several links joined with `; `.
fn links_text(links: &[LinkView]) -> String {
    links
        .iter()
        .map(|link| match link.kind {
            LinkKind::Sequence if link.rigid => format!(
                "sequence, flown in {}",
                format_compact(link.gap_seconds.unwrap_or(0))
            ),
            LinkKind::Crew => format!(
                "crew: {}{}",
                link.crew_names.join(", "),
                if link.swap { " (vehicle swap)" } else { "" }
            ),
            LinkKind::After => match link.gap_seconds {
                Some(gap) if gap > 0 => format!("after, at least {}", format_compact(gap)),
                _ => "after".into(),
            },
            kind => kind.as_str().to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn subject_heading(subject: &Subject) -> String {
    match subject {
        Subject::Moment { reference } => reference.clone(),
        Subject::Flight { id, name } => format!("{name} ({id}): every moment of the flight"),
        Subject::Stay {
            name,
            route: (up, down),
            ..
        } => match down {
            Some(down) => format!("{name}'s stay: up on {up}, down on {down}"),
            None => format!("{name}'s stay: up on {up}, in orbit"),
        },
    }
}

impl Human for DepsReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = format!(
            "{} (times {})\n",
            subject_heading(&self.subject),
            display.zone_heading()
        );
        let mut truncated = false;
        for (title, trees) in [
            ("Depends on", &self.upstream),
            ("Depended on by", &self.downstream),
        ] {
            let Some(trees) = trees else { continue };
            let _ = writeln!(out, "\n{title}:");
            let empty = trees.iter().all(|t| t.children.is_empty());
            if empty {
                out.push_str("  nothing\n");
                continue;
            }
            for tree in trees {
                let _ = writeln!(out, "  {}", root_line(&tree.moment, display));
                let count = tree.children.len();
                for (i, child) in tree.children.iter().enumerate() {
                    dep_lines(
                        &mut out,
                        child,
                        "  ",
                        i + 1 == count,
                        display,
                        &mut truncated,
                    );
                }
            }
        }
        if truncated {
            let _ = writeln!(
                out,
                "\n… marks where --depth {} cut the tree.",
                self.depth.unwrap_or(0)
            );
        }
        out
    }
}

fn root_line(moment: &MomentView, display: &TimeDisplay) -> String {
    titled(moment_line(moment, display), moment)
}

fn titled(mut line: String, moment: &MomentView) -> String {
    if let Some(title) = &moment.title {
        let _ = write!(line, "   {title}");
    }
    line
}

fn dep_lines(
    out: &mut String,
    node: &DepNode,
    prefix: &str,
    last: bool,
    display: &TimeDisplay,
    truncated: &mut bool,
) {
    let (connector, continuation) = if last {
        ("└─ ", "   ")
    } else {
        ("├─ ", "│  ")
    };
    let mut line = format!(
        "{prefix}{connector}{}   [{}]",
        moment_line(&node.moment, display),
        links_text(&node.via)
    );
    if node.repeated {
        line.push_str("   (repeated)");
    } else if node.truncated {
        line.push_str("   …");
        *truncated = true;
    }
    let _ = writeln!(out, "{line}");
    let inner = format!("{prefix}{continuation}");
    if let Some(title) = node.moment.title.as_ref().filter(|_| !node.repeated) {
        let bar = if node.children.is_empty() {
            "   "
        } else {
            "│  "
        };
        let _ = writeln!(out, "{inner}{bar}{title}");
    }
    let count = node.children.len();
    for (i, child) in node.children.iter().enumerate() {
        dep_lines(out, child, &inner, i + 1 == count, display, truncated);
    }
}

impl Human for WhyReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = String::new();
        for (i, WhyMoment { moment, causes }) in self.moments.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{}",
                titled(moment_text(moment, display, true), moment)
            );
            if causes.is_empty() {
                out.push_str(
                    "  no recorded cause: nothing in the catalog (`caused_by`, a vehicle swap, a schedule change) explains it\n",
                );
            }
            let count = causes.len();
            for (j, because) in causes.iter().enumerate() {
                because_lines(&mut out, because, " ", j + 1 == count, display);
            }
        }
        out
    }
}

fn because_lines(
    out: &mut String,
    because: &Because,
    prefix: &str,
    last: bool,
    display: &TimeDisplay,
) {
    let (connector, continuation) = if last {
        ("└─ ", "   ")
    } else {
        ("├─ ", "│  ")
    };
    let name = |n: &Option<String>| n.clone().unwrap_or_default();
    let mut lines: Vec<String> = match because.kind {
        BecauseKind::CausedBy | BecauseKind::ScheduleChange => {
            let Some(moment) = &because.moment else {
                return;
            };
            let lead = if because.kind == BecauseKind::ScheduleChange {
                "its planned time was moved by "
            } else {
                ""
            };
            let mut first = format!("{lead}{}", moment_text(moment, display, true));
            if let Some(title) = &moment.title {
                let _ = write!(first, "   {title}");
            }
            vec![first]
        }
        BecauseKind::NoFitReturnCraft => vec![
            format!(
                "because the {} crew had no fit return craft from {}",
                name(&because.flight_name),
                because
                    .since
                    .as_ref()
                    .map_or("?".into(), |t| display.time(t))
            ),
            format!(
                "(their {} took the {} crew home: vehicle swap)",
                name(&because.flight_name),
                name(&because.took_home_name)
            ),
        ],
        BecauseKind::UnfitForCrewReturn => vec![format!(
            "because {} was unfit for crew return",
            name(&because.flight_name)
        )],
    };
    let inner = format!("{prefix}{continuation}");
    let first = lines.remove(0);
    let _ = writeln!(out, "{prefix}{connector}{first}");
    for line in lines {
        let _ = writeln!(out, "{inner}{line}");
    }
    let count = because.causes.len();
    for (i, cause) in because.causes.iter().enumerate() {
        because_lines(out, cause, &format!("{inner} "), i + 1 == count, display);
    }
}

impl Human for ImpactReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = String::new();
        let Some(first) = self.moved.first() else {
            return "Nothing to move.\n".into();
        };
        let _ = writeln!(
            out,
            "Slip {} by {} (times {})",
            first.moment.reference,
            format_delta(self.slip_seconds),
            display.zone_heading()
        );
        let width = self
            .moved
            .iter()
            .map(|m| m.moment.reference.chars().count())
            .chain(
                self.absorbed
                    .iter()
                    .map(|a| a.moment.reference.chars().count()),
            )
            .max()
            .unwrap_or(0);
        let _ = writeln!(
            out,
            "\nMoves ({} moment{}):",
            self.moved.len(),
            if self.moved.len() == 1 { "" } else { "s" }
        );
        let spans: Vec<String> = self
            .moved
            .iter()
            .map(|m| {
                let from = m
                    .moment
                    .time
                    .as_ref()
                    .map_or("?".into(), |t| display.clock(t));
                format!("{from} → {}", display.clock(&m.to))
            })
            .collect();
        let span_width = spans.iter().map(|s| s.chars().count()).max().unwrap_or(0);
        for (m, span) in self.moved.iter().zip(&spans) {
            let why = match (&m.forced_by, m.via) {
                (Some(by), Some(kind)) => format!("   ({}, from {by})", kind.as_str()),
                _ => "   (the slip)".into(),
            };
            let mut line = String::from("  ");
            pad(&mut line, &m.moment.reference, width);
            line.push_str("  ");
            pad(&mut line, span, span_width);
            let _ = writeln!(out, "{line}   {}{why}", format_delta(m.by_seconds));
        }
        if !self.absorbed.is_empty() {
            out.push_str("\nAbsorbs it (slack):\n");
            for a in &self.absorbed {
                let time = a
                    .moment
                    .time
                    .as_ref()
                    .map_or("?".into(), |t| display.clock(t));
                let mut line = String::from("  ");
                pad(&mut line, &a.moment.reference, width);
                let _ = writeln!(
                    out,
                    "{line}  {time}   unmoved   (slack after {}: {} → {})",
                    a.waits_on,
                    format_compact(a.slack_before_seconds),
                    format_compact(a.slack_after_seconds),
                );
                if let Some(title) = &a.moment.title {
                    let _ = writeln!(out, "  {}  {title}", spaces(width));
                }
            }
        }
        for b in &self.bounded {
            let _ = writeln!(
                out,
                "\n{} has no time in the catalog; it can now be no earlier than {} (after {}).",
                b.moment.reference,
                display.instant(b.at_least),
                b.forced_by
            );
        }
        if !self.broken.is_empty() {
            out.push_str("\nBreaks:\n");
            for b in &self.broken {
                let gap = if b.gap_seconds > 0 {
                    format!(" + {}", format_compact(b.gap_seconds))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "  {} must follow {}{gap} ({}): {} too early",
                    first.moment.reference,
                    b.after.reference,
                    b.kind.as_str(),
                    format_compact(b.short_by_seconds)
                );
            }
        }
        out.push_str("\nConsequences:\n");
        if self.consequences.is_empty() {
            out.push_str("  none found (stays, crews' return craft, vehicles' rated time)\n");
        }
        for c in &self.consequences {
            consequence_lines(&mut out, c, display);
        }
        out
    }
}

fn change(before: i64, after: i64) -> String {
    format!(
        "{} → {} ({})",
        format_compact(before),
        format_compact(after),
        format_delta(after - before)
    )
}

fn consequence_lines(out: &mut String, consequence: &Consequence, display: &TimeDisplay) {
    match consequence {
        Consequence::ReturnCraftGap {
            crew_of_name,
            names,
            from,
            to_before,
            to_after,
            before_seconds,
            after_seconds,
            ..
        } => {
            let until = if to_before == to_after {
                display.time(to_after)
            } else {
                format!(
                    "{} (was {})",
                    display.time(to_after),
                    display.time(to_before)
                )
            };
            let _ = writeln!(
                out,
                "  {crew_of_name} crew ({}) without a fit return seat:\n    {}\n    from {} until {until}",
                names.join(", "),
                change(*before_seconds, *after_seconds),
                display.time(from),
            );
        }
        Consequence::Record {
            record,
            nation,
            label,
            before,
            after,
            seconds,
        } => {
            let what = match (before, after) {
                (false, true) => "would set",
                _ => "would no longer set",
            };
            let _ = writeln!(
                out,
                "  {label} ({}) {what} the {nation} record for {}",
                crate::timeline::format_seconds(*seconds, false),
                record.title()
            );
        }
        Consequence::StayLength {
            up_name,
            down_name: down,
            names,
            before_seconds,
            after_seconds,
            ..
        } => {
            let longer = if after_seconds > before_seconds {
                "longer"
            } else {
                "shorter"
            };
            let _ = writeln!(
                out,
                "  {up_name} crew's stay ({}, down on {down}) {longer}:\n    {}",
                names.join(", "),
                change(*before_seconds, *after_seconds)
            );
        }
        Consequence::RatedTime {
            name,
            rated_days,
            before_seconds,
            after_seconds,
            ..
        } => {
            let rated = i64::from(*rated_days) * 86_400;
            let verdict = match (*before_seconds > rated, *after_seconds > rated) {
                (false, true) => format!(
                    "now over its rated {rated_days} d by {}",
                    format_compact(after_seconds - rated)
                ),
                (true, false) => format!("now within its rated {rated_days} d"),
                _ => format!(
                    "over its rated {rated_days} d by {}",
                    format_compact(after_seconds - rated)
                ),
            };
            let _ = writeln!(
                out,
                "  {name} spacecraft in orbit {}: {verdict}",
                change(*before_seconds, *after_seconds)
            );
        }
    }
}

impl Human for CriticalReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = String::new();
        let (Some(first), Some(last)) = (self.path.first(), self.path.last()) else {
            return out;
        };
        let (from, to) = (&first.moment.reference, &last.moment.reference);
        let _ = writeln!(
            out,
            "Critical path {from} → {to} (times {})",
            display.zone_heading()
        );
        let _ = writeln!(
            out,
            "  {} apart as recorded; the constraints alone need {}.",
            format_compact(self.elapsed_seconds),
            format_compact(self.min_separation_seconds)
        );
        let _ = writeln!(
            out,
            "  {from} can slip {} before {to} moves.\n",
            format_compact(self.float_seconds)
        );
        let rows: Vec<[String; 4]> = self
            .path
            .iter()
            .map(|step| {
                let time = step
                    .moment
                    .time
                    .as_ref()
                    .map_or("?".into(), |t| display.clock(t));
                let next = step.next.as_ref().map_or(String::new(), |n| {
                    format!(
                        "{} (slack {})",
                        links_text(std::slice::from_ref(&n.link)),
                        format_compact(n.slack_seconds)
                    )
                });
                [
                    step.moment.reference.clone(),
                    time,
                    format_compact(step.float_seconds),
                    next,
                ]
            })
            .collect();
        let header = ["moment", "time", "float", "link to the next"];
        let widths: Vec<usize> = (0..3)
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([header[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in std::iter::once(header.map(String::from)).chain(rows) {
            let mut line = String::from("  ");
            for (cell, width) in row.iter().zip(&widths) {
                pad(&mut line, cell, *width);
                line.push_str("  ");
            }
            line.push_str(&row[3]);
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out
    }
}
