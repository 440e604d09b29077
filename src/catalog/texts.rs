//! The files of a catalog being loaded, and their texts for locating problems.
//!
//! A large catalog is mostly flight files that pass every check. Their texts are read, parsed and checked
//! on every core and then dropped: holding all of them (115 MB for 100,000 flights) until validation ends
//! only served the rare problem. A problem found while its file is in hand keeps that text
//! ([`Texts::keep`]); a problem found later, by a check across files, reads its file again
//! ([`Texts::text`]). A check does not locate what it finds: it records a [`Finding`] (file, path in the
//! file, message, hint), and [`Texts::locate`] turns the findings into problems with lines and columns once
//! every check has run.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::locate::{locate_all, Path, Step};
use super::{Problem, SourceFile};

/// Something a check found, not yet located.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    /// Index of the file in [`Texts`].
    pub file: usize,
    /// Where in the file (a JSON path).
    pub path: Path,
    pub message: String,
    pub hint: String,
}

/// The files of a catalog, with the texts kept or read again for locating problems.
pub(crate) struct Texts {
    files: Vec<SourceFile>,
    kept: Vec<OnceLock<Option<String>>>,
}

impl Texts {
    pub fn new(files: Vec<SourceFile>) -> Texts {
        let kept = files.iter().map(|_| OnceLock::new()).collect();
        Texts { files, kept }
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// The file's name as shown in messages.
    pub fn name(&self, file: usize) -> &str {
        &self.files[file].name
    }

    /// Keeps a text read earlier, because a problem was found in it.
    pub fn keep(&self, file: usize, text: String) {
        // A second call for the same file has nothing to add.
        let _ = self.kept[file].set(Some(text));
    }

    /// The file's text: in memory, kept, or read again (`None` if it can no longer be read).
    pub fn text(&self, file: usize) -> Option<&str> {
        if let Some(text) = self.files[file].in_memory() {
            return Some(text);
        }
        self.kept[file]
            .get_or_init(|| self.files[file].text().ok().map(|t| t.into_owned()))
            .as_deref()
    }

    /// The findings as problems, each at its line and column (or in its file, without a position, when
    /// the file can no longer be read). The findings of one file are located together, in one pass over
    /// its text ([`locate_all`]): a file with thousands of problems costs no more than reading it.
    pub fn locate(&self, findings: Vec<Finding>) -> Vec<Problem> {
        let mut by_file: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, f) in findings.iter().enumerate() {
            by_file.entry(f.file).or_default().push(i);
        }
        let mut positions: Vec<Option<(usize, usize)>> = vec![None; findings.len()];
        for (file, indices) in by_file {
            if let Some(text) = self.text(file) {
                let paths: Vec<&[Step]> = indices.iter().map(|&i| &findings[i].path[..]).collect();
                for (i, at) in indices.into_iter().zip(locate_all(text, &paths)) {
                    positions[i] = Some(at);
                }
            }
        }
        findings
            .into_iter()
            .zip(positions)
            .map(|(f, at)| {
                let name = self.name(f.file);
                let problem = match at {
                    Some(at) => Problem::at(name, at, f.message),
                    None => Problem::in_file(name, f.message),
                };
                problem.hint(f.hint)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::read_dir;

    fn finding(file: usize) -> Finding {
        Finding {
            file,
            path: crate::json_path!["landing"],
            message: "wrong".into(),
            hint: "fix it".into(),
        }
    }

    #[test]
    fn a_finding_in_a_dropped_text_is_located_by_reading_the_file_again() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("f.json"),
            "{\n  \"id\": \"f\",\n  \"landing\": {}\n}\n",
        )
        .unwrap();
        let texts = Texts::new(read_dir(dir.path()).unwrap());
        let problems = texts.locate(vec![finding(0)]);
        assert_eq!((problems[0].line, problems[0].column), (Some(3), Some(14)));
        assert_eq!(problems[0].hint.as_deref(), Some("fix it"));
    }

    #[test]
    fn a_kept_text_is_used_and_a_vanished_file_gives_a_problem_without_position() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.json", "b.json"] {
            std::fs::write(dir.path().join(name), "{\"landing\": 1}").unwrap();
        }
        let texts = Texts::new(read_dir(dir.path()).unwrap());
        texts.keep(0, "{\n\"landing\": 1}".into());
        for name in ["a.json", "b.json"] {
            std::fs::remove_file(dir.path().join(name)).unwrap();
        }
        let problems = texts.locate(vec![finding(0), finding(1)]);
        assert_eq!((problems[0].line, problems[0].column), (Some(2), Some(12)));
        assert_eq!((problems[1].line, problems[1].column), (None, None));
        assert!(problems[1].file.ends_with("b.json"));
    }
}
