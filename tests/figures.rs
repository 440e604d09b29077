//! Never a bound as the figure (docs/figures.md): every duration every report prints lies within its own
//! stated range, no figure is a bound of a range wider than a minute, and a duration with an end known only
//! to the day has no figure at all (`seconds` is `null` in JSON, the text is its range). Checked on every
//! flight, astronaut, station and ranking of the bundled catalog, and on synthetic catalogs (proptest over
//! the seed of `orbitline::synth`), through the library as the binary runs it: JSON and text.

use chrono::{DateTime, Utc};
use orbitline::app::{answer, Options, Request};
use orbitline::catalog::{embedded, Catalog, Filter, SourceFile};
use orbitline::model::Precision;
use orbitline::report::{Format, TimeDisplay};
use orbitline::timeline::records::{RecordKind, RecordsQuery};
use orbitline::timeline::{format_elapsed, Elapsed};
use proptest::prelude::*;
use serde_json::Value;

const KINDS: [RecordKind; 6] = [
    RecordKind::Stay,
    RecordKind::Crew,
    RecordKind::Cumulative,
    RecordKind::Eva,
    RecordKind::EvaTotal,
    RecordKind::Vehicle,
];

/// Every report of `catalog` whose output carries durations, to `now`.
fn requests(catalog: &Catalog, every: usize) -> Vec<Request> {
    let mut out: Vec<Request> = KINDS
        .iter()
        .map(|&kind| {
            Request::Records(RecordsQuery {
                kind,
                scope: Filter::default(),
                top: None,
                as_of: None,
                progression: true,
            })
        })
        .collect();
    out.extend(
        catalog
            .flights()
            .iter()
            .step_by(every)
            .map(|f| Request::Duration {
                subject: f.id.clone(),
            }),
    );
    out.extend(
        catalog
            .astronauts()
            .iter()
            .step_by(every)
            .map(|a| Request::Duration {
                subject: a.id.clone(),
            }),
    );
    out.extend(catalog.stations().iter().map(|s| Request::Station {
        station: s.id.clone(),
        from: None,
        to: None,
        at: None,
    }));
    // The station at one moment: the people aboard then, with how long each has been up.
    out.extend(catalog.stations().iter().map(|s| {
        Request::Station {
            station: s.id.clone(),
            from: None,
            to: None,
            at: catalog
                .flights()
                .iter()
                .filter_map(|f| f.launch.time.as_ref())
                .map(|t| t.instant())
                .max(),
        }
    }));
    out.push(Request::Astronauts(Filter::default()));
    out.push(Request::Aloft { at: None });
    out
}

fn run(catalog: &Catalog, request: &Request, format: Format, now: DateTime<Utc>) -> String {
    let options = Options {
        data: orbitline::app::DataSource::Bundled,
        display: TimeDisplay::default(),
        now,
        now_given: true,
        format,
        cache: None,
    };
    match answer(catalog, &options, request) {
        Ok(outcome) => outcome.stdout,
        Err(e) => panic!("{request:?}: {e}"),
    }
}

/// `418 d 15 h 17 min`, `1 min 31 s` → seconds.
fn seconds_of(text: &str) -> Option<i64> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() % 2 != 0 {
        return None;
    }
    let mut total = 0;
    for pair in words.chunks(2) {
        let n: i64 = pair[0].parse().ok()?;
        total += n * match pair[1] {
            "d" => 86_400,
            "h" => 3_600,
            "min" => 60,
            "s" => 1,
            _ => return None,
        };
    }
    Some(total)
}

