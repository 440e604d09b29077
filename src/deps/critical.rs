//! `orbitline critical FROM TO`: the chain of constraints from one moment to another that binds first, with
//! the float of every moment on it (how much later it could be without moving TO) and the slack of every
//! link (how much later its source could be before the link binds).

use serde::Serialize;

use super::schedule;
use super::{LinkView, MomentView, Subject};
use crate::catalog::links::EventGraph;
use crate::catalog::Catalog;
use crate::timeline::QueryError;

/// The link from one step of the path to the next.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StepLink {
    /// The edge.
    pub link: LinkView,
    /// The time between the two moments minus the link's gap (seconds): how much of the float this link
    /// holds.
    pub slack_seconds: i64,
}

/// One moment on the critical path.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CriticalStep {
    /// The moment.
    pub moment: MomentView,
    /// How much later it could be without moving TO (seconds).
    pub float_seconds: i64,
    /// The link to the next step (`null` at TO).
    pub next: Option<StepLink>,
}

/// The answer to `orbitline critical`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CriticalReport {
    /// Where the path starts.
    pub from: Subject,
    /// Where it ends.
    pub to: Subject,
    /// The steps, FROM first.
    pub path: Vec<CriticalStep>,
    /// The time from FROM to TO as recorded (seconds).
    pub elapsed_seconds: i64,
    /// The least time the constraints alone force between them: the longest path by gaps (seconds).
    pub min_separation_seconds: i64,
    /// How far FROM can slip before TO moves (seconds): the float of FROM.
    pub float_seconds: i64,
}

/// The critical path from `from` to `to` (a flight stands for its launch, a stay for its down landing).
pub fn critical(
    catalog: &Catalog,
    graph: &EventGraph,
    from: Subject,
    to: Subject,
) -> Result<CriticalReport, QueryError> {
    let (Some(start), Some(end)) = (from.single(graph), to.single(graph)) else {
        return Err(QueryError::NoPath {
            from: from.label(),
            to: to.label(),
            hint: "name two moments, like shenzhou-22/launch shenzhou-22/landing".into(),
        });
    };
    let order = graph.topological_order().unwrap_or(&[]);
    let net = schedule::network(graph);
    let Some(path) = schedule::critical_path(&net, order, start, end) else {
        let reverse = schedule::latest(&net, order, start)[end.index()].is_some();
        let (a, b) = (&graph.moment(start).reference, &graph.moment(end).reference);
        let hint = if graph.moment(end).time.is_none() {
            format!("{b} has no time in the catalog")
        } else if reverse {
            format!("{a} comes after {b}: try `orbitline critical {b} {a}`")
        } else {
            format!(
                "only sequence, crew and `after` links constrain times (`caused_by` does not); \
                 `orbitline deps {a} --downstream` shows what follows it"
            )
        };
        return Err(QueryError::NoPath {
            from: a.clone(),
            to: b.clone(),
            hint,
        });
    };
    let steps = path
        .nodes
        .iter()
        .enumerate()
        .map(|(i, &node)| CriticalStep {
            moment: MomentView::new(catalog, graph, node),
            float_seconds: path.float[i].num_seconds(),
            next: path.edges.get(i).map(|&edge| {
                let link = graph.link(edge);
                let next = path.nodes[i + 1];
                let slack = match (net[node], net[next], link.gap) {
                    (Some(a), Some(b), Some(gap)) => (b - a - gap).num_seconds(),
                    _ => 0,
                };
                StepLink {
                    link: LinkView::new(catalog, link),
                    slack_seconds: slack,
                }
            }),
        })
        .collect();
    let elapsed = match (net[start], net[end]) {
        (Some(a), Some(b)) => (b - a).num_seconds(),
        _ => 0,
    };
    Ok(CriticalReport {
        from,
        to,
        path: steps,
        elapsed_seconds: elapsed,
        min_separation_seconds: path.min_separation.num_seconds(),
        float_seconds: path.float[0].num_seconds(),
    })
}
