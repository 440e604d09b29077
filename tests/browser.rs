//! The timeline page in a real browser (issue 18, "Tests in a real browser"): headless Chromium driven
//! through WebDriver (`chromedriver`), the page opened from disk with the network off (a proxy that goes
//! nowhere). It checks what a reader does: the page loads without a console error and fetches nothing;
//! one item per bar of the row model, every stay of the catalog on one; the search "Chen Dong" selects
//! his three stays and zooms to them, "Tim Peake" (the given-name rule) his; November 2025 shows the
//! debris strike's label, no two labels overlap, and the swap's arrow runs from the crew's bar to the
//! spacecraft that brought them home; hovering the Shenzhou-20 crew bar shows "203 d 23 h 23 min" and
//! its times in UTC; the URL fragment restores a view; the station page shades both November 2025 gaps
//! and names their cause. Screenshots of the default page, the zoomed view and the station page
//! are kept in `target/tmp/browser/`; the speed of the page with the whole history (first paint, the
//! timeline drawn, a zoom step) is measured through the browser's performance API and written to
//! `target/tmp/browser/performance.txt` (reported in `docs/performance.md`, never asserted).
//!
//! Chromium and chromedriver come from Debian (`apt-get install chromium chromium-driver`; `.ci/run`
//! does it). Without them the test says so and is skipped, except under `CI=true`, where it fails.
//!
//! WebDriver is a few JSON requests over HTTP; a small client on `std::net` speaks it
//! (`tests/browser/webdriver.rs`), rather than an async WebDriver crate and its runtime.

mod common;

#[path = "browser/webdriver.rs"]
mod webdriver;

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use common::{orbitline, stdout_of};
use webdriver::{start_driver, Session};

const NOW: &str = "2026-07-03T00:00Z";

/// The fragment of a view of the whole history, 1961 to now.
const WHOLE_HISTORY: &str = "#from=1959-01-01T00:00:00Z&to=2027-06-01T00:00:00Z";

/// Writes a page with `args` into `dir` and returns its path.
fn page(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    stdout_of(
        orbitline()
            .args(["chart", "--format", "html", "--now", NOW])
            .args(args)
            .arg("-o")
            .arg(&path),
    );
    path
}

/// Fails on any console message at error level, and on any resource the page fetched.
fn assert_clean(session: &Session, what: &str) {
    let errors: Vec<Value> = session
        .console()
        .into_iter()
        .filter(|m| m["level"] == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "{what}: console errors: {errors:#?}");
    let fetched = session.js("return performance.getEntriesByType('resource').map(e => e.name)");
    assert_eq!(fetched, json!([]), "{what}: the page fetched something");
}

