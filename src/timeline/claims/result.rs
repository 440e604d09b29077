//! What `check` found behind each verdict, as objects for programs: a day count under one convention, a
//! duration cut to the claim's unit, the record comparison, a gap in return-craft coverage. The text
//! output words the same findings as `reasons` ([`super`]).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Convention, Verdict};
use crate::model::Time;
use crate::timeline::records::RecordEntry;
use crate::timeline::station::ReturnGap;

/// One finding behind a verdict, for programs (the text output words it as `reasons`).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ClaimResult {
    /// A day count under one convention.
    DayCount {
        /// `rounded`, `floor`, `ceil` or `calendar`.
        convention: Convention,
        /// For a calendar count, the zone whose dates were counted (`UTC`, `+08:00`).
        #[serde(skip_serializing_if = "Option::is_none")]
        zone: Option<String>,
        /// The count of the figure; `null` when the figure is not decided (an end known only to the day):
        /// `min` and `max` then give the range.
        value: Option<i64>,
        /// The least and greatest count the precision of the data allows.
        min: i64,
        /// See `min`.
        max: i64,
        /// The claim names this convention (or any).
        applies: bool,
        /// Whether this count gives the claimed days.
        holds: Verdict,
    },
    /// A claimed duration against the figure cut to the claim's smallest unit.
    Duration {
        /// `truncated` or `rounded` to the claim's unit.
        rule: String,
        /// The claim, in seconds.
        claimed_seconds: i64,
        /// The figure's lower bound under the rule, in seconds.
        min_seconds: i64,
        /// The figure's upper bound under the rule, in seconds.
        max_seconds: i64,
        /// Whether the claim holds under this rule.
        holds: Verdict,
    },
    /// The record comparison.
    Record {
        /// When the subject ended (when it would have set the record); `null` while it goes on.
        #[serde(serialize_with = "crate::model::instant::instant_opt")]
        #[schemars(with = "Option<crate::model::instant::Instant>")]
        ended: Option<Time>,
        /// It set the record when it ended.
        set_record: bool,
        /// The record it beat (`null` when it was the first, or did not set one).
        beat: Option<Box<RecordEntry>>,
        /// By how much it beat it, in seconds.
        margin_seconds: Option<i64>,
        /// The precision of the data cannot tell the two apart.
        margin_uncertain: bool,
        /// When it did not set the record: the record that stood when it ended.
        record_then: Option<Box<RecordEntry>>,
        /// The entry that beat it later (by `--as-of`, or in the whole catalog), `null` when it still
        /// stands.
        beaten_by: Option<Box<RecordEntry>>,
        /// The moment the claim asked about (`--as-of`), `null` for the whole catalog.
        #[serde(serialize_with = "crate::model::instant::computed_opt")]
        #[schemars(with = "Option<crate::model::instant::Instant>")]
        as_of: Option<DateTime<Utc>>,
    },
    /// A gap in return-craft coverage (a `--no-gaps` claim fails on each).
    Gap {
        /// The gap, as `station` gives it.
        gap: ReturnGap,
    },
}

/// The result of one day count (`rounded`, `calendar +08:00`) against the claimed days.
pub(super) fn day_count(
    name: &str,
    days: i64,
    (value, min, max): (Option<i64>, i64, i64),
    applies: bool,
) -> ClaimResult {
    let (convention, zone) = match name {
        "rounded" => (Convention::Rounded, None),
        "floor" => (Convention::Floor, None),
        "ceil" => (Convention::Ceil, None),
        other => (
            Convention::Calendar,
            other.strip_prefix("calendar ").map(str::to_string),
        ),
    };
    let holds = if min == days && max == days {
        Verdict::Holds
    } else if (min..=max).contains(&days) {
        Verdict::Undecided
    } else {
        Verdict::Fails
    };
    ClaimResult::DayCount {
        convention,
        zone,
        value,
        min,
        max,
        applies,
        holds,
    }
}
