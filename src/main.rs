//! The `orbitline` binary: parse arguments, call the library, print, map the result to an exit code.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use orbitline::app::{self, Status};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
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
        cli::Action::Schema => text(orbitline::schema::catalog_schema()),
        cli::Action::Completions(shell) => text(cli::completions(shell)),
        cli::Action::Man => match cli::man_page() {
            Ok(page) => text(page),
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(Status::Error.code());
            }
        },
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
