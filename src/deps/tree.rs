//! `orbitline deps`: what a moment (or every moment of a flight or a stay) depends on, and what depends on
//! it, as trees. A moment reached a second time is shown once and marked `repeated`; `depth` cuts the
//! trees and marks where it cut.

use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::{LinkView, MomentView, Subject};
use crate::catalog::links::EventGraph;
use crate::catalog::Catalog;

/// Which trees to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// What it depends on.
    Upstream,
    /// What depends on it.
    Downstream,
    /// Both.
    #[default]
    Both,
}

/// One node of a dependency tree.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DepNode {
    /// The moment.
    pub moment: MomentView,
    /// The edges between it and its parent (several when they are linked in more than one way); empty at
    /// the root.
    pub via: Vec<LinkView>,
    /// Already shown higher in the tree: its own dependencies are not repeated.
    pub repeated: bool,
    /// The depth limit cut the tree here: it has dependencies not shown.
    pub truncated: bool,
    /// The next level.
    pub children: Vec<DepNode>,
}

/// The answer to `orbitline deps`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DepsReport {
    /// What was asked about.
    pub subject: Subject,
    /// The moments it stands for.
    pub moments: Vec<MomentView>,
    /// What it depends on: one tree per moment with dependencies (for a flight or a stay, only those
    /// outside it); `null` when not asked for.
    pub upstream: Option<Vec<DepNode>>,
    /// What depends on it, likewise.
    pub downstream: Option<Vec<DepNode>>,
    /// The depth limit, if any.
    pub depth: Option<usize>,
}

/// The dependency trees of `subject`.
pub fn trees(
    catalog: &Catalog,
    graph: &EventGraph,
    subject: Subject,
    direction: Direction,
    depth: Option<usize>,
) -> DepsReport {
    let roots = subject.nodes(graph);
    let build = |dir: petgraph::Direction| {
        let mut shown: Vec<NodeIndex> = roots.clone();
        roots
            .iter()
            .filter_map(|&root| {
                let mut node = TreeWalker {
                    catalog,
                    graph,
                    direction: dir,
                    depth,
                    group: &roots,
                }
                .expand(root, Vec::new(), 0, &mut shown);
                (!node.children.is_empty() || roots.len() == 1).then(|| {
                    node.via.clear();
                    node
                })
            })
            .collect::<Vec<_>>()
    };
    DepsReport {
        moments: roots
            .iter()
            .map(|&n| MomentView::new(catalog, graph, n))
            .collect(),
        upstream: (direction != Direction::Downstream)
            .then(|| build(petgraph::Direction::Incoming)),
        downstream: (direction != Direction::Upstream)
            .then(|| build(petgraph::Direction::Outgoing)),
        depth,
        subject,
    }
}

struct TreeWalker<'a> {
    catalog: &'a Catalog,
    graph: &'a EventGraph,
    direction: petgraph::Direction,
    depth: Option<usize>,
    /// The subject's moments: links among them are not shown (a flight's own sequence).
    group: &'a [NodeIndex],
}

impl TreeWalker<'_> {
    fn expand(
        &self,
        node: NodeIndex,
        via: Vec<LinkView>,
        level: usize,
        shown: &mut Vec<NodeIndex>,
    ) -> DepNode {
        // Neighbours with every edge to each, in edge order; a root skips its group's own moments.
        let mut neighbours: Vec<(NodeIndex, Vec<LinkView>)> = Vec::new();
        for (_, other, link) in self.graph.neighbours(node, self.direction) {
            if level == 0 && self.group.len() > 1 && self.group.contains(&other) {
                continue;
            }
            let view = LinkView::new(self.catalog, link);
            match neighbours.iter_mut().find(|(n, _)| *n == other) {
                Some((_, links)) => links.push(view),
                None => neighbours.push((other, vec![view])),
            }
        }
        let mut result = DepNode {
            moment: MomentView::new(self.catalog, self.graph, node),
            via,
            repeated: false,
            truncated: false,
            children: Vec::new(),
        };
        if self.depth.is_some_and(|d| level >= d) {
            result.truncated = !neighbours.is_empty();
            return result;
        }
        // Claim every child first, so that a moment reachable from two children is expanded under the
        // first of them only, at the shallowest level.
        let fresh: Vec<bool> = neighbours
            .iter()
            .map(|(n, _)| {
                let new = !shown.contains(n);
                if new {
                    shown.push(*n);
                }
                new
            })
            .collect();
        for ((other, links), fresh) in neighbours.into_iter().zip(fresh) {
            if fresh {
                result
                    .children
                    .push(self.expand(other, links, level + 1, shown));
            } else {
                let has_more = !self.graph.neighbours(other, self.direction).is_empty();
                result.children.push(DepNode {
                    moment: MomentView::new(self.catalog, self.graph, other),
                    via: links,
                    repeated: has_more,
                    truncated: false,
                    children: Vec::new(),
                });
            }
        }
        result
    }
}
