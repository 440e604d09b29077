//! Reading McDowell's tables in either layout: fixed-width text (the web pages, inside `<PRE>`) or
//! tab-separated (`missions.tsv`, `astro.tsv`). Both have the same columns, named in a header line.
//!
//! The fixed-width layout is cut by the header: a column starts where its name starts. A cell that fills
//! its column to the last character and runs into the next one is flagged ([`Cell::full`]): McDowell's
//! page cuts long values at the column's width (one person's `Missions` list is cut so), and the importer
//! must not take a cut value for a whole one. Every cell keeps its line and column for messages.
//!
//! Columns are found by name, so columns added over the years (`MType` is missing from the 2022 TSV) and
//! columns the reader does not know are no obstacle. The web page cuts a few names to the column width:
//! the TSV's full names are read as the page's ([`SAME_COLUMN`]).

use crate::catalog::Problem;

/// Columns the TSV names in full and the fixed-width page cuts to its width: (TSV name, page name). The
/// reader knows each column by the page's name.
pub const SAME_COLUMN: [(&str, &str); 1] = [("Program", "Progra")];

/// The name a header cell is known by: the page's name for a TSV name cut on the page.
fn known_name(name: &str) -> String {
    SAME_COLUMN
        .iter()
        .find(|(full, _)| *full == name)
        .map_or(name, |(_, cut)| cut)
        .to_string()
}

/// The header: its line index, the columns with where each starts, and whether it is tab-separated.
type Header = (usize, Vec<(String, usize)>, bool);

/// One cell of a row.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The text, trimmed.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters) where the cell starts.
    pub column: usize,
    /// Fixed-width only: the value fills its column and touches the next one, so it may have been cut.
    pub full: bool,
}

/// A parsed table: its columns and rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file name, for messages.
    pub file: String,
    /// Column names, as in the header.
    pub columns: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// The `# Updated …` line's text after `Updated`, where there is one: `2026 Jul  3 0703:57`.
    pub updated: Option<String>,
    /// `fixed-width` or `tab-separated`.
    pub layout: &'static str,
}

impl Table {
    /// The index of a column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// A problem at a cell.
    pub fn problem(&self, cell: &Cell, message: impl Into<String>) -> Problem {
        Problem::at(&self.file, (cell.line, cell.column), message)
    }
}

/// Parses `text`, whose header must name every column in `required` (the first one starts the header).
pub fn parse(file: &str, text: &str, required: &[&str]) -> Result<Table, Problem> {
    let first = required.first().copied().unwrap_or_default();
    let mut updated = None;
    let mut header: Option<Header> = None;
    // A line that starts like the header but lacks columns: (line index, the missing names).
    let mut lacking: Option<(usize, Vec<&str>)> = None;
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.trim_start_matches('#').trim().strip_prefix("Updated") {
            updated.get_or_insert_with(|| rest.trim().to_string());
            continue;
        }
        let tabbed = line.contains('\t');
        let names = if tabbed {
            line.trim_start_matches('#')
                .split('\t')
                .map(|c| known_name(c.trim()))
                .collect::<Vec<_>>()
        } else {
            line.trim_start_matches('#')
                .split_whitespace()
                .map(known_name)
                .collect()
        };
        if names.first().map(String::as_str) != Some(first) {
            continue;
        }
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| !names.iter().any(|n| n == r))
            .collect();
        if missing.is_empty() {
            let columns = if tabbed {
                names.into_iter().map(|n| (n, 0)).collect()
            } else {
                starts(line)
                    .into_iter()
                    .map(|(name, start)| (known_name(&name), start))
                    .collect()
            };
            header = Some((n, columns, tabbed));
            break;
        }
        lacking.get_or_insert((n, missing));
    }
    let Some((header_line, columns, tabbed)) = header else {
        if let Some((n, missing)) = lacking {
            return Err(Problem::at(
                file,
                (n + 1, 1),
                format!(
                    "the header line lacks the column{} {}",
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", ")
                ),
            )
            .hint("give McDowell's missions or astro table as published (the web page or the .tsv file), not an edited copy"));
        }
        return Err(Problem::in_file(
            file,
            format!("no header line naming the columns {}", required.join(", ")),
        )
        .hint("give McDowell's table as published: the web page (fixed-width, inside <PRE>) or the .tsv file"));
    };
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(header_line + 1) {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('<') {
            continue;
        }
        if trimmed.starts_with('#') {
            if let Some(rest) = trimmed
                .trim_start_matches('#')
                .trim()
                .strip_prefix("Updated")
            {
                updated.get_or_insert_with(|| rest.trim().to_string());
            }
            continue;
        }
        if line.trim_start_matches('#').split_whitespace().next() == Some(first) {
            continue; // a repeated header
        }
        rows.push(if tabbed {
            split_tabs(line, n + 1, columns.len())
        } else {
            split_fixed(line, n + 1, &columns)
        });
    }
    Ok(Table {
        file: file.to_string(),
        columns: columns.into_iter().map(|(name, _)| name).collect(),
        rows,
        updated,
        layout: if tabbed {
            "tab-separated"
        } else {
            "fixed-width"
        },
    })
}

