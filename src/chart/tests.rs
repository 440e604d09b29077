//! Layout and drawing tests on the swap fixture (Shenzhou-20/21/22), the bundled catalog and a generated
//! catalog of 2,000 flights.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::scene::{Item, MarkerKind, Role, Scene, Shape};
use super::theme::colour;
use super::*;
use crate::catalog::{self, SourceFile};

pub(super) fn t(s: &str) -> DateTime<Utc> {
    Time::parse(s).unwrap().instant()
}

pub(super) fn now() -> DateTime<Utc> {
    t("2026-07-03T00:00Z")
}

fn swap() -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/swap");
    Catalog::load("tests/fixtures/swap", catalog::read_dir(&dir).unwrap()).unwrap()
}

/// The curated Shenzhou flights of the bundled catalog (and the flights their crews touch): the charts
/// these tests draw are about them, not the whole history.
pub(super) fn bundled() -> Catalog {
    Catalog::load("bundled", catalog::embedded())
        .unwrap()
        .subset(|f| f.program == "Shenzhou")
}

pub(super) fn options(kind: ChartKind, rows: RowMode) -> ChartOptions {
    ChartOptions {
        kind,
        scope: Filter {
            station: (kind == ChartKind::Station).then(|| "tiangong".to_string()),
            ..Filter::default()
        },
        from: None,
        to: None,
        rows,
        format: ChartFormat::Svg,
        size: None,
        output: "unused.svg".into(),
    }
}

fn gantt(catalog: &Catalog, options: &ChartOptions, badges: &[Badge]) -> Scene {
    gantt::layout(catalog, options, now(), badges).unwrap().0
}

pub(super) fn station(catalog: &Catalog, options: &ChartOptions, gaps: &[CoverageGap]) -> Scene {
    let data = station_data(catalog, options, now(), gaps).unwrap();
    station::layout(catalog, &data, options, now()).unwrap()
}

fn rows_with(scene: &Scene, role: impl Fn(&Role) -> Option<usize>) -> BTreeSet<usize> {
    scene.items.iter().filter_map(|i| role(&i.role)).collect()
}

