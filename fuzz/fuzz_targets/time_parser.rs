//! Any text given to the time parser is parsed or refused with a reason; whatever parses reads back as
//! written, lies inside its own bounds and orders consistently.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orbitline::model::Time;

fuzz_target!(|text: &str| {
    if let Ok(time) = Time::parse(text) {
        assert_eq!(time.as_str(), text);
        assert!(time.earliest() <= time.instant());
        assert!(time.instant() <= time.latest());
        let again = Time::parse(&time.to_string()).expect("what parsed once parses again");
        assert_eq!(again, time);
        let _ = time.utc_text();
    }
});
