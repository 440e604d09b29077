//! Every JSON output against its published schema (docs/json.md, docs/schema/).
//!
//! The schemas in `docs/schema/` are generated from the result types; the first test fails when the
//! checked-in files differ from a fresh generation, and `ORBITLINE_BLESS=1 cargo test --test json_schema`
//! rewrites them. The second runs every command with `--json` as a user would (bundled catalog, plus the
//! empty and failing answers that still print JSON) and validates each output with the `jsonschema` crate.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use orbitline::report::schema;
use serde_json::Value;

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema")
}

#[test]
fn checked_in_schemas_are_generated_from_the_types() {
    let bless = std::env::var_os("ORBITLINE_BLESS").is_some();
    let outputs = schema::outputs();
    let mut stale = Vec::new();
    for (name, _, generated) in &outputs {
        let path = schema_dir().join(format!("{name}.json"));
        let text = schema::text(generated);
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            if bless {
                fs::write(&path, &text).unwrap();
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    let names: Vec<String> = outputs
        .iter()
        .map(|(n, _, _)| format!("{n}.json"))
        .collect();
    for entry in fs::read_dir(schema_dir()).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            names.contains(&file),
            "docs/schema/{file} is no command's output: remove it"
        );
    }
    assert!(
        stale.is_empty(),
        "these schemas differ from the types: {stale:?}; run `ORBITLINE_BLESS=1 cargo test --test json_schema`"
    );
}

