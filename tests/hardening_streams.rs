//! Issue 13, items 4 and 5: standard output and standard error that are full, closed or gone.

mod common;

use std::fs::OpenOptions;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

/// `/dev/full`, opened for writing: every write fails with "No space left on device".
fn dev_full() -> Stdio {
    Stdio::from(OpenOptions::new().write(true).open("/dev/full").unwrap())
}

fn orbitline() -> Command {
    let mut cmd = Command::cargo_bin("orbitline").unwrap();
    cmd.env_remove("ORBITLINE_DATA");
    cmd
}

#[test]
fn a_full_stdout_is_exit_2_with_a_message() {
    let out = orbitline().arg("list").stdout(dev_full()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: could not write to standard output: No space left on device"),
        "{stderr}"
    );
}

#[test]
fn a_closed_stdout_is_exit_2_with_a_message() {
    // The shell closes standard output before orbitline starts: `orbitline list >&-`.
    let bin = assert_cmd::cargo::cargo_bin("orbitline");
    let out = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" list >&-")
        .arg(&bin)
        .env_remove("ORBITLINE_DATA")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: standard output is closed"),
        "{stderr}"
    );
    // Discarding the answer on purpose is still fine.
    let out = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" list > /dev/null")
        .arg(&bin)
        .env_remove("ORBITLINE_DATA")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn a_reader_that_goes_away_is_still_a_quiet_success() {
    // `head -c 0` exits without reading: orbitline's write finds the pipe closed (`list | head`).
    let out = Command::new("sh")
        .arg("-c")
        .arg("{ \"$0\" list; echo \"exit $?\" >&2; } | head -c 0")
        .arg(assert_cmd::cargo::cargo_bin("orbitline"))
        .env_remove("ORBITLINE_DATA")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "exit 0\n");
}

#[test]
fn a_full_stderr_never_aborts() {
    // An error to report, and nowhere to report it: the exit code still says it.
    let out = orbitline()
        .args(["show", "nope"])
        .stderr(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A bug reported to a full standard error: still exit 2, not an abort (134) from a panic in the hook.
    let out = orbitline()
        .env("ORBITLINE_FORCE_PANIC", "1")
        .arg("list")
        .stderr(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Both streams full.
    let out = orbitline()
        .args(["show", "nope"])
        .stdout(dev_full())
        .stderr(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
