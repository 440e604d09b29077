//! Every broken catalog in `tests/bad/*.case` must fail `orbitline validate` with exit 2, print exactly the
//! problems in its snapshot `tests/snapshots/bad/NAME.snap` (file:line:column: message, hint), and not
//! panic.
//!
//! A case starts from the fixture catalog `tests/fixtures/swap/` and changes it with directives:
//!
//! ```text
//! # what the case is about (comment lines start with #)
//! replace shenzhou-21.json          then pairs of lines: `- old text` and `+ new text`
//! write extra/x.json                then the file's lines, up to the next directive
//! bytes bad.json 7b22ff             the file's bytes in hex
//! remove stations.json
//! link loop -> .                    a symbolic link
//! fifo pipe.json                    a named pipe (reading it would block forever)
//! big huge.json 10485760            a flight file whose name is a string of that many bytes
//! ```
//!
//! The expected standard error (paths relative to the catalog) is an `insta` snapshot. When it differs the
//! test writes `NAME.snap.new` beside the snapshot and fails after running every case; review with
//! `cargo insta review` (from `cargo install cargo-insta`), or without that tool accept every new output
//! with `INSTA_UPDATE=always cargo test --test bad` and review it with `git diff tests/snapshots/bad`. A new
//! case needs no snapshot to start: the first run writes `NAME.snap.new` to review.

mod common;

use std::fs;
use std::path::Path;

/// How to look at a changed snapshot and accept it.
const REVIEW: &str = "review with `cargo insta review`, or accept every new output with \
                      `INSTA_UPDATE=always cargo test --test bad` and read `git diff tests/snapshots/bad`";

/// Snapshots under tests/snapshots/bad/, named after their case, holding the text alone.
fn snapshots() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/bad");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

#[derive(Debug, Default)]
struct Case {
    name: String,
    actions: Vec<Action>,
}

#[derive(Debug)]
enum Action {
    Replace(String, Vec<(String, String)>),
    Write(String, String),
    Bytes(String, Vec<u8>),
    Remove(String),
    Link(String, String),
    Fifo(String),
    Big(String, usize),
}

fn parse_case(name: &str, text: &str) -> Case {
    let mut case = Case {
        name: name.to_string(),
        ..Case::default()
    };
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (directive, arg) = line.split_once(' ').unwrap_or((line, ""));
        let is_directive = |l: &&str| {
            [
                "replace ", "write ", "bytes ", "remove ", "link ", "fifo ", "big ",
            ]
            .iter()
            .any(|d| l.starts_with(d))
        };
        match directive {
            "replace" => {
                let mut pairs = Vec::new();
                // `- old` then one or more `+ new` lines (joined by newlines); a lone `+` deletes.
                while let Some(old) = lines.next_if(|l| l.starts_with("- ")) {
                    let mut new = Vec::new();
                    while let Some(l) = lines.next_if(|l| l.starts_with('+')) {
                        new.push(l.get(2..).unwrap_or(""));
                    }
                    assert!(!new.is_empty(), "{name}: `- old` without `+ new`");
                    pairs.push((old[2..].to_string(), new.join("\n")));
                }
                case.actions.push(Action::Replace(arg.to_string(), pairs));
            }
            "write" => {
                let mut body = String::new();
                while let Some(l) = lines.next_if(|l| !is_directive(l)) {
                    body.push_str(l);
                    body.push('\n');
                }
                case.actions.push(Action::Write(arg.to_string(), body));
            }
            "bytes" => {
                let (file, hex) = arg.split_once(' ').expect("bytes FILE HEX");
                let bytes = (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
                    .collect();
                case.actions.push(Action::Bytes(file.to_string(), bytes));
            }
            "remove" => case.actions.push(Action::Remove(arg.to_string())),
            "fifo" => case.actions.push(Action::Fifo(arg.to_string())),
            "big" => {
                let (file, size) = arg.split_once(' ').expect("big FILE BYTES");
                case.actions
                    .push(Action::Big(file.to_string(), size.parse().expect("a size")));
            }
            "link" => {
                let (link, target) = arg.split_once(" -> ").expect("link NAME -> TARGET");
                case.actions
                    .push(Action::Link(link.to_string(), target.to_string()));
            }
            "expect" => panic!(
                "{name}: the expected output is no longer in the case: delete the `expect` section and \
                 accept the output into tests/snapshots/bad/{name}.snap ({REVIEW})"
            ),
            other => panic!("{name}: unknown directive `{other}`"),
        }
    }

    case
}

fn apply(case: &Case, root: &Path) {
    for action in &case.actions {
        match action {
            Action::Replace(file, pairs) => {
                let path = root.join(file);
                let mut text = fs::read_to_string(&path).unwrap();
                for (old, new) in pairs {
                    assert!(
                        text.contains(old.as_str()),
                        "{}: `{old}` is not in {file}",
                        case.name
                    );
                    text = text.replacen(old.as_str(), new, 1);
                }
                fs::write(path, text).unwrap();
            }
            Action::Write(file, body) => {
                let path = root.join(file);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, body).unwrap();
            }
            Action::Bytes(file, bytes) => fs::write(root.join(file), bytes).unwrap(),
            Action::Remove(file) => fs::remove_file(root.join(file)).unwrap(),
            Action::Fifo(file) => {
                let status = std::process::Command::new("mkfifo")
                    .arg(root.join(file))
                    .status()
                    .unwrap();
                assert!(status.success(), "mkfifo");
            }
            Action::Big(file, size) => {
                let text = format!(
                    r#"{{"id": "big", "name": "{}", "program": "Shenzhou", "spacecraft": "shenzhou", "nation": "CN", "launch": {{"time": "2025-01-01"}}, "sources": ["https://example.org"]}}"#,
                    "x".repeat(*size)
                );
                fs::write(root.join(file), text).unwrap();
            }
            Action::Link(link, target) => {
                #[cfg(unix)]
                std::os::unix::fs::symlink(target, root.join(link)).unwrap();
                #[cfg(not(unix))]
                let _ = (link, target);
            }
        }
    }
}

#[test]
fn every_bad_catalog_is_refused_with_its_exact_problems() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "case"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "only {} cases", names.len());
    let mut failures = Vec::new();
    for path in &names {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let case = parse_case(&name, &fs::read_to_string(path).unwrap());
        let catalog = common::fixture_copy("swap");
        apply(&case, catalog.path());
        let output = common::orbitline()
            .arg("validate")
            .arg("--data")
            .arg(catalog.path())
            .output()
            .unwrap();
        let prefix = format!("{}/", catalog.path().display());
        let stderr = String::from_utf8_lossy(&output.stderr)
            .replace(&prefix, "")
            .replace(&catalog.path().display().to_string(), "<catalog>");
        if output.status.code() != Some(2) {
            failures.push(format!(
                "{name}: exit {:?}, stderr:\n{stderr}",
                output.status.code()
            ));
            continue;
        }
        if stderr.contains("panicked") {
            failures.push(format!("{name}: panicked:\n{stderr}"));
        }
        // The exact standard error, as a reviewed snapshot in tests/snapshots/bad/NAME.snap. A difference
        // is recorded (NAME.snap.new) and reported after every case has run.
        let snapshot = std::panic::catch_unwind(|| {
            snapshots().bind(|| insta::assert_snapshot!(name.as_str(), &stderr));
        });
        if snapshot.is_err() {
            failures.push(format!(
                "{name}: stderr differs from tests/snapshots/bad/{name}.snap"
            ));
        }
    }
    if !failures.is_empty() {
        failures.push(REVIEW.to_string());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