/// The rectangle of the first element matching `selector` whose text contains `text`, cut to the
/// timeline's centre panel: [left, right, top, bottom].
fn rect_of(session: &Session, selector: &str, text: &str) -> Vec<f64> {
    let script = format!(
        "var e = [...document.querySelectorAll({selector:?})].find(e => e.textContent.includes({text:?}));
         if (!e) return null;
         var r = e.getBoundingClientRect(), p = document.querySelector('.vis-panel.vis-center').getBoundingClientRect();
         return [Math.max(r.left, p.left), Math.min(r.right, p.right), r.top, r.bottom];"
    );
    let value = session.js(&script);
    assert!(!value.is_null(), "no {selector} with {text:?} on the page");
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

#[test]
fn the_timeline_page_in_a_real_browser() {
    let Some((driver, chromium)) = start_driver() else {
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let timeline = page(&out, "timeline.html", &[]);
    let station = page(
        &out,
        "station.html",
        &[
            "--kind",
            "station",
            "--station",
            "tiangong",
            "--from",
            "2025-10-01",
            "--to",
            "2026-02-01",
        ],
    );
    let session = Session::start(&driver, &chromium, &out.join("profile"));

    // The page as it opens (the last three years): no console error, nothing fetched.
    session.open(&timeline, "");
    assert_clean(&session, "the timeline page");
    session.screenshot(&out.join("default.png"));
    let mut performance = measure(&session, "as it opens (the last three years)");

    // The whole history: one item per bar, every stay of the catalog on one, drawn.
    session.open(&timeline, WHOLE_HISTORY);
    assert_clean(&session, "the whole history");
    let counts = session.js(
        "var bars = 0, stays = 0, items = 0;
         orbitline.data.plan.rows.forEach(r => r.bars.forEach(b => { bars += 1; stays += b.stays.length; }));
         orbitline.items.forEach(i => { if (orbitline.meta[i.id].kind === 'stay') items += 1; });
         return [items, bars, stays,
                 orbitline.timeline.getVisibleItems().filter(id => orbitline.meta[id].kind === 'stay').length];",
    );
    let csv =
        stdout_of(orbitline().args(["export", "--format", "csv", "--what", "stays", "--now", NOW]));
    let catalog_stays = csv.iter().filter(|&&b| b == b'\n').count() as u64 - 1;
    assert_eq!(counts[0], counts[1], "one item per bar");
    assert_eq!(
        counts[2],
        json!(catalog_stays),
        "every stay of the catalog on a bar"
    );
    // (Groups scrolled out of the timeline's height are not drawn.)
    assert!(
        counts[3].as_u64().unwrap() > 500,
        "the bars in view are drawn: {counts}"
    );
    session.screenshot(&out.join("whole-history.png"));
    performance.push_str(&measure(&session, "the whole history"));

    // Search: Chen Dong's three stays, selected and in view.
    let found = session.js(
        "var f = document.getElementById('search'); f.value = 'Chen Dong';
         f.form.requestSubmit();
         var w = orbitline.timeline.getWindow();
         return [orbitline.timeline.getSelection().map(id => orbitline.data.plan.rows[orbitline.meta[id].row].title),
                 orbitline.timeline.getSelection().every(id => { var i = orbitline.items.get(id);
                   return i.start >= w.start.getTime() && i.end <= w.end.getTime(); }),
                 document.getElementById('search-result').textContent];",
    );
    assert_eq!(
        found[0],
        json!(["Shenzhou-11", "Shenzhou-14", "Shenzhou-20"]),
        "{found}"
    );
    assert_eq!(found[1], json!(true), "all three in view: {found}");
    // The command line's given-name prefix rule: "Tim Peake" is Timothy Nigel Peake (Soyuz TMA-19M),
    // as `orbitline duration "Tim Peake"` finds him.
    let peake = session.js(
        "var f = document.getElementById('search'); f.value = 'Tim Peake';
         f.form.requestSubmit();
         return orbitline.timeline.getSelection().map(id => orbitline.data.plan.rows[orbitline.meta[id].row].title);",
    );
    assert_eq!(peake, json!(["Soyuz TMA-19M"]), "Tim Peake: {peake}");

    // November 2025: the debris strike's label shows, on top of whatever is beneath it.
    session.open(
        &timeline,
        "#from=2025-11-01T00:00:00Z&to=2025-12-01T00:00:00Z",
    );
    // (vis-timeline lays the items out over the next frames: wait for the label to be where it shows.)
    let on_top = session.wait(
        "var e = [...document.querySelectorAll('.vis-item.marker .vis-item-content')]
           .find(e => e.textContent.includes('debris impact'));
         if (!e) return null;
         var r = e.getBoundingClientRect(), top = document.elementFromPoint(r.left + 4, (r.top + r.bottom) / 2);
         return top && top.textContent.includes('debris impact') ? top.textContent : null;",
    );
    assert!(
        on_top.is_some(),
        "the debris strike's label is not shown in November 2025"
    );
    // Every label shown has room: no two visible labels (bars' names cut to their bars, markers'
    // labels) overlap.
    let overlaps = session.wait(
        "var root = document.getElementById('timeline');
         var boxes = [...root.querySelectorAll('.vis-item.stay .vis-item-content, .vis-item.marker .vis-item-content')]
           .filter(e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden')
           .map(e => { var r = e.getBoundingClientRect(), b = e.closest('.vis-item').getBoundingClientRect();
                       var stay = e.closest('.stay');
                       return [e.textContent, stay ? Math.max(r.left, b.left) : r.left,
                               stay ? Math.min(r.right, b.right) : r.right, r.top, r.bottom]; })
           .filter(b => b[2] - b[1] > 1);
         var bad = [];
         boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
           if (a[1] < b[2] - 1 && b[1] < a[2] - 1 && a[3] < b[4] - 2 && b[3] < a[4] - 2) bad.push([a[0], b[0]]);
         }));
         return bad.length ? null : boxes.length;",
    );
    assert!(
        overlaps.is_some(),
        "labels overlap in November 2025 (see november-2025.png)"
    );
    // The swap connector: an arrow at the landing from the Shenzhou-20 crew's bar to the Shenzhou-21
    // spacecraft's bar, which brought them home.
    let arrow = session
        .wait(
            "var l = document.querySelector('svg.connectors line[data-swap]');
             var bar = t => [...document.querySelectorAll('.vis-item.stay')].find(e => e.textContent.includes(t));
             if (!l || !bar('Shenzhou-20 · Chen Dong') || !bar('Shenzhou-21 spacecraft')) return null;
             var r = l.getBoundingClientRect(), crew = bar('Shenzhou-20 · Chen Dong').getBoundingClientRect(),
                 craft = bar('Shenzhou-21 spacecraft').getBoundingClientRect();
             return [r.left - crew.right, r.bottom - crew.top, r.top - craft.bottom];",
        )
        .expect("no swap connector in November 2025");
    for (i, what) in [
        "at the landing",
        "from the crew's bar",
        "to the spacecraft's bar",
    ]
    .iter()
    .enumerate()
    {
        assert!(arrow[i].as_f64().unwrap().abs() < 3.0, "{what}: {arrow}");
    }
    session.screenshot(&out.join("november-2025.png"));

    // Hover over the Shenzhou-20 crew's bar: the exact figure `duration` prints.
    let bar = rect_of(&session, ".vis-item.stay", "Shenzhou-20 · Chen Dong");
    session.hover(bar[0] + 40.0, (bar[2] + bar[3]) / 2.0);
    let tooltip = session
        .js("var t = document.getElementById('tooltip'); return t.hidden ? '' : t.innerText;");
    assert!(
        tooltip.as_str().unwrap().contains("203 d 23 h 23 min"),
        "tooltip: {tooltip}"
    );
    // Times as the command line prints them by default (UTC), not in the published offset.
    let tooltip = tooltip.as_str().unwrap();
    assert!(
        tooltip.contains("2025-04-24 09:17:31 UTC → 2025-11-14 08:40:31 UTC"),
        "tooltip: {tooltip}"
    );
    assert!(!tooltip.contains("T17:17:31+08:00"), "tooltip: {tooltip}");
    session.screenshot(&out.join("hover.png"));

    // The URL fragment restores the view: window, grouping, filter, selection (and its side panel).
    let item = session.js(
        "return Object.keys(orbitline.meta).find(id => orbitline.meta[id].kind === 'stay' &&
           orbitline.data.plan.rows[orbitline.meta[id].row].title === 'Shenzhou-20' &&
           !orbitline.data.plan.rows[orbitline.meta[id].row].thin);",
    );
    let item = item.as_str().unwrap();
    session.open(
        &timeline,
        &format!("#from=2025-10-20T00:00:00Z&to=2025-11-20T00:00:00Z&group=nation&nation=CN&select={item}"),
    );
    let view = session.js(
        "var w = orbitline.timeline.getWindow();
         return [w.start.toISOString(), w.end.toISOString(), document.getElementById('group-by').value,
                 document.getElementById('filter-nation').value, orbitline.timeline.getSelection(),
                 [...document.querySelectorAll('.vis-labelset .vis-label')].filter(e => e.offsetHeight > 0)
                   .map(e => e.textContent.replace(/[^A-Z]/g, '')),
                 document.getElementById('panel').hidden, location.hash];",
    );
    assert_eq!(view[0], "2025-10-20T00:00:00.000Z", "{view}");
    assert_eq!(view[1], "2025-11-20T00:00:00.000Z", "{view}");
    assert_eq!(view[2], "nation");
    assert_eq!(view[3], "CN");
    assert_eq!(view[4], json!([item]));
    assert_eq!(view[5], json!(["CN"]), "only China's group: {view}");
    assert_eq!(view[6], json!(false), "the side panel shows the selection");
    assert_clean(&session, "the restored view");
    // The side panel: the why-chain of the swap, the events in order, the sources as links.
    let panel = session.js(
        "var p = document.getElementById('panel-body');
         return [p.innerText, [...p.querySelectorAll('a')].filter(a => /^https:/.test(a.href)).length];",
    );
    let text = panel[0].as_str().unwrap();
    for expected in [
        // The published text beside the UTC one, in the panel only.
        "(published 2025-04-24T17:17:31+08:00 → 2025-11-14T16:40:31+08:00)",
        "Why the swap",
        "shenzhou-20/debris-strike",
        "Events",
        "Sources",
    ] {
        assert!(text.contains(expected), "{expected:?} in the panel: {text}");
    }
    assert!(panel[1].as_u64().unwrap() >= 3, "sources as links: {panel}");

    // The keyboard: `+` halves the window around its middle, `-` doubles it back.
    let span = "var w = orbitline.timeline.getWindow(); return (w.end - w.start) / 86400000;";
    let before = session.js(span).as_f64().unwrap();
    session.keys("+");
    let zoomed = session.wait(&format!(
        "var d = (() => {{ {span} }})(); return d < {before} - 1 ? d : null;"
    ));
    assert!(zoomed.is_some(), "+ zooms in from {before} days");
    session.keys("-");
    let back = session.wait(&format!(
        "var d = (() => {{ {span} }})(); return d > {before} - 1 ? d : null;"
    ));
    assert!(back.is_some(), "- zooms out again");

    // A click on a group's name folds it (its bars leave the page) and a second click opens it again.
    let shown = "return orbitline.timeline.getVisibleItems().filter(id => orbitline.meta[id].kind === 'stay').length;";
    let open_count = session.js(shown).as_u64().unwrap();
    assert!(open_count > 0);
    let label = session.js(
        "var e = [...document.querySelectorAll('.vis-labelset .vis-label')].find(e => e.offsetHeight > 0);
         var r = e.getBoundingClientRect(); return [r.left + 20, r.top + 8];",
    );
    let (x, y) = (label[0].as_f64().unwrap(), label[1].as_f64().unwrap());
    session.click(x, y);
    let folded = session.wait(&format!(
        "var n = (() => {{ {shown} }})(); return n === 0 ? n : null;"
    ));
    assert!(folded.is_some(), "the group folds");
    session.click(x, y);
    let opened = session.wait(&format!(
        "var n = (() => {{ {shown} }})(); return n > 0 ? n : null;"
    ));
    assert!(opened.is_some(), "the group opens again");
    assert_clean(&session, "keys and clicks");

    // The station page: both November 2025 gaps shaded and labelled.
    session.open(&station, "");
    assert_clean(&session, "the station page");
    let gaps = session.js(
        "return [...document.querySelectorAll('.vis-item.vis-background.gap')].map(e => {
           var r = e.getBoundingClientRect();
           return [e.textContent, Math.round(r.width), getComputedStyle(e).backgroundColor]; });",
    );
    let gaps = gaps.as_array().unwrap();
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    for gap in gaps {
        // Each names its cause, as `orbitline station` does: the unfit spacecraft and the anomaly.
        assert_eq!(
            gap[0],
            "3 without a fit return seat · Shenzhou-20 unfit: shenzhou-20/debris-strike"
        );
        assert!(gap[1].as_i64().unwrap() > 20, "{gap}");
        assert_ne!(gap[2], "rgba(0, 0, 0, 0)", "shaded: {gap}");
    }
    session.screenshot(&out.join("station.png"));
    let size = std::fs::metadata(&timeline).unwrap().len();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    std::fs::write(
        out.join("performance.txt"),
        format!("file: {size} bytes; load average: {load}{performance}"),
    )
    .unwrap();
}

