//! The folder Trunk staged the site in, which every step reads and writes, and how the build
//! was asked for: a release, or a `trunk serve` build.

use crate::{is_compressed_copy, Finish};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Trunk's staged site.
pub struct Staging {
    dir: PathBuf,
    /// A release is minified and precompressed; a `trunk serve` build is neither, for speed.
    pub release: bool,
    pub finish: Finish,
}

impl Staging {
    /// The folder given as the first argument, else Trunk's `TRUNK_STAGING_DIR`.
    pub fn from_env() -> Result<Staging> {
        let dir = std::env::args_os()
            .nth(1)
            .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
            .map(PathBuf::from)
            .context("no staged site: give the folder holding index.html, or run me as Trunk's post_build hook")?;
        let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
        let finish = if release { Finish::Minified } else { Finish::AsWritten };
        Ok(Staging { dir, release, finish })
    }

    /// A file's path, from its name in the site.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name.trim_start_matches('/'))
    }

    pub fn read(&self, name: &str) -> Result<Vec<u8>> {
        let path = self.path(name);
        std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
    }

    pub fn read_text(&self, name: &str) -> Result<String> {
        let path = self.path(name);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    }

    /// Writes a file, and the folders it goes in.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> Result<()> {
        let path = self.path(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
        }
        std::fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))
    }

    /// Removes a file if it is there.
    pub fn remove(&self, name: &str) {
        let _ = std::fs::remove_file(self.path(name));
    }

    /// The names of the scripts Trunk staged at the top of the site.
    pub fn scripts(&self) -> Result<Vec<String>> {
        let entries = std::fs::read_dir(&self.dir).with_context(|| format!("listing {}", self.dir.display()))?;
        let mut names: Vec<String> =
            entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".js")).collect();
        names.sort();
        Ok(names)
    }

    /// Every file of the site, by its name with `/`, sorted, less `_headers` itself and the
    /// precompressed copies of an earlier build.
    pub fn files(&self) -> Result<Vec<String>> {
        let mut files = Vec::new();
        list_files(&self.dir, "", &mut files)?;
        files.sort();
        Ok(files)
    }
}

fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<()> {
    let folder = dir.join(prefix);
    let entries = std::fs::read_dir(&folder).with_context(|| format!("listing {}", folder.display()))?;
    for entry in entries.flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(dir, &format!("{name}/"), out)?;
        } else if name != "_headers" && !is_compressed_copy(&name) {
            out.push(name);
        }
    }
    Ok(())
}
