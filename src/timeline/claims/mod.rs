//! Checking a published claim ("204 days, the longest stay of a Chinese crew") against the catalog, and
//! saying why it holds or not.
//!
//! Each part of a claim gets a [`Verdict`]: it holds, it does not (with the real figure), or the catalog
//! cannot decide it (the precision of the data straddles the boundary). The check never guesses: an
//! undecided part is reported as such, with the range that makes it so.

use chrono::{DateTime, Utc};
use serde::Serialize;

mod record;
mod result;

use super::records::{ranked, RecordEntry, RecordKind};
use super::station::{history, ReturnGap};
use super::{format_seconds, DayConventions};
use crate::catalog::{Catalog, Filter};
use crate::model::{Reference, Time};
use record::{entry_as, record_part};
use result::day_count;
pub use result::ClaimResult;

/// Whether a claim holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The data supports it.
    Holds,
    /// The data cannot decide it.
    Undecided,
    /// The data contradicts it.
    Fails,
}

/// How sources turn a duration into "N days".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Convention {
    /// Rounded to the nearest day.
    Rounded,
    /// Whole days elapsed.
    Floor,
    /// Days begun.
    Ceil,
    /// Difference of calendar dates (UTC, or the zone the times were published in).
    Calendar,
    /// Any of the above.
    Any,
}

impl Convention {
    /// Parses the command-line name.
    pub fn parse(text: &str) -> Result<Convention, String> {
        Ok(match text {
            "rounded" => Convention::Rounded,
            "floor" => Convention::Floor,
            "ceil" => Convention::Ceil,
            "calendar" => Convention::Calendar,
            "any" => Convention::Any,
            other => {
                return Err(format!(
                    "`{other}` is not a convention: use rounded, floor, ceil, calendar or any"
                ))
            }
        })
    }
}

/// The longest claim `check` takes, in days: a century, far beyond any stay or career in space (the
/// longest single stay is 437 days), and far from the arithmetic's limits.
pub const MAX_CLAIM_DAYS: i64 = 36_525;

/// A duration as a claim writes it: `203d23h`, `204d`, `21h23m`. The smallest unit given is the claim's
/// precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ClaimedDuration {
    /// The figure in seconds.
    pub seconds: i64,
    /// The smallest unit written, in seconds (86 400 for days, 3 600 for hours, 60 for minutes, 1).
    pub unit: i64,
}

impl ClaimedDuration {
    /// Parses `203d23h`, `203d 23h 23m`, `21h`, `45m 10s`.
    pub fn parse(text: &str) -> Result<ClaimedDuration, String> {
        let mut seconds = 0i64;
        let mut unit = 0i64;
        let mut number = String::new();
        for ch in text.chars().filter(|c| !c.is_whitespace()) {
            if ch.is_ascii_digit() {
                number.push(ch);
                continue;
            }
            let size = match ch {
                'd' => 86_400,
                'h' => 3_600,
                'm' => 60,
                's' => 1,
                _ => {
                    return Err(format!(
                        "`{text}`: use days, hours, minutes, seconds like 203d23h23m"
                    ))
                }
            };
            if number.is_empty() {
                return Err(format!("`{text}`: a number must come before `{ch}`"));
            }
            let too_long = || {
                format!("`{text}`: a claimed duration is at most {MAX_CLAIM_DAYS} days (a century)")
            };
            let value: i64 = number.parse().map_err(|_| too_long())?;
            number.clear();
            seconds = value
                .checked_mul(size)
                .and_then(|s| s.checked_add(seconds))
                .filter(|&s| s <= MAX_CLAIM_DAYS * 86_400)
                .ok_or_else(too_long)?;
            unit = size;
        }
        if !number.is_empty() || unit == 0 {
            return Err(format!(
                "`{text}`: give a unit after each number, like 203d23h"
            ));
        }
        Ok(ClaimedDuration { seconds, unit })
    }
}

/// What to check.
#[derive(Debug, Clone)]
pub struct ClaimQuery {
    /// A flight (its crew's stay), an astronaut (their total), `astronaut@flight` (one stay) or a station.
    pub subject: String,
    /// "N days".
    pub days: Option<i64>,
    /// A duration such as `203d23h`.
    pub duration: Option<ClaimedDuration>,
    /// How the days were counted.
    pub convention: Convention,
    /// "The longest … " of this kind.
    pub record: Option<RecordKind>,
    /// The scope of the record.
    pub scope: Filter,
    /// The record must still stand at this moment.
    pub as_of: Option<DateTime<Utc>>,
    /// For a station: there were no gaps in return-craft coverage.
    pub no_gaps: bool,
}

