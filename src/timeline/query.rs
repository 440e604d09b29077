//! What the queries of `timeline` share: the error for a name that is not in the catalog. The queries
//! themselves are in `list`, `show` and `how_long`; every JSON output gives a time as
//! [`crate::model::instant::Instant`].

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
