//! The event graph: one node per moment of the catalog (every flight's launch, docking, undocking and
//! landing, and every event), one edge per dependency, built from the data and never stored.
//!
//! An edge `a → b` means "b depends on a". Four kinds, see [`LinkKind`]:
//! - **sequence**, inside a flight: launch → docking → … → undocking → landing, with the flight's events
//!   in time order between them. The legs a vehicle flies on its own (launch → docking, undocking →
//!   landing, launch → landing for a flight that does not dock) are *rigid*: their gap is the flown time,
//!   so a later launch means an equally later docking. The time at a station is slack. Events after the
//!   flight's landing belong to the stay of its launch crew: they follow the crew's arrival (docking, or
//!   launch) and precede the crew's down landing (a crew edge).
//! - **crew**: a crew's down landing depends on their up launch and on the down vehicle's arrival (its
//!   docking, or its launch where it did not dock). When the down flight differs from the up flight the
//!   edges are marked as a **vehicle swap**.
//! - **caused_by** and **after**, from the data. Only `after` (with its `min_gap`), sequence and crew
//!   edges constrain times; `caused_by` explains, it does not schedule.
//!
//! The graph is built from plain flights and stays so that catalog validation can use it before a
//! [`Catalog`] exists: a cycle is a data error, reported by [`EventGraph::cycles`].

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Duration, Utc};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

mod build;

use super::locate::Path;
use super::{Catalog, Stay};
use crate::json_path;
use crate::model::{After, EventKind, Flight, Time};
use build::Builder;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MomentKind {
    /// The flight's launch.
    Launch,
    /// Its docking at the station.
    Docking,
    /// Its undocking.
    Undocking,
    /// Its landing.
    Landing,
    /// One of its events.
    Event(EventKind),
}

impl MomentKind {
    /// `launch`, `docking`, `undocking`, `landing` or the event kind (`eva`, `anomaly`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            MomentKind::Launch => "launch",
            MomentKind::Docking => "docking",
            MomentKind::Undocking => "undocking",
            MomentKind::Landing => "landing",
            MomentKind::Event(kind) => kind.as_str(),
        }
    }
}

/// A node: one moment of one flight.
#[derive(Debug, Clone)]
pub struct Moment {
    /// Index of the flight in the slice the graph was built from (for a catalog: `catalog.flights()`).
    pub flight: usize,
    /// `shenzhou-20/debris-strike`.
    pub reference: String,
    /// Launch, docking, undocking, landing, or the kind of event.
    pub kind: MomentKind,
    /// When it happened, or when it was planned where it has not happened (see `planned_only`); `None`
    /// when neither is known (a landing still to come).
    pub time: Option<Time>,
    /// `time` is a planned time: the moment has not happened (or its actual time is not recorded).
    pub planned_only: bool,
    /// One line for people (events only).
    pub title: Option<String>,
}

impl Moment {
    /// The flight id (the part of the reference before `/`).
    pub fn flight_id(&self) -> &str {
        self.reference
            .split_once('/')
            .map_or(&self.reference, |(f, _)| f)
    }

    /// The moment's id within its flight (`launch`, `debris-strike`).
    pub fn id(&self) -> &str {
        self.reference
            .split_once('/')
            .map_or(&self.reference, |(_, e)| e)
    }

    /// The instant used in arithmetic (the start of the time's interval).
    pub fn instant(&self) -> Option<DateTime<Utc>> {
        self.time.as_ref().map(Time::instant)
    }
}

/// The kinds of dependency.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Inside a flight, in time order.
    Sequence,
    /// A crew's down landing on their up launch and on the down vehicle's arrival.
    Crew,
    /// `caused_by` in the data: explains, does not constrain times.
    CausedBy,
    /// `after` in the data: could not happen before, plus `min_gap`.
    After,
}

impl LinkKind {
    /// `sequence`, `crew`, `caused_by`, `after`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Sequence => "sequence",
            LinkKind::Crew => "crew",
            LinkKind::CausedBy => "caused_by",
            LinkKind::After => "after",
        }
    }
}

