//! What new times change, for `orbitline impact`.
//!
//! A [`Scenario`] holds the catalog as it is (`before`), the same catalog with the new times (`after`,
//! from [`Shift::apply`]) and the [`Shift`] itself. Each check in [`CONSEQUENCE_CHECKS`] is a plain
//! function from a scenario to the [`Consequence`]s it finds, so that a check written elsewhere (records,
//! station coverage) plugs in by being added to the list: compute on `before`, compute on `after`,
//! report the difference.
//!
//! Return-craft gaps come from the station coverage of `timeline::station` (which counts seats), record
//! changes from `timeline::records`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Shift;
use crate::catalog::{Catalog, Filter};
use crate::model::{Flight, Time};
use crate::timeline::records::{progression, RecordKind};
use crate::timeline::{station, Elapsed};

/// The catalog before and after a shift, restricted to what the checks look at.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// As recorded: the part of the catalog the checks need (see [`Scenario::new`]).
    pub before: Catalog,
    /// The same part with the new times.
    pub after: Catalog,
    /// What moved, and by how much.
    pub shift: Shift,
    /// The reference time for anything still in orbit (`--now`), for checks that need one.
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Scenario {
    /// The scenario of `shift` on `catalog`. The checks compare stays and vehicles of the moved flights,
    /// the coverage of their stations and the crew records of their nations, and read which vehicles were
    /// declared unfit: `before` holds the flights of those stations, the crewed flights of those nations,
    /// the moved flights, the flights with anomaly effects, and what their crews flew on ([`Catalog::subset`]), so that a slip
    /// costs the part of the catalog it touches. A check that looks further must widen this.
    pub fn new(catalog: &Catalog, shift: Shift, now: chrono::DateTime<chrono::Utc>) -> Scenario {
        let moved = shift.flights();
        let moved_flights = || moved.iter().filter_map(|id| catalog.flight(id));
        let stations: BTreeSet<&str> = moved_flights()
            .filter_map(|f| f.station.as_deref())
            .collect();
        let nations: BTreeSet<&str> = moved_flights().map(|f| f.nation.as_str()).collect();
        let before = catalog.subset(|f| {
            moved.contains(f.id.as_str())
                || f.station.as_deref().is_some_and(|s| stations.contains(s))
                || (nations.contains(f.nation.as_str()) && crewed(f))
                || f.events.iter().any(|e| !e.effects.is_empty())
        });
        let after = shift.apply(&before);
        Scenario {
            before,
            after,
            shift,
            now,
        }
    }
}

/// Something that matters and changes with the new times.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Consequence {
    /// A crew's stay becomes longer (or shorter).
    StayLength {
        /// The flight that took them up.
        up: String,
        /// Its name.
        up_name: String,
        /// The flight that brought them down.
        down: String,
        /// Its name, for text (JSON has the id).
        #[serde(skip)]
        down_name: String,
        /// The astronauts (ids).
        astronauts: Vec<String>,
        /// Their names.
        names: Vec<String>,
        /// The stay before, in seconds.
        before_seconds: i64,
        /// After.
        after_seconds: i64,
    },
    /// A vehicle's time in orbit changes and is over its rating before or after.
    RatedTime {
        /// The flight.
        flight: String,
        /// Its name.
        name: String,
        /// The rating of its spacecraft type (`rated_days` in spacecraft.json).
        rated_days: u32,
        /// Launch to landing before, in seconds.
        before_seconds: i64,
        /// After.
        after_seconds: i64,
    },
    /// People aboard a station are left without a fit return seat for longer (or shorter): the
    /// station's coverage gaps (see `timeline::station`) for those whose own craft was gone or unfit.
    ReturnCraftGap {
        /// The station.
        station: String,
        /// The flight that took them up.
        crew_of: String,
        /// Its name.
        crew_of_name: String,
        /// The people without a fit craft of their own (ids).
        astronauts: Vec<String>,
        /// Their names.
        names: Vec<String>,
        /// When their gap began, before the shift.
        #[serde(serialize_with = "crate::model::instant::instant")]
        #[schemars(with = "crate::model::instant::Instant")]
        from: Time,
        /// When it ended, before the shift.
        #[serde(serialize_with = "crate::model::instant::instant")]
        #[schemars(with = "crate::model::instant::Instant")]
        to_before: Time,
        /// When it ends after the shift.
        #[serde(serialize_with = "crate::model::instant::instant")]
        #[schemars(with = "crate::model::instant::Instant")]
        to_after: Time,
        /// The time without a fit seat before, in seconds (0: none).
        before_seconds: i64,
        /// After.
        after_seconds: i64,
    },
    /// A crew stay now sets a record, or no longer does, in the records of its nation.
    Record {
        /// The kind of record (`crew`).
        record: crate::timeline::records::RecordKind,
        /// The nation whose record it is.
        nation: String,
        /// Who (a name, or `Shenzhou-20 crew`).
        label: String,
        /// It held the record (was the longest when it ended) before the shift.
        before: bool,
        /// After.
        after: bool,
        /// Its length after the shift, in seconds.
        seconds: i64,
    },
}

