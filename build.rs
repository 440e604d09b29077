//! Embeds the bundled catalog (`missions/`) in the binary, so that orbitline works from any directory.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("missions");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"));
    let mut code =
        String::from("/// The bundled catalog: (name, text) of every JSON file in `missions/`.\n");
    code.push_str("static EMBEDDED: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
            .expect("under the manifest dir")
            .to_string_lossy()
            .replace('\\', "/");
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let mut file = fs::File::create(out.join("embedded_catalog.rs")).expect("write to OUT_DIR");
    file.write_all(code.as_bytes()).expect("write to OUT_DIR");
    model_fingerprint();
}

/// A fingerprint of the sources that decide the compiled catalog's layout (the model types, the stays, the
/// compiled form), for the key of the parsed-catalog cache: a cache written by a build whose types differ
/// is not read, even under the same version number. FNV-1a over the files' bytes.
fn model_fingerprint() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![
        manifest.join("src/catalog/stay.rs"),
        manifest.join("src/catalog/compiled.rs"),
    ];
    collect_ext(&manifest.join("src/model"), "rs", &mut sources);
    sources.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &sources {
        println!("cargo:rerun-if-changed={}", path.display());
        for byte in fs::read(path).unwrap_or_default() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=ORBITLINE_MODEL_FINGERPRINT={hash:016x}");
}

fn collect_ext(dir: &Path, ext: &str, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == ext) {
            files.push(path);
        }
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "json") && !path.ends_with("schema.json") {
            files.push(path);
        }
    }
}
