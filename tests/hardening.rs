//! How orbitline behaves when something goes wrong inside it.

mod common;

use predicates::prelude::*;

#[test]
fn a_panic_is_reported_as_a_bug_with_exit_2() {
    common::orbitline()
        .env("ORBITLINE_FORCE_PANIC", "1")
        .arg("list")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "error: orbitline hit a bug and stopped",
        ))
        .stderr(predicate::str::contains("hint: please report it"));
}

/// Every file below `dir`, with its bytes.
fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn no_command_that_reads_a_catalog_writes_inside_it() {
    let catalog = common::fixture_copy("swap");
    let before = snapshot(catalog.path());
    let out = tempfile::tempdir().unwrap();
    let chart = out.path().join("chart.svg");
    let commands: Vec<Vec<&str>> = vec![
        vec!["validate"],
        vec!["list"],
        vec!["show", "shenzhou-20"],
        vec!["duration", "shenzhou-20"],
        vec!["records", "--kind", "crew", "--progression"],
        vec!["check", "shenzhou-20", "--days", "204"],
        vec!["station", "tiangong"],
        vec!["why", "shenzhou-22/launch"],
        vec!["impact", "shenzhou-22/launch", "--slip", "10d"],
        vec!["graph"],
        vec!["export", "--format", "csv"],
        vec!["chart", "-o", chart.to_str().unwrap()],
    ];
    for args in commands {
        let status = common::orbitline()
            .args(&args)
            .arg("--data")
            .arg(catalog.path())
            .current_dir(out.path())
            .output()
            .unwrap()
            .status;
        assert!(
            status.code().is_some_and(|c| c <= 1),
            "{args:?} exited with {status}"
        );
    }
    assert_eq!(
        snapshot(catalog.path()),
        before,
        "a command changed the catalog folder"
    );
    assert!(chart.exists());
}
