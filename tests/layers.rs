//! The layers of the library point one way: `model` ← `catalog` ← (`timeline`, `deps`) ← (`report`,
//! `chart`, `export`, `import`, `update`) ← `app` ← `cli`/`main`. This test reads every module file under `src/`
//! and fails on a `crate::` path (in a `use` or in code) that points up the stack, naming the file, the
//! line and the import.
//!
//! Test code (from a file's first `#[cfg(test)]` on) and comments are not read: a unit test may build
//! what it needs from any layer, and a doc link is not a dependency.

use std::fs;
use std::path::{Path, PathBuf};

/// Every top-level module of the crate with its layer (higher may use lower). `suggest`, `words`, `atomic`,
/// `output` (escaping text for each output format) and `synth` are leaf utilities: they import nothing
/// from the crate.
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),
    ("suggest", 0),
    ("atomic", 0),
    ("words", 0),
    ("output", 0),
    ("synth", 0),
    ("catalog", 1),
    ("timeline", 2),
    ("deps", 2),
    ("report", 3),
    ("chart", 3),
    ("export", 3),
    ("import", 3),
    ("update", 3),
    ("app", 4),
    ("cli", 5),
    ("main", 5),
    ("lib", 5),
];

/// Imports between two modules of the same layer, one way only: `deps` builds on `timeline`'s queries,
/// `report` prints what `chart`, `import` and `update` return, and `update` builds on `import`'s readers.
const SIDEWAYS: &[(&str, &str)] = &[
    ("deps", "timeline"),
    ("report", "chart"),
    ("report", "import"),
    ("report", "update"),
    ("update", "import"),
];

/// Items at the crate root that are not modules (macros exported with `#[macro_export]`).
const ROOT_ITEMS: &[&str] = &["json_path"];

/// `synth` is test and bench tooling: no library code uses it.
const TOOLING: &[&str] = &["synth"];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// What `importer` may not do when it names `imported`, or `None` when the import is fine.
fn violation(importer: &str, imported: &str) -> Option<String> {
    if importer == imported || ROOT_ITEMS.contains(&imported) {
        return None;
    }
    let (Some(from), Some(to)) = (layer(importer), layer(imported)) else {
        return Some(format!(
            "`{imported}` is not in the layer table of tests/layers.rs: add it to LAYERS"
        ));
    };
    if TOOLING.contains(&imported) {
        return Some(format!(
            "{imported} is test tooling, library code may not use it"
        ));
    }
    if from > to || (from == to && SIDEWAYS.contains(&(importer, imported))) {
        return None;
    }
    Some(format!(
        "{importer} (layer {from}) may not import {imported} (layer {to}): move the code it needs \
         down, or this code up"
    ))
}

/// The module path of a file under `src/`: `catalog/validate.rs` is `[catalog, validate]`,
/// `catalog/mod.rs` is `[catalog]`, `app.rs` is `[app]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The top-level modules the code lines of one file name through `crate::` (or `super::` up to the crate
/// root), with their line numbers and the path as written.
fn imports(text: &str, path: &[String]) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        for (start, _) in code.match_indices("crate::") {
            let before = code[..start].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[start + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push((i + 1, name.clone(), format!("crate::{name}")));
            }
        }
        for (start, _) in code.match_indices("super::") {
            let before = code[..start].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            // A file's own module is `path`; each `super` goes one up from it (`mod.rs` is the folder).
            let mut rest = &code[start..];
            let mut climbed = 0;
            while let Some(r) = rest.strip_prefix("super::") {
                rest = r;
                climbed += 1;
            }
            if climbed == path.len() {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push((i + 1, name.clone(), "super::".repeat(climbed) + &name));
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every import under `src/` that points up the stack, as `file:line: import: why`.
fn violations_in(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let path = module_path(relative);
        let text = fs::read_to_string(&file).unwrap();
        for (line, imported, written) in imports(&text, &path) {
            if let Some(why) = violation(&path[0], &imported) {
                problems.push(format!(
                    "src/{}:{line}: {written}: {why}",
                    relative.display()
                ));
            }
        }
    }
    problems
}

#[test]
fn every_import_points_down_the_stack() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = violations_in(&src);
    assert!(
        problems.is_empty(),
        "imports that point up the stack:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_module_is_in_the_layer_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    for entry in fs::read_dir(&src).unwrap() {
        let name = entry
            .unwrap()
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if layer(&name).is_none() {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "modules not in LAYERS: {missing:?}");
}

#[test]
fn an_upward_import_is_reported_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("catalog");
    fs::create_dir(&catalog).unwrap();
    fs::write(
        catalog.join("validate.rs"),
        "//! Doc: [`crate::timeline`] is only a link.\nuse super::locate::Path;\n\
         use crate::timeline::Stay;\nfn f() { crate::deps::cycles(); }\n\
         use super::super::app::Request;\n#[cfg(test)]\nmod tests { use crate::report; }\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("app.rs"),
        "use super::report;\nuse crate::cli::Args;\n",
    )
    .unwrap();
    let problems = violations_in(dir.path());
    assert_eq!(
        problems,
        [
            "src/app.rs:2: crate::cli: app (layer 4) may not import cli (layer 5): move the code it \
             needs down, or this code up",
            "src/catalog/validate.rs:3: crate::timeline: catalog (layer 1) may not import timeline \
             (layer 2): move the code it needs down, or this code up",
            "src/catalog/validate.rs:4: crate::deps: catalog (layer 1) may not import deps (layer 2): \
             move the code it needs down, or this code up",
            "src/catalog/validate.rs:5: super::super::app: catalog (layer 1) may not import app \
             (layer 4): move the code it needs down, or this code up",
        ]
    );
}
