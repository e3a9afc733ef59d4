//! "The Look Back anime had a difficult production": an interactive article.
//!
//! Layers, each using only those below it:
//! 1. the entry points: `main.rs` hydrates, the `prerender` binary writes HTML, the
//!    `look-back-widget` binary mounts `<look-back-article>`;
//! 2. [`app`] and `islands`, which compose the page; [`embed`], which frames it for other
//!    sites; and [`build`], the build-time finishing of the HTML (native only);
//! 3. the [`components`];
//! 4. plain modules: the [`content`] model (a crate of its own), [`options`] from the URL,
//!    [`spoilers`] state, reader [`prefs`] in storage, and [`share`] for the clipboard and the
//!    share sheet.

#![recursion_limit = "256"]

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod build;
pub mod components;
pub mod embed;
#[cfg(feature = "hydrate")]
pub mod islands;
pub mod options;
pub mod prefs;
pub mod share;
pub mod spoilers;

pub use look_back_content as content;

/// The article of `content/article.toml` (or of the file named by `LOOK_BACK_CONTENT` at build
/// time), checked by `build.rs` and baked in as data. In the page's wasm (feature `hydrate`) the
/// body's paragraphs have no text: the page never renders them in the browser.
pub fn article() -> &'static content::Article {
    static ARTICLE: std::sync::OnceLock<content::Article> = std::sync::OnceLock::new();
    ARTICLE.get_or_init(|| {
        use content::*;
        include!(concat!(env!("OUT_DIR"), "/article.rs"))
    })
}
