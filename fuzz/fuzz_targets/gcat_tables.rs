//! McDowell's two tables from bytes: split at the first 0xFF byte into the missions table and the astronaut
//! table. The import succeeds or is refused with located problems, never a panic; what it imports is a
//! catalog that orbitline's own loader accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orbitline::import::gcat::{self, GcatOptions};
use orbitline::import::InputFile;
use orbitline_fuzz::loads_as_catalog;

fuzz_target!(|bytes: &[u8]| {
    let mut parts = bytes.splitn(3, |&b| b == 0xFF);
    let (Some(missions), Some(astro)) = (parts.next(), parts.next()) else {
        return;
    };
    let (Ok(missions), Ok(astro)) = (std::str::from_utf8(missions), std::str::from_utf8(astro)) else {
        return;
    };
    let missions = InputFile {
        name: "missions.tsv".into(),
        text: missions.into(),
    };
    let astro = InputFile {
        name: "astro.tsv".into(),
        text: astro.into(),
    };
    for options in [
        GcatOptions::default(),
        GcatOptions {
            include_aborts: true,
            include_nonhuman: true,
        },
    ] {
        match gcat::import(&missions, &astro, &options) {
            Ok((catalog, _)) => loads_as_catalog(&catalog),
            Err(e) => assert!(!e.problems().is_empty()),
        }
    }
});
