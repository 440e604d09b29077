//! The event graph as Graphviz DOT or a Mermaid flowchart (`orbitline graph`), from a
//! [`GraphExport`]. One cluster (subgraph) per flight; edges styled by kind: sequence grey, crew blue and
//! dashed, vehicle swaps red and thick, `caused_by` orange and dotted, `after` purple; the focus moments
//! are filled. JSON goes through serde like every other result.

use std::fmt::Write;

use super::TimeDisplay;
use crate::catalog::links::LinkKind;
use crate::deps::export::{ExportEdge, ExportNode};
use crate::deps::{GraphExport, LinkView};
use crate::model::format_compact;

/// What `graph` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GraphFormat {
    /// Graphviz DOT.
    #[default]
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// JSON (docs/json.md).
    Json,
}

/// The colour of an edge of this kind (a swap is red whatever its kind).
fn colour(link: &LinkView) -> &'static str {
    if link.swap {
        return "#d62728";
    }
    match link.kind {
        LinkKind::Sequence => "#7f7f7f",
        LinkKind::Crew => "#1f77b4",
        LinkKind::CausedBy => "#ff7f0e",
        LinkKind::After => "#9467bd",
    }
}

/// The text on an edge, if any.
fn edge_label(link: &LinkView) -> Option<String> {
    match link.kind {
        LinkKind::Sequence if link.rigid => Some(format_compact(link.gap_seconds.unwrap_or(0))),
        LinkKind::Sequence => None,
        LinkKind::Crew if link.swap => {
            Some(format!("vehicle swap: {}", link.crew_names.join(", ")))
        }
        LinkKind::Crew => Some("crew".into()),
        LinkKind::CausedBy => Some("caused by".into()),
        LinkKind::After => Some(match link.gap_seconds {
            Some(gap) if gap > 0 => format!("after, ≥ {}", format_compact(gap)),
            _ => "after".into(),
        }),
    }
}

fn node_label(node: &ExportNode, display: &TimeDisplay) -> (String, String) {
    let id = node
        .moment
        .reference
        .split_once('/')
        .map_or(node.moment.reference.as_str(), |(_, e)| e)
        .to_string();
    let when = match &node.moment.time {
        Some(t) if node.moment.planned_only => format!("planned {}", display.date(t)),
        Some(t) => display.date(t),
        None => "no time".into(),
    };
    (id, when)
}

fn dot_string(text: &str) -> String {
    crate::output::escape::dot(text)
}

/// Graphviz DOT.
pub fn dot(export: &GraphExport, display: &TimeDisplay) -> String {
    let mut out = String::from("digraph orbitline {\n");
    let title = match &export.focus {
        Some(subject) => format!(
            "orbitline: within {} link{} of {}",
            export.depth.unwrap_or(0),
            if export.depth == Some(1) { "" } else { "s" },
            subject.label()
        ),
        None => "orbitline: every moment of the catalog".to_string(),
    };
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label={}];",
        dot_string(&title)
    );
    out.push_str("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (i, flight) in export.flights.iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{i} {{");
        let _ = writeln!(
            out,
            "    label={}; color=\"#bbbbbb\"; fontname=\"Helvetica\";",
            dot_string(&flight.name)
        );
        for node in export.nodes.iter().filter(|n| n.flight == flight.id) {
            let (id, when) = node_label(node, display);
            let mut attributes = vec![format!("label={}", dot_string(&format!("{id}\n{when}")))];
            if let Some(title) = &node.moment.title {
                attributes.push(format!("tooltip={}", dot_string(title)));
            }
            if node.focus {
                attributes.push("style=\"rounded,filled,bold\", fillcolor=\"#fff2a8\"".into());
            } else if node.moment.kind == "anomaly" {
                attributes.push("style=\"rounded,filled\", fillcolor=\"#f8d0d0\"".into());
            }
            let _ = writeln!(
                out,
                "    {} [{}];",
                dot_string(&node.moment.reference),
                attributes.join(", ")
            );
        }
        out.push_str("  }\n");
    }
    for edge in &export.edges {
        let _ = writeln!(out, "  {};", dot_edge(edge));
    }
    out.push_str("}\n");
    out
}

fn dot_edge(edge: &ExportEdge) -> String {
    let link = &edge.link;
    let mut attributes = vec![format!("color=\"{}\"", colour(link))];
    match link.kind {
        LinkKind::Crew => attributes.push("style=dashed".into()),
        LinkKind::CausedBy => attributes.push("style=dotted, penwidth=1.5".into()),
        LinkKind::After => attributes.push("penwidth=1.5".into()),
        LinkKind::Sequence => {}
    }
    if link.swap {
        attributes.push("penwidth=3".into());
    }
    if let Some(label) = edge_label(link) {
        attributes.push(format!(
            "label={}, fontcolor=\"{}\"",
            dot_string(&label),
            colour(link)
        ));
    }
    format!(
        "{} -> {} [{}]",
        dot_string(&edge.from),
        dot_string(&edge.to),
        attributes.join(", ")
    )
}

fn mermaid_text(text: &str) -> String {
    crate::output::escape::mermaid(text)
}

/// A Mermaid flowchart.
pub fn mermaid(export: &GraphExport, display: &TimeDisplay) -> String {
    let mut out = String::from("flowchart LR\n");
    let id_of = |reference: &str| {
        export
            .nodes
            .iter()
            .position(|n| n.moment.reference == reference)
            .map(|i| format!("n{i}"))
    };
    for (i, flight) in export.flights.iter().enumerate() {
        let _ = writeln!(out, "  subgraph f{i}[\"{}\"]", mermaid_text(&flight.name));
        for (j, node) in export.nodes.iter().enumerate() {
            if node.flight != flight.id {
                continue;
            }
            let (id, when) = node_label(node, display);
            let _ = writeln!(
                out,
                "    n{j}[\"{}<br/>{}\"]",
                mermaid_text(&id),
                mermaid_text(&when)
            );
        }
        out.push_str("  end\n");
    }
    let mut styles = Vec::new();
    let mut k = 0;
    for edge in &export.edges {
        let (Some(from), Some(to)) = (id_of(&edge.from), id_of(&edge.to)) else {
            continue;
        };
        let link = &edge.link;
        let arrow = match link.kind {
            _ if link.swap => "==>",
            LinkKind::Crew | LinkKind::CausedBy => "-.->",
            _ => "-->",
        };
        let label = edge_label(link)
            .map(|l| format!("|\"{}\"|", mermaid_text(&l)))
            .unwrap_or_default();
        let _ = writeln!(out, "  {from} {arrow}{label} {to}");
        let width = if link.swap { 3 } else { 1 };
        styles.push(format!(
            "  linkStyle {k} stroke:{},stroke-width:{width}px",
            colour(link)
        ));
        k += 1;
    }
    for (j, node) in export.nodes.iter().enumerate() {
        if node.focus {
            styles.push(format!("  style n{j} fill:#fff2a8,stroke-width:2px"));
        } else if node.moment.kind == "anomaly" {
            styles.push(format!("  style n{j} fill:#f8d0d0"));
        }
    }
    for line in styles {
        let _ = writeln!(out, "{line}");
    }
    out
}