/// Where an edge from the data is written: the flight (index) and the path of the reference in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Index of the flight whose file holds the link.
    pub flight: usize,
    /// Path of the reference inside that file (`["landing", "after", 0, "event"]`).
    pub path: Path,
}

/// An edge: `source → target` means the target depends on the source.
#[derive(Debug, Clone)]
pub struct Link {
    /// Sequence, crew, caused_by or after: what the dependency comes from.
    pub kind: LinkKind,
    /// The least time from source to target; `None` for `caused_by`, which does not constrain times.
    pub gap: Option<Duration>,
    /// A sequence leg the vehicle flies on its own (launch → docking, undocking → landing): its gap is the
    /// flown time.
    pub rigid: bool,
    /// Crew edges: the astronauts whose stay it is (shared by the edges of one crew).
    pub crew: std::sync::Arc<[String]>,
    /// Crew edges: the stay came down on another vehicle than it went up on.
    pub swap: bool,
    /// Edges from the data: where they are written.
    pub origin: Option<Origin>,
}

impl Link {
    fn plain(kind: LinkKind, gap: Option<Duration>) -> Link {
        Link {
            kind,
            gap,
            rigid: false,
            crew: std::sync::Arc::from([]),
            swap: false,
            origin: None,
        }
    }

    /// True for the edges that constrain times (all but `caused_by`).
    pub fn schedules(&self) -> bool {
        self.gap.is_some()
    }
}

/// The dependency graph over every moment of a catalog.
///
/// ```
/// use orbitline::catalog::links::{EventGraph, LinkKind};
/// use orbitline::catalog::{embedded, Catalog};
/// use petgraph::Direction;
///
/// let catalog = Catalog::load("bundled", embedded())?;
/// let graph = EventGraph::of(&catalog);
/// // Shenzhou-21 brought the Shenzhou-20 crew home: its landing depends on their launch (a swap).
/// let landing = graph.node("shenzhou-21/landing").expect("a moment of the catalog");
/// let swap = graph
///     .neighbours(landing, Direction::Incoming)
///     .into_iter()
///     .find(|(_, _, link)| link.kind == LinkKind::Crew && link.swap)
///     .map(|(_, from, _)| graph.moment(from).reference.clone());
/// assert_eq!(swap.as_deref(), Some("shenzhou-20/launch"));
/// # Ok::<(), orbitline::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct EventGraph {
    graph: DiGraph<Moment, Link>,
    index: MomentIndex,
    order: Option<Vec<NodeIndex>>,
}

/// Finds a node by reference. A flight's moments are added together, so its nodes are a range: a
/// reference is found by its flight, then by its moment id among that flight's handful of nodes (one map
/// entry per flight, not one per moment).
#[derive(Debug, Clone, Default)]
struct MomentIndex {
    flights: HashMap<String, FlightNodes>,
}

/// A flight's nodes: `start..end`, and the node its crew arrives with (docking, else launch).
#[derive(Debug, Clone, Copy)]
struct FlightNodes {
    start: usize,
    end: usize,
    arrival: NodeIndex,
}

impl MomentIndex {
    fn get(&self, graph: &DiGraph<Moment, Link>, reference: &str) -> Option<NodeIndex> {
        let (flight, moment) = reference.split_once('/')?;
        self.moment(graph, flight, moment)
    }

    /// The node of `moment` (`launch`, an event id) of `flight`; the last one where an id repeats.
    fn moment(
        &self,
        graph: &DiGraph<Moment, Link>,
        flight: &str,
        moment: &str,
    ) -> Option<NodeIndex> {
        let nodes = self.flights.get(flight)?;
        (nodes.start..nodes.end)
            .rev()
            .map(NodeIndex::new)
            .find(|&n| graph[n].id() == moment)
    }
}

/// A dependency cycle: the moments on it, in order (the last depends on the first), and the edges between
/// them (`edges[i]` goes from `nodes[i]` to `nodes[i + 1]`, the last back to `nodes[0]`).
#[derive(Debug, Clone)]
pub struct Cycle {
    /// The moments, in order.
    pub nodes: Vec<NodeIndex>,
    /// The edges, in order.
    pub edges: Vec<EdgeIndex>,
}

