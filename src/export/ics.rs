//! iCalendar (RFC 5545) of what happened and what is planned, so a calendar shows launches, landings,
//! dockings, EVAs, anomalies and postponements.
//!
//! One `VEVENT` per moment: a launch, docking, undocking or landing that happened (`STATUS:CONFIRMED`), one
//! that is only planned (`STATUS:TENTATIVE`, with "planned" in the summary), and each event of a flight
//! (an EVA spans its start to its end). A time known to the second or minute is a UTC date-time; a time
//! known only to the day is an all-day event on that date. UIDs are stable (`FLIGHT.MOMENT@orbitline`), and
//! `DTSTAMP` is `now`, so the same catalog and `--now` give the same file. Written by the `icalendar`
//! crate, which folds lines and escapes text as the RFC says; control characters other than line feeds are
//! shown as escapes (`\u{1b}`) before, so that a line ends only with CRLF, and text longer than
//! [`MAX_TEXT`] characters is cut.

use chrono::{DateTime, Days, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

use super::{ExportError, ExportWhat, Exporter};
use crate::catalog::Catalog;
use crate::model::{EventKind, Flight, Precision, Time};
use crate::output::escape;

/// The iCalendar exporter.
pub struct ICalendar;

struct Moment<'a> {
    uid: String,
    summary: String,
    time: &'a Time,
    end: Option<&'a Time>,
    planned: bool,
    description: Vec<String>,
}

fn crew_line(catalog: &Catalog, ids: impl Iterator<Item = String>) -> Option<String> {
    let names: Vec<String> = ids.map(|a| catalog.name_of(&a).to_string()).collect();
    (!names.is_empty()).then(|| format!("Crew: {}", names.join(", ")))
}

fn precision_line(time: &Time, uncertain: bool, inferred: bool) -> Vec<String> {
    let mut lines = Vec::new();
    match time.precision() {
        Precision::Day => lines.push(format!("Known to the day: {}", time.utc_text())),
        Precision::Minute => lines.push("Known to the minute".to_string()),
        Precision::Second => {}
    }
    if uncertain {
        lines.push("Marked uncertain by the source".into());
    }
    if inferred {
        lines.push("Inferred, not published (see the catalog's notes)".into());
    }
    lines
}

fn moments<'a>(catalog: &Catalog, flight: &'a Flight) -> Vec<Moment<'a>> {
    let mut out = Vec::new();
    let name = &flight.name;
    let crew_up = crew_line(
        catalog,
        flight.launch.crew.iter().map(|m| m.astronaut.clone()),
    );
    let mut end = |what: &str, end: &'a crate::model::End, crew: Option<String>| {
        for (time, planned) in [(end.time.as_ref(), false), (end.planned.as_ref(), true)] {
            let Some(time) = time else { continue };
            if planned && end.time.is_some() {
                continue; // it happened: the actual time is shown, the plan is in postponements
            }
            let mut description: Vec<String> = crew.iter().cloned().collect();
            description.extend(precision_line(time, end.uncertain, end.inferred));
            out.push(Moment {
                uid: format!(
                    "{}.{}{}@orbitline",
                    flight.id,
                    what,
                    if planned { "-planned" } else { "" }
                ),
                summary: format!("{name} {what}{}", if planned { " (planned)" } else { "" }),
                time,
                end: None,
                planned,
                description,
            });
        }
    };
    end("launch", &flight.launch, crew_up);
    if let Some(landing) = &flight.landing {
        let crew = crew_line(catalog, landing.crew.iter().map(|m| m.astronaut.clone()));
        end("landing", landing, crew);
    }
    for (what, mooring) in [
        ("docking", &flight.docking),
        ("undocking", &flight.undocking),
    ] {
        let Some(mooring) = mooring else { continue };
        let (time, planned) = match (&mooring.time, &mooring.planned) {
            (Some(t), _) => (t, false),
            (None, Some(p)) => (p, true),
            (None, None) => continue,
        };
        let mut description: Vec<String> =
            mooring.port.iter().map(|p| format!("Port: {p}")).collect();
        description.extend(precision_line(time, mooring.uncertain, mooring.inferred));
        out.push(Moment {
            uid: format!("{}.{what}@orbitline", flight.id),
            summary: format!(
                "{name} {what}{}{}",
                flight
                    .station
                    .as_deref()
                    .and_then(|s| catalog.station(s))
                    .map(|s| format!(" ({})", s.name))
                    .unwrap_or_default(),
                if planned { " (planned)" } else { "" }
            ),
            time,
            end: None,
            planned,
            description,
        });
    }
    for event in &flight.events {
        let kind = match event.kind {
            EventKind::Eva => "EVA",
            EventKind::Anomaly => "Anomaly",
            EventKind::ScheduleChange => "Postponement",
            EventKind::Handover => "Handover",
            EventKind::Milestone => "Milestone",
        };
        let mut description: Vec<String> = Vec::new();
        if let (Some(from), Some(to)) = (&event.from, &event.to) {
            description.push(format!(
                "{} moved from {} to {}",
                event.target.as_deref().unwrap_or("the plan"),
                from.utc_text(),
                to.utc_text()
            ));
        }
        description.extend(crew_line(catalog, event.crew.iter().cloned()));
        description.extend(event.notes.iter().cloned());
        description.extend(precision_line(&event.time, false, false));
        out.push(Moment {
            uid: format!("{}.{}@orbitline", flight.id, event.id),
            summary: format!(
                "{name} {kind}: {}",
                event.title.as_deref().unwrap_or(&event.id)
            ),
            time: &event.time,
            end: event.end.as_ref(),
            planned: false,
            description,
        });
    }
    out
}

