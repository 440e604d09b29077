//! The files a catalog is made of: read from a folder, or embedded in the binary at build time.
//!
//! This is the only place the catalog touches the file system. Reading never stops at the first bad file:
//! every file that cannot be read becomes a [`Problem`] and the rest are still read. Listing a folder
//! ([`read_dir`]) and reading a file ([`SourceFile::text`]) are separate steps, so that the loader can
//! read, parse and check each file in one pass and drop its text.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::Problem;

/// One file of a catalog: its display name and where its text is (or why it cannot be read).
///
/// A file found on disk is not read until the catalog is loaded: [`Catalog::load`](super::Catalog::load)
/// reads, parses and checks each file in one pass on every core and keeps no text it does not need.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown in messages.
    pub name: String,
    /// The file name alone (`astronauts.json`), which decides what kind of file it is.
    pub file_name: String,
    content: Content,
}

#[derive(Debug, Clone)]
enum Content {
    Text(String),
    OnDisk(PathBuf),
    // Boxed: refused files are rare, and a `SourceFile` per file of a large catalog should stay small.
    Refused(Box<Problem>),
}

impl SourceFile {
    /// A file from its name and text (tests, the embedded catalog).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let name = name.into();
        SourceFile {
            file_name: name.rsplit(['/', '\\']).next().unwrap_or(&name).to_string(),
            content: Content::Text(text.into()),
            name,
        }
    }

    /// The file's text: read now for a file on disk (as UTF-8, at most [`MAX_FILE_BYTES`]), or the
    /// problem that keeps it from being read.
    pub fn text(&self) -> Result<std::borrow::Cow<'_, str>, Problem> {
        match &self.content {
            Content::Text(text) => Ok(std::borrow::Cow::Borrowed(text)),
            Content::OnDisk(path) => read_text(path, &self.name).map(std::borrow::Cow::Owned),
            Content::Refused(problem) => Err((**problem).clone()),
        }
    }

    /// Where the file is on disk (`None` for a text in memory or a refused file).
    pub(crate) fn path(&self) -> Option<&Path> {
        match &self.content {
            Content::OnDisk(path) => Some(path),
            _ => None,
        }
    }

    /// The text when it is already in memory (no reading).
    pub(crate) fn in_memory(&self) -> Option<&str> {
        match &self.content {
            Content::Text(text) => Some(text),
            _ => None,
        }
    }

    fn refused(name: String, file_name: String, problem: Problem) -> SourceFile {
        SourceFile {
            name,
            file_name,
            content: Content::Refused(Box::new(problem)),
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

/// Lists every `*.json` file below `root`, recursively, in a stable order (sorted by path); each is read
/// when the catalog is loaded ([`SourceFile::text`]). Files and folders whose name starts with `.` are
/// skipped; a file that is not a regular file is refused here. Symbolic links are followed within the
/// catalog only: one that leads out of `root` (to `/`, to another user's files) is refused and not
/// followed, and a folder reached a second time (a loop) is refused once. Fails only when `root` itself
/// cannot be read.
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
    let mut files = Vec::new();
    let mut walk_state = Walk {
        root: fs::canonicalize(root).ok(),
        seen: HashSet::new(),
    };
    walk(root, None, &mut files, &mut walk_state);
    Ok(files)
}

/// What a walk of a catalog folder keeps: its root's canonical path (symbolic links that lead out of it are
/// not followed) and the canonical paths of the folders it has been in (a loop is reported, once).
struct Walk {
    root: Option<PathBuf>,
    seen: HashSet<PathBuf>,
}

/// A symbolic link's target, when it leads out of the catalog: the catalog is the tree under its root, and
/// a link to `/` or to another user's files is not read (nor is a link into a folder that leaves it).
fn outside(walk: &Walk, path: &Path) -> Option<PathBuf> {
    let root = walk.root.as_ref()?;
    let real = fs::canonicalize(path).ok()?;
    (!real.starts_with(root)).then_some(real)
}

/// Lists `dir` into `files`. `real` is its canonical path when the caller knows it (a folder reached
/// through no symbolic link is its parent's canonical path and its name): only the root and linked
/// folders need resolving, which spares a system call per path component for every folder.
fn walk(dir: &Path, real: Option<PathBuf>, files: &mut Vec<SourceFile>, state: &mut Walk) {
    let shown = dir.display().to_string();
    // A symlink loop shows up as a folder we have already been in.
    let real = match real {
        Some(real) => Ok(real),
        None => fs::canonicalize(dir),
    };
    match real {
        Ok(real) if state.seen.contains(&real) => {
            files.push(SourceFile::refused(
                shown,
                String::new(),
                Problem::in_file(
                    dir.display().to_string(),
                    "folder reached twice (a symbolic link loop?); skipped",
                )
                .hint("remove the link that points back into the catalog"),
            ));
            return;
        }
        Ok(ref real) => {
            state.seen.insert(real.clone());
        }
        Err(e) => {
            files.push(unreadable(dir, &e));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            files.push(unreadable(dir, &e));
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
        // The entry's own type needs no system call on most file systems; a symbolic link is followed,
        // so that a linked folder or file is read like any other.
        let own = entry.file_type();
        let linked = own.as_ref().is_ok_and(|t| t.is_symlink());
        let file_type = if linked {
            fs::metadata(&path).map(|m| m.file_type())
        } else {
            own
        };
        let file_type = match file_type {
            Ok(file_type) => file_type,
            // A dangling link or an entry that vanished: only a would-be catalog file is worth a word.
            Err(e) if file_name.ends_with(".json") => {
                files.push(unreadable(&path, &e));
                continue;
            }
            Err(_) => continue,
        };
        if linked && (file_type.is_dir() || file_name.ends_with(".json")) {
            if let Some(target) = outside(state, &path) {
                let name = path.display().to_string();
                let problem = Problem::in_file(
                    &name,
                    format!(
                        "a symbolic link to `{}`, outside the catalog folder; not followed",
                        target.display()
                    ),
                )
                .hint(
                    "a catalog is the tree under its folder: copy the files in, or remove the link",
                );
                files.push(SourceFile::refused(name, file_name, problem));
                continue;
            }
        }
        if file_type.is_dir() {
            let known = match (&real, linked) {
                (Ok(parent), false) => Some(parent.join(entry.file_name())),
                _ => None,
            };
            walk(&path, known, files, state);
        } else if file_name.ends_with(".json") {
            let name = path.display().to_string();
            files.push(if file_type.is_file() {
                SourceFile {
                    name,
                    file_name,
                    content: Content::OnDisk(path),
                }
            } else {
                // A named pipe or device would block or never end: only regular files are read.
                let problem = Problem::in_file(
                    &name,
                    "not a regular file (a pipe, socket or device?); skipped",
                )
                .hint("move it out of the catalog folder");
                SourceFile::refused(name, file_name, problem)
            });
        }
    }
}

/// Reads a file as UTF-8, refusing one over [`MAX_FILE_BYTES`] and locating the first invalid byte.
fn read_text(path: &Path, name: &str) -> Result<String, Problem> {
    use std::io::Read;
    let cannot_read = |e: std::io::Error| {
        Problem::in_file(name, format!("cannot read the file: {e}"))
            .hint("check its permissions, or move it out of the catalog folder")
    };
    let file = fs::File::open(path).map_err(cannot_read)?;
    let len = file.metadata().map_err(cannot_read)?.len();
    if len > MAX_FILE_BYTES {
        return Err(Problem::in_file(
            name,
            format!(
                "the file is {:.1} MiB; catalog files are at most {} MiB",
                len as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .hint("a flight file holds one flight; check that this is the file you meant"));
    }
    // Exactly the size the file had when opened: one read for a small file, and no second read to find
    // the end (a file replaced meanwhile is still the one opened; one that shrank ends early).
    let mut bytes = vec![0; len as usize];
    let mut filled = 0;
    while filled < bytes.len() {
        match (&file).read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(cannot_read(e)),
        }
    }
    bytes.truncate(filled);
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
        return SourceFile::refused(
            path.display().to_string(),
            String::new(),
            Problem::in_file(
                path.display().to_string(),
                "a symbolic link to a file that does not exist",
            )
            .hint("remove the link, or restore the file it points to"),
        );
    }
    SourceFile::refused(
        path.display().to_string(),
        String::new(),
        Problem::in_file(path.display().to_string(), format!("cannot read: {e}"))
            .hint("check its permissions, or move it out of the catalog folder"),
    )
}
