//! `orbitline graph`: the event graph (or the neighbourhood of a subject) as a plain value, which
//! [`crate::report::graph`] writes as DOT, Mermaid or JSON.

use std::collections::{BTreeSet, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::{LinkView, MomentView, Subject};
use crate::catalog::links::EventGraph;
use crate::catalog::Catalog;

/// A node of the export.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExportNode {
    /// The moment.
    #[serde(flatten)]
    pub moment: MomentView,
    /// Its flight's id.
    pub flight: String,
    /// True for the moments of the focus subject.
    pub focus: bool,
}

/// An edge of the export.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExportEdge {
    /// The reference it starts from (what the other depends on).
    pub from: String,
    /// The reference it goes to.
    pub to: String,
    /// The link.
    #[serde(flatten)]
    pub link: LinkView,
}

/// A flight, for grouping nodes.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExportFlight {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// The graph or a neighbourhood of it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GraphExport {
    /// The subject of a neighbourhood (`null`: the whole graph).
    pub focus: Option<Subject>,
    /// The neighbourhood's radius in links, either way.
    pub depth: Option<usize>,
    /// The flights with nodes in it, in launch order.
    pub flights: Vec<ExportFlight>,
    /// The moments, flight by flight.
    pub nodes: Vec<ExportNode>,
    /// The links between them.
    pub edges: Vec<ExportEdge>,
}

/// The whole graph, or with `focus` the moments within `depth` links of it (either way).
pub fn graph_export(
    catalog: &Catalog,
    graph: &EventGraph,
    focus: Option<Subject>,
    depth: usize,
) -> GraphExport {
    let g = graph.graph();
    let centre: BTreeSet<NodeIndex> = focus
        .as_ref()
        .map(|s| s.nodes(graph).into_iter().collect())
        .unwrap_or_default();
    let keep: BTreeSet<NodeIndex> = if focus.is_some() {
        let mut seen = centre.clone();
        let mut queue: VecDeque<(NodeIndex, usize)> = centre.iter().map(|&n| (n, 0)).collect();
        while let Some((node, level)) = queue.pop_front() {
            if level >= depth {
                continue;
            }
            for next in g.neighbors_undirected(node) {
                if seen.insert(next) {
                    queue.push_back((next, level + 1));
                }
            }
        }
        seen
    } else {
        g.node_indices().collect()
    };
    let mut flights: Vec<ExportFlight> = Vec::new();
    for flight in catalog.flights() {
        if keep
            .iter()
            .any(|&n| graph.moment(n).flight_id() == flight.id)
        {
            flights.push(ExportFlight {
                id: flight.id.clone(),
                name: flight.name.clone(),
            });
        }
    }
    let mut nodes: Vec<ExportNode> = keep
        .iter()
        .map(|&n| ExportNode {
            moment: MomentView::new(catalog, graph, n),
            flight: graph.moment(n).flight_id().to_string(),
            focus: centre.contains(&n),
        })
        .collect();
    let flight_rank = |id: &str| flights.iter().position(|f| f.id == id);
    nodes.sort_by_key(|n| flight_rank(&n.flight));
    let edges = g
        .edge_references()
        .filter(|e| keep.contains(&e.source()) && keep.contains(&e.target()))
        .map(|e| ExportEdge {
            from: graph.moment(e.source()).reference.clone(),
            to: graph.moment(e.target()).reference.clone(),
            link: LinkView::new(catalog, e.weight()),
        })
        .collect();
    GraphExport {
        depth: focus.as_ref().map(|_| depth),
        focus,
        flights,
        nodes,
        edges,
    }
}
