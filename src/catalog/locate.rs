//! Finding where a value stands in a JSON text, so that a problem found after parsing (a landing before its
//! launch) can still name the line and column.
//!
//! The text has already been parsed by serde_json, so it is valid JSON; the walker still never panics on
//! invalid input, it just gives up and returns `None`.

use std::collections::HashMap;

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
    locate_all(text, &[path])[0]
}

/// [`locate`] for many paths in one text, in time linear in the text and the paths (n log n with the
/// sort): each array or object on the way is indexed once, however many paths go through it, and the
/// lines and columns come from one sweep over the text. Locating each problem of a file with thousands
/// of them from the file's start was quadratic (issue 13, item 8).
pub fn locate_all(text: &str, paths: &[&[Step]]) -> Vec<(usize, usize)> {
    let mut index = Index {
        bytes: text.as_bytes(),
        containers: HashMap::new(),
    };
    let mut walker = JsonCursor {
        bytes: text.as_bytes(),
        pos: 0,
    };
    walker.skip_ws();
    let root = walker.pos;
    let offsets: Vec<usize> = paths
        .iter()
        .map(|path| {
            let mut found = root;
            for step in path.iter() {
                match index.enter(found, step) {
                    Some(pos) => found = pos,
                    None => break,
                }
            }
            found
        })
        .collect();
    lines_and_columns(text, &offsets)
}

/// The 1-based line and column of a byte offset (columns count characters, not bytes).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    lines_and_columns(text, &[offset])[0]
}

/// [`line_col`] of every offset, in one pass over the text up to the last of them.
fn lines_and_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut result = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0, 1, 1);
    for i in order {
        let target = floor_char_boundary(text, offsets[i].min(text.len()));
        for ch in text[pos..target].chars() {
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        pos = target;
        result[i] = (line, column);
    }
    result
}

/// The children of each array and object a path went into, by the offset of the container: an array's
/// element offsets, an object's keys (the first of a repeated key) with their values' offsets.
struct Index<'a> {
    bytes: &'a [u8],
    containers: HashMap<usize, Children<'a>>,
}

enum Children<'a> {
    Array(Vec<usize>),
    Object(HashMap<&'a [u8], usize>),
    /// Not a container, or one that could not be read.
    Neither,
}

impl<'a> Index<'a> {
    /// The offset of the child `step` of the value at `pos`.
    fn enter(&mut self, pos: usize, step: &Step) -> Option<usize> {
        let bytes = self.bytes;
        let children = self.containers.entry(pos).or_insert_with(|| {
            JsonCursor { bytes, pos }
                .children()
                .unwrap_or(Children::Neither)
        });
        match (children, step) {
            (Children::Array(items), Step::Index(i)) => items.get(*i).copied(),
            (Children::Object(members), Step::Key(key)) => members.get(key.as_bytes()).copied(),
            _ => None,
        }
    }
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

    /// With `pos` at an array or an object, the offsets of its children (and an object's keys); `None`
    /// when it is neither or ends early.
    fn children(mut self) -> Option<Children<'a>> {
        let open = self.peek()?;
        let close = match open {
            b'[' => b']',
            b'{' => b'}',
            _ => return None,
        };
        self.pos += 1;
        let mut items = Vec::new();
        let mut members = HashMap::new();
        loop {
            self.skip_ws();
            if self.peek()? == close {
                break;
            }
            if open == b'{' {
                let name = self.string()?;
                self.skip_ws();
                if self.peek()? != b':' {
                    return None;
                }
                self.pos += 1;
                self.skip_ws();
                members.entry(name).or_insert(self.pos);
            } else {
                items.push(self.pos);
            }
            self.skip_value()?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                c if c == close => break,
                _ => return None,
            }
        }
        Some(match open {
            b'[' => Children::Array(items),
            _ => Children::Object(members),
        })
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
