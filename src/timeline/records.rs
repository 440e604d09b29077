//! Records: the longest stays, crew stays, totals, EVAs and vehicle flights in a scope, and how each
//! record moved over time.
//!
//! Everything is computed "as the catalog stood" at a moment (`as_of`): stays that had not begun are left
//! out, and stays still going on then are counted so far and marked as such. A record is *set* when the
//! stay (or EVA, or flight) that holds it ends, and beats the longest one that had ended before. Rankings
//! cover the loaded catalog only, and say so.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Elapsed;
use crate::catalog::Stay;
use crate::catalog::{Catalog, Filter};
use crate::model::{EventKind, Flight, Time};

/// What is being ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    /// One person's single stay, up flight to down flight.
    Stay,
    /// A crew's stay: people who went up together and came down together.
    Crew,
    /// A person's total time in space over all stays.
    Cumulative,
    /// A single EVA.
    Eva,
    /// A person's total EVA time.
    EvaTotal,
    /// A spacecraft's own flight, launch to landing.
    Vehicle,
}

impl RecordKind {
    /// Parses the command-line name.
    pub fn parse(text: &str) -> Result<RecordKind, String> {
        Ok(match text {
            "stay" => RecordKind::Stay,
            "crew" => RecordKind::Crew,
            "cumulative" => RecordKind::Cumulative,
            "eva" => RecordKind::Eva,
            "eva-total" => RecordKind::EvaTotal,
            "vehicle" => RecordKind::Vehicle,
            other => {
                const KINDS: [&str; 6] =
                    ["stay", "crew", "cumulative", "eva", "eva-total", "vehicle"];
                let guess = crate::suggest::closest(other, KINDS)
                    .map(|k| format!("did you mean `{k}`? "))
                    .unwrap_or_default();
                return Err(format!(
                    "`{other}` is not a record kind: {guess}use stay, crew, cumulative, eva, eva-total or vehicle"
                ));
            }
        })
    }

    /// What a ranking of this kind is called.
    pub fn title(self) -> &'static str {
        match self {
            RecordKind::Stay => "longest single stays",
            RecordKind::Crew => "longest crew stays",
            RecordKind::Cumulative => "most time in space",
            RecordKind::Eva => "longest EVAs",
            RecordKind::EvaTotal => "most EVA time",
            RecordKind::Vehicle => "longest spacecraft flights",
        }
    }
}

/// One contender for a record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordEntry {
    /// Place in the ranking, from 1.
    pub rank: usize,
    /// For people: "Chen Dong"; for crews: "Shenzhou-20 crew"; for EVAs: "Shenzhou-20 eva-3"; for
    /// vehicles: the flight name.
    pub label: String,
    /// Where: `Shenzhou-20 → Shenzhou-21` for a person's stay, `down on Shenzhou-21` for a crew that came
    /// home on another vehicle, `3 stays` for a total; empty where the label says it all.
    pub route: String,
    /// The astronaut ids involved (none for a vehicle).
    pub astronauts: Vec<String>,
    /// Their names.
    pub names: Vec<String>,
    /// The flights involved: up and down for stays, the flight for EVAs and vehicles.
    pub flights: Vec<String>,
    /// When it began (for totals, the first stay).
    pub start: Option<Time>,
    /// When it ended; `null` while going on at `as_of`.
    pub end: Option<Time>,
    /// Still going on at `as_of`: counted so far.
    pub ongoing: bool,
    /// What a reader must know about it: a crew lost, an aborted launch, a total that includes time on
    /// an aborted launch.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<String>,
    /// The figure, with the bounds the precision of the data allows.
    pub elapsed: Elapsed,
    /// A stable key: astronaut id, `up>down@start` for crews, `flight/event` for EVAs, flight id for
    /// vehicles.
    pub key: String,
}

/// How a record moved: one step per new record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordStep {
    /// The new record.
    pub record: RecordEntry,
    /// When it was set (the end of the stay, EVA or flight).
    pub set: Time,
    /// The record it beat, if any.
    pub beat: Option<RecordEntry>,
    /// By how much, in seconds.
    pub margin_seconds: Option<i64>,
    /// True when the precision of the data cannot tell the two apart.
    pub margin_uncertain: bool,
}

