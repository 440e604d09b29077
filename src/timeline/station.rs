//! A station's timeline: who was aboard, which docked spacecraft could bring them home, and the gaps when
//! people aboard outnumbered the seats of fit return craft.
//!
//! A person is aboard from the docking of the flight that brought them up to the undocking of the flight
//! that took them down; where a docking or undocking time is missing, the launch or landing stands in, and
//! the report says so. A docked spacecraft is fit to bring a crew home until an `anomaly` declares it
//! `unfit-for-crew-return` (from that event's time on). Intervals are cut at every arrival, departure,
//! docking, undocking and anomaly, so each one has a constant crew and a constant set of fit vehicles.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::how_long::{slip_of, ScheduleChanges, Slip};
use super::records::crews;
use super::Elapsed;
use crate::catalog::Catalog;
use crate::model::{EventKind, Flight, Time, VehicleStatus};

/// One interval with a constant crew aboard and constant return craft.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Occupancy {
    /// When it began (as published, with its precision).
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub start: Time,
    /// When it ended (the end of the range for the last interval).
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub end: Time,
    /// The interval goes on past the end of the range.
    pub continues: bool,
    /// Astronaut ids aboard.
    pub aboard: Vec<String>,
    /// The crews aboard, named by the flight that brought them up.
    pub crews: Vec<String>,
    /// Flights docked.
    pub docked: Vec<String>,
    /// Docked flights fit to bring a crew home.
    pub fit: Vec<String>,
    /// Their seats.
    pub fit_seats: u32,
    /// People aboard beyond those seats.
    pub short: u32,
    /// Aboard people whose own up vehicle was not a fit docked craft then.
    pub without_own_craft: Vec<String>,
    /// Part of the interval lies after the catalog last checked a flight involved: it may have changed.
    pub beyond_checked: bool,
}

/// A stretch of time with too few fit return seats.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ReturnGap {
    /// When it began.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub start: Time,
    /// When it ended (the end of the range if it goes on past it).
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub end: Time,
    /// The gap goes on past the end of the range.
    pub continues: bool,
    /// How many people had no seat.
    pub short: u32,
    /// Everyone aboard at some time in the gap.
    pub aboard: Vec<String>,
    /// The people whose own vehicle was gone or unfit, throughout the gap.
    pub without_own_craft: Vec<String>,
    /// How long it lasted (to the end of the range if open).
    pub elapsed: Elapsed,
}

/// A vehicle declared unfit for crew return.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Unfit {
    /// The flight whose vehicle was affected.
    pub vehicle: String,
    /// From when.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub from: Time,
    /// The anomaly, `flight/event`.
    pub cause: String,
    /// Its title.
    pub title: Option<String>,
}

/// A planned time that moved.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SlipRow {
    /// The flight.
    pub flight: String,
    /// What moved: `launch`, `landing` (the vehicle), or `crew return` (the crew that went up on it).
    pub what: String,
    /// Planned and actual, with causes.
    pub slip: Slip,
}

/// The answer to `orbitline station`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StationReport {
    /// Station id.
    pub station: String,
    /// Station name.
    pub name: String,
    /// The range covered.
    #[serde(serialize_with = "crate::model::instant::computed")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub from: DateTime<Utc>,
    /// The range covered.
    #[serde(serialize_with = "crate::model::instant::computed")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub to: DateTime<Utc>,
    /// The intervals, in time order.
    pub occupancy: Vec<Occupancy>,
    /// The gaps in return-craft coverage.
    pub gaps: Vec<ReturnGap>,
    /// Vehicles declared unfit.
    pub unfit: Vec<Unfit>,
    /// Planned times that moved, for flights to this station in the range.
    pub slips: Vec<SlipRow>,
    /// Where a missing docking or undocking time was replaced by a launch or landing.
    pub assumptions: Vec<String>,
    /// Display names of the flights and astronauts named above, by id.
    pub names: std::collections::BTreeMap<String, String>,
}