/// Why the duration `{seconds, min_seconds, max_seconds, precision}` breaks the rule, if it does.
fn broken(object: &serde_json::Map<String, Value>) -> Option<String> {
    let min = object.get("min_seconds")?.as_i64()?;
    let max = object.get("max_seconds")?.as_i64()?;
    let seconds = object.get("seconds").and_then(Value::as_i64);
    let precision = match object.get("precision").and_then(Value::as_str) {
        Some("day") => Precision::Day,
        Some("minute") => Precision::Minute,
        Some("second") => Precision::Second,
        _ if min == max => Precision::Second,
        // A total without a precision of its own: as wide as the range says.
        _ if max - min < 86_400 => Precision::Minute,
        _ => Precision::Day,
    };
    if let Some(s) = seconds {
        if precision == Precision::Day {
            return Some(format!("a figure ({s}) for a time known only to the day"));
        }
        if !(min..=max).contains(&s) {
            return Some(format!("figure {s} outside its range {min}..{max}"));
        }
        if max - min > 60 && (s == min || s == max) {
            return Some(format!("figure {s} is a bound of {min}..{max}"));
        }
    }
    // The text of it: a figure to the minute or second within the range, or the range around it.
    let elapsed = Elapsed {
        seconds: seconds.unwrap_or(min + (max - min) / 2),
        min_seconds: min,
        max_seconds: max,
        precision,
    };
    let text = format_elapsed(&elapsed);
    if precision == Precision::Day {
        let range = text.strip_prefix("between ").and_then(|r| {
            let (lo, hi) = r.split_once(" and ")?;
            Some((seconds_of(lo)?, seconds_of(hi)?))
        });
        return match range {
            Some((lo, hi)) if lo <= min && max <= hi => None,
            _ => Some(format!("`{text}` is not the range {min}..{max}")),
        };
    }
    match seconds_of(&text) {
        Some(shown) if (min..=max).contains(&shown) => None,
        _ => Some(format!("`{text}` is outside its range {min}..{max}")),
    }
}

fn walk(value: &Value, path: &str, problems: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(why) = broken(map) {
                problems.push(format!("{path}: {why}"));
            }
            // A `seconds` beside an `elapsed` is the same figure (or the same `null`).
            if let (Some(seconds), Some(Value::Object(elapsed))) =
                (map.get("seconds"), map.get("elapsed"))
            {
                if Some(seconds) != elapsed.get("seconds") {
                    problems.push(format!(
                        "{path}: seconds {seconds} beside elapsed {elapsed:?}"
                    ));
                }
            }
            if let Some(why) = day_counts(map) {
                problems.push(format!("{path}: {why}"));
            }
            for (k, v) in map {
                walk(v, &format!("{path}.{k}"), problems);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, &format!("{path}[{i}]"), problems);
            }
        }
        _ => {}
    }
}

/// Why the day counts beside an `elapsed` (`days_rounded`, `days.rounded`, `days.floor`, `days.ceil`)
/// break the rule, if they do: a count has a `value` exactly when the figure is decided, that value is
/// the count of the figure, and it lies within the count's own `min`..`max`.
fn day_counts(map: &serde_json::Map<String, Value>) -> Option<String> {
    const DAY: i64 = 86_400;
    let elapsed = map.get("elapsed")?.as_object()?;
    let figure = elapsed.get("seconds").and_then(Value::as_i64);
    type Rule = fn(i64) -> i64;
    let rules: [(&str, Rule); 3] = [
        ("rounded", |s| (s + DAY / 2).div_euclid(DAY)),
        ("floor", |s| s.div_euclid(DAY)),
        ("ceil", |s| (s + DAY - 1).div_euclid(DAY)),
    ];
    if let Some(rounded) = map.get("days_rounded") {
        if rounded.as_i64() != figure.map(rules[0].1) {
            return Some(format!("days_rounded {rounded} for the figure {figure:?}"));
        }
    }
    let days = map.get("days").and_then(Value::as_object)?;
    for (name, rule) in rules {
        let count = days.get(name)?;
        let (value, min, max) = (
            count["value"].as_i64(),
            count["min"].as_i64()?,
            count["max"].as_i64()?,
        );
        if value != figure.map(rule) {
            return Some(format!("days.{name} {count} for the figure {figure:?}"));
        }
        if value.is_some_and(|v| !(min..=max).contains(&v)) {
            return Some(format!("days.{name} {count} outside its own range"));
        }
    }
    None
}