impl EventGraph {
    /// The graph of a loaded catalog (which is acyclic: loading refuses cycles).
    pub fn of(catalog: &Catalog) -> EventGraph {
        EventGraph::build(catalog.flights(), catalog.stays())
    }

    /// The graph of the part of a catalog that a move of a moment of `flights` can reach, for `impact`:
    /// those flights, every flight whose moments wait on theirs (a crew's down flight waits on its up
    /// flight; a flight that links to another's moment waits on it), on and on, and the flights these wait
    /// on directly (so that the constraints into a moved moment are there). A slip moves nothing outside
    /// it, and the graph is built in the catalog's order, so every edge keeps its rank among the others
    /// (ties between constraints are broken the same way as on the whole graph). Built over
    /// [`Catalog::subset`]: a moment's `flight` indexes the flights of that part, not of `catalog`.
    pub fn around(catalog: &Catalog, flights: &[&str]) -> EventGraph {
        // (a, b): a moment of flight b waits on one of flight a.
        let mut links: Vec<(&str, &str)> = catalog
            .stays()
            .iter()
            .filter_map(|s| Some((s.up.as_str(), s.down.as_deref()?)))
            .collect();
        for flight in catalog.flights().iter().filter(|f| has_explicit_links(f)) {
            for (_, _, caused_by, after) in explicit_links(flight) {
                let references = caused_by
                    .iter()
                    .map(String::as_str)
                    .chain(after.iter().map(|a| a.event.as_str()));
                for reference in references {
                    if let Some((from, _)) = reference.split_once('/') {
                        links.push((from, flight.id.as_str()));
                    }
                }
            }
        }
        let mut waiting: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut waited_on: HashMap<&str, Vec<&str>> = HashMap::new();
        for (from, to) in links.into_iter().filter(|(from, to)| from != to) {
            waiting.entry(from).or_default().push(to);
            waited_on.entry(to).or_default().push(from);
        }
        let mut reached: std::collections::HashSet<&str> = flights.iter().copied().collect();
        let mut queue: Vec<&str> = flights.to_vec();
        while let Some(flight) = queue.pop() {
            for &next in waiting.get(flight).into_iter().flatten() {
                if reached.insert(next) {
                    queue.push(next);
                }
            }
        }
        let mut keep = reached.clone();
        for flight in &reached {
            keep.extend(waited_on.get(flight).into_iter().flatten().copied());
        }
        EventGraph::of(&catalog.subset(|f| keep.contains(f.id.as_str())))
    }

    /// Builds the graph from flights and the stays derived from them. References that do not resolve are
    /// left out (validation reports them).
    pub fn build<F: std::borrow::Borrow<Flight>>(flights: &[F], stays: &[Stay]) -> EventGraph {
        let flights: Vec<&Flight> = flights.iter().map(std::borrow::Borrow::borrow).collect();
        let flights = flights.as_slice();
        // Room for every node (a flight's own moments and its events) and about as many edges: the
        // graph of a large catalog is not copied over and over as it grows.
        let nodes: usize = flights.iter().map(|f| 4 + f.events.len()).sum();
        let mut builder = Builder {
            graph: DiGraph::with_capacity(nodes, nodes + stays.len()),
            index: MomentIndex::default(),
        };
        for (f, flight) in flights.iter().enumerate() {
            builder.flight(f, flight);
        }
        builder.crews(flights, stays);
        for (f, flight) in flights.iter().enumerate() {
            builder.explicit(f, flight);
        }
        let order = petgraph::algo::toposort(&builder.graph, None).ok();
        EventGraph {
            graph: builder.graph,
            index: builder.index,
            order,
        }
    }

    /// The petgraph graph.
    pub fn graph(&self) -> &DiGraph<Moment, Link> {
        &self.graph
    }