/// The longest a line may be, in octets without its CRLF (RFC 5545, 3.1).
const MAX_LINE: usize = 75;

/// `text` with every line longer than [`MAX_LINE`] octets folded again: the crate leaves some at 76 where
/// it moves a fold off a space. Lines it folded right are left as they are.
fn refold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive("\r\n") {
        let (mut rest, end) = match line.strip_suffix("\r\n") {
            Some(body) => (body, "\r\n"),
            None => (line, ""),
        };
        let mut limit = MAX_LINE;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            // A continuation line starts with one space (which unfolding removes): it counts.
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = MAX_LINE - 1;
        }
        out.push_str(rest);
        out.push_str(end);
    }
    out
}

/// The most characters of text a calendar entry shows; longer text (a catalog can hold any length) is cut
/// with an ellipsis. The `icalendar` crate folds a line in time that grows with the square of its length.
const MAX_TEXT: usize = 4_000;

fn shortened(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// A UID of at most about 200 characters: a longer one (ids have no length limit) keeps its start and
/// adds a hash of the whole, so that it stays stable and unique.
fn bounded_uid(uid: &str) -> String {
    if uid.len() <= 200 {
        return uid.to_string();
    }
    let mut cut = 160;
    while !uid.is_char_boundary(cut) {
        cut -= 1;
    }
    // FNV-1a, 64 bits: stable across runs and versions, unlike the standard library's hasher.
    let hash = uid.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{}-{hash:016x}@orbitline", &uid[..cut])
}

impl Exporter for ICalendar {
    fn exports(&self) -> &'static [ExportWhat] {
        &[ExportWhat::Events]
    }

    fn export(
        &self,
        catalog: &Catalog,
        what: ExportWhat,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, ExportError> {
        if what != ExportWhat::Events {
            return Err(ExportError::Unsupported {
                format: "ics",
                what,
            });
        }
        let mut calendar = Calendar::empty();
        calendar
            .append_property(Property::new("VERSION", "2.0"))
            .append_property(Property::new(
                "PRODID",
                "-//orbitline//orbitline export//EN",
            ))
            .append_property(Property::new("CALSCALE", "GREGORIAN"))
            .append_property(Property::new(
                "X-WR-CALNAME",
                format!("orbitline: {}", escape::line(catalog.label())),
            ));
        for flight in catalog.flights() {
            for moment in moments(catalog, flight) {
                let mut event = Event::new();
                event
                    .uid(&bounded_uid(&escape::line(&moment.uid)))
                    .timestamp(now)
                    .summary(&shortened(&escape::line(&moment.summary)))
                    .status(if moment.planned {
                        EventStatus::Tentative
                    } else {
                        EventStatus::Confirmed
                    });
                if !moment.description.is_empty() {
                    // Line feeds are escaped by the crate as the RFC says; no other control character
                    // (a bare carriage return above all) may reach the file.
                    event.description(&shortened(&escape::terminal(
                        &moment.description.join("\n"),
                    )));
                }
                if moment.time.precision() == Precision::Day {
                    let date = moment.time.local_date();
                    let last = moment.end.map_or(date, |e| e.local_date().max(date));
                    event
                        .starts(date)
                        .ends(last.checked_add_days(Days::new(1)).unwrap_or(last));
                } else {
                    event.starts(moment.time.instant());
                    if let Some(end) = moment.end {
                        event.ends(end.instant().max(moment.time.instant()));
                    }
                }
                calendar.push(event.done());
            }
        }
        Ok(refold(&calendar.done().to_string()).into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refolding_keeps_every_line_within_75_octets_and_leaves_short_ones() {
        let short = "SUMMARY:short\r\n";
        assert_eq!(refold(short), short);
        let long = format!("DESCRIPTION:{}\r\n é{}\r\n", "a".repeat(63), "é".repeat(60));
        let folded = refold(&long);
        assert!(
            folded.split("\r\n").all(|l| l.len() <= MAX_LINE),
            "{folded}"
        );
        assert_eq!(folded.replace("\r\n ", ""), long.replace("\r\n ", ""));
    }
}
