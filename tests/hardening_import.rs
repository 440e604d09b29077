//! Issue 13, items 2, 3, 6 and 7: imports that are interrupted, that land beside another catalog, whose
//! inputs are huge, cut short or of the wrong shape. Nothing partial is ever left behind.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use predicates::prelude::*;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

fn gcat(missions: &Path, astro: &Path, out: &Path) -> assert_cmd::Command {
    let mut cmd = common::orbitline();
    cmd.args(["import", "gcat", "--missions"])
        .arg(missions)
        .arg("--astro")
        .arg(astro)
        .arg("--out")
        .arg(out);
    cmd
}

fn ll2(input: &Path, out: &Path) -> assert_cmd::assert::Assert {
    common::orbitline()
        .args(["import", "ll2"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .assert()
}

/// The names in `dir`, sorted (hidden ones too).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn an_endless_input_is_refused_after_its_limit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("catalog");
    ll2(Path::new("/dev/zero"), &out)
        .code(2)
        .stderr(predicate::str::contains(
            "/dev/zero: gives more than 64 MiB; an import input is at most that",
        ));
    gcat(
        Path::new("/dev/urandom"),
        &common::mcdowell("astro.html"),
        &out,
    )
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "/dev/urandom: gives more than 64 MiB",
    ));
    assert!(names(dir.path()).is_empty());
}

#[test]
fn ll2_json_of_the_wrong_shape_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("catalog");
    for (text, shape) in [
        ("42", "it holds a number"),
        ("[1,2,3]", "it holds a list of 3"),
        (r#"{"name": "not a response"}"#, "it holds an object"),
        (
            r#"{"count": 0, "results": []}"#,
            "its `results` hold nothing",
        ),
    ] {
        let input = dir.path().join("response.json");
        fs::write(&input, text).unwrap();
        ll2(&input, &out)
            .code(2)
            .stderr(predicate::str::contains(format!(
                "response.json:1:1: not a Launch Library 2 response ({shape}"
            )));
    }
    // The right shape, but nothing in it is a human spaceflight: an empty catalog is not an import.
    let input = dir.path().join("response.json");
    fs::write(
        &input,
        r#"{"count": 1, "results": [{"id": "abc", "name": "Falcon 9 | Starlink",
            "net": "2026-01-01T00:00:00Z", "rocket": {"configuration": {"name": "Falcon 9"}}}]}"#,
    )
    .unwrap();
    ll2(&input, &out).code(2).stderr(predicate::str::contains(
        "nothing to import: every launch, person and station was left out (1 launch: no spacecraft stage",
    ));
    assert_eq!(names(dir.path()), ["response.json"]);
}

#[test]
fn a_table_cut_at_a_line_boundary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("catalog");
    let cut = |name: &str, lines: usize| {
        let text = fs::read_to_string(common::mcdowell(name)).unwrap();
        let path = dir.path().join(format!("cut-{name}"));
        let kept: Vec<&str> = text.lines().take(lines).collect();
        fs::write(&path, kept.join("\n") + "\n").unwrap();
        path
    };
    // The astronaut table cut after 250 lines: launches whose crews are missing.
    gcat(
        &common::mcdowell("missions.html"),
        &cut("astro.html", 250),
        &out,
    )
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "STS-46 (STS46) flew 7 people, but only 4 of them in the astronaut table",
    ))
    .stderr(predicate::str::contains("more like the one above"));
    // The missions table cut after 300 lines: people whose launches have no row.
    gcat(
        &cut("missions.html", 300),
        &common::mcdowell("astro.html"),
        &out,
    )
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "lists launch `TMA04M`, which has no row in the missions table",
    ));
    // Tables of two different days.
    let astro = fs::read_to_string(common::mcdowell("astro.html"))
        .unwrap()
        .replace(
            "# Updated 2026 Jul  3 0703:57",
            "# Updated 2026 Aug 14 1200:00",
        );
    let other_day = dir.path().join("astro-other-day.html");
    fs::write(&other_day, astro).unwrap();
    gcat(&common::mcdowell("missions.html"), &other_day, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "updated `2026 Aug 14 1200:00`, but the missions table",
        ));
    assert!(!out.exists());
}

