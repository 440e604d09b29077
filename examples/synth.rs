//! Writes a synthetic catalog (see `orbitline::synth`):
//! `cargo run --release --example synth -- --flights N [--seed S] --out DIR [--force]`.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

struct Options {
    flights: usize,
    seed: u64,
    out: PathBuf,
    force: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let (mut flights, mut seed, mut out, mut force) = (None, 1u64, None, false);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--flights" => {
                flights = Some(value()?.parse().map_err(|_| "--flights takes a number")?)
            }
            "--seed" => seed = value()?.parse().map_err(|_| "--seed takes a number")?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--force" => force = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Options {
        flights: flights.ok_or("--flights N is required")?,
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
    let files = orbitline::synth::generate(options.flights, options.seed);
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
