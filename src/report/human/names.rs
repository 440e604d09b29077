//! `find`, `list --astronauts` and `aloft`.

use std::fmt::Write;

use super::{plural, table};
use crate::catalog::names::{Candidate, Kind, NameError, Rule};
use crate::catalog::Problem;
use crate::report::{Human, OpenFigures, TimeDisplay};
use crate::timeline::aloft::{AloftGroup, AloftReport, Place};
use crate::timeline::format_elapsed;
use crate::timeline::people::{AstronautList, FindReport};

/// `2013-06-11 – 2022-04-16`, `2025-04-24 – in space`, or `never flew`.
pub(crate) fn candidate_dates(c: &Candidate, display: &TimeDisplay) -> String {
    match (&c.from, &c.to) {
        (None, _) => "never flew".into(),
        (Some(from), _) if c.open => format!(
            "{} – {}",
            display.date(from),
            if c.kind == Kind::Astronaut {
                "in space"
            } else {
                "in orbit"
            }
        ),
        (Some(from), Some(to)) => format!("{} – {}", display.date(from), display.date(to)),
        (Some(from), None) => display.date(from),
    }
}

/// What tells a candidate apart: `Wang Yaping (王亚平), astronaut, CN, 2013-06-11 – 2022-04-16`.
fn candidate_line(c: &Candidate, display: &TimeDisplay) -> String {
    let native = c
        .native_name
        .as_ref()
        .map_or(String::new(), |n| format!(" ({n})"));
    format!(
        "{}{native}, {}, {}, {}",
        c.name,
        c.kind.as_str(),
        c.nation,
        candidate_dates(c, display)
    )
}

fn rule_text(rule: Rule) -> &'static str {
    match rule {
        Rule::Id => "id",
        Rule::Name => "name",
        Rule::Alias => "alias",
        Rule::GivenAndFamily => "given and family name",
        Rule::FamilyName => "first or last name",
        Rule::GivenNamePrefix => "start or short form of a given name",
        Rule::Contains => "part of a name",
    }
}

impl Human for FindReport {
    fn human(&self, display: &TimeDisplay) -> String {
        if self.matches.is_empty() {
            return format!("nothing in the catalog is named like `{}`\n", self.query);
        }
        let rows: Vec<Vec<String>> = self
            .matches
            .iter()
            .map(|c| {
                vec![
                    c.kind.as_str().to_string(),
                    c.id.clone(),
                    c.name.clone(),
                    c.nation.clone(),
                    candidate_dates(c, display),
                    rule_text(c.matched).to_string(),
                ]
            })
            .collect();
        let mut out = table(
            &["kind", "id", "name", "nation", "dates", "matched by"],
            &rows,
        );
        let _ = writeln!(
            out,
            "{} match{} for `{}`",
            rows.len(),
            if rows.len() == 1 { "" } else { "es" },
            self.query
        );
        out
    }
}

impl Human for AstronautList {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut uncertain = false;
        let mut open = false;
        let rows: Vec<Vec<String>> = self
            .astronauts
            .iter()
            .map(|a| {
                let mut total = format_elapsed(&a.total);
                uncertain |= a.total.figure().is_none();
                if a.in_space {
                    total.push_str(" +");
                    open = true;
                }
                vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.nation.clone(),
                    a.flights.to_string(),
                    a.first_launch
                        .as_ref()
                        .map_or("-".into(), |t| display.date(t)),
                    total,
                ]
            })
            .collect();
        let mut out = table(
            &[
                "astronaut",
                "name",
                "nation",
                "flights",
                "first launch",
                "time in space",
            ],
            &rows,
        );
        let _ = writeln!(out, "{} astronaut{}", rows.len(), plural(rows.len()));
        if uncertain {
            out.push_str(
                "a time in space given as a range: a launch or landing is known only to the day\n",
            );
        }
        if open {
            let how = match display.open {
                OpenFigures::SoFar => "counted so far (to --now)".to_string(),
                OpenFigures::AtLastCheck(date) => {
                    format!("counted to the catalog's last check ({date}): at least that")
                }
                OpenFigures::Extrapolated => {
                    "counted to --now, past the catalog's last check: extrapolated".to_string()
                }
            };
            let _ = writeln!(out, "+ still in space: {how}");
        }
        out
    }
}

