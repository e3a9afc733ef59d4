//! "The Look Back anime had a difficult production": an interactive article.
//!
//! Layers, each using only those below it:
//! 1. the entry points: `main.rs` hydrates, the `prerender` binary writes HTML, the
//!    `look-back-widget` binary mounts `<look-back-article>`;
//! 2. [`app`] and `islands`, which compose the page; [`embed`], which frames it for other
//!    sites; and [`build`], the build-time finishing of the HTML (native only);
//! 3. the [`components`];
//! 4. plain modules: the [`content`] model (a crate of its own), `article_data` (how the
//!    browser gets the article), [`options`] from the URL, [`spoilers`] state, reader [`prefs`]
//!    in storage, and [`share`] for the clipboard and the share sheet.
//!
//! No article is compiled in: the pre-renderer reads the content file when it runs, and the
//! browser reads what it needs from the page, so one wasm serves any article.

#![recursion_limit = "256"]

pub mod app;
pub mod article_data;
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
