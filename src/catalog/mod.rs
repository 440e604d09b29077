//! Reading a folder of files into a validated [`Catalog`].
//!
//! Loading is all or nothing: either every file parses and every check in [`validate`] passes, and the
//! catalog is returned with its flights ordered by launch and its stays derived, or a [`CatalogError`]
//! lists every problem found, each with its file, line and column. A catalog that loads is consistent:
//! every reference resolves, every flight's times are in order, every crew member goes up before coming
//! down.
//!
//! Validation needs the derived facts, so they live here too: [`Stay`]s (derived while loading) and the
//! event graph's [`links`] (a cycle is a data error). `timeline` and `deps` build on them.

mod cache;
mod compiled;
mod files;
mod filter;
pub mod layers;
pub mod links;
pub mod locate;
pub mod names;
mod parse;
mod problem;
pub mod schema;
mod scope;
mod stay;
pub(crate) mod texts;
mod validate;

use std::collections::HashMap;
use std::sync::Arc;

pub use cache::{load_folder, Cache, SETTLE};
pub use files::{embedded, read_dir, SourceFile, MAX_FILE_BYTES};
pub use filter::Filter;
pub use problem::{CatalogError, Problem};
pub use scope::ScopeError;
pub use stay::{derive_stays, CrewEnd, CrewIssue, Stay};
use texts::Texts;

/// Parses one catalog file's text as `T`, every error located with a hint (for readers of catalog files
/// outside the loader, such as the importers' `--merge`).
pub(crate) use parse::read as read_json;

use crate::model::{Astronaut, Flight, Spacecraft, Station, Time};

/// A loaded, validated catalog: the flights in launch order, the registries, and every person's stays
/// derived from the crew lists.
///
/// ```
/// use orbitline::catalog::{embedded, Catalog};
///
/// let catalog = Catalog::load("bundled", embedded())?;
/// let flight = catalog.flight("shenzhou-21").expect("in the bundled catalog");
/// assert_eq!(flight.name, "Shenzhou-21");
/// assert_eq!(catalog.name_of("chen-dong"), "Chen Dong");
/// // Shenzhou-21 brought the Shenzhou-20 crew home: their stays end on it.
/// assert!(catalog.stays().iter().any(|s| s.up == "shenzhou-20" && s.is_vehicle_swap()));
/// # Ok::<(), orbitline::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Catalog {
    label: String,
    /// What the curated layer covers, where the catalog has a generated layer too.
    curated: Option<Arc<str>>,
    /// The registries, shared with the what-if copies and subsets of the catalog.
    astronauts: Arc<[Astronaut]>,
    spacecraft: Arc<[Spacecraft]>,
    stations: Arc<[Station]>,
    flights: Vec<Arc<Flight>>,
    stays: Vec<Stay>,
    astronaut_index: Arc<HashMap<String, usize>>,
    flight_index: HashMap<String, usize>,
}

impl Catalog {
    /// Reads, parses and validates `files`. `label` names the catalog in output (`bundled`, or the
    /// folder).
    ///
    /// The registries are read first; then each flight file is read, parsed and checked on its own, on
    /// every core, and its text dropped unless a problem was found in it; the checks across flights run
    /// last (see [`texts`] for how problems are located).
    pub fn load(label: impl Into<String>, files: Vec<SourceFile>) -> Result<Catalog, CatalogError> {
        let label = label.into();
        let texts = Texts::new(files);
        let mut problems = Vec::new();
        let registries = parse::registries(&label, &texts, &mut problems);
        let mut checker = validate::Checker::new(&texts);
        let known = validate::check_registries(&mut checker, &registries);
        let parsed = parse::flights(&texts, &mut problems, |flight| {
            let mut c = validate::Checker::new(&texts);
            let consistent = validate::check_flight(&mut c, flight, &known);
            (c.findings, consistent)
        });
        checker.findings.extend(parsed.findings);
        let flights = parsed.flights;
        // The checks across flights, and meanwhile the launch order and the index a valid catalog needs.
        let (stays, (order, flight_index)) = rayon::join(
            || validate::check_catalog(&mut checker, &flights, &parsed.consistent, parsed.complete),
            || launch_order(&flights),
        );
        problems.extend(texts.locate(checker.findings));
        if !problems.is_empty() {
            // In file order, then by position, whatever check found them.
            problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            return Err(CatalogError(problems));
        }
        drop(known);
        let curated =
            layers::curated_coverage(&flights, |i| layers::is_generated(&texts.files()[i]))
                .map(Arc::from);
        let flights: Vec<Arc<Flight>> = order
            .into_iter()
            .map(|i| Arc::clone(&flights[i].value))
            .collect();
        let astronauts: Vec<Astronaut> =
            registries.astronauts.into_iter().map(|a| a.value).collect();
        let astronaut_index = index(astronauts.iter().map(|a| a.id.as_str()));
        // Validation derived the stays already (they do not depend on the order of the flights).
        let stays = stays.expect("a catalog without problems had its stays derived");
        Ok(Catalog {
            label,
            curated,
            astronauts: astronauts.into(),
            spacecraft: registries.spacecraft.into_iter().map(|s| s.value).collect(),
            stations: registries.stations.into_iter().map(|s| s.value).collect(),
            flights,
            stays,
            astronaut_index: Arc::new(astronaut_index),
            flight_index,
        })
    }

