//! A moment as the command line takes it, the same way for every time option (`--now`, `--as-of`, `--at`,
//! `--from`, `--to`): words for the clock (`now`, `today`, `yesterday`, `tomorrow`), a date or a time as
//! the catalog writes them ([`Time::parse`]), or a shift from the clock (`-30d`, `+2w`, `-6h`, as
//! [`parse_shift`] reads lengths).
//!
//! The clock is a value: the binary reads it once and passes it in, so nothing here reads it.

use chrono::{DateTime, Duration, Utc};

use super::{parse_shift, Time, TimeError};

/// The forms a time option takes, for error messages and help.
pub const MOMENT_FORMS: &str =
    "write now, today, yesterday, tomorrow, a UTC date (2025-11-10), a time \
                                (2025-11-10T12:00Z, 2025-11-10T20:00:00+08:00) or a shift from now \
                                (-30d, +2w, -6h)";

/// Reads a time option against `clock` (the current time, read once by the binary).
///
/// `now` is the clock to the second; `today`, `yesterday` and `tomorrow` are UTC days, like a date
/// written alone; a shift from now (`-30d`) is the clock moved by it, to the second.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use orbitline::model::{parse_moment, Precision};
///
/// let clock = Utc.with_ymd_and_hms(2026, 7, 3, 12, 30, 0).unwrap();
/// assert_eq!(parse_moment("now", clock)?.instant(), clock);
/// let yesterday = parse_moment("yesterday", clock)?;
/// assert_eq!((yesterday.as_str(), yesterday.precision()), ("2026-07-02", Precision::Day));
/// assert_eq!(parse_moment("-30d", clock)?.utc_text(), "2026-06-03 12:30:00 UTC");
/// assert_eq!(parse_moment("2025-11-10T12:00Z", clock)?.precision(), Precision::Minute);
/// assert!(parse_moment("1 Feb", clock).is_err());
/// # Ok::<(), orbitline::model::TimeError>(())
/// ```
pub fn parse_moment(text: &str, clock: DateTime<Utc>) -> Result<Time, TimeError> {
    let refuse = |reason: String| TimeError {
        text: text.to_string(),
        reason,
    };
    let trimmed = text.trim();
    let day = |days: i64| {
        let date = (clock + Duration::days(days)).date_naive();
        Time::parse(&date.format("%Y-%m-%d").to_string())
    };
    match trimmed.to_ascii_lowercase().as_str() {
        "now" => return Ok(Time::from_utc(clock)),
        "today" => return day(0),
        "yesterday" => return day(-1),
        "tomorrow" => return day(1),
        _ => {}
    }
    if trimmed.starts_with(['-', '+']) {
        let shift = parse_shift(trimmed).map_err(|e| refuse(format!("{e}; {MOMENT_FORMS}")))?;
        return clock
            .checked_add_signed(shift)
            .filter(|t| {
                (super::YEAR_RANGE.0..=super::YEAR_RANGE.1).contains(&chrono::Datelike::year(t))
            })
            .map(Time::from_utc)
            .ok_or_else(|| refuse(format!("`{trimmed}` from now is out of range")));
    }
    // The catalog's own list of forms gives way to the longer one of the command line.
    Time::parse(trimmed).map_err(|e| {
        let why = e.reason.split("; write ").next().unwrap_or_default();
        refuse(format!("{why}; {MOMENT_FORMS}"))
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::Precision;

    fn clock() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 7, 3, 12, 30, 0).unwrap()
    }

    #[test]
    fn words_are_the_clock_or_its_utc_days() {
        assert_eq!(parse_moment("NOW", clock()).unwrap().instant(), clock());
        let today = parse_moment("today", clock()).unwrap();
        assert_eq!(today.as_str(), "2026-07-03");
        assert_eq!(
            today.instant(),
            Utc.with_ymd_and_hms(2026, 7, 3, 0, 0, 0).unwrap()
        );
        assert_eq!(
            parse_moment("tomorrow", clock()).unwrap().as_str(),
            "2026-07-04"
        );
    }

    #[test]
    fn shifts_move_the_clock_either_way() {
        let week_on = parse_moment("+2w", clock()).unwrap();
        assert_eq!(week_on.instant() - clock(), Duration::days(14));
        assert_eq!(week_on.precision(), Precision::Second);
        assert_eq!(
            clock() - parse_moment("-6h", clock()).unwrap().instant(),
            Duration::hours(6)
        );
        assert!(parse_moment("-30x", clock())
            .unwrap_err()
            .reason
            .contains("unknown unit"));
        assert!(parse_moment("-99999999w", clock()).is_err());
    }

    #[test]
    fn dates_and_times_are_read_as_the_catalog_reads_them() {
        let time = parse_moment("2025-11-10T20:00:00+08:00", clock()).unwrap();
        assert_eq!(time.utc_text(), "2025-11-10 12:00:00 UTC");
        let error = parse_moment("1 Feb", clock()).unwrap_err();
        assert!(
            error.to_string().starts_with("invalid time `1 Feb`"),
            "{error}"
        );
        assert!(error.reason.contains("yesterday"), "{error}");
    }
}
