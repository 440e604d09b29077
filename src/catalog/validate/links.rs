//! The links of the event graph: no cycle, no effect before its cause, nothing before what it is `after`.

use std::collections::HashSet;
use std::sync::Arc;

use super::Checker;
use crate::catalog::links::{explicit_links, has_explicit_links};
use crate::catalog::links::{EventGraph, LinkKind};
use crate::catalog::stay::Stay;
use crate::catalog::Located;
use crate::model::Flight;

/// The links of the event graph: no cycle, no effect before its cause, nothing before what it is `after`
/// (plus its `min_gap`), as far as the precision of the times can tell.
/// The time checks run only on a catalog whose times passed every other check, so that a wrong time is
/// reported once, where it is written.
pub(super) fn check_dependencies(
    c: &mut Checker,
    all_flights: &[Located<Arc<Flight>>],
    stays: &[Stay],
) {
    // Only `caused_by` and `after` links can close a cycle: sequence edges form one chain per flight, and
    // crew edges only enter landings, which no sequence or crew edge leaves. So every flight on a cycle
    // writes such a link or is named by one, and the time checks concern those links only: the graph is
    // built over those flights alone (on a large catalog, building all of it was most of validation).
    let involved = involved(all_flights);
    if involved.is_empty() {
        return;
    }
    let flights: Vec<&Located<Arc<Flight>>> = all_flights
        .iter()
        .filter(|f| involved.contains(f.value.id.as_str()))
        .collect();
    let stays: Vec<Stay> = stays
        .iter()
        .filter(|s| {
            involved.contains(s.up.as_str())
                || s.down.as_deref().is_some_and(|d| involved.contains(d))
        })
        .cloned()
        .collect();
    let plain: Vec<&Flight> = flights.iter().map(|f| &*f.value).collect();
    let graph = EventGraph::build(&plain, &stays);
    if c.findings.is_empty() {
        check_link_times(c, &graph, &flights);
    }
    // With two events of one id in a flight, references to it are ambiguous (and reported already): a
    // cycle through them would be an artefact.
    let unambiguous = flights.iter().all(|f| {
        let mut seen = HashSet::new();
        f.value.events.iter().all(|e| seen.insert(e.id.as_str()))
    });
    if unambiguous {
        report_cycles(c, &graph, &flights);
    }
}

/// The flights that write a `caused_by` or `after` link, or are named by one.
fn involved(all_flights: &[Located<Arc<Flight>>]) -> HashSet<&str> {
    all_flights
        .iter()
        .filter(|f| has_explicit_links(&f.value))
        .flat_map(|f| {
            let targets = explicit_links(&f.value)
                .into_iter()
                .flat_map(|(_, _, caused_by, after)| {
                    caused_by
                        .iter()
                        .map(String::as_str)
                        .chain(after.iter().map(|a| a.event.as_str()))
                        .collect::<Vec<_>>()
                })
                .filter_map(|reference| reference.split_once('/').map(|(flight, _)| flight))
                .collect::<Vec<_>>();
            std::iter::once(f.value.id.as_str()).chain(targets)
        })
        .collect()
}

/// No effect before its cause, nothing before what it is `after` (plus its `min_gap`).
fn check_link_times(c: &mut Checker, graph: &EventGraph, flights: &[&Located<Arc<Flight>>]) {
    let g = graph.graph();
    for edge in g.edge_indices() {
        let link = graph.link(edge);
        let Some(origin) = &link.origin else { continue };
        let Some((source, target)) = g.edge_endpoints(edge) else {
            continue;
        };
        let (cause, effect) = (graph.moment(source), graph.moment(target));
        let (Some(before), Some(after)) = (&cause.time, &effect.time) else {
            continue;
        };
        if cause.planned_only || effect.planned_only {
            continue;
        }
        let (message, hint) = match link.kind {
            LinkKind::CausedBy if after.surely_before(before) => (
                format!(
                    "{} ({after}) is before its cause {} ({before})",
                    effect.reference, cause.reference
                ),
                "a cause comes first: check the times, or the reference",
            ),
            LinkKind::After => {
                let gap = link.gap.unwrap_or_else(chrono::Duration::zero);
                if !after.surely_before(&before.shifted(gap)) {
                    continue;
                }
                let with_gap = if gap.is_zero() {
                    String::new()
                } else {
                    format!(" + {}", crate::model::format_compact(gap.num_seconds()))
                };
                (
                    format!(
                        "{} ({after}) is before {} ({before}){with_gap}, but it is `after` it",
                        effect.reference, cause.reference
                    ),
                    "check the times, the reference and the min_gap",
                )
            }
            _ => continue,
        };
        c.report(
            flights[origin.flight].file,
            origin.path.clone(),
            message,
            hint,
        );
    }
}

/// Each dependency cycle, once, at the first of its links written in the data.
fn report_cycles(c: &mut Checker, graph: &EventGraph, flights: &[&Located<Arc<Flight>>]) {
    for cycle in graph.cycles() {
        let mut steps = Vec::new();
        for (i, &node) in cycle.nodes.iter().enumerate() {
            let moment = graph.moment(node);
            let file = c.texts.name(flights[moment.flight].file);
            let file = file.rsplit('/').next().unwrap_or(file);
            let via = if i == 0 {
                String::new()
            } else {
                format!("[{}] ", graph.link(cycle.edges[i - 1]).kind.as_str())
            };
            steps.push(format!("{via}{} ({file})", moment.reference));
        }
        let closing = graph.link(cycle.edges[cycle.edges.len() - 1]).kind.as_str();
        steps.push(format!(
            "[{closing}] {}",
            graph.moment(cycle.nodes[0]).reference
        ));
        // Point at the first link of the cycle that is written in the data.
        let written = cycle
            .edges
            .iter()
            .filter_map(|&e| graph.link(e).origin.as_ref())
            .next();
        let message = format!(
            "dependency cycle through {} moment{}: {}",
            cycle.nodes.len(),
            if cycle.nodes.len() == 1 { "" } else { "s" },
            steps.join(" → ")
        );
        let hint = "a moment cannot depend on itself: remove or correct one of the `after` or `caused_by` links on the cycle";
        match written {
            Some(origin) => c.report(
                flights[origin.flight].file,
                origin.path.clone(),
                message,
                hint,
            ),
            None => {
                let file = flights[graph.moment(cycle.nodes[0]).flight].file;
                c.report(file, Vec::new(), message, hint);
            }
        }
    }
}
