//! `orbitline impact`: move one moment and see what moves with it.
//!
//! The slip propagates forward through the edges that constrain times (sequence, crew, `after`) as a
//! scheduler would ([`super::schedule::propagate`]): each dependent moves only as much as its constraints
//! force, its slack absorbs the rest. The result lists every moment that moves and by how much, the
//! moments that absorbed it (with their slack before and after), and the [consequences](super::consequences)
//! computed on the catalog with the new times.

use std::collections::BTreeMap;

use chrono::Duration;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::consequences::{self, Consequence, Scenario};
use super::schedule::{self, Effect, Network};
use super::{MomentView, Subject};
use crate::catalog::links::{EventGraph, LinkKind};
use crate::catalog::Catalog;
use crate::model::{Flight, Time};
use crate::timeline::QueryError;

/// The new times of the moments that moved: reference → how far. A moment not in it keeps its time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shift {
    moves: BTreeMap<String, Duration>,
}

impl Shift {
    /// A shift from (reference, delta) pairs; zero deltas are left out.
    pub fn new(moves: impl IntoIterator<Item = (String, Duration)>) -> Shift {
        Shift {
            moves: moves.into_iter().filter(|(_, d)| !d.is_zero()).collect(),
        }
    }

    /// How far `reference` moved (zero if it did not).
    pub fn delta(&self, reference: &str) -> Duration {
        self.moves
            .get(reference)
            .copied()
            .unwrap_or_else(Duration::zero)
    }

    /// The flights with a moved moment (ids, sorted, once each).
    pub fn flights(&self) -> std::collections::BTreeSet<&str> {
        self.moves
            .keys()
            .filter_map(|reference| reference.split('/').next())
            .collect()
    }

    /// The moved moments, by reference.
    pub fn moves(&self) -> impl Iterator<Item = (&str, Duration)> {
        self.moves.iter().map(|(r, d)| (r.as_str(), *d))
    }

    /// `time`, the time of `reference` before the shift, after it.
    pub fn time(&self, reference: &str, time: &Time) -> Time {
        let delta = self.delta(reference);
        if delta.is_zero() {
            time.clone()
        } else {
            time.shifted(delta)
        }
    }

    /// The catalog with the new times: every moved moment's time (or planned time, where it has no
    /// actual one) and an EVA's end move by its delta. Functions that compute something from a catalog
    /// (stays, records, station coverage) can run on it and be compared with the original.
    pub fn apply(&self, catalog: &Catalog) -> Catalog {
        let moved = self.flights();
        let flights = catalog
            .flights()
            .iter()
            .map(|f| {
                if moved.contains(f.id.as_str()) {
                    std::sync::Arc::new(self.apply_to_flight(f))
                } else {
                    std::sync::Arc::clone(f)
                }
            })
            .collect();
        catalog.with_times(flights)
    }

    fn apply_to_flight(&self, flight: &Flight) -> Flight {
        let mut f = flight.clone();
        let id = flight.id.clone();
        let shift = |moment: &str, time: &mut Option<Time>, planned: &mut Option<Time>| {
            let delta = self.delta(&format!("{id}/{moment}"));
            if delta.is_zero() {
                return;
            }
            match (time.as_mut(), planned.as_mut()) {
                (Some(t), _) => *t = t.shifted(delta),
                (None, Some(p)) => *p = p.shifted(delta),
                (None, None) => {}
            }
        };
        shift("launch", &mut f.launch.time, &mut f.launch.planned);
        if let Some(d) = f.docking.as_mut() {
            shift("docking", &mut d.time, &mut d.planned);
        }
        if let Some(u) = f.undocking.as_mut() {
            shift("undocking", &mut u.time, &mut u.planned);
        }
        if let Some(l) = f.landing.as_mut() {
            shift("landing", &mut l.time, &mut l.planned);
        }
        for event in &mut f.events {
            let delta = self.delta(&format!("{id}/{}", event.id));
            if !delta.is_zero() {
                event.time = event.time.shifted(delta);
                event.end = event.end.as_ref().map(|e| e.shifted(delta));
            }
        }
        f
    }
}

