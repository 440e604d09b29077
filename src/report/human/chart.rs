//! `chart`: where the chart was written and what it holds.

use super::plural;
use crate::chart::{ChartFormat, ChartKind, ChartReport};
use crate::report::{Human, TimeDisplay};

impl Human for ChartReport {
    fn human(&self, _: &TimeDisplay) -> String {
        let (what, rows) = match self.kind {
            ChartKind::Gantt => ("timeline", "row"),
            ChartKind::Station => ("station chart", "spacecraft lane"),
        };
        if self.format == ChartFormat::Html {
            return format!(
                "wrote {}: interactive {what}, {} {rows}{}\n",
                self.path,
                self.rows,
                plural(self.rows)
            );
        }
        format!(
            "wrote {}: {what}, {} {rows}{}, {} × {} px\n",
            self.path,
            self.rows,
            plural(self.rows),
            self.width,
            self.height
        )
    }
}