/// A consequence check: compares the scenario's catalogs.
pub type ConsequenceCheck = fn(&Scenario) -> Vec<Consequence>;

/// Every check `impact` runs, in the order their findings are listed.
pub const CONSEQUENCE_CHECKS: &[ConsequenceCheck] =
    &[return_craft_gaps, stay_lengths, records, rated_time];

/// Runs every check.
pub fn all(scenario: &Scenario) -> Vec<Consequence> {
    if scenario.shift.moves().next().is_none() {
        return Vec::new();
    }
    CONSEQUENCE_CHECKS
        .iter()
        .flat_map(|check| check(scenario))
        .collect()
}

/// Crews (stays with the same up and down flights and the same times) whose stay length changes.
pub fn stay_lengths(scenario: &Scenario) -> Vec<Consequence> {
    let mut out: Vec<Consequence> = Vec::new();
    let after_of: BTreeMap<(&str, &str), &crate::catalog::Stay> = scenario
        .after
        .stays()
        .iter()
        .map(|s| ((s.astronaut.as_str(), s.up.as_str()), s))
        .collect();
    for before in scenario.before.stays() {
        let Some(after) = after_of.get(&(before.astronaut.as_str(), before.up.as_str())) else {
            continue;
        };
        let (Some(end_before), Some(end_after), Some(down)) =
            (&before.end, &after.end, &before.down)
        else {
            continue;
        };
        let was = Elapsed::between(&before.start, end_before).seconds;
        let is = Elapsed::between(&after.start, end_after).seconds;
        if was == is {
            continue;
        }
        let name = scenario.before.name_of(&before.astronaut).to_string();
        let existing = out.iter_mut().find(|c| {
            matches!(c, Consequence::StayLength { up, down: d, before_seconds, after_seconds, .. }
                if *up == before.up && d == down && *before_seconds == was && *after_seconds == is)
        });
        match existing {
            Some(Consequence::StayLength {
                astronauts, names, ..
            }) => {
                astronauts.push(before.astronaut.clone());
                names.push(name);
            }
            _ => out.push(Consequence::StayLength {
                up: before.up.clone(),
                up_name: flight_name(&scenario.before, &before.up),
                down: down.clone(),
                down_name: flight_name(&scenario.before, down),
                astronauts: vec![before.astronaut.clone()],
                names: vec![name],
                before_seconds: was,
                after_seconds: is,
            }),
        }
    }
    out
}

/// Vehicles whose time in orbit (launch to landing) changes and is over the rating of their spacecraft
/// type before or after.
pub fn rated_time(scenario: &Scenario) -> Vec<Consequence> {
    let mut out = Vec::new();
    for before in scenario.before.flights() {
        let Some(after) = scenario.after.flight(&before.id) else {
            continue;
        };
        let Some(rated_days) = scenario
            .before
            .spacecraft(&before.spacecraft)
            .and_then(|s| s.rated_days)
        else {
            continue;
        };
        let (Some(was), Some(is)) = (time_in_orbit(before), time_in_orbit(after)) else {
            continue;
        };
        let rated = i64::from(rated_days) * 86_400;
        if was != is && (was > rated || is > rated) {
            out.push(Consequence::RatedTime {
                flight: before.id.clone(),
                name: before.name.clone(),
                rated_days,
                before_seconds: was,
                after_seconds: is,
            });
        }
    }
    out
}

fn time_in_orbit(flight: &Flight) -> Option<i64> {
    Some(Elapsed::between(flight.launch_time()?, flight.landing_time()?).seconds)
}