/// A moment that moves.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Moved {
    /// The moment, at its old time.
    pub moment: MomentView,
    /// Its new time.
    #[serde(serialize_with = "crate::model::instant::instant")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub to: Time,
    /// By how much, in seconds.
    pub by_seconds: i64,
    /// The moment whose constraint forced it (`null` for the moment slipped by hand).
    pub forced_by: Option<String>,
    /// The kind of that constraint.
    pub via: Option<LinkKind>,
}

/// A moment that waits on a moved moment but does not move: its slack absorbed the slip.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Absorbed {
    /// The moment.
    pub moment: MomentView,
    /// Its slack towards the moments that moved, before the slip (seconds).
    pub slack_before_seconds: i64,
    /// The same after the slip.
    pub slack_after_seconds: i64,
    /// The moved moment it is closest to waiting on.
    pub waits_on: String,
}

/// A moment whose time is not known and that a moved moment now bounds.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Bounded {
    /// The moment.
    pub moment: MomentView,
    /// It cannot be before this.
    #[serde(serialize_with = "crate::model::instant::computed")]
    #[schemars(with = "crate::model::instant::Instant")]
    pub at_least: chrono::DateTime<chrono::Utc>,
    /// The moment that bounds it.
    pub forced_by: String,
}

/// A constraint into the slipped moment that the slip breaks (moving a moment earlier than what it waits
/// for).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Broken {
    /// The moment it must follow.
    pub after: MomentView,
    /// The kind of constraint.
    pub kind: LinkKind,
    /// The least time between them (seconds).
    pub gap_seconds: i64,
    /// How far the slipped moment would be too early (seconds).
    pub short_by_seconds: i64,
}

/// The answer to `orbitline impact`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ImpactReport {
    /// What was asked about.
    pub subject: Subject,
    /// The slip, in seconds (negative: earlier).
    pub slip_seconds: i64,
    /// Every moment that moves, the slipped one first, then in time order.
    pub moved: Vec<Moved>,
    /// Moments that wait on a moved one and do not move.
    pub absorbed: Vec<Absorbed>,
    /// Moments without a known time that a moved moment now bounds.
    pub bounded: Vec<Bounded>,
    /// Constraints the slip breaks.
    pub broken: Vec<Broken>,
    /// What the new times change: stays, vehicles' time in orbit against their rating, crews without a
    /// return craft.
    pub consequences: Vec<Consequence>,
}

