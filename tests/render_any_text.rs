//! Every report renders whatever text a catalog that validates holds (issue 13, item 11): a property test
//! generates catalogs from the bundled one with any characters (control characters included) and huge
//! lengths (over the 65,535 that `format!` widths allow) in an astronaut's id and name, a flight's name, an
//! event's title and the catalog's label. Catalogs that validation refuses are skipped; for the others,
//! every command renders in text and JSON without a panic, text has no raw control character but line
//! feeds and tabs, JSON parses, and the SVG charts parse as XML.

use chrono::{DateTime, Duration, Utc};
use orbitline::app::{self, DataSource, Options, Request};
use orbitline::catalog::Filter;
use orbitline::catalog::{embedded, Catalog, SourceFile};
use orbitline::chart::{ChartFormat, ChartKind, ChartOptions, RowMode};
use orbitline::deps::Direction;
use orbitline::export::{ExportFormat, ExportQuery, ExportWhat};
use orbitline::report::graph::GraphFormat;
use orbitline::report::{Format, TimeDisplay, Zone};
use orbitline::timeline::records::{RecordKind, RecordsQuery};
use proptest::prelude::*;

/// Any text: short runs of any characters (controls and all), or a run longer than a `format!` width
/// may be. The catalog's label (the folder it was read from) is such a text: nothing validates it.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => (65_536usize..66_000).prop_map(|n| "long name ".repeat(n / 10)),
    ]
}

/// A name as validation takes it (docs/hardening.md: no control characters, at most 200 characters):
/// markup, quotes, backslashes, any script, emoji, marks that reorder text, or the longest name allowed.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(any::<char>().prop_filter("not a control", |c| !c.is_control()), 1..24)
            .prop_map(String::from_iter)
            .prop_filter("not blank", |t| !t.trim().is_empty()),
        1 => Just("<b>&amp; \"long\" name</b> ".repeat(8)[..200].to_string()),
    ]
}

/// An id as validation takes it (a slug of at most 64 characters), short or the longest allowed.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z][a-z0-9-]{0,20}",
        1 => Just("a".repeat(64)),
    ]
}

/// The generated text, put into the bundled catalog.
#[derive(Debug, Clone)]
struct Texts {
    label: String,
    astronaut_id: String,
    astronaut_name: String,
    flight_name: String,
    event_title: String,
}

