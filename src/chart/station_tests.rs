//! Station-chart layout tests on the bundled catalog: gap labels and their leader lines, the colours of
//! neighbouring crew bands, crew names that fit their bands.

use super::scene::{Role, Shape};
use super::station::{self, CrewAboard};
use super::tests::{assert_tidy, bundled, now, options, station, t, texts};
use super::*;
use crate::catalog;

#[test]
fn leader_lines_of_stacked_gap_labels_cross_no_other_label() {
    // Over two years the two November 2025 gaps are a few pixels apart: their labels stack, and each
    // leader line must reach the crew panel without running through the other label.
    for (from, to) in [("2024-09-01", "2026-07-03"), ("2021-01-01", "2026-07-03")] {
        let mut options = options(ChartKind::Station, RowMode::Stay);
        options.from = Some(Time::parse(from).unwrap());
        options.to = Some(Time::parse(to).unwrap());
        let gaps = annotations(&bundled(), &options, now()).gaps;
        assert_eq!(gaps.len(), 2);
        let scene = station(&bundled(), &options, &gaps);
        let of_gap = |want_text: bool| -> Vec<(usize, (f64, f64, f64, f64))> {
            scene
                .items
                .iter()
                .filter_map(|i| match (&i.role, &i.shape) {
                    (Role::Gap(g), Shape::Text { .. }) if want_text => Some((*g, i.shape.bounds())),
                    (Role::Gap(g), Shape::Line { .. }) if !want_text => {
                        Some((*g, i.shape.bounds()))
                    }
                    _ => None,
                })
                .collect()
        };
        let (labels, lines) = (of_gap(true), of_gap(false));
        assert_eq!(labels.len(), 2);
        for (g, (l, t, r, b)) in &labels {
            for (h, (x, y0, _, y1)) in &lines {
                let crosses = *x >= l - 1.0 && *x <= r + 1.0 && *y0 < *b && *y1 > *t;
                assert!(
                    g == h || !crosses,
                    "{from}: the leader of gap {h} crosses the label of gap {g}"
                );
            }
        }
        assert_tidy(&scene, from);
    }
}

#[test]
fn neighbouring_crew_bands_differ_in_colour() {
    let catalog = Catalog::load("bundled", catalog::embedded()).unwrap();
    for (from, to) in [("2022-06-01", "2023-12-01"), ("2024-05-15", "2024-11-01")] {
        let mut options = options(ChartKind::Station, RowMode::Stay);
        options.scope.station = Some("iss".into());
        options.from = Some(Time::parse(from).unwrap());
        options.to = Some(Time::parse(to).unwrap());
        let data = station_data(&catalog, &options, now(), &[]).unwrap();
        let steps = station::steps(&data, now());
        let paints = station::crew_paints(&data, &steps);
        let paint_of = |label: &str| {
            let i = data.crews.iter().position(|c| c.label == label).unwrap();
            paints[i].0
        };
        // Stacked on one another.
        for step in &steps {
            for pair in step.crews.windows(2) {
                assert_ne!(paints[pair[0]].0, paints[pair[1]].0, "{from}: {pair:?}");
            }
        }
        if from.starts_with("2022") {
            // Dragon Crew-6's crew took over from Soyuz MS-22's at the same height: blue beside blue.
            assert_ne!(paint_of("Soyuz MS-22 crew"), paint_of("Dragon Crew-6 crew"));
        }
    }
}

#[test]
fn crew_band_labels_are_whole_or_not_at_all() {
    // Over two years the Shenzhou-18 and -23 crews are aboard for a few weeks in range: their names
    // are set smaller, shorter or on two lines, never cut to `Shen…`.
    let mut options = options(ChartKind::Station, RowMode::Stay);
    options.from = Some(Time::parse("2024-09-01").unwrap());
    options.to = Some(Time::parse("2026-07-03").unwrap());
    let scene = station(&bundled(), &options, &[]);
    let names = texts(&scene, &Role::Occupancy);
    assert!(names.iter().all(|t| !t.contains('…')), "{names:?}");
    for crew in [
        "Shenzhou-18",
        "Shenzhou-19",
        "Shenzhou-20",
        "Shenzhou-21",
        "Shenzhou-23",
    ] {
        assert!(
            names.iter().any(|t| t.starts_with(crew)),
            "{crew}: {names:?}"
        );
    }
    let crew = CrewAboard {
        up: "shenzhou-18".into(),
        label: "Shenzhou-18 crew".into(),
        people: 3,
        from: t("2024-04-25"),
        until: None,
    };
    let lines = |h: f64, w: f64| station::draw::crew_name_lines(&crew, h, w).map(|l| l.0);
    assert_eq!(lines(90.0, 400.0).unwrap(), ["Shenzhou-18 crew (3)"]);
    assert_eq!(lines(90.0, 75.0).unwrap(), ["Shenzhou-18", "crew (3)"]);
    assert_eq!(lines(20.0, 75.0).unwrap(), ["Shenzhou-18"]);
    assert_eq!(lines(90.0, 10.0), None);
}
