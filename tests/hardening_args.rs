//! Issue 13, items 12 and 13: `--now` before a launch, and claims and numbers out of any sensible range.

mod common;

use predicates::prelude::*;

const BEFORE_SHENZHOU_23: &str = "2025-01-01T00:00Z";

/// Every `seconds`-like number in a JSON answer.
fn seconds(value: &serde_json::Value, found: &mut Vec<i64>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key.contains("seconds") {
                    found.extend(v.as_i64());
                }
                seconds(v, found);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| seconds(v, found)),
        _ => {}
    }
}

#[test]
fn a_flight_not_launched_at_now_is_never_negative() {
    for subject in ["shenzhou-23", "zhu-yangzhu"] {
        let json = common::json(&["duration", subject, "--now", BEFORE_SHENZHOU_23]);
        let mut found = Vec::new();
        seconds(&json, &mut found);
        assert!(!found.is_empty());
        assert!(found.iter().all(|s| *s >= 0), "{subject}: {found:?}");
        let text = common::stdout_of(common::orbitline().args([
            "duration",
            subject,
            "--now",
            BEFORE_SHENZHOU_23,
        ]));
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("not launched yet at --now"), "{text}");
        assert!(!text.contains('−'), "{text}");
        let total = text.lines().find(|l| l.starts_with("Total:"));
        assert!(
            !total.is_some_and(|t| t.contains("still in orbit")),
            "{text}"
        );
    }
    let json = common::json(&["duration", "shenzhou-23", "--now", BEFORE_SHENZHOU_23]);
    assert_eq!(json["stays"][0]["not_launched"], true);
    assert_eq!(json["vehicle"]["not_launched"], true);
    // Zhu Yangzhu's total is his Shenzhou-16 stay alone.
    let total = common::json(&["duration", "zhu-yangzhu", "--now", BEFORE_SHENZHOU_23]);
    assert_eq!(
        total["total"]["elapsed"]["seconds"],
        total["stays"][0]["elapsed"]["seconds"]
    );
    let show = common::stdout_of(common::orbitline().args([
        "show",
        "shenzhou-23",
        "--now",
        BEFORE_SHENZHOU_23,
    ]));
    assert!(String::from_utf8(show)
        .unwrap()
        .contains("not launched yet at --now"));
    // After the launch, the same flight counts as usual.
    let later = common::json(&["duration", "shenzhou-23", "--now", "2026-06-01T00:00Z"]);
    assert!(later["stays"][0].get("not_launched").is_none());
    assert!(later["stays"][0]["elapsed"]["seconds"].as_i64().unwrap() > 0);
}

#[test]
fn a_negative_day_claim_is_a_usage_error() {
    for days in ["--days=-5", "--days=36526", "--days=99999999999999999999"] {
        common::orbitline()
            .args(["check", "shenzhou-20", days])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("error: invalid value"));
    }
}

#[test]
fn an_absurd_claimed_duration_is_refused_without_a_panic() {
    for duration in [
        "203d23h99999999999m",
        "99999999999999999999999d",
        "36526d",
        "9223372036854775807s",
    ] {
        common::orbitline()
            .args(["check", "shenzhou-20", "--duration", duration])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "a claimed duration is at most 36525 days",
            ))
            .stderr(predicate::str::contains("bug").not());
    }
    common::orbitline()
        .args(["check", "shenzhou-20", "--duration", "203d23h23m"])
        .assert()
        .success();
}
