//! A problem found in a catalog: where it is, what is wrong, and what to do about it.

use std::fmt;

use serde::Serialize;

/// One problem in one file, with its position where it can be known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file, as the user named it (or `missions/…` for the bundled catalog).
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// The place of a problem in what the user typed rather than in a file: shown without a place.
pub const COMMAND_LINE: &str = "(command line)";

impl Problem {
    /// A problem with what the user typed (an argument, a name), which has no file.
    pub fn on_command_line(message: impl Into<String>) -> Problem {
        Problem::in_file(COMMAND_LINE, message)
    }

    /// A problem with the whole file (no position).
    pub fn in_file(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem at a line and column.
    pub fn at(
        file: impl Into<String>,
        (line, column): (usize, usize),
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            line: Some(line),
            column: Some(column),
            ..Problem::in_file(file, message)
        }
    }

    /// The same problem with a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// The same problem with the hint every "unknown name" problem gives: with a close known name,
    /// ``did you mean `x`? `` followed by `then`; without one, `otherwise`.
    pub fn hint_suggesting(self, suggestion: Option<&str>, then: &str, otherwise: &str) -> Problem {
        match suggestion {
            Some(s) if then.is_empty() => self.hint(format!("did you mean `{s}`?")),
            Some(s) => self.hint(format!("did you mean `{s}`? {then}")),
            None => self.hint(otherwise),
        }
    }
}

/// Shown on a terminal as `file:line:column: message` (a problem on the command line has no place), then
/// the hint: the file's name, the message and the hint come from folder and file names, the command line
/// and the catalog, and show their control characters escaped.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::output::escape::terminal;
        if self.file != COMMAND_LINE {
            write!(f, "{}", terminal(&self.file))?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(column) = self.column {
                    write!(f, ":{column}")?;
                }
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", terminal(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {}", terminal(hint))?;
        }
        Ok(())
    }
}

/// Why a catalog could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the catalog has {} problem{}", .0.len(), crate::words::plural(.0.len()))]
pub struct CatalogError(pub Vec<Problem>);
