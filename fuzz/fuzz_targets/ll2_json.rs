//! Launch Library 2 responses from bytes: split at each 0xFF byte into files. The import succeeds or is
//! refused with located problems, never a panic; what it imports is a catalog that orbitline's own loader
//! accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orbitline::import::{ll2, InputFile};
use orbitline_fuzz::loads_as_catalog;

fuzz_target!(|bytes: &[u8]| {
    let mut files = Vec::new();
    for (i, part) in bytes.split(|&b| b == 0xFF).enumerate() {
        let Ok(text) = std::str::from_utf8(part) else {
            return;
        };
        files.push(InputFile {
            name: format!("response-{i}.json"),
            text: text.into(),
        });
    }
    match ll2::import(&files) {
        Ok((catalog, _)) => loads_as_catalog(&catalog),
        Err(e) => assert!(!e.problems().is_empty()),
    }
});
