//! Properties that must hold for any input, checked with proptest on generated values and on the bundled
//! catalog: the arithmetic does not depend on how a time is written, the catalog does not depend on the
//! order its files are read in, what orbitline writes it reads back unchanged, and `--as-of` never sees the
//! future.

use chrono::{DateTime, Datelike, Duration, FixedOffset, TimeZone, Utc};
use orbitline::catalog::Filter;
use orbitline::catalog::{embedded, Catalog, SourceFile};
use orbitline::model::{Precision, Time, YEAR_RANGE};
use orbitline::timeline::records::{ranked, RecordKind};
use orbitline::timeline::Elapsed;
use proptest::prelude::*;

/// An instant between 1961 and 2100, to the second.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (-280_000_000i64..4_100_000_000i64).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap())
}

/// An offset in whole quarter hours between −12:00 and +14:00.
fn offset() -> impl Strategy<Value = FixedOffset> {
    (-48i32..=56).prop_map(|q| FixedOffset::east_opt(q * 900).unwrap())
}

/// `instant` written at second precision in `offset`, the way a source would publish it.
fn written(instant: DateTime<Utc>, offset: FixedOffset) -> Time {
    let text = instant
        .with_timezone(&offset)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string();
    Time::parse(&text).unwrap()
}

/// Text shaped like a time with every part at or just past its limits: years around 1957 and 2200, month
/// 00–13, day 00–32, hour 24, minute and second 60, fractions of 0–10 digits, offsets to ±15:60.
fn time_like() -> impl Strategy<Value = String> {
    "(19[4-9]|2[0-2][0-9])[0-9]-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])\
     (T([01][0-9]|2[0-4]):[0-5][0-9](:[0-6][0-9](\\.[0-9]{0,10})?)?)?\
     (Z|[+-](0[0-9]|1[0-5]):(00|30|45|60))?"
}

/// The length of the interval a time stands for: its precision's span, and a date without a zone could be
/// that date in any zone from −12:00 to +14:00.
fn interval(time: &Time) -> Duration {
    match (time.precision(), time.offset()) {
        (Precision::Day, None) => Duration::hours(24 + 26),
        (precision, _) => precision.span(),
    }
}

fn bundled() -> Catalog {
    static BUNDLED: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    BUNDLED
        .get_or_init(|| Catalog::load("bundled", embedded()).unwrap())
        .clone()
}

proptest! {
    #[test]
    fn a_duration_does_not_depend_on_the_offset_its_times_are_written_in(
        start in instant(),
        length in 0i64..400 * 86_400,
        zones in (offset(), offset(), offset(), offset()),
    ) {
        let end = start + Duration::seconds(length);
        let a = Elapsed::between(&written(start, zones.0), &written(end, zones.1));
        let b = Elapsed::between(&written(start, zones.2), &written(end, zones.3));
        prop_assert_eq!(a.seconds, length);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_time_reads_back_as_written(instant in instant(), offset in offset(), precision in 0u8..3) {
        let local = instant.with_timezone(&offset);
        let text = match precision {
            0 => local.format("%Y-%m-%d%:z").to_string(),
            1 => local.format("%Y-%m-%dT%H:%M%:z").to_string(),
            _ => local.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        };
        let time = Time::parse(&text).unwrap();
        prop_assert_eq!(time.as_str(), text.as_str());
        let json = serde_json::to_string(&time).unwrap();
        let back: Time = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &time);
        prop_assert!(time.earliest() <= instant && instant < time.latest() || time.earliest() == instant);
    }

    #[test]
    fn any_text_is_read_back_as_written_or_refused_with_its_text_named(
        text in prop_oneof![time_like(), "\\PC{0,40}"]
    ) {
        match Time::parse(&text) {
            Ok(time) => {
                prop_assert_eq!(time.as_str(), text.as_str());
                prop_assert_eq!(Time::parse(time.as_str()), Ok(time.clone()));
                prop_assert_eq!(time.latest() - time.earliest(), interval(&time), "{}", text);
                prop_assert!(time.earliest() <= time.instant() && time.instant() <= time.latest());
                let year = time.local_date().year();
                prop_assert!((YEAR_RANGE.0..=YEAR_RANGE.1).contains(&year), "{} is in {}", text, year);
            }
            Err(error) => {
                prop_assert_eq!(&error.text, &text);
                let message = error.to_string();
                let named = format!("invalid time `{text}`: ");
                prop_assert!(message.starts_with(&named), "{}", message);
                prop_assert!(message.len() > named.len(), "no reason given for {}", text);
            }
        }
    }
}

