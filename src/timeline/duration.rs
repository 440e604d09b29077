//! Elapsed time between two published times, with the uncertainty their precision leaves, and the
//! conventions sources use to turn it into "N days".

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::model::{format_compact, Precision, Time, UTC_OFFSET};

const DAY: i64 = 86_400;

/// The time between two published instants, with the range the precision of its ends allows.
///
/// ```
/// use orbitline::model::Time;
/// use orbitline::timeline::{format_elapsed, Elapsed};
///
/// let up = Time::parse("2025-04-24T17:17:31+08:00")?;
/// let down = Time::parse("2025-11-14T16:40+08:00")?; // to the minute
/// let elapsed = Elapsed::between(&up, &down);
/// assert_eq!(format_elapsed(&elapsed), "203 d 23 h 22 min");
/// assert_eq!(elapsed.max_seconds - elapsed.min_seconds, 60);
/// # Ok::<(), orbitline::model::TimeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Elapsed {
    /// From the start of one value to the start of the other (the figure sources compute).
    pub seconds: i64,
    /// The least it can be, given the precision of both ends.
    pub min_seconds: i64,
    /// The most it can be.
    pub max_seconds: i64,
    /// The coarser precision of the two ends.
    pub precision: Precision,
}

impl Elapsed {
    /// From `start` to `end`.
    pub fn between(start: &Time, end: &Time) -> Elapsed {
        Elapsed {
            seconds: (end.instant() - start.instant()).num_seconds(),
            min_seconds: (end.earliest() - start.latest()).num_seconds().max(0),
            max_seconds: (end.latest() - start.earliest()).num_seconds(),
            precision: start.precision().min(end.precision()),
        }
    }

    /// From `start` to an exact instant (`--now`), never negative: before `start`, nothing has elapsed
    /// yet (see [`Elapsed::not_started`]).
    pub fn until(start: &Time, now: DateTime<Utc>) -> Elapsed {
        let elapsed = Elapsed::between(start, &Time::from_utc(now));
        Elapsed {
            seconds: elapsed.seconds.max(0),
            max_seconds: elapsed.max_seconds.max(0),
            ..elapsed
        }
    }

    /// Whether `now` is before `start`: a flight not launched yet at `--now`.
    pub fn not_started(start: &Time, now: DateTime<Utc>) -> bool {
        now < start.instant()
    }

    /// True when the precision of the ends leaves the figure uncertain.
    pub fn is_exact(&self) -> bool {
        self.min_seconds == self.max_seconds
    }

    /// The figure as a duration.
    pub fn duration(&self) -> Duration {
        Duration::seconds(self.seconds)
    }
}

/// A count of days that may be a range when the inputs are not precise enough to decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// The count from the published values.
    pub value: i64,
    /// The least it can be.
    pub min: i64,
    /// The most it can be.
    pub max: i64,
}

impl DayCount {
    fn from_fn(elapsed: &Elapsed, f: impl Fn(i64) -> i64) -> DayCount {
        DayCount {
            value: f(elapsed.seconds),
            min: f(elapsed.min_seconds),
            max: f(elapsed.max_seconds),
        }
    }

    /// True when the inputs decide the count.
    pub fn is_certain(&self) -> bool {
        self.min == self.max
    }
}

impl std::fmt::Display for DayCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_certain() {
            write!(f, "{}", self.value)
        } else {
            write!(f, "{}–{}", self.min, self.max)
        }
    }
}

