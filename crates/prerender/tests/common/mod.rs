//! What the pre-renderer's test files share.

use look_back::content::{load_file, Article};
use std::path::PathBuf;
use std::sync::OnceLock;

/// A path from the project's root, where the content and the assets are.
pub fn root(path: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(path)
}

/// The shipped article, read and checked once, for the life of the tests.
pub fn article() -> &'static Article {
    static ARTICLE: OnceLock<Article> = OnceLock::new();
    // `LOOK_BACK_CONTENT`, as for the build: `scripts/test` runs the tests again on a copy with
    // an editor's harmless edits.
    let path = std::env::var_os("LOOK_BACK_CONTENT").map_or_else(|| root("content/article.toml"), PathBuf::from);
    ARTICLE.get_or_init(|| load_file(&path).expect("the content file is valid"))
}
