//! The one JSON shape of an instant, used by every JSON output (docs/json.md): an object with the UTC
//! time to the whole second, the precision the source gave, the range the value stands for and the text
//! as published. A time the program computes (`now`, a `--at` moment) is an instant of second precision.
//!
//! The catalog files keep their own form (a [`Time`] serialises as its text); this shape is for reports.

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use super::{Precision, Time};

/// An instant in a JSON output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Instant {
    /// UTC RFC 3339 to the whole second (`2025-11-14T08:40:31Z`); for a minute or a day, the start of
    /// the interval the published text names.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"))]
    pub utc: String,
    /// `second`, `minute` or `day`.
    pub precision: Precision,
    /// The earliest instant the value can stand for (equal to `utc` for second precision).
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"))]
    pub earliest: String,
    /// The latest instant the value can stand for, the exclusive end of its interval (equal to `utc`
    /// for second precision; a date without a zone spans −12:00 to +14:00).
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"))]
    pub latest: String,
    /// The text as the source published it (`2025-11-04+08:00`); for a computed time, `utc`.
    pub as_published: String,
}

fn text(at: DateTime<Utc>) -> String {
    at.trunc_subsecs(0)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Instant {
    /// The JSON form of a published time.
    pub fn of(time: &Time) -> Instant {
        Instant {
            utc: text(time.instant()),
            precision: time.precision(),
            earliest: text(time.earliest()),
            latest: text(time.latest()),
            as_published: time.as_str().to_string(),
        }
    }

    /// The JSON form of a time the program computed: second precision, to the whole second.
    pub fn computed(at: DateTime<Utc>) -> Instant {
        let utc = text(at);
        Instant {
            earliest: utc.clone(),
            latest: utc.clone(),
            as_published: utc.clone(),
            precision: Precision::Second,
            utc,
        }
    }
}

/// Serialises a published time as an [`Instant`] (`#[serde(serialize_with = …)]`).
pub fn instant<S: Serializer>(time: &Time, s: S) -> Result<S::Ok, S::Error> {
    Instant::of(time).serialize(s)
}

/// [`instant`] for an optional time: `null` for something that has not happened.
pub fn instant_opt<S: Serializer>(time: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
    time.as_ref().map(Instant::of).serialize(s)
}

/// Serialises a computed time as an [`Instant`] of second precision.
pub fn computed<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    Instant::computed(*at).serialize(s)
}

/// [`computed`] for an optional time: `null` when absent.
pub fn computed_opt<S: Serializer>(at: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    at.map(Instant::computed).serialize(s)
}

/// [`instant_opt`] for a time held as its published text (a `checked` date): the text of a [`Time`].
pub fn published_opt<S: Serializer>(text: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    let time = text.as_deref().map(Time::parse).transpose();
    time.map_err(serde::ser::Error::custom)?
        .as_ref()
        .map(Instant::of)
        .serialize(s)
}

/// The earliest and latest of a range of published times held as text, `[earliest, latest]`.
pub fn published_range<S: Serializer>(
    range: &Option<(String, String)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    let pair = |(lo, hi): &(String, String)| -> Result<[Instant; 2], super::TimeError> {
        Ok([
            Instant::of(&Time::parse(lo)?),
            Instant::of(&Time::parse(hi)?),
        ])
    };
    let range = range.as_ref().map(pair).transpose();
    range.map_err(serde::ser::Error::custom)?.serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_gives_its_start_and_its_range() {
        let day = Instant::of(&Time::parse("2025-11-04+08:00").unwrap());
        assert_eq!(day.utc, "2025-11-03T16:00:00Z");
        assert_eq!(day.precision, Precision::Day);
        assert_eq!(day.earliest, "2025-11-03T16:00:00Z");
        assert_eq!(day.latest, "2025-11-04T16:00:00Z");
        assert_eq!(day.as_published, "2025-11-04+08:00");
    }

    #[test]
    fn fractions_of_a_second_are_cut_and_a_second_has_no_range() {
        let t = Instant::of(&Time::parse("2025-11-14T16:40:31.75+08:00").unwrap());
        assert_eq!(
            (t.utc.as_str(), t.precision),
            ("2025-11-14T08:40:31Z", Precision::Second)
        );
        assert_eq!(
            (t.earliest.as_str(), t.latest.as_str()),
            (t.utc.as_str(), t.utc.as_str())
        );
        let now = "2026-07-03T10:20:30.123456789Z"
            .parse::<DateTime<Utc>>()
            .unwrap();
        let computed = Instant::computed(now);
        assert_eq!(computed.utc, "2026-07-03T10:20:30Z");
        assert_eq!(computed.as_published, computed.utc);
    }
}