/// "N days" under each convention sources use.
///
/// ```
/// use orbitline::model::Time;
/// use orbitline::timeline::DayConventions;
///
/// // Up late on one Beijing day, down early on another: the conventions disagree by a day.
/// let days = DayConventions::between(
///     &Time::parse("2025-04-24T17:17:31+08:00")?,
///     &Time::parse("2025-11-14T16:40:31+08:00")?,
/// );
/// assert_eq!((days.floor.value, days.rounded.value), (203, 204));
/// assert_eq!(days.calendar_local, Some(204));
/// assert_eq!(days.local_offset.as_deref(), Some("+08:00"));
/// # Ok::<(), orbitline::model::TimeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayConventions {
    /// Elapsed time rounded to the nearest day (half a day rounds up).
    pub rounded: DayCount,
    /// Whole days elapsed.
    pub floor: DayCount,
    /// Days begun.
    pub ceil: DayCount,
    /// Difference of the UTC calendar dates of the two ends; `None` when an end is a date in another zone.
    pub calendar_utc: Option<i64>,
    /// Difference of the calendar dates in the zone the times were published in (Beijing dates for CMSA);
    /// `None` when the two ends were published in different zones.
    pub calendar_local: Option<i64>,
    /// The zone of `calendar_local`, as an offset (`+08:00`).
    pub local_offset: Option<String>,
}

impl DayConventions {
    /// The conventions that depend on the length alone (rounded, floor, ceil): for a total over several
    /// stays, or a stay still going on, calendar dates mean nothing.
    pub fn by_length(elapsed: &Elapsed) -> DayConventions {
        DayConventions {
            rounded: DayCount::from_fn(elapsed, |s| (s + DAY / 2).div_euclid(DAY)),
            floor: DayCount::from_fn(elapsed, |s| s.div_euclid(DAY)),
            ceil: DayCount::from_fn(elapsed, |s| (s + DAY - 1).div_euclid(DAY)),
            calendar_utc: None,
            calendar_local: None,
            local_offset: None,
        }
    }

    /// The conventions for the stay from `start` to `end`, calendar dates included.
    pub fn between(start: &Time, end: &Time) -> DayConventions {
        let by_length = DayConventions::by_length(&Elapsed::between(start, end));
        let utc = UTC_OFFSET;
        let calendar_utc = date_difference(start.date_in(utc), end.date_in(utc));
        let (calendar_local, local_offset) = match (start.offset(), end.offset()) {
            (Some(a), Some(b)) if a == b => (
                date_difference(start.date_in(a), end.date_in(a)),
                Some(a.to_string()),
            ),
            _ => (None, None),
        };
        DayConventions {
            calendar_utc,
            calendar_local,
            local_offset,
            ..by_length
        }
    }
}

impl DayConventions {
    /// `204 rounded, 203 floor, 204 ceil; calendar dates 204 (UTC), 204 (+08:00)`: the line `duration`
    /// prints and the timeline page shows.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} rounded, {} floor, {} ceil",
            self.rounded, self.floor, self.ceil
        );
        let mut calendar = Vec::new();
        if let Some(d) = self.calendar_utc {
            calendar.push(format!("{d} (UTC)"));
        }
        if let (Some(d), Some(offset)) = (self.calendar_local, &self.local_offset) {
            if offset != "+00:00" {
                calendar.push(format!("{d} ({offset})"));
            }
        }
        if !calendar.is_empty() {
            text.push_str(&format!("; calendar dates {}", calendar.join(", ")));
        }
        text
    }
}

fn date_difference(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<i64> {
    Some((b? - a?).num_days())
}

/// `203 d 23 h 23 min`: days, hours and minutes, with seconds only when both ends are known to the second
/// and the seconds are not zero. Minutes are rounded to the nearest when seconds are not shown.
pub fn format_elapsed(elapsed: &Elapsed) -> String {
    let show_seconds = elapsed.precision == Precision::Second && elapsed.seconds % 60 != 0;
    format_seconds(elapsed.seconds, show_seconds)
}

/// `192 d 4 h 25 min` (or `… 14 s` with `seconds`; without, minutes are rounded to the nearest). Leading
/// zero units are left out; a zero duration is `0 min`.
pub fn format_seconds(total: i64, seconds: bool) -> String {
    let sign = if total < 0 { "−" } else { "" };
    let total = if seconds {
        total.abs()
    } else {
        (total.abs() + 30) / 60 * 60
    };
    let (d, h, m, s) = (
        total / DAY,
        total % DAY / 3600,
        total % 3600 / 60,
        total % 60,
    );
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d} d"));
    }
    if d > 0 || h > 0 {
        parts.push(format!("{h} h"));
    }
    parts.push(format!("{m} min"));
    if seconds {
        parts.push(format!("{s} s"));
    }
    format!("{sign}{}", parts.join(" "))
}

