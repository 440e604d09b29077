//! Elapsed time between two published times, with the uncertainty their precision leaves, and the
//! conventions sources use to turn it into "N days".

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::model::{format_compact, Precision, Time, UTC_OFFSET};

const DAY: i64 = 86_400;

/// The time between two published instants, with the range the precision of its ends allows.
///
/// The figure (`seconds`) is the middle of that range. Where both ends are known to the minute it is the
/// difference of the published times (the figure sources compute); where one end is known to the second
/// and the other to the minute, the published difference is the *lower bound* (a landing at "16:40" was
/// at 16:40:00 or later), and the middle is 30 s more. Taking the middle keeps every figure, and every sum
/// of figures (a total), inside its own range: a sum of lower bounds rounded to the minute fell below the
/// range it was printed with. Where an end is known only to the day the figure is not decided at all
/// ([`Elapsed::figure`] is `None`): reports show the range instead.
///
/// ```
/// use orbitline::model::Time;
/// use orbitline::timeline::{format_elapsed, Elapsed};
///
/// let up = Time::parse("2025-04-24T17:17:31+08:00")?;
/// let down = Time::parse("2025-11-14T16:40+08:00")?; // to the minute: 16:40:00 to 16:41:00
/// let elapsed = Elapsed::between(&up, &down);
/// assert_eq!(format_elapsed(&elapsed), "203 d 23 h 23 min");
/// assert_eq!(elapsed.max_seconds - elapsed.min_seconds, 60);
/// // A start known only to the day: no figure, the range.
/// let eva = Elapsed::between(&Time::parse("2025-09-25+08:00")?, &Time::parse("2025-09-26T01:35+08:00")?);
/// assert_eq!(eva.figure(), None);
/// assert_eq!(format_elapsed(&eva), "between 1 h 35 min and 1 d 1 h 36 min");
/// # Ok::<(), orbitline::model::TimeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, schemars::JsonSchema)]
pub struct Elapsed {
    /// The middle of the range (see above): the figure when [`Elapsed::figure`] decides one, else only a
    /// value to sort by. In JSON `null` when the figure is not decided.
    #[schemars(with = "Option<i64>")]
    pub seconds: i64,
    /// The least it can be, given the precision of both ends.
    pub min_seconds: i64,
    /// The most it can be.
    pub max_seconds: i64,
    /// The coarser precision of the two ends.
    pub precision: Precision,
}

impl Elapsed {
    /// Nothing elapsed, exactly (the start of a sum).
    pub const ZERO: Elapsed = Elapsed {
        seconds: 0,
        min_seconds: 0,
        max_seconds: 0,
        precision: Precision::Second,
    };

    /// From `start` to `end`.
    pub fn between(start: &Time, end: &Time) -> Elapsed {
        let nominal = (end.instant() - start.instant()).num_seconds();
        let min_seconds = (end.earliest() - start.latest()).num_seconds().max(0);
        let max_seconds = (end.latest() - start.earliest()).num_seconds();
        Elapsed {
            seconds: middle(min_seconds, max_seconds).unwrap_or(nominal),
            min_seconds,
            max_seconds,
            precision: start.precision().min(end.precision()),
        }
    }

    /// The sum of two durations (a total): figures, bounds and the coarser precision.
    pub fn plus(&self, other: &Elapsed) -> Elapsed {
        Elapsed {
            seconds: self.seconds + other.seconds,
            min_seconds: self.min_seconds + other.min_seconds,
            max_seconds: self.max_seconds + other.max_seconds,
            precision: self.precision.min(other.precision),
        }
    }

    /// The figure, or `None` when an end is known only to the day: the range is then wider than a day
    /// and any single value in it would be a guess (its bounds most of all). Reports show the range.
    pub fn figure(&self) -> Option<i64> {
        (self.precision != Precision::Day).then_some(self.seconds)
    }

    /// Whether `other` is surely shorter: its whole range lies below this one's.
    pub fn surely_longer_than(&self, other: &Elapsed) -> bool {
        self.min_seconds > other.max_seconds
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

/// The middle of `min..=max`, rounded down; `None` for an empty range (an end before its start).
fn middle(min: i64, max: i64) -> Option<i64> {
    (min <= max).then(|| min + (max - min) / 2)
}

/// In JSON, `seconds` is `null` when the figure is not decided ([`Elapsed::figure`]); `min_seconds` and
/// `max_seconds` are always there (docs/json.md).
impl Serialize for Elapsed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Elapsed", 4)?;
        out.serialize_field("seconds", &self.figure())?;
        out.serialize_field("min_seconds", &self.min_seconds)?;
        out.serialize_field("max_seconds", &self.max_seconds)?;
        out.serialize_field("precision", &self.precision)?;
        out.end()
    }
}