/// A ranking, and the progression of its record where asked.
#[derive(Debug, Clone, Serialize)]
pub struct RecordsReport {
    /// What was ranked.
    pub kind: RecordKind,
    /// Which part of the catalog.
    pub scope: Filter,
    /// The moment the catalog is taken as it stood.
    #[serde(serialize_with = "super::query::utc_instant")]
    pub as_of: DateTime<Utc>,
    /// What the catalog covers ([`Catalog::description`]): the ranking covers it only.
    pub catalog: String,
    /// The ranked entries, longest first.
    pub entries: Vec<RecordEntry>,
    /// How the record moved, oldest first (with `--progression`).
    pub progression: Option<Vec<RecordStep>>,
    /// The entries in scope that were going on at `as_of` and were last checked against sources before
    /// it: they may have ended since.
    pub may_have_ended: Vec<String>,
}

/// What to rank.
#[derive(Debug, Clone)]
pub struct RecordsQuery {
    /// The kind of record.
    pub kind: RecordKind,
    /// The scope.
    pub scope: Filter,
    /// How many entries (all when `None`).
    pub top: Option<usize>,
    /// Take the catalog as it stood then (default: now).
    pub as_of: Option<DateTime<Utc>>,
    /// Also compute the progression.
    pub progression: bool,
}

/// A contender before ranking, borrowing from the catalog: a catalog of 100,000 flights has as many
/// contenders, and only the ranked entries are built as owned values.
#[derive(Debug, Clone)]
struct Candidate<'a> {
    label: Cow<'a, str>,
    route: Cow<'a, str>,
    astronauts: Vec<&'a str>,
    flights: Vec<&'a str>,
    start: &'a Time,
    end: Option<&'a Time>,
    key: Cow<'a, str>,
    checked: Option<&'a Time>,
}

/// A contender as it stood at some moment: its end then (`None` while going on) and its length.
#[derive(Debug, Clone)]
struct Part<'a> {
    candidate: &'a Candidate<'a>,
    end: Option<&'a Time>,
    elapsed: Elapsed,
}

impl<'a> Candidate<'a> {
    /// The contender as it stood at `at`, or `None` when it had not begun.
    fn part_at(&'a self, at: DateTime<Utc>) -> Option<Part<'a>> {
        if self.start.instant() > at {
            return None;
        }
        let (end, elapsed) = match self.end {
            Some(end) if end.instant() <= at => (Some(end), Elapsed::between(self.start, end)),
            _ => (None, Elapsed::until(self.start, at)),
        };
        Some(Part {
            candidate: self,
            end,
            elapsed,
        })
    }

    /// The entry as it stood at `at`, or `None` when it had not begun.
    fn at(&'a self, catalog: &Catalog, at: DateTime<Utc>) -> Option<RecordEntry> {
        self.part_at(at).map(|part| part.entry(catalog))
    }
}

impl Part<'_> {
    fn entry(&self, catalog: &Catalog) -> RecordEntry {
        let c = self.candidate;
        RecordEntry {
            rank: 0,
            label: c.label.to_string(),
            route: c.route.to_string(),
            names: c
                .astronauts
                .iter()
                .map(|a| catalog.name_of(a).to_string())
                .collect(),
            astronauts: c.astronauts.iter().map(|a| a.to_string()).collect(),
            flights: c.flights.iter().map(|f| f.to_string()).collect(),
            start: Some(c.start.clone()),
            ongoing: self.end.is_none(),
            end: self.end.cloned(),
            elapsed: self.elapsed,
            key: c.key.to_string(),
            marks: outcome_marks(catalog, c.flights.iter().map(|f| f.as_ref())),
        }
    }
}

/// The outcomes of `flights` that did not complete: `crew lost during the launch`, `aborted launch`.
fn outcome_marks<'a>(catalog: &Catalog, flights: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut marks: Vec<String> = Vec::new();
    for outcome in flights
        .filter_map(|f| catalog.flight(f))
        .map(|f| f.outcome())
        .filter(|o| *o != crate::model::Outcome::Completed)
    {
        let mark = outcome.describe().to_string();
        if !marks.contains(&mark) {
            marks.push(mark);
        }
    }
    marks
}

/// Ranks the catalog for `query`, as it stood at `query.as_of` (default `now`).
pub fn ranking(catalog: &Catalog, query: &RecordsQuery, now: DateTime<Utc>) -> RecordsReport {
    let as_of = query.as_of.unwrap_or(now).min(now);
    let parts = candidates(catalog, part_kind(query.kind), &query.scope);
    let entries = rank(catalog, query.kind, &parts, as_of, query.top);
    let may_have_ended = may_have_ended(&parts, as_of);
    RecordsReport {
        kind: query.kind,
        scope: query.scope.clone(),
        as_of,
        catalog: catalog.description(),
        entries,
        progression: query
            .progression
            .then(|| progression(catalog, query.kind, &query.scope, as_of)),
        may_have_ended,
    }
}

