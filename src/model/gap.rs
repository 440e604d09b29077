//! Lengths of time in the catalog and on the command line.
//!
//! [`MinGap`] is the `min_gap` of an `after` link: an ISO 8601 duration (`P1D`, `PT36H`, `P1DT12H`, `P2W`)
//! that is never negative. Months and years are refused: they have no fixed length, and a gap must be a
//! number of seconds. [`parse_shift`] reads the signed shorthand the command line takes for a slip
//! (`10d`, `-2d`, `36h`, `1d12h`), and also accepts the ISO form.

use std::fmt;

use chrono::Duration;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A non-negative length of time written as an ISO 8601 duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinGap {
    duration: Duration,
    text: Box<str>,
}

impl MinGap {
    /// Parses `PnW`, or `PnD` with an optional `TnHnMnS` part (`P1DT12H`, `PT90M`).
    pub fn parse(text: &str) -> Result<MinGap, String> {
        let duration = parse_iso(text)?;
        Ok(MinGap {
            duration,
            text: text.into(),
        })
    }

    /// The length.
    pub fn duration(&self) -> Duration {
        self.duration
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for MinGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

const ISO_FORMS: &str =
    "write an ISO 8601 duration in weeks, days, hours, minutes and seconds: P1D, PT36H, P1DT12H, P2W";

fn parse_iso(text: &str) -> Result<Duration, String> {
    if text.starts_with('-') {
        return Err(format!(
            "invalid duration `{text}`: a gap cannot be negative"
        ));
    }
    let body = text
        .strip_prefix('P')
        .ok_or_else(|| format!("invalid duration `{text}`: it starts with P; {ISO_FORMS}"))?;
    let (date_part, time_part) = match body.split_once('T') {
        Some((_, "")) => {
            return Err(format!(
                "invalid duration `{text}`: nothing after T; {ISO_FORMS}"
            ));
        }
        Some((d, t)) => (d, Some(t)),
        None => (body, None),
    };
    if date_part.is_empty() && time_part.is_none() {
        return Err(format!("invalid duration `{text}`: no amount; {ISO_FORMS}"));
    }
    let mut seconds: i64 = 0;
    for (in_date, part, units) in [
        (true, date_part, &[('W', 7 * 86_400), ('D', 86_400)][..]),
        (
            false,
            time_part.unwrap_or(""),
            &[('H', 3600), ('M', 60), ('S', 1)][..],
        ),
    ] {
        let mut rest = part;
        let mut allowed = units.iter();
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let (number, tail) = rest.split_at(digits);
            let Some(unit) = tail.chars().next() else {
                return Err(format!(
                    "invalid duration `{text}`: `{number}` has no unit; {ISO_FORMS}"
                ));
            };
            if number.is_empty() {
                return Err(format!(
                    "invalid duration `{text}`: `{unit}` has no number before it; {ISO_FORMS}"
                ));
            }
            if in_date && (unit == 'Y' || unit == 'M') {
                return Err(format!(
                    "invalid duration `{text}`: years and months have no fixed length; write days (P30D)"
                ));
            }
            let Some(&(_, size)) = allowed.by_ref().find(|(u, _)| *u == unit) else {
                return Err(format!(
                    "invalid duration `{text}`: unexpected `{unit}`; {ISO_FORMS}"
                ));
            };
            let value: i64 = number
                .parse()
                .map_err(|_| format!("invalid duration `{text}`: `{number}` is too large"))?;
            seconds = value
                .checked_mul(size)
                .and_then(|s| seconds.checked_add(s))
                .filter(|s| *s <= 1_000 * 365 * 86_400)
                .ok_or_else(|| format!("invalid duration `{text}`: too long"))?;
            rest = &tail[unit.len_utf8()..];
        }
    }
    Ok(Duration::seconds(seconds))
}

/// Reads a signed length of time as the command line takes it: an optional sign, then numbers with units
/// `w`, `d`, `h`, `min` (or `m`) and `s` (`10d`, `-2d`, `36h`, `1d12h`, `90min`), or an ISO 8601 duration
/// (`P10D`, `-PT36H`).
pub fn parse_shift(text: &str) -> Result<Duration, String> {
    let trimmed = text.trim();
    let (negative, body) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let magnitude = if body.starts_with('P') {
        parse_iso(body)?
    } else {
        parse_shorthand(body).map_err(|reason| {
            format!("`{text}` is not a length of time: {reason}; write e.g. 10d, -2d, 36h, 1d12h or P10D")
        })?
    };
    Ok(if negative { -magnitude } else { magnitude })
}

fn parse_shorthand(body: &str) -> Result<Duration, String> {
    if body.is_empty() {
        return Err("no amount".into());
    }
    let mut rest = body;
    let mut seconds: i64 = 0;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(format!("expected a number at `{rest}`"));
        }
        let (number, tail) = rest.split_at(digits);
        let unit_len = tail.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (unit, tail) = tail.split_at(unit_len);
        let size = match unit {
            "w" => 7 * 86_400,
            "d" => 86_400,
            "h" => 3600,
            "m" | "min" => 60,
            "s" => 1,
            "" => return Err(format!("`{number}` has no unit")),
            other => return Err(format!("unknown unit `{other}`")),
        };
        let value: i64 = number.parse().map_err(|_| "the number is too large")?;
        seconds = value
            .checked_mul(size)
            .and_then(|s| seconds.checked_add(s))
            .filter(|s| *s <= 1_000 * 365 * 86_400)
            .ok_or("too long")?;
        rest = tail;
    }
    Ok(Duration::seconds(seconds))
}

