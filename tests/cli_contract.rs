//! The command line behaves the same everywhere (issue 16): errors said once, filter values checked,
//! one time syntax, display names, examples in every `--help`, colour only where it helps.

mod common;

use predicates::prelude::*;

/// Standard error of a command that must fail with exit 2.
fn usage_error(args: &[&str]) -> String {
    let output = common::orbitline().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn an_error_is_said_once_then_its_hint() {
    let stderr = usage_error(&["show", "starlinr-cft"]);
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "error: no flight `starlinr-cft` in the catalog",
            "  hint: did you mean `starliner-cft`? (Starliner CFT, flight, US, 2024-06-05 – 2024-09-07)",
        ],
        "{stderr}"
    );
}

#[test]
fn a_file_error_names_the_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing-folder-is-a-file");
    std::fs::write(&target, "").unwrap();
    let out = target.join("x.csv");
    let stderr = usage_error(&["export", "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(stderr.matches("cannot write").count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: {}: cannot write", out.display())),
        "{stderr}"
    );
    assert!(stderr.contains("\n  hint: "), "{stderr}");
}

#[test]
fn catalog_problems_keep_their_place_and_end_with_how_many() {
    let catalog = common::fixture_copy("swap");
    std::fs::remove_file(catalog.path().join("stations.json")).unwrap();
    common::orbitline()
        .args(["validate", "--data"])
        .arg(catalog.path())
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("stations.json").and(predicate::str::ends_with(
                "error: the catalog has 1 problem\n",
            )),
        );
}

#[test]
fn an_unknown_nation_is_refused_with_the_code_it_may_mean() {
    let stderr = usage_error(&["records", "--nation", "China"]);
    assert!(
        stderr.starts_with("error: no nation `China` in the catalog\n  hint: did you mean CN?"),
        "{stderr}"
    );
    let stderr = usage_error(&["list", "--nation", "XX"]);
    assert!(
        stderr.contains("ISO 3166-1 alpha-2 codes; this catalog has AE,"),
        "{stderr}"
    );
    usage_error(&[
        "check",
        "shenzhou-20",
        "--record",
        "stay",
        "--nation",
        "Kina",
    ]);
}

