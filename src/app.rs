//! The page: what the reader gets at the top level.

use crate::components::{ArticleView, WasmNote};
use crate::content::Article;
use crate::embed::{EmbedCode, EmbedView, FirstHeights};
use crate::options::PageOptions;
use crate::placement::Placement;
use leptos::either::Either;
use leptos::prelude::*;

/// The article page, or one of its embeds, as pre-rendered into `<body>`; the browser then
/// hydrates its interactive parts one by one (`crate::hydration`), never the whole. The
/// pre-renderer passes the options of the page it writes, and provides the iframes'
/// [`FirstHeights`].
#[component]
pub fn App(
    /// The checked article, as the pre-renderer read it from the content file.
    article: &'static Article,
    /// What to show: the article page when not given.
    #[prop(optional)]
    options: PageOptions,
) -> impl IntoView {
    let heights = use_context::<FirstHeights>().unwrap_or_default();
    // Either, not AnyView: type erasure would compile every render path of both branches in.
    match options.section {
        None => Either::Left(view! {
            <a class="skip-link" href="#article">"Skip to the article"</a>
            <main>
                <WasmNote />
                // Only the article page offers embed code; an embed does not offer itself again.
                <ArticleView article spoilers=options.spoilers>
                    <EmbedCode headline=&article.headline heights />
                </ArticleView>
            </main>
        }),
        Some(section) => {
            provide_context(Placement::embed_page(section));
            Either::Right(view! {
                <main class="embed-main"><WasmNote /> <EmbedView section article spoilers=options.spoilers /></main>
            })
        }
    }
}
