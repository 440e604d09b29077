//! Writing a file so that readers see the old contents or the new ones, never half of either.
//!
//! [`write`] writes to a temporary file in the destination's own folder (so the final step is a rename
//! within one file system), then renames it over the destination. If anything fails on the way, the
//! temporary file is removed and the destination is left as it was. It does not create folders: callers
//! decide whether a missing folder is an error ([`create_parent`] makes it). This is the one way the
//! library writes files: charts, exports and imported catalogs all go through it.
//!
//! What is at the destination decides how it is written, deliberately:
//! - nothing, or a regular file: the temporary file and the rename. An existing file keeps its permissions
//!   (a 0600 file stays 0600) and, where the process may set them, its owner and group.
//! - a symbolic link: it is followed to the end of its chain, and the file it names is written as above,
//!   so the link stays a link. A link to nothing (dangling) is refused: orbitline does not create a file at
//!   a place it did not name.
//! - a device, a named pipe (FIFO) or a socket: written through, as `cp` does (`-o /dev/stdout`, a pipe
//!   another program reads); never replaced. A write through cannot be undone halfway.
//! - a folder: refused with a message that names it.
//!
//! A file with several hard links is replaced like any other: the name written gets the new contents, the
//! other names keep the old ones (as with an editor that saves by renaming).
//!
//! A process that is killed leaves its temporary file (`.NAME.PID-N.tmp`) behind: the next write into the
//! same folder removes those whose process no longer runs ([`clean_stale`]).
//!
//! The file is not flushed to the disk before the rename (an import writes hundreds of files, and an
//! `fsync` each costs seconds): readers and an interrupted orbitline never see a partial file, but a power
//! cut right after a write may lose that file on some file systems.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Writes `contents` to `path` atomically (temporary file in the same folder, then rename).
pub fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(contents))
}

/// Like [`write`], with the contents produced by `fill`; when `fill` fails, nothing is left behind.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let (path, existing) = match Target::of(path)? {
        Target::Through => {
            let mut file = OpenOptions::new().write(true).truncate(true).open(path)?;
            return fill(&mut file).and_then(|()| file.flush());
        }
        Target::File(path, existing) => (path, existing),
    };
    clean_stale(path.parent().unwrap_or(Path::new("")));
    let (temp, mut file) = create_temporary(&path).map_err(|e| explain(&path, e))?;
    let result = keep_mode(&file, existing.as_ref())
        .and_then(|()| fill(&mut file))
        .and_then(|()| {
            drop(file);
            fs::rename(&temp, &path)
        });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// How a destination is written.
enum Target {
    /// A device, a FIFO or a socket: opened and written.
    Through,
    /// A regular file, or none yet: the file to replace (the end of any chain of links) and its metadata.
    File(PathBuf, Option<fs::Metadata>),
}

impl Target {
    fn of(path: &Path) -> io::Result<Target> {
        let link = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Target::File(path.to_path_buf(), None))
            }
            Err(e) => return Err(explain(path, e)),
        };
        let (path, meta) = if link.file_type().is_symlink() {
            let resolved = fs::canonicalize(path).map_err(|_| {
                io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "`{}` is a symbolic link to nothing; orbitline writes only where a link leads to a file or a device (remove the link, or point it somewhere)",
                        path.display()
                    ),
                )
            })?;
            let meta = fs::metadata(&resolved)?;
            (resolved, meta)
        } else {
            (path.to_path_buf(), link)
        };
        if meta.is_file() {
            Ok(Target::File(path, Some(meta)))
        } else if meta.is_dir() {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "`{}` is a folder; give the name of a file to write",
                    path.display()
                ),
            ))
        } else {
            Ok(Target::Through)
        }
    }
}

/// Gives the new file the permissions (and, where allowed, the owner) of the one it replaces.
fn keep_mode(file: &File, existing: Option<&fs::Metadata>) -> io::Result<()> {
    let Some(meta) = existing else {
        return Ok(());
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only a privileged process may give a file away; others keep their own, as an editor would.
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
    }
    file.set_permissions(meta.permissions())
}

/// Creates the folder `path` will be written in, when it is missing.
pub fn create_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => {
            fs::create_dir_all(parent).map_err(|e| explain(path, e))
        }
        _ => Ok(()),
    }
}

