//! Which part of a catalog a command is about: `--program`, `--nation`, `--station` and `--orbit`, one
//! type for `list`, `records`, `check --record` and `chart`.

use serde::Serialize;

use crate::model::{Flight, Orbit};

/// A choice of flights by programme, nation, station and orbit; a field left out admits everything.
/// Names compare without regard to ASCII case.
///
/// [`Filter::admits`] applies them all to a flight (`list`, `chart`). Records apply the nation to
/// whoever holds the record instead ([`Filter::admits_except_nation`] on the flight, then
/// [`Filter::admits_nation`] on a person's citizenship or a crew's flight).
///
/// ```
/// use orbitline::catalog::{embedded, Catalog, Filter};
///
/// let catalog = Catalog::load("bundled", embedded()).unwrap();
/// let chinese = Filter { nation: Some("cn".into()), ..Filter::default() };
/// let flight = catalog.flight("shenzhou-20").unwrap();
/// assert!(chinese.admits(flight));
/// assert!(!Filter { program: Some("Soyuz".into()), ..Filter::default() }.admits(flight));
/// assert_eq!(chinese.describe(), "nation CN");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Filter {
    /// Only this nation, ISO 3166-1 alpha-2 (`CN`).
    pub nation: Option<String>,
    /// Only this programme (`Shenzhou`).
    pub program: Option<String>,
    /// Only flights to this station, by id (`tiangong`); a flight to no station is left out.
    pub station: Option<String>,
    /// Only orbital or only suborbital flights (McDowell's `OrbID`); any when `None`. A flight whose
    /// file does not say (an aborted launch) is in neither.
    pub orbit: Option<Orbit>,
}

/// True when nothing is `wanted`, or `have` is it, without regard to case.
fn matches(wanted: &Option<String>, have: Option<&str>) -> bool {
    wanted
        .as_ref()
        .is_none_or(|w| have.is_some_and(|h| w.eq_ignore_ascii_case(h)))
}

impl Filter {
    /// True when the flight's programme, nation, station and orbit are all admitted.
    pub fn admits(&self, flight: &Flight) -> bool {
        self.admits_except_nation(flight) && self.admits_nation(&flight.nation)
    }

    /// True when the flight's programme, station and orbit are admitted (the nation is not looked at).
    pub fn admits_except_nation(&self, flight: &Flight) -> bool {
        matches(&self.program, Some(&flight.program))
            && matches(&self.station, flight.station.as_deref())
            && self.orbit.is_none_or(|o| flight.orbit == Some(o))
    }

    /// True when `nation` is admitted.
    pub fn admits_nation(&self, nation: &str) -> bool {
        matches(&self.nation, Some(nation))
    }

    /// Which flights by orbit, for headings: `orbital or suborbital` (any), `orbital only`.
    pub fn orbit_text(&self) -> &'static str {
        match self.orbit {
            None => "orbital or suborbital",
            Some(Orbit::Orbital) => "orbital only",
            Some(Orbit::Suborbital) => "suborbital only",
        }
    }

    /// The filter in words for headings: "nation CN, programme Shenzhou"; "all flights" when it admits
    /// everything.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(n) = &self.nation {
            parts.push(format!("nation {}", n.to_uppercase()));
        }
        if let Some(p) = &self.program {
            parts.push(format!("programme {p}"));
        }
        if let Some(s) = &self.station {
            parts.push(format!("station {s}"));
        }
        if parts.is_empty() {
            "all flights".into()
        } else {
            parts.join(", ")
        }
    }
}
