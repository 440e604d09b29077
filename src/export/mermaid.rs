//! A Mermaid `gantt` chart of the stays: one section per station (or, for flights to no station, per
//! programme), one bar per person's stay from launch to landing in UTC, and `crit` on the stays that set the
//! record for the longest single stay when they ended, or tied it with a crewmate (the progression of `records --kind stay`). Stays
//! still going on run to `now`. Task names are cleaned of the characters Mermaid reads as syntax (`:`, `;`,
//! `#`).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};

use super::{ExportError, ExportWhat, Exporter};
use crate::catalog::Catalog;
use crate::catalog::Filter;
use crate::timeline::records::{self, RecordKind, RecordsQuery};

/// A section: when its first stay began, and its task lines.
type Section = (DateTime<Utc>, Vec<String>);

/// The Mermaid exporter.
pub struct Mermaid;

fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if matches!(c, ':' | ';' | '#' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn stamp(instant: DateTime<Utc>) -> String {
    instant.format("%Y-%m-%dT%H:%M:%S").to_string()
}

impl Exporter for Mermaid {
    fn export(
        &self,
        catalog: &Catalog,
        _: ExportWhat,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, ExportError> {
        let report = records::ranking(
            catalog,
            &RecordsQuery {
                kind: RecordKind::Stay,
                scope: Filter::default(),
                top: Some(0),
                as_of: None,
                progression: true,
            },
            now,
        );
        // A record is held by one person's stay; crewmates who went up and came down with them tie it.
        let record_stays: HashSet<(DateTime<Utc>, Option<DateTime<Utc>>)> = report
            .progression
            .iter()
            .flatten()
            .filter_map(|step| {
                let start = step.record.start.as_ref()?;
                Some((
                    start.instant(),
                    step.record.end.as_ref().map(|e| e.instant()),
                ))
            })
            .collect();
        // Section → (first start, lines).
        let mut sections: BTreeMap<String, Section> = BTreeMap::new();
        for (i, stay) in catalog.stays().iter().enumerate() {
            let Some(up) = catalog.flight(&stay.up) else {
                continue;
            };
            let section = up
                .station
                .as_deref()
                .and_then(|s| catalog.station(s))
                .map_or_else(|| up.program.clone(), |s| s.name.clone());
            let route = match stay.down.as_deref().and_then(|d| catalog.flight(d)) {
                Some(down) if down.id != up.id => format!("{} → {}", up.name, down.name),
                _ => up.name.clone(),
            };
            let start = stay.start.instant();
            let end = stay.end.as_ref().map_or(now, |e| e.instant()).max(start);
            let crit = record_stays.contains(&(start, stay.end.as_ref().map(|e| e.instant())));
            let line = format!(
                "    {}, {} :{}stay{}, {}, {}",
                clean(catalog.name_of(&stay.astronaut)),
                clean(&route),
                if crit { "crit, " } else { "" },
                i + 1,
                stamp(start),
                stamp(end)
            );
            let entry = sections
                .entry(clean(&section))
                .or_insert_with(|| (start, Vec::new()));
            entry.0 = entry.0.min(start);
            entry.1.push(line);
        }
        let mut ordered: Vec<(String, Section)> = sections.into_iter().collect();
        ordered.sort_by(|a, b| (a.1 .0, &a.0).cmp(&(b.1 .0, &b.0)));
        let mut out = String::from("gantt\n");
        out.push_str(&format!(
            "    title Stays in space ({} catalog, UTC)\n",
            clean(catalog.label())
        ));
        out.push_str("    dateFormat YYYY-MM-DDTHH:mm:ss\n");
        out.push_str("    axisFormat %Y-%m-%d\n");
        out.push_str(&format!(
            "    %% crit: the stays that set (or tied) the record for the longest single stay when they ended; stays still going on run to {}\n",
            stamp(now)
        ));
        for (name, (_, lines)) in ordered {
            out.push_str(&format!("    section {name}\n"));
            for line in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
        Ok(out.into_bytes())
    }
}