/// The duration report's total: `Total: X in space …` over `precision of the times allows A … B`.
fn total_line(text: &str) -> Option<String> {
    let figure = text.lines().find_map(|l| {
        l.strip_prefix("Total: ")
            .and_then(|rest| rest.split_once(" in space"))
            .map(|(f, _)| f.to_string())
    })?;
    let range = text.lines().find_map(|l| {
        l.trim()
            .strip_prefix("precision of the times allows ")
            .and_then(|r| r.split_once(" … "))
            .map(|(a, b)| (a.to_string(), b.to_string()))
    });
    let (Some(shown), Some((lo, hi))) = (seconds_of(&figure), range) else {
        return None;
    };
    let (lo, hi) = (seconds_of(&lo)?, seconds_of(&hi)?);
    (!(lo..=hi).contains(&shown)).then(|| format!("total `{figure}` outside its range {lo}..{hi}"))
}

/// The stays as CSV: each row's `seconds`, `min_seconds`, `max_seconds` and `duration` obey the rule too.
fn csv_problems(catalog: &Catalog, now: DateTime<Utc>) -> Vec<String> {
    use orbitline::export::{ExportFormat, ExportQuery, ExportWhat};
    let query = ExportQuery::new(ExportFormat::Csv, Some(ExportWhat::Stays), None).unwrap();
    let text = run(catalog, &Request::Export(query), Format::Human, now);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (s, lo, hi, end) = (
        column("seconds"),
        column("min_seconds"),
        column("max_seconds"),
        column("end_precision"),
    );
    let start = column("start_precision");
    let mut out = Vec::new();
    for line in lines {
        // Names may hold commas: the numeric columns are read from the end of the row.
        let cells: Vec<&str> = line.split(',').collect();
        let from_end = |i: usize| cells[cells.len() - (header.len() - i)];
        let day = from_end(start) == "day" || from_end(end) == "day";
        let mut object = serde_json::Map::new();
        object.insert(
            "min_seconds".into(),
            from_end(lo).parse::<i64>().unwrap().into(),
        );
        object.insert(
            "max_seconds".into(),
            from_end(hi).parse::<i64>().unwrap().into(),
        );
        object.insert(
            "seconds".into(),
            from_end(s).parse::<i64>().map_or(Value::Null, Value::from),
        );
        if day {
            object.insert("precision".into(), "day".into());
        }
        if let Some(why) = broken(&object) {
            out.push(format!("csv `{line}`: {why}"));
        }
    }
    out
}

/// Every problem in every report of `catalog` (every `every`-th flight and astronaut).
fn problems(catalog: &Catalog, every: usize) -> Vec<String> {
    let now = catalog
        .checked_range()
        .map_or_else(Utc::now, |(_, last)| last.instant());
    let mut out = Vec::new();
    for request in requests(catalog, every) {
        let json: Value = serde_json::from_str(&run(catalog, &request, Format::Json, now))
            .unwrap_or_else(|e| panic!("{request:?}: {e}"));
        walk(&json, &format!("{request:?}"), &mut out);
        let text = run(catalog, &request, Format::Human, now);
        if let Some(why) = total_line(&text) {
            out.push(format!("{request:?}: {why}"));
        }
    }
    out.extend(csv_problems(catalog, now));
    out
}

fn report(problems: &[String]) -> String {
    format!(
        "{} figures break the rule, the first: {:#?}",
        problems.len(),
        &problems[..problems.len().min(8)]
    )
}

#[test]
fn every_figure_of_the_bundled_catalog_lies_within_its_range_and_is_no_bound() {
    let catalog = Catalog::load("bundled", embedded()).unwrap();
    let problems = problems(&catalog, 1);
    assert!(problems.is_empty(), "{}", report(&problems));
}

