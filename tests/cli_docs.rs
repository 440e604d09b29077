//! The shell integration generated from the clap definition: completion scripts for four shells and the
//! man page.

mod common;

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = common::orbitline()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains("orbitline"), "{shell}");
        assert!(
            script.contains("import"),
            "{shell}: subcommands are completed"
        );
    }
    let output = common::orbitline().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.starts_with(".ie"), "roff");
    assert!(page.contains(".TH orbitline"));
    assert!(page.contains("export"));
}
