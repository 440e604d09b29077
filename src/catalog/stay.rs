//! Stays: a person's time in space from the launch that carried them up to the landing that brought them
//! down, derived from the per-end crew lists of the flights.

use std::borrow::Borrow;

use serde::Serialize;

use crate::model::{Flight, Time};

/// One person's stay in space: up on one flight, down on the same or another.
///
/// ```
/// use orbitline::catalog::Stay;
/// use orbitline::model::Time;
///
/// let stay = Stay {
///     astronaut: "chen-dong".into(),
///     role: Some("commander".into()),
///     seat: 0,
///     up: "shenzhou-20".into(),
///     down: Some("shenzhou-21".into()),
///     start: Time::parse("2025-04-24T17:17:31+08:00")?,
///     end: Some(Time::parse("2025-11-14T16:40:31+08:00")?),
///     planned_end: None,
/// };
/// assert!(stay.is_vehicle_swap());
/// # Ok::<(), orbitline::model::TimeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, bincode::Encode, bincode::Decode)]
pub struct Stay {
    /// The astronaut's id.
    pub astronaut: String,
    /// Their role on the way up, where the data gives one.
    pub role: Option<String>,
    /// Their place in the up flight's launch crew list (the commander is usually 0).
    pub seat: usize,
    /// The flight that carried them up.
    pub up: String,
    /// The flight that brought them down; `None` while no landing lists them.
    pub down: Option<String>,
    /// The launch of the up flight.
    pub start: Time,
    /// The landing of the down flight; `None` while in orbit (or when the down flight's landing has no
    /// time yet).
    pub end: Option<Time>,
    /// The planned landing of the up flight: when they were scheduled to come home.
    pub planned_end: Option<Time>,
}

impl Stay {
    /// True when they came down on another vehicle than the one that took them up.
    pub fn is_vehicle_swap(&self) -> bool {
        self.down.as_deref().is_some_and(|down| down != self.up)
    }
}

/// Which end of a flight a crew list belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrewEnd {
    /// `launch.crew`.
    Launch,
    /// `landing.crew`.
    Landing,
}

/// A crew list entry that cannot be part of a consistent stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrewIssue {
    /// Index of the flight in the slice given to [`derive_stays`].
    pub flight: usize,
    /// Which crew list.
    pub end: CrewEnd,
    /// Index in that crew list.
    pub index: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

#[derive(Clone, Copy)]
struct Mark<'a> {
    astronaut: &'a str,
    flight: usize,
    index: usize,
    time: Option<&'a Time>,
    up: bool,
}

impl Mark<'_> {
    /// A person's marks in time order; a landing without a time (still to come) last; an up before a down
    /// at the same instant (a flight that launched and landed on the same day, at day precision); then
    /// in flight order, and crew list order.
    fn key(&self) -> impl Ord + '_ {
        (
            self.astronaut,
            self.time.is_none(),
            self.time.map(Time::instant),
            !self.up,
            self.flight,
            self.index,
        )
    }
}

/// Derives every stay from the flights' crew lists, ordered by start then astronaut, and reports the crew
/// entries that do not pair up (down before up, up twice without coming down).
///
/// One sort of every crew entry by person and time, then each person's entries paired on every core.
pub fn derive_stays<F: Borrow<Flight>>(flights: &[F]) -> (Vec<Stay>, Vec<CrewIssue>) {
    use rayon::prelude::*;
    let flights: Vec<&Flight> = flights.iter().map(Borrow::borrow).collect();
    let flights = flights.as_slice();
    let mut marks: Vec<Mark> = Vec::new();
    for (f, flight) in flights.iter().enumerate() {
        if let Some(time) = flight.launch.time.as_ref() {
            for (i, member) in flight.launch.crew.iter().enumerate() {
                marks.push(Mark {
                    astronaut: &member.astronaut,
                    flight: f,
                    index: i,
                    time: Some(time),
                    up: true,
                });
            }
        }
        for (i, member) in flight.landing_crew().iter().enumerate() {
            marks.push(Mark {
                astronaut: &member.astronaut,
                flight: f,
                index: i,
                time: flight.landing_time(),
                up: false,
            });
        }
    }
    marks.par_sort_unstable_by(|a, b| a.key().cmp(&b.key()));
    let per_person: Vec<(Vec<Stay>, Vec<CrewIssue>)> = marks
        .chunk_by(|a, b| a.astronaut == b.astronaut)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|marks| pair(flights, marks))
        .collect();
    drop(marks);
    let mut stays = Vec::with_capacity(per_person.iter().map(|(s, _)| s.len()).sum());
    let mut issues = Vec::new();
    for (s, i) in per_person {
        stays.extend(s);
        issues.extend(i);
    }
    sort(&mut stays);
    (stays, issues)
}

