//! Output formats. A command builds a result value (from [`crate::timeline`]) and hands it to [`render`]
//! with the chosen [`Format`]: human tables ([`human`]) or JSON through serde ([`json`]). Rendering returns
//! a string; the binary prints it.

pub mod deps;
pub mod graph;
pub mod human;
pub mod json;
pub mod schema;

use chrono::{FixedOffset, Utc};
use serde::Serialize;

use crate::model::{Precision, Time, UTC_OFFSET};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Aligned text for people.
    #[default]
    Human,
    /// Stable JSON, documented in `docs/json.md`.
    Json,
}

/// The zone human output shows times in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    /// UTC.
    #[default]
    Utc,
    /// The zone each time was published in.
    Local,
    /// A fixed offset.
    Offset(FixedOffset),
}

impl Zone {
    /// Parses `utc`, `local` or an offset such as `+08:00`.
    pub fn parse(text: &str) -> Result<Zone, String> {
        match text.to_ascii_lowercase().as_str() {
            "utc" | "z" => Ok(Zone::Utc),
            "local" => Ok(Zone::Local),
            _ => {
                let probe = format!("2000-01-01T00:00{text}");
                Time::parse(&probe)
                    .ok()
                    .and_then(|t| t.offset())
                    .map(Zone::Offset)
                    .ok_or_else(|| {
                        format!("`{text}` is not a zone: use utc, local or an offset like +08:00")
                    })
            }
        }
    }
}

/// How the figures of flights still in orbit were counted, for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OpenFigures {
    /// To a time the catalog still speaks for (`--now` or `--as-of` before its last check): "so far".
    #[default]
    SoFar,
    /// To the catalog's last check, the default once the clock is past it: a lower bound.
    AtLastCheck(chrono::NaiveDate),
    /// To a `--now` past the catalog's last check: an extrapolation, not a fact of the catalog.
    Extrapolated,
}

/// How human output shows times, and the durations of what is still going on (named so as not to
/// shadow `std::fmt::Display`).
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeDisplay {
    /// The zone for times.
    pub zone: Zone,
    /// How figures of flights still in orbit were counted.
    pub open: OpenFigures,
}

impl TimeDisplay {
    /// The figure of something still going on, saying how it was counted: `190 d so far`, `at least 40 d
    /// (at last check, 2026-07-03)`, `190 d so far (extrapolated past the last check)`.
    pub fn open_figure(&self, figure: &str) -> String {
        match self.open {
            OpenFigures::SoFar => format!("{figure} so far"),
            OpenFigures::AtLastCheck(date) => format!("at least {figure} (at last check, {date})"),
            OpenFigures::Extrapolated => {
                format!("{figure} so far (extrapolated past the last check)")
            }
        }
    }

    /// A time in the display zone, at the precision it is known to: `2025-11-14 08:40:31 UTC`,
    /// `2025-11-14 16:40 +08:00`, `2025-11-05 (+08:00 date)`.
    pub fn time(&self, time: &Time) -> String {
        if time.precision() == Precision::Day {
            let date = time.local_date();
            return match time.offset() {
                Some(o) if o.local_minus_utc() == 0 => format!("{date} (UTC date)"),
                Some(o) => format!("{date} ({o} date)"),
                None => format!("{date} (date)"),
            };
        }
        let offset = match self.zone {
            Zone::Utc => UTC_OFFSET,
            Zone::Local => time.offset().unwrap_or(UTC_OFFSET),
            Zone::Offset(o) => o,
        };
        let local = time.instant().with_timezone(&offset);
        let clock = match time.precision() {
            Precision::Second => local.format("%Y-%m-%d %H:%M:%S"),
            _ => local.format("%Y-%m-%d %H:%M"),
        };
        format!("{clock} {}", zone_label(offset))
    }

    /// A time like [`TimeDisplay::time`] without the zone label, for tables whose heading names the zone
    /// ([`TimeDisplay::zone_heading`]): `2025-11-25 04:11:45`; a date keeps its zone (`2025-11-04 (+08:00
    /// date)`), and so does every time shown as published.
    pub fn clock(&self, time: &Time) -> String {
        let full = self.time(time);
        if time.precision() == Precision::Day || self.zone == Zone::Local {
            return full;
        }
        match full.rsplit_once(' ') {
            Some((clock, _zone)) => clock.to_string(),
            None => full,
        }
    }

    /// An exact instant (`--now`) in the display zone, to the minute.
    pub fn instant(&self, instant: chrono::DateTime<Utc>) -> String {
        let offset = match self.zone {
            Zone::Offset(o) => o,
            _ => UTC_OFFSET,
        };
        format!(
            "{} {}",
            instant.with_timezone(&offset).format("%Y-%m-%d %H:%M"),
            zone_label(offset)
        )
    }

    /// The date of a time, for compact tables (`2025-11-14`), in the display zone where the time allows.
    pub fn date(&self, time: &Time) -> String {
        let offset = match self.zone {
            Zone::Utc => Some(UTC_OFFSET),
            Zone::Local => time.offset(),
            Zone::Offset(o) => Some(o),
        };
        offset
            .and_then(|o| time.date_in(o))
            .unwrap_or_else(|| time.local_date())
            .to_string()
    }

    /// The label of the display zone for column headings.
    pub fn zone_heading(&self) -> String {
        match self.zone {
            Zone::Utc => "UTC".into(),
            Zone::Local => "as published".into(),
            Zone::Offset(o) => zone_label(o),
        }
    }
}

pub(crate) fn zone_label(offset: FixedOffset) -> String {
    if offset.local_minus_utc() == 0 {
        "UTC".into()
    } else {
        offset.to_string()
    }
}

/// Human rendering of a result value.
pub trait Human {
    /// The text shown to people, ending with a newline.
    fn human(&self, display: &TimeDisplay) -> String;
}

/// Renders `value` in `format`.
pub fn render<T: Human + Serialize>(value: &T, format: Format, display: &TimeDisplay) -> String {
    match format {
        // Names, notes and titles come from the catalog: a terminal must never receive a raw ESC.
        Format::Human => {
            crate::output::escape::owned(value.human(display), crate::output::escape::terminal)
        }
        Format::Json => json::to_json(value),
    }
}
