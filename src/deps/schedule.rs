//! The scheduling passes over a constraint network: each node a time (or `None` where unknown), each edge
//! the least time from its source to its target (or `None` for an edge that does not constrain, such as
//! `caused_by`). An edge `a → b` with gap `g` says `b ≥ a + g`.
//!
//! petgraph has no longest-path routine, so these are the classic passes over a topological order:
//! - [`propagate`] (forward): move one node and let every dependent move only as much as its constraints
//!   force, as a scheduler would: the slack between a node and what it waits for absorbs the rest. Moved
//!   earlier, a node takes with it the dependents that were waiting on it exactly (a rigid leg, whose gap
//!   is the flown time; a moment at the same instant with no gap), each as far as its other constraints
//!   allow; the others gain slack. The aliases of the moved node (moments at its instant, linked to it
//!   with no gap) move with it either way.
//! - [`latest`] (backward): the latest each node could be without moving a given target; the difference to
//!   its time is its *float*.
//! - [`critical_path`]: from one node to another, the chain of constraints with the least float (the
//!   first to bind when the start slips), and [`min_separation`], the longest path by gaps alone.
//!
//! They take the order as an argument and trust it: [`EventGraph::topological_order`] gives it.
//!
//! A node's time is one instant, but a time known only to the day or the minute stands for an interval.
//! [`network`] takes for such a node the earliest instant in its interval that its constraints allow
//! ([`tighten`]): a pad fire dated `1983-09-26Z` that follows a launch at 19:37:51 that day cannot have been
//! before 19:37:51, so a slip of the launch by an hour moves it by an hour (its interval starts an hour
//! later, its precision stays a day), not from midnight.

use chrono::{DateTime, Duration, Utc};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::catalog::links::EventGraph;
use crate::model::Time;

/// Node times and edge gaps, indexed like the event graph.
pub type Network = DiGraph<Option<DateTime<Utc>>, Option<Duration>>;

/// The constraint network of a graph: each node's instant and each edge's gap (`None` for edges that do
/// not constrain times), with the same indices as [`EventGraph::graph`]. The passes here work on it. A
/// node whose time is an interval (a date, a minute) gets the earliest instant of it its constraints
/// allow (see [`tighten`]).
pub fn network(graph: &EventGraph) -> Network {
    let mut net = graph.graph().map(|_, m| m.instant(), |_, l| l.gap);
    if let Some(order) = graph.topological_order() {
        let ends: Vec<Option<DateTime<Utc>>> = graph
            .graph()
            .node_weights()
            .map(|m| m.time.as_ref().map(Time::latest))
            .collect();
        tighten(&mut net, order, &ends);
    }
    net
}

/// Moves each node whose time is an interval (from its instant, the interval's start, to `ends[node]`,
/// its exclusive end) to the earliest instant in it that the constraints into it allow, in `order`, so
/// that a tightened node tightens what follows it. A node known to the second (its end is its instant)
/// stays; so does a node whose constraints ask for more than its interval holds (the data breaks them,
/// and the breach is for the checks to show, not to hide by moving the node).
pub fn tighten(net: &mut Network, order: &[NodeIndex], ends: &[Option<DateTime<Utc>>]) {
    for &node in order {
        let (Some(start), Some(end)) = (net[node], ends[node.index()]) else {
            continue;
        };
        if end <= start {
            continue;
        }
        let bound = net
            .edges_directed(node, Direction::Incoming)
            .filter_map(|edge| Some(net[edge.source()]? + (*edge.weight())?))
            .max();
        if let Some(bound) = bound.filter(|&b| b > start && b < end) {
            net[node] = Some(bound);
        }
    }
}

