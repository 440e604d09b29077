//! Which landing ended each stay: each person's launches matched to landings so that their stays add up to
//! their exact total ([`super::infer`]), and the ships with no row (they launched uncrewed) that a crew's
//! totals show they came home on.

use std::collections::{BTreeMap, HashMap};

use super::infer::{self, Candidate, Solution};
use super::ships::seconds;
use super::{GcatSummary, Landing, Person, Phantom, Ship, Wanted};
use crate::import::Note;
use crate::model::{Precision, Time};

/// Ships that launched uncrewed (so the crewed-flight tables have no row for them) and brought home the
/// crew of another ship: (the crew's up ship HSFTAG, id, name, launch time, source of the launch time).
/// Only their names and launches come from here; when they landed is inferred from the crews' totals.
pub(super) const UNCREWED_RETURN_SHIPS: [(&str, &str, &str, &str, &str); 3] = [
    (
        "S32",
        "soyuz-34",
        "Soyuz-34",
        "1979-06-06T18:12:41Z",
        "https://en.wikipedia.org/wiki/Soyuz_34",
    ),
    (
        "MS22",
        "soyuz-ms-23",
        "Soyuz MS-23",
        "2023-02-24T00:24Z",
        "https://en.wikipedia.org/wiki/Soyuz_MS-23",
    ),
    (
        "SZ21",
        "shenzhou-22",
        "Shenzhou 22",
        "2025-11-25T04:11:45Z",
        "https://en.wikipedia.org/wiki/Shenzhou_22",
    ),
];

/// For each imported person, the landing that ended each of their stays (in the order of their
/// missions), and the flights created for ships with no row.
pub(super) fn infer_landings(
    ships: &[Ship],
    people: &[Person],
    snapshot: Option<&Time>,
    summary: &mut GcatSummary,
) -> (Vec<Vec<Landing>>, Vec<Phantom>) {
    // Imported ships that came back, by landing time, to find the landings in a window quickly.
    let mut by_end: Vec<(i64, usize)> = ships
        .iter()
        .enumerate()
        .filter(|(_, s)| s.imported)
        .filter_map(|(i, s)| s.end.as_ref().map(|e| (seconds(e), i)))
        .collect();
    by_end.sort();
    let mut landings: Vec<Vec<Landing>> = vec![Vec::new(); people.len()];
    let mut wanted: Vec<Wanted> = Vec::new();
    for (p, person) in people.iter().enumerate() {
        if !person.imported {
            continue;
        }
        let fit = Fit {
            ships,
            by_end: &by_end,
            snapshot,
        };
        let (chosen, want) = fit.person(p, person, summary);
        landings[p] = chosen;
        wanted.extend(want);
    }
    let phantoms = resolve_phantoms(ships, people, wanted, &mut landings, summary);
    (landings, phantoms)
}

/// What fitting one person's stays to their total needs.
struct Fit<'a> {
    ships: &'a [Ship],
    /// Imported ships that came back: (landing in seconds, ship), by time.
    by_end: &'a [(i64, usize)],
    snapshot: Option<&'a Time>,
}

