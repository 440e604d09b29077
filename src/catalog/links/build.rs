//! Building the [`EventGraph`](super::EventGraph): each flight's backbone of own moments with its events
//! chained between them, then the crew edges between flights, then the `caused_by` and `after` edges
//! written in the data.

use std::collections::HashMap;

use chrono::Duration;
use petgraph::graph::{DiGraph, NodeIndex};

use super::{
    explicit_links, has_explicit_links, FlightNodes, Link, LinkKind, Moment, MomentIndex,
    MomentKind, Origin,
};
use crate::catalog::Stay;
use crate::json_path;
use crate::model::{Event, Flight, Time};

/// The graph while it is built, with its index of moments by reference.
pub(super) struct Builder {
    pub(super) graph: DiGraph<Moment, Link>,
    pub(super) index: MomentIndex,
}

/// One of a flight's own moments (launch, docking, undocking, landing: the backbone its events hang
/// between), before it becomes a node.
struct BackboneMoment<'a> {
    id: &'static str,
    kind: MomentKind,
    time: Option<&'a Time>,
    planned: Option<&'a Time>,
}

impl Builder {
    fn add(&mut self, moment: Moment) -> NodeIndex {
        self.graph.add_node(moment)
    }

    fn sequence(&mut self, from: NodeIndex, to: NodeIndex, rigid: bool) {
        let gap = match (rigid, self.graph[from].instant(), self.graph[to].instant()) {
            (true, Some(a), Some(b)) if b >= a => b - a,
            _ => Duration::zero(),
        };
        let mut link = Link::plain(LinkKind::Sequence, Some(gap));
        link.rigid = rigid && gap > Duration::zero();
        self.graph.add_edge(from, to, link);
    }

    /// Adds the flight's moments and sequence edges, and indexes them.
    pub(super) fn flight(&mut self, f: usize, flight: &Flight) {
        let start = self.graph.node_count();
        let arrival = self.moments(f, flight);
        let nodes = FlightNodes {
            start,
            end: self.graph.node_count(),
            arrival,
        };
        self.index.flights.insert(flight.id.clone(), nodes);
    }

    /// Adds the flight's moments and sequence edges; returns the crew's arrival (docking, else launch).
    fn moments(&mut self, f: usize, flight: &Flight) -> NodeIndex {
        let backbone: Vec<(MomentKind, NodeIndex)> = backbone_of(flight)
            .iter()
            .map(|o| {
                let node = self.add(Moment {
                    flight: f,
                    reference: format!("{}/{}", flight.id, o.id),
                    kind: o.kind,
                    time: o.time.or(o.planned).cloned(),
                    planned_only: o.time.is_none() && o.planned.is_some(),
                    title: None,
                });
                (o.kind, node)
            })
            .collect();
        let arrival = backbone
            .iter()
            .find(|(k, _)| *k == MomentKind::Docking)
            .unwrap_or(&backbone[0])
            .1;
        let (in_flight, after_landing) = events_by_landing(flight);
        let segments = self.segments(f, flight, &backbone, in_flight);
        self.chain_backbone(&backbone, &segments);
        // After the landing: the crew's events, chained from their arrival.
        let mut previous = arrival;
        for (_, event) in after_landing {
            let node = self.event_node(f, flight, event);
            self.sequence(previous, node, false);
            previous = node;
        }
        arrival
    }

    /// Adds the in-flight events as nodes, each in the segment that starts at the last own moment (before
    /// the landing) not after it: one list of nodes per backbone moment.
    fn segments(
        &mut self,
        f: usize,
        flight: &Flight,
        backbone: &[(MomentKind, NodeIndex)],
        in_flight: Vec<(usize, &Event)>,
    ) -> Vec<Vec<NodeIndex>> {
        let mut segments: Vec<Vec<NodeIndex>> = vec![Vec::new(); backbone.len()];
        for (_, event) in in_flight {
            let node = self.event_node(f, flight, event);
            let at = event.time.instant();
            let segment = backbone
                .iter()
                .enumerate()
                .filter(|(i, (kind, n))| {
                    *i == 0
                        || (*kind != MomentKind::Landing
                            && self.graph[*n].instant().is_some_and(|t| t <= at))
                })
                .map(|(i, _)| i)
                .next_back()
                .unwrap_or(0);
            segments[segment].push(node);
        }
        segments
    }