pub(super) fn texts(scene: &Scene, role: &Role) -> Vec<String> {
    scene
        .with_role(role)
        .iter()
        .filter_map(|i| match &i.shape {
            Shape::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn rect(item: &Item) -> (f64, f64, f64, f64) {
    match item.shape {
        Shape::Rect { x0, y0, x1, y1, .. } => (x0, y0, x1, y1),
        _ => panic!("not a rectangle: {item:?}"),
    }
}

fn swap_gaps() -> Vec<CoverageGap> {
    vec![
        CoverageGap {
            station: "tiangong".into(),
            start: t("2025-11-04+08:00"),
            end: Some(t("2025-11-14T03:14Z")),
            short_by: 3,
            label: "3 without a fit seat home".into(),
        },
        CoverageGap {
            station: "tiangong".into(),
            start: t("2025-11-14T03:14Z"),
            end: Some(t("2025-11-25T07:50Z")),
            short_by: 3,
            label: "no fit spacecraft docked".into(),
        },
    ]
}

#[test]
fn a_bar_per_crew_a_ghost_per_planned_return_a_connector_per_swap() {
    let scene = gantt(&swap(), &options(ChartKind::Gantt, RowMode::Stay), &[]);
    // Shenzhou-20 crew, -20 spacecraft, -21 crew, -21 spacecraft, -22 spacecraft.
    let labels: Vec<String> = (0..5)
        .map(|i| texts(&scene, &Role::RowLabel(i)).join(" "))
        .collect();
    assert_eq!(
        labels,
        [
            "Shenzhou-20 Chen Dong, Chen Zhongrui, Wang Jie",
            "Shenzhou-20 spacecraft landed uncrewed",
            "Shenzhou-21 Zhang Lu, Wu Fei, Zhang Hongzhang",
            "Shenzhou-21 spacecraft returned Shenzhou-20 crew",
            "Shenzhou-22 spacecraft uncrewed up, returned Shenzhou-21 crew",
        ]
    );
    let bars = rows_with(&scene, |r| match r {
        Role::Bar(i) => Some(*i),
        _ => None,
    });
    assert_eq!(bars, (0..5).collect());
    for i in 0..5 {
        assert_eq!(scene.with_role(&Role::Bar(i)).len(), 1, "row {i}");
    }
    // Only Shenzhou-20 had a planned return (5 Nov 2025, Beijing date).
    assert_eq!(scene.with_role(&Role::Ghost(0)).len(), 1);
    assert_eq!(
        rows_with(&scene, |r| match r {
            Role::Ghost(i) => Some(*i),
            _ => None,
        }),
        [0].into()
    );
    let connectors: BTreeSet<(usize, usize)> = scene
        .items
        .iter()
        .filter_map(|i| match i.role {
            Role::Connector { from, to } => Some((from, to)),
            _ => None,
        })
        .collect();
    assert_eq!(connectors, [(0, 3), (2, 4)].into());
    let notes = texts(&scene, &Role::Note(0)).join("");
    assert_eq!(
        notes,
        "204 d · debris strike 4 Nov 2025 · 9 d late · home on Shenzhou-21"
    );
    // The debris strike and the postponement are marked on the crew's bar.
    assert_eq!(
        scene.with_role(&Role::Marker(MarkerKind::Anomaly, 0)).len(),
        2
    ); // halo + diamond
    assert!(!scene.with_role(&Role::Unfit(1)).is_empty());
}

#[test]
fn the_svg_has_a_bar_per_crew_a_ghost_and_a_connector_per_swap() {
    let svg = gantt(&swap(), &options(ChartKind::Gantt, RowMode::Stay), &[])
        .svg()
        .unwrap();
    let count = |needle: &str| svg.matches(needle).count();
    let crew = colour::CREW.svg();
    // Two crew bars, and the legend's swatch.
    assert_eq!(
        count(&format!(r#"opacity="1" fill="{crew}" stroke="none""#)),
        3,
        "{svg}"
    );
    // One ghost outline, and the legend's.
    assert_eq!(
        count(&format!(r#"opacity="0.85" fill="none" stroke="{crew}""#)),
        2
    );
    // Two connector shafts, and the legend's.
    assert_eq!(
        count(&format!(
            r#"stroke="{}" stroke-width="2""#,
            colour::INK.svg()
        )),
        3
    );
    assert!(svg.contains(r#"font-family="DejaVu Sans, Verdana, sans-serif""#));
    assert!(svg.contains("Shenzhou crews in orbit, Apr 2025 – May 2026"));
    assert!(svg.contains(
        "Catalog: tests/fixtures/swap (3 flights), last checked against sources 3 Jul 2026"
    ));
}

#[test]
fn bar_pixels_sit_where_the_dates_say() {
    let scene = gantt(&swap(), &options(ChartKind::Gantt, RowMode::Stay), &[]);
    let png = scene.png().unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (scene.width, scene.height));
    let at = |x: f64, y: f64| {
        let (x, y) = (x.round() as usize, y.round() as usize);
        let i = (y * info.width as usize + x) * 3;
        (pixels[i], pixels[i + 1], pixels[i + 2])
    };
    let scale = scene.axis.unwrap();
    // The Shenzhou-20 crew: launch 24 Apr 2025 09:17:31 UTC, down on Shenzhou-21 14 Nov 08:40:31 UTC.
    let (x0, x1) = (
        scale.x(t("2025-04-24T09:17:31Z")),
        scale.x(t("2025-11-14T08:40:31Z")),
    );
    let (bx0, by0, bx1, by1) = rect(scene.with_role(&Role::Bar(0))[0]);
    assert!((bx0 - x0).abs() < 0.01 && (bx1 - x1).abs() < 0.01);
    let y = (by0 + by1) / 2.0;
    let blue = colour::CREW.rgb;
    assert_eq!(at(x0 + 2.0, y), blue);
    assert_eq!(at((x0 + x1) / 2.0, y), blue);
    assert_eq!(at(x1 - 2.0, y), blue);
    assert_ne!(at(x0 - 3.0, y), blue);
    assert_ne!(at(x1 + 3.0, y), blue);
    // The row below (the Shenzhou-20 spacecraft, to 19 Jan 2026) is sky blue past the crew's end.
    let (_, vy0, vx1, vy1) = rect(scene.with_role(&Role::Bar(1))[0]);
    assert!((vx1 - scale.x(t("2026-01-19T01:34Z"))).abs() < 0.01);
    assert_eq!(at(x0 + 2.0, (vy0 + vy1) / 2.0), colour::VEHICLE.rgb);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let catalog = bundled();
    let options = options(ChartKind::Gantt, RowMode::Stay);
    let a = gantt(&catalog, &options, &[]).svg().unwrap();
    let b = gantt(&catalog, &options, &[]).svg().unwrap();
    assert_eq!(a, b);
    let a = gantt(&catalog, &options, &[]).png().unwrap();
    let b = gantt(&catalog, &options, &[]).png().unwrap();
    assert_eq!(a, b);
}

/// Every shape lies within the canvas, and no two texts overlap.
pub(super) fn assert_tidy(scene: &Scene, what: &str) {
    let (w, h) = (scene.width as f64, scene.height as f64);
    for item in &scene.items {
        let (l, t, r, b) = item.shape.bounds();
        assert!(
            l >= -0.5 && t >= -0.5 && r <= w + 0.5 && b <= h + 0.5,
            "{what}: outside the {w}×{h} canvas: {item:?}"
        );
    }
    type Box = (f64, f64, f64, f64);
    let boxes: Vec<(&Item, Box)> = scene
        .items
        .iter()
        .filter(|i| matches!(i.shape, Shape::Text { .. }))
        .map(|i| (i, i.shape.bounds()))
        .collect();
    for (n, (a, ab)) in boxes.iter().enumerate() {
        for (b, bb) in &boxes[n + 1..] {
            let overlap_x = ab.0.max(bb.0) < ab.2.min(bb.2) - 0.5;
            let overlap_y = ab.1.max(bb.1) < ab.3.min(bb.3) - 0.5;
            assert!(
                !(overlap_x && overlap_y),
                "{what}: texts overlap:\n{a:?}\n{b:?}"
            );
        }
    }
}

#[test]
fn nothing_is_drawn_outside_the_canvas_and_no_texts_overlap() {
    let catalog = bundled();
    let badges = [Badge {
        up: "shenzhou-20".into(),
        astronaut: None,
        text: "record 204 d".into(),
    }];
    for rows in [RowMode::Stay, RowMode::Flight, RowMode::Astronaut] {
        for size in [None, Some((700, Some(500))), Some((1000, None))] {
            let mut options = options(ChartKind::Gantt, rows);
            options.size = size.map(|(width, height)| Size { width, height });
            assert_tidy(
                &gantt(&catalog, &options, &badges),
                &format!("{rows:?} {size:?}"),
            );
            options.from = Some(Time::parse("2025-10-01").unwrap());
            options.to = Some(Time::parse("2026-02-01").unwrap());
            assert_tidy(
                &gantt(&catalog, &options, &badges),
                &format!("{rows:?} {size:?} zoomed"),
            );
        }
    }
    for (from, to) in [(None, None), (Some("2025-10-01"), Some("2026-02-01"))] {
        let mut options = options(ChartKind::Station, RowMode::Stay);
        options.from = from.map(|f| Time::parse(f).unwrap());
        options.to = to.map(|f| Time::parse(f).unwrap());
        assert_tidy(
            &station(&catalog, &options, &swap_gaps()),
            &format!("station {from:?}"),
        );
        options.size = Some(Size {
            width: 640,
            height: Some(560),
        });
        assert_tidy(
            &station(&catalog, &options, &swap_gaps()),
            &format!("small station {from:?}"),
        );
    }
}

#[test]
fn badges_go_on_the_bars_of_the_stays_they_name() {
    let badges = [
        Badge {
            up: "shenzhou-20".into(),
            astronaut: Some("wang-jie".into()),
            text: "record 204 d".into(),
        },
        Badge {
            up: "shenzhou-21".into(),
            astronaut: None,
            text: "record 210 d".into(),
        },
    ];
    let scene = gantt(&swap(), &options(ChartKind::Gantt, RowMode::Stay), &badges);
    assert_eq!(texts(&scene, &Role::Badge(0)), ["record 204 d"]);
    assert_eq!(texts(&scene, &Role::Badge(2)), ["record 210 d"]);
    // The badge says the duration, so the note does not repeat it.
    assert_eq!(
        texts(&scene, &Role::Note(0)).join(""),
        "debris strike 4 Nov 2025 · 9 d late · home on Shenzhou-21"
    );
    let mut by_person = options(ChartKind::Gantt, RowMode::Astronaut);
    by_person.scope.program = Some("shenzhou".into());
    let scene = gantt(&swap(), &by_person, &badges);
    let badged = rows_with(&scene, |r| match r {
        Role::Badge(i) => Some(*i),
        _ => None,
    });
    // Wang Jie, and the three of the Shenzhou-21 crew.
    assert_eq!(badged.len(), 4);
}

#[test]
fn the_line_at_now_runs_clear_of_the_record_badges() {
    // Shenzhou-21's crew landed five weeks before `now`: at the default size its badge, drawn beside the
    // bar's end, would sit across the line at now; it goes past the line instead.
    let catalog = bundled();
    let options = options(ChartKind::Gantt, RowMode::Stay);
    let badges = annotations(&catalog, &options, now()).badges;
    let scene = gantt(&catalog, &options, &badges);
    let x_now = scene.axis.unwrap().x(now());
    let pills: Vec<(f64, f64, f64, f64)> = scene
        .items
        .iter()
        .filter(|i| matches!(i.role, Role::Badge(_)) && matches!(i.shape, Shape::Rect { .. }))
        .map(rect)
        .collect();
    assert_eq!(pills.len(), 12, "one badge per record");
    for (x0, _, x1, _) in pills {
        assert!(
            x_now < x0 - 1.0 || x_now > x1 + 1.0,
            "the line at now ({x_now}) crosses the badge {x0}..{x1}"
        );
    }
}

#[test]
fn a_small_canvas_says_what_it_left_out_and_its_legend_shows_only_what_is_drawn() {
    let catalog = bundled();
    let mut options = options(ChartKind::Gantt, RowMode::Stay);
    let badges = annotations(&catalog, &options, now()).badges;
    let said = |scene: &Scene| {
        texts(scene, &Role::Frame)
            .into_iter()
            .find(|t| t.starts_with("Left out at this size"))
    };
    let full = gantt(&catalog, &options, &badges);
    assert_eq!(said(&full), None, "nothing is left out at the default size");
    assert!(texts(&full, &Role::Legend).contains(&"record".to_string()));
    // At 800×400 the rows are too thin for badges, markers and notes, and every other label goes.
    options.size = Some(Size {
        width: 800,
        height: Some(400),
    });
    let small = gantt(&catalog, &options, &badges);
    let count = |role: fn(&Role) -> Option<usize>| rows_with(&small, role).len();
    let rows = 1 + rows_with(&small, |r| match r {
        Role::Bar(i) | Role::OpenEnd(i) | Role::RowLabel(i) => Some(*i),
        _ => None,
    })
    .into_iter()
    .max()
    .unwrap();
    let labelled = count(|r| match r {
        Role::RowLabel(i) => Some(*i),
        _ => None,
    });
    let badged = count(|r| match r {
        Role::Badge(i) => Some(*i),
        _ => None,
    });
    assert!(
        labelled < rows && badged < badges.len(),
        "{labelled} {badged}"
    );
    let note = said(&small).expect("the chart says what it left out");
    assert!(
        note.contains(&format!("{} row labels", rows - labelled)),
        "{note}"
    );
    assert!(
        note.contains(&format!("{} badges", badges.len() - badged)),
        "{note}"
    );
    assert!(
        note.ends_with("use --from/--to or a larger --size"),
        "{note}"
    );
    assert_eq!(
        texts(&small, &Role::Legend).contains(&"record".to_string()),
        badged > 0,
        "the legend shows a record badge only when one is drawn"
    );
    assert_tidy(&small, "800×400");
}

#[test]
fn flights_still_in_orbit_end_at_now_with_an_open_end() {
    let scene = gantt(&bundled(), &options(ChartKind::Gantt, RowMode::Stay), &[]);
    let scale = scene.axis.unwrap();
    let last = scene
        .items
        .iter()
        .filter_map(|i| match i.role {
            Role::Bar(r) => Some(r),
            _ => None,
        })
        .max()
        .unwrap();
    assert_eq!(texts(&scene, &Role::RowLabel(last))[0], "Shenzhou-23");
    assert!(!scene.with_role(&Role::OpenEnd(last)).is_empty());
    let x_now = scale.x(now());
    for item in scene.with_role(&Role::Bar(last)) {
        assert!(rect(item).2 <= x_now + 0.01);
    }
    assert!(texts(&scene, &Role::Now)
        .iter()
        .any(|t| t == "now 3 Jul 2026"));
    // Nothing else is open.
    let open = rows_with(&scene, |r| match r {
        Role::OpenEnd(i) => Some(*i),
        _ => None,
    });
    assert_eq!(open, [last].into());
}

#[test]
fn the_station_chart_stacks_the_crews_and_shades_the_gaps() {
    let mut options = options(ChartKind::Station, RowMode::Stay);
    options.from = Some(Time::parse("2025-10-01").unwrap());
    options.to = Some(Time::parse("2026-02-01").unwrap());
    let data = station_data(&bundled(), &options, now(), &swap_gaps()).unwrap();
    let lanes: Vec<&str> = data.lanes.iter().map(|l| l.flight.as_str()).collect();
    assert_eq!(lanes, ["shenzhou-20", "shenzhou-21", "shenzhou-22"]);
    let crews: Vec<(&str, u32)> = data
        .crews
        .iter()
        .map(|c| (c.label.as_str(), c.people))
        .collect();
    assert_eq!(crews, [("Shenzhou-20 crew", 3), ("Shenzhou-21 crew", 3)]);
    // Aboard from docking (1 Nov 03:22 Beijing) to the undocking of the flight down (14 Nov 11:14).
    assert_eq!(data.crews[1].from, t("2025-11-01T03:22+08:00"));
    assert_eq!(data.crews[0].until, Some(t("2025-11-14T11:14+08:00")));
    assert_eq!(data.lanes[0].unfit_from, Some(t("2025-11-04T12:00+08:00")));
    let scene = station(&bundled(), &options, &swap_gaps());
    for g in 0..2 {
        let shaded = scene.with_role(&Role::Gap(g));
        assert!(shaded.iter().any(|i| matches!(i.shape, Shape::Rect { .. })));
        assert!(texts(&scene, &Role::Gap(g))[0].contains(&swap_gaps()[g].label));
    }
    assert_eq!(
        texts(&scene, &Role::Gap(1))[0],
        "no fit spacecraft docked · 11 d"
    );
    assert!(!scene.with_role(&Role::Unfit(0)).is_empty());
    // The shading lies over the crews (drawn after them), not hidden behind the six aboard.
    let index = |f: &dyn Fn(&Item) -> bool| -> Vec<usize> {
        let items = scene.items.iter().enumerate();
        items.filter(|(_, i)| f(i)).map(|(n, _)| n).collect()
    };
    let is_rect = |i: &Item| matches!(i.shape, Shape::Rect { .. });
    let crew_rects = index(&|i| i.role == Role::Occupancy && is_rect(i));
    let gap_rects = index(&|i| matches!(i.role, Role::Gap(_)) && is_rect(i));
    assert!(
        crew_rects.iter().max() < gap_rects.iter().min(),
        "{gap_rects:?}"
    );
    assert!(texts(&scene, &Role::Occupancy).contains(&"Shenzhou-20 crew (3)".to_string()));
    // Six aboard at the handover.
    let scale = scene.axis.unwrap();
    let x = scale.x(t("2025-11-05T00:00Z"));
    let tallest = scene
        .with_role(&Role::Occupancy)
        .into_iter()
        .filter_map(|i| match i.shape {
            Shape::Rect { x0, x1, y0, y1, .. } if x0 <= x && x <= x1 => Some(y1 - y0),
            _ => None,
        })
        .count();
    assert_eq!(tallest, 2);
    let svg = scene.svg().unwrap();
    assert!(svg.contains("Tiangong: people aboard and docked spacecraft, Oct 2025 – Feb 2026"));
}

#[test]
fn usage_errors_name_the_fix() {
    let catalog = bundled();
    let mut o = options(ChartKind::Station, RowMode::Stay);
    o.scope.station = Some("tiangog".into());
    let e = render(&catalog, &o, now(), &Annotations::default()).unwrap_err();
    assert!(matches!(e, ChartError::UnknownStation { .. }));
    assert!(e
        .problem()
        .hint
        .unwrap()
        .contains("did you mean `tiangong`?"));
    o.scope.station = None;
    let e = render(&catalog, &o, now(), &Annotations::default()).unwrap_err();
    assert!(e.problem().hint.unwrap().contains("tiangong-1"));
    let mut o = options(ChartKind::Gantt, RowMode::Stay);
    o.from = Some(Time::parse("2026-01-01").unwrap());
    o.to = Some(Time::parse("2025-01-01").unwrap());
    assert!(matches!(
        render(&catalog, &o, now(), &Annotations::default()),
        Err(ChartError::EmptyRange { .. })
    ));
    for kind in [ChartKind::Gantt, ChartKind::Station] {
        let mut o = options(kind, RowMode::Stay);
        o.size = Some(Size {
            width: 320,
            height: Some(320),
        });
        let e = render(&catalog, &o, now(), &Annotations::default()).unwrap_err();
        let ChartError::TooSmall { needed, .. } = e else {
            panic!("{e}")
        };
        o.size = Some(Size {
            width: 320,
            height: Some(needed),
        });
        assert!(render(&catalog, &o, now(), &Annotations::default()).is_ok());
        assert_tidy(
            &match kind {
                ChartKind::Gantt => gantt(&catalog, &o, &[]),
                ChartKind::Station => station(&catalog, &o, &[]),
            },
            "the smallest chart",
        );
    }
    let mut o = options(ChartKind::Gantt, RowMode::Stay);
    o.scope.program = Some("Soyuz".into());
    let e = render(&catalog, &o, now(), &Annotations::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "nothing to chart: no flight matches programme Soyuz"
    );
}

/// A catalog of `n` one-person flights, one a day from 1 Jan 2000, each 10 to 200 days long.
fn generated(n: usize) -> Catalog {
    let astronauts: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "p-{i}", "name": "Person Number {i} Longname-Example", "nation": "CN"}}"#
            )
        })
        .collect();
    let mut files = vec![
        SourceFile::new(
            "astronauts.json",
            format!(r#"{{"astronauts": [{}]}}"#, astronauts.join(",")),
        ),
        SourceFile::new(
            "spacecraft.json",
            r#"{"spacecraft": [{"id": "capsule", "name": "Capsule", "seats": 3}]}"#,
        ),
        SourceFile::new(
            "stations.json",
            r#"{"stations": [{"id": "outpost", "name": "Outpost", "nation": "CN"}]}"#,
        ),
    ];
    let day0 = t("2000-01-01T00:00Z");
    for i in 0..n {
        let launch = day0 + chrono::Duration::days(i as i64);
        let landing = launch + chrono::Duration::days(10 + (i as i64 * 37) % 190);
        let fmt = |d: DateTime<Utc>| d.format("%Y-%m-%dT%H:%MZ").to_string();
        files.push(SourceFile::new(
            format!("f-{i}.json"),
            format!(
                r#"{{"id": "f-{i}", "name": "Flight {i}", "program": "Test", "spacecraft": "capsule",
                "nation": "CN", "station": "outpost",
                "launch": {{"time": "{}", "crew": [{{"astronaut": "p-{i}"}}]}},
                "docking": {{"time": "{}"}},
                "landing": {{"time": "{}", "crew": [{{"astronaut": "p-{i}"}}]}},
                "events": [{{"id": "eva", "kind": "eva", "time": "{}"}}],
                "sources": ["https://example.invalid/"]}}"#,
                fmt(launch),
                fmt(launch + chrono::Duration::hours(6)),
                fmt(landing),
                fmt(launch + chrono::Duration::days(5)),
            ),
        ));
    }
    Catalog::load("generated", files).unwrap()
}

#[test]
fn two_thousand_rows_shrink_and_thin_their_labels() {
    let catalog = generated(2000);
    // The whole history (without --from it would open on its last two years).
    let mut all = options(ChartKind::Gantt, RowMode::Stay);
    all.from = Some(Time::parse("1999-12-01").unwrap());
    let scene = gantt(&catalog, &all, &[]);
    let bars = rows_with(&scene, |r| match r {
        Role::Bar(i) => Some(*i),
        _ => None,
    });
    assert_eq!(bars.len(), 2000);
    let labelled = rows_with(&scene, |r| match r {
        Role::RowLabel(i) => Some(*i),
        _ => None,
    });
    assert!(
        labelled.len() < 1000 && labelled.len() > 100,
        "{}",
        labelled.len()
    );
    assert_tidy(&scene, "2000 rows");
    let svg = scene.svg().unwrap();
    assert!(svg.len() < 4_000_000, "{}", svg.len());
    let mut fixed = options(ChartKind::Gantt, RowMode::Astronaut);
    fixed.from = all.from.clone();
    fixed.size = Some(Size {
        width: 1200,
        height: Some(900),
    });
    let scene = gantt(&catalog, &fixed, &[]);
    assert_eq!(scene.height, 900);
    assert_tidy(&scene, "2000 rows in 900 px");
}
