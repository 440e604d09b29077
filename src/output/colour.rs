//! Colour for the text reports and the error lines on a terminal: the ✓ and ✗ of a verdict, headings,
//! warnings (`GAP:`), `error:` and `hint:`. The binary decides whether to colour (a terminal, `NO_COLOR`,
//! `CLICOLOR_FORCE`: anstream's rules, which clap follows too); this only adds ANSI styles, to text already
//! escaped for a terminal, so no escape sequence ever comes from the data. JSON, CSV, iCalendar, DOT and
//! Mermaid are never coloured.

use anstyle::{AnsiColor, Style};

const HOLDS: Style = AnsiColor::Green.on_default().bold();
const FAILS: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HEADING: Style = Style::new().bold();

/// A text report with its verdict marks, headings and warnings styled. A heading is a line that starts
/// a block: the first line, or one after an empty line, that is not indented.
///
/// ```
/// let styled = orbitline::output::colour::report("✓ holds: 204 days\n  reason\n");
/// assert!(styled.starts_with("\u{1b}[1m\u{1b}[32m✓\u{1b}[0m holds"));
/// assert!(styled.ends_with("\n  reason\n"));
/// ```
pub fn report(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    let mut starts_block = true;
    for line in text.split_inclusive('\n') {
        let (body, end) = line
            .strip_suffix('\n')
            .map_or((line, ""), |body| (body, "\n"));
        let marked = body.contains(['✓', '✗']) || body.contains("GAP:");
        if marked {
            let styled = body
                .replace('✓', &format!("{HOLDS}✓{HOLDS:#}"))
                .replace('✗', &format!("{FAILS}✗{FAILS:#}"))
                .replace("GAP:", &format!("{WARNING}GAP:{WARNING:#}"));
            out.push_str(&styled);
        } else if starts_block && !body.is_empty() && !body.starts_with(' ') {
            out.push_str(&format!("{HEADING}{body}{HEADING:#}"));
        } else {
            out.push_str(body);
        }
        out.push_str(end);
        starts_block = body.trim().is_empty();
    }
    out
}

/// A line of standard error with its leading `error:` (or an indented `hint:`) styled as clap styles its
/// own.
///
/// ```
/// let line = orbitline::output::colour::diagnostic("error: no flight `x`\n  hint: did you mean `y`?");
/// assert!(line.starts_with("\u{1b}[1m\u{1b}[31merror:\u{1b}[0m no flight"));
/// assert!(line.contains("\n  \u{1b}[1mhint:\u{1b}[0m did you mean"));
/// ```
pub fn diagnostic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some(rest) = line.strip_prefix("error:") {
            out.push_str(&format!("{FAILS}error:{FAILS:#}{rest}"));
        } else if let Some(rest) = line.strip_prefix("  hint:") {
            out.push_str(&format!("  {HEADING}hint:{HEADING:#}{rest}"));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_start_blocks_and_indented_lines_stay_plain() {
        let styled = report("Title\n  detail\n\nSection\n  row\nnot a heading\n");
        let bold = |s: &str| format!("{HEADING}{s}{HEADING:#}");
        assert_eq!(
            styled,
            format!(
                "{}\n  detail\n\n{}\n  row\nnot a heading\n",
                bold("Title"),
                bold("Section")
            )
        );
    }

    #[test]
    fn verdicts_and_gaps_are_coloured_where_they_stand() {
        let styled = report("  GAP: 3 short of a fit return seat\n✗ does not hold\n");
        assert!(styled.contains(&format!("  {WARNING}GAP:{WARNING:#} 3 short")));
        assert!(styled.contains(&format!("{FAILS}✗{FAILS:#} does not hold")));
        assert_eq!(report(""), "");
    }
}
