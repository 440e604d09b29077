//! The time axis: instants to pixels, and tick marks whose labels never overlap.
//!
//! [`ticks`] tries steps from fine to coarse (hours, days, weeks, half months, months, quarters, years,
//! decades) and keeps the first whose labels, measured in the chart font, fit side by side: years for
//! 2003–2026 on a page, months for a year, days for a fortnight. A tick's label is short (`2025`, `Nov`,
//! `14`); a second line gives the context where it changes (`2025` under the first month of a year,
//! `Nov 2025` under the first day of a month). Every label comes from a format string, in English, UTC.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc};

use super::theme::{self, size};

/// Maps instants in `[start, end]` to pixels in `[left, right]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TimeScale {
    /// The instant at `left`.
    pub start: DateTime<Utc>,
    /// The instant at `right`.
    pub end: DateTime<Utc>,
    /// Left edge in pixels.
    pub left: f64,
    /// Right edge in pixels.
    pub right: f64,
}

impl TimeScale {
    /// The x of `t` (outside the range when `t` is).
    pub fn x(&self, t: DateTime<Utc>) -> f64 {
        let span = (self.end - self.start).num_milliseconds().max(1) as f64;
        self.left + (t - self.start).num_milliseconds() as f64 / span * (self.right - self.left)
    }

    /// The x of `t`, held within the range.
    pub fn clamped(&self, t: DateTime<Utc>) -> f64 {
        self.x(t).clamp(self.left, self.right)
    }

    /// True when `t` is within the range.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t <= self.end
    }
}

pub(crate) use crate::timeline::rows::{at, day};

/// `Oct 2025`.
pub(crate) fn month(t: DateTime<Utc>) -> String {
    t.format("%b %Y").to_string()
}

/// One tick of the axis.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tick {
    /// Where.
    pub at: DateTime<Utc>,
    /// The label on the first line.
    pub label: String,
    /// The label on the second line, where the context changes.
    pub context: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Hours(u32),
    Days(u32),
    Weeks,
    HalfMonths,
    Months(u32),
    Years(i32),
}

impl Step {
    /// The step's length in days, roughly.
    fn days(self) -> f64 {
        match self {
            Step::Hours(n) => n as f64 / 24.0,
            Step::Days(n) => n as f64,
            Step::Weeks => 7.0,
            Step::HalfMonths => 15.2,
            Step::Months(n) => n as f64 * 30.4,
            Step::Years(n) => n as f64 * 365.25,
        }
    }
}

const STEPS: [Step; 18] = [
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Weeks,
    Step::HalfMonths,
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
];

/// The space between two labels, in pixels.
const GAP: f64 = 14.0;

/// The ticks of `scale`, with the finest step whose labels do not overlap.
pub(crate) fn ticks(scale: &TimeScale) -> Vec<Tick> {
    let mut last = Vec::new();
    let span_days = (scale.end - scale.start).num_minutes() as f64 / 1440.0;
    for step in STEPS {
        // Skip steps far too fine before generating their instants (hours over decades).
        if span_days / step.days() > 400.0 {
            continue;
        }
        let ticks = labelled(step, scale);
        if fits(&ticks, scale) {
            return ticks;
        }
        last = ticks;
    }
    last
}

fn fits(ticks: &[Tick], scale: &TimeScale) -> bool {
    let width = |t: &str| theme::text_width(t, size::TICK, false);
    let mut previous: Option<(f64, f64)> = None;
    let mut previous_context: Option<(f64, f64)> = None;
    for tick in ticks {
        let x = scale.x(tick.at);
        let w = width(&tick.label);
        if let Some((px, pw)) = previous {
            if x - px < (w + pw) / 2.0 + GAP {
                return false;
            }
        }
        previous = Some((x, w));
        if let Some(context) = &tick.context {
            let w = width(context);
            if let Some((px, pw)) = previous_context {
                if x - px < (w + pw) / 2.0 + GAP {
                    return false;
                }
            }
            previous_context = Some((x, w));
        }
    }
    true
}

fn labelled(step: Step, scale: &TimeScale) -> Vec<Tick> {
    let instants = instants(step, scale.start, scale.end);
    let mut ticks = Vec::with_capacity(instants.len());
    let mut previous: Option<DateTime<Utc>> = None;
    for at in instants {
        let (label, context) = match step {
            Step::Hours(_) => (
                at.format("%H:%M").to_string(),
                (previous.is_none_or(|p| p.date_naive() != at.date_naive()))
                    .then(|| at.format("%-d %b %Y").to_string()),
            ),
            Step::Days(_) | Step::Weeks | Step::HalfMonths => (
                at.format("%-d").to_string(),
                (previous.is_none_or(|p| (p.year(), p.month()) != (at.year(), at.month())))
                    .then(|| month(at)),
            ),
            Step::Months(_) => (
                at.format("%b").to_string(),
                (previous.is_none_or(|p| p.year() != at.year()))
                    .then(|| at.format("%Y").to_string()),
            ),
            Step::Years(_) => (at.format("%Y").to_string(), None),
        };
        ticks.push(Tick { at, label, context });
        previous = Some(at);
    }
    ticks
}