/// One part of a claim and its verdict.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClaimPart {
    /// The claim in words.
    pub claim: String,
    /// Whether it holds.
    pub verdict: Verdict,
    /// Why, one line each, for people (JSON gives `results` instead).
    #[serde(skip)]
    pub reasons: Vec<String>,
    /// Why, as objects: what each count, rule or record comparison gave.
    pub results: Vec<ClaimResult>,
}

/// The answer to `orbitline check`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CheckReport {
    /// What was checked.
    pub subject: String,
    /// The stay or total checked, where the subject has one.
    pub figure: Option<RecordEntry>,
    /// Each part of the claim.
    pub parts: Vec<ClaimPart>,
    /// The worst verdict of the parts.
    pub verdict: Verdict,
    /// The catalog's label and size, and when it was last checked: the answer covers it only.
    pub catalog: String,
    /// Number of flights in the catalog.
    pub flights: usize,
    /// When the catalog was last checked against its sources (latest `checked`).
    #[serde(serialize_with = "crate::model::instant::published_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub checked: Option<String>,
}

/// Why a claim could not be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimError {
    /// The subject is not in the catalog.
    #[error("no flight, astronaut or station `{0}` in the catalog")]
    UnknownSubject(String),
    /// The subject does not say which stay.
    #[error("{0}")]
    Ambiguous(String),
    /// Nothing to check.
    #[error("nothing to check: give --days, --duration, --record or (for a station) --no-gaps")]
    Empty,
}

/// Checks `query` against the catalog.
pub fn check(
    catalog: &Catalog,
    query: &ClaimQuery,
    now: DateTime<Utc>,
) -> Result<CheckReport, ClaimError> {
    if query.days.is_none() && query.duration.is_none() && query.record.is_none() && !query.no_gaps
    {
        return Err(ClaimError::Empty);
    }
    let mut parts = Vec::new();
    let mut figure = None;
    if catalog.station(&query.subject).is_some() {
        parts.push(gaps_part(
            catalog,
            &query.subject,
            query.as_of.unwrap_or(now),
        ));
    } else {
        let (kind, entry) = subject_entry(catalog, query, now)?;
        if query.days.is_some() || query.duration.is_some() {
            // Calendar counts need one interval: a person's total spans many.
            let conventions = entry
                .end
                .as_ref()
                .zip(entry.start.as_ref())
                .filter(|_| kind != RecordKind::Cumulative)
                .map(|(end, start)| DayConventions::between(start, end));
            if let Some(days) = query.days {
                parts.push(days_part(
                    days,
                    query.convention,
                    &entry,
                    conventions.as_ref(),
                ));
            }
            if let Some(claimed) = query.duration {
                parts.push(duration_part(claimed, &entry));
            }
        }
        if let Some(record) = query.record {
            let subject = entry_as(catalog, kind, record, &entry, query, now)?;
            parts.push(record_part(
                catalog,
                record,
                &query.scope,
                &subject,
                query.as_of,
                now,
            ));
        }
        figure = Some(entry);
    }
    let verdict = parts
        .iter()
        .map(|p| p.verdict)
        .max()
        .unwrap_or(Verdict::Holds);
    Ok(CheckReport {
        subject: query.subject.clone(),
        figure,
        verdict,
        parts,
        catalog: catalog.description(),
        flights: catalog.flights().len(),
        checked: catalog.checked_range().map(|(_, hi)| hi.to_string()),
    })
}

/// The figure the subject names: a flight's crew stay, an astronaut's total, one person's stay.
fn subject_entry(
    catalog: &Catalog,
    query: &ClaimQuery,
    now: DateTime<Utc>,
) -> Result<(RecordKind, RecordEntry), ClaimError> {
    let at = query.as_of.unwrap_or(now).min(now);
    let everyone = Filter::default();
    let subject = query.subject.as_str();
    if let Reference::Stay { astronaut, flight } = Reference::parse(subject) {
        let entry = ranked(catalog, RecordKind::Stay, &everyone, at)
            .into_iter()
            .find(|e| {
                e.astronauts == [astronaut] && e.flights.first().map(String::as_str) == Some(flight)
            })
            .ok_or_else(|| ClaimError::UnknownSubject(subject.to_string()))?;
        return Ok((RecordKind::Stay, entry));
    }
    if catalog.flight(subject).is_some() {
        let crews: Vec<RecordEntry> = ranked(catalog, RecordKind::Crew, &everyone, at)
            .into_iter()
            .filter(|e| e.flights.first().map(String::as_str) == Some(subject))
            .collect();
        return match crews.len() {
            0 => Err(ClaimError::Ambiguous(format!(
                "no crew went up on {subject} (by {}): check a crewed flight, or an astronaut",
                Time::from_utc(at)
            ))),
            1 => Ok((RecordKind::Crew, crews.into_iter().next().expect("one crew"))),
            _ => Err(ClaimError::Ambiguous(format!(
                "the crew of {subject} came home in {} groups: name one person as astronaut@{subject}",
                crews.len()
            ))),
        };
    }
    if catalog.astronaut(subject).is_some() {
        let entry = ranked(catalog, RecordKind::Cumulative, &everyone, at)
            .into_iter()
            .find(|e| e.astronauts == [subject])
            .ok_or_else(|| ClaimError::Ambiguous(format!("{subject} had not flown by then")))?;
        return Ok((RecordKind::Cumulative, entry));
    }
    Err(ClaimError::UnknownSubject(subject.to_string()))
}

