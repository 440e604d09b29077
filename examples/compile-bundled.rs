//! Regenerates `src/catalog/bundled.bin`, the bundled catalog in its compiled form, from `missions/`:
//! `cargo run --example compile-bundled`. Loads and validates the embedded files (refusing a catalog with
//! problems), and writes the compiled bytes; the same `missions/` gives the same bytes on every machine.
//! A test (`catalog::compiled`) fails with this command when the file is stale.

use std::path::Path;
use std::process::ExitCode;

use orbitline::catalog::{embedded, Catalog};

fn main() -> ExitCode {
    let catalog = match Catalog::load("bundled", embedded()) {
        Ok(catalog) => catalog,
        Err(error) => {
            for problem in &error.0 {
                eprintln!("{problem}");
            }
            eprintln!("error: the bundled catalog has problems; fix missions/ first");
            return ExitCode::from(2);
        }
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/catalog/bundled.bin");
    let bytes = catalog.to_compiled(b"");
    if let Err(e) = orbitline::atomic::write(&path, &bytes) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    println!(
        "wrote {} ({} bytes, {} flights)",
        path.display(),
        bytes.len(),
        catalog.flights().len()
    );
    ExitCode::SUCCESS
}