fn midnight(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
}

fn instants(step: Step, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut push = |t: DateTime<Utc>| {
        if start <= t && t <= end {
            out.push(t);
        }
        t <= end
    };
    match step {
        Step::Hours(n) => {
            let first = start
                .with_minute(0)
                .and_then(|t| t.with_second(0))
                .and_then(|t| t.with_nanosecond(0))
                .unwrap_or(start);
            let mut t = first - Duration::hours((first.hour() % n) as i64);
            while push(t) {
                t += Duration::hours(n as i64);
            }
        }
        Step::Days(n) => {
            let mut date = start.date_naive();
            while push(midnight(date)) {
                date = date.succ_opt().unwrap_or(date);
                while date.num_days_from_ce() % n as i32 != 0 {
                    date = date.succ_opt().unwrap_or(date);
                }
            }
        }
        Step::Weeks => {
            let mut date = start.date_naive();
            date -= Duration::days(date.weekday().num_days_from_monday() as i64);
            while push(midnight(date)) {
                date += Duration::days(7);
            }
        }
        Step::HalfMonths | Step::Months(_) => {
            let (mut year, mut m) = (start.year(), start.month());
            loop {
                let days: &[u32] = if step == Step::HalfMonths {
                    &[1, 15]
                } else {
                    &[1]
                };
                let every = if let Step::Months(n) = step { n } else { 1 };
                let mut more = true;
                if (m - 1) % every == 0 {
                    for &d in days {
                        if let Some(date) = NaiveDate::from_ymd_opt(year, m, d) {
                            more = push(midnight(date));
                        }
                    }
                }
                if !more {
                    break;
                }
                m += 1;
                if m > 12 {
                    (year, m) = (year + 1, 1);
                }
            }
        }
        Step::Years(n) => {
            let mut year = start.year() - start.year().rem_euclid(n);
            while let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) {
                if !push(midnight(date)) {
                    break;
                }
                year += n;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Time;

    fn scale(from: &str, to: &str, width: f64) -> TimeScale {
        TimeScale {
            start: Time::parse(from).unwrap().instant(),
            end: Time::parse(to).unwrap().instant(),
            left: 0.0,
            right: width,
        }
    }

    fn labels(ticks: &[Tick]) -> Vec<String> {
        ticks.iter().map(|t| t.label.clone()).collect()
    }

    #[test]
    fn decades_of_flights_get_years() {
        theme::register_fonts().unwrap();
        let ticks = ticks(&scale("2003-10-01", "2026-12-01", 1200.0));
        assert_eq!(ticks.first().unwrap().label, "2004");
        assert!(ticks
            .iter()
            .all(|t| t.label.len() == 4 && t.context.is_none()));
        assert!(ticks.len() >= 10, "{:?}", labels(&ticks));
    }

    #[test]
    fn a_few_months_get_months_or_days_with_the_year_once() {
        theme::register_fonts().unwrap();
        let ticks = ticks(&scale("2025-10-01", "2026-02-01", 1200.0));
        let contexts: Vec<_> = ticks.iter().filter_map(|t| t.context.clone()).collect();
        assert!(
            contexts == ["Oct 2025", "Nov 2025", "Dec 2025", "Jan 2026"],
            "{contexts:?} {:?}",
            labels(&ticks)
        );
        assert!(ticks.len() > 5, "{:?}", labels(&ticks));
        let narrow = super::ticks(&scale("2025-10-01", "2026-02-01", 200.0));
        assert_eq!(labels(&narrow), ["Oct", "Nov", "Dec", "Jan", "Feb"]);
        assert_eq!(narrow[0].context.as_deref(), Some("2025"));
        assert_eq!(narrow[3].context.as_deref(), Some("2026"));
    }

    #[test]
    fn a_fortnight_gets_days() {
        theme::register_fonts().unwrap();
        let ticks = ticks(&scale("2025-11-04", "2025-11-18", 900.0));
        assert_eq!(ticks[0].label, "4");
        assert_eq!(ticks[0].context.as_deref(), Some("Nov 2025"));
        assert_eq!(ticks.len(), 15);
    }

    #[test]
    fn labels_never_overlap_at_any_width() {
        theme::register_fonts().unwrap();
        for width in [80.0, 200.0, 500.0, 1000.0, 3000.0] {
            for (from, to) in [
                ("2003-10-15", "2026-11-28"),
                ("2025-01-01", "2026-01-01"),
                ("2025-11-01", "2025-11-03"),
            ] {
                let s = scale(from, to, width);
                let ticks = ticks(&s);
                assert!(fits(&ticks, &s) || ticks.len() <= 1, "{from} {to} {width}");
            }
        }
    }

    #[test]
    fn dates_are_drawn_mid_day() {
        let noon_beijing = at(&Time::parse("2025-11-05+08:00").unwrap());
        assert_eq!(noon_beijing.to_rfc3339(), "2025-11-05T04:00:00+00:00");
        assert_eq!(day(noon_beijing), "5 Nov 2025");
    }
}
