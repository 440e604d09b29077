//! `orbitline chart` as a user runs it: the files it writes, their formats and sizes, what a failure
//! leaves behind. The SVGs of the swap fixture are `insta` snapshots (`tests/snapshots/chart/`): when
//! they differ the test writes `NAME.snap.new` and fails. Review with `cargo insta review` (from
//! `cargo install cargo-insta`), or accept with `INSTA_UPDATE=always cargo test --test chart` and read
//! `git diff tests/snapshots/chart`; look at the pictures too (the SVG is the snapshot after its header).

mod common;

use std::fs;
use std::path::Path;

use predicates::prelude::*;

const NOW: &str = "2026-07-03T00:00Z";

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// (width, height, RGB pixels) of a PNG file.
fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    (info.width, info.height, pixels)
}

fn count_colour(pixels: &[u8], rgb: [u8; 3]) -> usize {
    pixels.chunks(3).filter(|p| *p == rgb).count()
}

/// The texts of an SVG, trimmed, in drawing order.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

const CREW_BLUE: [u8; 3] = [0x00, 0x72, 0xB2];
const SKY_BLUE: [u8; 3] = [0x56, 0xB4, 0xE9];

#[test]
fn chart_writes_output_timeline_svg_by_default() {
    let dir = tempfile::tempdir().unwrap();
    common::orbitline()
        .current_dir(dir.path())
        .args(["chart", "--now", NOW, "--program", "Shenzhou"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "wrote output/timeline.svg: timeline, 20 rows, 1600 × ",
        ));
    let svg = fs::read_to_string(dir.path().join("output/timeline.svg")).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..100]);
    for text in [
        "Shenzhou crews in orbit, 2003–2026",
        "Catalog: bundled (428 flights), last checked against sources 3 Jul 2026",
        "Shenzhou-5",
        "Yang Liwei",
        "Shenzhou-23",
        "Chen Dong, Chen Zhongrui, Wang Jie",
        "9 d late · home on Shenzhou-21",
        "Shenzhou-21 spacecraft",
        "now 3 Jul 2026",
    ] {
        assert!(svg.contains(text), "no `{text}` in the chart");
    }
    assert_eq!(files_in(&dir.path().join("output")), ["timeline.svg"]);
    // The debris strike's diamond is named beside the Shenzhou-20 crew's bar.
    assert!(
        svg_texts(&svg)
            .iter()
            .any(|t| t.contains("debris strike 4 Nov 2025")),
        "the debris strike is not named"
    );
}

#[test]
fn the_default_chart_of_the_whole_history_opens_on_its_last_two_years() {
    // The bundled catalog has ~600 rows since 1961: drawn whole, the Shenzhou-20 story would be a few
    // pixels at the right edge. Without --from/--to the chart shows the two years up to now, legibly.
    let dir = tempfile::tempdir().unwrap();
    let out = common::orbitline()
        .current_dir(dir.path())
        .args(["chart", "--now", NOW, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = report["rows"].as_u64().unwrap();
    assert!((20..=60).contains(&rows), "{rows} rows");
    let svg = fs::read_to_string(dir.path().join("output/timeline.svg")).unwrap();
    let texts = svg_texts(&svg);
    let has = |t: &str| texts.iter().any(|x| x.contains(t));
    assert!(has("Crews in orbit, 2024–2026"), "{:?}", &texts[..3]);
    assert!(has(
        "the last two years (598 rows since 1961: add --from 1961-04-12 for all)"
    ));
    for text in [
        "Shenzhou-20",
        "record 203 d 23 h · 204 days",
        "debris strike 4 Nov 2025",
        "now 3 Jul 2026",
    ] {
        assert!(has(text), "no `{text}` in the default chart");
    }
    assert!(!has("Vostok"), "1961 is out of the default range");
    assert!(!has("Left out at this size"), "nothing is left out");
    // --from still charts the whole history.
    common::orbitline()
        .current_dir(dir.path())
        .args(["chart", "--now", NOW, "--from", "1961-04-12"])
        .assert()
        .success()
        .stdout(predicate::str::contains("timeline, 598 rows"));
}

#[test]
fn the_same_flags_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.svg", "b.svg", "a.png", "b.png"] {
        common::orbitline()
            .args(["chart", "--now", NOW, "-o"])
            .arg(dir.path().join(name))
            .assert()
            .success();
    }
    let read = |n: &str| fs::read(dir.path().join(n)).unwrap();
    assert_eq!(read("a.svg"), read("b.svg"));
    assert_eq!(read("a.png"), read("b.png"));
}

#[test]
fn png_is_a_real_picture_of_the_reported_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.png");
    let out = common::orbitline()
        .args([
            "chart",
            "--now",
            NOW,
            "--program",
            "Shenzhou",
            "--format",
            "png",
            "--size",
            "1200x700",
            "--json",
            "-o",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["kind"], "gantt");
    assert_eq!(report["format"], "png");
    assert_eq!(report["rows"], 20);
    let (w, h, pixels) = decode(&path);
    assert_eq!((w, h), (1200, 700));
    assert_eq!(
        (&report["width"], &report["height"]),
        (&1200.into(), &700.into())
    );
    // Crew bars and spacecraft bars are there, in their colours.
    assert!(count_colour(&pixels, CREW_BLUE) > 500);
    assert!(count_colour(&pixels, SKY_BLUE) > 50);
    // Text was drawn with a font: the title's row has dark, anti-aliased pixels.
    let title_row = &pixels[(36 * w as usize) * 3..(37 * w as usize) * 3];
    let dark = title_row
        .chunks(3)
        .filter(|p| p.iter().all(|&c| c < 80))
        .count();
    let grey = title_row
        .chunks(3)
        .filter(|p| p.iter().all(|&c| (80..200).contains(&c)))
        .count();
    assert!(dark > 20 && grey > 5, "{dark} {grey}");
}

