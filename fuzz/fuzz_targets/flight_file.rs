//! One flight file, arbitrary bytes, in a catalog whose registries are real: it loads or is refused with
//! located problems, never a panic; what loads answers every query.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orbitline::catalog::{Catalog, SourceFile};
use orbitline_fuzz::{exercise, registries};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut files = registries();
    files.push(SourceFile::new("fuzz/flight.json", text));
    match Catalog::load("fuzz", files) {
        Ok(catalog) => exercise(&catalog),
        Err(e) => assert!(!e.0.is_empty()),
    }
});
