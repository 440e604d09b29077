//! Putting an imported catalog into its folder so that the folder holds the whole catalog or none of it.
//!
//! Before anything is written, the rendered files are loaded as a catalog in memory ([`check_loads`]): an
//! import never writes a catalog its own loader would refuse (a file over the loader's size limit, an id
//! the validator rejects). Then:
//! - a folder that does not exist yet is built complete in a temporary folder beside it
//!   (`.NAME.PID-N.tmp`) and renamed into place in one step;
//! - an empty folder, or one that holds only a previous import of the same kind (its `astronauts.json`
//!   names the same source and says it was imported by orbitline, and it has nothing but catalog files), is built in a hidden temporary folder
//!   inside it (the catalog reader skips hidden entries), then moved in: flight folders first, the
//!   registries last, `astronauts.json` the very last; replacing a previous import (`--force`) removes its
//!   `astronauts.json` first. A run stopped in between leaves a folder with no registry, which every
//!   command refuses, never a catalog that looks complete and is not;
//! - any other folder is refused: the import would mix with files it does not own.
//!
//! A killed run's temporary folder is removed by the next import there ([`crate::atomic::clean_stale`]).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{ImportError, Written};
use crate::catalog::{Catalog, Problem, SourceFile, MAX_FILE_BYTES};

/// What both importers write in the notes of `astronauts.json`: with the import's source among its
/// `sources`, it marks a folder as an earlier import of the same kind.
const IMPORTED_BY: &str = "Imported by orbitline.";

const REGISTRIES: [&str; 3] = ["spacecraft.json", "stations.json", "astronauts.json"];

