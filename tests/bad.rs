//! Every broken catalog in `tests/bad/*.case` must fail `orbitline validate` with exit 2 and print the
//! exact problems listed in the case (file:line:column: message), and nothing may panic.
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
//! expect                            then the lines stderr must contain, paths relative to the catalog
//! ```
//!
//! `ORBITLINE_BLESS=1 cargo test --test bad` rewrites every `expect` section with the actual output: review
//! the diff line by line before committing it.

mod common;

use std::fs;
use std::path::Path;

#[derive(Debug, Default)]
struct Case {
    name: String,
    actions: Vec<Action>,
    expected: Vec<String>,
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
                "replace ", "write ", "bytes ", "remove ", "link ", "fifo ", "big ", "expect",
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
            "expect" => {
                for l in lines.by_ref() {
                    if !l.trim().is_empty() {
                        case.expected.push(l.to_string());
                    }
                }
            }
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
        let lines: Vec<&str> = stderr.lines().collect();
        if std::env::var_os("ORBITLINE_BLESS").is_some() {
            // Rewrite the case's `expect` section with what orbitline printed; review with `git diff`.
            let text = fs::read_to_string(path).unwrap();
            let head = &text[..text.find("\nexpect").map_or(text.len(), |i| i + 1)];
            fs::write(path, format!("{head}expect\n{}", stderr)).unwrap();
            continue;
        }
        for expected in &case.expected {
            if !lines.contains(&expected.as_str()) {
                failures.push(format!(
                    "{name}: missing line\n  {expected}\nstderr was:\n{stderr}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
