//! Checking a [`Filter`]'s `--nation` and `--program` against the catalog before a command runs: a value
//! that names nothing in the catalog is an error with a suggestion, never an empty answer that looks like
//! "nothing in this scope".
//!
//! Nations are ISO 3166-1 alpha-2 codes, matched without regard to case (`cn` is `CN`). A country's name
//! (`China`, `USSR`) is not taken as a nation: it is refused with the code it stands for (`did you mean
//! CN?`), so that headings, JSON scopes and scripts carry one spelling. Programmes are matched without
//! regard to case and stored as the catalog writes them (`shenzhou` is `Shenzhou`).

use std::collections::BTreeSet;

use super::{Catalog, Filter, Problem};

/// A `--nation` or `--program` value that names nothing in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    /// No flight, person or station has this nation.
    #[error("no nation `{given}` in the catalog")]
    UnknownNation {
        /// The value given.
        given: String,
        /// The code it most likely means (`CN` for `China`).
        suggestion: Option<String>,
        /// Every nation code in the catalog, in order.
        known: Vec<String>,
    },
    /// No flight has this programme.
    #[error("no programme `{given}` in the catalog")]
    UnknownProgram {
        /// The value given.
        given: String,
        /// The nearest programme name.
        suggestion: Option<String>,
        /// Every programme in the catalog, in order.
        known: Vec<String>,
    },
}

impl ScopeError {
    /// The problem to show: `did you mean CN?`, or the values the catalog has.
    pub fn problem(&self) -> Problem {
        let problem = Problem::on_command_line(self.to_string());
        match self {
            ScopeError::UnknownNation {
                suggestion, known, ..
            } => {
                let codes = format!(
                    "nations are ISO 3166-1 alpha-2 codes; this catalog has {}",
                    known.join(", ")
                );
                match suggestion {
                    Some(code) => problem.hint(format!("did you mean {code}? ({codes})")),
                    None => problem.hint(codes),
                }
            }
            ScopeError::UnknownProgram {
                suggestion, known, ..
            } => {
                let names = format!("programmes: {}", known.join(", "));
                problem.hint_suggesting(suggestion.as_deref(), &names, &names)
            }
        }
    }
}

impl Filter {
    /// The filter with its nation as the catalog's code and its programme as the catalog writes it, or
    /// why a value names nothing in `catalog`. The station is a name like any other (`app` resolves it).
    ///
    /// ```
    /// use orbitline::catalog::{embedded, Catalog, Filter};
    ///
    /// let catalog = Catalog::load("bundled", embedded()).unwrap();
    /// let china = Filter { nation: Some("China".into()), ..Filter::default() };
    /// let error = china.checked(&catalog).unwrap_err();
    /// assert!(error.problem().to_string().contains("did you mean CN?"));
    /// let cn = Filter { nation: Some("cn".into()), program: Some("shenzhou".into()), ..Filter::default() };
    /// let cn = cn.checked(&catalog).unwrap();
    /// assert_eq!((cn.nation.as_deref(), cn.program.as_deref()), (Some("CN"), Some("Shenzhou")));
    /// ```
    pub fn checked(&self, catalog: &Catalog) -> Result<Filter, ScopeError> {
        let mut filter = self.clone();
        if let Some(given) = &self.nation {
            let known: BTreeSet<&str> = catalog
                .flights()
                .iter()
                .map(|f| f.nation.as_str())
                .chain(catalog.astronauts().iter().map(|a| a.nation.as_str()))
                .chain(catalog.stations().iter().map(|s| s.nation.as_str()))
                .collect();
            let code = given.trim().to_uppercase();
            if !known.contains(code.as_str()) {
                return Err(ScopeError::UnknownNation {
                    given: given.clone(),
                    suggestion: nation_named(given)
                        .filter(|c| known.contains(c))
                        .map(str::to_string),
                    known: known.into_iter().map(str::to_string).collect(),
                });
            }
            filter.nation = Some(code);
        }
        if let Some(given) = &self.program {
            let known: BTreeSet<&str> = catalog
                .flights()
                .iter()
                .map(|f| f.program.as_str())
                .collect();
            match known.iter().find(|p| p.eq_ignore_ascii_case(given.trim())) {
                Some(program) => filter.program = Some(program.to_string()),
                None => {
                    return Err(ScopeError::UnknownProgram {
                        given: given.clone(),
                        suggestion: crate::suggest::closest(given, known.iter().copied())
                            .map(str::to_string),
                        known: known.into_iter().map(str::to_string).collect(),
                    })
                }
            }
        }
        Ok(filter)
    }
}