/// Every entry of `kind` in `scope` as it stood at `as_of`, longest first, ranked.
pub fn ranked(
    catalog: &Catalog,
    kind: RecordKind,
    scope: &Filter,
    as_of: DateTime<Utc>,
) -> Vec<RecordEntry> {
    let parts = candidates(catalog, part_kind(kind), scope);
    rank(catalog, kind, &parts, as_of, None)
}

/// What a record of `kind` is made of: totals add up stays or EVAs.
fn part_kind(kind: RecordKind) -> RecordKind {
    match kind {
        RecordKind::Cumulative => RecordKind::Stay,
        RecordKind::EvaTotal => RecordKind::Eva,
        k => k,
    }
}

/// The `top` entries (all when `None`) of `kind` made of `parts`, longest first, ranked. Contenders are
/// ordered by their figure first: only the entries shown are built.
fn rank(
    catalog: &Catalog,
    kind: RecordKind,
    parts: &[Candidate],
    as_of: DateTime<Utc>,
    top: Option<usize>,
) -> Vec<RecordEntry> {
    let top = top.unwrap_or(usize::MAX);
    let mut entries: Vec<RecordEntry> = match kind {
        RecordKind::Cumulative | RecordKind::EvaTotal => {
            let mut people: Vec<(&str, Vec<Part>)> = totals(parts, as_of).into_iter().collect();
            people.sort_by_cached_key(|(astronaut, parts)| {
                (std::cmp::Reverse(total_seconds(parts)), *astronaut)
            });
            people
                .iter()
                .take(top)
                .map(|(astronaut, parts)| total_entry(catalog, astronaut, parts))
                .collect()
        }
        _ => {
            let mut done: Vec<Part> = parts.iter().filter_map(|c| c.part_at(as_of)).collect();
            done.sort_by(|a, b| {
                b.elapsed
                    .seconds
                    .cmp(&a.elapsed.seconds)
                    .then_with(|| a.candidate.key.cmp(&b.candidate.key))
            });
            done.iter().take(top).map(|p| p.entry(catalog)).collect()
        }
    };
    for (i, e) in entries.iter_mut().enumerate() {
        e.rank = i + 1;
    }
    entries
}

/// The contenders going on at `as_of` that were last checked against sources before it.
fn may_have_ended(parts: &[Candidate], as_of: DateTime<Utc>) -> Vec<String> {
    parts
        .iter()
        .filter(|c| {
            c.start.instant() <= as_of
                && c.end.is_none_or(|e| e.instant() > as_of)
                && c.checked.is_none_or(|checked| checked.latest() < as_of)
        })
        .map(|c| c.label.to_string())
        .collect()
}