/// What a slip does to one node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Not reached, or its slack absorbed the slip.
    Unmoved,
    /// It moves to `to` (by `to − old time`), forced by `by` (the edge whose constraint binds; `None` for
    /// the node that was moved by hand).
    Moved {
        /// The new time.
        to: DateTime<Utc>,
        /// The binding edge.
        by: Option<EdgeIndex>,
    },
    /// Its time is not known; the slip means it cannot be before `at_least`.
    Unknown {
        /// The new lower bound.
        at_least: DateTime<Utc>,
        /// The binding edge.
        by: EdgeIndex,
    },
}

/// The time a node has after the slip, where known: its new time if it moved, else its old one (or the
/// new lower bound of a node whose time is unknown).
pub fn time_after(net: &Network, effects: &[Effect], node: NodeIndex) -> Option<DateTime<Utc>> {
    match effects[node.index()] {
        Effect::Moved { to, .. } => Some(to),
        Effect::Unknown { at_least, .. } => Some(at_least),
        Effect::Unmoved => net[node],
    }
}

/// Forward pass: moves `start` by `delta` and propagates through the edges that constrain. Returns one
/// [`Effect`] per node. A node without a time at `start` moves nothing.
pub fn propagate(
    net: &Network,
    order: &[NodeIndex],
    start: NodeIndex,
    delta: Duration,
) -> Vec<Effect> {
    let mut effects = vec![Effect::Unmoved; net.node_count()];
    let Some(time) = net[start] else {
        return effects;
    };
    // The moment under all its names: `start` and the moments before it at the same instant, linked
    // to it with no gap (an emergency launch that is the launch).
    let mut aliases = vec![start];
    let mut next = 0;
    while let Some(&node) = aliases.get(next) {
        next += 1;
        for edge in net.edges_directed(node, Direction::Incoming) {
            let source = edge.source();
            if *edge.weight() == Some(Duration::zero())
                && net[source] == Some(time)
                && !aliases.contains(&source)
            {
                aliases.push(source);
            }
        }
    }
    for &alias in &aliases {
        effects[alias.index()] = Effect::Moved {
            to: time + delta,
            by: None,
        };
    }
    let Some(position) = order.iter().position(|n| aliases.contains(n)) else {
        return effects;
    };
    for &node in &order[position + 1..] {
        if aliases.contains(&node) {
            continue;
        }
        if let Some(effect) = moved_by_predecessors(net, &effects, node) {
            effects[node.index()] = effect;
        }
    }
    effects
}

/// What the moved predecessors of `node` do to it (`None`: none of them moved). Only moved predecessors
/// can force a move later: the others' constraints held before the slip. A predecessor that moved
/// earlier pulls `node` with it when `node` was waiting on it exactly (its time was that predecessor's
/// plus the gap), to the earliest time all its constraints allow.
fn moved_by_predecessors(net: &Network, effects: &[Effect], node: NodeIndex) -> Option<Effect> {
    let mut bound: Option<(DateTime<Utc>, EdgeIndex)> = None;
    let mut pulled_by: Option<EdgeIndex> = None;
    for edge in net.edges_directed(node, Direction::Incoming) {
        let Some(gap) = *edge.weight() else { continue };
        let source = edge.source();
        if matches!(effects[source.index()], Effect::Unmoved) {
            continue;
        }
        let Some(source_time) = time_after(net, effects, source) else {
            continue;
        };
        let candidate = source_time + gap;
        if bound.is_none_or(|(b, e)| candidate > b || (candidate == b && edge.id() < e)) {
            bound = Some((candidate, edge.id()));
        }
        let waited_exactly = net[source]
            .zip(net[node])
            .is_some_and(|(s, n)| s + gap == n);
        if waited_exactly && net[source].is_some_and(|s| source_time < s) {
            pulled_by = pulled_by.or(Some(edge.id()));
        }
    }
    let (at_least, by) = bound?;
    Some(match net[node] {
        Some(old) if at_least > old => Effect::Moved {
            to: at_least,
            by: Some(by),
        },
        Some(old) => match pulled_by {
            // Every constraint into it, moved or not, as it stands after the slip.
            Some(pull) => {
                let earliest = net
                    .edges_directed(node, Direction::Incoming)
                    .filter_map(|e| Some(time_after(net, effects, e.source())? + (*e.weight())?))
                    .max()
                    .unwrap_or(at_least);
                if earliest < old {
                    Effect::Moved {
                        to: earliest,
                        by: Some(pull),
                    }
                } else {
                    Effect::Unmoved
                }
            }
            None => Effect::Unmoved,
        },
        None => Effect::Unknown { at_least, by },
    })
}