    /// A copy with other versions of the same flights (the same ids, other times): for what-if questions
    /// such as `orbitline impact`. Nothing is validated, so a what-if may hold times a real catalog would
    /// refuse. The stays keep their pairing (who went up on which flight and came down on which: a slip
    /// does not change it) and take their times from the new flights.
    pub fn with_times(&self, flights: Vec<Arc<Flight>>) -> Catalog {
        let flight_index = index(flights.iter().map(|f| f.id.as_str()));
        let flight = |id: &str| flight_index.get(id).map(|&i| &flights[i]);
        let mut stays: Vec<Stay> = self
            .stays
            .iter()
            .map(|s| {
                let up = flight(&s.up);
                Stay {
                    start: up
                        .and_then(|f| f.launch.time.clone())
                        .unwrap_or_else(|| s.start.clone()),
                    end: s
                        .down
                        .as_deref()
                        .and_then(flight)
                        .and_then(|f| f.landing_time().cloned()),
                    planned_end: up.and_then(|f| f.planned_landing().cloned()),
                    ..s.clone()
                }
            })
            .collect();
        stay::sort(&mut stays);
        Catalog {
            label: self.label.clone(),
            curated: self.curated.clone(),
            astronauts: self.astronauts.clone(),
            spacecraft: self.spacecraft.clone(),
            stations: self.stations.clone(),
            flights,
            stays,
            astronaut_index: self.astronaut_index.clone(),
            flight_index,
        }
    }

    /// The part of the catalog a question needs: the flights `keep` admits, the flights their crews went
    /// up or came down on, and the stays of those crews; the registries whole. A what-if computed on a
    /// subset and on its [`with_times`](Catalog::with_times) copy compares like with like, at the cost of
    /// the flights it touches rather than the whole catalog.
    pub fn subset(&self, keep: impl Fn(&Flight) -> bool) -> Catalog {
        let kept: std::collections::HashSet<&str> = self
            .flights
            .iter()
            .filter(|f| keep(f))
            .map(|f| f.id.as_str())
            .collect();
        let stays: Vec<Stay> = self
            .stays
            .iter()
            .filter(|s| {
                kept.contains(s.up.as_str()) || s.down.as_deref().is_some_and(|d| kept.contains(d))
            })
            .cloned()
            .collect();
        let mut needed = kept;
        for s in &stays {
            needed.insert(s.up.as_str());
            needed.extend(s.down.as_deref());
        }
        let flights: Vec<Arc<Flight>> = self
            .flights
            .iter()
            .filter(|f| needed.contains(f.id.as_str()))
            .cloned()
            .collect();
        Catalog {
            label: self.label.clone(),
            curated: self.curated.clone(),
            astronauts: self.astronauts.clone(),
            spacecraft: self.spacecraft.clone(),
            stations: self.stations.clone(),
            flight_index: index(flights.iter().map(|f| f.id.as_str())),
            flights,
            stays,
            astronaut_index: self.astronaut_index.clone(),
        }
    }

    /// What the catalog is: `bundled`, or the folder it was read from.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// What the catalog covers, for people: the bundled catalog's reach and date, or the folder and its
    /// counts.
    pub fn description(&self) -> String {
        if self.label == "bundled" {
            let to = self
                .checked_range()
                .map_or_else(|| "its last check".to_string(), |(_, hi)| hi.to_string());
            let curated = self
                .curated
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default();
            format!("bundled: every human spaceflight in McDowell's tables to {to}{curated}")
        } else {
            format!(
                "{}: {} flights, {} astronauts",
                self.label,
                self.flights.len(),
                self.astronauts.len()
            )
        }
    }

    /// Whether part of the catalog is generated from a source's tables (McDowell's, by `import gcat`):
    /// those flights carry no events, EVAs included.
    pub fn has_generated_layer(&self) -> bool {
        self.curated.is_some()
    }

    /// Every flight, ordered by launch (shared with the subsets and what-if copies of the catalog).
    pub fn flights(&self) -> &[Arc<Flight>] {
        &self.flights
    }

