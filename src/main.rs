//! The `orbitline` binary: parse arguments, call the library, print, map the result to an exit code.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use orbitline::app::{self, Status};

/// Set (to anything) to make orbitline panic on purpose, so that tests can check how a bug is reported.
const FORCE_PANIC: &str = "ORBITLINE_FORCE_PANIC";

fn main() -> ExitCode {
    // A panic is a bug: say so plainly, with what to report, and exit 2 rather than abort mid-output.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: orbitline hit a bug and stopped: {info}");
        eprintln!("  hint: please report it with the command you ran and the catalog it read");
    }));
    std::panic::catch_unwind(run).unwrap_or_else(|_| ExitCode::from(Status::Error.code()))
}

fn run() -> ExitCode {
    let cli = cli::Cli::parse();
    if std::env::var_os(FORCE_PANIC).is_some() {
        panic!("forced by {FORCE_PANIC}");
    }
    let (options, action) = match cli.into_request(chrono::Utc::now()) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(Status::Error.code());
        }
    };
    let text = |stdout| {
        Ok(app::Outcome {
            stdout,
            status: Status::Ok,
        })
    };
    let outcome = match action {
        cli::Action::Schema => text(orbitline::catalog::schema::catalog_schema()),
        cli::Action::Completions(shell) => text(cli::completions(shell)),
        cli::Action::Man => match cli::man_page() {
            Ok(page) => text(page),
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(Status::Error.code());
            }
        },
        cli::Action::Run(request) if request.reads_catalog() => {
            app::load(&options.data).and_then(|catalog| {
                let outcome = app::answer(&catalog, &options, &request);
                // The process ends next, and its exit returns the memory at once: freeing a large catalog
                // object by object would only add time.
                std::mem::forget(catalog);
                outcome
            })
        }
        cli::Action::Run(request) => app::run(&options, &request),
    };
    match outcome {
        Ok(outcome) => {
            print(&outcome.stdout);
            ExitCode::from(outcome.status.code())
        }
        Err(error) => {
            let problems = error.problems();
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("error: {error}");
            ExitCode::from(Status::Error.code())
        }
    }
}

/// Writes to standard output; a closed pipe (`orbitline list | head`) is not an error.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