/// How much later `node` could be than it is before any constraint into it binds: its time minus the
/// tightest `source + gap` over the constraining edges into it, taking every time as it is after the slip
/// in `effects`, or as recorded (`effects` empty). Negative: a constraint is broken. `None` when nothing constrains it or a time
/// is unknown.
pub fn slack(net: &Network, effects: &[Effect], node: NodeIndex) -> Option<Duration> {
    let time = if effects.is_empty() {
        net[node]?
    } else {
        time_after(net, effects, node)?
    };
    net.edges_directed(node, Direction::Incoming)
        .filter_map(|edge| {
            let gap = (*edge.weight())?;
            let source = if effects.is_empty() {
                net[edge.source()]?
            } else {
                time_after(net, effects, edge.source())?
            };
            Some(time - (source + gap))
        })
        .min()
}

/// Backward pass: for every node from which `to` can be reached through constraining edges, the latest
/// time it could have without moving `to`. `None` elsewhere, and everywhere when `to` has no time.
pub fn latest(net: &Network, order: &[NodeIndex], to: NodeIndex) -> Vec<Option<DateTime<Utc>>> {
    let mut latest = vec![None; net.node_count()];
    let Some(end) = net[to] else {
        return latest;
    };
    latest[to.index()] = Some(end);
    let Some(position) = order.iter().position(|&n| n == to) else {
        return latest;
    };
    for &node in order[..position].iter().rev() {
        latest[node.index()] = net
            .edges_directed(node, Direction::Outgoing)
            .filter_map(|edge| {
                let gap = (*edge.weight())?;
                let successor: DateTime<Utc> = latest[edge.target().index()]?;
                Some(successor - gap)
            })
            .min();
    }
    latest
}

/// Forward pass by gaps alone: the least time the constraints force between `from` and every node after
/// it (the longest path by gap). `None` where `from` does not lead.
pub fn min_separation(
    net: &Network,
    order: &[NodeIndex],
    from: NodeIndex,
) -> Vec<Option<Duration>> {
    let mut separation = vec![None; net.node_count()];
    separation[from.index()] = Some(Duration::zero());
    let Some(position) = order.iter().position(|&n| n == from) else {
        return separation;
    };
    for &node in &order[position + 1..] {
        separation[node.index()] = net
            .edges_directed(node, Direction::Incoming)
            .filter_map(|edge| {
                let gap = (*edge.weight())?;
                Some(separation[edge.source().index()]? + gap)
            })
            .max();
    }
    separation
}

/// The critical path from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriticalPath {
    /// The nodes, `from` first, `to` last.
    pub nodes: Vec<NodeIndex>,
    /// The edges between them (`edges[i]` from `nodes[i]` to `nodes[i + 1]`).
    pub edges: Vec<EdgeIndex>,
    /// The float of each node: how much later it could be without moving `to`.
    pub float: Vec<Duration>,
    /// The least time the constraints alone force between `from` and `to` (the longest path by gaps).
    pub min_separation: Duration,
}