/// Column names and the character index where each starts.
fn starts(line: &str) -> Vec<(String, usize)> {
    let mut columns = Vec::new();
    let mut current: Option<(String, usize)> = None;
    for (i, ch) in line.chars().enumerate() {
        if ch.is_whitespace() {
            if let Some(column) = current.take() {
                columns.push(column);
            }
        } else if let Some((name, _)) = current.as_mut() {
            name.push(ch);
        } else if !(columns.is_empty() && ch == '#') {
            current = Some((ch.to_string(), i));
        }
    }
    columns.extend(current);
    columns
}

fn split_fixed(line: &str, number: usize, columns: &[(String, usize)]) -> Vec<Cell> {
    let chars: Vec<char> = line.chars().collect();
    let mut cells = Vec::with_capacity(columns.len());
    for (i, (_, start)) in columns.iter().enumerate() {
        let end = columns.get(i + 1).map_or(chars.len(), |(_, s)| *s);
        let (from, to) = (
            (*start).min(chars.len()),
            end.min(chars.len()).max((*start).min(chars.len())),
        );
        let text: String = chars[from..to].iter().collect();
        let full = i + 1 < columns.len()
            && to == end
            && to > from
            && !chars[to - 1].is_whitespace()
            && chars.get(to).is_some_and(|c| !c.is_whitespace());
        cells.push(Cell {
            text: text.trim().to_string(),
            line: number,
            column: start + 1,
            full,
        });
    }
    cells
}

fn split_tabs(line: &str, number: usize, count: usize) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(count);
    let mut column = 1;
    for part in line.split('\t') {
        cells.push(Cell {
            text: part.trim().to_string(),
            line: number,
            column,
            full: false,
        });
        column += part.chars().count() + 1;
    }
    while cells.len() < count {
        cells.push(Cell {
            text: String::new(),
            line: number,
            column,
            full: false,
        });
    }
    cells.truncate(count.max(1));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXED: &str = "<PRE>\nNo    Name       Missions  UName\n</PRE>\n# Updated 2026 Jul  3 0703:57\n<PRE>\nAS-01 Chen Dong  SZ11/CS   陈冬\nAS-02 Cut Off    SZ20/ZZ,SZCut Off\n</PRE>\n";

    #[test]
    fn fixed_width_cells_follow_the_header() {
        let table = parse("astro.html", FIXED, &["No", "Name", "Missions"]).unwrap();
        assert_eq!(table.columns, ["No", "Name", "Missions", "UName"]);
        assert_eq!(table.updated.as_deref(), Some("2026 Jul  3 0703:57"));
        assert_eq!(table.rows.len(), 2);
        let row = &table.rows[0];
        assert_eq!(row[1].text, "Chen Dong");
        assert_eq!(row[3].text, "陈冬");
        assert_eq!((row[2].line, row[2].column), (6, 18));
        assert!(!row[2].full);
        assert!(
            table.rows[1][2].full,
            "a value that runs into the next column may be cut"
        );
    }

    #[test]
    fn tab_separated_has_the_same_columns() {
        let text =
            "#No\tName\tMissions\tUName\n# Updated 2026 Jul  3\nAS-01\tChen Dong\tSZ11/CS\t陈冬\n";
        let table = parse("astro.tsv", text, &["No", "Name", "Missions"]).unwrap();
        assert_eq!(table.columns, ["No", "Name", "Missions", "UName"]);
        assert_eq!(table.layout, "tab-separated");
        assert_eq!(table.rows[0][1].text, "Chen Dong");
        assert_eq!(table.rows[0][2].column, 17);
    }

    #[test]
    fn a_file_without_the_header_is_refused() {
        let problem = parse("x.txt", "hello\n", &["No", "Name"]).unwrap_err();
        assert!(problem.message.contains("no header"));
    }
}