impl Fit<'_> {
    /// The landings of `person`'s stays that add up to their total, or the default (each on its own ship)
    /// with the reason in `summary`; and, when only a ship with no row fits, what the total wants of it.
    fn person(
        &self,
        p: usize,
        person: &Person,
        summary: &mut GcatSummary,
    ) -> (Vec<Landing>, Option<Wanted>) {
        let ships = self.ships;
        let stays: Vec<usize> = person
            .missions
            .iter()
            .map(|(s, _)| *s)
            .filter(|s| ships[*s].imported)
            .collect();
        let skipped: i64 = person
            .missions
            .iter()
            .filter(|(s, _)| !ships[*s].imported)
            .filter_map(|(s, _)| {
                let ship = &ships[*s];
                ship.end
                    .as_ref()
                    .map(|e| seconds(e) - seconds(&ship.launch))
            })
            .sum();
        if skipped > 0 {
            summary.totals_with_skipped_time += 1;
        }
        let default: Vec<Landing> = stays
            .iter()
            .map(|s| match ships[*s].end {
                Some(_) => Landing::Ship(*s),
                None => Landing::Open,
            })
            .collect();
        if let Some(problem) = &person.problem {
            summary
                .unresolved
                .push(Note::new(person.name.clone(), problem.clone()));
            return (default, None);
        }
        let Some((total, in_space)) = person.total else {
            return (default, None);
        };
        if in_space {
            summary.in_space += 1;
        }
        if in_space && self.snapshot.is_none() {
            return (default, None);
        }
        let target = total - skipped;
        let candidates = self.candidates(&stays, in_space);
        match infer::solve(&candidates, target) {
            Solution::Unique(choice, cost) => {
                let chosen: Vec<Landing> = choice
                    .iter()
                    .zip(&candidates)
                    .map(|(&k, options)| options[k].landing)
                    .collect();
                if in_space {
                    summary.in_space_matched += 1;
                } else if cost == 0 {
                    summary.matched_exactly += 1;
                } else {
                    summary.matched_by_inference += 1;
                }
                for (k, landing) in chosen.iter().enumerate() {
                    if let (Landing::Ship(down), true) = (landing, *landing != default[k]) {
                        summary.inferred.push(Note::new(
                            person.name.clone(),
                            format!(
                                "up on {}, down on {}",
                                ships[stays[k]].name, ships[*down].name
                            ),
                        ));
                    }
                }
                (chosen, None)
            }
            Solution::Ambiguous => {
                summary.unresolved.push(Note::new(
                    person.name.clone(),
                    "more than one choice of landings adds up to the total with the same number of ship changes",
                ));
                (default, None)
            }
            Solution::None => {
                match self.unrowed_landing(p, &stays, &candidates, target, in_space) {
                    Some(wanted) => (default, Some(wanted)),
                    None => {
                        let own: i64 = candidates
                            .iter()
                            .map(|c| c.first().map_or(0, |c| c.seconds))
                            .sum();
                        summary.unresolved.push(Note::new(
                        person.name.clone(),
                        format!(
                            "no choice of landings in the table adds up to the total ({} s {} than landing on their own ships)",
                            (target - own).abs(),
                            if target > own { "more" } else { "less" }
                        ),
                    ));
                        (default, None)
                    }
                }
            }
        }
    }

    /// For each stay (the up ship), the landings it could have ended on: its own ship, or another one at
    /// the same station that landed while the person was up and before their next launch.
    fn candidates(&self, stays: &[usize], in_space: bool) -> Vec<Vec<Candidate<Landing>>> {
        let ships = self.ships;
        let mut candidates = Vec::new();
        for (k, s) in stays.iter().enumerate() {
            let ship = &ships[*s];
            let up = seconds(&ship.launch);
            let next = stays.get(k + 1).map(|n| seconds(&ships[*n].launch));
            let last = k + 1 == stays.len();
            if in_space && last {
                let now = self.snapshot.map_or(up, seconds);
                candidates.push(vec![Candidate {
                    landing: Landing::Open,
                    seconds: now - up,
                    cost: 0,
                }]);
                continue;
            }
            let mut options = Vec::new();
            if let Some(end) = &ship.end {
                options.push(Candidate {
                    landing: Landing::Ship(*s),
                    seconds: seconds(end) - up,
                    cost: 0,
                });
            }
            let from = self.by_end.partition_point(|(e, _)| *e <= up);
            for &(end, other) in &self.by_end[from..] {
                if next.is_some_and(|n| end >= n) {
                    break;
                }
                if other != *s && ships[other].station == ship.station {
                    options.push(Candidate {
                        landing: Landing::Ship(other),
                        seconds: end - up,
                        cost: 1,
                    });
                }
            }
            candidates.push(options);
        }
        candidates
    }

    /// A stay that outlasted its own ship's landing, at a station, might have ended on a ship that
    /// launched uncrewed and so has no row. First only the stays of crews a known uncrewed ship brought
    /// home; failing that, any (to say what the total implies).
    fn unrowed_landing(
        &self,
        p: usize,
        stays: &[usize],
        candidates: &[Vec<Candidate<Landing>>],
        target: i64,
        in_space: bool,
    ) -> Option<Wanted> {
        let ships = self.ships;
        let known = |tag: &str| UNCREWED_RETURN_SHIPS.iter().any(|r| r.0 == tag);
        let mut found: Option<(usize, Vec<infer::FreeOption>)> = None;
        'search: for only_known in [true, false] {
            for (k, s) in stays.iter().enumerate() {
                let ship = &ships[*s];
                let (Some(end), Some(_)) = (&ship.end, &ship.station) else {
                    continue;
                };
                if (in_space && k + 1 == stays.len()) || (only_known && !known(&ship.tag)) {
                    continue;
                }
                let up = seconds(&ship.launch);
                let lower = seconds(end) - up;
                let upper = stays.get(k + 1).map(|n| seconds(&ships[*n].launch) - up);
                let options = infer::free_options(candidates, k, target, |l| {
                    l > lower && upper.is_none_or(|u| l < u)
                });
                if !options.is_empty() {
                    found = Some((k, options));
                    break 'search;
                }
            }
        }
        let (k, options) = found?;
        let up = seconds(&ships[stays[k]].launch);
        let precision = stays
            .iter()
            .map(|s| ships[*s].launch.precision())
            .min()
            .unwrap_or(Precision::Second);
        let options = options
            .into_iter()
            .map(|o| {
                let chosen = o
                    .choice
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| candidates[i].get(c).map_or(Landing::Open, |c| c.landing))
                    .collect();
                (up + o.length, o.cost, o.ambiguous, chosen)
            })
            .collect();
        Some(Wanted {
            person: p,
            stay: k,
            up: stays[k],
            precision,
            options,
        })
    }
}

