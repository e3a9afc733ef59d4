//! "The Look Back anime had a difficult production": an interactive article.
//!
//! # Layers
//! Imports point down only:
//! 1. the entry points: `src/bin/page.rs` (the page's browser program, [`hydration`]),
//!    `src/bin/element.rs` (`<look-back-article>`'s, `embed::mount_widget`), and the
//!    pre-renderer, a crate of its own (`crates/prerender`);
//! 2. the [`app`] and its parts: [`hydration`], which brings the page to life part by part,
//!    and [`embed`], which frames the article for other sites;
//! 3. the [`components`];
//! 4. plain modules: the [`content`] model (a crate of its own), [`article_data`] (how the
//!    browser gets the article), the [`contract`] of names shared with the scripts,
//!    [`options`] from the URL, [`placement`] of the article, [`spoilers`] state, reader
//!    [`prefs`] in storage, [`share`] for the clipboard and the share sheet, a
//!    [`status_line`], and [`escape`] for HTML written by hand.
//!
//! No article is compiled in: the pre-renderer reads the content file when it runs, and the
//! browser reads what it needs from the page, so one wasm serves any article.
//!
//! # Browser-only code
//! One rule: code that needs a browser is compiled for the browser only, under
//! `#[cfg(target_arch = "wasm32")]`, with a native twin beside it where a component calls it
//! while the pre-renderer renders. The features choose Leptos's renderer and nothing more:
//! `ssr` for the pre-renderer and the native tests, `hydrate` for the page's program, `csr`
//! for the element's. The only code under a feature is the one module each program alone
//! runs, declared under it: [`hydration`] (`hydrate`) and `embed::widget` (`csr`).

#![recursion_limit = "256"]

pub mod app;
pub mod article_data;
pub mod components;
pub mod contract;
pub mod embed;
pub mod escape;
#[cfg(feature = "hydrate")]
pub mod hydration;
pub mod options;
pub mod placement;
pub mod prefs;
pub mod share;
pub mod spoilers;
pub mod status_line;

pub use look_back_content as content;

/// A smaller allocator than the standard one, for programs that allocate little; its lock is
/// free on one thread, and keeps this free of `unsafe`.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// What every browser program does first: in a development build, a panic's message goes to
/// the console. A release leaves the hook out, for its size.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}
