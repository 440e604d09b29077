//! Writing a file so that readers see the old contents or the new ones, never half of either.
//!
//! [`write`] writes to a temporary file in the destination's own folder (so the final step is a rename
//! within one file system), then renames it over the destination. If anything fails on the way, the
//! temporary file is removed and the destination is left as it was. It does not create folders: callers
//! decide whether a missing folder is an error ([`create_parent`] makes it). This is the one way the
//! library writes files: charts, exports and imported catalogs all go through it.
//!
//! The file is not flushed to the disk before the rename (an import writes hundreds of files, and an
//! `fsync` each costs seconds): readers and an interrupted orbitline never see a partial file, but a power
//! cut right after a write may lose that file on some file systems.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `contents` to `path` atomically (temporary file in the same folder, then rename).
pub fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(contents))
}

/// Like [`write`], with the contents produced by `fill`; when `fill` fails, nothing is left behind.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let (temp, mut file) = create_temporary(path)?;
    let result = fill(&mut file).and_then(|()| {
        drop(file);
        fs::rename(&temp, path)
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Creates the folder `path` will be written in, when it is missing.
pub fn create_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => fs::create_dir_all(parent),
        _ => Ok(()),
    }
}

/// A new file named `.NAME.PID-N.tmp` beside `path`.
fn create_temporary(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{}` does not name a file", path.display()),
        )
    })?;
    let folder = path.parent().unwrap_or(Path::new(""));
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(
            ".{}.{}-{n}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
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
    fn creates_the_parent_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("output/deeper/timeline.svg");
        create_parent(&path).unwrap();
        write(&path, b"<svg/>").unwrap();
        assert!(path.exists());
        create_parent(Path::new("timeline.svg")).unwrap();
    }
}
