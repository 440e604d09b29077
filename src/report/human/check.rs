//! `check`: each part of a claim with ✓, ✗ or ?, and why.

use std::fmt::Write;

use crate::report::{Human, TimeDisplay};
use crate::timeline::claims::{CheckReport, Verdict};

impl Human for CheckReport {
    fn human(&self, _: &TimeDisplay) -> String {
        let mut out = String::new();
        for part in &self.parts {
            let mark = match part.verdict {
                Verdict::Holds => "✓ holds",
                Verdict::Fails => "✗ does not hold",
                Verdict::Undecided => "? cannot be decided",
            };
            let _ = writeln!(out, "{mark}: {}", part.claim);
            for reason in &part.reasons {
                let _ = writeln!(out, "  {reason}");
            }
        }
        let _ = writeln!(
            out,
            "Catalog: {}; {} flights{}.",
            self.catalog,
            self.flights,
            self.checked
                .as_ref()
                .map(|c| format!(", last checked against sources {c}"))
                .unwrap_or_default()
        );
        out
    }
}
