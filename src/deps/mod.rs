//! Dependencies between the moments of a catalog: the event graph, what caused what, what a slip moves,
//! the critical path between two moments, and the graph for Graphviz or Mermaid.
//!
//! Everything starts from the [`EventGraph`] of [`crate::catalog::links`], built from a loaded catalog (which is acyclic: loading refuses a
//! cycle). Queries name what they are about with a [`Subject`]: a moment (`shenzhou-20/debris-strike`), a
//! flight (`shenzhou-20`: all its moments) or a stay (`chen-dong@shenzhou-20`: the launch that took the
//! astronaut up and the landing that brought them down). Results are plain values for [`crate::report`].

pub mod causes;
pub mod consequences;
pub mod critical;
pub mod export;
pub mod impact;
pub mod schedule;
pub mod tree;

use petgraph::graph::NodeIndex;
use serde::Serialize;

pub use causes::{why, Because, BecauseKind, WhyReport};
pub use consequences::{Consequence, Scenario, CONSEQUENCE_CHECKS};
pub use critical::{critical, CriticalReport, CriticalStep};
pub use export::{graph_export, GraphExport};
pub use impact::{impact, ImpactReport, Shift};
pub use tree::{trees, DepsReport, Direction};

use crate::catalog::links::{EventGraph, Link, LinkKind, Moment, MomentKind};
use crate::catalog::Catalog;
use crate::model::Reference;
use crate::suggest;
use crate::timeline::QueryError;

/// What a query is about, resolved against the catalog.
///
/// ```
/// use orbitline::catalog::links::EventGraph;
/// use orbitline::catalog::{embedded, Catalog};
/// use orbitline::deps::Subject;
///
/// let catalog = Catalog::load("bundled", embedded())?;
/// let graph = EventGraph::of(&catalog);
/// let stay = Subject::resolve(&catalog, &graph, "chen-dong@shenzhou-20").expect("a stay");
/// assert_eq!(stay.label(), "chen-dong@shenzhou-20");
/// // Up on Shenzhou-20, down on Shenzhou-21: the stay stands for those two moments.
/// let moments: Vec<_> = stay.nodes(&graph).into_iter().map(|n| &graph.moment(n).reference).collect();
/// assert_eq!(moments, ["shenzhou-20/launch", "shenzhou-21/landing"]);
/// // A typo is an error with a suggestion.
/// assert!(Subject::resolve(&catalog, &graph, "chen-dong@shenzou-20").is_err());
/// # Ok::<(), orbitline::CatalogError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Subject {
    /// One moment.
    Moment {
        /// `flight/event`.
        reference: String,
    },
    /// Every moment of a flight.
    Flight {
        /// The flight id.
        id: String,
        /// Its name.
        name: String,
    },
    /// One astronaut's stay: the launch that took them up and the landing that brought them down.
    Stay {
        /// The astronaut id.
        astronaut: String,
        /// Their name.
        name: String,
        /// The flight that took them up.
        up: String,
        /// The flight that brought them down (`null` while in orbit).
        down: Option<String>,
        /// The names of the flights up and down, for text (JSON has the ids).
        #[serde(skip)]
        route: (String, Option<String>),
    },
}

impl Subject {
    /// Reads `flight`, `flight/event` or `astronaut@flight` (the flight that took them up).
    pub fn resolve(
        catalog: &Catalog,
        graph: &EventGraph,
        text: &str,
    ) -> Result<Subject, QueryError> {
        let unknown = |message: String, suggestion: Option<String>, hint: &str| {
            QueryError::UnknownReference {
                reference: text.to_string(),
                message,
                suggestion,
                hint: hint.to_string(),
            }
        };
        match Reference::parse(text) {
            Reference::Stay { astronaut, flight } => {
                Subject::resolve_stay(catalog, astronaut, flight, unknown)
            }
            Reference::Moment { flight, event } => {
                Subject::resolve_moment(catalog, graph, (text, flight, event), unknown)
            }
            Reference::Id(id) => match catalog.flight(id) {
                Some(flight) => Ok(Subject::Flight {
                    id: flight.id.clone(),
                    name: flight.name.clone(),
                }),
                None => {
                    let ids = catalog.flights().iter().map(|f| f.id.as_str());
                    Err(unknown(
                        format!("no flight `{id}` in the catalog"),
                        suggest::closest(id, ids).map(str::to_string),
                        "name a flight (shenzhou-20), a moment (shenzhou-20/debris-strike) or a stay (chen-dong@shenzhou-20)",
                    ))
                }
            },
        }
    }