/// The coverage gaps of every station a moved moment belongs to, before and after, grouped by the people
/// without a fit craft of their own: reports each group whose time without a seat changes.
pub fn return_craft_gaps(scenario: &Scenario) -> Vec<Consequence> {
    let stations: BTreeSet<&str> = scenario
        .shift
        .flights()
        .into_iter()
        .filter_map(|flight| scenario.before.flight(flight)?.station.as_deref())
        .collect();
    let mut out = Vec::new();
    for station_id in stations {
        let gaps = |catalog: &Catalog| -> BTreeMap<Vec<String>, (Time, Time, i64)> {
            let Ok(report) =
                station::history(catalog, station_id, None, Some(scenario.now), scenario.now)
            else {
                return BTreeMap::new();
            };
            let mut by_people: BTreeMap<Vec<String>, (Time, Time, i64)> = BTreeMap::new();
            for gap in report.gaps {
                // In crew order, as the station report lists them (the same before and after).
                let people = gap.without_own_craft.clone();
                let entry = by_people
                    .entry(people)
                    .or_insert_with(|| (gap.start.clone(), gap.end.clone(), 0));
                entry.0 = entry.0.clone().min(gap.start.clone());
                entry.1 = entry.1.clone().max(gap.end.clone());
                entry.2 += gap.elapsed.seconds;
            }
            by_people
        };
        let (before, after) = (gaps(&scenario.before), gaps(&scenario.after));
        let groups: BTreeSet<&Vec<String>> = before.keys().chain(after.keys()).collect();
        for people in groups {
            let (was, is) = (before.get(people), after.get(people));
            let (was_seconds, is_seconds) = (was.map_or(0, |g| g.2), is.map_or(0, |g| g.2));
            if was_seconds == is_seconds || people.is_empty() {
                continue;
            }
            let Some((from, to_before)) = was.or(is).map(|g| (g.0.clone(), g.1.clone())) else {
                continue;
            };
            let to_after = is.map_or_else(|| from.clone(), |g| g.1.clone());
            // The crew is named by the flight that took them up, as of when their gap began.
            let crew_of = scenario
                .before
                .stays()
                .iter()
                .find(|s| {
                    s.astronaut == people[0]
                        && s.start.instant() <= from.instant()
                        && s.end.as_ref().is_none_or(|e| e.instant() > from.instant())
                })
                .map_or_else(String::new, |s| s.up.clone());
            out.push(Consequence::ReturnCraftGap {
                station: station_id.to_string(),
                crew_of_name: flight_name(&scenario.before, &crew_of),
                crew_of,
                names: people
                    .iter()
                    .map(|a| scenario.before.name_of(a).to_string())
                    .collect(),
                astronauts: people.clone(),
                from,
                to_before,
                to_after,
                before_seconds: was_seconds,
                after_seconds: is_seconds,
            });
        }
    }
    out
}

/// Crew stays whose record status in the nation of a moved flight changes: one that set the record when
/// it ended and no longer does, or the reverse (a record can change hands without its holder moving).
pub fn records(scenario: &Scenario) -> Vec<Consequence> {
    let moved_flights = scenario.shift.flights();
    let nations: BTreeSet<String> = moved_flights
        .iter()
        .filter_map(|f| scenario.before.flight(f).map(|f| f.nation.clone()))
        .collect();
    let mut out = Vec::new();
    for nation in nations {
        let scope = Filter {
            nation: Some(nation.clone()),
            ..Filter::default()
        };
        // Crew records only: a person's single-stay record would repeat the same fact for each member.
        for kind in [RecordKind::Crew] {
            let holders = |catalog: &Catalog| -> BTreeMap<String, (String, i64)> {
                progression(catalog, kind, &scope, scenario.now)
                    .into_iter()
                    .map(|step| {
                        (
                            step.record.key.clone(),
                            (step.record.label.clone(), step.record.elapsed.seconds),
                        )
                    })
                    .collect()
            };
            let (before, after) = (holders(&scenario.before), holders(&scenario.after));
            for key in before.keys().chain(after.keys()).collect::<BTreeSet<_>>() {
                let (was, is) = (before.get(key), after.get(key));
                if was.is_some() == is.is_some() {
                    continue;
                }
                let Some((label, seconds)) = is.or(was) else {
                    continue;
                };
                out.push(Consequence::Record {
                    record: kind,
                    nation: nation.clone(),
                    label: label.clone(),
                    before: was.is_some(),
                    after: is.is_some(),
                    seconds: *seconds,
                });
            }
        }
    }
    out
}

/// A flight that carried a crew up or down (only those make stays, and crew records).
fn crewed(flight: &Flight) -> bool {
    !flight.launch.crew.is_empty() || !flight.landing_crew().is_empty()
}

