//! The global options (`--data`, `--tz`, `--now`, `--json`, `--no-cache`) only where they apply: hidden from the help of
//! the commands that have no use for them, and refused there when given (`completions --json`), rather than
//! accepted and ignored. Set in the environment (`ORBITLINE_DATA`) an option is a setting, never an error.

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

use super::Cli;

/// Every global option, by its clap id.
const ALL: &[&str] = &["data", "tz", "now", "json", "no_cache"];

/// The global option `id` as [`Cli`] defines it.
fn global(root: &clap::Command, id: &str) -> clap::Arg {
    root.get_arguments()
        .find(|a| a.get_id() == id)
        .unwrap_or_else(|| panic!("`{id}` is a global option of Cli"))
        .clone()
}

/// The commands (by path) that have no use for some global options, and what to do instead.
const NOT_FOR: &[(&[&str], &[&str], &str)] = &[
    (&["schema"], ALL, ""),
    (&["completions"], ALL, ""),
    (&["man"], ALL, ""),
    (
        &["import", "gcat"],
        &["data", "now", "no_cache"],
        ": it writes the catalog folder given by --out",
    ),
    (
        &["import", "ll2"],
        &["data", "now", "no_cache"],
        ": it writes the catalog folder given by --out",
    ),
    (
        &["update"],
        &["data"],
        ": it updates the catalog under ORBITLINE_HOME (the one commands read when --data is not given)",
    ),
    (
        &["export"],
        &["tz", "json"],
        ": choose the format with --format (json, csv, ics, mermaid); times are UTC",
    ),
];

impl Cli {
    /// Parses the command line as [`clap::Parser::parse`] does, and refuses a global option given to a
    /// command it means nothing to in the same way (clap's error format, exit 2).
    pub fn parse_checked() -> Cli {
        let root = Cli::command();
        let mut command = definition();
        let matches = command.get_matches_mut();
        let mut path = Vec::new();
        let mut leaf = &matches;
        while let Some((name, sub)) = leaf.subcommand() {
            path.push(name);
            leaf = sub;
        }
        let given = |id: &&&str| {
            [&matches, leaf]
                .iter()
                .any(|m| m.value_source(id) == Some(ValueSource::CommandLine))
        };
        for (command_path, ids, instead) in NOT_FOR {
            if path == *command_path {
                if let Some(id) = ids.iter().find(given) {
                    let name = command_path.join(" ");
                    command
                        .error(
                            clap::error::ErrorKind::ArgumentConflict,
                            format!(
                                "--{} does not apply to `orbitline {name}`{instead}",
                                global(&root, id).get_long().unwrap_or(id)
                            ),
                        )
                        .exit();
                }
            }
        }
        // After the check: a stand-in is read as its global option only once it is known not to be given.
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

/// The command-line definition with the global options hidden from the help of the commands that have
/// no use for them: what parses, and what the completions and the man page describe.
pub(super) fn definition() -> clap::Command {
    let root = Cli::command();
    NOT_FOR
        .iter()
        .fold(root.clone(), |command, (path, ids, _)| {
            hide(command, path, ids, &root)
        })
}

/// Gives the command at `path` a hidden stand-in for each global option in `ids`: clap copies a global
/// option into a subcommand only where it has none of that id, so the stand-in keeps it out of the help,
/// and still parses it, for [`Cli::parse_checked`] to refuse. The stand-in is the global option's own
/// definition (its type, action and environment variable), so that reading the parsed command line into
/// [`Cli`] finds what it expects.
fn hide(
    command: clap::Command,
    path: &[&str],
    ids: &[&'static str],
    root: &clap::Command,
) -> clap::Command {
    match path {
        [] => ids.iter().fold(command, |command, id| {
            command.arg(global(root, id).global(false).hide(true))
        }),
        [first, rest @ ..] => command.mut_subcommand(*first, |sub| hide(sub, rest, ids, root)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_with_stand_ins_is_consistent() {
        definition().debug_assert();
    }
}