#[test]
fn force_never_writes_beside_another_catalog() {
    let other = common::fixture_copy("swap");
    let before = names(other.path());
    gcat(
        &common::mcdowell("missions.html"),
        &common::mcdowell("astro.html"),
        other.path(),
    )
    .arg("--force")
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "the folder holds a catalog that is not an earlier import of this kind",
    ));
    assert_eq!(names(other.path()), before);
    common::orbitline()
        .arg("--data")
        .arg(other.path())
        .arg("validate")
        .assert()
        .success();
    // A folder of anything else is refused as well.
    let notes = tempfile::tempdir().unwrap();
    fs::write(notes.path().join("notes.txt"), "mine").unwrap();
    gcat(
        &common::mcdowell("missions.html"),
        &common::mcdowell("astro.html"),
        notes.path(),
    )
    .arg("--force")
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "notes.txt: is not part of an imported catalog",
    ));
    assert_eq!(names(notes.path()), ["notes.txt"]);
}

#[test]
fn force_replaces_a_previous_import_of_the_same_kind_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("catalog");
    let (missions, astro) = (
        common::mcdowell("missions.html"),
        common::mcdowell("astro.html"),
    );
    gcat(&missions, &astro, &out).assert().success();
    let complete = names(&out.join("soyuz"));
    // A flight the new import does not have, as if from an older snapshot.
    fs::copy(
        out.join("soyuz/soyuz-1.json"),
        out.join("soyuz/soyuz-old.json"),
    )
    .unwrap();
    fs::write(out.join("vostok/vostok.json"), "{}\n").unwrap();
    gcat(&missions, &astro, &out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "soyuz-old.json: is not in this import and would be removed",
        ))
        .stderr(predicate::str::contains(
            "vostok.json: exists and would be overwritten",
        ));
    gcat(&missions, &astro, &out)
        .arg("--force")
        .assert()
        .success();
    assert_eq!(names(&out.join("soyuz")), complete);
    assert!(!names(&out).iter().any(|n| n.starts_with('.')));
    common::orbitline()
        .arg("--data")
        .arg(&out)
        .arg("validate")
        .assert()
        .success();
}

#[test]
fn an_import_over_the_loaders_file_limit_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("catalog");
    let mut response: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(data("ll2/astronaut-276-viehboeck.json")).unwrap(),
    )
    .unwrap();
    response["name"] = serde_json::Value::String("Franz Viehböck ".repeat(600_000));
    let input = dir.path().join("astronaut.json");
    fs::write(&input, serde_json::to_string(&response).unwrap()).unwrap();
    ll2(&input, &out)
        .code(2)
        .stderr(predicate::str::contains("nothing was written"));
    assert!(!out.exists());
    assert_eq!(names(dir.path()), ["astronaut.json"]);
}

#[test]
fn an_import_to_a_full_disk_leaves_nothing() {
    let Some(disk) = common::small_disk(256 * 1024) else {
        return;
    };
    let out = disk.path().join("catalog");
    gcat(
        &common::mcdowell("missions.html"),
        &common::mcdowell("astro.html"),
        &out,
    )
    .assert()
    .code(2)
    .stderr(predicate::str::contains("No space left on device"))
    .stderr(predicate::str::contains("nothing was written"));
    assert!(names(disk.path()).is_empty(), "{:?}", names(disk.path()));
}

#[test]
fn a_killed_import_leaves_nothing_that_looks_complete() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("catalog");
    let (missions, astro) = (
        common::mcdowell("missions.html"),
        common::mcdowell("astro.html"),
    );
    let reference = tempfile::tempdir().unwrap();
    gcat(&missions, &astro, &reference.path().join("catalog"))
        .assert()
        .success();
    for delay_ms in [5, 40, 120, 400] {
        let _ = fs::remove_dir_all(&out);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("orbitline"))
            .args(["import", "gcat", "--missions"])
            .arg(&missions)
            .arg("--astro")
            .arg(&astro)
            .arg("--out")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Whenever it was stopped: no catalog at all, or the complete one.
        if out.exists() {
            assert_eq!(
                names(&out.join("soyuz")),
                names(&reference.path().join("catalog/soyuz")),
                "killed after {delay_ms} ms"
            );
        }
        // The next import succeeds and tidies what the killed one left.
        gcat(&missions, &astro, &out)
            .arg("--force")
            .assert()
            .success();
        assert_eq!(names(dir.path()), ["catalog"], "killed after {delay_ms} ms");
    }
}
