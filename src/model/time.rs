//! Times as sources publish them: an instant, the precision it was given to, and the offset it was
//! published in.
//!
//! A [`Time`] never claims more than its text says. `2025-11-14T16:40+08:00` is the whole minute
//! 08:40–08:41 UTC; `2025-11-05+08:00` is the whole Beijing day; a bare `2025-11-04` is that calendar day
//! in some zone between −12:00 and +14:00. All arithmetic is in UTC on [`Time::instant`] (the start of the
//! interval) and [`Time::earliest`]/[`Time::latest`] (its bounds); the offset only matters for display.

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How precisely a time is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[derive(bincode::Encode, bincode::Decode)]
pub enum Precision {
    /// A calendar date.
    Day,
    /// Hours and minutes.
    Minute,
    /// Seconds (possibly with a fraction).
    Second,
}

impl Precision {
    /// The length of the interval a value of this precision stands for.
    pub fn span(self) -> Duration {
        match self {
            Precision::Day => Duration::days(1),
            Precision::Minute => Duration::minutes(1),
            Precision::Second => Duration::zero(),
        }
    }
}

/// The offset of UTC itself (`Z`, `+00:00`): the zone of every computed instant and of `--tz utc`.
pub const UTC_OFFSET: FixedOffset = match FixedOffset::east_opt(0) {
    Some(offset) => offset,
    None => panic!("zero is a valid offset"),
};

/// The earliest and latest years a time may have: before Sputnik or after 2200 is a typo.
pub const YEAR_RANGE: (i32, i32) = (1957, 2200);
/// The widest offsets in use: a date without a zone could be a date anywhere between these.
const WIDEST_WEST: i32 = -12 * 3600;
const WIDEST_EAST: i32 = 14 * 3600;

/// An instant with the precision it was published with and the offset it was written in.
///
/// ```
/// use orbitline::model::{Precision, Time};
///
/// let landing = Time::parse("2025-11-14T16:40+08:00")?;
/// assert_eq!(landing.precision(), Precision::Minute);
/// assert_eq!(landing.utc_text(), "2025-11-14 08:40 UTC");
/// // The whole minute it names, in UTC.
/// assert_eq!(landing.latest() - landing.earliest(), chrono::Duration::minutes(1));
/// // A date without a zone could be that day anywhere: −12:00 to +14:00.
/// let day = Time::parse("2025-11-14")?;
/// assert_eq!(day.latest() - day.earliest(), chrono::Duration::hours(50));
/// assert!(Time::parse("2025-11-14T16:40").is_err(), "a time of day needs an offset");
/// # Ok::<(), orbitline::model::TimeError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Time {
    instant: DateTime<Utc>,
    /// The precision and the offset, in one word (40 bytes a `Time`, its text included when short).
    zone: Zone,
    text: Text,
}

/// A [`Time`]'s precision and offset packed in one `i32`: the offset's seconds × 4 + the precision, with
/// [`Zone::NONE`] for the offset of a date written without a zone.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Zone(i32);

impl Zone {
    /// Beyond any offset (they are less than a day).
    const NONE: i32 = 1 << 20;

    fn new(precision: Precision, offset: Option<FixedOffset>) -> Zone {
        let seconds = offset.map_or(Zone::NONE, |o| o.local_minus_utc());
        Zone(seconds * 4 + precision as i32)
    }

    fn precision(self) -> Precision {
        match self.0.rem_euclid(4) {
            0 => Precision::Day,
            1 => Precision::Minute,
            _ => Precision::Second,
        }
    }

    fn offset(self) -> Option<FixedOffset> {
        match self.0.div_euclid(4) {
            Zone::NONE => None,
            seconds => FixedOffset::east_opt(seconds),
        }
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {:?}", self.precision(), self.offset())
    }
}

/// A time's text as written: in place when short (a minute with its offset, `2025-11-14T16:40+08:00`, or a
/// second in UTC), which saves an allocation per time; longer ones shared (a `Time` is cloned into stays,
/// graphs and reports, and a clone should not copy the text).
#[derive(Clone)]
enum Text {
    Inline { len: u8, bytes: [u8; Text::INLINE] },
    Shared(std::sync::Arc<str>),
}

impl Text {
    const INLINE: usize = 22;

    fn new(text: &str) -> Text {
        Text::from_bytes(text.as_bytes()).unwrap_or_else(|| Text::Shared(text.into()))
    }

    /// `Some` for a short text (`bytes` valid UTF-8).
    fn from_bytes(text: &[u8]) -> Option<Text> {
        let mut bytes = [0; Text::INLINE];
        bytes.get_mut(..text.len())?.copy_from_slice(text);
        Some(Text::Inline {
            len: text.len() as u8,
            bytes,
        })
    }

