//! A claim that a figure is or was a record ("the longest stay of a Chinese crew"): where the subject
//! ranks, what it beat, and what has beaten it since, as of the moment the claim is asked about.

use chrono::{DateTime, Utc};

use super::{ClaimError, ClaimPart, ClaimQuery, ClaimResult, Verdict};
use crate::catalog::{Catalog, Filter};
use crate::timeline::records::{progression, ranked, RecordEntry, RecordKind};
use crate::timeline::{format_elapsed, format_seconds};
/// An entry in one or two short lines: `Shenzhou-18 crew, 192 d 4 h 25 min 27 s, ended 2024-11-03`, then
/// the people's names where they are not the label.
fn describe(entry: &RecordEntry) -> Vec<String> {
    let mut text = format!("{}, {}", entry.label, format_elapsed(&entry.elapsed));
    if let Some(end) = &entry.end {
        text.push_str(&format!(", ended {}", end.instant().date_naive()));
    } else if entry.ongoing {
        text.push_str(" so far, still going on");
    }
    let mut lines = vec![text];
    if !entry.names.is_empty() && entry.names != [entry.label.clone()] {
        lines.push(format!("({})", entry.names.join(", ")));
    }
    lines
}

pub(super) fn record_part(
    catalog: &Catalog,
    kind: RecordKind,
    scope: &Filter,
    entry: &RecordEntry,
    as_of: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> ClaimPart {
    let claim = format!(
        "the record for {} ({}, {})",
        kind.title(),
        scope.describe(),
        catalog.label()
    );
    let mut reasons = Vec::new();
    let Some(end) = entry.end.clone() else {
        return ClaimPart {
            claim,
            verdict: Verdict::Undecided,
            reasons: vec!["it has not ended yet: a record is set when the stay ends".into()],
            results: vec![ClaimResult::Record {
                ended: None,
                set_record: false,
                beat: None,
                margin_seconds: None,
                margin_uncertain: false,
                record_then: None,
                beaten_by: None,
                as_of,
            }],
        };
    };
    // The record as it stood just before this entry ended.
    let steps = progression(catalog, kind, scope, end.instant());
    let set_it = steps
        .iter()
        .find(|s| s.record.key == entry.key && s.set == end);
    let mut verdict = match set_it {
        Some(step) => {
            match &step.beat {
                Some(beat) => {
                    reasons.push(format!("set the record when it ended, {}", end.utc_text()));
                    reasons.push(match step.margin_seconds {
                        Some(margin) => format!(
                            "beating by {}{}:",
                            format_seconds(margin, false),
                            if step.margin_uncertain {
                                " (within the precision of the data)"
                            } else {
                                ""
                            }
                        ),
                        None => format!(
                            "beating, by a margin the data does not decide ({}):",
                            step.margin_text().unwrap_or_default()
                        ),
                    });
                    reasons.extend(describe(beat).into_iter().map(|l| format!("  {l}")));
                }
                None => reasons.push(format!(
                    "the first of its kind in scope, set {}",
                    end.utc_text()
                )),
            }
            if step.margin_uncertain {
                Verdict::Undecided
            } else {
                Verdict::Holds
            }
        }
        None => {
            reasons.push(format!(
                "it did not set the record when it ended, {}; the record then was",
                end.utc_text()
            ));
            if let Some(holder) = steps.last() {
                reasons.extend(
                    describe(&holder.record)
                        .into_iter()
                        .map(|l| format!("  {l}")),
                );
            }
            Verdict::Fails
        }
    };
    // Did it still stand later?
    let later = as_of.unwrap_or(now).min(now);
    let beaten_by = ranked(catalog, kind, scope, later)
        .into_iter()
        // By what is known, as the progression moves (docs/figures.md).
        .filter(|e| e.key != entry.key && e.elapsed.min_seconds > entry.elapsed.min_seconds)
        .filter(|e| e.end.as_ref().is_none_or(|x| x.instant() > end.instant()))
        // The first to pass it: the moment each one's length went past the record's.
        .min_by_key(|e| {
            e.start
                .as_ref()
                .map(|s| s.instant() + chrono::Duration::seconds(entry.elapsed.seconds))
        });
    let result = ClaimResult::Record {
        ended: Some(end.clone()),
        set_record: set_it.is_some(),
        beat: set_it.and_then(|s| s.beat.clone()).map(Box::new),
        margin_seconds: set_it.and_then(|s| s.margin_seconds),
        margin_uncertain: set_it.is_some_and(|s| s.margin_uncertain),
        record_then: set_it
            .is_none()
            .then(|| steps.last().map(|s| Box::new(s.record.clone())))
            .flatten(),
        beaten_by: beaten_by.clone().map(Box::new),
        as_of,
    };
    match (beaten_by, as_of) {
        (Some(by), Some(at)) => {
            reasons.push(format!(
                "as of {} it no longer stood: beaten by",
                at.date_naive()
            ));
            reasons.extend(describe(&by).into_iter().map(|l| format!("  {l}")));
            verdict = Verdict::Fails;
        }
        (Some(by), None) => {
            reasons.push("since beaten by".into());
            reasons.extend(describe(&by).into_iter().map(|l| format!("  {l}")));
        }
        (None, Some(at)) => reasons.push(format!("still the record as of {}", at.date_naive())),
        (None, None) => reasons.push("still the record in this catalog".into()),
    }
    ClaimPart {
        claim,
        verdict,
        reasons,
        results: vec![result],
    }
}

/// The subject's entry in the ranking of `record`: a crew's stay is also each member's single stay (the
/// first member's is used); other mismatches cannot be compared.
pub(super) fn entry_as(
    catalog: &Catalog,
    kind: RecordKind,
    record: RecordKind,
    entry: &RecordEntry,
    query: &ClaimQuery,
    now: DateTime<Utc>,
) -> Result<RecordEntry, ClaimError> {
    if kind == record {
        return Ok(entry.clone());
    }
    let at = query.as_of.unwrap_or(now).min(now);
    match (kind, record) {
        (RecordKind::Crew, RecordKind::Stay) => ranked(catalog, RecordKind::Stay, &Filter::default(), at)
            .into_iter()
            .find(|e| e.astronauts.first() == entry.astronauts.first() && e.flights == entry.flights)
            .ok_or_else(|| ClaimError::Ambiguous("no single stay for this crew".into())),
        (RecordKind::Stay, RecordKind::Crew) => ranked(catalog, RecordKind::Crew, &Filter::default(), at)
            .into_iter()
            .find(|e| e.astronauts.contains(&entry.astronauts[0]) && e.flights == entry.flights)
            .ok_or_else(|| ClaimError::Ambiguous("no crew for this stay".into())),
        _ => Err(ClaimError::Ambiguous(format!(
            "a {} cannot hold a record for {}: check a flight for crew or stay records, an astronaut for cumulative",
            match kind {
                RecordKind::Cumulative => "person's total",
                RecordKind::Crew => "crew's stay",
                _ => "stay",
            },
            record.title()
        ))),
    }
}
