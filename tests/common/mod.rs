//! What the native test files share.

use look_back::content::{load_file, Article};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The content file the tests read: `LOOK_BACK_CONTENT`, as for the build, else the shipped
/// one. `scripts/test` runs them again on a copy with an editor's harmless edits.
pub fn content_file() -> PathBuf {
    std::env::var_os("LOOK_BACK_CONTENT").map_or_else(|| PathBuf::from("content/article.toml"), PathBuf::from)
}

/// The article, read and checked once, for the life of the tests: components take the article
/// for the life of the page.
pub fn article() -> &'static Article {
    static ARTICLE: OnceLock<Article> = OnceLock::new();
    ARTICLE.get_or_init(|| load_file(&content_file()).expect("the content file is valid"))
}