/// The single-interval contenders: stays, crews, EVAs, vehicles (totals are built from stays and EVAs).
fn candidates<'a>(catalog: &'a Catalog, kind: RecordKind, scope: &Filter) -> Vec<Candidate<'a>> {
    let flight = |id: &str| catalog.flight(id).expect("stays refer to catalog flights");
    match kind {
        RecordKind::Stay | RecordKind::Cumulative => catalog
            .stays()
            .iter()
            .map(|s| (s, flight(&s.up)))
            .filter(|(s, up)| stay_in_scope(catalog, s, up, scope))
            .map(|(s, up)| Candidate {
                label: Cow::Borrowed(catalog.name_of(&s.astronaut)),
                route: match s.down.as_deref().filter(|d| *d != s.up) {
                    Some(down) => Cow::Owned(format!("{} → {}", up.name, flight(down).name)),
                    None => Cow::Borrowed(up.name.as_str()),
                },
                astronauts: vec![s.astronaut.as_str()],
                flights: stay_flights(s),
                start: &s.start,
                end: s.end.as_ref(),
                key: Cow::Borrowed(s.astronaut.as_str()),
                checked: up.checked.as_ref(),
            })
            .collect(),
        RecordKind::Crew => crews(catalog.stays())
            .into_iter()
            .filter(|crew| {
                let up = flight(&crew[0].up);
                scope.admits_except_nation(up) && scope.admits_nation(&up.nation)
            })
            .map(|crew| {
                let first = crew[0];
                let up = flight(&first.up);
                Candidate {
                    label: Cow::Owned(format!("{} crew", up.name)),
                    route: first
                        .down
                        .as_deref()
                        .filter(|d| *d != first.up)
                        .map_or(Cow::Borrowed(""), |d| {
                            Cow::Owned(format!("down on {}", flight(d).name))
                        }),
                    astronauts: crew.iter().map(|s| s.astronaut.as_str()).collect(),
                    flights: stay_flights(first),
                    start: &first.start,
                    end: first.end.as_ref(),
                    key: Cow::Owned(format!(
                        "{}>{}@{}",
                        first.up,
                        first.down.as_deref().unwrap_or("-"),
                        first.start
                    )),
                    checked: up.checked.as_ref(),
                }
            })
            .collect(),
        RecordKind::Eva | RecordKind::EvaTotal => catalog
            .flights()
            .iter()
            .filter(|f| scope.admits_except_nation(f) && scope.admits_nation(&f.nation))
            .flat_map(|f| {
                f.events
                    .iter()
                    .filter(|e| e.kind == EventKind::Eva && e.end.is_some())
                    .map(move |e| Candidate {
                        label: Cow::Owned(format!("{} {}", f.name, e.id)),
                        route: Cow::Borrowed(""),
                        astronauts: e.crew.iter().map(String::as_str).collect(),
                        flights: vec![f.id.as_str()],
                        start: &e.time,
                        end: e.end.as_ref(),
                        key: Cow::Owned(format!("{}/{}", f.id, e.id)),
                        checked: f.checked.as_ref(),
                    })
            })
            .collect(),
        RecordKind::Vehicle => catalog
            .flights()
            .iter()
            .filter(|f| scope.admits_except_nation(f) && scope.admits_nation(&f.nation))
            .filter_map(|f| {
                Some(Candidate {
                    label: Cow::Borrowed(f.name.as_str()),
                    route: Cow::Borrowed(""),
                    astronauts: Vec::new(),
                    flights: vec![f.id.as_str()],
                    start: f.launch.time.as_ref()?,
                    end: f.landing_time(),
                    key: Cow::Borrowed(f.id.as_str()),
                    checked: f.checked.as_ref(),
                })
            })
            .collect(),
    }
}

fn stay_in_scope(catalog: &Catalog, stay: &Stay, up: &Flight, scope: &Filter) -> bool {
    let nation = catalog
        .astronaut(&stay.astronaut)
        .map_or("", |a| a.nation.as_str());
    scope.admits_except_nation(up) && scope.admits_nation(nation)
}

fn stay_flights(stay: &Stay) -> Vec<&str> {
    let mut flights = vec![stay.up.as_str()];
    if let Some(down) = stay.down.as_deref().filter(|d| *d != stay.up) {
        flights.push(down);
    }
    flights
}

/// What makes a crew: up flight, down flight, start, end.
type CrewKey<'a> = (&'a str, Option<&'a str>, &'a Time, Option<&'a Time>);

/// Stays grouped into crews: same up flight, down flight, start and end, in stay order.
pub fn crews<'a>(stays: impl IntoIterator<Item = &'a Stay>) -> Vec<Vec<&'a Stay>> {
    let mut groups: BTreeMap<CrewKey, Vec<&Stay>> = BTreeMap::new();
    for stay in stays {
        groups
            .entry((
                stay.up.as_str(),
                stay.down.as_deref(),
                &stay.start,
                stay.end.as_ref(),
            ))
            .or_default()
            .push(stay);
    }
    let mut crews: Vec<Vec<&Stay>> = groups.into_values().collect();
    crews.sort_by(|a, b| (&a[0].start, &a[0].up).cmp(&(&b[0].start, &b[0].up)));
    crews
}

/// Each person's parts (stays or EVAs) as they stood at `as_of`, in the order of `parts`.
fn totals<'a>(
    parts: &'a [Candidate<'a>],
    as_of: DateTime<Utc>,
) -> BTreeMap<&'a str, Vec<Part<'a>>> {
    let mut by_person: BTreeMap<&str, Vec<Part>> = BTreeMap::new();
    for part in parts.iter().filter_map(|c| c.part_at(as_of)) {
        for astronaut in &part.candidate.astronauts {
            by_person.entry(astronaut).or_default().push(part.clone());
        }
    }
    by_person
}

/// The sum of a person's parts (stays or EVAs) in time order.
fn total_seconds(parts: &[Part]) -> i64 {
    parts.iter().map(|p| p.elapsed.seconds).sum()
}