#[test]
fn nation_and_programme_match_without_regard_to_case_and_print_as_the_catalog_spells_them() {
    let report = common::json(&[
        "records",
        "--nation",
        "cn",
        "--program",
        "shenzhou",
        "--top",
        "1",
    ]);
    assert_eq!(report["scope"]["nation"], "CN");
    assert_eq!(report["scope"]["program"], "Shenzhou");
    assert_eq!(
        report["entries"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
}

#[test]
fn an_unknown_programme_station_or_kind_is_refused_with_a_suggestion() {
    let stderr = usage_error(&["list", "--program", "shenzou"]);
    assert!(stderr.contains("no programme `shenzou`"), "{stderr}");
    assert!(stderr.contains("did you mean `Shenzhou`?"), "{stderr}");
    let stderr = usage_error(&["records", "--station", "tiangongg"]);
    assert!(stderr.contains("no station `tiangongg`"), "{stderr}");
    let stderr = usage_error(&["records", "--kind", "evas"]);
    assert!(
        stderr.contains("--kind: `evas` is not a record kind: did you mean `eva`?"),
        "{stderr}"
    );
}

#[test]
fn station_at_a_moment_names_who_is_aboard_and_what_is_docked_without_the_history() {
    let text = String::from_utf8(
        common::orbitline()
            .args(["station", "tiangong", "--at", "2025-11-10"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        text.starts_with(
            "Tiangong at 2025-11-10 00:00 UTC (times UTC)\n\naboard Tiangong (6):\n  Chen Dong"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\ndocked: Shenzhou-20, Shenzhou-21\nfit return seats: 3 (Shenzhou-21)\nGAP: 3 short"
        ),
        "{text}"
    );
    assert!(
        !text.contains("Slips") && !text.contains("2021"),
        "no history: {text}"
    );
    common::orbitline()
        .args(["station", "tiangong", "--at", "now"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Tiangong at "));
}

#[test]
fn a_month_of_the_iss_shows_only_what_concerns_that_month() {
    let text = String::from_utf8(
        common::orbitline()
            .args([
                "station",
                "iss",
                "--from",
                "2024-01-01",
                "--to",
                "2024-02-01",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        !text.contains("sts-88") && !text.contains("STS-88"),
        "{text}"
    );
    assert!(text.contains("Soyuz MS-24"), "{text}");
    assert!(text.lines().count() < 30, "{text}");
}

#[test]
fn text_names_flights_by_their_names_not_their_ids() {
    let text = String::from_utf8(
        common::orbitline()
            .args([
                "station",
                "iss",
                "--from",
                "2024-06-01",
                "--to",
                "2024-09-30",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // The Soyuz MS-24 crew came up before the range; their flight is still named, not `soyuz-ms-24`.
    assert!(
        text.contains("7 aboard (Soyuz MS-24 + Dragon Crew-8 + Soyuz MS-25 crews)"),
        "{text}"
    );
    assert!(text.contains("Starliner CFT crews"), "{text}");
    assert!(
        text.contains("\n  Dragon Crew-8: no docking time, its launch stands in"),
        "{text}"
    );
    assert!(
        !text.contains("soyuz-ms-24") && !text.contains("dragon-crew-8:"),
        "{text}"
    );
}

#[test]
fn an_earlier_slip_moves_the_docking_and_the_launch_under_its_other_name() {
    let report = common::json(&["impact", "shenzhou-22/launch", "--slip", "-2d"]);
    let moved: Vec<(String, i64)> = report["moved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let reference = m["moment"]["reference"].as_str().unwrap().to_string();
            (reference, m["by_seconds"].as_i64().unwrap())
        })
        .collect();
    for reference in [
        "shenzhou-22/launch",
        "shenzhou-22/emergency-launch",
        "shenzhou-22/docking",
    ] {
        assert!(
            moved.contains(&(reference.to_string(), -2 * 86_400)),
            "{reference}: {moved:?}"
        );
    }
    let absorbed = report["absorbed"].to_string();
    assert!(!absorbed.contains("emergency-launch"), "{absorbed}");
}

/// The subcommands `orbitline ARGS --help` lists (`help` aside).
fn subcommands(args: &[String]) -> Vec<Vec<String>> {
    let help = stdout_of(args.iter().map(String::as_str).chain(["--help"]));
    let Some((_, listed)) = help.split_once("\nCommands:\n") else {
        return Vec::new();
    };
    listed
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(|name| args.iter().cloned().chain([name.to_string()]).collect())
        .collect()
}

fn stdout_of<'a>(args: impl IntoIterator<Item = &'a str>) -> String {
    let output = common::orbitline().args(args).output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_subcommand_shows_examples_that_run() {
    let dir = tempfile::tempdir().unwrap();
    for table in ["missions.html", "astro.html"] {
        std::fs::copy(common::mcdowell(table), dir.path().join(table)).unwrap();
    }
    let ll2 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ll2");
    for (sample, name) in [
        ("launch-detail-soyuz-ms-29.json", "launch.json"),
        ("space-stations-detailed.json", "stations.json"),
    ] {
        std::fs::copy(ll2.join(sample), dir.path().join(name)).unwrap();
    }
    let mut queue = subcommands(&[]);
    let mut ran = 0;
    while let Some(command) = queue.pop() {
        queue.extend(subcommands(&command));
        let help = stdout_of(command.iter().map(String::as_str).chain(["--help"]));
        let examples: Vec<&str> = help
            .split_once("\nExamples:\n")
            .map(|(_, rest)| {
                rest.lines()
                    .filter_map(|l| l.strip_prefix("  orbitline "))
                    .collect()
            })
            .unwrap_or_default();
        let least = if ["schema", "man", "ll2"].contains(&command.last().unwrap().as_str()) {
            1
        } else {
            2
        };
        assert!(
            (least..=3).contains(&examples.len()),
            "{command:?}: {examples:?}"
        );
        // `update` fetches from the internet, which no test touches: its examples are shown, and
        // tests/update.rs runs the command against a server on 127.0.0.1.
        if command.last().map(String::as_str) == Some("update") {
            continue;
        }
        for example in examples {
            let output = common::orbitline()
                .current_dir(dir.path())
                .args(common::shell_words(example))
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(
                output.status.code(),
                Some(0),
                "orbitline {example}: {stderr}"
            );
            ran += 1;
        }
    }
    assert!(ran > 40, "{ran} examples");
}

#[test]
fn a_global_option_is_refused_where_it_means_nothing() {
    let stderr = usage_error(&["completions", "bash", "--json"]);
    assert!(
        stderr.contains("--json does not apply to `orbitline completions`"),
        "{stderr}"
    );
    // A folder given where none is read (typed as a path, unlike --json: once a panic).
    for args in [
        &["man", "--data", "x"][..],
        &["update", "--data", "x"],
        &[
            "import",
            "gcat",
            "--missions",
            "m",
            "--astro",
            "a",
            "--out",
            "o",
            "--data",
            "x",
        ],
    ] {
        let stderr = usage_error(args);
        assert!(
            stderr.contains("--data does not apply to `orbitline "),
            "{args:?}: {stderr}"
        );
    }
    let stderr = usage_error(&["completions", "bash", "--no-cache"]);
    assert!(
        stderr.contains("--no-cache does not apply to `orbitline completions`"),
        "{stderr}"
    );
    let stderr = usage_error(&["export", "--format", "csv", "--json"]);
    assert!(
        stderr.contains("choose the format with --format"),
        "{stderr}"
    );
    // Nor does its help offer it; where it applies, it is listed.
    let help = stdout_of(["completions", "--help"]);
    assert!(
        !help.contains("--json") && !help.contains("--data"),
        "{help}"
    );
    let help = stdout_of(["import", "gcat", "--help"]);
    assert!(!help.contains("--now") && help.contains("--json"), "{help}");
    assert!(stdout_of(["duration", "--help"]).contains("--now <TIME>"));
    usage_error(&[
        "--now",
        "2026-01-01",
        "import",
        "ll2",
        "x.json",
        "--out",
        "y",
    ]);
    // From the environment it is a setting, not an option given: every command runs with it.
    common::orbitline()
        .env("ORBITLINE_DATA", "/nonexistent")
        .args(["completions", "bash"])
        .assert()
        .success();
}

#[test]
fn a_claim_after_the_subject_is_pointed_at_its_option() {
    let stderr = usage_error(&["check", "shenzhou-20", "204"]);
    assert!(
        stderr.contains("`orbitline check shenzhou-20 --days 204`"),
        "{stderr}"
    );
    let stderr = usage_error(&["check", "shenzhou-20", "203d23h"]);
    assert!(stderr.contains("--duration 203d23h`"), "{stderr}");
}

const ESC: char = '\u{1b}';

fn output_with(env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut command = common::orbitline();
    command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    for (key, value) in env {
        command.env(key, value);
    }
    command.args(args).output().unwrap()
}

#[test]
fn clicolor_force_colours_the_verdict_and_the_error_and_no_color_wins() {
    let check = ["check", "shenzhou-20", "--days", "204"];
    let forced = output_with(&[("CLICOLOR_FORCE", "1")], &check);
    let text = String::from_utf8(forced.stdout).unwrap();
    assert!(
        text.starts_with("\u{1b}[1m\u{1b}[32m✓\u{1b}[0m holds: 204 days"),
        "{text:?}"
    );
    let error = output_with(&[("CLICOLOR_FORCE", "1")], &["show", "nope"]);
    let stderr = String::from_utf8(error.stderr).unwrap();
    assert!(
        stderr.starts_with("\u{1b}[1m\u{1b}[31merror:\u{1b}[0m no flight `nope`"),
        "{stderr:?}"
    );
    let both = output_with(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &check);
    let plain = output_with(&[], &check);
    assert_eq!(both.stdout, plain.stdout);
    assert!(!String::from_utf8(plain.stdout).unwrap().contains(ESC));
}

#[test]
fn machine_formats_are_never_coloured() {
    for args in [
        &["export", "--format", "csv", "--what", "flights"][..],
        &["check", "shenzhou-20", "--days", "204", "--json"],
        &["graph", "--focus", "shenzhou-22/launch", "--depth", "1"],
    ] {
        let output = output_with(&[("CLICOLOR_FORCE", "1")], args);
        assert!(
            !String::from_utf8_lossy(&output.stdout).contains(ESC),
            "{args:?}"
        );
    }
}
