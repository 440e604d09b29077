//! Importing other people's data into a catalog: J. McDowell's crewed-flight tables ([`gcat`]) and The
//! Space Devs' Launch Library 2 responses ([`ll2`]).
//!
//! Each importer turns its input into an [`ImportedCatalog`] (the plain format types) and a summary of
//! what it did and could not do; [`write_catalog`] then writes the catalog files in the documented format
//! (`docs/data-format.md`). The output is deterministic: the same input gives the same files, byte for
//! byte. Writing refuses to overwrite a file unless asked (`force`), and `merge` adds to an existing catalog,
//! refusing (and naming) every id that both define differently. An importer never invents a fact: what
//! its input does not say is left out, and what is derived is flagged (`inferred`) and explained in
//! `notes`. Bad input gives located [`Problem`]s, never a panic.

pub mod curated;
pub mod gcat;
pub mod ll2;
mod output;
mod place;

use std::path::Path;

use serde::Serialize;

pub use output::{write_catalog, ImportedCatalog, Written};

use crate::catalog::Problem;
use crate::words::plural;

/// What an import did: the summary of the importer, and what was written.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ImportReport {
    /// `gcat` or `ll2`.
    pub source: &'static str,
    /// The files written.
    pub written: Written,
    /// McDowell's tables: what was imported, matched and left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gcat: Option<gcat::GcatSummary>,
    /// Launch Library 2: what was imported and left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ll2: Option<ll2::Ll2Summary>,
    /// With `--curated`: what the curated layer says differently (the curated value is the one used).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curated: Option<Vec<Note>>,
}

/// Where and how to write an imported catalog.
#[derive(Debug, Clone)]
pub struct Destination {
    /// The folder.
    pub out: std::path::PathBuf,
    /// Overwrite files that exist.
    pub force: bool,
    /// Add to the catalog in the folder.
    pub merge: bool,
}

/// Reads McDowell's two tables, imports them and writes the catalog.
pub fn import_gcat(
    missions: &Path,
    astro: &Path,
    options: &gcat::GcatOptions,
    to: &Destination,
    curated: Option<&Path>,
) -> Result<ImportReport, ImportError> {
    let files = read_inputs(&[missions, astro])?;
    let (catalog, summary) = gcat::import(&files[0], &files[1], options)?;
    let curated = curated
        .map(|dir| curated::differences(dir, &catalog))
        .transpose()?;
    let written = write_catalog(&catalog, &to.out, to.force, to.merge)?;
    Ok(ImportReport {
        source: "gcat",
        written,
        gcat: Some(summary),
        ll2: None,
        curated,
    })
}

/// Reads Launch Library 2 responses, imports them and writes the catalog.
pub fn import_ll2(paths: &[&Path], to: &Destination) -> Result<ImportReport, ImportError> {
    let files = read_inputs(paths)?;
    let (catalog, summary) = ll2::import(&files)?;
    let written = write_catalog(&catalog, &to.out, to.force, to.merge)?;
    Ok(ImportReport {
        source: "ll2",
        written,
        gcat: None,
        ll2: Some(summary),
        curated: None,
    })
}

/// Why an import failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ImportError {
    /// The input could not be read or understood.
    #[error("the input has {} problem{}", .0.len(), plural(.0.len()))]
    Input(Vec<Problem>),
    /// Files exist where the catalog would be written.
    #[error("{} file{} already exist{}; nothing was written", .0.len(), plural(.0.len()), if .0.len() == 1 { "s" } else { "" })]
    Exists(Vec<Problem>),
    /// `--merge` found ids that the existing catalog and the import define differently.
    #[error("{} id{} clash with the existing catalog; nothing was written", .0.len(), plural(.0.len()))]
    Clashes(Vec<Problem>),
    /// The imported catalog would not load: nothing was written.
    #[error("the imported catalog would not pass validation ({} problem{}); nothing was written", .0.len(), plural(.0.len()))]
    Invalid(Vec<Problem>),
    /// Writing failed.
    #[error("could not write the catalog")]
    Write(Vec<Problem>),
}

impl ImportError {
    /// The problems to list, each with its place and hint.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            ImportError::Input(p)
            | ImportError::Exists(p)
            | ImportError::Clashes(p)
            | ImportError::Invalid(p)
            | ImportError::Write(p) => p.clone(),
        }
    }
}

