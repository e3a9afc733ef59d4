//! "The Look Back anime had a difficult production": an interactive article.
//!
//! Layers, each using only those below it: the entry points (`main.rs` hydrates, the
//! `prerender` binary writes HTML, `look-back-widget` mounts `<look-back-article>`), [`app`]
//! and `islands`, the [`components`], and at the bottom the plain
//! modules: the [`content`] model, [`options`] from the URL, [`spoilers`] state, reader
//! [`prefs`] in storage, and [`share`] for the clipboard and the share sheet.

#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod content;
pub mod embed_code;
pub mod frame;
#[cfg(feature = "hydrate")]
pub mod islands;
pub mod json;
pub mod options;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
pub mod prefs;
pub mod share;
pub mod spoilers;
#[cfg(all(target_arch = "wasm32", feature = "csr"))]
pub mod widget;

/// The article of `content/article.toml` (or of the file named by `LOOK_BACK_CONTENT` at build
/// time), checked by `build.rs` and baked in as data. In the page's wasm (feature `hydrate`) the
/// body's paragraphs have no text: the page never renders them in the browser.
pub fn article() -> content::Article {
    use content::model::*;
    include!(concat!(env!("OUT_DIR"), "/article.rs"))
}