impl Serialize for MinGap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for MinGap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        MinGap::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for MinGap {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Gap".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An ISO 8601 duration without years or months: PnW, or PnD with an optional \
                            TnHnMnS part (P1D, PT36H, P1DT12H).",
            "pattern": "^P(\\d+W|(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?)$"
        })
    }
}

/// `10 d`, `1 d 12 h`, `3 h 38 min`, `185 d 4 h 21 min`, `45 s`: only the units that are not zero (a
/// zero duration is `0 min`); a minus sign for a negative one.
pub fn format_compact(total: i64) -> String {
    let sign = if total < 0 { "−" } else { "" };
    let total = total.abs();
    let parts: Vec<String> = [
        (total / 86_400, "d"),
        (total % 86_400 / 3600, "h"),
        (total % 3600 / 60, "min"),
        (total % 60, "s"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, unit)| format!("{n} {unit}"))
    .collect();
    if parts.is_empty() {
        return "0 min".into();
    }
    format!("{sign}{}", parts.join(" "))
}

/// The compiled catalog's form of a gap (`catalog::compiled`): its text, parsed again when decoded (gaps
/// are rare).
impl bincode::Encode for MinGap {
    fn encode<E: bincode::enc::Encoder>(
        &self,
        e: &mut E,
    ) -> Result<(), bincode::error::EncodeError> {
        self.text.encode(e)
    }
}

impl<C> bincode::Decode<C> for MinGap {
    fn decode<D: bincode::de::Decoder<Context = C>>(
        d: &mut D,
    ) -> Result<Self, bincode::error::DecodeError> {
        let text = String::decode(d)?;
        MinGap::parse(&text).map_err(|_| bincode::error::DecodeError::Other("an invalid gap"))
    }
}
bincode::impl_borrow_decode!(MinGap);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations() {
        let secs = |t: &str| MinGap::parse(t).unwrap().duration().num_seconds();
        assert_eq!(secs("P1D"), 86_400);
        assert_eq!(secs("PT36H"), 36 * 3600);
        assert_eq!(secs("P1DT12H30M15S"), 86_400 + 12 * 3600 + 30 * 60 + 15);
        assert_eq!(secs("P2W"), 14 * 86_400);
        assert_eq!(secs("PT0S"), 0);
        assert_eq!(secs("PT5M"), 300);
        assert_eq!(MinGap::parse("P1D").unwrap().as_str(), "P1D");
    }

    #[test]
    fn bad_iso_durations_say_why() {
        for (text, needle) in [
            ("1D", "starts with P"),
            ("P", "no amount"),
            ("P1M", "years and months"),
            ("P5MT5M", "years and months"),
            ("P1Y", "years and months"),
            ("PT", "nothing after T"),
            ("P1X", "unexpected `X`"),
            ("PT1D", "unexpected `D`"),
            ("P1H", "unexpected `H`"),
            ("PD", "no number"),
            ("P1", "no unit"),
            ("-P1D", "negative"),
            ("P99999999999999999999D", "too large"),
            ("P9999999D", "too long"),
        ] {
            let err = MinGap::parse(text).unwrap_err();
            assert!(err.contains(needle), "{text}: {err}");
        }
    }

    #[test]
    fn command_line_shifts() {
        let secs = |t: &str| parse_shift(t).unwrap().num_seconds();
        assert_eq!(secs("10d"), 10 * 86_400);
        assert_eq!(secs("-2d"), -2 * 86_400);
        assert_eq!(secs("+36h"), 36 * 3600);
        assert_eq!(secs("1d12h"), 36 * 3600);
        assert_eq!(secs("90min"), 5400);
        assert_eq!(secs("90m"), 5400);
        assert_eq!(secs("P10D"), 10 * 86_400);
        assert_eq!(secs("-PT36H"), -36 * 3600);
        for bad in ["", "d", "10", "10 days", "ten", "10y"] {
            assert!(parse_shift(bad).is_err(), "{bad}");
        }
    }
}