impl StationReport {
    /// The display name of a flight or astronaut id named in the report.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, String::as_str)
    }

    /// The display names of several ids, joined with `sep`.
    pub fn names_of(&self, ids: &[String], sep: &str) -> String {
        ids.iter()
            .map(|id| self.name(id))
            .collect::<Vec<_>>()
            .join(sep)
    }
}

/// Why a station query could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StationError {
    /// No such station.
    #[error("no station `{id}` in the catalog")]
    Unknown {
        /// What was asked for.
        id: String,
        /// The closest id.
        suggestion: Option<String>,
    },
}

/// A flight's time at the station: docking (or launch) to undocking (or landing; `None` while there).
#[derive(Debug, Clone)]
pub struct Visit<'a> {
    /// The flight.
    pub flight: &'a Flight,
    /// Its docking, or its launch where no docking is recorded.
    pub arrive: &'a Time,
    /// Its undocking, or its landing where no undocking is recorded; `None` while it is there.
    pub leave: Option<&'a Time>,
    /// The seats of its spacecraft type (0 for a cargo ship).
    pub seats: u32,
}

/// A crew aboard: the people who went up on one flight and came down together.
#[derive(Debug, Clone)]
pub struct Aboard<'a> {
    /// The flight that brought them up.
    pub up: &'a str,
    /// Their astronaut ids, in crew order.
    pub astronauts: Vec<&'a str>,
    /// The arrival of their up flight.
    pub arrive: &'a Time,
    /// The departure of the flight that took them down (its undocking, or their landing where it did not
    /// visit this station); `None` while aboard.
    pub leave: Option<&'a Time>,
}

/// The crews aboard a station, from its `visits`: the one place that says who is aboard when, used by
/// the station timeline and the station chart alike.
pub fn aboard<'a>(catalog: &'a Catalog, visits: &[Visit<'a>]) -> Vec<Aboard<'a>> {
    let visit_index: std::collections::HashMap<&str, usize> = visits
        .iter()
        .enumerate()
        .map(|(i, v)| (v.flight.id.as_str(), i))
        .collect();
    let visit_of = |flight: &str| visit_index.get(flight).map(|&i| &visits[i]);
    let mut out = Vec::new();
    // Only the stays that went up to this station: grouping every stay of the catalog into crews would
    // cost the whole catalog for each station.
    let here = catalog
        .stays()
        .iter()
        .filter(|s| visit_index.contains_key(s.up.as_str()));
    for crew in crews(here) {
        let first = crew[0];
        let Some(up) = visit_of(&first.up) else {
            continue;
        };
        let leave = match first.down.as_deref().and_then(visit_of) {
            Some(down) => down.leave,
            None => first.end.as_ref(),
        };
        out.push(Aboard {
            up: up.flight.id.as_str(),
            astronauts: crew.iter().map(|s| s.astronaut.as_str()).collect(),
            arrive: up.arrive,
            leave,
        });
    }
    out
}

/// The flights that visited `station`, with the times they arrived and left; where a docking or
/// undocking time is missing, the launch or landing stands in and `assumptions` says so.
pub fn visits<'a>(
    catalog: &'a Catalog,
    station: &str,
    assumptions: &mut Vec<String>,
) -> Vec<Visit<'a>> {
    catalog
        .flights()
        .iter()
        .filter(|f| f.station.as_deref() == Some(station))
        .filter_map(|f| {
            let docking = f.docking.as_ref().and_then(|d| d.time.as_ref());
            let undocking = f.undocking.as_ref().and_then(|d| d.time.as_ref());
            let arrive = match docking {
                Some(t) => t,
                None => {
                    let launch = f.launch.time.as_ref()?;
                    assumptions.push(format!("{}: no docking time, its launch stands in", f.id));
                    launch
                }
            };
            let leave = match undocking {
                Some(t) => Some(t),
                None => {
                    let landing = f.landing_time();
                    if landing.is_some() {
                        assumptions.push(format!(
                            "{}: no undocking time, its landing stands in",
                            f.id
                        ));
                    }
                    landing
                }
            };
            Some(Visit {
                flight: f,
                arrive,
                leave,
                seats: catalog.spacecraft(&f.spacecraft).map_or(0, |s| s.seats),
            })
        })
        .collect()
}