fn flight_name(catalog: &Catalog, id: &str) -> String {
    catalog
        .flight(id)
        .map_or(id.to_string(), |f| f.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::links::EventGraph;
    use crate::catalog::SourceFile;
    use crate::deps::{impact, Subject};
    use chrono::{Duration, TimeZone, Utc};

    /// The scenario of a slip computed on the whole catalog, as `impact` did before it looked only at the
    /// part of the catalog a shift touches.
    fn whole(catalog: &Catalog, shift: Shift, now: chrono::DateTime<Utc>) -> Scenario {
        Scenario {
            before: catalog.subset(|_| true),
            after: shift.apply(catalog),
            shift,
            now,
        }
    }

    /// Every `step`-th moment with a time, slipped by `slip`: the consequences found on the part of the
    /// catalog the shift touches are those found on the whole catalog, and the whole report on the graph
    /// built around the moment is the one on the whole graph. Returns how many slips had
    /// consequences.
    fn same_consequences(catalog: &Catalog, slip: Duration, step: usize) -> usize {
        let now = Utc.with_ymd_and_hms(2200, 1, 1, 0, 0, 0).unwrap();
        let graph = EventGraph::of(catalog);
        let mut with_consequences = 0;
        let timed = graph
            .graph()
            .node_indices()
            .filter(|&n| graph.moment(n).time.is_some());
        for node in timed.step_by(step) {
            let moment = graph.moment(node);
            let subject = Subject::resolve(catalog, &graph, &moment.reference).expect("a moment");
            let report = impact(catalog, &graph, subject, slip, now).expect("an impact");
            let shift = Shift::new(
                report
                    .moved
                    .iter()
                    .map(|m| (m.moment.reference.clone(), Duration::seconds(m.by_seconds))),
            );
            let expected = all(&whole(catalog, shift, now));
            assert_eq!(report.consequences, expected, "{}", moment.reference);
            // The graph `impact` builds around the moment gives the same answer as the whole graph.
            let around = crate::deps::impact_graph(catalog, &moment.reference);
            let subject = Subject::resolve(catalog, &around, &moment.reference).expect("a moment");
            let narrow = impact(catalog, &around, subject, slip, now).expect("an impact");
            assert_eq!(
                serde_json::to_value(&narrow).unwrap(),
                serde_json::to_value(&report).unwrap(),
                "{}",
                moment.reference
            );
            with_consequences += usize::from(!expected.is_empty());
        }
        with_consequences
    }

    #[test]
    fn the_part_of_the_catalog_a_slip_touches_has_all_its_consequences_bundled() {
        // Every moment of the curated Shenzhou flights (the stories with causes and constraints) and the
        // flights their crews touch; the whole history every 40th moment.
        let catalog = Catalog::load("bundled", crate::catalog::embedded()).unwrap();
        let shenzhou = catalog.subset(|f| f.program == "Shenzhou");
        assert!(same_consequences(&shenzhou, Duration::days(3), 1) > 0);
        assert!(same_consequences(&shenzhou, Duration::hours(-20), 1) > 0);
        same_consequences(&catalog, Duration::days(3), 40);
    }

    #[test]
    fn the_part_of_the_catalog_a_slip_touches_has_all_its_consequences_synthetic() {
        let files = crate::synth::generate(600, 11)
            .into_iter()
            .map(|(path, text)| SourceFile::new(path, text))
            .collect();
        let catalog = Catalog::load("synthetic", files).unwrap();
        assert!(same_consequences(&catalog, Duration::days(12), 15) > 0);
    }

    #[test]
    fn a_subset_holds_the_flights_its_crews_flew_on_and_a_what_if_keeps_who_flew_what() {
        let catalog = Catalog::load("bundled", crate::catalog::embedded()).unwrap();
        let part = catalog.subset(|f| f.id == "shenzhou-21");
        let ids: Vec<&str> = part.flights().iter().map(|f| f.id.as_str()).collect();
        // The Shenzhou-20 crew came home on Shenzhou-21: their up flight comes along.
        assert!(
            ids.contains(&"shenzhou-20") && ids.contains(&"shenzhou-21"),
            "{ids:?}"
        );
        for stay in part.stays() {
            assert!(ids.contains(&stay.up.as_str()));
            assert!(stay.down.iter().all(|d| ids.contains(&d.as_str())));
        }
        assert!(part.stays().iter().any(|s| s.up == "shenzhou-20"));

        let shift = Shift::new([("shenzhou-21/landing".to_string(), Duration::days(1))]);
        let after = shift.apply(&part);
        for (before, after) in part.stays().iter().zip(after.stays()) {
            assert_eq!(
                (&before.astronaut, &before.up),
                (&after.astronaut, &after.up)
            );
            let moved = before.down.as_deref() == Some("shenzhou-21");
            let delta = match (&before.end, &after.end) {
                (Some(b), Some(a)) => a.instant() - b.instant(),
                _ => Duration::zero(),
            };
            assert_eq!(
                delta,
                if moved {
                    Duration::days(1)
                } else {
                    Duration::zero()
                }
            );
        }
    }
}