/// Says which part of `path` is in the way when a folder on it is a file (`-o notes.txt/chart.svg`), instead
/// of the system's "File exists" or "Not a directory".
fn explain(path: &Path, error: io::Error) -> io::Error {
    let file_in_the_way = path
        .ancestors()
        .skip(1)
        .find(|a| !a.as_os_str().is_empty() && fs::metadata(a).is_ok_and(|m| !m.is_dir()));
    match file_in_the_way {
        Some(file) => io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "`{}` is a file, not a folder, so `{}` cannot be written inside it",
                file.display(),
                path.display()
            ),
        ),
        None => error,
    }
}

/// The temporary file name for `name` written by process `pid`: `.NAME.PID-N.tmp`.
fn temporary_name(name: &str, pid: u32, n: u64) -> String {
    format!(".{name}.{pid}-{n}.tmp")
}

/// The process id in a name made by [`temporary_name`] (or by [`temporary_folder`]), if it is one.
fn temporary_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = rest.rsplit_once('.')?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// A new file named `.NAME.PID-N.tmp` beside `path`.
fn create_temporary(path: &Path) -> io::Result<(PathBuf, File)> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{}` does not name a file", path.display()),
        )
    })?;
    let folder = path.parent().unwrap_or(Path::new(""));
    loop {
        let temp = folder.join(temporary_name(
            &name.to_string_lossy(),
            std::process::id(),
            next(),
        ));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

fn next() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// A new, empty folder named `.NAME.PID-N.tmp` beside `path`, to build a whole tree in before it is renamed
/// into place (an imported catalog); [`clean_stale`] removes it when its process was killed.
pub fn temporary_folder(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{}` does not name a folder", path.display()),
        )
    })?;
    let parent = path.parent().unwrap_or(Path::new(""));
    clean_stale(parent);
    loop {
        let temp = parent.join(temporary_name(
            &name.to_string_lossy(),
            std::process::id(),
            next(),
        ));
        match fs::create_dir(&temp) {
            Ok(()) => return Ok(temp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(explain(path, e)),
        }
    }
}

/// Removes, once per folder and process, the temporary files and folders that killed orbitline processes
/// left in `folder`: names `.NAME.PID-N.tmp` whose process no longer runs. Where that cannot be told (no
/// `/proc`), only those older than a day go. Errors are ignored: this is tidying, not the write.
pub fn clean_stale(folder: &Path) {
    static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let key = if folder.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        folder.to_path_buf()
    };
    if let Ok(mut cleaned) = CLEANED.lock() {
        if !cleaned.get_or_insert_with(HashSet::new).insert(key.clone()) {
            return;
        }
    }
    let Ok(entries) = fs::read_dir(&key) else {
        return;
    };
    let proc_mounted = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = temporary_pid(&name.to_string_lossy()) else {
            continue;
        };
        let stale = if proc_mounted {
            pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if !stale {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => {
                let _ = fs::remove_dir_all(entry.path());
            }
            Ok(_) => {
                let _ = fs::remove_file(entry.path());
            }
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(names(dir.path()), ["chart.svg"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        write(&path, b"old").unwrap();
        let error = write_with(&path, |file| {
            file.write_all(b"half a chart")?;
            Err(io::Error::other("render failed"))
        })
        .unwrap_err();
        assert_eq!(error.to_string(), "render failed");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["chart.png"]);
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("taken");
        fs::create_dir(target.join("")).unwrap();
        fs::write(target.join("inside"), b"x").unwrap();
        assert!(write(&target, b"data").is_err());
        assert_eq!(names(dir.path()), ["taken"]);
    }

    #[test]
    fn only_names_made_by_temporary_name_are_temporaries() {
        assert_eq!(
            temporary_pid(&temporary_name("chart.svg", 4242, 7)),
            Some(4242)
        );
        assert_eq!(temporary_pid(".catalog.17-0.tmp"), Some(17));
        for name in [
            ".notes.tmp",
            "chart.svg.12-3.tmp",
            ".x.12.tmp",
            ".x.a-3.tmp",
            ".x.12-b.tmp",
        ] {
            assert_eq!(temporary_pid(name), None, "{name}");
        }
    }

    #[test]
    #[cfg(unix)]
    fn a_symlink_is_written_through_to_its_file_and_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("real.csv");
        write(&file, b"old").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        write(&link, b"new").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"new");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        let error = write(dir.path(), b"x").unwrap_err();
        assert!(error.to_string().contains("is a folder"), "{error}");
    }

    #[test]
    fn creates_the_parent_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("output/deeper/timeline.svg");
        create_parent(&path).unwrap();
        write(&path, b"<svg/>").unwrap();
        assert!(path.exists());
        create_parent(Path::new("timeline.svg")).unwrap();
    }
}
