//! The folder updated catalogs live in (`ORBITLINE_HOME`, or the platform's data folder, chosen by the
//! binary and passed in here):
//!
//! ```text
//! <home>/current             the catalog every command reads: a folder name under catalogs/, or `bundled`
//! <home>/previous            the one before it, for `orbitline update --rollback`
//! <home>/catalogs/<name>/    each a whole catalog folder: generated/ (McDowell's tables) and the curated
//!                            layer from the binary, with .update.json (what it was made from) and
//!                            .sources/ (the downloaded tables, for conditional requests)
//! ```
//!
//! A new catalog is built complete in a temporary folder, validated, renamed into `catalogs/`, and only then
//! named in `current`, a one-line file replaced whole ([`crate::atomic::write`]): a reader sees the old
//! catalog or the new one, never half of one. The catalog reader skips hidden entries, so the metadata and
//! the saved tables are not catalog files. Catalogs other than `current` and `previous` are removed after a
//! switch.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::http::Validators;
use crate::catalog::Problem;

/// The pointer value for the catalog embedded in the binary.
pub const BUNDLED: &str = "bundled";
/// What a catalog folder was made from (hidden: not a catalog file).
pub const META_FILE: &str = ".update.json";
/// The downloaded tables inside a catalog folder (hidden).
pub const SOURCES_FOLDER: &str = ".sources";
const CATALOGS: &str = "catalogs";
const CURRENT: &str = "current";
const PREVIOUS: &str = "previous";

/// What an updated catalog was made from, kept in its [`META_FILE`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    /// The day of the update (UTC), `2026-12-01`.
    pub updated: String,
    /// The day McDowell's tables say they were updated, `2026-11-28`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mcdowell: Option<String>,
    /// Whether Launch Library 2's planned launches are in it.
    #[serde(default)]
    pub ll2: bool,
    /// Each downloaded source.
    pub sources: Vec<SourceMeta>,
}

/// One downloaded source of a catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceMeta {
    /// `missions`, `astro` or `ll2`.
    pub name: String,
    /// Where it was downloaded from.
    pub url: String,
    /// What the server said, to ask next time whether it changed.
    pub validators: Validators,
}

impl Meta {
    /// How commands name the catalog: `updated 2026-12-01 from McDowell's tables of 2026-11-28` (`and
    /// Launch Library 2` when its planned launches are in it).
    pub fn label(&self) -> String {
        let ll2 = if self.ll2 {
            " and Launch Library 2"
        } else {
            ""
        };
        match &self.mcdowell {
            Some(day) => format!(
                "updated {} from McDowell's tables of {day}{ll2}",
                self.updated
            ),
            None => format!("updated {}", self.updated),
        }
    }

    /// The saved source `name` of the catalog in `dir`, with its URL and validators.
    pub fn source(&self, name: &str) -> Option<&SourceMeta> {
        self.sources.iter().find(|s| s.name == name)
    }
}

/// The home folder.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