/// The ISO code of a country named in English (`China`, `United States`, `USSR`), for the nations people
/// have flown from; `None` for anything else.
fn nation_named(name: &str) -> Option<&'static str> {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    NATION_NAMES
        .iter()
        .find(|(_, names)| {
            names.iter().any(|n| {
                n.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    == key
            })
        })
        .map(|(code, _)| *code)
}

/// English names (lowercase) of the nations in McDowell's tables, by ISO 3166-1 alpha-2 code (McDowell's
/// codes for states that no longer exist: CS Czechoslovakia, DD East Germany).
const NATION_NAMES: &[(&str, &[&str])] = &[
    ("AE", &["united arab emirates", "uae", "emirates"]),
    ("AF", &["afghanistan"]),
    ("AG", &["antigua and barbuda", "antigua"]),
    ("AT", &["austria"]),
    ("AU", &["australia"]),
    ("BE", &["belgium"]),
    ("BG", &["bulgaria"]),
    ("BR", &["brazil"]),
    ("BY", &["belarus"]),
    ("CA", &["canada"]),
    ("CH", &["switzerland"]),
    ("CN", &["china", "people's republic of china", "prc", "chn"]),
    ("CS", &["czechoslovakia"]),
    ("CU", &["cuba"]),
    ("CY", &["cyprus"]),
    ("DD", &["east germany", "gdr", "german democratic republic"]),
    ("DE", &["germany", "west germany", "deu"]),
    ("DK", &["denmark"]),
    ("EG", &["egypt"]),
    ("ES", &["spain"]),
    ("FR", &["france", "fra"]),
    (
        "GB",
        &[
            "united kingdom",
            "uk",
            "britain",
            "great britain",
            "england",
            "gbr",
        ],
    ),
    ("HU", &["hungary"]),
    ("IL", &["israel"]),
    ("IN", &["india", "ind"]),
    ("IT", &["italy", "ita"]),
    ("JP", &["japan", "jpn"]),
    ("KN", &["saint kitts and nevis"]),
    ("KR", &["south korea", "korea", "republic of korea"]),
    ("KZ", &["kazakhstan"]),
    ("MN", &["mongolia"]),
    ("MT", &["malta"]),
    ("MX", &["mexico"]),
    ("MY", &["malaysia"]),
    ("NG", &["nigeria"]),
    ("NL", &["netherlands", "holland"]),
    ("NO", &["norway"]),
    ("NZ", &["new zealand"]),
    ("PK", &["pakistan"]),
    ("PL", &["poland"]),
    ("PT", &["portugal"]),
    ("PY", &["paraguay"]),
    ("RO", &["romania"]),
    (
        "RU",
        &[
            "russia",
            "russian federation",
            "soviet union",
            "ussr",
            "su",
            "rus",
        ],
    ),
    ("SA", &["saudi arabia"]),
    ("SE", &["sweden"]),
    ("SK", &["slovakia"]),
    ("SY", &["syria"]),
    ("TR", &["turkey", "turkiye", "türkiye"]),
    ("UA", &["ukraine"]),
    (
        "US",
        &[
            "united states",
            "united states of america",
            "usa",
            "america",
            "us",
        ],
    ),
    ("VN", &["vietnam", "viet nam"]),
    ("ZA", &["south africa"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_give_their_code_ignoring_case_spaces_and_punctuation() {
        assert_eq!(nation_named("China"), Some("CN"));
        assert_eq!(nation_named("united  STATES"), Some("US"));
        assert_eq!(nation_named("U.S.S.R."), Some("RU"));
        assert_eq!(nation_named("Atlantis"), None);
    }
}