#[test]
fn the_station_chart_of_tiangong_in_the_swap_months() {
    let dir = tempfile::tempdir().unwrap();
    common::orbitline()
        .current_dir(dir.path())
        .args([
            "chart",
            "--kind",
            "station",
            "--station",
            "tiangong",
            "--from",
            "2025-10-01",
            "--to",
            "2026-02-01",
            "--format",
            "png",
            "--now",
            NOW,
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "wrote output/station.png: station chart, 3 spacecraft lanes, 1600 × ",
        ));
    let (w, _, pixels) = decode(&dir.path().join("output/station.png"));
    assert_eq!(w, 1600);
    assert!(count_colour(&pixels, CREW_BLUE) > 10_000);
    assert!(
        count_colour(&pixels, [0x00, 0x9E, 0x73]) > 10_000,
        "the second crew"
    );
}

#[test]
fn station_chart_needs_a_known_station() {
    common::orbitline()
        .args(["chart", "--kind", "station"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "the station chart needs --station",
        ))
        .stderr(predicate::str::contains("tiangong"));
    common::orbitline()
        .args(["chart", "--kind", "station", "--station", "tiangog"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `tiangong`?"));
}

#[test]
fn format_and_file_name_must_agree() {
    common::orbitline()
        .args(["chart", "--format", "png", "-o", "chart.svg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--format png but `chart.svg` is a .svg name",
        ));
    common::orbitline()
        .args(["chart", "-o", "chart.jpg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("add --format svg|png"));
    common::orbitline()
        .args(["chart", "--size", "big"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--size"));
}

#[test]
fn a_failed_chart_leaves_the_old_file_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.svg");
    fs::write(&path, "the old chart").unwrap();
    // Drawing fails before writing: the old file stays whole.
    common::orbitline()
        .args(["chart", "--program", "Shenzhou", "--to", "1990-01-01", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to chart"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "the old chart");
    // Writing fails (the name is taken by a folder): no temporary file is left behind.
    let taken = dir.path().join("taken.svg");
    fs::create_dir(&taken).unwrap();
    fs::write(taken.join("inside"), "x").unwrap();
    common::orbitline()
        .args(["chart", "--now", NOW, "-o"])
        .arg(&taken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
    assert_eq!(files_in(dir.path()), ["taken.svg", "timeline.svg"]);
}

/// Renders the swap fixture and compares it with its snapshot, tests/snapshots/chart/NAME.snap.
fn snapshot(name: &str, args: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    common::orbitline()
        .current_dir(root)
        .args(["--data", "tests/fixtures/swap", "--now", NOW, "chart"])
        .args(args)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let actual = fs::read_to_string(&out).unwrap();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/chart");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, actual));
}

#[test]
fn swap_fixture_timeline_snapshot() {
    snapshot("swap-timeline.svg", &[]);
}

#[test]
fn swap_fixture_flights_snapshot() {
    snapshot("swap-flights.svg", &["--rows", "flight"]);
}

#[test]
fn swap_fixture_station_snapshot() {
    snapshot(
        "swap-station.svg",
        &[
            "--kind",
            "station",
            "--station",
            "tiangong",
            "--from",
            "2025-10-15",
            "--to",
            "2026-01-31",
        ],
    );
}

#[test]
fn record_badges_and_coverage_gaps_come_from_the_records_and_station_models() {
    let dir = tempfile::tempdir().unwrap();
    let timeline = dir.path().join("t.svg");
    common::orbitline()
        .args([
            "chart",
            "--now",
            "2026-07-03T00:00Z",
            "--program",
            "Shenzhou",
            "-o",
        ])
        .arg(&timeline)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&timeline).unwrap();
    for badge in [
        "record 21 h",
        "record 192 d 4 h",
        "record 203 d 23 h · 204 days",
        "record 209 d 20 h · 210 days",
    ] {
        assert!(svg.contains(badge), "no badge `{badge}`");
    }
    // One badge per step of the Chinese crew-record progression (Shenzhou-5 … -21): twelve, so the crews
    // that set no record (Shenzhou-7, -14, -16, -19, -23) carry none.
    let badges: usize = (0..10)
        .map(|d| svg.matches(&format!("record {d}")).count())
        .sum();
    assert_eq!(badges, 12, "record badges in the timeline");
    let station = dir.path().join("s.svg");
    common::orbitline()
        .args([
            "chart",
            "--kind",
            "station",
            "--station",
            "tiangong",
            "--from",
            "2025-10-01",
        ])
        .args(["--to", "2026-02-01", "--now", "2026-07-03T00:00Z", "-o"])
        .arg(&station)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&station).unwrap();
    assert!(
        svg.contains("3 without a fit return seat · 10 d"),
        "the 4–14 November gap"
    );
    assert!(
        svg.contains("3 without a fit return seat · 11 d"),
        "the 14–25 November gap"
    );
}