    /// Every astronaut, in registry order.
    pub fn astronauts(&self) -> &[Astronaut] {
        &self.astronauts
    }

    /// The vehicle types.
    pub fn spacecraft_types(&self) -> &[Spacecraft] {
        &self.spacecraft
    }

    /// The stations.
    pub fn stations(&self) -> &[Station] {
        &self.stations
    }

    /// Every stay, ordered by start, then astronaut.
    pub fn stays(&self) -> &[Stay] {
        &self.stays
    }

    /// A flight by id.
    pub fn flight(&self, id: &str) -> Option<&Flight> {
        self.flight_index.get(id).map(|&i| &*self.flights[i])
    }

    /// An astronaut by id.
    pub fn astronaut(&self, id: &str) -> Option<&Astronaut> {
        self.astronaut_index.get(id).map(|&i| &self.astronauts[i])
    }

    /// A vehicle type by id.
    pub fn spacecraft(&self, id: &str) -> Option<&Spacecraft> {
        self.spacecraft.iter().find(|s| s.id == id)
    }

    /// A station by id.
    pub fn station(&self, id: &str) -> Option<&Station> {
        self.stations.iter().find(|s| s.id == id)
    }

    /// The astronaut's name, or the id where the registry has none (cannot happen in a loaded catalog).
    pub fn name_of<'a>(&'a self, astronaut: &'a str) -> &'a str {
        self.astronaut(astronaut)
            .map_or(astronaut, |a| a.name.as_str())
    }

    /// The earliest and latest dates the flights were last checked against their sources.
    pub fn checked_range(&self) -> Option<(&Time, &Time)> {
        let mut dates = self.flights.iter().filter_map(|f| f.checked.as_ref());
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }

    /// The ids of every flight and astronaut, for suggestions when a lookup fails.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.flights
            .iter()
            .map(|f| f.id.as_str())
            .chain(self.astronauts.iter().map(|a| a.id.as_str()))
    }
}

/// The flights in launch order (by launch, else planned launch; then id), as positions in `flights`, and
/// each id's place in that order.
fn launch_order(flights: &[Located<Arc<Flight>>]) -> (Vec<usize>, HashMap<String, usize>) {
    fn key(f: &Flight) -> (Option<chrono::DateTime<chrono::Utc>>, &str) {
        let time = f.launch.time.as_ref().or(f.launch.planned.as_ref());
        (time.map(Time::instant), f.id.as_str())
    }
    let mut order: Vec<usize> = (0..flights.len()).collect();
    order.sort_by(|&a, &b| key(&flights[a].value).cmp(&key(&flights[b].value)));
    let index = index(order.iter().map(|&i| flights[i].value.id.as_str()));
    (order, index)
}

fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.to_string(), i)).collect()
}

/// A value read from a file, with the index of that file (for positions in later problems).
#[derive(Debug, Clone)]
pub(crate) struct Located<T> {
    pub value: T,
    pub file: usize,
    /// Path to the value inside its file (an entry of a registry sits at `["astronauts", i]`).
    pub path: locate::Path,
}

/// What `validate` reports about a catalog that loaded.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// `bundled`, or the folder.
    pub label: String,
    /// What the catalog covers ([`Catalog::description`]).
    pub description: String,
    /// Number of flights.
    pub flights: usize,
    /// Number of astronauts.
    pub astronauts: usize,
    /// Number of spacecraft types.
    pub spacecraft: usize,
    /// Number of stations.
    pub stations: usize,
    /// Number of derived stays.
    pub stays: usize,
    /// Stays that came down on another vehicle.
    pub vehicle_swaps: usize,
    /// Stays still open.
    pub in_orbit: usize,
    /// The earliest and latest `checked` dates, as written.
    #[serde(serialize_with = "crate::model::instant::published_range")]
    #[schemars(with = "Option<[crate::model::instant::Instant; 2]>")]
    pub checked: Option<(String, String)>,
}

impl Catalog {
    /// Counts for `validate`.
    pub fn summary(&self) -> Summary {
        Summary {
            label: self.label.clone(),
            description: self.description(),
            flights: self.flights.len(),
            astronauts: self.astronauts.len(),
            spacecraft: self.spacecraft.len(),
            stations: self.stations.len(),
            stays: self.stays.len(),
            vehicle_swaps: self.stays.iter().filter(|s| s.is_vehicle_swap()).count(),
            in_orbit: self.stays.iter().filter(|s| s.end.is_none()).count(),
            checked: self
                .checked_range()
                .map(|(lo, hi)| (lo.to_string(), hi.to_string())),
        }
    }
}