    /// A node by reference (`shenzhou-20/landing`).
    pub fn node(&self, reference: &str) -> Option<NodeIndex> {
        self.index.get(&self.graph, reference)
    }

    /// The moment at a node.
    pub fn moment(&self, node: NodeIndex) -> &Moment {
        &self.graph[node]
    }

    /// The edge's weight.
    pub fn link(&self, edge: EdgeIndex) -> &Link {
        &self.graph[edge]
    }

    /// The nodes of one flight in time order (moments without a time last, in build order).
    pub fn nodes_of_flight(&self, flight_id: &str) -> Vec<NodeIndex> {
        let mut nodes: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| self.graph[n].flight_id() == flight_id)
            .collect();
        nodes.sort_by_key(|&n| {
            (
                self.graph[n].instant().is_none(),
                self.graph[n].instant(),
                n,
            )
        });
        nodes
    }

    /// A topological order (every edge goes forward in it); `None` when the graph has a cycle.
    pub fn topological_order(&self) -> Option<&[NodeIndex]> {
        self.order.as_deref()
    }

    /// Every edge into (`Incoming`) or out of (`Outgoing`) `node`, with the node at its other end.
    pub fn neighbours(
        &self,
        node: NodeIndex,
        direction: Direction,
    ) -> Vec<(EdgeIndex, NodeIndex, &Link)> {
        let mut edges: Vec<_> = self
            .graph
            .edges_directed(node, direction)
            .map(|e| {
                let other = match direction {
                    Direction::Incoming => e.source(),
                    Direction::Outgoing => e.target(),
                };
                (e.id(), other, e.weight())
            })
            .collect();
        // petgraph lists the newest edge first; show them in the order they were built.
        edges.sort_by_key(|(e, _, _)| *e);
        edges
    }

    /// The dependency cycles: one per strongly connected part of the graph that has one, each the shortest
    /// cycle through its first moment (in build order), starting there.
    pub fn cycles(&self) -> Vec<Cycle> {
        if self.order.is_some() {
            return Vec::new();
        }
        let mut cycles = Vec::new();
        for component in petgraph::algo::tarjan_scc(&self.graph) {
            let members: BTreeSet<NodeIndex> = component.iter().copied().collect();
            let Some(&start) = members.iter().next() else {
                continue;
            };
            let self_loop = self.graph.edges_connecting(start, start).next();
            if members.len() == 1 {
                if let Some(edge) = self_loop {
                    cycles.push(Cycle {
                        nodes: vec![start],
                        edges: vec![edge.id()],
                    });
                }
                continue;
            }
            if let Some(cycle) = self.shortest_cycle(start, &members) {
                cycles.push(cycle);
            }
        }
        // Between two moments linked more than once, name the link written in the data: that is the one
        // to correct.
        for cycle in &mut cycles {
            let count = cycle.nodes.len();
            for i in 0..count {
                let (from, to) = (cycle.nodes[i], cycle.nodes[(i + 1) % count]);
                if let Some(written) = self
                    .graph
                    .edges_connecting(from, to)
                    .filter(|e| e.weight().origin.is_some())
                    .map(|e| e.id())
                    .min()
                {
                    cycle.edges[i] = written;
                }
            }
        }
        cycles.sort_by_key(|c| c.nodes[0]);
        cycles
    }

    /// Breadth-first search inside `members` for the shortest way from `start` back to itself.
    fn shortest_cycle(&self, start: NodeIndex, members: &BTreeSet<NodeIndex>) -> Option<Cycle> {
        let mut came_from: HashMap<NodeIndex, (NodeIndex, EdgeIndex)> = HashMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for (edge, next, _) in self.neighbours(node, Direction::Outgoing) {
                if !members.contains(&next) {
                    continue;
                }
                if next == start {
                    let mut nodes = vec![node];
                    let mut edges = vec![edge];
                    let mut at = node;
                    while at != start {
                        let (previous, via) = came_from[&at];
                        nodes.push(previous);
                        edges.push(via);
                        at = previous;
                    }
                    nodes.reverse();
                    // edges[i] must go from nodes[i]: the closing edge goes last.
                    let closing = edges.remove(0);
                    edges.reverse();
                    edges.push(closing);
                    return Some(Cycle { nodes, edges });
                }
                if next != start && !came_from.contains_key(&next) {
                    came_from.insert(next, (node, edge));
                    queue.push_back(next);
                }
            }
        }
        None
    }

    /// The number of nodes and edges.
    pub fn size(&self) -> (usize, usize) {
        (self.graph.node_count(), self.graph.edge_count())
    }
}

