//! The page: what the reader gets at the top level.

use crate::components::{ArticleView, Links};
use crate::content::Article;
use crate::embed::{EmbedCode, EmbedView, FirstHeights};
use crate::options::PageOptions;
use leptos::either::Either;
use leptos::prelude::*;

/// The article page, or one of its embeds, as pre-rendered into `<body>`; the browser then
/// hydrates its interactive parts one by one ([`crate::islands`]). The pre-renderer passes
/// the options of the page it writes, and provides the iframes' [`FirstHeights`]; in the
/// browser the options come from the page's own URL.
#[component]
pub fn App(
    /// The checked article, as the pre-renderer read it from the content file.
    article: &'static Article,
    /// What to show; read from the URL when not given.
    #[prop(optional)]
    options: Option<PageOptions>,
) -> impl IntoView {
    let options = options.unwrap_or_else(page_options);
    let heights = use_context::<FirstHeights>().unwrap_or_default();
    // Shown by style/base.css only when the loader could not start WebAssembly.
    let wasm_note = view! {
        <p class="wasm-note" role="note">
            "This browser did not start the page's interactive parts, so the spoiler, copy, share and timeline controls do not respond. The article itself is complete."
        </p>
    };
    // Either, not AnyView: type erasure would compile every render path of both branches in.
    match options.section {
        None => Either::Left(view! {
            <a class="skip-link" href="#article">"Skip to the article"</a>
            <main>
                {wasm_note}
                // Only the article page offers embed code; an embed does not offer itself again.
                <ArticleView article spoilers=options.spoilers>
                    <EmbedCode headline=&article.headline heights />
                </ArticleView>
            </main>
        }),
        Some(section) => {
            provide_context(Links::embedded());
            Either::Right(view! {
                <main class="embed-main">{wasm_note} <EmbedView section article spoilers=options.spoilers /></main>
            })
        }
    }
}

/// The options of the page's own URL; the pre-renderer passes its own instead.
pub fn page_options() -> PageOptions {
    #[cfg(target_arch = "wasm32")]
    {
        let location = web_sys::window().map(|w| w.location());
        let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
        let search = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
        PageOptions::from_location(&path, &search)
    }
    #[cfg(not(target_arch = "wasm32"))]
    PageOptions::default()
}
