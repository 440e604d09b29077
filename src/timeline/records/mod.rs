//! Records: the longest stays, crew stays, totals, EVAs and vehicle flights in a scope, and how each
//! record moved over time.
//!
//! Everything is computed "as the catalog stood" at a moment (`as_of`): stays that had not begun are left
//! out, and stays still going on then are counted so far and marked as such. A record is *set* when the
//! stay (or EVA, or flight) that holds it ends, and beats the longest one that had ended before. Rankings
//! cover the loaded catalog only, and say so.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

mod candidates;

pub use candidates::crews;
use candidates::{candidates, total_elapsed, total_entry, totals};

use super::Elapsed;
use crate::catalog::{Catalog, Filter};
use crate::model::Time;

/// What is being ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecordEntry {
    /// Place in the ranking, from 1: the best place the entry surely holds (see
    /// [`rank_ranges`](super::ranks::rank_ranges)); left out of JSON for an entry that is not ranked (a
    /// step of a record's history).
    #[serde(skip_serializing_if = "unranked")]
    pub rank: usize,
    /// When the precision of the data leaves the place undecided, the worst place the entry could hold
    /// (the entry could be anywhere from `rank` to this); left out of JSON when the place is decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_at_worst: Option<usize>,
    /// For people: "Chen Dong"; for crews: "Shenzhou-20 crew"; for EVAs: "Shenzhou-20 eva-3"; for
    /// vehicles: the flight name.
    pub label: String,
    /// Where: `Shenzhou-20 → Shenzhou-21` for a person's stay, `down on Shenzhou-21` for a crew that came
    /// home on another vehicle, `3 stays` (`6 EVAs`) for a total; empty where the label says it all.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub route: String,
    /// The astronaut ids involved (none for a vehicle).
    pub astronauts: Vec<String>,
    /// Their names.
    pub names: Vec<String>,
    /// The flights involved: up and down for stays, the flight for EVAs and vehicles.
    pub flights: Vec<String>,
    /// When it began (for totals, the first stay).
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub start: Option<Time>,
    /// When it ended; `null` while going on at `as_of`.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
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

fn unranked(rank: &usize) -> bool {
    *rank == 0
}

/// How a record moved: one step per new record.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecordStep {
    /// The new record.
    pub record: RecordEntry,
    /// When it was set (the end of the stay, EVA or flight).
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub set: Time,
    /// The record it beat, if any.
    pub beat: Option<RecordEntry>,
    /// By how much, in seconds; `null` for the first, and where a figure is not decided (a time known
    /// only to the day).
    pub margin_seconds: Option<i64>,
    /// True when the precision of the data cannot tell the two apart.
    pub margin_uncertain: bool,
}

impl RecordStep {
    /// The margin for people: `+5 h 55 min`, `+15 min (within precision)`, or where a figure is not
    /// decided the range of the margin (`+between 2 h 0 min and 9 h 31 min`) or `undecided (the ranges
    /// overlap)`; `None` for the first record.
    pub fn margin_text(&self) -> Option<String> {
        let beat = self.beat.as_ref()?;
        Some(match self.margin_seconds {
            Some(m) => format!(
                "+{}{}",
                super::format_seconds(m, false),
                if self.margin_uncertain {
                    " (within precision)"
                } else {
                    ""
                }
            ),
            None if self.margin_uncertain => "undecided (the ranges overlap)".into(),
            None => format!(
                "+{}",
                super::format_range(
                    self.record.elapsed.min_seconds - beat.elapsed.max_seconds,
                    self.record.elapsed.max_seconds - beat.elapsed.min_seconds
                )
            ),
        })
    }
}

/// A ranking, and the progression of its record where asked.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecordsReport {
    /// What was ranked.
    pub kind: RecordKind,
    /// Which part of the catalog.
    pub scope: Filter,
    /// The moment the catalog is taken as it stood.
    #[serde(serialize_with = "crate::model::instant::computed")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub as_of: DateTime<Utc>,
    /// What the catalog covers ([`Catalog::description`]): the ranking covers it only.
    pub catalog: String,
    /// The ranked entries, longest first.
    pub entries: Vec<RecordEntry>,
    /// How many entries in scope (shown or not) have a figure the data does not decide (a time known only
    /// to the day): their `elapsed.seconds` is `null` and their place may be a range.
    pub imprecise: usize,
    /// Why there are no entries when the scope has flights but none has an EVA recorded (`no EVAs
    /// recorded for these 57 flights: …`); left out of JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty_reason: Option<String>,
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
            rank_at_worst: None,
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
    let (entries, imprecise) = rank(catalog, query.kind, &parts, as_of, query.top);
    let may_have_ended = may_have_ended(&parts, as_of);
    let empty_reason = entries
        .is_empty()
        .then(|| no_evas(catalog, query.kind, &query.scope))
        .flatten();
    RecordsReport {
        kind: query.kind,
        scope: query.scope.clone(),
        as_of,
        catalog: catalog.description(),
        entries,
        imprecise,
        empty_reason,
        progression: query
            .progression
            .then(|| progression(catalog, query.kind, &query.scope, as_of)),
        may_have_ended,
    }
}

