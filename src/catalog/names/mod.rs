//! The names people use for flights, astronauts and stations, resolved to catalog ids.
//!
//! Every command that takes a flight, an astronaut or a station goes through [`Lookup::resolve`]: an id
//! written exactly (or in another case) is taken at once, without building anything; any other text is
//! looked up in a normalised-name index ([`Names`]), built once per run in one pass over the registries
//! and flights. Rules, in order of precedence (the first rule that matches anything decides, and several
//! matches under it are an ambiguity, never a guess):
//!
//! 1. **id**: the id in any case (`Shenzhou-20`, `ISS`);
//! 2. **name**: the id, the catalog name, the native name or an `aliases` entry, compared [`fold`]ed:
//!    without case, spaces, hyphens, punctuation or diacritics (`"Shenzhou 20"`, `"Chen Dong"`, `陈冬`);
//! 3. **given and family name**: one given name or a nickname McDowell writes in quotes or brackets
//!    (`'Buzz'`, `(Justin)`) with the family name, in either order (`"Buzz Aldrin"`, `"Koichi Wakata"`);
//!    a flight's name without its first word (`Crew-9` for `Dragon Crew-9`);
//! 4. **family name**: one word that begins or ends a person's name (`polyakov`; the family name comes
//!    first in Chinese, Japanese and Korean names, last in most others, so both ends count);
//! 5. **given-name prefix**: the family name with the start or a common short form of a given name
//!    (`"Tim Peake"` for Timothy Nigel Peake, `"Mike Fincke"` for Edward Michael Fincke).
//!
//! Ranks and suffixes (`Jr`, `II`, `Maj.`) are not names. Nothing here reads a file or the clock.

mod candidate;
mod index;
mod words;

use std::cell::OnceCell;
use std::collections::BTreeMap;

use serde::Serialize;

use super::Catalog;
pub use candidate::Candidate;
pub use index::{Names, PersonWords};
pub use words::{fold, short_forms};

/// What a name can stand for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person in `astronauts.json`.
    Astronaut,
    /// A flight file.
    Flight,
    /// A station in `stations.json`.
    Station,
}

impl Kind {
    /// `astronaut`, `flight` or `station`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Astronaut => "astronaut",
            Kind::Flight => "flight",
            Kind::Station => "station",
        }
    }
}

/// The kinds a question admits: `show` takes a flight, `duration` a flight or an astronaut, …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    /// Flights are admitted.
    pub flights: bool,
    /// Astronauts are admitted.
    pub astronauts: bool,
    /// Stations are admitted.
    pub stations: bool,
}

impl Kinds {
    /// A flight only.
    pub const FLIGHT: Kinds = Kinds::of(true, false, false);
    /// An astronaut only.
    pub const ASTRONAUT: Kinds = Kinds::of(false, true, false);
    /// A station only.
    pub const STATION: Kinds = Kinds::of(false, false, true);
    /// A flight or an astronaut.
    pub const SUBJECT: Kinds = Kinds::of(true, true, false);
    /// Anything with a name.
    pub const ANY: Kinds = Kinds::of(true, true, true);

    const fn of(flights: bool, astronauts: bool, stations: bool) -> Kinds {
        Kinds {
            flights,
            astronauts,
            stations,
        }
    }

    /// True when `kind` is admitted.
    pub fn admits(self, kind: Kind) -> bool {
        match kind {
            Kind::Astronaut => self.astronauts,
            Kind::Flight => self.flights,
            Kind::Station => self.stations,
        }
    }

    /// `flight`, `flight or astronaut`, `flight, astronaut or station`, …
    pub fn label(self) -> String {
        let names: Vec<&str> = [
            (self.flights, "flight"),
            (self.astronauts, "astronaut"),
            (self.stations, "station"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, name)| name)
        .collect();
        match names.as_slice() {
            [] => "name".into(),
            [one] => (*one).into(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        }
    }
}

/// How a text matched, in order of precedence (see the module documentation).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The id, in any case.
    Id,
    /// The catalog name, native name or id, folded.
    Name,
    /// An entry of the registry's `aliases`.
    Alias,
    /// A given name or nickname with the family name; a flight's name without its first word.
    GivenAndFamily,
    /// One word that begins or ends a person's name.
    FamilyName,
    /// The family name with the start of a given name.
    GivenNamePrefix,
    /// Only `find`: the folded text occurs inside a name or id.
    Contains,
}