    fn as_str(&self) -> &str {
        match self {
            Text::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Text::Shared(text) => text,
        }
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Time {
    /// Parses one of the documented forms (see `docs/data-format.md`).
    pub fn parse(text: &str) -> Result<Time, TimeError> {
        parse(text).map_err(|reason| TimeError {
            text: text.to_string(),
            reason,
        })
    }

    /// A time of second precision at an exact UTC instant (for `--now` and computed values).
    pub fn from_utc(instant: DateTime<Utc>) -> Time {
        let text = instant.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        Time {
            instant,
            zone: Zone::new(Precision::Second, Some(UTC_OFFSET)),
            text: Text::new(&text),
        }
    }

    /// The same value moved by `delta`, keeping its precision and offset (for what-if questions). A date
    /// moved by a part of a day keeps day precision: its interval starts `delta` later, and its text is the
    /// date that start falls on.
    pub fn shifted(&self, delta: Duration) -> Time {
        let instant = self.instant + delta;
        let local = match self.offset() {
            Some(offset) => instant.with_timezone(&offset).naive_local(),
            None => instant.naive_utc(),
        };
        let zone = match self.offset() {
            Some(o) if o.local_minus_utc() == 0 => "Z".to_string(),
            Some(o) => o.to_string(),
            None => String::new(),
        };
        let text = match self.precision() {
            Precision::Day => format!("{}{zone}", local.format("%Y-%m-%d")),
            Precision::Minute => format!("{}{zone}", local.format("%Y-%m-%dT%H:%M")),
            Precision::Second => format!("{}{zone}", local.format("%Y-%m-%dT%H:%M:%S%.f")),
        };
        Time {
            instant,
            zone: self.zone,
            text: Text::new(&text),
        }
    }

    /// The start of the interval this value stands for, in UTC (the value used in arithmetic).
    pub fn instant(&self) -> DateTime<Utc> {
        self.instant
    }

    /// How precisely the value is known.
    pub fn precision(&self) -> Precision {
        self.zone.precision()
    }

    /// The offset the value was published in; `None` for a date written without a zone.
    pub fn offset(&self) -> Option<FixedOffset> {
        self.zone.offset()
    }

    /// The text as written in the catalog.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The earliest instant the value can stand for.
    pub fn earliest(&self) -> DateTime<Utc> {
        match (self.precision(), self.offset()) {
            (Precision::Day, None) => self.instant - Duration::seconds(WIDEST_EAST as i64),
            _ => self.instant,
        }
    }

    /// The latest instant the value can stand for (the exclusive end of its interval; equal to the
    /// instant for second precision).
    pub fn latest(&self) -> DateTime<Utc> {
        match (self.precision(), self.offset()) {
            (Precision::Day, None) => {
                self.instant + Duration::days(1) - Duration::seconds(WIDEST_WEST as i64)
            }
            _ => self.instant + self.precision().span(),
        }
    }

    /// True when the whole interval of `self` lies strictly before the whole interval of `other`, so that
    /// "self is earlier" holds whatever the precise values were.
    pub fn surely_before(&self, other: &Time) -> bool {
        self.latest() <= other.earliest() && self.instant < other.instant
    }

    /// The calendar date of the value in the zone it was published in (for a date, the date itself).
    pub fn local_date(&self) -> NaiveDate {
        match self.offset() {
            Some(offset) => self.instant.with_timezone(&offset).date_naive(),
            None => self.instant.date_naive(),
        }
    }

    /// The value for people, in UTC at its own precision: `2025-11-14 08:40:31 UTC`,
    /// `2025-11-14 03:14 UTC`, or for a date (which cannot be moved to another zone) `2025-11-04 (+08:00
    /// date)`.
    pub fn utc_text(&self) -> String {
        match (self.precision(), self.offset()) {
            (Precision::Day, Some(o)) if o.local_minus_utc() == 0 => {
                format!("{} (UTC date)", self.local_date())
            }
            (Precision::Day, Some(o)) => format!("{} ({o} date)", self.local_date()),
            (Precision::Day, None) => format!("{} (date)", self.local_date()),
            (Precision::Minute, _) => self.instant.format("%Y-%m-%d %H:%M UTC").to_string(),
            (Precision::Second, _) => self.instant.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        }
    }

    /// The calendar date of the value in `offset`. `None` for a date published in another zone (or none):
    /// a day in Beijing is not a day in UTC.
    pub fn date_in(&self, offset: FixedOffset) -> Option<NaiveDate> {
        if self.precision() == Precision::Day && self.offset() != Some(offset) {
            return None;
        }
        Some(self.instant.with_timezone(&offset).date_naive())
    }
}

impl PartialEq for Time {
    fn eq(&self, other: &Self) -> bool {
        self.instant == other.instant && self.zone == other.zone
    }
}
impl Eq for Time {}

impl PartialOrd for Time {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Time {
    /// Orders by instant, then by precision (a date before a time on the same day), then by offset.
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant
            .cmp(&other.instant)
            .then(self.precision().cmp(&other.precision()))
            .then(
                self.offset()
                    .map(|o| o.local_minus_utc())
                    .cmp(&other.offset().map(|o| o.local_minus_utc())),
            )
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a time string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid time `{text}`: {reason}")]
pub struct TimeError {
    /// The text that was refused.
    pub text: String,
    /// What is wrong with it and how to write it instead.
    pub reason: String,
}

const FORMS: &str = "write YYYY-MM-DD, YYYY-MM-DD+08:00, YYYY-MM-DDTHH:MM+08:00 or \
                     YYYY-MM-DDTHH:MM:SS+08:00 (or Z for UTC)";

fn parse(text: &str) -> Result<Time, String> {
    if text.len() < 10 || !text.is_ascii() {
        return Err(format!("too short or not ASCII; {FORMS}"));
    }
    let date = parse_date(&text[..10])?;
    let rest = &text[10..];
    let (precision, local_time, zone) = if let Some(after_t) = rest.strip_prefix('T') {
        let zone_at = after_t
            .find(['Z', '+', '-'])
            .ok_or_else(|| format!("a time of day needs an offset (Z or ±HH:MM); {FORMS}"))?;
        let (clock, zone) = after_t.split_at(zone_at);
        let (precision, time) = parse_clock(clock)?;
        (precision, time, zone)
    } else if rest.is_empty() || rest.starts_with(['Z', '+', '-']) {
        (Precision::Day, NaiveTime::MIN, rest)
    } else {
        return Err(format!(
            "after the date comes `T` and the time of day, or an offset; {FORMS}"
        ));
    };
    let offset = if zone.is_empty() {
        if precision != Precision::Day {
            return Err(format!("no offset; {FORMS}"));
        }
        None
    } else {
        Some(parse_offset(zone)?)
    };
    let local = NaiveDateTime::new(date, local_time);
    let instant = match offset {
        Some(offset) => local - Duration::seconds(offset.local_minus_utc() as i64),
        None => local,
    }
    .and_utc();
    Ok(Time {
        instant,
        zone: Zone::new(precision, offset),
        text: Text::new(text),
    })
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let b = text.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return Err(format!("the date must be YYYY-MM-DD; {FORMS}"));
    }
    let year = digits(&text[0..4])? as i32;
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    if !(YEAR_RANGE.0..=YEAR_RANGE.1).contains(&year) {
        return Err(format!(
            "year {year} is outside {}–{}: spaceflight began in 1957",
            YEAR_RANGE.0, YEAR_RANGE.1
        ));
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("{year:04}-{month:02}-{day:02} is not a date on the calendar"))?;
    debug_assert_eq!(date.year(), year);
    Ok(date)
}

fn parse_clock(text: &str) -> Result<(Precision, NaiveTime), String> {
    let b = text.as_bytes();
    if text.len() < 5 || b[2] != b':' {
        return Err(format!(
            "the time of day must be HH:MM or HH:MM:SS; {FORMS}"
        ));
    }
    let hour = digits(&text[0..2])?;
    let minute = digits(&text[3..5])?;
    let (precision, second, nanos) = if text.len() == 5 {
        (Precision::Minute, 0, 0)
    } else {
        if b[5] != b':' || text.len() < 8 {
            return Err(format!(
                "the time of day must be HH:MM or HH:MM:SS; {FORMS}"
            ));
        }
        let second = digits(&text[6..8])?;
        let nanos = match &text[8..] {
            "" => 0,
            fraction => {
                let digits_only = fraction
                    .strip_prefix('.')
                    .filter(|d| !d.is_empty() && d.len() <= 9)
                    .ok_or_else(|| "a fraction of a second is `.` and 1–9 digits".to_string())?;
                let value = digits(digits_only)?;
                value * 10u32.pow(9 - digits_only.len() as u32)
            }
        };
        (Precision::Second, second, nanos)
    };
    if second == 60 {
        return Err("leap seconds (:60) are not supported: write :59 and say so in `notes`".into());
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
        .ok_or_else(|| format!("{hour:02}:{minute:02}:{second:02} is not a time of day"))?;
    Ok((precision, time))
}

fn parse_offset(text: &str) -> Result<FixedOffset, String> {
    if text == "Z" {
        return Ok(UTC_OFFSET);
    }
    let b = text.as_bytes();
    if text.len() != 6 || b[3] != b':' || !(b[0] == b'+' || b[0] == b'-') {
        return Err(format!("the offset `{text}` must be Z or ±HH:MM"));
    }
    let hours = digits(&text[1..3])? as i32;
    let minutes = digits(&text[4..6])? as i32;
    if minutes >= 60 || hours * 3600 + minutes * 60 > WIDEST_EAST {
        return Err(format!("the offset `{text}` is beyond ±14:00"));
    }
    let seconds = (hours * 3600 + minutes * 60) * if b[0] == b'-' { -1 } else { 1 };
    FixedOffset::east_opt(seconds).ok_or_else(|| format!("the offset `{text}` is out of range"))
}

fn digits(text: &str) -> Result<u32, String> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` should be digits; {FORMS}"));
    }
    text.parse()
        .map_err(|_| format!("`{text}` should be digits; {FORMS}"))
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Time::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Time {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A time at the precision the source gives: YYYY-MM-DD (a date, zone unknown), \
                            YYYY-MM-DD±HH:MM (a date in that zone), YYYY-MM-DDTHH:MM±HH:MM (minute) or \
                            YYYY-MM-DDTHH:MM:SS[.f]±HH:MM (second); Z for UTC.",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:\\d{2})?$"
        })
    }
}

/// The compiled catalog's form of a time (`catalog::compiled`): the instant, precision and offset as
/// numbers and the text as written, so that decoding parses nothing.
impl bincode::Encode for Time {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        e: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        self.instant.timestamp().encode(e)?;
        self.instant.timestamp_subsec_nanos().encode(e)?;
        self.precision().encode(e)?;
        self.offset().map(|o| o.local_minus_utc()).encode(e)?;
        self.as_str().encode(e)
    }
}

impl<C> bincode::Decode<C> for Time {
    fn decode<D: bincode::de::Decoder<Context = C>>(
        d: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        use bincode::error::DecodeError;
        let seconds = i64::decode(d)?;
        let nanos = u32::decode(d)?;
        let instant = DateTime::from_timestamp(seconds, nanos)
            .ok_or(DecodeError::Other("a time out of range"))?;
        let precision = Precision::decode(d)?;
        let offset = match Option::<i32>::decode(d)? {
            Some(seconds) => Some(
                FixedOffset::east_opt(seconds)
                    .ok_or(DecodeError::Other("an offset out of range"))?,
            ),
            None => None,
        };
        // A short text is read in place, without the `String` a longer one is decoded through.
        let len =
            usize::try_from(u64::decode(d)?).map_err(|_| DecodeError::Other("a text too long"))?;
        let text = if len <= Text::INLINE {
            use bincode::de::read::Reader;
            d.claim_bytes_read(len)?;
            let mut bytes = [0; Text::INLINE];
            d.reader().read(&mut bytes[..len])?;
            std::str::from_utf8(&bytes[..len])
                .map_err(|_| DecodeError::Other("a time's text is not UTF-8"))?;
            Text::from_bytes(&bytes[..len]).ok_or(DecodeError::Other("a short text that is not"))?
        } else {
            d.claim_bytes_read(len)?;
            let mut bytes = vec![0; len];
            bincode::de::read::Reader::read(d.reader(), &mut bytes)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| DecodeError::Other("a time's text is not UTF-8"))?;
            Text::Shared(text.into())
        };
        Ok(Time {
            instant,
            zone: Zone::new(precision, offset),
            text,
        })
    }
}
bincode::impl_borrow_decode!(Time);

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Time {
        Time::parse(s).unwrap()
    }

    #[test]
    fn beijing_time_is_converted_to_utc() {
        let time = t("2025-10-31T23:44:46+08:00");
        assert_eq!(time.instant().to_rfc3339(), "2025-10-31T15:44:46+00:00");
        assert_eq!(time.precision(), Precision::Second);
        assert_eq!(time.local_date().to_string(), "2025-10-31");
        assert_eq!(time.as_str(), "2025-10-31T23:44:46+08:00");
    }

    #[test]
    fn precision_follows_the_text() {
        assert_eq!(t("2025-11-14T11:14+08:00").precision(), Precision::Minute);
        assert_eq!(t("2025-11-14T11:14:00Z").precision(), Precision::Second);
        assert_eq!(t("2025-11-05+08:00").precision(), Precision::Day);
        assert_eq!(t("2025-11-05").precision(), Precision::Day);
        assert_eq!(
            t("2003-10-15T01:00:03.497Z")
                .instant()
                .timestamp_subsec_millis(),
            497
        );
    }

    #[test]
    fn a_beijing_date_is_the_beijing_day() {
        let day = t("2025-11-05+08:00");
        assert_eq!(day.earliest().to_rfc3339(), "2025-11-04T16:00:00+00:00");
        assert_eq!(day.latest().to_rfc3339(), "2025-11-05T16:00:00+00:00");
    }

    #[test]
    fn a_bare_date_spans_every_zone() {
        let day = t("2025-11-04");
        assert_eq!(day.earliest().to_rfc3339(), "2025-11-03T10:00:00+00:00");
        assert_eq!(day.latest().to_rfc3339(), "2025-11-05T12:00:00+00:00");
    }

    #[test]
    fn minute_precision_spans_the_minute() {
        let m = t("2025-11-14T08:40Z");
        assert_eq!((m.latest() - m.earliest()).num_seconds(), 60);
    }

    #[test]
    fn surely_before_respects_precision() {
        assert!(!t("2025-11-04").surely_before(&t("2025-11-04T09:00Z")));
        assert!(t("2025-11-03+08:00").surely_before(&t("2025-11-04T09:00+08:00")));
        assert!(t("2025-11-04T08:59Z").surely_before(&t("2025-11-04T09:00Z")));
        assert!(!t("2025-11-04T09:00Z").surely_before(&t("2025-11-04T09:00:30Z")));
    }

    #[test]
    fn bad_times_are_refused_with_a_reason() {
        for (text, needle) in [
            ("2025-02-30", "not a date"),
            ("2025-11-14T08:40", "offset"),
            ("2025-11-14T08:40+25:00", "beyond"),
            ("1956-01-01", "1957"),
            ("2201-01-01", "1957"),
            ("2016-12-31T23:59:60Z", "leap"),
            ("2025-11-14 08:40Z", "YYYY-MM-DD"),
            ("14 Nov 2025", "YYYY-MM-DD"),
            ("", "too short"),
            ("2025-11-14T25:00Z", "not a time"),
            ("2025-11-14T08:40:00.Z", "fraction"),
        ] {
            let err = Time::parse(text).unwrap_err();
            assert!(err.reason.contains(needle), "{text}: {}", err.reason);
        }
    }

    #[test]
    fn shifted_keeps_precision_and_offset() {
        let moved = t("2025-11-25T12:11:45+08:00").shifted(Duration::days(10));
        assert_eq!(moved.as_str(), "2025-12-05T12:11:45+08:00");
        assert_eq!(moved, t("2025-12-05T12:11:45+08:00"));
        let day = t("2025-11-04+08:00").shifted(Duration::days(-2));
        assert_eq!(day, t("2025-11-02+08:00"));
        let minute = t("2025-11-25T07:50Z").shifted(Duration::hours(36));
        assert_eq!(minute.as_str(), "2025-11-26T19:50Z");
        assert_eq!(minute.precision(), Precision::Minute);
    }

    #[test]
    fn serialises_as_written() {
        let json = serde_json::to_string(&t("2025-11-05+08:00")).unwrap();
        assert_eq!(json, "\"2025-11-05+08:00\"");
    }

    #[test]
    fn short_and_long_texts_keep_their_precision_offset_and_text() {
        let config = bincode::config::standard();
        for text in [
            "2025-11-05",
            "2025-11-05-03:30",
            "2025-11-14T16:40+08:00",
            "2025-10-31T23:44:46Z",
            "2025-10-31T23:44:46+08:00",
            "2003-10-15T01:00:03.497-12:00",
            "2003-10-15T01:00:03.123456789+14:00",
        ] {
            let time = t(text);
            for copy in [
                time.clone(),
                bincode::decode_from_slice::<Time, _>(
                    &bincode::encode_to_vec(&time, config).unwrap(),
                    config,
                )
                .unwrap()
                .0,
            ] {
                assert_eq!(copy.as_str(), text);
                assert_eq!(copy.to_string(), text);
                assert_eq!(copy.precision(), time.precision());
                assert_eq!(copy.offset(), time.offset());
                assert_eq!(copy.instant(), time.instant());
                assert_eq!(copy, time);
            }
        }
        assert_eq!(t("2025-11-05").offset(), None);
        assert_eq!(
            t("2025-11-05-03:30").offset(),
            FixedOffset::west_opt(3 * 3600 + 1800)
        );
        // The text of a usual time is held in place: a `Time` is no larger than with a shared text.
        assert_eq!(std::mem::size_of::<Time>(), 40);
        assert_eq!(std::mem::size_of::<Option<Time>>(), 40);
    }
}
