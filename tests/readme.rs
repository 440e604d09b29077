//! Every example in the README (a ```text block starting with `$ orbitline …`) is run, and its output must
//! be exactly what the README shows.

mod common;

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let readme = include_str!("../README.md");
    let mut checked = 0;
    for block in readme.split("```text\n").skip(1) {
        let block = &block[..block.find("```").unwrap()];
        let Some(command) = block
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("$ orbitline "))
        else {
            continue;
        };
        let expected: String = block.lines().skip(1).map(|l| format!("{l}\n")).collect();
        let out = common::orbitline()
            .args(command.split_whitespace())
            .output()
            .unwrap();
        let actual = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            actual, expected,
            "README example `orbitline {command}` is out of date"
        );
        checked += 1;
    }
    assert!(checked >= 2, "the README shows at least two examples");
}
