//! The parsed-catalog cache of `--data` folders, run as a user runs orbitline: whatever happens to the
//! folder or the cache between runs, the answer is the one a fresh read gives.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;
use common::fixture_copy;

/// A catalog folder whose files were last modified an hour ago (so that a run may cache it), and an empty
/// cache folder.
fn settled_fixture() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = fixture_copy("swap");
    for file in files(dir.path()) {
        set_mtime(&file, SystemTime::now() - Duration::from_secs(3600));
    }
    (dir, tempfile::tempdir().unwrap())
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn set_mtime(path: &Path, time: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

/// `orbitline --data DIR ARGS` with its cache in `cache`.
fn run(dir: &Path, cache: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("orbitline")
        .unwrap()
        .env_remove("ORBITLINE_DATA")
        .env("ORBITLINE_CACHE", cache)
        .arg("--data")
        .arg(dir)
        .args(args)
        .args(["--now", "2026-07-01T00:00Z"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn cache_files(cache: &Path) -> Vec<PathBuf> {
    if !cache.exists() {
        return Vec::new();
    }
    files(cache)
}

const DURATION: &[&str] = &["duration", "shenzhou-20"];

#[test]
fn a_settled_folder_is_cached_and_the_cached_answer_is_the_same() {
    let (dir, cache) = settled_fixture();
    let fresh = run(
        dir.path(),
        cache.path(),
        &["--no-cache", "duration", "shenzhou-20"],
    );
    assert!(
        cache_files(cache.path()).is_empty(),
        "--no-cache writes no cache"
    );
    assert_eq!(run(dir.path(), cache.path(), DURATION), fresh);
    assert_eq!(
        cache_files(cache.path()).len(),
        1,
        "the first run wrote the cache"
    );
    assert_eq!(run(dir.path(), cache.path(), DURATION), fresh);
    assert!(fresh.contains("203 d 23 h 23 min"), "{fresh}");
}

#[test]
fn an_edit_of_the_same_size_with_the_old_modification_time_is_seen() {
    let (dir, cache) = settled_fixture();
    let file = dir.path().join("shenzhou-21.json");
    let before = run(dir.path(), cache.path(), DURATION);
    assert_eq!(cache_files(cache.path()).len(), 1);
    // Land Shenzhou-21 one minute later: the same number of bytes, and the modification time put back.
    let old = mtime(&file);
    let text = fs::read_to_string(&file).unwrap();
    let edited = text.replace("2025-11-14T16:40:31+08:00", "2025-11-14T16:41:31+08:00");
    assert_eq!(edited.len(), text.len());
    fs::write(&file, edited).unwrap();
    set_mtime(&file, old);
    let after = run(dir.path(), cache.path(), DURATION);
    assert!(before.contains("203 d 23 h 23 min"), "{before}");
    assert!(after.contains("203 d 23 h 24 min"), "{after}");
    assert_eq!(
        after,
        run(
            dir.path(),
            cache.path(),
            &["--no-cache", "duration", "shenzhou-20"]
        )
    );
}

#[test]
fn an_edit_in_the_same_second_as_the_run_is_seen() {
    // Files written just now are not cached: an edit within the same tick of a coarse clock would keep
    // their modification time.
    let dir = fixture_copy("swap");
    let cache = tempfile::tempdir().unwrap();
    let file = dir.path().join("shenzhou-21.json");
    let before = run(dir.path(), cache.path(), DURATION);
    assert!(
        cache_files(cache.path()).is_empty(),
        "a folder changed just now is not cached"
    );
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("16:40:31+08:00", "16:41:31+08:00")).unwrap();
    let after = run(dir.path(), cache.path(), DURATION);
    assert_ne!(before, after);
    assert!(after.contains("203 d 23 h 24 min"), "{after}");
}

#[test]
fn a_removed_or_added_file_is_seen() {
    let (dir, cache) = settled_fixture();
    let list = || run(dir.path(), cache.path(), &["list"]);
    let all = list();
    assert!(all.contains("shenzhou-22 "), "{all}");
    let file = dir.path().join("shenzhou-22.json");
    let text = fs::read(&file).unwrap();
    let old = mtime(&file);
    fs::remove_file(&file).unwrap();
    let without = list();
    assert!(!without.contains("shenzhou-22 "), "{without}");
    // Back, with its old modification time.
    fs::write(&file, text).unwrap();
    set_mtime(&file, old);
    assert_eq!(list(), all);
}

#[test]
fn a_corrupt_truncated_or_foreign_cache_is_ignored_and_rebuilt() {
    let (dir, cache) = settled_fixture();
    let fresh = run(dir.path(), cache.path(), DURATION);
    let path = cache_files(cache.path()).pop().unwrap();
    let good = fs::read(&path).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x01;
    let damaged: [Vec<u8>; 6] = [
        flipped,
        good[..good.len() / 2].to_vec(),
        Vec::new(),
        b"{\"not\": \"a cache\"}".to_vec(),
        [&good[..], b"trailing"].concat(),
        // Far larger than the folder's JSON: not even read.
        [&good[..], &vec![0u8; 64 * 1024][..]].concat(),
    ];
    for bytes in damaged {
        fs::write(&path, &bytes).unwrap();
        assert_eq!(run(dir.path(), cache.path(), DURATION), fresh);
        assert_eq!(fs::read(&path).unwrap(), good, "the cache is written again");
    }
}

#[test]
fn a_cache_folder_that_cannot_be_written_leaves_the_answer_right() {
    let (dir, cache) = settled_fixture();
    let fresh = run(
        dir.path(),
        cache.path(),
        &["--no-cache", "duration", "shenzhou-20"],
    );
    // A file where the cache folder should be: nothing can be created under it, even by root.
    let blocker = cache.path().join("file");
    fs::write(&blocker, "in the way").unwrap();
    let unwritable = blocker.join("cache");
    assert_eq!(run(dir.path(), &unwritable, DURATION), fresh);
    assert_eq!(run(dir.path(), &unwritable, DURATION), fresh);
    assert!(!unwritable.exists());
}

#[test]
fn a_folder_with_problems_is_reported_the_same_with_the_cache() {
    let (dir, cache) = settled_fixture();
    let file = dir.path().join("shenzhou-21.json");
    fs::write(&file, "{\n  \"id\": 21\n}\n").unwrap();
    set_mtime(&file, SystemTime::now() - Duration::from_secs(3600));
    let output = |extra: &[&str]| {
        Command::cargo_bin("orbitline")
            .unwrap()
            .env("ORBITLINE_CACHE", cache.path())
            .arg("--data")
            .arg(dir.path())
            .args(extra)
            .arg("validate")
            .output()
            .unwrap()
    };
    let uncached = output(&["--no-cache"]);
    assert_eq!(uncached.status.code(), Some(2));
    for _ in 0..2 {
        let cached = output(&[]);
        assert_eq!(cached.status.code(), Some(2));
        assert_eq!(cached.stderr, uncached.stderr);
    }
    assert!(
        cache_files(cache.path()).is_empty(),
        "a catalog with problems is not cached"
    );
}