impl Home {
    /// The home at `root` (it need not exist yet).
    pub fn new(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder that holds the catalogs.
    pub fn catalogs(&self) -> PathBuf {
        self.root.join(CATALOGS)
    }

    /// The current catalog's folder name, or [`BUNDLED`] when no update has been made.
    pub fn current(&self) -> String {
        self.pointer(CURRENT).unwrap_or_else(|| BUNDLED.to_string())
    }

    /// The previous catalog's folder name, when there is one to return to.
    pub fn previous(&self) -> Option<String> {
        self.pointer(PREVIOUS)
    }

    /// The folder of the catalog named `name` (not [`BUNDLED`]).
    pub fn folder(&self, name: &str) -> PathBuf {
        self.catalogs().join(name)
    }

    /// The current catalog's folder, when it is an updated one.
    pub fn current_folder(&self) -> Option<PathBuf> {
        let name = self.current();
        (name != BUNDLED).then(|| self.folder(&name))
    }

    /// Why the catalog cannot be read when `current` names a folder, `dir`, that is missing (removed by
    /// hand, or a home copied without its `catalogs/`): what to do about it.
    pub fn missing_current(&self, dir: &Path) -> Problem {
        Problem::in_file(
            self.root.join(CURRENT).display().to_string(),
            format!(
                "names the catalog `{}`, but its folder {} is missing",
                self.current(),
                dir.display()
            ),
        )
        .hint(format!(
            "run `orbitline update --rollback` to return to the previous catalog, or remove {} to use the bundled one (`orbitline update` makes a new catalog)",
            self.root.join(CURRENT).display()
        ))
    }

    /// What the catalog in `dir` was made from, when it was made by an update.
    pub fn meta(dir: &Path) -> Option<Meta> {
        let text = fs::read_to_string(dir.join(META_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// A saved source table of the catalog in `dir`.
    pub fn saved_source(dir: &Path, name: &str) -> Option<String> {
        fs::read_to_string(dir.join(SOURCES_FOLDER).join(format!("{name}.txt"))).ok()
    }

    /// A folder name for a catalog updated on `day` that no catalog has yet: `2026-12-01`, `2026-12-01.2`, …
    pub fn new_name(&self, day: &str) -> String {
        let mut name = day.to_string();
        let mut n = 2;
        while self.folder(&name).exists() {
            name = format!("{day}.{n}");
            n += 1;
        }
        name
    }

    /// Makes `name` the current catalog and the current one the previous, then removes the others. When
    /// `current` cannot be written, `previous` is put back as it was.
    pub fn switch_to(&self, name: &str) -> io::Result<()> {
        let old = self.current();
        let previous_path = self.root.join(PREVIOUS);
        let previous = fs::read(&previous_path).ok();
        crate::atomic::write(&previous_path, format!("{old}\n").as_bytes())?;
        if let Err(e) =
            crate::atomic::write(&self.root.join(CURRENT), format!("{name}\n").as_bytes())
        {
            let _ = match previous {
                Some(bytes) => crate::atomic::write(&previous_path, &bytes),
                None => fs::remove_file(&previous_path),
            };
            return Err(e);
        }
        self.prune(&[name, &old]);
        Ok(())
    }

    /// Returns to the previous catalog (which becomes the current one's previous): (from, to).
    pub fn rollback(&self) -> Result<(String, String), Problem> {
        let shown = self.root.display().to_string();
        let Some(previous) = self.previous().filter(|p| *p != self.current()) else {
            return Err(Problem::in_file(shown, "there is no previous catalog to return to")
                .hint("`orbitline update` keeps the catalog it replaces; no update has replaced one here"));
        };
        if previous != BUNDLED && !self.folder(&previous).is_dir() {
            return Err(Problem::in_file(
                self.folder(&previous).display().to_string(),
                "the previous catalog's folder is missing",
            )
            .hint("run `orbitline update` to make a new catalog"));
        }
        let current = self.current();
        let write = |file: &str, value: &str| {
            crate::atomic::write(&self.root.join(file), format!("{value}\n").as_bytes()).map_err(
                |e| {
                    Problem::in_file(&shown, format!("cannot write `{file}`: {e}"))
                        .hint("check the folder's permissions and free space")
                },
            )
        };
        write(CURRENT, &previous)?;
        write(PREVIOUS, &current)?;
        Ok((current, previous))
    }

    fn pointer(&self, file: &str) -> Option<String> {
        let text = fs::read_to_string(self.root.join(file)).ok()?;
        let name = text.trim();
        // A pointer names a folder directly under catalogs/: nothing with a path in it.
        let plain = !name.is_empty()
            && !name.starts_with('.')
            && !name.contains(['/', '\\'])
            && name != "..";
        plain.then(|| name.to_string())
    }

    /// Removes every catalog folder but `keep` (temporary folders are left to their own cleaning).
    fn prune(&self, keep: &[&str]) {
        let Ok(entries) = fs::read_dir(self.catalogs()) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') && !keep.contains(&name.as_str()) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// The catalog every command reads when `--data` is not given: the current updated catalog under `home`,
/// when there is one.
pub fn current_catalog(home: &Path) -> Option<PathBuf> {
    Home::new(home).current_folder()
}