#[test]
fn the_stories_that_broke_the_rule() {
    let catalog = Catalog::load("bundled", embedded()).unwrap();
    let now = catalog.checked_range().unwrap().1.instant();
    let chen_dong = Request::Duration {
        subject: "chen-dong".into(),
    };
    let text = run(&catalog, &chen_dong, Format::Human, now);
    assert!(text.contains("Total: 418 d 15 h 17 min in space"), "{text}");
    assert_eq!(total_line(&text), None);
    let evas = Request::Records(RecordsQuery {
        kind: RecordKind::Eva,
        scope: Filter::default(),
        top: None,
        as_of: None,
        progression: false,
    });
    let json: Value = serde_json::from_str(&run(&catalog, &evas, Format::Json, now)).unwrap();
    let eva_4 = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "shenzhou-20/eva-4")
        .unwrap();
    assert_eq!(eva_4["elapsed"]["seconds"], Value::Null);
    let text = run(&catalog, &evas, Format::Human, now);
    assert!(
        text.contains("between 1 h 35 min and 1 d 1 h 36 min; start known to the day"),
        "{text}"
    );
    // `show` gives the EVA its range too (it gave none), and `duration` a stay known to the day.
    let show = Request::Show {
        flight: "shenzhou-20".into(),
    };
    let text = run(&catalog, &show, Format::Human, now);
    assert!(
        text.contains("(between 1 h 35 min and 1 d 1 h 36 min; start known to the day)"),
        "{text}"
    );
    let x15 = Request::Duration {
        subject: "x-15-3-x3a11".into(),
    };
    let json: Value = serde_json::from_str(&run(&catalog, &x15, Format::Json, now)).unwrap();
    let stay = &json["stays"][0];
    assert_eq!(stay["days_rounded"], Value::Null, "{stay}");
    assert_eq!(stay["days"]["rounded"]["value"], Value::Null, "{stay}");
    assert!(stay["days"]["rounded"]["max"].as_i64() > stay["days"]["rounded"]["min"].as_i64());
    let text = run(&catalog, &x15, Format::Human, now);
    assert!(
        text.contains("between 0 min and 1 d 0 h 0 min; start and end known to the day"),
        "{text}"
    );
    assert!(
        !text.contains("precision of the times allows"),
        "said twice: {text}"
    );
}

/// `2031-05-01T12:34:56+08:00` at a coarser precision: 1 the minute, 2 the date (in the same zone).
fn coarsened(text: &str, how: u8) -> String {
    let (local, zone) = text.split_at(text.len() - 6);
    match how {
        1 if local.len() >= 16 => format!("{}{zone}", &local[..16]),
        2 => format!("{}{zone}", &local[..10]),
        _ => text.to_string(),
    }
}

/// A synthetic catalog with some times published less precisely than the generator writes them, as real
/// sources do: `how` says, flight by flight in turn, whether the landing goes to the minute or the date
/// and whether the EVAs' starts go to the date.
fn synthetic(count: usize, seed: u64, how: &[u8]) -> Catalog {
    let mut turn = how.iter().cycle();
    let files = orbitline::synth::generate(count, seed)
        .into_iter()
        .map(|(path, text)| {
            let mut value: Value = serde_json::from_str(&text).unwrap();
            if value.get("launch").is_some() {
                let choice = turn.next().copied().unwrap_or(0);
                if let Some(Value::String(t)) = value.pointer_mut("/landing/time") {
                    *t = coarsened(t, choice % 3);
                }
                if let Some(Value::Array(events)) = value.get_mut("events") {
                    for e in events.iter_mut().filter(|e| e["kind"] == "eva") {
                        if let Some(Value::String(t)) = e.get_mut("time") {
                            *t = coarsened(t, if choice / 3 % 2 == 1 { 2 } else { 0 });
                        }
                    }
                }
            }
            SourceFile::new(path, serde_json::to_string_pretty(&value).unwrap())
        })
        .collect();
    Catalog::load("synthetic", files).unwrap_or_else(|e| panic!("{:#?}", &e.0[..e.0.len().min(3)]))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_of_a_synthetic_catalog_lies_within_its_range_and_is_no_bound(
        seed in any::<u64>(),
        how in proptest::collection::vec(0u8..6, 1..12),
    ) {
        let catalog = synthetic(150, seed, &how);
        let problems = problems(&catalog, 5);
        prop_assert!(problems.is_empty(), "{}", report(&problems));
    }
}