/// The station's timeline between `from` and `to` (defaults: its first arrival, and `now`).
pub fn history(
    catalog: &Catalog,
    id: &str,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<StationReport, StationError> {
    let station = catalog.station(id).ok_or_else(|| StationError::Unknown {
        id: id.to_string(),
        suggestion: crate::suggest::closest(id, catalog.stations().iter().map(|s| s.id.as_str()))
            .map(str::to_string),
    })?;
    let mut assumptions = Vec::new();
    let visits = visits(catalog, id, &mut assumptions);
    let unfit = unfit_declarations(catalog);
    let people = people_aboard(catalog, &visits);
    let (from, to) = range(&visits, from, to, now);
    let sweep = Sweep {
        catalog,
        people: &people,
        visits: &visits,
        unfit: &unfit,
    };
    let mut occupancy = sweep.occupancy(&sweep.bounds(from, to), to);
    occupancy.retain(|o| !(o.aboard.is_empty() && o.docked.is_empty()));

    let gaps = gaps(&occupancy);
    let flights_in_range: BTreeSet<&str> = visits
        .iter()
        .filter(|v| v.arrive.instant() <= to && v.leave.is_none_or(|l| l.instant() >= from))
        .map(|v| v.flight.id.as_str())
        .collect();
    let slips = slips(catalog, &flights_in_range);
    // A crew is named by the flight that brought them up, which may have left before the range.
    let crews_up = occupancy
        .iter()
        .flat_map(|o| o.crews.iter().map(String::as_str));
    let names = flights_in_range
        .iter()
        .copied()
        .chain(crews_up)
        .filter_map(|id| catalog.flight(id).map(|f| (f.id.clone(), f.name.clone())))
        .chain(people.iter().map(|p| {
            (
                p.astronaut.to_string(),
                catalog.name_of(p.astronaut).to_string(),
            )
        }))
        .collect();
    Ok(StationReport {
        names,
        station: station.id.clone(),
        name: station.name.clone(),
        from,
        to,
        occupancy,
        gaps,
        unfit: unfit
            .into_iter()
            .filter(|u| flights_in_range.contains(u.vehicle.as_str()))
            .collect(),
        slips,
        // Only what concerns the range: a flight outside it needs no note.
        assumptions: assumptions
            .into_iter()
            .filter(|a| {
                a.split_once(": ")
                    .is_some_and(|(id, _)| flights_in_range.contains(id))
            })
            .collect(),
    })
}

/// One person aboard: from their up flight's arrival to their down flight's departure.
struct PersonAboard<'a> {
    astronaut: &'a str,
    up: &'a str,
    arrive: &'a Time,
    leave: Option<&'a Time>,
}

/// Everyone who was aboard, crew by crew.
fn people_aboard<'a>(catalog: &'a Catalog, visits: &[Visit<'a>]) -> Vec<PersonAboard<'a>> {
    let mut people = Vec::new();
    for crew in aboard(catalog, visits) {
        for astronaut in crew.astronauts {
            people.push(PersonAboard {
                astronaut,
                up: crew.up,
                arrive: crew.arrive,
                leave: crew.leave,
            });
        }
    }
    people
}

/// The range the report covers: `from` (default: the first arrival, else `now`) to `to` (default: the
/// last departure, or `now` while something is still there or when that is earlier).
fn range(
    visits: &[Visit],
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let first_arrival = visits.iter().map(|v| v.arrive.instant()).min();
    let last_departure = visits
        .iter()
        .map(|v| v.leave.map(Time::instant))
        .try_fold(None::<DateTime<Utc>>, |acc, leave| {
            leave.map(|l| Some(acc.map_or(l, |a| a.max(l))))
        })
        .flatten();
    let from = from.or(first_arrival).unwrap_or(now);
    let to = to.unwrap_or_else(|| last_departure.map_or(now, |l| l.min(now)));
    (from, to)
}

/// An arrival (+1), a departure (−1) or an unfit declaration, at the time it takes effect.
enum Change {
    Person(usize, i32),
    Visit(usize, i32),
    Unfit(usize),
}

/// What is aboard and docked at the start of an interval, kept up to date as the sweep moves on.
#[derive(Default)]
struct Present<'u> {
    on_people: Vec<i32>,
    on_visits: Vec<i32>,
    aboard: BTreeSet<usize>,
    docked: BTreeSet<usize>,
    unfit: std::collections::HashSet<&'u str>,
}