/// First paint, the timeline drawn, and zoom steps of the page as opened, from the performance API: a
/// paragraph of the report for `docs/performance.md`.
fn measure(session: &Session, view: &str) -> String {
    let marks = session.js(
        "var p = {}; performance.getEntriesByType('paint').forEach(e => p[e.name] = e.startTime);
         performance.getEntriesByType('mark').forEach(e => p[e.name] = e.startTime);
         p.visible = orbitline.timeline.getVisibleItems().length;
         return p;",
    );
    // Each step: zoom in (or out) by half the window, then wait for vis-timeline's redraw and the next
    // frame. Six steps in, six out.
    let zoom = session.js_async(
        "var done = arguments[arguments.length - 1], tl = orbitline.timeline, times = [], n = 0;
         function step() {
           if (n === 12) { done(times); return; }
           var t0 = performance.now();
           tl.once('changed', () => requestAnimationFrame(() => { times.push(performance.now() - t0); n += 1; setTimeout(step, 50); }));
           if (n < 6) tl.zoomIn(0.5, { animation: false }); else tl.zoomOut(0.5, { animation: false });
         }
         step();",
    );
    let mut steps: Vec<f64> = zoom
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    steps.sort_by(f64::total_cmp);
    let ms = |name: &str| {
        marks[name]
            .as_f64()
            .map_or("?".into(), |v| format!("{v:.0} ms"))
    };
    format!(
        "{view}: {} items in view; first contentful paint {}, page script from {}, timeline drawn {}; \
         zoom step (12): median {:.0} ms, slowest {:.0} ms\n",
        marks["visible"],
        ms("first-contentful-paint"),
        ms("page-script"),
        ms("timeline-drawn"),
        steps.get(steps.len() / 2).copied().unwrap_or(f64::NAN),
        steps.last().copied().unwrap_or(f64::NAN),
    )
}

/// The README's picture of the page, `docs/timeline-page.png`, made as the README says:
/// `cargo test --test browser -- --ignored readme_screenshot`. China's flights from April 2025 to January
/// 2026, the pointer on the Shenzhou-20 crew's bar.
#[test]
#[ignore = "rewrites docs/timeline-page.png; run by hand when the page changes"]
fn readme_screenshot() {
    let Some((driver, chromium)) = start_driver() else {
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-screenshot");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let timeline = page(&out, "timeline.html", &[]);
    let session = Session::start(&driver, &chromium, &out.join("profile"));
    session.open(
        &timeline,
        "#from=2025-04-01T00:00:00Z&to=2026-01-31T00:00:00Z&nation=CN",
    );
    assert_clean(&session, "the README's view");
    let bar = rect_of(&session, ".vis-item.stay", "Shenzhou-20 · Chen Dong");
    session.hover(bar[0] + 40.0, (bar[2] + bar[3]) / 2.0);
    let tooltip = session
        .js("var t = document.getElementById('tooltip'); return t.hidden ? '' : t.innerText;");
    assert!(
        tooltip.as_str().unwrap().contains("203 d 23 h 23 min"),
        "tooltip: {tooltip}"
    );
    session.screenshot(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/timeline-page.png"));
}