proptest! {
    // Each case loads the whole bundled catalog (every human spaceflight): fewer cases than the default.
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn the_catalog_does_not_depend_on_the_order_files_are_read_in(
        order in Just((0..embedded().len()).collect::<Vec<usize>>()).prop_shuffle()
    ) {
        let files = embedded();
        let shuffled: Vec<SourceFile> = order.iter().map(|&i| files[i].clone()).collect();
        let reference = bundled();
        let catalog = Catalog::load("bundled", shuffled).unwrap();
        prop_assert_eq!(catalog.flights(), reference.flights());
        prop_assert_eq!(catalog.stays(), reference.stays());
    }

    #[test]
    fn records_as_of_never_include_a_stay_that_ends_after_then(
        at in (1_060_000_000i64..1_800_000_000i64).prop_map(|s| Utc.timestamp_opt(s, 0).unwrap()),
        kind in prop_oneof![Just(RecordKind::Stay), Just(RecordKind::Crew), Just(RecordKind::Vehicle), Just(RecordKind::Eva)],
    ) {
        let catalog = bundled();
        for entry in ranked(&catalog, kind, &Filter::default(), at) {
            if let Some(end) = &entry.end {
                prop_assert!(end.instant() <= at, "{} ended {} after {}", entry.label, end, at);
            } else {
                prop_assert!(entry.ongoing);
            }
            prop_assert!(entry.start.as_ref().is_some_and(|s| s.instant() <= at));
        }
    }
}

proptest! {
    #[test]
    fn a_positive_slip_never_moves_anything_earlier_nor_by_more_than_the_slip(
        pick in 0usize..1000,
        hours in 1i64..5000,
    ) {
        use orbitline::catalog::links::EventGraph;
        use orbitline::deps::{impact, Subject};
        let catalog = bundled();
        let graph = EventGraph::of(&catalog);
        let references: Vec<String> = graph
            .graph()
            .node_indices()
            .filter(|&n| graph.moment(n).time.is_some())
            .map(|n| graph.moment(n).reference.clone())
            .collect();
        let reference = &references[pick % references.len()];
        let subject = Subject::resolve(&catalog, &graph, reference).unwrap();
        let slip = Duration::hours(hours);
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 0, 0, 0).unwrap();
        let report = impact(&catalog, &graph, subject, slip, now).unwrap();
        for moved in &report.moved {
            prop_assert!(moved.by_seconds >= 0, "{} moved earlier", moved.moment.reference);
            prop_assert!(moved.by_seconds <= slip.num_seconds(), "{} moved more than the slip", moved.moment.reference);
        }
    }
}

#[test]
fn serialising_the_catalog_and_reading_it_back_gives_the_same_catalog() {
    let catalog = bundled();
    let mut files: Vec<SourceFile> = embedded()
        .into_iter()
        .filter(|f| {
            ["astronauts.json", "spacecraft.json", "stations.json"].contains(&f.file_name.as_str())
        })
        .collect();
    for flight in catalog.flights() {
        let text = serde_json::to_string_pretty(&**flight).unwrap();
        files.push(SourceFile::new(format!("again/{}.json", flight.id), text));
    }
    let again = Catalog::load("again", files).unwrap();
    assert_eq!(again.flights(), catalog.flights());
    assert_eq!(again.stays(), catalog.stays());
}