/// The station's people, visits and unfit declarations, swept in time order into intervals.
struct Sweep<'s, 'a> {
    catalog: &'a Catalog,
    people: &'s [PersonAboard<'a>],
    visits: &'s [Visit<'a>],
    unfit: &'s [Unfit],
}

impl<'s, 'a> Sweep<'s, 'a> {
    /// Where the intervals start: `from`, then every time the state can change inside the range.
    fn bounds(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Time> {
        let mut cuts: Vec<&Time> = Vec::new();
        for v in self.visits {
            cuts.push(v.arrive);
            cuts.extend(v.leave);
        }
        for p in self.people {
            cuts.push(p.arrive);
            cuts.extend(p.leave);
        }
        for u in self.unfit {
            cuts.push(&u.from);
        }
        let mut points: Vec<&Time> = cuts
            .into_iter()
            .filter(|t| t.instant() > from && t.instant() < to)
            .collect();
        points.sort_by_key(|t| t.instant());
        points.dedup_by_key(|t| t.instant());
        let mut bounds = vec![Time::from_utc(from)];
        bounds.extend(points.into_iter().cloned());
        bounds
    }

    /// Every arrival, departure and unfit declaration, in time order.
    fn changes(&self) -> Vec<(DateTime<Utc>, Change)> {
        let mut changes: Vec<(DateTime<Utc>, Change)> = Vec::new();
        for (i, p) in self.people.iter().enumerate() {
            changes.push((p.arrive.instant(), Change::Person(i, 1)));
            if let Some(l) = p.leave {
                changes.push((l.instant(), Change::Person(i, -1)));
            }
        }
        for (i, v) in self.visits.iter().enumerate() {
            changes.push((v.arrive.instant(), Change::Visit(i, 1)));
            if let Some(l) = v.leave {
                changes.push((l.instant(), Change::Visit(i, -1)));
            }
        }
        for (i, u) in self.unfit.iter().enumerate() {
            changes.push((u.from.instant(), Change::Unfit(i)));
        }
        changes.sort_by_key(|(t, _)| *t);
        changes
    }

    /// One row per interval from each bound to the next (the last to `to`), merged where nothing visible
    /// changed. The changes are applied as their times are reached, so each interval costs what is aboard
    /// and docked then, not the whole station.
    fn occupancy(&self, bounds: &[Time], to: DateTime<Utc>) -> Vec<Occupancy> {
        let changes = self.changes();
        let to_time = Time::from_utc(to);
        let mut present = Present::<'s> {
            on_people: vec![0; self.people.len()],
            on_visits: vec![0; self.visits.len()],
            ..Present::default()
        };
        let mut applied = 0;
        let mut occupancy: Vec<Occupancy> = Vec::new();
        for (i, start) in bounds.iter().enumerate() {
            let t = start.instant();
            while let Some((_, change)) = changes.get(applied).filter(|(at, _)| *at <= t) {
                self.apply(change, &mut present);
                applied += 1;
            }
            let end = bounds.get(i + 1);
            let row = self.row(&present, start, end.unwrap_or(&to_time), end.is_none(), to);
            // Merge with the previous interval when nothing visible changed.
            if let Some(prev) = occupancy.last_mut() {
                if prev.aboard == row.aboard && prev.docked == row.docked && prev.fit == row.fit {
                    prev.end = row.end;
                    prev.continues = row.continues;
                    prev.beyond_checked |= row.beyond_checked;
                    continue;
                }
            }
            occupancy.push(row);
        }
        occupancy
    }