/// The validator of `docs/schema/NAME.json`.
fn validator(name: &str) -> jsonschema::Validator {
    let path = schema_dir().join(format!("{name}.json"));
    let schema: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn the_schemas_catch_a_mistake() {
    let validator = validator("duration");
    let output = common::json(&["duration", "shenzhou-20"]);
    assert!(validator.is_valid(&output));
    let broken = |change: &dyn Fn(&mut Value)| {
        let mut copy = output.clone();
        change(&mut copy);
        copy
    };
    let mistakes = [
        // A time as a bare string, as before schema_version 1.
        broken(&|o| o["stays"][0]["start"] = "2025-04-24T09:17:31Z".into()),
        // Fractions of a second in a computed time.
        broken(&|o| o["now"]["utc"] = "2026-07-03T00:00:00.123456Z".into()),
        // A field the type does not have (the old duplicate of elapsed.seconds).
        broken(&|o| o["stays"][0]["seconds"] = 17623380.into()),
        // A required field left out.
        broken(&|o| {
            o.as_object_mut().unwrap().remove("schema_version");
        }),
        broken(&|o| {
            o["stays"][0]["elapsed"]
                .as_object_mut()
                .unwrap()
                .remove("precision");
        }),
        // Another version.
        broken(&|o| o["schema_version"] = 2.into()),
    ];
    for (i, mistake) in mistakes.iter().enumerate() {
        assert!(
            !validator.is_valid(mistake),
            "mistake {i} passed the schema"
        );
    }
}

/// Runs `orbitline ARGS --json`, checks the exit status, and validates the output against
/// `docs/schema/SCHEMA.json`.
fn validates(schema_name: &str, args: &[&str], status: i32) -> Value {
    let out = common::orbitline()
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(status),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let output: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no JSON: {e}"));
    let errors: Vec<String> = validator(schema_name)
        .iter_errors(&output)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{args:?} against {schema_name}.json: {errors:#?}"
    );
    assert_eq!(output["schema_version"], 1, "{args:?}");
    output
}

#[test]
fn catalog_answers_validate() {
    validates("validate", &["validate"], 0);
    validates("list", &["list"], 0);
    let none = validates("list", &["list", "--nation", "CN", "--program", "Soyuz"], 0);
    assert_eq!(none["flights"], serde_json::json!([]));
    validates("astronauts", &["list", "--astronauts"], 0);
    validates("find", &["find", "chen"], 0);
    validates("find", &["find", "zzzzqx"], 0);
    validates("aloft", &["aloft"], 0);
    let empty = validates("aloft", &["aloft", "--at", "1960-01-01"], 0);
    assert_eq!(empty["count"], 0);
    for flight in ["shenzhou-20", "soyuz-11", "shenzhou-23", "vostok"] {
        validates("show", &["show", flight], 0);
    }
    for subject in [
        "shenzhou-20",
        "chen-dong",
        "shenzhou-23",
        "soyuz-11",
        "frank-rubio",
    ] {
        validates("duration", &["duration", subject], 0);
    }
}

#[test]
fn records_and_checks_validate() {
    for kind in ["stay", "crew", "cumulative", "eva", "eva-total", "vehicle"] {
        validates("records", &["records", "--kind", kind, "--progression"], 0);
    }
    let before = validates("records", &["records", "--as-of", "1958-01-01"], 0);
    assert_eq!(before["entries"], serde_json::json!([]));
    validates("check", &["check", "shenzhou-20", "--days", "204"], 0);
    validates("check", &["check", "shenzhou-20", "--days", "190"], 1);
    validates(
        "check",
        &["check", "shenzhou-20", "--record", "crew", "--nation", "CN"],
        0,
    );
    validates("check", &["check", "chen-dong", "--days", "400"], 1);
    validates("check", &["check", "tiangong", "--no-gaps"], 1);
    // A date-only flight: the precision of the data cannot decide the count.
    let undecided = validates("check", &["check", "x-15-3-x3a11", "--days", "1"], 2);
    assert_eq!(undecided["verdict"], "undecided");
    validates(
        "check",
        &["check", "shenzhou-20", "--duration", "203d23h23m"],
        0,
    );
    let as_of = [
        "check",
        "shenzhou-20",
        "--record",
        "crew",
        "--nation",
        "CN",
        "--as-of",
        "2026-06-01",
    ];
    validates("check", &as_of, 1);
    validates("station", &["station", "tiangong"], 0);
    validates(
        "station-at",
        &["station", "tiangong", "--at", "2025-11-10"],
        0,
    );
    validates("station-at", &["station", "iss", "--at", "1990-01-01"], 0);
    validates(
        "station",
        &[
            "station",
            "iss",
            "--from",
            "2024-01-01",
            "--to",
            "2024-02-01",
        ],
        0,
    );
}

#[test]
fn dependency_answers_validate() {
    validates("deps", &["deps", "shenzhou-20"], 0);
    validates("deps", &["deps", "chen-dong@shenzhou-20"], 0);
    validates("why", &["why", "shenzhou-20/debris-strike"], 0);
    validates("why", &["why", "chen-dong@shenzhou-20"], 0);
    validates(
        "impact",
        &["impact", "shenzhou-22/launch", "--slip", "2d"],
        0,
    );
    validates(
        "impact",
        &["impact", "shenzhou-22/launch", "--slip", "-2d"],
        0,
    );
    validates(
        "critical",
        &["critical", "shenzhou-20", "shenzhou-21/landing"],
        0,
    );
    validates("graph", &["graph", "--focus", "shenzhou-20"], 0);
    validates("graph", &["graph", "--format", "json"], 0);
}

#[test]
fn files_written_validate() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("timeline.svg");
    validates("chart", &["chart", "-o", svg.to_str().unwrap()], 0);
    let station = dir.path().join("tiangong.png");
    let args = [
        "chart",
        "--kind",
        "station",
        "--station",
        "tiangong",
        "--format",
        "png",
        "-o",
    ];
    validates(
        "chart",
        &[&args[..], &[station.to_str().unwrap()]].concat(),
        0,
    );
    let gcat = dir.path().join("gcat");
    let (missions, astro) = (
        common::mcdowell("missions.html"),
        common::mcdowell("astro.html"),
    );
    let gcat_report = validates(
        "import",
        &[
            "import",
            "gcat",
            "--missions",
            missions.to_str().unwrap(),
            "--astro",
            astro.to_str().unwrap(),
            "--out",
            gcat.to_str().unwrap(),
        ],
        0,
    );
    assert_eq!(
        gcat_report["gcat"]["updated"]["utc"],
        common::MCDOWELL_SNAPSHOT
    );
    let ll2 = dir.path().join("ll2");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ll2/launch-detail-soyuz-ms-29.json");
    validates(
        "import",
        &[
            "import",
            "ll2",
            sample.to_str().unwrap(),
            "--out",
            ll2.to_str().unwrap(),
        ],
        0,
    );
}
