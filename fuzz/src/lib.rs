//! Shared by the fuzz targets: the real registries to put a fuzzed flight in, and a walk through every
//! query a loaded catalog answers.

use chrono::{TimeZone, Utc};
use orbitline::catalog::{embedded, Catalog, SourceFile};
use orbitline::timeline::records::{records, RecordKind, RecordsQuery, Scope};
use orbitline::timeline::{duration, list, show, station, ListFilter};

/// The bundled registries (astronauts, spacecraft, stations).
pub fn registries() -> Vec<SourceFile> {
    embedded()
        .into_iter()
        .filter(|f| {
            ["astronauts.json", "spacecraft.json", "stations.json"].contains(&f.file_name.as_str())
        })
        .collect()
}

/// Runs every query on every flight, astronaut and station, and renders the answers.
pub fn exercise(catalog: &Catalog) {
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 0, 0, 0).unwrap();
    let display = orbitline::report::Display::default();
    let _ = orbitline::report::render(
        &list(catalog, &ListFilter::default()),
        Default::default(),
        &display,
    );
    for f in catalog.flights() {
        if let Ok(r) = duration(catalog, &f.id, now) {
            let _ = orbitline::report::render(&r, Default::default(), &display);
        }
        if let Ok(r) = show(catalog, &f.id, now) {
            let _ = orbitline::report::render(&r, Default::default(), &display);
        }
    }
    for a in catalog.astronauts() {
        let _ = duration(catalog, &a.id, now);
    }
    for s in catalog.stations() {
        if let Ok(r) = station::station(catalog, &s.id, None, None, now) {
            let _ = orbitline::report::render(&r, Default::default(), &display);
        }
    }
    for kind in [
        RecordKind::Stay,
        RecordKind::Crew,
        RecordKind::Cumulative,
        RecordKind::Eva,
        RecordKind::Vehicle,
    ] {
        let query = RecordsQuery {
            kind,
            scope: Scope::default(),
            top: None,
            as_of: None,
            progression: true,
        };
        let _ = records(catalog, &query, now);
    }
}

/// What an importer made: once written, would orbitline's own loader take it? Either answer is fine here
/// (the importer refuses to write what the loader would refuse); rendering and checking must not panic.
pub fn loads_as_catalog(catalog: &orbitline::import::ImportedCatalog) {
    if let Err(e) = catalog.check() {
        assert!(!e.problems().is_empty());
    }
}
