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
//! 5. **given-name prefix**: the family name with the start of a given name (`"Tim Peake"` for Timothy
//!    Nigel Peake).
//!
//! Ranks and suffixes (`Jr`, `II`, `Maj.`) are not names. Nothing here reads a file or the clock.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};

use serde::{Serialize, Serializer};

use super::Catalog;
use crate::model::{Astronaut, Time};

/// What a name can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    fn tier(self) -> u8 {
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

/// A text folded for comparison: lowercase, without spaces, hyphens, punctuation or marks; Latin letters
/// with diacritics as their base letters (`Jähn` → `jahn`, `Hermaszewski` stays, `ł` → `l`, `ß` → `ss`);
/// other scripts kept as written (`陈冬`, `гагарин`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            // Spaces, hyphens, quotes and other punctuation do not tell names apart.
        } else if is_latin(c) {
            let base = deunicode::deunicode_char(c).unwrap_or("");
            out.extend(
                base.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|b| b.to_ascii_lowercase()),
            );
        } else if c == 'ё' || c == 'Ё' {
            out.push('е');
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Latin letters beyond ASCII (Latin-1, Extended-A/B, Extended Additional, C, D).
fn is_latin(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF)
}

/// Every word of `query` begins a word of `text`, or the folded query (`key`), from four characters on,
/// occurs anywhere in it.
fn contains(text: &str, query: &[String], key: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .map(fold)
        .collect();
    query
        .iter()
        .all(|q| words.iter().any(|w| w.starts_with(q.as_str())))
        || (key.chars().count() >= 4 && fold(text).contains(key))
}

/// `name` with its Roman numerals (upper case, up to 39) in Arabic figures: `Gemini IX-A` → `Gemini
/// 9-A`; `None` when it has none.
fn arabic_numerals(name: &str) -> Option<String> {
    fn value(word: &str) -> Option<u32> {
        const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        const TENS: [&str; 4] = ["", "X", "XX", "XXX"];
        (1..40).find(|&n: &u32| {
            let (t, o) = ((n / 10) as usize, (n % 10) as usize);
            format!("{}{}", TENS[t], ONES[o]) == word
        })
    }
    let mut changed = false;
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    for c in name.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        match value(&word) {
            Some(n) => {
                out.push_str(&n.to_string());
                changed = true;
            }
            None => out.push_str(&word),
        }
        word.clear();
        out.push(c);
    }
    out.pop();
    changed.then_some(out)
}

/// Words that follow or precede a name without being one.
const SUFFIXES: [&str; 5] = ["jr", "sr", "ii", "iii", "iv"];

/// A person's name in words: the names proper, and the nicknames written in quotes or brackets.
#[derive(Debug, Default, PartialEq)]
struct Words {
    names: Vec<String>,
    nicknames: Vec<String>,
}

impl Words {
    fn of(name: &str) -> Words {
        // `Family, Given` (McDowell's native names), where a third part is a rank: `Peake, Timothy
        // Nigel, Maj. RA`.
        let mut parts = name.split(',');
        let name = match (parts.next(), parts.next()) {
            (Some(family), Some(given)) => format!("{family} {given}"),
            _ => name.to_string(),
        };
        let mut raw: Vec<&str> = name.split_whitespace().collect();
        // A rank or service after the name (`Peake Maj. Br.Army`) is no name.
        while raw.len() > 2 && raw.last().is_some_and(|w| w.len() > 2 && w.contains('.')) {
            raw.pop();
        }
        let mut words = Words::default();
        let mut in_nickname = false;
        for word in raw {
            let opens = word.starts_with(['\'', '"', '(', '‘', '“']);
            let closes = word.ends_with(['\'', '"', ')', '’', '”']);
            let folded = fold(word);
            if folded.is_empty() || SUFFIXES.contains(&folded.as_str()) {
                in_nickname &= !closes;
                continue;
            }
            if opens || in_nickname {
                words.nicknames.push(folded);
                in_nickname = !closes || (opens && word.chars().count() == 1);
            } else {
                words.names.push(folded);
            }
        }
        words
    }

    /// The words that may be the family name: the first and the last.
    fn family(&self) -> Vec<usize> {
        match self.names.len() {
            0 => Vec::new(),
            1 => vec![0],
            n => vec![0, n - 1],
        }
    }
}