impl Human for AloftReport {
    fn human(&self, display: &TimeDisplay) -> String {
        let mut out = String::new();
        let when = display.instant(self.at);
        let checked = self
            .last_check
            .as_ref()
            .map(|c| c.as_str().to_string())
            .unwrap_or_default();
        let when = if self.at_last_check && !checked.is_empty() {
            format!("{when}, the catalog's last check")
        } else {
            when
        };
        if self.count == 0 {
            let _ = writeln!(out, "Nobody was in space at {when}.");
        } else {
            let _ = writeln!(
                out,
                "{} {} in space at {when}.",
                self.count,
                if self.count == 1 {
                    "person was"
                } else {
                    "people were"
                }
            );
        }
        let mut may_have_landed = 0;
        for group in &self.groups {
            out.push_str(&aloft_group(group, display, &mut may_have_landed));
        }
        if self.past_last_check {
            out.push_str(&after_last_check(&checked, may_have_landed));
        }
        out
    }
}

/// The note for a moment after the catalog's last check (`checked`): who may have landed, and that later
/// launches are missing.
pub(crate) fn after_last_check(checked: &str, may_have_landed: usize) -> String {
    let landed = match may_have_landed {
        0 => String::new(),
        1 => "the one marked * may have landed since, and ".into(),
        n => format!("the {n} marked * may have landed since, and "),
    };
    format!(
        "\nThis is after the catalog's last check ({checked}): {landed}launches after it are not \
         in the catalog.\n"
    )
}

/// One group of `aloft` (a station, or a spacecraft), its heading and a line per person; counts those who
/// may have landed since the last check into `may_have_landed`. `station --at` shows its groups the same way.
pub(crate) fn aloft_group(
    group: &AloftGroup,
    display: &TimeDisplay,
    may_have_landed: &mut usize,
) -> String {
    let heading = match (&group.place, &group.leg) {
        (Place::Station, _) => format!("aboard {}", group.name),
        (Place::Spacecraft, Some(leg)) if leg.direction == "to" => {
            format!("in {}, on the way to {}", group.name, leg.station_name)
        }
        (Place::Spacecraft, Some(leg)) => {
            format!(
                "in {}, on the way home from {}",
                group.name, leg.station_name
            )
        }
        (Place::Spacecraft, None) => format!("in {}", group.name),
    };
    let mut out = format!("\n{} ({}):\n", heading, group.people.len());
    let rows: Vec<Vec<String>> = group
        .people
        .iter()
        .map(|p| {
            // A launch known only to the day: the range, rounded outwards.
            let mut up = format_elapsed(&p.elapsed);
            if p.uncertain {
                up.push_str(" (launch or landing too near to tell)");
            }
            if p.may_have_landed {
                up.push_str(" *");
                *may_have_landed += 1;
            }
            vec![
                format!("  {}", p.name),
                p.nation.clone(),
                format!("up on {} since {}", p.up_name, display.time(&p.since)),
                up,
            ]
        })
        .collect();
    let table = table(&["", "", "", ""], &rows);
    // The table's header row is empty: drop it.
    out.push_str(table.split_once('\n').map_or("", |(_, rest)| rest));
    out
}

/// The problem for a name that names nothing or several things, with the candidates.
pub fn problem(error: &NameError) -> Problem {
    let display = TimeDisplay::default();
    let lines = |candidates: &[Candidate]| {
        let width = candidates
            .iter()
            .map(|c| c.id.chars().count())
            .max()
            .unwrap_or(0);
        candidates
            .iter()
            .map(|c| {
                let pad = width - c.id.chars().count();
                format!("\n    {}{:pad$}  {}", c.id, "", candidate_line(c, &display))
            })
            .collect::<String>()
    };
    match error {
        NameError::Ambiguous { candidates, .. } => {
            Problem::on_command_line(format!("{error}:{}", lines(candidates)))
                .hint("name one by its id; `orbitline find TEXT` lists what a name may mean")
        }
        NameError::Unknown {
            text,
            what,
            suggestions,
            other_kinds,
        } => {
            let problem = Problem::on_command_line(error.to_string());
            if !other_kinds.is_empty() {
                let person = other_kinds.iter().find(|c| c.kind == Kind::Astronaut);
                let stay = match person {
                    Some(p) if what == "flight" => format!(
                        "\n  a person's stay is ASTRONAUT@FLIGHT, the flight that took them up: {}@FLIGHT",
                        p.id
                    ),
                    _ => String::new(),
                };
                return problem.hint(format!(
                    "`{text}` names something this command does not take (it takes a {what}):{}{stay}",
                    lines(other_kinds)
                ));
            }
            match suggestions.as_slice() {
                [] => problem.hint("`orbitline find TEXT` searches names; `orbitline list` shows every flight, `orbitline list --astronauts` every person"),
                [one] => problem.hint(format!("did you mean `{}`? ({})", one.id, candidate_line(one, &display))),
                many => problem.hint(format!("did you mean one of these?{}", lines(many))),
            }
        }
    }
}
