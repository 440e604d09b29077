//! Writes a synthetic catalog (see `orbitline::synth`):
//! `cargo run --release --example synth -- --flights N [--seed S] --out DIR [--force]`, or one of the
//! shapes that once made commands slow (issue 13), `--shape many-events|duplicate-crew|many-problems`
//! with `--flights N` the number of items in its one file.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

struct Options {
    flights: usize,
    shape: Option<orbitline::synth::Shape>,
    seed: u64,
    out: PathBuf,
    force: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let (mut flights, mut seed, mut out, mut force) = (None, 1u64, None, false);
    let mut shape = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--flights" => {
                flights = Some(value()?.parse().map_err(|_| "--flights takes a number")?)
            }
            "--seed" => seed = value()?.parse().map_err(|_| "--seed takes a number")?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--force" => force = true,
            "--shape" => {
                use orbitline::synth::Shape;
                shape = Some(match value()?.as_str() {
                    "many-events" => Shape::ManyEvents,
                    "duplicate-crew" => Shape::DuplicateCrew,
                    "many-problems" => Shape::ManyProblems,
                    other => return Err(format!("unknown shape `{other}`")),
                })
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Options {
        flights: flights.ok_or("--flights N is required")?,
        shape,
        seed,
        out: out.ok_or("--out DIR is required")?,
        force,
    })
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\nusage: synth --flights N [--seed S] --out DIR [--force]");
            return ExitCode::from(2);
        }
    };
    if options.out.exists() && !options.force {
        eprintln!(
            "error: {} exists; pass --force to replace it",
            options.out.display()
        );
        return ExitCode::from(2);
    }
    let files = match options.shape {
        Some(shape) => orbitline::synth::hostile(shape, options.flights),
        None => orbitline::synth::generate(options.flights, options.seed),
    };
    let written = (|| -> std::io::Result<()> {
        if options.out.exists() {
            fs::remove_dir_all(&options.out)?;
        }
        for (path, text) in &files {
            let path = options.out.join(path);
            if let Some(folder) = path.parent() {
                fs::create_dir_all(folder)?;
            }
            fs::write(path, text)?;
        }
        Ok(())
    })();
    match written {
        Ok(()) => {
            println!(
                "wrote {} flights to {}",
                files.len() - 3,
                options.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
