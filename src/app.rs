//! The page: what the reader gets at the top level.

use crate::components::ArticleView;
use crate::options::PageOptions;
use leptos::prelude::*;

/// The article page, as pre-rendered into `<body>` and hydrated in the browser.
#[component]
pub fn App() -> impl IntoView {
    let options = page_options();
    view! {
        <a class="skip-link" href="#article">"Skip to the article"</a>
        <main>
            // Shown by style/base.css only when the loader could not start WebAssembly.
            <p class="wasm-note" role="note">
                "This browser did not start the page's interactive parts, so the spoiler, copy, share and timeline controls do not respond. The article itself is complete."
            </p>
            <ArticleView article=crate::article() spoilers=options.spoilers />
        </main>
    }
}

/// The options of the page's own URL; the pre-renderer has none, so it renders the defaults.
fn page_options() -> PageOptions {
    #[cfg(target_arch = "wasm32")]
    {
        let search = web_sys::window().and_then(|w| w.location().search().ok());
        search.map(|q| PageOptions::from_query(&q)).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    PageOptions::default()
}

/// What `<head>` says about the article: only spoiler-free fields go here.
#[component]
pub fn Head(
    /// The article the page shows.
    article: crate::content::Article,
) -> impl IntoView {
    view! {
        <title>{format!("{} | {}", article.headline, article.kicker)}</title>
        <meta name="description" content=article.summary />
    }
}
