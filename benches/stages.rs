//! Each stage of orbitline on synthetic catalogs of 1,000 and 10,000 flights (and 100,000 with
//! `ORBITLINE_BENCH_LARGE=1`): loading and validating, deriving stays, records, the station timeline,
//! building the dependency graph, an impact propagation with its consequences, and rendering a 2,000-row
//! chart; and the shapes of one file that were once quadratic (issue 13): a flight with 16,000 and 64,000
//! events, 8,000 and 32,000 duplicate crew entries, 8,000 and 32,000 problems in one file.
//! `cargo bench`; the method and the figures are in docs/performance.md.

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use orbitline::catalog::derive_stays;
use orbitline::catalog::links::EventGraph;
use orbitline::catalog::Filter;
use orbitline::catalog::{Catalog, SourceFile};
use orbitline::chart::{self, ChartFormat, ChartKind, ChartOptions, RowMode};
use orbitline::deps::{impact, impact_graph, Subject};
use orbitline::synth::{generate, hostile, Shape};
use orbitline::timeline::records::{ranked, RecordKind};
use orbitline::timeline::station::history;

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000];
    if std::env::var_os("ORBITLINE_BENCH_LARGE").is_some() {
        sizes.push(100_000);
    }
    sizes
}

fn files(n: usize) -> Vec<SourceFile> {
    generate(n, 7)
        .into_iter()
        .map(|(path, text)| SourceFile::new(path, text))
        .collect()
}

fn stages(c: &mut Criterion) {
    let now = Utc.with_ymd_and_hms(2200, 1, 1, 0, 0, 0).unwrap();
    for n in sizes() {
        let sources = files(n);
        let catalog = Catalog::load("synthetic", sources.clone())
            .expect("the generator writes valid catalogs");
        let mut group = c.benchmark_group(format!("{n} flights"));
        group.sample_size(10);
        group.bench_function(BenchmarkId::new("load and validate", n), |b| {
            b.iter_batched(
                || sources.clone(),
                |files| Catalog::load("synthetic", files),
                BatchSize::LargeInput,
            )
        });
        // The floor: serde_json parsing the same bytes into nothing, on one core.
        group.bench_function(BenchmarkId::new("serde_json raw (IgnoredAny)", n), |b| {
            b.iter(|| {
                for f in &sources {
                    let text = f.text().expect("generated text");
                    let _: serde::de::IgnoredAny = serde_json::from_str(&text).expect("JSON");
                }
            })
        });
        group.bench_function(BenchmarkId::new("derive stays", n), |b| {
            b.iter(|| derive_stays(catalog.flights()))
        });
        group.bench_function(BenchmarkId::new("records cumulative", n), |b| {
            b.iter(|| ranked(&catalog, RecordKind::Cumulative, &Filter::default(), now))
        });
        group.bench_function(BenchmarkId::new("station timeline", n), |b| {
            b.iter(|| history(&catalog, "station-00", None, None, now))
        });
        let launch = format!(
            "{}/launch",
            catalog.flights()[catalog.flights().len() / 2].id
        );
        group.bench_function(BenchmarkId::new("event graph", n), |b| {
            b.iter(|| EventGraph::of(&catalog))
        });
        // As `orbitline impact` runs it: the graph around the moment, the slip, its consequences.
        group.bench_function(BenchmarkId::new("impact with consequences", n), |b| {
            b.iter(|| {
                let graph = impact_graph(&catalog, &launch);
                let subject = Subject::resolve(&catalog, &graph, &launch).expect("a launch");
                impact(&catalog, &graph, subject, chrono::Duration::days(10), now)
                    .expect("an impact")
            })
        });
        group.finish();
    }

    // A chart with 2,000 rows: one row per flight of a 2,000-flight catalog, from its first launch (2030;
    // without --from a history this long opens on its last two years).
    let catalog = Catalog::load("synthetic", files(2_000)).expect("valid");
    let from = orbitline::model::Time::parse("2030-01-01").expect("a date");
    let mut group = c.benchmark_group("chart 2000 rows");
    group.sample_size(10);
    for format in [ChartFormat::Svg, ChartFormat::Png] {
        let options = ChartOptions {
            kind: ChartKind::Gantt,
            scope: Default::default(),
            from: Some(from.clone()),
            to: None,
            rows: RowMode::Flight,
            format,
            size: None,
            output: "unused".into(),
        };
        let annotations = chart::annotations(&catalog, &options, now);
        group.bench_function(format!("{format:?}"), |b| {
            b.iter(|| chart::render(&catalog, &options, now, &annotations).expect("a chart"))
        });
    }
    group.finish();
}

/// Loading (and refusing) the catalogs of [`hostile`]: each size four times the one before should take
/// about four times as long, not sixteen.
fn shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("one-file shapes");
    group.sample_size(10);
    for (shape, sizes) in [
        (Shape::ManyEvents, [16_000, 64_000]),
        (Shape::DuplicateCrew, [8_000, 32_000]),
        (Shape::ManyProblems, [8_000, 32_000]),
    ] {
        for n in sizes {
            let sources: Vec<SourceFile> = hostile(shape, n)
                .into_iter()
                .map(|(path, text)| SourceFile::new(path, text))
                .collect();
            group.bench_function(BenchmarkId::new(format!("{shape:?}"), n), |b| {
                b.iter_batched(
                    || sources.clone(),
                    |files| Catalog::load("synthetic", files),
                    BatchSize::LargeInput,
                )
            });
        }
    }
    group.finish();
}

criterion_group!(benches, stages, shapes);
criterion_main!(benches);