/// The normalised-name index of one catalog: every key a rule derives, with what it names.
#[derive(Debug)]
pub struct Names<'c> {
    catalog: &'c Catalog,
    keys: HashMap<String, Vec<(Target, Rule)>>,
    /// Each astronaut's words (of their name, then of their native name), for the given-name prefix rule.
    people: Vec<Vec<Words>>,
}

impl<'c> Names<'c> {
    /// Builds the index in one pass over the registries and the flights.
    pub fn new(catalog: &'c Catalog) -> Names<'c> {
        let mut names = Names {
            catalog,
            keys: HashMap::new(),
            people: Vec::with_capacity(catalog.astronauts().len()),
        };
        for (index, flight) in catalog.flights().iter().enumerate() {
            let target = Target {
                kind: Kind::Flight,
                index,
            };
            names.add(&flight.id, target, Rule::Id);
            names.add(&flight.name, target, Rule::Name);
            // `Gemini IV` is also `Gemini 4`.
            if let Some(arabic) = arabic_numerals(&flight.name) {
                names.add(&arabic, target, Rule::Name);
            }
            // `Dragon Crew-9` is also `Crew-9`; `Shenzhou 20` is not `20`.
            if let Some((_, short)) = flight.name.split_once(' ') {
                if short.chars().any(char::is_alphabetic) {
                    names.add(short, target, Rule::GivenAndFamily);
                }
            }
        }
        for (index, station) in catalog.stations().iter().enumerate() {
            let target = Target {
                kind: Kind::Station,
                index,
            };
            names.add(&station.id, target, Rule::Id);
            names.add(&station.name, target, Rule::Name);
            for alias in &station.aliases {
                names.add(alias, target, Rule::Alias);
            }
        }
        for (index, astronaut) in catalog.astronauts().iter().enumerate() {
            names.add_person(astronaut, index);
        }
        names
    }

    fn add(&mut self, text: &str, target: Target, rule: Rule) {
        let key = fold(text);
        if key.is_empty() {
            return;
        }
        let entries = self.keys.entry(key).or_default();
        if !entries.contains(&(target, rule)) {
            entries.push((target, rule));
        }
    }

    fn add_person(&mut self, astronaut: &Astronaut, index: usize) {
        let target = Target {
            kind: Kind::Astronaut,
            index,
        };
        self.add(&astronaut.id, target, Rule::Id);
        self.add(&astronaut.name, target, Rule::Name);
        for alias in &astronaut.aliases {
            self.add(alias, target, Rule::Alias);
        }
        let mut all = vec![Words::of(&astronaut.name)];
        if let Some(native) = &astronaut.native_name {
            self.add(native, target, Rule::Name);
            all.push(Words::of(native));
        }
        for words in &all {
            self.add(&words.names.concat(), target, Rule::Name);
            self.add_given_and_family(words, target);
        }
        self.people.push(all);
    }

    fn add_given_and_family(&mut self, words: &Words, target: Target) {
        for f in words.family() {
            let family = words.names[f].clone();
            self.add(&family, target, Rule::FamilyName);
            let given = words
                .names
                .iter()
                .enumerate()
                .filter(|&(g, _)| g != f)
                .map(|(_, g)| g)
                .chain(&words.nicknames)
                .cloned()
                .collect::<Vec<_>>();
            for g in given {
                self.add(&format!("{g}{family}"), target, Rule::GivenAndFamily);
                self.add(&format!("{family}{g}"), target, Rule::GivenAndFamily);
            }
        }
    }

    /// What `text` names among `kinds`, under the first rule that matches anything (empty: nothing).
    fn matches(&self, text: &str, kinds: Kinds) -> Vec<(Target, Rule)> {
        let key = fold(text);
        let mut found: Vec<(Target, Rule)> = self
            .keys
            .get(&key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|(t, _)| kinds.admits(t.kind))
            .collect();
        if found.is_empty() && kinds.astronauts {
            found = self.given_name_prefix(text);
        }
        let Some(best) = found.iter().map(|(_, r)| r.tier()).min() else {
            return found;
        };
        found.retain(|(_, r)| r.tier() == best);
        found.sort();
        found.dedup_by_key(|(t, _)| *t);
        found
    }

    /// The family name with the start of a given name: `Tim Peake`.
    fn given_name_prefix(&self, text: &str) -> Vec<(Target, Rule)> {
        let query = Words::of(text).names;
        if query.len() < 2 {
            return Vec::new();
        }
        let fits = |words: &Words| {
            words.family().into_iter().any(|f| {
                let family = &words.names[f];
                let Some(q) = query.iter().position(|w| w == family) else {
                    return false;
                };
                let others = words
                    .names
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != f)
                    .map(|(_, w)| w)
                    .chain(&words.nicknames)
                    .collect::<Vec<_>>();
                query
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != q)
                    .all(|(_, w)| {
                        w.chars().count() >= 2 && others.iter().any(|o| o.starts_with(w.as_str()))
                    })
            })
        };
        self.people
            .iter()
            .enumerate()
            .filter(|(_, all)| all.iter().any(fits))
            .map(|(index, _)| {
                (
                    Target {
                        kind: Kind::Astronaut,
                        index,
                    },
                    Rule::GivenNamePrefix,
                )
            })
            .collect()
    }

    /// The closest names to a text that matched nothing: those at the least edit distance, up to `limit`.
    fn nearest(&self, text: &str, kinds: Kinds, limit: usize) -> Vec<(Target, Rule)> {
        let key = fold(text);
        let reach = (key.chars().count() / 3).max(2);
        let mut scored: Vec<(usize, Target, Rule)> = Vec::new();
        for (k, entries) in &self.keys {
            let distance = crate::suggest::edit_distance(&key, k);
            if distance > reach {
                continue;
            }
            for &(target, rule) in entries.iter().filter(|(t, _)| kinds.admits(t.kind)) {
                scored.push((distance, target, rule));
            }
        }
        scored.sort_by_key(|&(d, t, r)| (d, r.tier(), t));
        // Only the nearest: a typo has one likely fix, not five.
        let best = scored.first().map(|&(d, _, _)| d);
        scored.retain(|&(d, _, _)| Some(d) == best);
        let mut out: Vec<(Target, Rule)> = Vec::new();
        for (_, target, rule) in scored {
            if !out.iter().any(|(t, _)| *t == target) {
                out.push((target, rule));
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// Everything `text` may name, for `find`: the matches of every rule, then the names and ids that
    /// contain it, in rule order.
    pub fn find(&self, text: &str) -> Vec<Candidate> {
        self.describe(&self.found(text))
    }

    /// [`Names::find`] without the descriptions.
    fn found(&self, text: &str) -> Vec<(Target, Rule)> {
        let key = fold(text);
        let mut found: BTreeMap<Target, Rule> = BTreeMap::new();
        let mut note = |target: Target, rule: Rule| {
            let best = found.entry(target).or_insert(rule);
            *best = (*best).min(rule);
        };
        for &(target, rule) in self.keys.get(&key).into_iter().flatten() {
            note(target, rule);
        }
        for (target, rule) in self.given_name_prefix(text) {
            note(target, rule);
        }
        let query: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
            .map(fold)
            .filter(|w| !w.is_empty())
            .collect();
        if key.chars().count() >= 2 {
            for (target, names) in self.texts() {
                if names.iter().any(|n| contains(n, &query, &key)) {
                    note(target, Rule::Contains);
                }
            }
        }
        let mut found: Vec<(Target, Rule)> = found.into_iter().collect();
        found.sort_by_key(|&(t, r)| (r.tier(), t.kind, t.index));
        found
    }

    /// What to suggest for a text that names nothing among `kinds`: the names it is part of (`Dragon`:
    /// the Dragon flights), else the nearest by edit distance; at most `limit`.
    fn suggest(&self, text: &str, kinds: Kinds, limit: usize) -> Vec<(Target, Rule)> {
        let mut parts = self.found(text);
        parts.retain(|(t, _)| kinds.admits(t.kind));
        if parts.is_empty() {
            return self.nearest(text, kinds, limit);
        }
        parts.truncate(limit);
        parts
    }

    /// Every flight, station and astronaut with the texts that name it: id, name, native name, aliases.
    fn texts(&self) -> impl Iterator<Item = (Target, Vec<&'c str>)> + '_ {
        let c = self.catalog;
        let target = |kind, index| Target { kind, index };
        let flights = c.flights().iter().enumerate().map(move |(i, f)| {
            (
                target(Kind::Flight, i),
                vec![f.id.as_str(), f.name.as_str()],
            )
        });
        let stations = c.stations().iter().enumerate().map(move |(i, s)| {
            let mut texts = vec![s.id.as_str(), s.name.as_str()];
            texts.extend(s.aliases.iter().map(String::as_str));
            (target(Kind::Station, i), texts)
        });
        let people = c.astronauts().iter().enumerate().map(move |(i, a)| {
            let mut texts = vec![a.id.as_str(), a.name.as_str()];
            texts.extend(a.native_name.as_deref());
            texts.extend(a.aliases.iter().map(String::as_str));
            (target(Kind::Astronaut, i), texts)
        });
        flights.chain(stations).chain(people)
    }

    /// The candidates for `targets`, with their dates: one pass over the stays and the flights.
    fn describe(&self, targets: &[(Target, Rule)]) -> Vec<Candidate> {
        describe(self.catalog, targets)
    }
}

/// A flight, an astronaut or a station a name may stand for, with what tells it apart.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// `astronaut`, `flight` or `station`.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// A person's name in their own script.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub native_name: Option<String>,
    /// Citizenship or operating nation (ISO 3166-1 alpha-2).
    pub nation: String,
    /// The first launch (a person's first flight, a flight's launch, a station's first visitor's).
    #[serde(serialize_with = "instant_opt")]
    pub from: Option<Time>,
    /// The last landing; `null` while in space, or never flown.
    #[serde(serialize_with = "instant_opt")]
    pub to: Option<Time>,
    /// Still in space (a person or a flight) or still visited (a station) at the catalog's end.
    pub open: bool,
    /// Flights: a person's, a station's visits, 1 for a flight.
    pub flights: usize,
    /// The rule that matched.
    pub matched: Rule,
}

fn describe(catalog: &Catalog, targets: &[(Target, Rule)]) -> Vec<Candidate> {
    #[derive(Default)]
    struct Span<'a> {
        from: Option<&'a Time>,
        to: Option<&'a Time>,
        open: bool,
        flights: usize,
    }
    impl<'a> Span<'a> {
        fn add(&mut self, from: &'a Time, to: Option<&'a Time>) {
            self.flights += 1;
            self.from = Some(self.from.map_or(from, |f| f.min(from)));
            match to {
                Some(to) => self.to = Some(self.to.map_or(to, |t| t.max(to))),
                None => self.open = true,
            }
        }
    }
    let wanted = |kind: Kind| -> HashMap<&str, usize> {
        targets
            .iter()
            .filter(|(t, _)| t.kind == kind)
            .map(|(t, _)| match kind {
                Kind::Astronaut => catalog.astronauts()[t.index].id.as_str(),
                Kind::Flight => catalog.flights()[t.index].id.as_str(),
                Kind::Station => catalog.stations()[t.index].id.as_str(),
            })
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect()
    };
    let (people, stations) = (wanted(Kind::Astronaut), wanted(Kind::Station));
    let mut spans: HashMap<(Kind, &str), Span> = HashMap::new();
    if !people.is_empty() {
        for stay in catalog.stays() {
            if people.contains_key(stay.astronaut.as_str()) {
                spans
                    .entry((Kind::Astronaut, stay.astronaut.as_str()))
                    .or_default()
                    .add(&stay.start, stay.end.as_ref());
            }
        }
    }
    for flight in catalog.flights() {
        let Some(launch) = flight.launch.time.as_ref() else {
            continue;
        };
        if let Some(station) = flight
            .station
            .as_deref()
            .filter(|s| stations.contains_key(s))
        {
            spans
                .entry((Kind::Station, station))
                .or_default()
                .add(launch, flight.landing_time());
        }
    }
    targets
        .iter()
        .map(|&(target, rule)| {
            let (id, name, native_name, nation) = match target.kind {
                Kind::Astronaut => {
                    let a = &catalog.astronauts()[target.index];
                    (&a.id, &a.name, a.native_name.clone(), &a.nation)
                }
                Kind::Flight => {
                    let f = &catalog.flights()[target.index];
                    (&f.id, &f.name, None, &f.nation)
                }
                Kind::Station => {
                    let s = &catalog.stations()[target.index];
                    (&s.id, &s.name, None, &s.nation)
                }
            };
            let mut span = Span::default();
            let span = match target.kind {
                Kind::Flight => {
                    let f = &catalog.flights()[target.index];
                    if let Some(launch) = f.launch.time.as_ref() {
                        span.add(launch, f.landing_time());
                    }
                    span
                }
                kind => spans.remove(&(kind, id.as_str())).unwrap_or_default(),
            };
            Candidate {
                kind: target.kind,
                id: id.clone(),
                name: name.clone(),
                native_name,
                nation: nation.clone(),
                from: span.from.cloned(),
                to: if span.open { None } else { span.to.cloned() },
                open: span.open,
                flights: span.flights,
                matched: rule,
            }
        })
        .collect()
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
            [] => Err(NameError::Unknown {
                text: text.to_string(),
                what: kinds.label(),
                suggestions: names.describe(&names.suggest(text, kinds, 5)),
            }),
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

/// A time in JSON as every new output writes it (docs/json.md): UTC RFC 3339 to the whole second, with
/// its precision; a time not known to the second also gives the range it stands for and the text as
/// published.
pub fn instant<S: Serializer>(time: &Time, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Instant {
        utc: String,
        precision: crate::model::Precision,
        #[serde(skip_serializing_if = "Option::is_none")]
        earliest: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        latest: Option<String>,
        as_published: String,
    }
    let text =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let exact = time.precision() == crate::model::Precision::Second;
    Instant {
        utc: text(time.instant()),
        precision: time.precision(),
        earliest: (!exact).then(|| text(time.earliest())),
        latest: (!exact).then(|| text(time.latest())),
        as_published: time.as_str().to_string(),
    }
    .serialize(s)
}

/// [`instant`] for an optional time (`null` when absent).
pub fn instant_opt<S: Serializer>(time: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => instant(t, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_spaces_hyphens_and_diacritics() {
        assert_eq!(fold("Soyuz MS-22"), "soyuzms22");
        assert_eq!(fold("Sigmund Jähn"), "sigmundjahn");
        assert_eq!(fold("Mirosław Hermaszewski"), "miroslawhermaszewski");
        assert_eq!(fold("Jean-Loup Chrétien"), "jeanloupchretien");
        // Decomposed input: the combining accent is dropped.
        assert_eq!(fold("Chre\u{301}tien"), "chretien");
        assert_eq!(fold("陈冬"), "陈冬");
        assert_eq!(fold("Гагарин, Юрий"), "гагаринюрий");
        assert_eq!(fold("Семёнович"), "семенович");
    }

    #[test]
    fn names_split_into_names_and_nicknames_without_ranks() {
        let words = Words::of("Edwin 'Buzz' Eugene Aldrin Jr");
        assert_eq!(words.names, ["edwin", "eugene", "aldrin"]);
        assert_eq!(words.nicknames, ["buzz"]);
        let words = Words::of("Timothy Nigel Peake Maj. Br.Army");
        assert_eq!(words.names, ["timothy", "nigel", "peake"]);
        let words = Words::of("Charles 'Pete' Jr Conrad");
        assert_eq!(words.names, ["charles", "conrad"]);
        assert_eq!(words.nicknames, ["pete"]);
        let words = Words::of("Sunita Lyn (Pandya Krishna) Williams");
        assert_eq!(words.names, ["sunita", "lyn", "williams"]);
        assert_eq!(words.nicknames, ["pandya", "krishna"]);
        let words = Words::of("Thomas Kenneth 'T.K.' Mattingly II");
        assert_eq!(words.names, ["thomas", "kenneth", "mattingly"]);
        assert_eq!(words.nicknames, ["tk"]);
        let words = Words::of("Peake, Timothy Nigel, Maj. RA");
        assert_eq!(words.names, ["peake", "timothy", "nigel"]);
        let words = Words::of("Barry E. 'Butch' Wilmore");
        assert_eq!(words.names, ["barry", "e", "wilmore"]);
        assert_eq!(words.family(), [0, 2]);
    }

    #[test]
    fn roman_numerals_in_flight_names() {
        assert_eq!(
            arabic_numerals("Gemini IX-A").as_deref(),
            Some("Gemini 9-A")
        );
        assert_eq!(arabic_numerals("Gemini XII").as_deref(), Some("Gemini 12"));
        assert_eq!(arabic_numerals("Soyuz MS-22"), None);
        assert_eq!(arabic_numerals("Mir"), None);
    }

    #[test]
    fn kinds_read_as_english() {
        assert_eq!(Kinds::FLIGHT.label(), "flight");
        assert_eq!(Kinds::SUBJECT.label(), "flight or astronaut");
        assert_eq!(Kinds::ANY.label(), "flight, astronaut or station");
    }
}