impl Rule {
    /// Rules of one tier are equals: matches under both are an ambiguity.
    pub(super) fn tier(self) -> u8 {
        match self {
            Rule::Id => 0,
            Rule::Name | Rule::Alias => 1,
            Rule::GivenAndFamily => 2,
            Rule::FamilyName => 3,
            Rule::GivenNamePrefix => 4,
            Rule::Contains => 5,
        }
    }
}

/// One flight, astronaut or station, by its place in the catalog's list of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Target {
    kind: Kind,
    index: usize,
}

/// A text that names no one thing.
#[derive(Debug, Clone, thiserror::Error)]
pub enum NameError {
    /// Several things match under the same rule.
    #[error("`{text}` could name {}", count_kinds(candidates))]
    Ambiguous {
        /// What was asked for.
        text: String,
        /// What kinds were admitted (`flight or astronaut`).
        what: String,
        /// Every match, with its id, dates and nation.
        candidates: Vec<Candidate>,
    },
    /// Nothing matches.
    #[error("no {what} `{text}` in the catalog")]
    Unknown {
        /// What was asked for.
        text: String,
        /// What kinds were admitted.
        what: String,
        /// The closest names, nearest first.
        suggestions: Vec<Candidate>,
        /// What the text names among the kinds not admitted here (`ISS` asked of `duration`).
        other_kinds: Vec<Candidate>,
    },
}

/// `6 astronauts`, `1 flight and 2 astronauts`.
fn count_kinds(candidates: &[Candidate]) -> String {
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for c in candidates {
        *counts.entry(c.kind).or_default() += 1;
    }
    let parts: Vec<String> = counts
        .into_iter()
        .map(|(kind, n)| format!("{n} {}{}", kind.as_str(), if n == 1 { "" } else { "s" }))
        .collect();
    parts.join(" and ")
}

/// Name resolution for one run: the index is built the first time a text is not an exact id.
#[derive(Debug)]
pub struct Lookup<'c> {
    catalog: &'c Catalog,
    names: OnceCell<Names<'c>>,
}

impl<'c> Lookup<'c> {
    /// A lookup over `catalog`; nothing is built yet.
    pub fn new(catalog: &'c Catalog) -> Lookup<'c> {
        Lookup {
            catalog,
            names: OnceCell::new(),
        }
    }

    /// The index, built on first use.
    pub fn names(&self) -> &Names<'c> {
        self.names.get_or_init(|| Names::new(self.catalog))
    }

    /// The id `text` names among `kinds`, or why it names none or several.
    pub fn resolve(&self, text: &str, kinds: Kinds) -> Result<String, NameError> {
        if let Some(id) = self.exact(text, kinds) {
            return Ok(id);
        }
        let names = self.names();
        let found = names.matches(text, kinds);
        match found.as_slice() {
            [(target, _)] => Ok(self.id(*target).to_string()),
            [] => {
                let other_kinds = names.matches(text, Kinds::ANY);
                Err(NameError::Unknown {
                    text: text.to_string(),
                    what: kinds.label(),
                    suggestions: if other_kinds.is_empty() {
                        names.describe(&names.suggest(text, kinds, 5))
                    } else {
                        Vec::new()
                    },
                    other_kinds: names.describe(&other_kinds),
                })
            }
            _ => Err(NameError::Ambiguous {
                text: text.to_string(),
                what: kinds.label(),
                candidates: names.describe(&found),
            }),
        }
    }

