//! What the queries of `timeline` share: the error for a name that is not in the catalog, and the UTC
//! form every JSON output gives a time in. The queries themselves are in `list`, `show` and `how_long`.

use chrono::{DateTime, Utc};
use serde::Serializer;

use crate::model::Time;
use crate::suggest;

/// A lookup that found nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// No flight or astronaut has this id.
    #[error("no flight or astronaut `{id}` in the catalog")]
    UnknownSubject {
        /// What was asked for.
        id: String,
        /// The closest id, where one is close.
        suggestion: Option<String>,
    },
    /// A reference (`flight`, `flight/event` or `astronaut@flight`) that names nothing.
    #[error("{message}")]
    UnknownReference {
        /// What was asked for.
        reference: String,
        /// What is wrong with it.
        message: String,
        /// The closest reference, where one is close.
        suggestion: Option<String>,
        /// What to do instead.
        hint: String,
    },
    /// No chain of constraints leads from one moment to the other.
    #[error("no chain of constraints leads from {from} to {to}")]
    NoPath {
        /// The start.
        from: String,
        /// The end.
        to: String,
        /// What to try instead.
        hint: String,
    },
}

impl QueryError {
    pub(super) fn unknown(id: &str, ids: impl Iterator<Item = String>) -> QueryError {
        let ids: Vec<String> = ids.collect();
        QueryError::UnknownSubject {
            id: id.to_string(),
            suggestion: suggest::closest(id, ids.iter().map(String::as_str)).map(str::to_string),
        }
    }
}

/// A time as UTC RFC 3339 (`2025-11-14T08:40:31Z`), the form every JSON output uses.
pub fn utc_rfc3339(time: &Time) -> String {
    time.instant()
        .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

pub(crate) fn utc<S: Serializer>(time: &Time, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&utc_rfc3339(time))
}

pub(crate) fn utc_opt<S: Serializer>(time: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => utc(t, s),
        None => s.serialize_none(),
    }
}

pub(crate) fn utc_instant<S: Serializer>(time: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
}
