//! A whole catalog from bytes: split at each 0xFF byte into files, the first three named as the
//! registries, the rest as flight files. It loads or is refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orbitline::catalog::{Catalog, SourceFile};
use orbitline_fuzz::exercise;

fuzz_target!(|bytes: &[u8]| {
    let names = ["astronauts.json", "spacecraft.json", "stations.json"];
    let mut files = Vec::new();
    for (i, part) in bytes.split(|&b| b == 0xFF).enumerate() {
        let Ok(text) = std::str::from_utf8(part) else {
            return;
        };
        let name = names
            .get(i)
            .map_or_else(|| format!("f/{i}.json"), |n| n.to_string());
        files.push(SourceFile::new(name, text));
    }
    match Catalog::load("fuzz", files) {
        Ok(catalog) => exercise(&catalog),
        Err(e) => assert!(!e.0.is_empty()),
    }
});