fn texts() -> impl Strategy<Value = Texts> {
    (text(), id(), name(), name(), name()).prop_map(
        |(label, astronaut_id, astronaut_name, flight_name, event_title)| Texts {
            label,
            astronaut_id,
            astronaut_name,
            flight_name,
            event_title,
        },
    )
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// The curated Shenzhou layer of the bundled catalog (its registries and `missions/shenzhou/`: a whole
/// catalog of 18 flights, small enough to render every report of many cases in a debug build) with `t` put
/// in; `None` when validation refuses it.
fn catalog(t: &Texts) -> Option<Catalog> {
    let files = embedded()
        .into_iter()
        .filter(|file| {
            let name = file.name.as_str();
            name.starts_with("missions/shenzhou/") || name.matches('/').count() == 1
        })
        .map(|file| {
            let mut text = file
                .text()
                .unwrap()
                .replace("\"chen-dong\"", &json_string(&t.astronaut_id));
            if file.file_name == "astronauts.json" {
                text = text.replacen("\"Chen Dong\"", &json_string(&t.astronaut_name), 1);
            }
            if file.file_name == "shenzhou-20.json" {
                text = text.replacen("\"Shenzhou-20\"", &json_string(&t.flight_name), 1);
                text = text.replacen(
                    "\"First spacewalk: debris shields on Tianhe\"",
                    &json_string(&t.event_title),
                    1,
                );
            }
            SourceFile::new(file.name.clone(), text)
        })
        .collect();
    Catalog::load(t.label.clone(), files).ok()
}

fn requests(t: &Texts, out: &std::path::Path) -> Vec<Request> {
    let stay = format!("{}@shenzhou-20", t.astronaut_id);
    let mut list = vec![
        Request::Validate,
        Request::List(Filter::default()),
        Request::Show {
            flight: "shenzhou-20".into(),
        },
        Request::Duration {
            subject: "shenzhou-20".into(),
        },
        Request::Duration {
            subject: t.astronaut_id.clone(),
        },
        Request::Station {
            station: "tiangong".into(),
            from: None,
            to: None,
            at: None,
        },
        Request::Station {
            station: "tiangong".into(),
            from: None,
            to: None,
            at: "2025-11-10T00:00:00Z".parse().ok(),
        },
        Request::Deps {
            reference: stay.clone(),
            direction: Direction::Both,
            depth: None,
        },
        Request::Why {
            reference: "shenzhou-22/launch".into(),
        },
        Request::Impact {
            reference: "shenzhou-20/launch".into(),
            slip: Duration::days(3),
        },
        Request::Critical {
            from: "shenzhou-20".into(),
            to: stay,
        },
    ];
    for kind in [
        RecordKind::Stay,
        RecordKind::Crew,
        RecordKind::Cumulative,
        RecordKind::Eva,
        RecordKind::EvaTotal,
        RecordKind::Vehicle,
    ] {
        list.push(Request::Records(RecordsQuery {
            kind,
            scope: Filter::default(),
            top: Some(10),
            as_of: None,
            progression: true,
        }));
    }
    for format in [GraphFormat::Dot, GraphFormat::Mermaid, GraphFormat::Json] {
        list.push(Request::Graph {
            format,
            focus: Some("shenzhou-20".into()),
            depth: 2,
        });
    }
    for (format, what) in [
        (ExportFormat::Csv, ExportWhat::Stays),
        (ExportFormat::Csv, ExportWhat::Flights),
        (ExportFormat::Ics, ExportWhat::Events),
        (ExportFormat::Mermaid, ExportWhat::Stays),
        (ExportFormat::Json, ExportWhat::Catalog),
    ] {
        list.push(Request::Export(
            ExportQuery::new(format, Some(what), None).unwrap(),
        ));
    }
    for (i, (kind, rows)) in [
        (ChartKind::Gantt, RowMode::Stay),
        (ChartKind::Gantt, RowMode::Flight),
        (ChartKind::Gantt, RowMode::Astronaut),
        (ChartKind::Station, RowMode::Stay),
    ]
    .into_iter()
    .enumerate()
    {
        list.push(Request::Chart(ChartOptions {
            kind,
            scope: Filter {
                station: (kind == ChartKind::Station).then(|| "tiangong".into()),
                ..Filter::default()
            },
            from: None,
            to: None,
            rows,
            format: ChartFormat::Svg,
            size: None,
            output: out.join(format!("chart-{i}.svg")),
        }));
    }
    list
}

fn now() -> DateTime<Utc> {
    "2026-07-01T00:00:00Z".parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn every_report_renders_any_text_a_valid_catalog_holds(t in texts()) {
        let Some(catalog) = catalog(&t) else {
            return Err(TestCaseError::reject("validation refuses it"));
        };
        let out = tempfile::tempdir().unwrap();
        for format in [Format::Human, Format::Json] {
            let options = Options {
                cache: None,
                data: DataSource::Bundled,
                display: TimeDisplay {
                    zone: Zone::Utc,
                    ..TimeDisplay::default()
                },
                now: now(),
                now_given: true,
                format,
            };
            for request in requests(&t, out.path()) {
                // Exports, graphs and charts choose their format themselves: once is enough.
                if format == Format::Json
                    && matches!(request, Request::Export(_) | Request::Graph { .. } | Request::Chart(_))
                {
                    continue;
                }
                let outcome = app::answer(&catalog, &options, &request)
                    .unwrap_or_else(|e| panic!("{request:?}: {e}"));
                let text = &outcome.stdout;
                let json = match &request {
                    Request::Graph { format, .. } => *format == GraphFormat::Json,
                    Request::Export(query) => query.format == ExportFormat::Json,
                    Request::Chart(_) => false,
                    _ => format == Format::Json,
                };
                if json {
                    prop_assert!(
                        serde_json::from_str::<serde_json::Value>(text).is_ok(),
                        "{request:?}"
                    );
                }
                let csv_or_ics = matches!(
                    &request,
                    Request::Export(q) if matches!(q.format, ExportFormat::Csv | ExportFormat::Ics)
                );
                if !csv_or_ics {
                    prop_assert!(
                        text.chars().all(|c| c == '\n' || c == '\t' || !c.is_control()),
                        "{request:?}: a raw control character"
                    );
                }
                if let Request::Chart(chart) = &request {
                    let svg = std::fs::read_to_string(&chart.output).unwrap();
                    prop_assert!(roxmltree::Document::parse(&svg).is_ok(), "{request:?}");
                }
            }
        }
    }
}
