//! How orbitline behaves when something goes wrong inside it.

mod common;

use predicates::prelude::*;

#[test]
fn a_panic_is_reported_as_a_bug_with_exit_2() {
    common::orbitline()
        .env("ORBITLINE_FORCE_PANIC", "1")
        .arg("list")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "error: orbitline hit a bug and stopped",
        ))
        .stderr(predicate::str::contains("hint: please report it"));
}
