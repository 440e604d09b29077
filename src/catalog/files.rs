//! The files a catalog is made of: read from a folder, or embedded in the binary at build time.
//!
//! This is the only place the catalog touches the file system. Reading never stops at the first bad file:
//! every file that cannot be read becomes a [`Problem`] and the rest are still read.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::Problem;

/// One file of a catalog: its display name and its text (or why it could not be read).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown in messages.
    pub name: String,
    /// The file name alone (`astronauts.json`), which decides what kind of file it is.
    pub file_name: String,
    /// The text, or the problem reading it.
    pub text: Result<String, Problem>,
}

impl SourceFile {
    /// A file from its name and text (tests, the embedded catalog).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let name = name.into();
        SourceFile {
            file_name: name.rsplit(['/', '\\']).next().unwrap_or(&name).to_string(),
            text: Ok(text.into()),
            name,
        }
    }
}

/// The catalog bundled with orbitline (`missions/` at build time).
pub fn embedded() -> Vec<SourceFile> {
    EMBEDDED
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect()
}

include!(concat!(env!("OUT_DIR"), "/embedded_catalog.rs"));

/// The largest catalog file orbitline reads. The biggest real one (a registry of every astronaut since
/// 1961) is a few hundred KiB; a file beyond this is a mistake (a log, a dump, a runaway string), and
/// reading it whole would only waste memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads every `*.json` file below `root`, recursively, in a stable order (sorted by path). Files and
/// folders whose name starts with `.` are skipped. Fails only when `root` itself cannot be read.
pub fn read_dir(root: &Path) -> Result<Vec<SourceFile>, Problem> {
    let shown = root.display().to_string();
    let meta = fs::metadata(root).map_err(|e| {
        Problem::in_file(&shown, format!("cannot read the catalog folder: {e}"))
            .hint("pass --data a folder of catalog files (or set ORBITLINE_DATA), or leave it out to use the bundled catalog")
    })?;
    if !meta.is_dir() {
        return Err(Problem::in_file(&shown, "is not a folder").hint(
            "--data takes the folder that holds astronauts.json, spacecraft.json, stations.json and the flight files",
        ));
    }
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    walk(root, &mut entries, &mut seen);
    // The walk only lists files; reading them is most of the time on a large catalog, and the files are
    // independent: read them on every core, keeping their order.
    use rayon::prelude::*;
    Ok(entries
        .into_par_iter()
        .map(|entry| match entry {
            Entry::Done(file) => file,
            Entry::Read {
                name,
                file_name,
                path,
            } => SourceFile {
                text: read_text(&path, &name),
                name,
                file_name,
            },
        })
        .collect())
}

/// What the walk found: a file to read, or one already settled (a problem with it).
enum Entry {
    Done(SourceFile),
    Read {
        name: String,
        file_name: String,
        path: PathBuf,
    },
}

fn walk(dir: &Path, files: &mut Vec<Entry>, seen: &mut HashSet<PathBuf>) {
    let shown = dir.display().to_string();
    // A symlink loop shows up as a folder we have already been in.
    match fs::canonicalize(dir) {
        Ok(real) if seen.contains(&real) => {
            files.push(Entry::Done(SourceFile {
                name: shown,
                file_name: String::new(),
                text: Err(Problem::in_file(
                    dir.display().to_string(),
                    "folder reached twice (a symbolic link loop?); skipped",
                )
                .hint("remove the link that points back into the catalog")),
            }));
            return;
        }
        Ok(real) => {
            seen.insert(real);
        }
        Err(e) => {
            files.push(Entry::Done(unreadable(dir, &e)));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            files.push(Entry::Done(unreadable(dir, &e)));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with('.') {
            continue;
        }
        // Follow symbolic links, so that a linked folder or file is read like any other.
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            // A dangling link or an entry that vanished: only a would-be catalog file is worth a word.
            Err(e) if file_name.ends_with(".json") => {
                files.push(Entry::Done(unreadable(&path, &e)));
                continue;
            }
            Err(_) => continue,
        };
        if meta.is_dir() {
            walk(&path, files, seen);
        } else if file_name.ends_with(".json") {
            let name = path.display().to_string();
            // A named pipe or device would block or never end: only regular files are read.
            let refused = if !meta.is_file() {
                Some(
                    Problem::in_file(
                        &name,
                        "not a regular file (a pipe, socket or device?); skipped",
                    )
                    .hint("move it out of the catalog folder"),
                )
            } else if meta.len() > MAX_FILE_BYTES {
                Some(
                    Problem::in_file(
                        &name,
                        format!(
                            "the file is {:.1} MiB; catalog files are at most {} MiB",
                            meta.len() as f64 / (1024.0 * 1024.0),
                            MAX_FILE_BYTES / (1024 * 1024)
                        ),
                    )
                    .hint("a flight file holds one flight; check that this is the file you meant"),
                )
            } else {
                None
            };
            files.push(match refused {
                Some(problem) => Entry::Done(SourceFile {
                    name,
                    file_name,
                    text: Err(problem),
                }),
                None => Entry::Read {
                    name,
                    file_name,
                    path,
                },
            });
        }
    }
}

/// Reads a file as UTF-8, locating the first invalid byte.
fn read_text(path: &Path, name: &str) -> Result<String, Problem> {
    let bytes = fs::read(path).map_err(|e| {
        Problem::in_file(name, format!("cannot read the file: {e}"))
            .hint("check its permissions, or move it out of the catalog folder")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let position =
            super::locate::line_col(&String::from_utf8_lossy(&e.as_bytes()[..valid]), valid);
        Problem::at(name, position, "the file is not valid UTF-8").hint("save the file as UTF-8")
    })
}

fn unreadable(path: &Path, e: &std::io::Error) -> SourceFile {
    let dead_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if dead_link {
        return SourceFile {
            name: path.display().to_string(),
            file_name: String::new(),
            text: Err(Problem::in_file(
                path.display().to_string(),
                "a symbolic link to a file that does not exist",
            )
            .hint("remove the link, or restore the file it points to")),
        };
    }
    SourceFile {
        name: path.display().to_string(),
        file_name: String::new(),
        text: Err(
            Problem::in_file(path.display().to_string(), format!("cannot read: {e}"))
                .hint("check its permissions, or move it out of the catalog folder"),
        ),
    }
}