/// The chain of constraints from `from` to `to` with the least float: at each node, the successor whose
/// constraint binds first. `None` when no chain of constraining edges leads from `from` to `to`, or a
/// time on it is unknown.
pub fn critical_path(
    net: &Network,
    order: &[NodeIndex],
    from: NodeIndex,
    to: NodeIndex,
) -> Option<CriticalPath> {
    let latest = latest(net, order, to);
    latest[from.index()]?;
    let separation = min_separation(net, order, from);
    let mut nodes = vec![from];
    let mut edges = Vec::new();
    let mut float = Vec::new();
    let mut at = from;
    loop {
        float.push(latest[at.index()]? - net[at]?);
        if at == to {
            break;
        }
        let (edge, next) = net
            .edges_directed(at, Direction::Outgoing)
            .filter_map(|edge| {
                let gap = (*edge.weight())?;
                let bound = latest[edge.target().index()]? - gap;
                Some((bound, edge.id(), edge.target()))
            })
            .min()
            .map(|(_, edge, next)| (edge, next))?;
        nodes.push(next);
        edges.push(edge);
        at = next;
    }
    Some(CriticalPath {
        nodes,
        edges,
        float,
        min_separation: separation[to.index()]?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn hour(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap() + Duration::hours(h)
    }

    fn h(n: i64) -> Option<Duration> {
        Some(Duration::hours(n))
    }

    /// a(0 h) → b(2 h) rigid 2 h; a → c(10 h) gap 0; b → c gap 1 h; c → d(12 h) gap 2 h;
    /// and x(1 h) → d by caused_by (no gap: does not constrain).
    fn diamond() -> (Network, [NodeIndex; 5], Vec<NodeIndex>) {
        let mut net = Network::new();
        let a = net.add_node(Some(hour(0)));
        let b = net.add_node(Some(hour(2)));
        let c = net.add_node(Some(hour(10)));
        let d = net.add_node(Some(hour(12)));
        let x = net.add_node(Some(hour(1)));
        net.add_edge(a, b, h(2));
        net.add_edge(a, c, h(0));
        net.add_edge(b, c, h(1));
        net.add_edge(c, d, h(2));
        net.add_edge(x, d, None);
        let order = petgraph::algo::toposort(&net, None).unwrap();
        (net, [a, b, c, d, x], order)
    }

    fn moved_by(net: &Network, effects: &[Effect], node: NodeIndex) -> Option<i64> {
        match effects[node.index()] {
            Effect::Moved { to, .. } => Some((to - net[node].unwrap()).num_hours()),
            _ => None,
        }
    }

    #[test]
    fn a_small_slip_is_absorbed_by_slack() {
        // a +5 h: b must be ≥ 5 + 2 = 7 (was 2): +5 h. c must be ≥ max(5 + 0, 7 + 1) = 8, is 10: unmoved,
        // with 2 h of slack left (it had 10 − max(0, 2 + 1) = 7 h). d unmoved.
        let (net, [a, b, c, d, x], order) = diamond();
        let effects = propagate(&net, &order, a, Duration::hours(5));
        assert_eq!(moved_by(&net, &effects, a), Some(5));
        assert_eq!(moved_by(&net, &effects, b), Some(5));
        assert_eq!(effects[c.index()], Effect::Unmoved);
        assert_eq!(effects[d.index()], Effect::Unmoved);
        assert_eq!(effects[x.index()], Effect::Unmoved);
        assert_eq!(slack(&net, &[], c), h(7));
        assert_eq!(slack(&net, &effects, c), h(2));
    }

    #[test]
    fn a_large_slip_moves_dependents_only_as_far_as_forced() {
        // a +10 h: b = 12 (+10); c ≥ max(10, 13) = 13 (+3, forced by b → c); d ≥ 13 + 2 = 15 (+3).
        let (net, [a, b, c, d, _], order) = diamond();
        let effects = propagate(&net, &order, a, Duration::hours(10));
        assert_eq!(moved_by(&net, &effects, b), Some(10));
        assert_eq!(moved_by(&net, &effects, c), Some(3));
        assert_eq!(moved_by(&net, &effects, d), Some(3));
        let b_to_c = net.find_edge(b, c).unwrap();
        assert!(matches!(effects[c.index()], Effect::Moved { by: Some(e), .. } if e == b_to_c));
    }

    #[test]
    fn an_earlier_time_drags_nothing_that_had_slack() {
        let (net, [_, b, c, d, _], order) = diamond();
        let effects = propagate(&net, &order, b, Duration::hours(-1));
        assert_eq!(moved_by(&net, &effects, b), Some(-1));
        assert_eq!(effects[c.index()], Effect::Unmoved);
        assert_eq!(effects[d.index()], Effect::Unmoved);
        // b's own constraint no longer holds: a + 2 h = 2 h > 1 h.
        assert_eq!(slack(&net, &effects, b), h(-1));
    }

    #[test]
    fn an_earlier_rigid_leg_pulls_its_end_and_slack_absorbs_the_rest() {
        // launch(0) → docking(3 h) rigid 3 h → undocking(100 h) gap 0; launch → event(0 h) gap 0 (the
        // same instant: an alias). Launch −2 h: docking −2 h, the event −2 h, undocking unmoved (slack).
        let mut net = Network::new();
        let launch = net.add_node(Some(hour(0)));
        let docking = net.add_node(Some(hour(3)));
        let undocking = net.add_node(Some(hour(100)));
        let event = net.add_node(Some(hour(0)));
        net.add_edge(launch, docking, h(3));
        net.add_edge(docking, undocking, h(0));
        let alias = net.add_edge(launch, event, h(0));
        let order = vec![launch, event, docking, undocking];
        let effects = propagate(&net, &order, launch, Duration::hours(-2));
        assert_eq!(moved_by(&net, &effects, docking), Some(-2));
        assert_eq!(moved_by(&net, &effects, event), Some(-2));
        assert!(matches!(effects[event.index()], Effect::Moved { by: Some(e), .. } if e == alias));
        assert_eq!(effects[undocking.index()], Effect::Unmoved);
        assert_eq!(slack(&net, &effects, undocking), h(99));
        // The same slip, positive, moves the same moments by the same amount.
        let later = propagate(&net, &order, launch, Duration::hours(2));
        assert_eq!(moved_by(&net, &later, docking), Some(2));
        assert_eq!(moved_by(&net, &later, event), Some(2));
    }

    #[test]
    fn a_pulled_moment_stops_where_another_constraint_holds_it() {
        // a(0) → c(5 h) rigid 5 h; b(4 h) → c gap 0, b unmoved. a −3 h: c could be at 2 h by a, but b
        // holds it at 4 h: −1 h.
        let mut net = Network::new();
        let a = net.add_node(Some(hour(0)));
        let b = net.add_node(Some(hour(4)));
        let c = net.add_node(Some(hour(5)));
        net.add_edge(a, c, h(5));
        net.add_edge(b, c, h(0));
        let effects = propagate(&net, &[a, b, c], a, Duration::hours(-3));
        assert_eq!(moved_by(&net, &effects, c), Some(-1));
    }

    #[test]
    fn slipping_an_alias_moves_the_moment_it_names() {
        // launch(0) → emergency(0) gap 0: slipping the emergency launch moves the launch too.
        let mut net = Network::new();
        let launch = net.add_node(Some(hour(0)));
        let emergency = net.add_node(Some(hour(0)));
        let docking = net.add_node(Some(hour(3)));
        net.add_edge(launch, emergency, h(0));
        net.add_edge(launch, docking, h(3));
        let effects = propagate(
            &net,
            &[launch, emergency, docking],
            emergency,
            Duration::hours(-2),
        );
        assert_eq!(
            effects[launch.index()],
            Effect::Moved {
                to: hour(-2),
                by: None
            }
        );
        assert_eq!(moved_by(&net, &effects, docking), Some(-2));
    }

    #[test]
    fn latest_times_and_float_towards_d() {
        // latest(d) = 12; latest(c) = 12 − 2 = 10; latest(b) = 10 − 1 = 9;
        // latest(a) = min(9 − 2, 10 − 0) = 7. x reaches d only by caused_by: None.
        let (net, [a, b, c, d, x], order) = diamond();
        let latest = latest(&net, &order, d);
        assert_eq!(latest[d.index()], Some(hour(12)));
        assert_eq!(latest[c.index()], Some(hour(10)));
        assert_eq!(latest[b.index()], Some(hour(9)));
        assert_eq!(latest[a.index()], Some(hour(7)));
        assert_eq!(latest[x.index()], None);
        // Float of a is 7 h: a slip of 7 h leaves d alone, 8 h moves it.
        assert_eq!(
            propagate(&net, &order, a, Duration::hours(7))[d.index()],
            Effect::Unmoved
        );
        assert!(matches!(
            propagate(&net, &order, a, Duration::hours(8))[d.index()],
            Effect::Moved { .. }
        ));
    }

    #[test]
    fn critical_path_follows_the_least_float() {
        // a → b → c → d: floats 7, 7, 0, 0 (a → c directly would leave a 10 h of float).
        // By gaps alone: a → b → c → d = 2 + 1 + 2 = 5 h (a → c → d is only 2 h).
        let (net, [a, b, c, d, x], order) = diamond();
        let path = critical_path(&net, &order, a, d).unwrap();
        assert_eq!(path.nodes, vec![a, b, c, d]);
        let floats: Vec<i64> = path.float.iter().map(|f| f.num_hours()).collect();
        assert_eq!(floats, vec![7, 7, 0, 0]);
        assert_eq!(path.min_separation, Duration::hours(5));
        assert_eq!(path.edges.len(), 3);
        assert!(
            critical_path(&net, &order, x, d).is_none(),
            "caused_by only"
        );
        assert!(critical_path(&net, &order, d, a).is_none(), "backwards");
    }

    #[test]
    fn an_unknown_time_gets_a_lower_bound() {
        // p(0 h) → q(unknown) gap 3 h. p +1 h: q ≥ 4 h.
        let mut net = Network::new();
        let p = net.add_node(Some(hour(0)));
        let q = net.add_node(None);
        let e = net.add_edge(p, q, h(3));
        let order = vec![p, q];
        let effects = propagate(&net, &order, p, Duration::hours(1));
        assert_eq!(
            effects[q.index()],
            Effect::Unknown {
                at_least: hour(4),
                by: e
            }
        );
        assert_eq!(latest(&net, &order, q), vec![None, None]);
    }

    /// Each node's end of interval, for [`tighten`].
    type Ends = Vec<Option<DateTime<Utc>>>;

    /// Soyuz T-10-1: launch (the escape) 1983-09-26T19:37:51Z → pad fire, known only as `1983-09-26Z`
    /// (gap 0) → landing 19:43:21Z (gap 0); and launch → landing rigid, 5 min 30 s.
    fn pad_abort() -> (Network, [NodeIndex; 3], Vec<NodeIndex>, Ends) {
        let at = |text: &str| Time::parse(text).unwrap();
        let (launch_time, fire_time, landing_time) = (
            at("1983-09-26T19:37:51Z"),
            at("1983-09-26Z"),
            at("1983-09-26T19:43:21Z"),
        );
        let mut net = Network::new();
        let launch = net.add_node(Some(launch_time.instant()));
        let fire = net.add_node(Some(fire_time.instant()));
        let landing = net.add_node(Some(landing_time.instant()));
        net.add_edge(launch, landing, Some(Duration::seconds(330)));
        net.add_edge(launch, fire, h(0));
        net.add_edge(fire, landing, h(0));
        let ends = vec![
            Some(launch_time.latest()),
            Some(fire_time.latest()),
            Some(landing_time.latest()),
        ];
        (
            net,
            [launch, fire, landing],
            vec![launch, fire, landing],
            ends,
        )
    }

    #[test]
    fn a_date_after_a_known_instant_starts_there() {
        let (mut net, [launch, fire, landing], order, ends) = pad_abort();
        let midnight = net[fire].unwrap();
        tighten(&mut net, &order, &ends);
        assert_eq!(
            net[fire], net[launch],
            "the fire cannot be before the escape"
        );
        assert!(net[fire].unwrap() > midnight);
        // Times known to the second stay as they are.
        assert_eq!(
            net[landing],
            Some(Time::parse("1983-09-26T19:43:21Z").unwrap().instant())
        );
    }

    #[test]
    fn a_date_moves_with_the_slip_never_by_more() {
        let (mut net, [launch, fire, landing], order, ends) = pad_abort();
        tighten(&mut net, &order, &ends);
        let effects = propagate(&net, &order, launch, Duration::hours(1));
        let moved = |node: NodeIndex| match effects[node.index()] {
            Effect::Moved { to, .. } => Some(to - net[node].unwrap()),
            _ => None,
        };
        assert_eq!(moved(fire), Some(Duration::hours(1)));
        assert_eq!(moved(landing), Some(Duration::hours(1)));
        // The date's interval moves by the same hour and stays a date.
        let shifted = Time::parse("1983-09-26Z")
            .unwrap()
            .shifted(moved(fire).unwrap());
        assert_eq!(shifted.precision(), crate::model::Precision::Day);
        assert_eq!(shifted.as_str(), "1983-09-26Z");
        // A slip within the slack a date leaves nothing earlier, and a small one moves it by no more.
        let small = propagate(&net, &order, launch, Duration::seconds(1));
        assert!(
            matches!(small[fire.index()], Effect::Moved { to, .. } if to - net[fire].unwrap() == Duration::seconds(1))
        );
    }

    #[test]
    fn a_constraint_the_interval_cannot_meet_leaves_the_date_alone() {
        // p at 1983-09-27T01:00Z must precede a date 1983-09-26Z: the data breaks it; nothing is invented.
        let mut net = Network::new();
        let p = net.add_node(Some(Time::parse("1983-09-27T01:00Z").unwrap().instant()));
        let date = Time::parse("1983-09-26Z").unwrap();
        let q = net.add_node(Some(date.instant()));
        net.add_edge(p, q, h(0));
        tighten(&mut net, &[p, q], &[None, Some(date.latest())]);
        assert_eq!(net[q], Some(date.instant()));
    }

    #[test]
    fn a_chain_of_rigid_legs_moves_as_one() {
        // launch(0) → docking(3 h) rigid 3 h → undocking(100 h) gap 0 → landing(105 h) rigid 5 h.
        // Launch +10 h: docking +10 h; undocking has 97 h of slack: unmoved; landing unmoved.
        // Launch +99 h: docking at 102 h, undocking forced to 102 h (+2 h), landing to 107 h (+2 h).
        let mut net = Network::new();
        let launch = net.add_node(Some(hour(0)));
        let docking = net.add_node(Some(hour(3)));
        let undocking = net.add_node(Some(hour(100)));
        let landing = net.add_node(Some(hour(105)));
        net.add_edge(launch, docking, h(3));
        net.add_edge(docking, undocking, h(0));
        net.add_edge(undocking, landing, h(5));
        let order = vec![launch, docking, undocking, landing];
        let small = propagate(&net, &order, launch, Duration::hours(10));
        assert_eq!(moved_by(&net, &small, docking), Some(10));
        assert_eq!(small[undocking.index()], Effect::Unmoved);
        let large = propagate(&net, &order, launch, Duration::hours(99));
        assert_eq!(moved_by(&net, &large, undocking), Some(2));
        assert_eq!(moved_by(&net, &large, landing), Some(2));
        let path = critical_path(&net, &order, launch, landing).unwrap();
        let floats: Vec<i64> = path.float.iter().map(|f| f.num_hours()).collect();
        assert_eq!(floats, vec![97, 97, 0, 0]);
        assert_eq!(path.min_separation, Duration::hours(8));
    }
}