fn total_entry(catalog: &Catalog, astronaut: &str, parts: &[Part]) -> RecordEntry {
    let sum = |f: fn(&Elapsed) -> i64| parts.iter().map(|p| f(&p.elapsed)).sum::<i64>();
    let mut flights: Vec<String> = Vec::new();
    for p in parts {
        for f in &p.candidate.flights {
            if !flights.iter().any(|known| known == f) {
                flights.push(f.to_string());
            }
        }
    }
    RecordEntry {
        rank: 0,
        label: catalog.name_of(astronaut).to_string(),
        route: format!(
            "{} stay{}",
            parts.len(),
            if parts.len() == 1 { "" } else { "s" }
        ),
        astronauts: vec![astronaut.to_string()],
        names: vec![catalog.name_of(astronaut).to_string()],
        flights,
        start: parts.first().map(|p| p.candidate.start.clone()),
        end: parts.last().and_then(|p| p.end.cloned()),
        ongoing: parts.iter().any(|p| p.end.is_none()),
        elapsed: Elapsed {
            seconds: total_seconds(parts),
            min_seconds: sum(|e| e.min_seconds),
            max_seconds: sum(|e| e.max_seconds),
            precision: parts
                .iter()
                .map(|p| p.elapsed.precision)
                .min()
                .unwrap_or(crate::model::Precision::Second),
        },
        key: astronaut.to_string(),
        marks: {
            let aborts = parts
                .iter()
                .filter_map(|p| p.candidate.flights.first())
                .filter_map(|f| catalog.flight(f))
                .filter(|f| {
                    matches!(
                        f.outcome(),
                        crate::model::Outcome::AbortedLaunch
                            | crate::model::Outcome::CrewLostOnLaunch
                    )
                })
                .count();
            if aborts > 0 {
                vec![format!(
                    "includes {aborts} aborted launch{}",
                    if aborts == 1 { "" } else { "es" }
                )]
            } else {
                Vec::new()
            }
        },
    }
}

/// How the record of `kind` in `scope` moved, up to `as_of`: a step each time a completed entry beat the
/// longest that had ended before it.
pub fn progression(
    catalog: &Catalog,
    kind: RecordKind,
    scope: &Filter,
    as_of: DateTime<Utc>,
) -> Vec<RecordStep> {
    let mut steps: Vec<RecordStep> = Vec::new();
    let mut best: Option<RecordEntry> = None;
    let mut push = |entry: RecordEntry, set: Time, best: &mut Option<RecordEntry>| {
        if best
            .as_ref()
            .is_none_or(|b| entry.elapsed.seconds > b.elapsed.seconds)
        {
            let beat = best.clone();
            steps.push(RecordStep {
                margin_seconds: beat
                    .as_ref()
                    .map(|b| entry.elapsed.seconds - b.elapsed.seconds),
                margin_uncertain: beat
                    .as_ref()
                    .is_some_and(|b| entry.elapsed.min_seconds <= b.elapsed.max_seconds),
                record: entry.clone(),
                set,
                beat,
            });
            *best = Some(entry);
        }
    };
    match kind {
        RecordKind::Cumulative | RecordKind::EvaTotal => {
            // Walk the ends in time order, keeping each person's running total.
            let mut parts: Vec<Candidate> = candidates(catalog, part_kind(kind), scope)
                .into_iter()
                .filter(|c| c.end.is_some_and(|e| e.instant() <= as_of))
                .collect();
            parts.sort_by(|a, b| a.end.cmp(&b.end));
            let mut so_far: HashMap<&str, Vec<Part>> = HashMap::new();
            for part in parts.iter().filter_map(|c| c.part_at(as_of)) {
                let set = part.end.expect("filtered on end");
                for astronaut in &part.candidate.astronauts {
                    let list = so_far.entry(astronaut).or_default();
                    list.push(part.clone());
                    // Build the entry only for a total that can be a new record.
                    let seconds = total_seconds(list);
                    if best.as_ref().is_none_or(|b| seconds > b.elapsed.seconds) {
                        let total = total_entry(catalog, astronaut, list);
                        push(total, set.clone(), &mut best);
                    }
                }
            }
        }
        _ => {
            let mut done: Vec<Candidate> = candidates(catalog, kind, scope)
                .into_iter()
                .filter(|c| c.end.is_some_and(|e| e.instant() <= as_of))
                .collect();
            done.sort_by(|a, b| (&a.end, &a.key).cmp(&(&b.end, &b.key)));
            for c in &done {
                if let Some(entry) = c.at(catalog, as_of) {
                    push(entry, c.end.cloned().expect("filtered on end"), &mut best);
                }
            }
        }
    }
    steps
}