/// Groups the landings on ships with no row by the crew's up ship: crewmates must agree on the landing, to
/// the second. A known uncrewed ship they all agree on becomes a flight; anything else is reported.
fn resolve_phantoms(
    ships: &[Ship],
    people: &[Person],
    wanted: Vec<Wanted>,
    landings: &mut [Vec<Landing>],
    summary: &mut GcatSummary,
) -> Vec<Phantom> {
    let mut groups: BTreeMap<usize, Vec<Wanted>> = BTreeMap::new();
    for w in wanted {
        groups.entry(w.up).or_default().push(w);
    }
    let mut phantoms = Vec::new();
    for (up, members) in groups {
        let ship = &ships[up];
        let known = UNCREWED_RETURN_SHIPS.iter().find(|r| r.0 == ship.tag);
        let launched = known
            .and_then(|k| Time::parse(k.3).ok())
            .map_or(i64::MIN, |t| seconds(&t));
        let at_best = common_landings(&members, launched);
        if let Some(reason) = phantom_problem(ship, known, &members, &at_best) {
            for member in &members {
                let person = &people[member.person];
                summary
                    .unresolved
                    .push(Note::new(person.name.clone(), reason.clone()));
            }
            continue;
        }
        let landing = at_best[0].0;
        let members: Vec<(usize, usize, i64, Precision)> = members
            .iter()
            .filter_map(|m| {
                let option = m.options.iter().find(|o| o.0 == landing)?;
                landings[m.person] = option.3.clone();
                Some((m.person, m.stay, landing, m.precision))
            })
            .collect();
        let Some(known) = known else { continue };
        let index = phantoms.len();
        let precision = members
            .iter()
            .map(|m| m.3)
            .min()
            .unwrap_or(Precision::Second);
        for (p, k, ..) in &members {
            landings[*p][*k] = Landing::Phantom(index);
            let person = &people[*p];
            if person.total.is_some_and(|t| t.1) {
                summary.in_space_matched += 1;
            } else {
                summary.matched_by_inference += 1;
            }
            summary.inferred.push(Note::new(
                person.name.clone(),
                format!(
                    "up on {}, down on {} (a ship with no row)",
                    ship.name, known.2
                ),
            ));
        }
        summary.added_flights.push(known.2.to_string());
        phantoms.push(Phantom {
            up,
            id: known.1,
            name: known.2,
            launch: known.3,
            source: known.4,
            landing: members[0].2,
            precision,
            people: members.iter().map(|m| m.0).collect(),
        });
    }
    phantoms
}

/// The landing times every member of a crew allows after `launched`, with the fewest ship changes in
/// all: (time, ambiguous).
fn common_landings(members: &[Wanted], launched: i64) -> Vec<(i64, bool)> {
    // Landing time → (total ship changes, ambiguous), over the times every member allows.
    let mut common: BTreeMap<i64, (u32, bool)> = members[0]
        .options
        .iter()
        .filter(|o| o.0 > launched)
        .map(|o| (o.0, (o.1, o.2)))
        .collect();
    for member in &members[1..] {
        let theirs: HashMap<i64, (u32, bool)> =
            member.options.iter().map(|o| (o.0, (o.1, o.2))).collect();
        common = common
            .into_iter()
            .filter_map(|(t, (c, a))| theirs.get(&t).map(|(c2, a2)| (t, (c + c2, a || *a2))))
            .collect();
    }
    let best = common.values().map(|v| v.0).min();
    common
        .iter()
        .filter(|(_, v)| Some(v.0) == best)
        .map(|(t, v)| (*t, v.1))
        .collect()
}

/// Why a crew's landing on a ship with no row is not taken, or `None` when it is.
fn phantom_problem(
    ship: &Ship,
    known: Option<&(&str, &str, &str, &str, &str)>,
    members: &[Wanted],
    at_best: &[(i64, bool)],
) -> Option<String> {
    let crew = if members.len() == 1 {
        "total".to_string()
    } else {
        format!("totals of the {} crew", ship.name)
    };
    match (known, at_best) {
        (None, _) => {
            let implied = members[0]
                .options
                .iter()
                .min_by_key(|o| o.1)
                .and_then(|o| chrono::DateTime::from_timestamp(o.0, 0))
                .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
                .unwrap_or_default();
            Some(format!(
                "the {crew} can only be met by a landing after {} came home and at no landing in the table (at {implied} with the fewest ship changes): on a ship that launched uncrewed? orbitline knows only Soyuz-34, Soyuz MS-23 and Shenzhou 22",
                ship.name
            ))
        }
        (Some(k), []) => Some(format!(
            "the {crew} imply no common landing after {} came home and {} launched",
            ship.name, k.2
        )),
        (Some(_), [(_, false)]) => None,
        (Some(_), _) => Some(format!(
            "the {crew} allow more than one landing time with the same number of ship changes"
        )),
    }
}