    /// Sequence edges along the backbone, through the events of each segment; a rigid leg (one the
    /// vehicle flies on its own) keeps its direct edge too.
    fn chain_backbone(
        &mut self,
        backbone: &[(MomentKind, NodeIndex)],
        segments: &[Vec<NodeIndex>],
    ) {
        for (i, window) in backbone.windows(2).enumerate() {
            let ((from_kind, from), (to_kind, to)) = (window[0], window[1]);
            let rigid = matches!(
                (from_kind, to_kind),
                (MomentKind::Launch, MomentKind::Docking)
                    | (MomentKind::Undocking, MomentKind::Landing)
                    | (MomentKind::Launch, MomentKind::Landing)
            );
            let inside = &segments[i];
            if rigid || inside.is_empty() {
                self.sequence(from, to, rigid);
            }
            let mut previous = from;
            for &node in inside {
                self.sequence(previous, node, false);
                previous = node;
            }
            if !inside.is_empty() {
                self.sequence(previous, to, false);
            }
        }
        if backbone.len() == 1 {
            let mut previous = backbone[0].1;
            for &node in &segments[0] {
                self.sequence(previous, node, false);
                previous = node;
            }
        }
    }

    fn event_node(&mut self, f: usize, flight: &Flight, event: &Event) -> NodeIndex {
        self.add(Moment {
            flight: f,
            reference: format!("{}/{}", flight.id, event.id),
            kind: MomentKind::Event(event.kind),
            time: Some(event.time.clone()),
            planned_only: false,
            title: event.title.clone(),
        })
    }

    /// Crew edges, one pair per crew (stays with the same up and down flights).
    pub(super) fn crews(&mut self, flights: &[&Flight], stays: &[Stay]) {
        // Grouped in the order the stays come, through an index: one pass, not one search per stay.
        let mut crews: Vec<((&str, &str), Vec<String>)> = Vec::new();
        let mut crew_of: HashMap<(&str, &str), usize> = HashMap::new();
        for stay in stays {
            let Some(down) = stay.down.as_deref() else {
                continue;
            };
            let key = (stay.up.as_str(), down);
            match crew_of.get(&key) {
                Some(&i) => crews[i].1.push(stay.astronaut.clone()),
                None => {
                    crew_of.insert(key, crews.len());
                    crews.push((key, vec![stay.astronaut.clone()]));
                }
            }
        }
        for ((up, down), astronauts) in crews {
            let astronauts: std::sync::Arc<[String]> = astronauts.into();
            let (Some(launch), Some(landing), Some(arrival)) = (
                self.index.moment(&self.graph, up, "launch"),
                self.index.moment(&self.graph, down, "landing"),
                self.index.flights.get(down).map(|n| n.arrival),
            ) else {
                continue;
            };
            let swap = up != down;
            // A flight that did not dock arrives with its launch: one edge, not two.
            let sources = if arrival == launch {
                vec![launch]
            } else {
                vec![launch, arrival]
            };
            for from in sources {
                let mut link = Link::plain(LinkKind::Crew, Some(Duration::zero()));
                link.crew = astronauts.clone();
                link.swap = swap;
                self.graph.add_edge(from, landing, link);
            }
            // Events after the up flight's landing belong to the stay of a crew that stayed on (a swap):
            // the last one precedes their down landing. A crew down on its up flight landed before them
            // (Soyuz TM-18's crew, home before Polyakov's record on that flight's file).
            let up_flight = self
                .index
                .flights
                .get(up)
                .filter(|_| swap)
                .map(|n| flights[self.graph[NodeIndex::new(n.start)].flight]);
            if let Some(up_flight) = up_flight {
                let landed = up_flight.landing_time();
                let last = up_flight
                    .events
                    .iter()
                    .filter(|e| landed.is_some_and(|l| l.surely_before(&e.time)))
                    .max_by_key(|e| e.time.instant());
                if let Some(event) = last {
                    if let Some(node) = self.index.moment(&self.graph, up, &event.id) {
                        let mut link = Link::plain(LinkKind::Crew, Some(Duration::zero()));
                        link.crew = astronauts.clone();
                        link.swap = swap;
                        self.graph.add_edge(node, landing, link);
                    }
                }
            }
        }
    }

