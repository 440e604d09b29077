//! The synthetic catalog generator (`orbitline::synth`, `examples/synth.rs`): its output validates, and
//! the same seed gives the same bytes.

use orbitline::catalog::{Catalog, SourceFile};
use orbitline::synth::generate;

fn load(files: &[(String, String)]) -> Catalog {
    let sources = files
        .iter()
        .map(|(path, text)| SourceFile::new(path.clone(), text.clone()))
        .collect();
    Catalog::load("synthetic", sources)
        .unwrap_or_else(|e| panic!("{:#?}", &e.0[..e.0.len().min(5)]))
}

#[test]
fn a_generated_catalog_validates_and_has_what_benchmarks_need() {
    let files = generate(2_000, 11);
    let catalog = load(&files);
    assert!(catalog.flights().len() >= 2_000);
    assert!(catalog.stations().len() >= 2);
    let stays = catalog.stays();
    assert!(stays.iter().any(|s| s.is_vehicle_swap()), "vehicle swaps");
    let events = catalog.flights().iter().flat_map(|f| &f.events);
    let kinds: std::collections::BTreeSet<&str> = events.map(|e| e.kind.as_str()).collect();
    for kind in ["eva", "anomaly", "schedule-change", "milestone"] {
        assert!(kinds.contains(kind), "no {kind}");
    }
    // People fly more than once.
    assert!(catalog.astronauts().len() < stays.len());
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    assert_eq!(generate(500, 3), generate(500, 3));
    assert_ne!(generate(500, 3), generate(500, 4));
}