/// The most an import reads from one input. McDowell's complete tables are about 1 MiB each and a page of
/// 100 detailed Launch Library 2 launches a few MiB: anything past this is not such a file (`/dev/zero`,
/// a disk image, a log), and reading on would only fill the memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// An input file: its name as the user gave it, and its text.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The path as shown in messages.
    pub name: String,
    /// The whole text.
    pub text: String,
}

impl InputFile {
    /// Reads a file as UTF-8, or says why it cannot; a file (or a device or pipe) that gives more than
    /// [`MAX_INPUT_BYTES`] is refused once that much has been read, never read to its end.
    pub fn read(path: &Path) -> Result<InputFile, Problem> {
        use std::io::Read;
        let name = path.display().to_string();
        let cannot_read = |e: std::io::Error| {
            Problem::in_file(&name, format!("cannot read the file: {e}"))
                .hint("check the path and its permissions")
        };
        let file = std::fs::File::open(path).map_err(cannot_read)?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(Problem::in_file(&name, "is a folder")
                .hint("give the file itself: a table or a response saved from the API"));
        }
        let mut bytes = Vec::new();
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot_read)?;
        if bytes.len() as u64 > MAX_INPUT_BYTES {
            return Err(Problem::in_file(
                &name,
                format!(
                    "gives more than {} MiB; an import input is at most that",
                    MAX_INPUT_BYTES / (1024 * 1024)
                ),
            )
            .hint("give a saved table or API response; the largest real ones are a few MiB"));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Problem::at(
                &name,
                crate::catalog::locate::line_col(&lossy, valid),
                "the file is not valid UTF-8",
            )
            .hint("save the file as UTF-8")
        })?;
        Ok(InputFile { name, text })
    }
}

/// Reads every file, reporting every one that cannot be read.
pub fn read_inputs(paths: &[&Path]) -> Result<Vec<InputFile>, ImportError> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match InputFile::read(path) {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(ImportError::Input(problems))
    }
}

/// Something the importer left out or could not decide, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Note {
    /// What it is about: a person, a flight, a row.
    pub subject: String,
    /// Why.
    pub reason: String,
}

impl Note {
    /// A note about `subject`.
    pub fn new(subject: impl Into<String>, reason: impl Into<String>) -> Note {
        Note {
            subject: subject.into(),
            reason: reason.into(),
        }
    }
}

/// A lowercase slug (`a-z`, `0-9`, `-`) for an id: Latin letters lose their accents (`Viehböck` →
/// `viehbock`), apostrophes vanish (`Grigor'evich` → `grigorevich`), anything else becomes a single `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for ch in text.chars() {
        if matches!(ch, '\'' | '’' | '‘' | '`' | '"') {
            continue;
        }
        let plain = fold(ch);
        for c in plain.chars() {
            if c.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c.to_ascii_lowercase());
            } else {
                dash = true;
            }
        }
    }
    out
}

/// The plain Latin letters of an accented one; other characters unchanged.
fn fold(ch: char) -> String {
    let s = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'Ď' | 'Đ' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' => "g",
        'Ğ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' => "l",
        'Ł' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ř' => "r",
        'Ř' => "R",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'Ť' | 'Ţ' | 'Ț' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        other => return other.to_string(),
    };
    s.to_string()
}

/// Gives every item a unique id: the first to claim a base keeps it, later ones get `-2`, `-3`, ….
#[derive(Debug, Default)]
pub(crate) struct IdPool {
    used: std::collections::HashSet<String>,
}

impl IdPool {
    /// Claims `base`, or the first free `base-N`.
    pub fn claim(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "unnamed" } else { base };
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        let mut n = 2;
        loop {
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }

    /// Claims `id` if it is free.
    pub fn try_claim(&mut self, id: &str) -> bool {
        !id.is_empty() && self.used.insert(id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_lowercase() {
        assert_eq!(slug("Franz Viehböck"), "franz-viehbock");
        assert_eq!(
            slug("Lazarev, Vasiliy Grigor'evich"),
            "lazarev-vasiliy-grigorevich"
        );
        assert_eq!(slug("  Soyuz T-10 (abort) "), "soyuz-t-10-abort");
        assert_eq!(slug("Shenzhou 21"), "shenzhou-21");
        assert_eq!(slug("国际"), "");
    }

    #[test]
    fn ids_stay_unique() {
        let mut pool = IdPool::default();
        assert_eq!(pool.claim("x-15"), "x-15");
        assert_eq!(pool.claim("x-15"), "x-15-2");
        assert!(!pool.try_claim("x-15-2"));
        assert_eq!(pool.claim(""), "unnamed");
    }
}