fn days_part(
    days: i64,
    convention: Convention,
    entry: &RecordEntry,
    conventions: Option<&DayConventions>,
) -> ClaimPart {
    let claim = match convention {
        Convention::Any => format!("{days} days"),
        c => format!(
            "{days} days ({})",
            serde_json::to_value(c)
                .map(|v| v.as_str().unwrap_or("").to_string())
                .unwrap_or_default()
        ),
    };
    let exact = super::format_elapsed(&entry.elapsed);
    // Totals and stays still going on: only the length-based conventions apply.
    let c = conventions
        .cloned()
        .unwrap_or_else(|| DayConventions::by_length(&entry.elapsed));
    let mut counts = vec![
        (
            "rounded".to_string(),
            c.rounded.value,
            c.rounded.min,
            c.rounded.max,
        ),
        ("floor".to_string(), c.floor.value, c.floor.min, c.floor.max),
        ("ceil".to_string(), c.ceil.value, c.ceil.min, c.ceil.max),
    ];
    if let Some(d) = c.calendar_utc {
        counts.push(("calendar UTC".to_string(), Some(d), d, d));
    }
    if let (Some(d), Some(offset)) = (c.calendar_local, &c.local_offset) {
        if offset != "+00:00" {
            counts.push((format!("calendar {offset}"), Some(d), d, d));
        }
    }
    judge_days(claim, days, convention, &exact, counts)
}

fn judge_days(
    claim: String,
    days: i64,
    convention: Convention,
    exact: &str,
    counts: Vec<(String, Option<i64>, i64, i64)>,
) -> ClaimPart {
    let applies = |name: &str| match convention {
        Convention::Any => true,
        Convention::Rounded => name == "rounded",
        Convention::Floor => name == "floor",
        Convention::Ceil => name == "ceil",
        Convention::Calendar => name.starts_with("calendar"),
    };
    let relevant: Vec<&(String, Option<i64>, i64, i64)> =
        counts.iter().filter(|c| applies(&c.0)).collect();
    let gives: Vec<&str> = relevant
        .iter()
        .filter(|c| c.2 == days && c.3 == days)
        .map(|c| c.0.as_str())
        .collect();
    let maybe: Vec<&str> = relevant
        .iter()
        .filter(|c| (c.2..=c.3).contains(&days) && !(c.2 == days && c.3 == days))
        .map(|c| c.0.as_str())
        .collect();
    let listing: Vec<String> = counts
        .iter()
        .map(|(name, _, lo, hi)| {
            if lo == hi {
                format!("{lo} {name}")
            } else {
                format!("{lo}–{hi} {name}")
            }
        })
        .collect();
    let (by_date, by_length): (Vec<String>, Vec<String>) =
        listing.into_iter().partition(|l| l.contains("calendar"));
    let mut reasons = vec![format!("{exact} is {}", by_length.join(", "))];
    if !by_date.is_empty() {
        reasons.push(format!(
            "  and by calendar dates {}",
            by_date.join(", ").replace(" calendar", "")
        ));
    }
    let verdict = if !gives.is_empty() {
        let others: Vec<String> = relevant
            .iter()
            .filter(|c| !gives.contains(&c.0.as_str()))
            .map(|c| {
                format!(
                    "{} ({})",
                    c.0,
                    if c.2 == c.3 {
                        c.2.to_string()
                    } else {
                        format!("{}–{}", c.2, c.3)
                    }
                )
            })
            .collect();
        reasons.push(format!(
            "{days} days by: {}{}",
            gives.join(", "),
            if others.is_empty() {
                String::new()
            } else {
                format!("; not by: {}", others.join(", "))
            }
        ));
        Verdict::Holds
    } else if !maybe.is_empty() {
        reasons.push(format!(
            "the precision of the data cannot decide the {} count: it could be {days} or not",
            maybe.join(" or ")
        ));
        Verdict::Undecided
    } else {
        reasons.push(format!(
            "no {} count gives {days} days",
            if convention == Convention::Any {
                "convention's"
            } else {
                "such"
            }
        ));
        Verdict::Fails
    };
    let results = counts
        .iter()
        .map(|(name, value, min, max)| day_count(name, days, (*value, *min, *max), applies(name)))
        .collect();
    ClaimPart {
        claim,
        verdict,
        reasons,
        results,
    }
}