    /// `astronaut@up`: the astronaut's stay that began on flight `up`.
    fn resolve_stay(
        catalog: &Catalog,
        astronaut: &str,
        up: &str,
        unknown: impl Fn(String, Option<String>, &str) -> QueryError,
    ) -> Result<Subject, QueryError> {
        let Some(person) = catalog.astronaut(astronaut) else {
            let ids = catalog.astronauts().iter().map(|a| a.id.as_str());
            return Err(unknown(
                format!("no astronaut `{astronaut}` in the catalog"),
                suggest::closest(astronaut, ids).map(|s| format!("{s}@{up}")),
                "a stay is ASTRONAUT@FLIGHT, the flight that took them up: chen-dong@shenzhou-20",
            ));
        };
        let stays: Vec<_> = catalog
            .stays()
            .iter()
            .filter(|s| s.astronaut == person.id)
            .collect();
        let flight_name = |id: &str| catalog.flight(id).map_or(id, |f| &f.name).to_string();
        if let Some(stay) = stays.iter().find(|s| s.up == up) {
            return Ok(Subject::Stay {
                astronaut: person.id.clone(),
                name: person.name.clone(),
                up: stay.up.clone(),
                down: stay.down.clone(),
                route: (flight_name(&stay.up), stay.down.as_deref().map(flight_name)),
            });
        }
        let ups: Vec<String> = stays.iter().map(|s| s.up.clone()).collect();
        Err(unknown(
            format!("{} did not go up on `{up}`", person.name),
            suggest::closest(up, ups.iter().map(String::as_str))
                .map(|s| format!("{astronaut}@{s}")),
            &format!(
                "{} went up on: {}",
                person.name,
                ups.iter()
                    .map(|u| format!("{astronaut}@{u}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ))
    }

    /// `flight/event` (`text`): one moment of the graph.
    fn resolve_moment(
        catalog: &Catalog,
        graph: &EventGraph,
        (text, flight, event): (&str, &str, &str),
        unknown: impl Fn(String, Option<String>, &str) -> QueryError,
    ) -> Result<Subject, QueryError> {
        if graph.node(text).is_some() {
            return Ok(Subject::Moment {
                reference: text.to_string(),
            });
        }
        if catalog.flight(flight).is_none() {
            let ids = catalog.flights().iter().map(|f| f.id.as_str());
            return Err(unknown(
                format!("no flight `{flight}` in the catalog"),
                suggest::closest(flight, ids).map(|s| format!("{s}/{event}")),
                "`orbitline list` shows every flight",
            ));
        }
        let moments: Vec<String> = graph
            .nodes_of_flight(flight)
            .into_iter()
            .map(|n| graph.moment(n).reference.clone())
            .collect();
        Err(unknown(
            format!("{flight} has no moment `{event}`"),
            suggest::closest(text, moments.iter().map(String::as_str)).map(str::to_string),
            &format!("{flight} has: {}", moments.join(", ")),
        ))
    }

    /// The moments it stands for: the moment; a flight's moments in graph order; a stay's up launch and
    /// down landing.
    pub fn nodes(&self, graph: &EventGraph) -> Vec<NodeIndex> {
        match self {
            Subject::Moment { reference } => graph.node(reference).into_iter().collect(),
            Subject::Flight { id, .. } => graph.nodes_of_flight(id),
            Subject::Stay { up, down, .. } => [
                Some(format!("{up}/launch")),
                down.as_ref().map(|d| format!("{d}/landing")),
            ]
            .into_iter()
            .flatten()
            .filter_map(|r| graph.node(&r))
            .collect(),
        }
    }

    /// How to name it in a heading: the reference, the flight id or `astronaut@flight`.
    pub fn label(&self) -> String {
        match self {
            Subject::Moment { reference } => reference.clone(),
            Subject::Flight { id, .. } => id.clone(),
            Subject::Stay { astronaut, up, .. } => format!("{astronaut}@{up}"),
        }
    }

    /// The one moment a command that needs a single moment works on: the moment itself, a flight's launch,
    /// a stay's down landing (or its launch while in orbit).
    pub fn single(&self, graph: &EventGraph) -> Option<NodeIndex> {
        match self {
            Subject::Moment { reference } => graph.node(reference),
            Subject::Flight { id, .. } => graph.node(&format!("{id}/launch")),
            Subject::Stay { .. } => self.nodes(graph).last().copied(),
        }
    }
}

/// The graph `impact` needs for the subject `text`: the part of the catalog a move of it can reach
/// ([`EventGraph::around`]), or the whole graph when `text` names no flight of the catalog (so that the
/// error and its suggestion are the same as for the other commands).
pub fn impact_graph(catalog: &Catalog, text: &str) -> EventGraph {
    match catalog.flight(Reference::parse(text).flight()) {
        Some(flight) => EventGraph::around(catalog, &[flight.id.as_str()]),
        None => EventGraph::of(catalog),
    }
}

/// A moment as results show it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct MomentView {
    /// `flight/event`.
    pub reference: String,
    /// `launch`, `docking`, `undocking`, `landing` or the event kind.
    pub kind: &'static str,
    /// When (`null` when not known).
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub time: Option<crate::model::Time>,
    /// The time is a planned one: the moment has not happened.
    pub planned_only: bool,
    /// One line for people: the event's title, or what the moment was for (`uncrewed`, `return of the
    /// Shenzhou-21 crew`).
    pub title: Option<String>,
}

impl MomentView {
    /// The view of `node`.
    pub fn new(catalog: &Catalog, graph: &EventGraph, node: NodeIndex) -> MomentView {
        let moment = graph.moment(node);
        MomentView {
            reference: moment.reference.clone(),
            kind: moment.kind.as_str(),
            time: moment.time.clone(),
            planned_only: moment.planned_only,
            title: moment.title.clone().or_else(|| describe(catalog, moment)),
        }
    }
}

/// What a flight's own moment was for, where the crews say something: an uncrewed launch, a landing that
/// brought home a crew that went up on another flight.
fn describe(catalog: &Catalog, moment: &Moment) -> Option<String> {
    let flight = catalog.flight(moment.flight_id())?;
    let others: Vec<String> = catalog
        .stays()
        .iter()
        .filter(|s| s.down.as_deref() == Some(&flight.id) && s.up != flight.id)
        .map(|s| s.up.clone())
        .fold(Vec::new(), |mut ups, up| {
            if !ups.contains(&up) {
                ups.push(up);
            }
            ups
        });
    let crews = |ups: &[String]| {
        ups.iter()
            .map(|u| {
                format!(
                    "the {} crew",
                    catalog.flight(u).map_or(u.as_str(), |f| f.name.as_str())
                )
            })
            .collect::<Vec<_>>()
            .join(" and ")
    };
    match moment.kind {
        MomentKind::Launch if flight.launch.crew.is_empty() && !others.is_empty() => {
            Some(format!("uncrewed, to bring {} home", crews(&others)))
        }
        MomentKind::Launch if flight.launch.crew.is_empty() => Some("uncrewed".into()),
        MomentKind::Landing if !others.is_empty() => {
            Some(format!("return of {} (vehicle swap)", crews(&others)))
        }
        MomentKind::Landing
            if flight.landing_crew().is_empty() && !flight.launch.crew.is_empty() =>
        {
            Some("landed uncrewed".into())
        }
        _ => None,
    }
}

/// An edge as results show it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LinkView {
    /// `sequence`, `crew`, `caused_by` or `after`.
    pub kind: LinkKind,
    /// The least time between the two, in seconds; `null` for `caused_by`.
    pub gap_seconds: Option<i64>,
    /// A leg the vehicle flies on its own: the gap is the flown time.
    pub rigid: bool,
    /// Crew edges: the astronauts (ids).
    pub crew: Vec<String>,
    /// Crew edges: their names.
    pub crew_names: Vec<String>,
    /// Crew edges: a vehicle swap.
    pub swap: bool,
}

impl LinkView {
    /// The view of an edge.
    pub fn new(catalog: &Catalog, link: &Link) -> LinkView {
        LinkView {
            kind: link.kind,
            gap_seconds: link.gap.map(|g| g.num_seconds()),
            rigid: link.rigid,
            crew: link.crew.to_vec(),
            crew_names: link
                .crew
                .iter()
                .map(|a| catalog.name_of(a).to_string())
                .collect(),
            swap: link.swap,
        }
    }
}
