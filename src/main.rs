//! The `orbitline` binary: parse arguments, call the library, print, map the result to an exit code.

mod cli;

use std::fmt::Display;
use std::io::{self, Write};
use std::process::ExitCode;

use orbitline::app::{self, Status};

/// Set (to anything) to make orbitline panic on purpose, so that tests can check how a bug is reported.
const FORCE_PANIC: &str = "ORBITLINE_FORCE_PANIC";

fn main() -> ExitCode {
    // A panic is a bug: say so plainly, with what to report, and exit 2 rather than abort mid-output.
    // Reporting goes through `say`, which never panics: a panic inside this hook would abort.
    std::panic::set_hook(Box::new(|info| {
        say(format_args!(
            "error: orbitline hit a bug and stopped: {info}"
        ));
        say("  hint: please report it with the command you ran and the catalog it read");
    }));
    std::panic::catch_unwind(run).unwrap_or_else(|_| ExitCode::from(Status::Error.code()))
}

fn run() -> ExitCode {
    let cli = cli::Cli::parse_checked();
    if stdout_was_closed() {
        say("error: standard output is closed, so the answer cannot be written");
        say("  hint: send it somewhere: `> FILE`, or `> /dev/null` to discard it");
        return ExitCode::from(Status::Error.code());
    }
    if std::env::var_os(FORCE_PANIC).is_some() {
        panic!("forced by {FORCE_PANIC}");
    }
    let (options, action) = match cli.into_request(chrono::Utc::now()) {
        Ok(parsed) => parsed,
        Err(message) => {
            say(format_args!("error: {message}"));
            return ExitCode::from(Status::Error.code());
        }
    };
    // Only a text report is coloured, never JSON, CSV, iCalendar, DOT, Mermaid, a schema or a script.
    let report = options.format == orbitline::report::Format::Human
        && matches!(&action, cli::Action::Run(request)
            if !matches!(request, app::Request::Export(_) | app::Request::Graph { .. }));
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
                say(format_args!("error: {message}"));
                return ExitCode::from(Status::Error.code());
            }
        },
        cli::Action::Run(app::Request::Update(query)) => {
            let mut progress = download_progress();
            let outcome = app::update(&options, &query, &mut progress);
            progress("", 0, Some(0)); // clears the last bar
            outcome
        }
        cli::Action::Run(request) if request.reads_catalog() => {
            app::load(&options.data, options.cache.as_ref()).and_then(|catalog| {
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
        Ok(outcome) => match print(&outcome.stdout, report) {
            Ok(()) => ExitCode::from(outcome.status.code()),
            Err(e) => {
                say(format_args!(
                    "error: could not write to standard output: {e}; the answer is incomplete"
                ));
                say("  hint: check the disk or device standard output goes to");
                ExitCode::from(Status::Error.code())
            }
        },
        Err(error) => {
            say_error(&error);
            ExitCode::from(Status::Error.code())
        }
    }
}

/// Says why a command failed, once: `error: `, the file, line and column where there is one, the message,
/// then the hint. A catalog with problems lists each the same way and ends with how many it has.
fn say_error(error: &app::AppError) {
    let problems = error.problems();
    let summary = error.to_string();
    match problems.as_slice() {
        [one] if one.message.starts_with(&summary) => say(format_args!("error: {one}")),
        _ => {
            for problem in &problems {
                say(problem);
            }
            say(format_args!("error: {summary}"));
        }
    }
}

/// What `orbitline update` shows while it downloads: a progress bar per source on standard error when that
/// is a terminal, nothing in a pipe or a file.
fn download_progress() -> impl FnMut(&str, u64, Option<u64>) {
    use std::io::IsTerminal;
    let terminal = io::stderr().is_terminal();
    let mut shown: Option<(String, indicatif::ProgressBar)> = None;
    move |source: &str, bytes: u64, total: Option<u64>| {
        if !terminal {
            return;
        }
        if shown.as_ref().is_none_or(|(name, _)| name != source) {
            if let Some((_, bar)) = shown.take() {
                bar.finish_and_clear();
            }
            let bar = match total {
                Some(total) => indicatif::ProgressBar::new(total),
                None => indicatif::ProgressBar::new_spinner(),
            };
            let template = "{msg:>9} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}";
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(source.to_string());
            shown = Some((source.to_string(), bar));
        }
        if let Some((_, bar)) = &shown {
            bar.set_position(bytes);
            if total == Some(bytes) {
                bar.finish_and_clear();
            }
        }
    }
}

/// Writes to standard output, a text `report` in colour where colour is wanted (a terminal, unless
/// `NO_COLOR`; or `CLICOLOR_FORCE`). A reader that went away (`orbitline list | head`) is not an error; any
/// other failure (a full disk, `> /dev/full`) is, since the answer was cut short.
fn print(text: &str, report: bool) -> io::Result<()> {
    let styled;
    let text = if report && colour_wanted(&io::stdout()) {
        styled = orbitline::output::colour::report(text);
        &styled
    } else {
        text
    };
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => Ok(()),
    }
}

/// Whether standard output was closed when orbitline started (`orbitline list >&-`).
///
/// Rust's runtime opens `/dev/null` (for reading and writing) on a standard stream that is closed at start,
/// so that no file orbitline opens takes its place; every write then succeeds and the answer is lost. A
/// shell's `> /dev/null` opens it for writing only: standard output that is `/dev/null` and can be read
/// from is the runtime's stand-in. (`1<> /dev/null` looks the same, and is refused the same way.)
#[cfg(unix)]
fn stdout_was_closed() -> bool {
    use std::io::Read;
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    const DEV_NULL: u64 = 0x103; // character device 1, 3
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
        return true;
    };
    let mut file = std::fs::File::from(fd);
    let is_null = file
        .metadata()
        .is_ok_and(|m| m.rdev() == DEV_NULL && !m.is_file());
    is_null && file.read(&mut [0u8; 1]).is_ok()
}

#[cfg(not(unix))]
fn stdout_was_closed() -> bool {
    false
}

/// One line on standard error, its `error:` and `hint:` in colour where colour is wanted. It cannot fail
/// or panic (`eprintln!` panics when standard error is full or closed): when even the error cannot be
/// written, the exit code is all that is left to say it.
fn say(line: impl Display) {
    let mut line = line.to_string();
    if colour_wanted(&io::stderr()) {
        line = orbitline::output::colour::diagnostic(&line);
    }
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// Whether `stream` takes colour, by the rules clap follows: `NO_COLOR` turns it off, `CLICOLOR_FORCE`
/// on, else a terminal gets it and a pipe or file does not.
fn colour_wanted<S: anstream::stream::RawStream>(stream: &S) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}
