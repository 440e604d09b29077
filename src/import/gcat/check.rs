//! Cross-checking McDowell's two tables before anything is built from them.
//!
//! The tables are published together and describe each other: every person's `Missions` names launches
//! of the missions table, every launch's `Crew` says how many people list it, and both carry the same
//! `Updated` line. A table cut short (a download stopped at a line boundary, a file saved halfway) still
//! parses row by row; only these cross-checks show it. An import whose tables do not hold together is
//! refused with every disagreement located, so that a cut table never becomes a catalog that validates
//! and is silently wrong (people without flights, crewed flights "uncrewed").

use std::collections::HashMap;

use super::table::Table;
use super::{cell, Person, Ship};
use crate::catalog::Problem;

/// The most disagreements listed; past that, one line says how many more there are.
const SHOWN: usize = 20;

/// Every disagreement between the two tables.
pub(super) fn cross_check(
    missions: &Table,
    astro: &Table,
    ships: &[Ship],
    people: &[Person],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let (Some(m), Some(a)) = (&missions.updated, &astro.updated) {
        if m.split_whitespace().ne(a.split_whitespace()) {
            problems.push(
                Problem::in_file(
                    &astro.file,
                    format!(
                        "updated `{a}`, but the missions table `{}` was updated `{m}`",
                        missions.file
                    ),
                )
                .hint("download both tables again, at the same time"),
            );
        }
    }
    let tags: HashMap<&str, usize> = ships
        .iter()
        .enumerate()
        .map(|(i, s)| (s.tag.as_str(), i))
        .collect();
    // Each person's launches as read, with a list cut by the column width already recovered.
    let mut listed = vec![0usize; ships.len()];
    for person in people {
        for (ship, _) in &person.missions {
            listed[*ship] += 1;
        }
    }
    let mut unknown = Vec::new();
    for row in &astro.rows {
        let missions_cell = cell(astro, row, "Missions");
        for entry in missions_cell.text.split(',') {
            let Some((tag, _)) = entry.split_once('/') else {
                continue; // no role: a list cut by the column width, recovered later, or refused there
            };
            if !tags.contains_key(tag.trim()) {
                unknown.push(
                    astro
                        .problem(
                            missions_cell,
                            format!(
                                "{} lists launch `{}`, which has no row in the missions table `{}`",
                                cell(astro, row, "Name").text,
                                tag.trim(),
                                missions.file
                            ),
                        )
                        .hint("the missions table may be cut short: download both tables again"),
                );
            }
        }
    }
    let short: Vec<Problem> = ships
        .iter()
        .zip(&listed)
        .filter(|(ship, n)| ship.crew > **n)
        .map(|(ship, n)| {
            Problem::in_file(
                &missions.file,
                format!(
                    "{} ({}) flew {} people, but {} of them in the astronaut table `{}`",
                    ship.name,
                    ship.tag,
                    ship.crew,
                    if *n == 0 {
                        "none".to_string()
                    } else {
                        format!("only {n}")
                    },
                    astro.file
                ),
            )
            .hint("the astronaut table may be cut short: download both tables again")
        })
        .collect();
    for list in [unknown, short] {
        let more = list.len().saturating_sub(SHOWN);
        problems.extend(list.into_iter().take(SHOWN));
        if more > 0 {
            problems.push(Problem::in_file(
                &missions.file,
                format!("… and {more} more like the one above"),
            ));
        }
    }
    problems
}
