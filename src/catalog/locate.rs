//! Finding where a value stands in a JSON text, so that a problem found after parsing (a landing before its
//! launch) can still name the line and column.
//!
//! The text has already been parsed by serde_json, so it is valid JSON; the walker still never panics on
//! invalid input, it just gives up and returns `None`.

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// A path into a JSON document: `["launch", "crew", 2]`.
pub type Path = Vec<Step>;

/// Builds a [`Path`] from keys and indices: `path!["launch", "crew", 2]`.
#[macro_export]
#[doc(hidden)]
macro_rules! json_path {
    ($($step:expr),* $(,)?) => {
        vec![$($crate::catalog::locate::IntoStep::into_step($step)),*]
    };
}

/// Conversion of `&str` and `usize` into a [`Step`].
pub trait IntoStep {
    /// A key (`&str`) as [`Step::Key`], an array index (`usize`) as [`Step::Index`].
    fn into_step(self) -> Step;
}
impl IntoStep for &str {
    fn into_step(self) -> Step {
        Step::Key(self.to_string())
    }
}
impl IntoStep for usize {
    fn into_step(self) -> Step {
        Step::Index(self)
    }
}

/// The 1-based line and column of the value at `path`, or of the deepest part of the path that exists.
pub fn locate(text: &str, path: &[Step]) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut walker = JsonCursor { bytes, pos: 0 };
    walker.skip_ws();
    let mut found = walker.pos;
    for step in path {
        match walker.enter(step) {
            Some(pos) => found = pos,
            None => break,
        }
    }
    line_col(text, found)
}

/// The 1-based line and column of a byte offset (columns count characters, not bytes).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

struct JsonCursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> JsonCursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// With `pos` at a value, moves to the child value named by `step` and returns its offset.
    fn enter(&mut self, step: &Step) -> Option<usize> {
        match (self.peek()?, step) {
            (b'{', Step::Key(key)) => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let name = self.string()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.pos += 1;
                    self.skip_ws();
                    if name == key.as_bytes() {
                        return Some(self.pos);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            (b'[', Step::Index(index)) => {
                self.pos += 1;
                for _ in 0..*index {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? != b',' {
                        return None;
                    }
                    self.pos += 1;
                }
                self.skip_ws();
                (self.peek()? != b']').then_some(self.pos)
            }
            _ => None,
        }
    }

    /// Reads a string at `pos` and returns its raw bytes (escapes left as written).
    fn string(&mut self) -> Option<&'a [u8]> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.pos + 1;
        self.pos = start;
        loop {
            match self.peek()? {
                b'"' => {
                    let raw = &self.bytes[start..self.pos];
                    self.pos += 1;
                    return Some(raw);
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        c if c == close => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' | b':' => self.pos += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"id\": \"a\",\n  \"launch\": {\"crew\": [\n    {\"astronaut\": \"x\"},\n    {\"astronaut\": \"y\"}\n  ]},\n  \"note\": \"é\", \"landing\": 5\n}";

    fn at(path: Path) -> (usize, usize) {
        locate(DOC, &path)
    }

    #[test]
    fn finds_nested_values() {
        assert_eq!(at(json_path!["id"]), (2, 9));
        assert_eq!(at(json_path!["launch", "crew", 1]), (5, 5));
        assert_eq!(at(json_path!["launch", "crew", 1, "astronaut"]), (5, 19));
        assert_eq!(at(json_path!["landing"]), (7, 27));
    }

    #[test]
    fn a_missing_step_stops_at_the_deepest_found() {
        assert_eq!(at(json_path!["launch", "crew", 7]), (3, 22));
        assert_eq!(at(json_path!["nothing"]), (1, 1));
        assert_eq!(locate("not json", &[Step::Key("a".into())]), (1, 1));
    }
}