/// A change of time with its sign: `+10 d`, `−2 d`, `±0 min`.
pub fn format_delta(total: i64) -> String {
    match total {
        0 => "±0 min".into(),
        t if t > 0 => format!("+{}", format_compact(t)),
        t => format_compact(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Time {
        Time::parse(s).unwrap()
    }

    #[test]
    fn shenzhou_20_crew() {
        let start = t("2025-04-24T17:17:31+08:00");
        let end = t("2025-11-14T16:40:31+08:00");
        let elapsed = Elapsed::between(&start, &end);
        assert_eq!(elapsed.seconds, 203 * DAY + 23 * 3600 + 23 * 60);
        assert!(elapsed.is_exact());
        assert_eq!(format_elapsed(&elapsed), "203 d 23 h 23 min");
        let days = DayConventions::between(&start, &end);
        assert_eq!(days.rounded.value, 204);
        assert_eq!(days.floor.value, 203);
        assert_eq!(days.ceil.value, 204);
        assert_eq!(days.calendar_utc, Some(204));
        assert_eq!(days.calendar_local, Some(204));
        assert_eq!(days.local_offset.as_deref(), Some("+08:00"));
    }

    #[test]
    fn minute_precision_leaves_a_range() {
        let elapsed = Elapsed::between(&t("2024-04-25T12:59:00Z"), &t("2024-11-03T17:24Z"));
        assert_eq!(format_elapsed(&elapsed), "192 d 4 h 25 min");
        assert_eq!(elapsed.max_seconds - elapsed.min_seconds, 60);
        assert_eq!(elapsed.precision, Precision::Minute);
    }

    #[test]
    fn shenzhou_13_conventions_differ() {
        // Launch 15 Oct 2021 16:23:44 UTC (16 Oct Beijing), landing 16 Apr 2022 01:56:37 UTC.
        let days = DayConventions::between(
            &t("2021-10-16T00:23:44+08:00"),
            &t("2022-04-16T09:56:37+08:00"),
        );
        assert_eq!(
            (days.rounded.value, days.floor.value, days.ceil.value),
            (182, 182, 183)
        );
        assert_eq!(days.calendar_utc, Some(183));
        assert_eq!(days.calendar_local, Some(182));
    }

    #[test]
    fn day_precision_can_leave_the_count_undecided() {
        let days = DayConventions::between(&t("2025-11-04+08:00"), &t("2025-11-14T16:40+08:00"));
        assert!(!days.rounded.is_certain());
        assert_eq!(days.rounded.to_string(), "10–11");
        assert_eq!(days.calendar_local, Some(10));
        assert_eq!(days.calendar_utc, None);
    }

    #[test]
    fn formats() {
        assert_eq!(format_seconds(0, false), "0 min");
        assert_eq!(format_seconds(21 * 3600 + 22 * 60, false), "21 h 22 min");
        assert_eq!(
            format_seconds(209 * DAY + 20 * 3600 + 26 * 60 + 14, true),
            "209 d 20 h 26 min 14 s"
        );
        assert_eq!(format_seconds(-3600, false), "−1 h 0 min");
        assert_eq!(format_compact(10 * DAY), "10 d");
        assert_eq!(format_compact(DAY + 12 * 3600), "1 d 12 h");
        assert_eq!(format_compact(3 * 3600 + 38 * 60), "3 h 38 min");
        assert_eq!(format_compact(0), "0 min");
        assert_eq!(format_delta(10 * DAY), "+10 d");
        assert_eq!(format_delta(-2 * DAY), "−2 d");
        let e = Elapsed::between(&t("2025-11-14T08:40:00Z"), &t("2025-11-14T08:41:31Z"));
        assert_eq!(format_elapsed(&e), "1 min 31 s");
    }
}
