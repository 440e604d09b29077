//! Issue 13, items 1 and 2: `-o` onto what is not a plain new file, and what an interrupted write leaves.

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use predicates::prelude::*;

/// `orbitline export --format csv -o TARGET`, run in `dir`.
fn export_to(dir: &Path, target: &str) -> assert_cmd::assert::Assert {
    common::orbitline()
        .current_dir(dir)
        .args(["export", "--format", "csv", "-o", target])
        .assert()
}

fn csv() -> Vec<u8> {
    common::stdout_of(common::orbitline().args(["export", "--format", "csv"]))
}

#[test]
fn a_character_device_is_written_through_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let node = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mknod is not allowed here (it needs root)");
        return;
    }
    export_to(dir.path(), "null").success();
    let meta = fs::symlink_metadata(&node).unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "the device node was replaced"
    );
}

#[test]
fn a_fifo_is_written_through_to_its_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    export_to(dir.path(), "pipe").success();
    assert_eq!(reader.join().unwrap(), csv());
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_symlink_is_followed_to_its_file_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    fs::write(dir.path().join("real/flights.csv"), "old").unwrap();
    std::os::unix::fs::symlink("real/flights.csv", dir.path().join("link.csv")).unwrap();
    export_to(dir.path(), "link.csv").success();
    assert!(fs::symlink_metadata(dir.path().join("link.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read(dir.path().join("real/flights.csv")).unwrap(),
        csv()
    );
    // A link to nothing is refused, and nothing is created where it points.
    std::os::unix::fs::symlink("nowhere.csv", dir.path().join("dangling.csv")).unwrap();
    export_to(dir.path(), "dangling.csv")
        .code(2)
        .stderr(predicate::str::contains("is a symbolic link to nothing"));
    assert!(!dir.path().join("nowhere.csv").exists());
}

#[test]
fn an_existing_file_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.csv");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    export_to(dir.path(), "private.csv").success();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(fs::read(&path).unwrap(), csv());
}

#[test]
fn a_file_where_a_folder_should_be_is_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    for command in [["export", "--format", "csv"], ["chart", "--format", "svg"]] {
        common::orbitline()
            .current_dir(dir.path())
            .args(command)
            .args(["-o", "notes.txt/x.svg"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "`notes.txt` is a file, not a folder",
            ))
            .stderr(predicate::str::contains("File exists").not());
    }
    assert_eq!(fs::read(dir.path().join("notes.txt")).unwrap(), b"mine");
    export_to(dir.path(), ".")
        .code(2)
        .stderr(predicate::str::contains("is a folder"));
}

#[test]
fn a_killed_run_s_temporaries_are_cleaned_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    // A process id that runs no process now.
    let dead = (2_000_000..4_000_000u32)
        .find(|pid| !Path::new("/proc").join(pid.to_string()).exists())
        .unwrap();
    let stale = dir.path().join(format!(".flights.csv.{dead}-0.tmp"));
    fs::write(&stale, "half an export").unwrap();
    let stale_folder = dir.path().join(format!(".catalog.{dead}-3.tmp"));
    fs::create_dir_all(stale_folder.join("soyuz")).unwrap();
    // One of a process that still runs (this test), and a file of the user's that only looks alike.
    let live = dir
        .path()
        .join(format!(".flights.csv.{}-0.tmp", std::process::id()));
    fs::write(&live, "being written").unwrap();
    let users = dir.path().join(".notes.tmp");
    fs::write(&users, "mine").unwrap();
    export_to(dir.path(), "flights.csv").success();
    assert!(!stale.exists() && !stale_folder.exists());
    assert!(live.exists() && users.exists());
}

#[test]
fn an_export_to_a_full_disk_is_exit_2_and_leaves_the_old_file() {
    let Some(disk) = common::small_disk(64 * 1024) else {
        return;
    };
    fs::write(disk.path().join("flights.csv"), "old").unwrap();
    disk.fill();
    export_to(disk.path(), "flights.csv")
        .code(2)
        .stderr(predicate::str::contains("No space left on device"));
    assert_eq!(fs::read(disk.path().join("flights.csv")).unwrap(), b"old");
    let mut names: Vec<_> = fs::read_dir(disk.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["filler", "flights.csv"],
        "a temporary file was left"
    );
}