fn duration_part(claimed: ClaimedDuration, entry: &RecordEntry) -> ClaimPart {
    let e = &entry.elapsed;
    let unit = claimed.unit;
    let show_seconds = unit == 1;
    let claim = format_seconds(claimed.seconds, show_seconds);
    // The claim holds if the figure, truncated or rounded to the claim's smallest unit, equals it.
    let truncated = |s: i64| s.div_euclid(unit) * unit;
    let rounded = |s: i64| (s + unit / 2).div_euclid(unit) * unit;
    let fits = |f: &dyn Fn(i64) -> i64| {
        let (lo, hi) = (f(e.min_seconds), f(e.max_seconds));
        if lo == claimed.seconds && hi == claimed.seconds {
            Verdict::Holds
        } else if (lo..=hi).contains(&claimed.seconds) {
            Verdict::Undecided
        } else {
            Verdict::Fails
        }
    };
    let (by_truncation, by_rounding) = (fits(&truncated), fits(&rounded));
    let result = |rule: &str, f: &dyn Fn(i64) -> i64, holds| ClaimResult::Duration {
        rule: rule.into(),
        claimed_seconds: claimed.seconds,
        min_seconds: f(e.min_seconds),
        max_seconds: f(e.max_seconds),
        holds,
    };
    let results = vec![
        result("truncated", &truncated, by_truncation),
        result("rounded", &rounded, by_rounding),
    ];
    let verdict = by_truncation.min(by_rounding);
    let mut reasons = vec![format!("the catalog gives {}", super::format_elapsed(e))];
    reasons.push(match verdict {
        Verdict::Holds => format!(
            "it is {} when {}",
            claim,
            match (by_truncation, by_rounding) {
                (Verdict::Holds, Verdict::Holds) => "truncated or rounded",
                (Verdict::Holds, _) => "truncated (not rounded)",
                _ => "rounded (not truncated)",
            }
        ),
        Verdict::Undecided => "the precision of the data cannot decide it".into(),
        Verdict::Fails => match e.figure() {
            Some(figure) => format!(
                "truncated it is {}, rounded {}",
                format_seconds(truncated(figure), show_seconds),
                format_seconds(rounded(figure), show_seconds)
            ),
            // No figure to truncate: what the whole range allows.
            None => format!(
                "truncated or rounded it is at least {} and at most {}",
                format_seconds(truncated(e.min_seconds), show_seconds),
                format_seconds(rounded(e.max_seconds), show_seconds)
            ),
        },
    });
    ClaimPart {
        claim,
        verdict,
        reasons,
        results,
    }
}

fn gaps_part(catalog: &Catalog, id: &str, at: DateTime<Utc>) -> ClaimPart {
    let claim = "no gaps in return-craft coverage".to_string();
    let Ok(report) = history(catalog, id, None, Some(at), at) else {
        return ClaimPart {
            claim,
            verdict: Verdict::Undecided,
            reasons: vec![format!("no station {id}")],
            results: Vec::new(),
        };
    };
    let reasons: Vec<String> = report
        .gaps
        .iter()
        .map(|g| describe_gap(catalog, g))
        .collect();
    ClaimPart {
        claim,
        verdict: if reasons.is_empty() {
            Verdict::Holds
        } else {
            Verdict::Fails
        },
        reasons: if reasons.is_empty() {
            vec!["every person aboard had a fit return seat".into()]
        } else {
            reasons
        },
        results: report
            .gaps
            .into_iter()
            .map(|gap| ClaimResult::Gap { gap })
            .collect(),
    }
}

/// One line for a gap: when, how long, who.
pub fn describe_gap(catalog: &Catalog, gap: &ReturnGap) -> String {
    let who: Vec<&str> = gap
        .without_own_craft
        .iter()
        .map(|a| catalog.name_of(a))
        .collect();
    format!(
        "{} → {}{}: {} short of a fit return seat for {} ({} aboard; without their own craft: {})",
        gap.start.utc_text(),
        gap.end.utc_text(),
        if gap.continues { " and on" } else { "" },
        gap.short,
        super::format_elapsed(&gap.elapsed),
        gap.aboard.len(),
        if who.is_empty() {
            "none".to_string()
        } else {
            who.join(", ")
        }
    )
}