    fn apply(&self, change: &Change, present: &mut Present<'s>) {
        match *change {
            Change::Person(p, d) => {
                present.on_people[p] += d;
                if present.on_people[p] > 0 {
                    present.aboard.insert(p);
                } else {
                    present.aboard.remove(&p);
                }
            }
            Change::Visit(v, d) => {
                present.on_visits[v] += d;
                if present.on_visits[v] > 0 {
                    present.docked.insert(v);
                } else {
                    present.docked.remove(&v);
                }
            }
            Change::Unfit(u) => {
                present.unfit.insert(self.unfit[u].vehicle.as_str());
            }
        }
    }

    /// The interval from `start` to `end` with what is `present`; `last` when it is the last of the
    /// range, which ends at `to`.
    fn row(
        &self,
        present: &Present,
        start: &Time,
        end: &Time,
        last: bool,
        to: DateTime<Utc>,
    ) -> Occupancy {
        let aboard: Vec<&PersonAboard> = present.aboard.iter().map(|&p| &self.people[p]).collect();
        let docked: Vec<&Visit> = present.docked.iter().map(|&v| &self.visits[v]).collect();
        let is_fit = |flight: &str| !present.unfit.contains(flight);
        // A cargo ship (no seats) is no return craft, fit or not.
        let fit: Vec<&Visit> = docked
            .iter()
            .copied()
            .filter(|v| v.seats > 0 && is_fit(&v.flight.id))
            .collect();
        let fit_seats: u32 = fit.iter().map(|v| v.seats).sum();
        let count = aboard.len() as u32;
        let mut crews_aboard: Vec<String> = aboard.iter().map(|p| p.up.to_string()).collect();
        crews_aboard.dedup();
        let without_own_craft = aboard
            .iter()
            .filter(|p| !fit.iter().any(|v| v.flight.id == p.up))
            .map(|p| p.astronaut.to_string())
            .collect();
        let involved: Vec<&str> = docked
            .iter()
            .map(|v| v.flight.id.as_str())
            .chain(aboard.iter().map(|p| p.up))
            .collect();
        let end_instant = if last { to } else { end.instant() };
        Occupancy {
            start: start.clone(),
            end: end.clone(),
            continues: last
                && (aboard
                    .iter()
                    .any(|p| p.leave.is_none_or(|l| l.instant() > to))
                    || docked
                        .iter()
                        .any(|v| v.leave.is_none_or(|l| l.instant() > to))),
            aboard: aboard.iter().map(|p| p.astronaut.to_string()).collect(),
            crews: crews_aboard,
            docked: docked.iter().map(|v| v.flight.id.clone()).collect(),
            fit: fit.iter().map(|v| v.flight.id.clone()).collect(),
            fit_seats,
            short: count.saturating_sub(fit_seats),
            without_own_craft,
            beyond_checked: self
                .latest_check(&involved)
                .is_some_and(|c| c < end_instant),
        }
    }

    /// The earliest of the last-checked times of `flights` (the latest instant each check can stand for).
    fn latest_check(&self, flights: &[&str]) -> Option<DateTime<Utc>> {
        flights
            .iter()
            .filter_map(|f| self.catalog.flight(f).and_then(|f| f.checked.as_ref()))
            .map(Time::latest)
            .min()
    }
}

