//! The normalised-name index: every key the rules derive from the catalog, with what it names.

use std::collections::{BTreeMap, HashMap};

use super::candidate::describe;
use super::words::{arabic_numerals, contains, fold, short_for, Words};
use super::{Candidate, Kind, Kinds, Rule, Target};
use crate::catalog::Catalog;
use crate::model::Astronaut;

/// One name of an astronaut in folded words: (names proper, nicknames).
pub type PersonWords<'a> = (&'a [String], &'a [String]);

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

    /// Every folded key of the index with what it names, as (kind, id), in no particular order: the
    /// timeline page's search box looks names up in the same keys as the command line.
    pub fn keys(&self) -> impl Iterator<Item = (&str, Vec<(Kind, &str)>)> + '_ {
        self.keys.iter().map(|(key, entries)| {
            let ids = entries
                .iter()
                .map(|(t, _)| {
                    let id = match t.kind {
                        Kind::Astronaut => self.catalog.astronauts()[t.index].id.as_str(),
                        Kind::Flight => self.catalog.flights()[t.index].id.as_str(),
                        Kind::Station => self.catalog.stations()[t.index].id.as_str(),
                    };
                    (t.kind, id)
                })
                .collect();
            (key.as_str(), ids)
        })
    }

    /// Each astronaut's id with the words of their name and of their native name (`(names,
    /// nicknames)`, folded): what the given-name prefix rule compares a text with. The timeline page
    /// ships them to apply the rule in the browser, with [`short_forms`](super::short_forms).
    pub fn person_words(&self) -> impl Iterator<Item = (&str, Vec<PersonWords<'_>>)> + '_ {
        self.people.iter().enumerate().map(|(index, all)| {
            let words = all
                .iter()
                .map(|w| (w.names.as_slice(), w.nicknames.as_slice()))
                .collect();
            (self.catalog.astronauts()[index].id.as_str(), words)
        })
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
    pub(super) fn matches(&self, text: &str, kinds: Kinds) -> Vec<(Target, Rule)> {
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

    /// The family name with the start of a given name (`Tim Peake`) or a short form of it (`Mike Fincke`).
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
                        w.chars().count() >= 2
                            && others
                                .iter()
                                .any(|o| o.starts_with(w.as_str()) || short_for(w, o))
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
        let length = key.chars().count();
        let reach = (length / 3).max(2);
        let mut scored: Vec<(usize, Target, Rule)> = Vec::new();
        for (k, entries) in &self.keys {
            // Lengths further apart than the reach cannot be within it: no distance to compute (a
            // 100,000-character text costs nothing).
            if k.chars().count().abs_diff(length) > reach {
                continue;
            }
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
    pub(super) fn suggest(&self, text: &str, kinds: Kinds, limit: usize) -> Vec<(Target, Rule)> {
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
    pub(super) fn describe(&self, targets: &[(Target, Rule)]) -> Vec<Candidate> {
        describe(self.catalog, targets)
    }
}