    /// `caused_by` and `after` edges written in the flight's file.
    pub(super) fn explicit(&mut self, f: usize, flight: &Flight) {
        if !has_explicit_links(flight) {
            return;
        }
        for (reference, path, caused_by, after) in explicit_links(flight) {
            let Some(target) = self.index.get(&self.graph, &reference) else {
                continue;
            };
            for (j, cause) in caused_by.iter().enumerate() {
                if let Some(source) = self.index.get(&self.graph, cause) {
                    let mut link = Link::plain(LinkKind::CausedBy, None);
                    let mut at = path.clone();
                    at.extend(json_path!["caused_by", j]);
                    link.origin = Some(Origin {
                        flight: f,
                        path: at,
                    });
                    self.graph.add_edge(source, target, link);
                }
            }
            for (j, entry) in after.iter().enumerate() {
                if let Some(source) = self.index.get(&self.graph, &entry.event) {
                    let gap = entry
                        .min_gap
                        .as_ref()
                        .map_or(Duration::zero(), |g| g.duration());
                    let mut link = Link::plain(LinkKind::After, Some(gap));
                    let mut at = path.clone();
                    at.extend(json_path!["after", j, "event"]);
                    link.origin = Some(Origin {
                        flight: f,
                        path: at,
                    });
                    self.graph.add_edge(source, target, link);
                }
            }
        }
    }
}

/// The flight's own moments in order: launch, then docking, undocking and landing where it has them.
fn backbone_of(flight: &Flight) -> Vec<BackboneMoment<'_>> {
    let mut backbone = vec![BackboneMoment {
        id: "launch",
        kind: MomentKind::Launch,
        time: flight.launch.time.as_ref(),
        planned: flight.launch.planned.as_ref(),
    }];
    if let Some(d) = &flight.docking {
        backbone.push(BackboneMoment {
            id: "docking",
            kind: MomentKind::Docking,
            time: d.time.as_ref(),
            planned: d.planned.as_ref(),
        });
    }
    if let Some(u) = &flight.undocking {
        backbone.push(BackboneMoment {
            id: "undocking",
            kind: MomentKind::Undocking,
            time: u.time.as_ref(),
            planned: u.planned.as_ref(),
        });
    }
    if let Some(l) = &flight.landing {
        backbone.push(BackboneMoment {
            id: "landing",
            kind: MomentKind::Landing,
            time: l.time.as_ref(),
            planned: l.planned.as_ref(),
        });
    }
    backbone
}

/// Events with their place in the flight's file.
type NumberedEvents<'a> = Vec<(usize, &'a Event)>;

/// The flight's events in time order (file order on ties), split into those during the flight and those
/// surely after its landing (which belong to the crew's stay).
fn events_by_landing(flight: &Flight) -> (NumberedEvents<'_>, NumberedEvents<'_>) {
    let mut events: Vec<(usize, &Event)> = flight.events.iter().enumerate().collect();
    events.sort_by_key(|(i, e)| (e.time.instant(), *i));
    let landing = flight.landing_time();
    let (after_landing, in_flight): (Vec<_>, Vec<_>) = events
        .into_iter()
        .partition(|(_, e)| landing.is_some_and(|l| l.surely_before(&e.time)));
    (in_flight, after_landing)
}
