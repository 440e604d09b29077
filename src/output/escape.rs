//! Text made safe for each output format, whatever a catalog holds.
//!
//! Validation refuses control characters in ids and names, but notes, titles, sources and folder names
//! reach the outputs too, and a renderer must not depend on what validation happened to check. Every
//! renderer passes the text it did not write itself through one of these functions (or through a crate
//! that escapes by the format's rules: `serde_json`, `csv`, `icalendar`, plotters' SVG backend for `<`,
//! `>`, `&` and quotes).
//!
//! A control character (C0, DEL, C1) is shown as its Rust escape (`\u{1b}`, `\r`, `\t`): a reader sees
//! that it is there, a terminal never receives a raw ESC, an XML parser never meets a character XML 1.0
//! forbids. Text without control characters, and every special character a format quotes by its own
//! rules, is left to those rules: ordinary text comes out unchanged.

use std::borrow::Cow;

/// True for the characters shown escaped: C0 controls, DEL and C1 controls.
fn hidden(c: char) -> bool {
    c.is_control()
}

/// `text` with every control character, line breaks included, shown as its escape: for one-line labels
/// (SVG text, Mermaid and DOT labels, iCalendar UIDs).
pub fn line(text: &str) -> Cow<'_, str> {
    escape_if(text, hidden)
}

/// `text` with every control character but the line feed and the tab shown as its escape: for text a
/// terminal shows, and for iCalendar text (line feeds stay line breaks, tabs stay tabs; a carriage
/// return, ESC or backspace cannot rewrite what is on screen or end a line).
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape_if(text, |c| c != '\n' && c != '\t' && hidden(c))
}

/// JSON text with DEL and the C1 controls written as `\u` escapes too: serde escapes the C0 controls, as
/// JSON requires, and leaves these raw, which some terminals act on. The value is the same; they can only
/// stand inside strings, the rest of JSON being ASCII.
pub fn json(text: String) -> String {
    if !text.chars().any(|c| c.is_control() && c > '\u{7e}') {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c.is_control() && c > '\u{7e}' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `escape(text)` of an owned string ([`line`] or [`terminal`]), without a copy when there is nothing to
/// escape.
pub fn owned(text: String, escape: fn(&str) -> Cow<'_, str>) -> String {
    match escape(&text) {
        Cow::Borrowed(_) => None,
        Cow::Owned(escaped) => Some(escaped),
    }
    .unwrap_or(text)
}

fn escape_if(text: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends `text` and then spaces up to `width` characters: a table cell. Unlike `format!("{:width$}")`,
/// any width is fine (the standard library panics on a width over 65,535).
pub fn pad(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    let used = text.chars().count();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
}

/// `width` spaces, for any width.
pub fn spaces(width: usize) -> String {
    " ".repeat(width)
}

/// A DOT quoted string (`"…"`): quotes and backslashes escaped, ampersands as `&amp;` (Graphviz reads
/// entities in labels), line breaks as `\n` (a centred line break in a Graphviz label), other control
/// characters shown as their escape.
pub fn dot(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            // Graphviz reads entities (`&amp;`, `&#45;`) in labels: an ampersand stays one.
            '&' => out.push_str("&amp;"),
            // Shown as text: the backslash of the escape is itself escaped.
            c if hidden(c) => {
                for e in c.escape_debug() {
                    if e == '\\' {
                        out.push_str("\\\\");
                    } else {
                        out.push(e);
                    }
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text inside a quoted Mermaid label (`["…"]`, `|"…"|`): quotes and the characters Mermaid reads as
/// markup or entity codes (`<`, `>`, `#`, `&`) as entity codes, control characters shown as their escape.
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in line(text).chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            // Labels are shown as HTML: an ampersand would start an entity.
            '&' => out.push_str("#amp;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON made safe inside an HTML `<script>` element: `<`, `>` and `&` as `\u` escapes (no `</script>`
/// or `<!--` can end or change the element, whatever a name holds), and U+2028 and U+2029 escaped too.
/// Inside JSON strings these escapes stand for the same characters; outside strings JSON has none of
/// them, so the value parses the same.
pub fn script_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let json = serde_json::to_string("</script><!-- a & b \u{2028}").unwrap();
        let safe = script_json(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert_eq!(safe, r#""\u003c/script\u003e\u003c!-- a \u0026 b \u2028""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- a & b \u{2028}");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let text = "Chen Dong, Chen Zhongrui · 203 d 23 h → Shenzhou-21 (Tiangong)";
        assert!(matches!(line(text), Cow::Borrowed(_)));
        assert!(matches!(terminal("two\nlines"), Cow::Borrowed(_)));
        assert_eq!(mermaid(text), text);
        assert_eq!(dot(text), format!("\"{text}\""));
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(line("a\u{1b}[31mb\r\n\u{9b}"), "a\\u{1b}[31mb\\r\\n\\u{9b}");
        assert_eq!(
            terminal("a\u{1b}\nb\u{7f}\tc\r"),
            "a\\u{1b}\nb\\u{7f}\tc\\r"
        );
        assert_eq!(dot("x\u{1}\"\\\ny"), "\"x\\\\u{1}\\\"\\\\\\ny\"");
        assert_eq!(dot("R&D"), "\"R&amp;D\"");
        assert_eq!(mermaid("<b>\"#1\"\r"), "#lt;b#gt;#quot;#35;1#quot;\\r");
        assert_eq!(mermaid("R&D"), "R#amp;D");
    }

    #[test]
    fn json_writes_del_and_c1_as_escapes() {
        assert_eq!(json("\"a\u{9b}\u{7f}é\"".into()), "\"a\\u009b\\u007fé\"");
        let value: String = serde_json::from_str(&json("\"\u{9b}\"".into())).unwrap();
        assert_eq!(value, "\u{9b}");
    }

    #[test]
    fn pads_to_any_width() {
        let mut out = String::new();
        pad(&mut out, "ab", 70_000);
        assert_eq!(out.len(), 70_000);
        pad(&mut out, "toolong", 3);
        assert!(out.ends_with("toolong"));
        assert_eq!(spaces(3), "   ");
    }
}
