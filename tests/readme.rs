//! Every example in the README (a ```text block starting with `$ orbitline …`) is run, and its output must
//! be exactly what the README shows. `ORBITLINE_BLESS=1 cargo test --test readme` rewrites the examples
//! with the actual output; review the diff before committing it.

mod common;

use common::shell_words as words;

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let bless = std::env::var_os("ORBITLINE_BLESS").is_some();
    let mut rewritten = String::new();
    let mut rest = readme.as_str();
    let mut checked = 0;
    while let Some(open) = rest.find("```text\n") {
        let body_start = open + "```text\n".len();
        let body_len = rest[body_start..].find("```").unwrap();
        let block = &rest[body_start..body_start + body_len];
        rewritten.push_str(&rest[..body_start]);
        rest = &rest[body_start + body_len..];
        let first = block.lines().next().unwrap_or("");
        let Some(command) = first.strip_prefix("$ orbitline ") else {
            rewritten.push_str(block);
            continue;
        };
        let out = common::orbitline().args(words(command)).output().unwrap();
        let actual = String::from_utf8(out.stdout).unwrap();
        let expected: String = block.lines().skip(1).map(|l| format!("{l}\n")).collect();
        if !bless {
            assert_eq!(
                actual, expected,
                "README example `orbitline {command}` is out of date"
            );
        }
        rewritten.push_str(&format!("{first}\n{actual}"));
        checked += 1;
    }
    rewritten.push_str(rest);
    if bless {
        std::fs::write(&path, rewritten).unwrap();
    }
    assert!(checked >= 2, "the README shows at least two examples");
}

#[test]
fn readme_commands_split_as_a_shell_splits_them() {
    assert_eq!(
        words(r#"duration "Frank Rubio" --json"#),
        ["duration", "Frank Rubio", "--json"]
    );
    assert_eq!(words("records  --top 1"), ["records", "--top", "1"]);
}