/// Puts stays in their order: by start, then up flight, then seat. Stays are large: their keys are sorted,
/// then the stays moved into place where they are.
pub(crate) fn sort(stays: &mut [Stay]) {
    use rayon::prelude::*;
    let mut order: Vec<(&Time, &str, usize, usize)> = stays
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.start, s.up.as_str(), s.seat, i))
        .collect();
    order.par_sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(.., i)| i).collect();
    permute(stays, &order);
}

/// Reorders `items` in place so that `items[i]` becomes what was at `order[i]` (`order` is a permutation),
/// following each cycle of the permutation with swaps: no second buffer of large items.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        if placed[start] {
            continue;
        }
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// One person's marks, in order, paired into stays; the marks that do not pair up are issues.
fn pair(flights: &[&Flight], marks: &[Mark]) -> (Vec<Stay>, Vec<CrewIssue>) {
    let astronaut = marks[0].astronaut;
    let mut stays = Vec::new();
    let mut issues = Vec::new();
    let mut open: Option<&Mark> = None;
    let mut last_down: Option<&Mark> = None;
    for (position, mark) in marks.iter().enumerate() {
        let flight = &flights[mark.flight];
        if mark.up {
            if let Some(previous) = open {
                issues.push(CrewIssue {
                    flight: mark.flight,
                    end: CrewEnd::Launch,
                    index: mark.index,
                    message: format!(
                        "{astronaut} goes up on {} before coming down from {} (launched {})",
                        flight.id,
                        flights[previous.flight].id,
                        flights[previous.flight].launch.time.as_ref().map_or("?", |t| t.as_str()),
                    ),
                    hint: format!(
                        "list {astronaut} in the landing crew of the flight that brought them home from {}",
                        flights[previous.flight].id
                    ),
                });
            }
            open = Some(mark);
        } else if let Some(up) = open.take() {
            last_down = Some(mark);
            stays.push(stay(flights, astronaut, up, Some(mark)));
        } else {
            let next_up = marks[position..].iter().find(|m| m.up);
            let message = match (last_down, next_up) {
                (Some(previous), _) => format!(
                    "{astronaut} comes down on {} ({}) but had already come down on {} ({}) and not gone up again",
                    flight.id,
                    mark.time.map_or("time not known", |t| t.as_str()),
                    flights[previous.flight].id,
                    previous.time.map_or("time not known", |t| t.as_str()),
                ),
                (None, Some(next)) => format!(
                    "{astronaut} comes down on {} ({}) before going up (their next launch is {}, {})",
                    flight.id,
                    mark.time.map_or("time not known", |t| t.as_str()),
                    flights[next.flight].id,
                    next.time.map_or("?", |t| t.as_str())
                ),
                (None, None) => format!(
                    "{astronaut} comes down on {} without having gone up on any flight",
                    flight.id
                ),
            };
            issues.push(CrewIssue {
                flight: mark.flight,
                end: CrewEnd::Landing,
                index: mark.index,
                message,
                hint: format!(
                    "list {astronaut} in the launch crew of the flight that took them up, or remove them from {}'s landing crew",
                    flight.id
                ),
            });
        }
    }
    if let Some(up) = open {
        stays.push(stay(flights, astronaut, up, None));
    }
    (stays, issues)
}

/// The stay that began at `up` and ended at `down` (`None`: still in orbit).
fn stay(flights: &[&Flight], astronaut: &str, up: &Mark, down: Option<&Mark>) -> Stay {
    let up_flight = &flights[up.flight];
    Stay {
        astronaut: astronaut.to_string(),
        role: up_flight.launch.crew[up.index].role.clone(),
        seat: up.index,
        up: up_flight.id.clone(),
        down: down.map(|d| flights[d.flight].id.clone()),
        start: up.time.cloned().expect("up marks have a time"),
        end: down.and_then(|d| d.time.cloned()),
        planned_end: up_flight.planned_landing().cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let orders: [&[usize]; 6] = [
            &[2, 0, 1],
            &[1, 2, 0],
            &[0, 1, 2],
            &[1, 0, 3, 2],
            &[3, 2, 1, 0, 4],
            &[],
        ];
        for order in orders {
            let mut items: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            let expected: Vec<usize> = order.iter().map(|&i| i * 10).collect();
            permute(&mut items, order);
            assert_eq!(items, expected, "{order:?}");
        }
    }
}
