//! `orbitline chart --format html` (issue 18 §1) without a browser: one self-contained file, written
//! where `-o` says, whose data is the row model the SVG draws, escaped so that no name can end its
//! `<script>` element. The page in a real browser is tested in `tests/browser.rs`.

mod common;

use std::fs;
use std::path::Path;

use common::{copy_dir, orbitline, stdout_of};

const NOW: &str = "2026-07-03T00:00Z";

/// The JSON in the page's `<script type="application/json" id="data">` element.
fn page_data(page: &str) -> serde_json::Value {
    let open = r#"<script type="application/json" id="data">"#;
    let start = page.find(open).expect("the data element") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn the_page_is_one_file_with_the_rows_the_svg_draws() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("page.html");
    let said = stdout_of(orbitline().args(["chart", "--now", NOW, "-o"]).arg(&html));
    assert_eq!(
        String::from_utf8(said).unwrap(),
        format!("wrote {}: interactive timeline, 598 rows\n", html.display())
    );
    let page = fs::read_to_string(&html).unwrap();
    // Self-contained: every script and style inline, nothing fetched; and small enough to mail.
    assert!(page.len() <= 3_000_000, "{} bytes", page.len());
    for outside in ["<script src", "<link", "@import", "url(http"] {
        assert!(!page.contains(outside), "{outside}");
    }
    assert_eq!(page.matches("</script>").count(), 3);
    let data = page_data(&page);
    let rows = data["plan"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 598);
    // Every stay of the catalog is on exactly one bar.
    let stays: usize = rows
        .iter()
        .flat_map(|r| r["bars"].as_array().unwrap())
        .map(|b| b["stays"].as_array().unwrap().len())
        .sum();
    let csv =
        stdout_of(orbitline().args(["export", "--format", "csv", "--what", "stays", "--now", NOW]));
    assert_eq!(stays, csv.iter().filter(|&&b| b == b'\n').count() - 1);
    // The Shenzhou-20 crew: the figures `duration` prints and the SVG's badge.
    let i = rows
        .iter()
        .position(|r| r["title"] == "Shenzhou-20" && r["thin"] == false)
        .unwrap();
    let facts = &data["facts"][i][0];
    assert_eq!(facts["elapsed"], "203 d 23 h 23 min");
    assert_eq!(
        facts["days"],
        "204 rounded, 203 floor, 204 ceil; calendar dates 204 (UTC), 204 (+08:00)"
    );
    assert_eq!(
        facts["vehicles"],
        "up Shenzhou-20, down Shenzhou-21 (vehicle swap)"
    );
    // Times as `duration` prints them: UTC, and a planned date against the actual date in its zone; the
    // published text (in +08:00) beside them for the side panel.
    assert_eq!(facts["start"], "2025-04-24 09:17:31 UTC");
    assert_eq!(facts["end"], "2025-11-14 08:40:31 UTC");
    assert_eq!(
        facts["planned"],
        "planned 2025-11-05, actual 2025-11-14 (dates in +08:00): 9 days late"
    );
    assert_eq!(
        facts["published"],
        "2025-04-24T17:17:31+08:00 → 2025-11-14T16:40:31+08:00"
    );
    let bar = &rows[i]["bars"][0];
    assert_eq!(bar["badge"], "record 203 d 23 h · 204 days");
    let svg = dir.path().join("chart.svg");
    // (The whole history's SVG has no room for it; the Shenzhou flights since 2025 do.)
    stdout_of(
        orbitline()
            .args([
                "chart",
                "--now",
                NOW,
                "--program",
                "shenzhou",
                "--from",
                "2025-01-01",
                "-o",
            ])
            .arg(&svg),
    );
    assert!(fs::read_to_string(&svg)
        .unwrap()
        .contains("record 203 d 23 h · 204 days"));
    // The debris strike's marker has its title.
    let anomaly = bar["markers"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m[1] == "anomaly")
        .unwrap();
    assert!(facts["markers"][anomaly]["title"]
        .as_str()
        .unwrap()
        .contains("suspected debris impact"));
    // The search box looks names up in the command line's index, and has the words its given-name
    // prefix rule compares ("Tim Peake").
    assert_eq!(
        data["names"]["chendong"],
        serde_json::json!(["a:chen-dong"])
    );
    assert_eq!(data["people"]["timothy-peake"][0][0][2], "peake");
    assert_eq!(data["short_forms"]["mike"], serde_json::json!(["michael"]));
}

#[test]
fn flags_preselect_the_view_and_the_station_page_has_its_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("station.html");
    let said = stdout_of(
        orbitline()
            .args([
                "chart",
                "--kind",
                "station",
                "--station",
                "tiangong",
                "--format",
                "html",
            ])
            .args([
                "--from",
                "2025-10-01",
                "--to",
                "2026-02-01",
                "--now",
                NOW,
                "-o",
            ])
            .arg(&html),
    );
    assert!(String::from_utf8(said)
        .unwrap()
        .contains("interactive station chart"));
    let data = page_data(&fs::read_to_string(&html).unwrap());
    assert_eq!(data["view"]["from"], "2025-10-01T00:00:00Z");
    assert_eq!(data["view"]["station"], "tiangong");
    let gaps = data["station"]["gaps"].as_array().unwrap();
    let november: Vec<&serde_json::Value> = gaps
        .iter()
        .filter(|g| g[0].as_str().unwrap().starts_with("2025-11"))
        .collect();
    assert_eq!(november.len(), 2, "{gaps:?}");
    // Each names its cause, as `orbitline station` does.
    assert!(november.iter().all(|g| g[2]
        == "3 without a fit return seat · Shenzhou-20 unfit: shenzhou-20/debris-strike"
        && g[3][0]
            == "Shenzhou-20 unfit: Crack found in the return capsule's window, suspected debris impact"));
}

#[test]
fn the_format_follows_the_file_name_and_a_mismatch_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("t.HTML");
    stdout_of(orbitline().args(["chart", "--now", NOW, "-o"]).arg(&html));
    assert!(fs::read_to_string(&html)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
    orbitline()
        .args(["chart", "--format", "svg", "-o"])
        .arg(dir.path().join("t.html"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("drop one of them"));
}

#[test]
fn no_name_can_end_the_data_script() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("catalog");
    fs::create_dir_all(&dir).unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("missions"),
        &dir,
    );
    let path = dir.join("shenzhou/shenzhou-20.json");
    let mut flight: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let hostile = "Shenzhou-20 </script><!--<script>alert(1)</script> & \u{2028}";
    flight["name"] = hostile.into();
    fs::write(&path, serde_json::to_string_pretty(&flight).unwrap()).unwrap();
    let html = root.path().join("page.html");
    stdout_of(
        orbitline()
            .arg("--data")
            .arg(&dir)
            .args(["chart", "--now", NOW, "-o"])
            .arg(&html),
    );
    let page = fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("</script>").count(), 3);
    assert!(!page.contains("<!--"));
    let data = page_data(&page);
    assert_eq!(data["flights"]["shenzhou-20"]["name"], hostile);
}
