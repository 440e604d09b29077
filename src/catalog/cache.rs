//! Loading a catalog folder, through the parsed-catalog cache: the second run over an unchanged folder reads
//! one file instead of every flight file.
//!
//! [`load_folder`] is the one way to load a catalog folder. With a [`Cache`], it lists the folder and
//! `stat`s every file, and builds a key from what it saw: orbitline's version, a fingerprint of the model
//! types (`build.rs`), the folder's canonical path, and each file's path, size, modification time and (on
//! Unix) inode and change time. A cache file whose key is exactly that is decoded
//! ([`Catalog::read_compiled`]) and nothing is parsed; anything else (a file added, removed, edited or
//! touched, another orbitline, a truncated, corrupt or foreign cache file) is ignored, the folder is loaded
//! as without a cache, and the cache is written again, atomically ([`crate::atomic`]).
//!
//! Only a catalog that loaded cleanly is cached: a folder with problems is reported exactly as without a
//! cache. The cache is never needed for the right answer: when its folder cannot be made or written (read
//! only, full), the answer is the same and nothing is said.
//!
//! Times on disk have a granularity (a second on some file systems, two on FAT), so an edit within the
//! same tick as the listing, of the same size, could leave the key unchanged. The cache is therefore not
//! written while any file was modified less than [`SETTLE`] before the run started (`Cache::now`, the
//! caller's clock): an edit after the listing then gets a later time than any the key holds. On Unix the
//! change time, which no user can set back, is in the key as well.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{read_dir, Catalog, CatalogError, SourceFile};

/// How long a file must have been left alone before a catalog that holds it is cached.
pub const SETTLE: Duration = Duration::from_secs(2);

/// Where the parsed-catalog cache lives, and when the run started.
#[derive(Debug, Clone)]
pub struct Cache {
    /// The folder of cache files (one per catalog folder); made when missing.
    pub dir: PathBuf,
    /// When the run started, by the caller's clock (see the module doc: files changed less than
    /// [`SETTLE`] before it keep their catalog out of the cache).
    pub now: SystemTime,
}

/// Lists, reads, parses and validates the catalog folder `dir` (named `label` in output: its path, or
/// what an update made it from), or reads it from `cache` when nothing in the folder changed since it was
/// cached (see the module doc).
pub fn load_folder(
    dir: &Path,
    label: &str,
    cache: Option<&Cache>,
) -> Result<Catalog, CatalogError> {
    let files = read_dir(dir).map_err(|p| CatalogError(vec![p]))?;
    let label = label.to_string();
    let Some(cache) = cache else {
        return Catalog::load(label, files);
    };
    let Some(seen) = Seen::of(dir, &files) else {
        return Catalog::load(label, files);
    };
    let path = cache.dir.join(cache_name(&seen.root));
    // The compiled form is smaller than the JSON it came from: a larger file is not ours, and is not
    // read into memory.
    let plausible = seen
        .bytes
        .saturating_mul(2)
        .saturating_add(seen.key.len() as u64 + 64);
    // Read streaming: the file's bytes are not held beside the catalog they decode into.
    let cached = fs::metadata(&path)
        .is_ok_and(|m| m.len() <= plausible)
        .then(|| fs::File::open(&path).ok())
        .flatten()
        .and_then(|file| Catalog::read_compiled(&label, file, &seen.key));
    if let Some(catalog) = cached {
        return Ok(catalog);
    }
    let catalog = Catalog::load(label, files)?;
    let settled = seen
        .newest
        .checked_add(SETTLE)
        .is_some_and(|t| t < cache.now);
    if settled {
        // A cache that cannot be written only costs the next run its speed.
        let _ = fs::create_dir_all(&cache.dir).and_then(|()| {
            crate::atomic::write_with(&path, |file| {
                let mut out = std::io::BufWriter::new(file);
                catalog.write_compiled(&seen.key, &mut out)?;
                out.flush()
            })
        });
    }
    Ok(catalog)
}

/// What the listing saw of a folder: its canonical path, the key, the newest modification time, and the
/// size of its files.
struct Seen {
    root: PathBuf,
    key: Vec<u8>,
    newest: SystemTime,
    bytes: u64,
}

