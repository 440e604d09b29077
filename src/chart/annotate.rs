//! What the charts mark that other parts of the timeline compute: the crew stays that set a record, and
//! the gaps in a station's return-craft coverage.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::{Annotations, Badge, ChartKind, ChartOptions, CoverageGap};
use crate::catalog::{Catalog, Filter};
use crate::timeline::records::{progression, RecordKind};
use crate::timeline::station::history;
use crate::timeline::DayConventions;

/// Badges on every crew stay that set its nation's crew record when it ended (`record 203 d 23 h · 204
/// days`), and, for a station chart, that station's coverage gaps, as the catalog stood at `now`.
pub fn annotations(catalog: &Catalog, options: &ChartOptions, now: DateTime<Utc>) -> Annotations {
    let nations: BTreeSet<&str> = catalog
        .flights()
        .iter()
        .map(|f| f.nation.as_str())
        .collect();
    let mut badges = Vec::new();
    for nation in nations {
        let scope = Filter {
            nation: Some(nation.to_string()),
            ..Filter::default()
        };
        for step in progression(catalog, RecordKind::Crew, &scope, now) {
            let Some(up) = step.record.flights.first() else {
                continue;
            };
            // Days and whole hours, exact enough to tell records apart, then the days as stories count
            // them, rounded to the nearest day as `orbitline duration` prints them first
            // (`203 d 23 h · 204 days`): a reader who saw "204 days" in the news finds it here.
            let elapsed = &step.record.elapsed;
            let seconds = elapsed.seconds;
            let (days, hours) = (seconds / 86_400, seconds % 86_400 / 3600);
            let text = if days >= 1 {
                let rounded = DayConventions::by_length(elapsed).rounded;
                let unit = if rounded.is_certain() && rounded.min == 1 {
                    "day"
                } else {
                    "days"
                };
                format!("record {days} d {hours} h · {rounded} {unit}")
            } else {
                format!("record {hours} h")
            };
            badges.push(Badge {
                up: up.clone(),
                astronaut: None,
                text,
            });
        }
    }
    let gaps = match (options.kind, options.scope.station.as_deref()) {
        (ChartKind::Station, Some(id)) => {
            let from = options.from.as_ref().map(|t| t.instant());
            let to = options.to.as_ref().map(|t| t.instant());
            history(catalog, id, from, to, now)
                .map(|report| {
                    report
                        .gaps
                        .iter()
                        .map(|g| CoverageGap {
                            station: id.to_string(),
                            start: g.start.instant(),
                            end: (!g.continues).then(|| g.end.instant()),
                            short_by: g.short,
                            label: format!("{} without a fit return seat", g.short),
                        })
                        .collect()
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    };
    Annotations { badges, gaps }
}
