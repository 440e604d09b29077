//! Issue 13, item 8: shapes of one file that made every command quadratic (one flight with 64,000 events,
//! 32,000 duplicate crew entries, tens of thousands of problems in one file). Not timed: each must finish
//! with the right answer; `docs/hardening.md` gives the measured times.

mod common;

use std::fs;
use std::path::Path;

use orbitline::synth::{hostile, Shape};

fn write(files: &[(String, String)], dir: &Path) {
    for (path, text) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

/// The generated file that holds the shape, and its flight id.
fn shaped(files: &[(String, String)], marker: &str) -> String {
    let (path, _) = files
        .iter()
        .find(|(_, text)| text.contains(marker))
        .unwrap();
    Path::new(path)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn one_flight_with_64000_events_answers_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let files = hostile(Shape::ManyEvents, 64_000);
    write(&files, dir.path());
    let id = shaped(&files, "step-63999");
    let run = |args: &[&str]| {
        common::stdout_of(common::orbitline().arg("--data").arg(dir.path()).args(args))
    };
    run(&["validate"]);
    let show = String::from_utf8(run(&["show", &id])).unwrap();
    assert!(show.contains("[step-0]") && show.contains("[step-63999]"));
    run(&["duration", &id]);
    let why = String::from_utf8(run(&["why", &format!("{id}/step-63999")])).unwrap();
    assert!(why.contains("step-63999"), "{why}");
}

#[test]
fn thirty_two_thousand_duplicate_crew_entries_are_each_reported_and_located() {
    let dir = tempfile::tempdir().unwrap();
    write(&hostile(Shape::DuplicateCrew, 32_000), dir.path());
    let out = common::orbitline()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let twice: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("is listed twice in the launch crew"))
        .collect();
    assert_eq!(twice.len(), 31_999);
    // Each at its own line: the entries are one a line in the generated file.
    let lines: std::collections::HashSet<&str> = twice
        .iter()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(lines.len(), 31_999);
}

#[test]
fn thirty_two_thousand_problems_in_one_file_are_each_located() {
    let dir = tempfile::tempdir().unwrap();
    write(&hostile(Shape::ManyProblems, 32_000), dir.path());
    let out = common::orbitline()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("error: the catalog has 32000 problems"),
        "{}",
        &stderr[..500]
    );
    let ends: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("ends (") && l.contains("before it begins"))
        .collect();
    assert_eq!(ends.len(), 32_000);
    // Located at each event's `end`, in file order: the positions strictly increase.
    let positions: Vec<(usize, usize)> = ends
        .iter()
        .map(|l| {
            let mut parts = l.split(':').skip(1);
            let line = parts.next().unwrap().parse().unwrap();
            let column = parts.next().unwrap().parse().unwrap();
            (line, column)
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}