/// True when the flight writes a `caused_by` or `after` link anywhere (its moments or its events): most
/// flights do not, and [`explicit_links`] need not list their moments.
pub fn has_explicit_links(flight: &Flight) -> bool {
    let moments = [
        Some((&flight.launch.caused_by, &flight.launch.after)),
        flight.docking.as_ref().map(|m| (&m.caused_by, &m.after)),
        flight.undocking.as_ref().map(|m| (&m.caused_by, &m.after)),
        flight.landing.as_ref().map(|l| (&l.caused_by, &l.after)),
    ];
    moments
        .into_iter()
        .flatten()
        .any(|(caused_by, after)| !caused_by.is_empty() || !after.is_empty())
        || flight
            .events
            .iter()
            .any(|e| !e.caused_by.is_empty() || !e.after.is_empty())
}

/// Every moment of a flight that carries links in the data: its reference, the path of the object in the
/// file, its `caused_by` and its `after`.
pub fn explicit_links(flight: &Flight) -> Vec<(String, Path, &[String], &[After])> {
    let mut links: Vec<(String, Path, &[String], &[After])> = Vec::new();
    let reference = |id: &str| format!("{}/{id}", flight.id);
    links.push((
        reference("launch"),
        json_path!["launch"],
        &flight.launch.caused_by,
        &flight.launch.after,
    ));
    for (id, mooring) in [
        ("docking", &flight.docking),
        ("undocking", &flight.undocking),
    ] {
        if let Some(m) = mooring {
            links.push((reference(id), json_path![id], &m.caused_by, &m.after));
        }
    }
    if let Some(l) = &flight.landing {
        links.push((
            reference("landing"),
            json_path!["landing"],
            &l.caused_by,
            &l.after,
        ));
    }
    for (i, e) in flight.events.iter().enumerate() {
        links.push((
            reference(&e.id),
            json_path!["events", i],
            &e.caused_by,
            &e.after,
        ));
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::SourceFile;

    fn swap_catalog() -> Catalog {
        let files = [
            (
                "astronauts.json",
                include_str!("../../../tests/fixtures/swap/astronauts.json"),
            ),
            (
                "spacecraft.json",
                include_str!("../../../tests/fixtures/swap/spacecraft.json"),
            ),
            (
                "stations.json",
                include_str!("../../../tests/fixtures/swap/stations.json"),
            ),
            (
                "shenzhou-20.json",
                include_str!("../../../tests/fixtures/swap/shenzhou-20.json"),
            ),
            (
                "shenzhou-21.json",
                include_str!("../../../tests/fixtures/swap/shenzhou-21.json"),
            ),
            (
                "shenzhou-22.json",
                include_str!("../../../tests/fixtures/swap/shenzhou-22.json"),
            ),
        ];
        let files = files.iter().map(|(n, t)| SourceFile::new(*n, *t)).collect();
        Catalog::load("swap", files).unwrap()
    }

    fn links(graph: &EventGraph, from: &str, to: &str) -> Vec<LinkKind> {
        let (Some(a), Some(b)) = (graph.node(from), graph.node(to)) else {
            return Vec::new();
        };
        graph
            .graph()
            .edges_connecting(a, b)
            .map(|e| e.weight().kind)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    #[test]
    fn the_swap_fixture_gives_sequence_crew_and_cause_edges() {
        let catalog = swap_catalog();
        let graph = EventGraph::of(&catalog);
        // 3 flights: SZ-20 has 4 own moments and 2 events, SZ-21 4, SZ-22 3.
        assert_eq!(graph.size().0, 13);
        assert!(graph.topological_order().is_some());
        assert!(graph.cycles().is_empty());
        // The flight to the station is rigid: 09:17:31 → 15:49 UTC.
        let launch_docking = graph
            .graph()
            .edges_connecting(
                graph.node("shenzhou-20/launch").unwrap(),
                graph.node("shenzhou-20/docking").unwrap(),
            )
            .next()
            .unwrap();
        assert!(launch_docking.weight().rigid);
        assert_eq!(
            launch_docking.weight().gap,
            Some(Duration::seconds(6 * 3600 + 31 * 60 + 29))
        );
        // Events sit between docking and undocking in time order.
        assert_eq!(
            links(&graph, "shenzhou-20/docking", "shenzhou-20/debris-strike"),
            [LinkKind::Sequence]
        );
        assert_eq!(
            links(
                &graph,
                "shenzhou-20/debris-strike",
                "shenzhou-20/return-postponed"
            ),
            [LinkKind::Sequence, LinkKind::CausedBy]
        );
        assert_eq!(
            links(
                &graph,
                "shenzhou-20/return-postponed",
                "shenzhou-20/undocking"
            ),
            [LinkKind::Sequence]
        );
        // The Shenzhou-20 crew's swap: their launch and Shenzhou-21's docking lead to Shenzhou-21's landing.
        for from in ["shenzhou-20/launch", "shenzhou-21/docking"] {
            let a = graph.node(from).unwrap();
            let b = graph.node("shenzhou-21/landing").unwrap();
            let crew: Vec<&Link> = graph
                .graph()
                .edges_connecting(a, b)
                .map(|e| e.weight())
                .filter(|l| l.kind == LinkKind::Crew)
                .collect();
            assert_eq!(crew.len(), 1, "{from}");
            assert!(crew[0].swap);
            assert_eq!(*crew[0].crew, ["chen-dong", "chen-zhongrui", "wang-jie"]);
        }
        // Shenzhou-22 has no undocking: docking → landing is station time, not rigid.
        let d = graph.node("shenzhou-22/docking").unwrap();
        let l = graph.node("shenzhou-22/landing").unwrap();
        let seq = graph
            .graph()
            .edges_connecting(d, l)
            .find(|e| e.weight().kind == LinkKind::Sequence)
            .unwrap();
        assert!(!seq.weight().rigid);
        assert_eq!(seq.weight().gap, Some(Duration::zero()));
    }

    #[test]
    fn a_self_reference_and_a_two_step_loop_are_cycles() {
        let catalog = swap_catalog();
        let mut flights: Vec<Flight> = catalog.flights().iter().map(|f| (**f).clone()).collect();
        let sz20 = flights.iter_mut().find(|f| f.id == "shenzhou-20").unwrap();
        sz20.events[0].after.push(After {
            event: "shenzhou-20/return-postponed".into(),
            min_gap: None,
            sources: Vec::new(),
            notes: None,
        });
        let sz21 = flights.iter_mut().find(|f| f.id == "shenzhou-21").unwrap();
        sz21.launch.caused_by.push("shenzhou-21/launch".into());
        let graph = EventGraph::build(&flights, catalog.stays());
        assert!(graph.topological_order().is_none());
        let cycles = graph.cycles();
        let named: Vec<Vec<&str>> = cycles
            .iter()
            .map(|c| {
                c.nodes
                    .iter()
                    .map(|&n| graph.moment(n).reference.as_str())
                    .collect()
            })
            .collect();
        assert_eq!(
            named,
            [
                vec!["shenzhou-20/debris-strike", "shenzhou-20/return-postponed"],
                vec!["shenzhou-21/launch"],
            ]
        );
        // The link written in the data is named where two moments are linked twice.
        assert_eq!(graph.link(cycles[0].edges[0]).kind, LinkKind::CausedBy);
        assert_eq!(graph.link(cycles[0].edges[1]).kind, LinkKind::After);
        assert!(graph.link(cycles[0].edges[1]).origin.is_some());
    }
}