/// A count of days that may be a range when the inputs are not precise enough to decide it.
///
/// Like the figure of an [`Elapsed`], the count is not decided where an end is known only to the day:
/// the range is then more than a day wide, `value` is `None` (`null` in JSON) and only `min` and `max`
/// say anything (docs/figures.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DayCount {
    /// The count of the figure ([`Elapsed::figure`]); `None` when the figure is not decided.
    pub value: Option<i64>,
    /// The least it can be.
    pub min: i64,
    /// The most it can be.
    pub max: i64,
}

impl DayCount {
    fn from_fn(elapsed: &Elapsed, f: impl Fn(i64) -> i64) -> DayCount {
        DayCount {
            value: elapsed.figure().map(&f),
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
            write!(f, "{}", self.min)
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
/// assert_eq!((days.floor.value, days.rounded.value), (Some(203), Some(204)));
/// assert_eq!(days.calendar_local, Some(204));
/// assert_eq!(days.local_offset.as_deref(), Some("+08:00"));
/// # Ok::<(), orbitline::model::TimeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
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
///
/// A figure that is not decided (an end known only to the day) is its range, `between 1 h 35 min and
/// 1 d 1 h 36 min`, never one of its bounds alone: the bounds are rounded outwards to the minute, so that
/// the range shown contains the range computed.
pub fn format_elapsed(elapsed: &Elapsed) -> String {
    match elapsed.figure() {
        Some(seconds) if elapsed.precision == Precision::Second => {
            format_seconds(seconds, seconds % 60 != 0)
        }
        // The middle of a range at least a minute wide, to the nearest minute: within the range.
        Some(seconds) => format_seconds(seconds, false),
        None => format_range(elapsed.min_seconds, elapsed.max_seconds),
    }
}

/// Which ends of an interval are known only to the day, for a note beside a range: `start known to the
/// day`, `end known to the day`, `start and end known to the day`; `None` when neither is.
pub fn day_precision_ends(start: &Time, end: Option<&Time>) -> Option<&'static str> {
    let day = |t: &Time| t.precision() == Precision::Day;
    match (day(start), end.is_some_and(day)) {
        (true, true) => Some("start and end known to the day"),
        (true, false) => Some("start known to the day"),
        (false, true) => Some("end known to the day"),
        (false, false) => None,
    }
}

/// `between 1 h 35 min and 1 d 1 h 36 min`: a range of seconds to the minute, rounded outwards so that
/// the range shown contains the range given.
pub fn format_range(min: i64, max: i64) -> String {
    format!(
        "between {} and {}",
        format_seconds(min.div_euclid(60) * 60, false),
        format_seconds((max + 59).div_euclid(60) * 60, false)
    )
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
        assert_eq!(days.rounded.value, Some(204));
        assert_eq!(days.floor.value, Some(203));
        assert_eq!(days.ceil.value, Some(204));
        assert_eq!(days.calendar_utc, Some(204));
        assert_eq!(days.calendar_local, Some(204));
        assert_eq!(days.local_offset.as_deref(), Some("+08:00"));
    }

    #[test]
    fn minute_precision_leaves_a_range() {
        let elapsed = Elapsed::between(&t("2024-04-25T12:59:00Z"), &t("2024-11-03T17:24Z"));
        // Between 192 d 4 h 25 min and 192 d 4 h 26 min; the figure is the middle, rounded.
        assert_eq!(elapsed.min_seconds, 192 * DAY + 4 * 3600 + 25 * 60);
        assert_eq!(elapsed.max_seconds - elapsed.min_seconds, 60);
        assert_eq!(elapsed.seconds, elapsed.min_seconds + 30);
        assert_eq!(format_elapsed(&elapsed), "192 d 4 h 26 min");
        assert_eq!(elapsed.precision, Precision::Minute);
        // Both ends to the minute: the published difference, in the middle of a two-minute range.
        let both = Elapsed::between(&t("2024-04-25T12:59Z"), &t("2024-11-03T17:24Z"));
        assert_eq!(both.seconds, 192 * DAY + 4 * 3600 + 25 * 60);
        assert_eq!(
            (both.min_seconds, both.max_seconds),
            (both.seconds - 60, both.seconds + 60)
        );
    }

    /// Chen Dong's three stays: two end on a minute-precision landing after a launch known to the second.
    /// Each published difference is the lower bound of its range; summing those and rounding to the
    /// minute printed 418 d 15 h 16 min under the range 418 d 15 h 16 min 19 s … 418 d 15 h 18 min 19 s.
    #[test]
    fn a_total_lies_within_its_own_range() {
        let stays = [
            Elapsed::between(&t("2016-10-16T23:30:31Z"), &t("2016-11-18T05:59Z")),
            Elapsed::between(&t("2022-06-05T02:44:10Z"), &t("2022-12-04T12:09Z")),
            Elapsed::between(&t("2025-04-24T09:17:31Z"), &t("2025-11-14T08:40:31Z")),
        ];
        // The first: 32 d 6 h 28 min 29 s to 32 d 6 h 29 min 29 s; the only whole minute in it is 29.
        assert_eq!(stays[0].min_seconds, 32 * DAY + 6 * 3600 + 28 * 60 + 29);
        assert_eq!(format_elapsed(&stays[0]), "32 d 6 h 29 min");
        let total = stays.iter().fold(Elapsed::ZERO, |sum, s| sum.plus(s));
        let range = (total.min_seconds, total.max_seconds);
        let at = |m: i64, s: i64| 418 * DAY + 15 * 3600 + m * 60 + s;
        assert_eq!(range, (at(16, 19), at(18, 19)));
        assert_eq!(total.precision, Precision::Minute);
        assert_eq!(total.seconds, at(17, 19), "the middle of the range");
        assert_eq!(format_elapsed(&total), "418 d 15 h 17 min");
        for e in stays.iter().chain([&total]) {
            assert!(
                (e.min_seconds..=e.max_seconds).contains(&e.seconds),
                "{e:?}"
            );
        }
    }

    #[test]
    fn a_time_known_to_the_day_leaves_the_figure_undecided() {
        // Shenzhou-20's fourth EVA: the start is a Beijing date, the end 01:35 the next morning.
        let eva = Elapsed::between(&t("2025-09-25+08:00"), &t("2025-09-26T01:35+08:00"));
        assert_eq!(eva.figure(), None);
        assert_eq!(eva.precision, Precision::Day);
        assert_eq!((eva.min_seconds, eva.max_seconds), (5700, DAY + 5760));
        assert_eq!(
            format_elapsed(&eva),
            "between 1 h 35 min and 1 d 1 h 36 min"
        );
        let json = serde_json::to_value(eva).unwrap();
        assert_eq!(json["seconds"], serde_json::Value::Null);
        assert_eq!(json["min_seconds"], 5700);
        assert_eq!(json["precision"], "day");
        // A figure to the second stays one.
        let exact = Elapsed::between(&t("2025-11-14T08:40:00Z"), &t("2025-11-14T08:41:31Z"));
        assert_eq!(serde_json::to_value(exact).unwrap()["seconds"], 91);
        assert_eq!(
            day_precision_ends(&t("2025-09-25+08:00"), Some(&t("2025-09-26T01:35+08:00"))),
            Some("start known to the day")
        );
    }

    #[test]
    fn ranges_round_outwards() {
        assert_eq!(
            format_range(5729, 5731),
            "between 1 h 35 min and 1 h 36 min"
        );
        assert_eq!(format_range(0, 60), "between 0 min and 1 min");
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
            (Some(182), Some(182), Some(183))
        );
        assert_eq!(days.calendar_utc, Some(183));
        assert_eq!(days.calendar_local, Some(182));
    }

    #[test]
    fn a_count_with_an_end_known_to_the_day_has_no_value_only_its_range() {
        // Up on a Beijing date, down to the second 180 days later: 179.4 to 180.4 days.
        let days = DayConventions::between(&t("2025-04-24+08:00"), &t("2025-10-21T09:30:00+08:00"));
        for count in [days.rounded, days.floor, days.ceil] {
            assert_eq!(count.value, None, "{count:?}");
            assert!(count.min < count.max, "{count:?}");
        }
        assert_eq!((days.floor.min, days.floor.max), (179, 180));
        assert_eq!(days.rounded.to_string(), "179–180");
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
