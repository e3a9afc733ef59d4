//! What the native test files share.

use look_back::content::{load_file, Article};
use std::path::Path;
use std::sync::OnceLock;

/// The shipped article, read and checked once, for the life of the tests: components take
/// the article for the life of the page.
pub fn article() -> &'static Article {
    static ARTICLE: OnceLock<Article> = OnceLock::new();
    ARTICLE.get_or_init(|| load_file(Path::new("content/article.toml")).expect("the shipped content file is valid"))
}