/// For an EVA ranking of a scope whose flights have no EVAs recorded: says so, and why when the catalog
/// has flights from McDowell's tables (they list no EVAs; only curated flight files record them).
fn no_evas(catalog: &Catalog, kind: RecordKind, scope: &Filter) -> Option<String> {
    if !matches!(kind, RecordKind::Eva | RecordKind::EvaTotal) {
        return None;
    }
    let in_scope = catalog
        .flights()
        .iter()
        .filter(|f| scope.admits_except_nation(f) && scope.admits_nation(&f.nation))
        .count();
    let why = if catalog.has_generated_layer() {
        ": McDowell's tables do not list them, and only curated flight files record EVAs"
    } else {
        ""
    };
    (in_scope > 0).then(|| {
        format!(
            "no EVAs recorded for {} flight{}{why}",
            if in_scope == 1 {
                "this".to_string()
            } else {
                format!("these {in_scope}")
            },
            if in_scope == 1 { "" } else { "s" }
        )
    })
}

/// Every entry of `kind` in `scope` as it stood at `as_of`, longest first, ranked.
pub fn ranked(
    catalog: &Catalog,
    kind: RecordKind,
    scope: &Filter,
    as_of: DateTime<Utc>,
) -> Vec<RecordEntry> {
    let parts = candidates(catalog, part_kind(kind), scope);
    rank(catalog, kind, &parts, as_of, None).0
}

/// What a record of `kind` is made of: totals add up stays or EVAs.
fn part_kind(kind: RecordKind) -> RecordKind {
    match kind {
        RecordKind::Cumulative => RecordKind::Stay,
        RecordKind::EvaTotal => RecordKind::Eva,
        k => k,
    }
}

/// The `top` entries (all when `None`) of `kind` made of `parts`, longest first, ranked, and how many
/// entries in all have a figure the data does not decide. Contenders are ordered by what is known, the
/// least each can be (then the most, then the key); only the entries shown are built.
fn rank(
    catalog: &Catalog,
    kind: RecordKind,
    parts: &[Candidate],
    as_of: DateTime<Utc>,
    top: Option<usize>,
) -> (Vec<RecordEntry>, usize) {
    let top = top.unwrap_or(usize::MAX);
    let by_known = |e: &Elapsed| {
        (
            std::cmp::Reverse(e.min_seconds),
            std::cmp::Reverse(e.max_seconds),
        )
    };
    let (mut entries, ranges): (Vec<RecordEntry>, Vec<Elapsed>) = match kind {
        RecordKind::Cumulative | RecordKind::EvaTotal => {
            let mut people: Vec<(&str, Vec<Part>, Elapsed)> = totals(parts, as_of)
                .into_iter()
                .map(|(astronaut, parts)| {
                    let total = total_elapsed(&parts);
                    (astronaut, parts, total)
                })
                .collect();
            people.sort_by_key(|(astronaut, _, total)| (by_known(total), *astronaut));
            let entries = people
                .iter()
                .take(top)
                .map(|(astronaut, parts, _)| total_entry(catalog, kind, astronaut, parts))
                .collect();
            (entries, people.iter().map(|p| p.2).collect())
        }
        _ => {
            let mut done: Vec<Part> = parts.iter().filter_map(|c| c.part_at(as_of)).collect();
            done.sort_by(|a, b| {
                by_known(&a.elapsed)
                    .cmp(&by_known(&b.elapsed))
                    .then_with(|| a.candidate.key.cmp(&b.candidate.key))
            });
            let entries = done.iter().take(top).map(|p| p.entry(catalog)).collect();
            (entries, done.iter().map(|p| p.elapsed).collect())
        }
    };
    for (e, (best, worst)) in entries.iter_mut().zip(super::ranks::rank_ranges(&ranges)) {
        e.rank = best;
        e.rank_at_worst = (worst != best).then_some(worst);
    }
    let imprecise = ranges.iter().filter(|e| e.figure().is_none()).count();
    (entries, imprecise)
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

/// How the record of `kind` in `scope` moved, up to `as_of`: a step each time a completed entry beat the
/// longest that had ended before it, by what is known (the least each can be, as in [`rank`]).
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
            .is_none_or(|b| entry.elapsed.min_seconds > b.elapsed.min_seconds)
        {
            let beat = best.clone();
            steps.push(RecordStep {
                margin_seconds: beat
                    .as_ref()
                    .and_then(|b| Some(entry.elapsed.figure()? - b.elapsed.figure()?)),
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
                    let least = total_elapsed(list).min_seconds;
                    if best.as_ref().is_none_or(|b| least > b.elapsed.min_seconds) {
                        let total = total_entry(catalog, kind, astronaut, list);
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
