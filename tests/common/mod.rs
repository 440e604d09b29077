//! Helpers shared by the integration tests: run the binary, copy a fixture catalog.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `orbitline` binary, with the environment cleared of settings that would change its answers: no
/// `ORBITLINE_DATA`, an `ORBITLINE_HOME` that holds no updated catalog (a catalog `orbitline update` made
/// in the user's data folder would otherwise answer instead of the bundled one), and its parsed-catalog
/// cache in cargo's scratch folder for tests (never the user's cache).
pub fn orbitline() -> Command {
    let mut cmd = Command::cargo_bin("orbitline").unwrap();
    cmd.env_remove("ORBITLINE_DATA");
    cmd.env(
        "ORBITLINE_HOME",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-updated-catalog"),
    );
    cmd.env("ORBITLINE_CACHE", test_cache());
    cmd
}

/// The cache folder the tests' runs share (`target/tmp/cache`).
pub fn test_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache")
}

/// A temporary copy of `tests/fixtures/NAME/` (without its README).
pub fn fixture_copy(name: &str) -> tempfile::TempDir {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&source, dir.path());
    dir
}

/// Copies the `.json` files of the folder `from` (and its subfolders) into `to`, which exists.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else if entry.path().extension().is_some_and(|e| e == "json") {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `orbitline ARGS --json`, expects success, and parses the output.
pub fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&stdout_of(orbitline().args(args).arg("--json"))).unwrap()
}

/// Runs `command`, expects it to succeed (showing its standard error when it does not), and returns its
/// standard output.
pub fn stdout_of(command: &mut Command) -> Vec<u8> {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A small tmpfs (`size` bytes) mounted on a temporary folder, unmounted when dropped; `None` (with a
/// message saying the test is skipped) where this process may not mount one.
pub fn small_disk(size: usize) -> Option<SmallDisk> {
    let dir = tempfile::tempdir().unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if mounted {
        Some(SmallDisk { dir })
    } else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root) to simulate a full disk");
        None
    }
}

/// See [`small_disk`].
pub struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// Where it is mounted.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what is left of it with a file named `filler`.
    pub fn fill(&self) {
        use std::io::Write;
        let mut file = fs::File::create(self.path().join("filler")).unwrap();
        let block = [0u8; 4096];
        while file.write_all(&block).is_ok() {}
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

/// One of McDowell's two tables (`missions.html`, `astro.html`) as bundled in `missions/sources/mcdowell/`
/// (CC-BY J. McDowell, planet4589.org; "Updated 2026 Jul 3"): the copy the bundled catalog is generated from.
pub fn mcdowell(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("missions/sources/mcdowell")
        .join(name)
}

/// The update time of that snapshot, as orbitline writes it.
pub const MCDOWELL_SNAPSHOT: &str = "2026-07-03T07:03:57Z";

/// An imported astronaut registry (`astronauts.json` at `path`): McDowell number → astronaut id (the notes
/// start `McDowell AS-00001.`).
pub fn mcdowell_ids_by_number(path: &Path) -> BTreeMap<String, String> {
    let registry: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    registry["astronauts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let notes = a["notes"].as_str().unwrap();
            let number = notes.strip_prefix("McDowell ").unwrap()[..8].to_string();
            (number, a["id"].as_str().unwrap().to_string())
        })
        .collect()
}

/// The words of a command line as a shell splits them, for the forms the README and `--help` examples use: white space between
/// words, and double quotes around a word that has spaces (`duration "Frank Rubio"`).
pub fn shell_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                word.get_or_insert_with(String::new);
            }
            c if c.is_whitespace() && !quoted => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(!quoted, "an unclosed quote in the example `{command}`");
    words.extend(word);
    words
}
