//! Human output: aligned text that fits an 80-column terminal, every number with its unit. One file per
//! result type; the helpers they share are here.

mod chart;
mod check;
mod duration;
mod flights;
mod import;
pub mod names;
mod records;
mod station;
mod update;

use std::fmt::Write;

use super::{Human, TimeDisplay};
use crate::catalog::Summary;
use crate::words::plural;

impl Human for Summary {
    fn human(&self, _: &TimeDisplay) -> String {
        let mut out = format!(
            "ok: {} catalog is valid: {} flights, {} astronauts, {} spacecraft type{}, {} station{}\n",
            self.label,
            self.flights,
            self.astronauts,
            self.spacecraft,
            plural(self.spacecraft),
            self.stations,
            plural(self.stations),
        );
        if self.label == "bundled" {
            let _ = writeln!(out, "    {}", self.description);
        }
        let _ = writeln!(
            out,
            "    {} stays derived ({} with a vehicle swap, {} still in orbit)",
            self.stays, self.vehicle_swaps, self.in_orbit
        );
        out.push_str(&checked_line(&self.checked));
        out
    }
}

fn checked_line(checked: &Option<(String, String)>) -> String {
    match checked {
        Some((lo, hi)) if lo == hi => format!("    last checked against sources {lo}\n"),
        Some((lo, hi)) => format!("    last checked against sources between {lo} and {hi}\n"),
        None => "    no flight says when it was last checked against its sources\n".into(),
    }
}

fn parenthesised(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" ({text})")
    }
}

/// An aligned table: a header row and rows of cells; every column but the last is padded.
fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let columns = headers.len();
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
                .chain([headers[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 < columns {
                crate::output::escape::pad(&mut line, cell, widths[i]);
                line.push_str("  ");
            } else {
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