    /// Resolves the names in a reference: `flight`, `flight/moment` (the flight part) or
    /// `astronaut@flight` (both parts); a bare name may be any of `kinds`.
    pub fn resolve_reference(&self, text: &str, kinds: Kinds) -> Result<String, NameError> {
        if let Some((person, flight)) = text.split_once('@') {
            let person = self.resolve(person, Kinds::ASTRONAUT)?;
            let flight = self.resolve(flight, Kinds::FLIGHT)?;
            return Ok(format!("{person}@{flight}"));
        }
        if let Some((flight, moment)) = text.split_once('/') {
            let flight = self.resolve(flight, Kinds::FLIGHT)?;
            return Ok(format!("{flight}/{moment}"));
        }
        self.resolve(text, kinds)
    }

    /// `text` itself, or in lowercase, when it is the id of something admitted.
    fn exact(&self, text: &str, kinds: Kinds) -> Option<String> {
        let is_id = |id: &str| {
            (kinds.flights && self.catalog.flight(id).is_some())
                || (kinds.astronauts && self.catalog.astronaut(id).is_some())
                || (kinds.stations && self.catalog.station(id).is_some())
        };
        if is_id(text) {
            return Some(text.to_string());
        }
        let lower = text.to_lowercase();
        is_id(&lower).then_some(lower)
    }

    fn id(&self, target: Target) -> &'c str {
        match target.kind {
            Kind::Astronaut => &self.catalog.astronauts()[target.index].id,
            Kind::Flight => &self.catalog.flights()[target.index].id,
            Kind::Station => &self.catalog.stations()[target.index].id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Catalog {
        Catalog::load("bundled", crate::catalog::embedded()).unwrap()
    }

    #[test]
    fn an_exact_id_builds_no_index() {
        let catalog = bundled();
        let lookup = Lookup::new(&catalog);
        assert_eq!(
            lookup.resolve("shenzhou-20", Kinds::FLIGHT).unwrap(),
            "shenzhou-20"
        );
        assert_eq!(
            lookup.resolve("Shenzhou-20", Kinds::FLIGHT).unwrap(),
            "shenzhou-20"
        );
        assert!(lookup.names.get().is_none());
        assert_eq!(
            lookup.resolve("Shenzhou 20", Kinds::FLIGHT).unwrap(),
            "shenzhou-20"
        );
        assert!(lookup.names.get().is_some());
    }

    #[test]
    fn the_first_rule_that_matches_decides() {
        let catalog = bundled();
        let lookup = Lookup::new(&catalog);
        // A full name (rule 2) is not made ambiguous by the family name others share (rule 4).
        assert_eq!(
            lookup.resolve("Wang Yaping", Kinds::ANY).unwrap(),
            "wang-yaping"
        );
        let Err(NameError::Ambiguous { candidates, .. }) = lookup.resolve("wang", Kinds::SUBJECT)
        else {
            panic!("`wang` is not ambiguous");
        };
        let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
        for id in ["liu-wang", "wang-yaping", "wang-haoze", "wang-jie"] {
            assert!(ids.contains(&id), "{id}: {ids:?}");
        }
        assert!(candidates.iter().all(|c| c.matched == Rule::FamilyName));
        // The kinds a command takes decide too: a station is no subject of `duration`.
        assert!(matches!(
            lookup.resolve("tiangong", Kinds::SUBJECT),
            Err(NameError::Unknown { ref other_kinds, .. }) if other_kinds[0].id == "tiangong"
        ));
        assert_eq!(
            lookup
                .resolve_reference("Chen Dong@Shenzhou 20", Kinds::FLIGHT)
                .unwrap(),
            "chen-dong@shenzhou-20"
        );
        assert_eq!(
            lookup
                .resolve_reference("shenzhou 22/launch", Kinds::FLIGHT)
                .unwrap(),
            "shenzhou-22/launch"
        );
    }

    #[test]
    fn kinds_read_as_english() {
        assert_eq!(Kinds::FLIGHT.label(), "flight");
        assert_eq!(Kinds::SUBJECT.label(), "flight or astronaut");
        assert_eq!(Kinds::ANY.label(), "flight, astronaut or station");
    }
}