impl Seen {
    /// `None` when a file cannot be `stat`ed or is not on disk (the load then reports it, uncached).
    fn of(dir: &Path, files: &[SourceFile]) -> Option<Seen> {
        let root = fs::canonicalize(dir).ok()?;
        let mut key = Vec::with_capacity(64 * files.len() + 256);
        for part in [
            env!("CARGO_PKG_VERSION"),
            env!("ORBITLINE_MODEL_FINGERPRINT"),
            &root.to_string_lossy(),
        ] {
            push_text(&mut key, part);
        }
        let mut newest = SystemTime::UNIX_EPOCH;
        let mut bytes = 0u64;
        for file in files {
            let meta = fs::metadata(file.path()?).ok()?;
            let modified = meta.modified().ok()?;
            newest = newest.max(modified);
            bytes = bytes.saturating_add(meta.len());
            push_text(&mut key, &file.name);
            key.extend_from_slice(&meta.len().to_le_bytes());
            push_time(&mut key, modified);
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                for n in [meta.ino(), meta.ctime() as u64, meta.ctime_nsec() as u64] {
                    key.extend_from_slice(&n.to_le_bytes());
                }
            }
        }
        Some(Seen {
            root,
            key,
            newest,
            bytes,
        })
    }
}

fn push_text(key: &mut Vec<u8>, text: &str) {
    key.extend_from_slice(&(text.len() as u64).to_le_bytes());
    key.extend_from_slice(text.as_bytes());
}

fn push_time(key: &mut Vec<u8>, time: SystemTime) {
    // Before 1970 (possible on some file systems) counts as its distance back, marked.
    let (sign, since) = match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => (0u8, d),
        Err(e) => (1u8, e.duration()),
    };
    key.push(sign);
    key.extend_from_slice(&since.as_secs().to_le_bytes());
    key.extend_from_slice(&since.subsec_nanos().to_le_bytes());
}

/// The cache file of a catalog folder: a hash of its canonical path (FNV-1a, stable across builds). Two
/// folders that collide take turns in one file; the key inside tells them apart.
fn cache_name(root: &Path) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in root.to_string_lossy().bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("catalog-{hash:016x}.bin")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled_copy() -> tempfile::TempDir {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/swap");
        let dir = tempfile::tempdir().unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let to = dir.path().join(path.file_name().unwrap());
                fs::copy(&path, &to).unwrap();
                set_mtime(&to, SystemTime::now() - Duration::from_secs(3600));
            }
        }
        dir
    }

    fn set_mtime(path: &Path, time: SystemTime) {
        let file = fs::File::options().write(true).open(path).unwrap();
        file.set_modified(time).unwrap();
    }

    #[test]
    fn an_unchanged_folder_is_answered_from_the_cache_and_a_touched_one_is_read_again() {
        let dir = settled_copy();
        let cache = Cache {
            dir: tempfile::tempdir().unwrap().path().join("made"),
            now: SystemTime::now(),
        };
        assert_eq!(
            load_folder(dir.path(), &dir.path().display().to_string(), Some(&cache))
                .unwrap()
                .flights()
                .len(),
            3
        );
        // Put another catalog in the cache file under the folder's key: it is what the next load answers,
        // which shows the load read the cache and nothing else.
        let files = read_dir(dir.path()).unwrap();
        let seen = Seen::of(dir.path(), &files).unwrap();
        let path = cache.dir.join(cache_name(&seen.root));
        assert!(path.exists(), "the first load wrote the cache");
        // Part of the same catalog (Shenzhou-21 and -22), so that the file stays smaller than the JSON.
        let other = load_folder(dir.path(), &dir.path().display().to_string(), None)
            .unwrap()
            .subset(|f| f.id == "shenzhou-22");
        assert_eq!(other.flights().len(), 2);
        fs::write(&path, other.to_compiled(&seen.key)).unwrap();
        let cached =
            load_folder(dir.path(), &dir.path().display().to_string(), Some(&cache)).unwrap();
        assert_eq!(cached.flights().len(), other.flights().len());
        assert_eq!(cached.label(), dir.path().display().to_string());
        // Touching one file changes the key: the folder is read again.
        set_mtime(
            &dir.path().join("stations.json"),
            SystemTime::now() - Duration::from_secs(7200),
        );
        assert_eq!(
            load_folder(dir.path(), &dir.path().display().to_string(), Some(&cache))
                .unwrap()
                .flights()
                .len(),
            3
        );
        assert_eq!(
            load_folder(dir.path(), &dir.path().display().to_string(), None)
                .unwrap()
                .flights()
                .len(),
            3
        );
    }

    #[test]
    fn a_folder_changed_just_now_is_not_cached() {
        let dir = settled_copy();
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = Cache {
            dir: cache_dir.path().to_path_buf(),
            now: SystemTime::now(),
        };
        set_mtime(&dir.path().join("shenzhou-20.json"), cache.now - SETTLE / 2);
        load_folder(dir.path(), &dir.path().display().to_string(), Some(&cache)).unwrap();
        assert_eq!(fs::read_dir(cache_dir.path()).unwrap().count(), 0);
    }
}