/// Refuses a rendered catalog that orbitline's own loader would refuse: each file within the loader's size
/// limit, and the whole loading and validating cleanly. `files` are (path, text), any path.
pub(super) fn check_loads(files: &[(PathBuf, String)]) -> Result<(), ImportError> {
    let mut problems: Vec<Problem> = files
        .iter()
        .filter(|(_, text)| text.len() as u64 > MAX_FILE_BYTES)
        .map(|(path, text)| {
            Problem::in_file(
                path.display().to_string(),
                format!(
                    "would be {:.1} MiB; catalog files are at most {} MiB",
                    text.len() as f64 / (1024.0 * 1024.0),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .hint("the input holds a text far longer than any real name, note or source: check it")
        })
        .collect();
    if problems.is_empty() {
        let sources = files
            .iter()
            .map(|(path, text)| SourceFile::new(path.display().to_string(), text.clone()))
            .collect();
        if let Err(e) = Catalog::load("the imported catalog", sources) {
            problems = e.0;
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    for problem in &mut problems {
        if problem.hint.is_none() {
            *problem = problem.clone().hint(
                "the input holds something the catalog format does not allow; nothing was written",
            );
        }
    }
    Err(ImportError::Invalid(problems))
}

/// What is in the folder an import goes to.
enum Folder {
    Missing,
    /// Empty, or a previous import of the same kind: its files by path relative to the folder.
    Ours(BTreeMap<PathBuf, PathBuf>),
    /// Something else: the first entry that shows it.
    Other(PathBuf, &'static str),
}

/// Writes a new catalog (`files` relative to `out`) into `out`, whole or not at all.
pub(super) fn place(
    out: &Path,
    files: &[(PathBuf, String)],
    source: Option<&str>,
    force: bool,
) -> Result<Written, ImportError> {
    let mut written = Written {
        out: out.display().to_string(),
        ..Written::default()
    };
    let write_failed = |path: &Path, e: io::Error| {
        ImportError::Write(vec![Problem::in_file(
            path.display().to_string(),
            format!("cannot write: {e}"),
        )
        .hint(
            "check that the folder is writable and the disk has room; nothing was written",
        )])
    };
    match classify(out, source) {
        Folder::Other(path, why) => Err(ImportError::Exists(vec![Problem::in_file(
            path.display().to_string(),
            why,
        )
        .hint("import into a new or empty folder, or add to a catalog with --merge")])),
        Folder::Missing => {
            crate::atomic::create_parent(out).map_err(|e| write_failed(out, e))?;
            let staging = crate::atomic::temporary_folder(out).map_err(|e| write_failed(out, e))?;
            let built = build(&staging, files).and_then(|()| fs::rename(&staging, out));
            if let Err(e) = built {
                let _ = fs::remove_dir_all(&staging);
                return Err(write_failed(out, e));
            }
            written.written = files.len();
            Ok(written)
        }
        Folder::Ours(old) => {
            let new: BTreeMap<&Path, &String> =
                files.iter().map(|(p, t)| (p.as_path(), t)).collect();
            let mut refused = Vec::new();
            for (rel, path) in &old {
                let same = new
                    .get(rel.as_path())
                    .is_some_and(|text| fs::read(path).is_ok_and(|b| b == text.as_bytes()));
                if same {
                    written.unchanged += 1;
                } else if new.contains_key(rel.as_path()) {
                    refused.push(Problem::in_file(path.display().to_string(), "exists and would be overwritten")
                        .hint("pass --force to replace the previous import, --merge to add to the catalog there, or choose another --out"));
                } else {
                    refused.push(Problem::in_file(path.display().to_string(), "is not in this import and would be removed")
                        .hint("pass --force to replace the previous import, --merge to add to the catalog there, or choose another --out"));
                }
            }
            written.written = files.len() - written.unchanged;
            if refused.is_empty() && written.written == 0 {
                return Ok(written);
            }
            if !refused.is_empty() && !force {
                return Err(ImportError::Exists(refused));
            }
            let staging = crate::atomic::temporary_folder(&out.join(".import"))
                .map_err(|e| write_failed(out, e))?;
            let moved = build(&staging, files).and_then(|()| move_in(&staging, out, files));
            let _ = fs::remove_dir_all(&staging);
            moved.map_err(|e| write_failed(out, e))?;
            Ok(written)
        }
    }
}

/// Writes every file below `folder`.
fn build(folder: &Path, files: &[(PathBuf, String)]) -> io::Result<()> {
    for (rel, text) in files {
        let path = folder.join(rel);
        crate::atomic::create_parent(&path)?;
        fs::write(&path, text)?;
    }
    Ok(())
}

/// Replaces what is in `out` (empty, or a previous import) with the catalog built in `staging`.
fn move_in(staging: &Path, out: &Path, files: &[(PathBuf, String)]) -> io::Result<()> {
    // The old catalog stops being one before anything else changes.
    for registry in REGISTRIES.iter().rev() {
        match fs::remove_file(out.join(registry)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    for entry in fs::read_dir(out)?.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    let mut tops: Vec<&std::ffi::OsStr> = files
        .iter()
        .filter_map(|(rel, _)| rel.components().next().map(|c| c.as_os_str()))
        .collect();
    tops.sort();
    tops.dedup();
    // Folders of flights first, the registries last and astronauts.json the very last.
    tops.sort_by_key(|name| {
        REGISTRIES
            .iter()
            .position(|r| std::ffi::OsStr::new(r) == *name)
            .map_or(0, |i| i + 1)
    });
    for name in tops {
        fs::rename(staging.join(name), out.join(name))?;
    }
    Ok(())
}

/// Whether `out` is missing, empty or a previous import whose `astronauts.json` names `source`.
fn classify(out: &Path, source: Option<&str>) -> Folder {
    let meta = match fs::metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Folder::Missing,
        Err(_) => return Folder::Other(out.to_path_buf(), "cannot be read"),
        Ok(meta) => meta,
    };
    if !meta.is_dir() {
        return Folder::Other(
            out.to_path_buf(),
            "is not a folder (--out names the folder to write the catalog into)",
        );
    }
    // A killed run's temporary folders: inside (an earlier replacement) and beside (an earlier new folder).
    crate::atomic::clean_stale(out);
    if let Some(parent) = out.parent() {
        crate::atomic::clean_stale(parent);
    }
    let registry = out.join("astronauts.json");
    let same_kind = fs::read_to_string(&registry)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .is_some_and(|v| {
            let imported = v["notes"].as_str().is_some_and(|n| n.contains(IMPORTED_BY));
            let sources = v["sources"].as_array().map(Vec::as_slice).unwrap_or(&[]);
            imported && source.is_some_and(|ours| sources.iter().any(|s| s.as_str() == Some(ours)))
        });
    if registry.exists() && !same_kind {
        return Folder::Other(
            registry,
            "the folder holds a catalog that is not an earlier import of this kind",
        );
    }
    let mut files = BTreeMap::new();
    if let Err(other) = list_import(out, Path::new(""), 0, &mut files) {
        return other;
    }
    if files.is_empty() || same_kind {
        Folder::Ours(files)
    } else {
        Folder::Other(
            out.to_path_buf(),
            "holds catalog files but no astronauts.json: not an earlier import of this kind",
        )
    }
}

/// The files of an import below `dir` (registries at the top, flight files one folder down), or the first
/// entry that is not one.
fn list_import(
    root: &Path,
    rel: &Path,
    depth: usize,
    files: &mut BTreeMap<PathBuf, PathBuf>,
) -> Result<(), Folder> {
    let dir = root.join(rel);
    let entries = fs::read_dir(&dir).map_err(|_| Folder::Other(dir.clone(), "cannot be read"))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().ok();
        let is_dir = kind.is_some_and(|k| k.is_dir());
        let is_file = kind.is_some_and(|k| k.is_file());
        let json = name.to_string_lossy().ends_with(".json");
        let registry = REGISTRIES.iter().any(|r| name == *r) || name == "schema.json";
        if depth == 0 && is_dir {
            list_import(root, &rel.join(&name), 1, files)?;
        } else if is_file && json && (depth == 1 || registry) {
            files.insert(rel.join(&name), path);
        } else {
            return Err(Folder::Other(
                path,
                "is not part of an imported catalog, and the import would mix with it",
            ));
        }
    }
    Ok(())
}