/// Every vehicle declared unfit for crew return, anywhere in the catalog.
pub fn unfit_declarations(catalog: &Catalog) -> Vec<Unfit> {
    catalog
        .flights()
        .iter()
        .flat_map(|f| f.events.iter().map(move |e| (f, e)))
        .filter(|(_, e)| e.kind == EventKind::Anomaly)
        .flat_map(|(f, e)| {
            e.effects
                .iter()
                .filter(|x| x.status == VehicleStatus::UnfitForCrewReturn)
                .map(move |x| Unfit {
                    vehicle: x.vehicle.clone(),
                    from: e.time.clone(),
                    cause: format!("{}/{}", f.id, e.id),
                    title: e.title.clone(),
                })
        })
        .collect()
}

/// Consecutive intervals with people short of a fit seat, joined while the shortfall stays the same and
/// so do the people without a fit craft of their own, or some of them throughout: a crew arriving or
/// leaving around the same people does not split their gap (Starliner's crew, 24 August to 29 September
/// 2024, is one gap, not three). The joined gap names those without a craft of their own throughout, and
/// everyone aboard at some time in it.
fn gaps(occupancy: &[Occupancy]) -> Vec<ReturnGap> {
    let mut gaps: Vec<ReturnGap> = Vec::new();
    for o in occupancy.iter().filter(|o| o.short > 0) {
        if let Some(last) = gaps.last_mut() {
            let subset = |a: &[String], b: &[String]| a.iter().all(|p| b.contains(p));
            let same_people = last.aboard == o.aboard
                || (!last.without_own_craft.is_empty()
                    && !o.without_own_craft.is_empty()
                    && (subset(&last.without_own_craft, &o.without_own_craft)
                        || subset(&o.without_own_craft, &last.without_own_craft)));
            if last.end.instant() == o.start.instant() && last.short == o.short && same_people {
                last.end = o.end.clone();
                last.continues = o.continues;
                last.elapsed = Elapsed::between(&last.start, &last.end);
                last.without_own_craft
                    .retain(|p| o.without_own_craft.contains(p));
                for p in &o.aboard {
                    if !last.aboard.contains(p) {
                        last.aboard.push(p.clone());
                    }
                }
                continue;
            }
        }
        gaps.push(ReturnGap {
            start: o.start.clone(),
            end: o.end.clone(),
            continues: o.continues,
            short: o.short,
            aboard: o.aboard.clone(),
            without_own_craft: o.without_own_craft.clone(),
            elapsed: Elapsed::between(&o.start, &o.end),
        });
    }
    gaps
}

fn slips(catalog: &Catalog, flights: &BTreeSet<&str>) -> Vec<SlipRow> {
    let mut rows = Vec::new();
    let changes = ScheduleChanges::of(catalog);
    // The end of the first stay that went up on each flight (its crew's return).
    let mut crew_end_of: std::collections::HashMap<&str, Option<&Time>> =
        std::collections::HashMap::new();
    for s in catalog.stays() {
        crew_end_of.entry(s.up.as_str()).or_insert(s.end.as_ref());
    }
    for id in flights {
        let Some(f) = catalog.flight(id) else {
            continue;
        };
        if let (Some(planned), Some(actual)) = (&f.launch.planned, &f.launch.time) {
            rows.push(SlipRow {
                flight: f.id.clone(),
                what: "launch".into(),
                slip: slip_of(&changes, planned, actual, &format!("{}/launch", f.id)),
            });
        }
        if let (Some(planned), Some(actual)) = (f.planned_landing(), f.landing_time()) {
            // The planned landing is the crew's planned return; say which happened when they differ.
            let crew_end = crew_end_of.get(f.id.as_str()).copied().flatten();
            let (what, actual) = match crew_end {
                Some(end) if end != actual => ("crew return", end),
                _ => ("landing", actual),
            };
            rows.push(SlipRow {
                flight: f.id.clone(),
                what: what.into(),
                slip: slip_of(&changes, planned, actual, &format!("{}/landing", f.id)),
            });
        }
    }
    rows.retain(|r| {
        r.slip.days != Some(0) || r.slip.planned.precision() != crate::model::Precision::Day
    });
    rows.sort_by(|a, b| a.slip.planned.cmp(&b.slip.planned));
    rows
}