/// Moves `subject` (a moment; a flight's launch; a stay's down landing) by `slip`. `now` is the reference
/// time for anything still in orbit, handed to the consequence checks.
pub fn impact(
    catalog: &Catalog,
    graph: &EventGraph,
    subject: Subject,
    slip: Duration,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ImpactReport, QueryError> {
    let start = moment_to_move(graph, &subject)?;
    let order = graph.topological_order().unwrap_or(&[]);
    let net = schedule::network(graph);
    let effects = schedule::propagate(&net, order, start, slip);
    let view = |n: NodeIndex| MomentView::new(catalog, graph, n);
    let reference = |n: NodeIndex| graph.moment(n).reference.clone();

    let mut moved = Vec::new();
    let mut moves = Vec::new();
    let mut bounded = Vec::new();
    for &node in order {
        match effects[node.index()] {
            Effect::Moved { to, by } => {
                let Some(old) = graph.moment(node).time.as_ref() else {
                    continue;
                };
                // From the node's time in the network: for a date, the earliest its constraints allow.
                let delta = to - net[node].unwrap_or_else(|| old.instant());
                moves.push((reference(node), delta));
                moved.push(Moved {
                    moment: view(node),
                    to: old.shifted(delta),
                    by_seconds: delta.num_seconds(),
                    forced_by: by.map(|e| reference(net.raw_edges()[e.index()].source())),
                    via: by.map(|e| graph.link(e).kind),
                });
            }
            Effect::Unknown { at_least, by } => bounded.push(Bounded {
                moment: view(node),
                at_least,
                forced_by: reference(net.raw_edges()[by.index()].source()),
            }),
            Effect::Unmoved => {}
        }
    }
    // The slipped moment first, the others by their new time.
    moved.sort_by_key(|m| {
        (
            m.forced_by.is_some(),
            m.to.instant(),
            m.moment.reference.clone(),
        )
    });

    let mut absorbed = absorbed(&net, order, &effects, view, reference);
    // In time order (the graph's own order depends on which part of the catalog it was built from).
    absorbed.sort_by_key(|a| {
        (
            a.moment.time.as_ref().map(Time::instant),
            a.moment.reference.clone(),
        )
    });
    bounded.sort_by_key(|b| (b.at_least, b.moment.reference.clone()));

    let broken = broken(graph, &net, &effects, (start, slip), view);

    let shift = Shift::new(moves);
    let scenario = Scenario::new(catalog, shift, now);
    let consequences = consequences::all(&scenario);
    Ok(ImpactReport {
        subject,
        slip_seconds: slip.num_seconds(),
        moved,
        absorbed,
        bounded,
        broken,
        consequences,
    })
}

/// The subject's one moment to move, if it has a time to move.
fn moment_to_move(graph: &EventGraph, subject: &Subject) -> Result<NodeIndex, QueryError> {
    let start = subject
        .single(graph)
        .ok_or_else(|| QueryError::UnknownReference {
            reference: subject.label(),
            message: format!("{} has no moment to move", subject.label()),
            suggestion: None,
            hint: "name a moment: FLIGHT/launch, FLIGHT/landing or FLIGHT/EVENT".into(),
        })?;
    if graph.moment(start).time.is_none() {
        return Err(QueryError::UnknownReference {
            reference: subject.label(),
            message: format!(
                "{} has no time in the catalog: there is nothing to move",
                graph.moment(start).reference
            ),
            suggestion: None,
            hint: "move a moment with a time or a planned time".into(),
        });
    }
    Ok(start)
}

/// The moments that did not move although a predecessor did: their slack towards the moved
/// predecessors, before and after the move, and the tightest one they wait on.
fn absorbed(
    net: &Network,
    order: &[NodeIndex],
    effects: &[Effect],
    view: impl Fn(NodeIndex) -> MomentView,
    reference: impl Fn(NodeIndex) -> String,
) -> Vec<Absorbed> {
    let mut absorbed = Vec::new();
    for &node in order {
        if !matches!(effects[node.index()], Effect::Unmoved) {
            continue;
        }
        let Some(time) = net[node] else { continue };
        // Slack towards the moved predecessors only, before and after.
        let mut tightest: Option<(Duration, Duration, NodeIndex)> = None;
        for edge in net.edges_directed(node, petgraph::Direction::Incoming) {
            let Some(gap) = *edge.weight() else { continue };
            let source = edge.source();
            let Effect::Moved { to, .. } = effects[source.index()] else {
                continue;
            };
            let Some(old) = net[source] else { continue };
            let after = time - (to + gap);
            let before = time - (old + gap);
            if tightest.is_none_or(|(a, _, _)| after < a) {
                tightest = Some((after, before, source));
            }
        }
        if let Some((after, before, source)) = tightest {
            absorbed.push(Absorbed {
                moment: view(node),
                slack_before_seconds: before.num_seconds(),
                slack_after_seconds: after.num_seconds(),
                waits_on: reference(source),
            });
        }
    }
    absorbed
}

/// For a move earlier: the constraints into the moved moment that it now breaks.
fn broken(
    graph: &EventGraph,
    net: &Network,
    effects: &[Effect],
    (start, slip): (NodeIndex, Duration),
    view: impl Fn(NodeIndex) -> MomentView,
) -> Vec<Broken> {
    let mut broken = Vec::new();
    if let (Some(new), true) = (
        schedule::time_after(net, effects, start),
        slip < Duration::zero(),
    ) {
        for edge in net.edges_directed(start, petgraph::Direction::Incoming) {
            let (Some(gap), Some(source)) = (*edge.weight(), net[edge.source()]) else {
                continue;
            };
            if source + gap > new {
                broken.push(Broken {
                    after: view(edge.source()),
                    kind: graph.link(edge.id()).kind,
                    gap_seconds: gap.num_seconds(),
                    short_by_seconds: (source + gap - new).num_seconds(),
                });
            }
        }
    }
    broken
}
