//! The interactive timeline page (`orbitline chart --format html`): one self-contained HTML file that
//! opens offline from a file or an e-mail.
//!
//! The page is the vendored vis-timeline library (`assets/vendor/vis-timeline/`, its licence beside it),
//! hand-written glue (`assets/page/`), and the data: the same row model the SVG and PNG draw
//! ([`crate::timeline::rows`]), serialised with serde, with the facts a reader hovers or clicks for
//! ([`data`]). Everything is inlined with `include_str!`; the page loads nothing from the network. The
//! data sits in a `<script type="application/json">` element, escaped for that context
//! ([`crate::output::escape::script_json`]): no name in a catalog can close the element.

mod data;

use super::{Chart, ChartError, ChartInput, ChartKind, Renderer};
use crate::output::escape;

/// vis-timeline 8.5.4, the standalone UMD build (moment, hammer and the rest bundled), minified. It
/// injects its own stylesheet when it runs, so the page carries no separate copy of it.
const VIS_JS: &str =
    include_str!("../../../assets/vendor/vis-timeline/vis-timeline-graph2d.min.js");
/// The page around the timeline, with `{{…}}` slots.
const PAGE: &str = include_str!("../../../assets/page/timeline.html");
/// The glue: items and groups from the data, controls, tooltips, side panel, search, URL fragment.
const GLUE_JS: &str = include_str!("../../../assets/page/timeline.js");
/// The page's own styles: the SVG's palette, light and dark, print.
const GLUE_CSS: &str = include_str!("../../../assets/page/timeline.css");

/// The HTML renderer.
pub struct Html;

impl Renderer for Html {
    fn render(&self, input: &ChartInput<'_>) -> Result<Chart, ChartError> {
        let data = data::page_data(input)?;
        let rows = match (&data.station, input.options.kind) {
            (Some(station), ChartKind::Station) => station.lanes.len(),
            _ => data.plan.rows.len(),
        };
        let json = serde_json::to_string(&data).map_err(|e| ChartError::Render(e.to_string()))?;
        let page = fill(
            PAGE,
            &[
                ("{{GLUE_CSS}}", GLUE_CSS),
                ("{{DATA}}", &escape::script_json(&json)),
                ("{{VIS_JS}}", VIS_JS),
                ("{{GLUE_JS}}", GLUE_JS),
            ],
        );
        Ok(Chart {
            bytes: page.into_bytes(),
            width: 0,
            height: 0,
            rows,
        })
    }
}

/// `template` with each slot replaced by its text; the inserted texts are not searched for slots.
fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + slots.iter().map(|s| s.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some((i, (slot, text))) = slots
        .iter()
        .filter_map(|s| rest.find(s.0).map(|i| (i, s)))
        .min_by_key(|(i, _)| *i)
    {
        out.push_str(&rest[..i]);
        out.push_str(text);
        rest = &rest[i + slot.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inlined_scripts_and_styles_cannot_end_their_elements() {
        for (name, text) in [
            ("vis js", VIS_JS),
            ("glue js", GLUE_JS),
            ("glue css", GLUE_CSS),
        ] {
            let lower = text.to_ascii_lowercase();
            assert!(!lower.contains("</script"), "{name}");
            assert!(!lower.contains("</style"), "{name}");
            assert!(!lower.contains("<!--"), "{name}");
        }
    }

    #[test]
    fn slots_are_filled_once_and_inserted_text_is_left_alone() {
        let page = fill("a{{X}}b{{Y}}c", &[("{{X}}", "{{Y}}"), ("{{Y}}", "y")]);
        assert_eq!(page, "a{{Y}}byc");
    }
}
