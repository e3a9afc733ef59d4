use crate::components::SynopsisSection;
use crate::content::Article;
use crate::options::SpoilerChoice;
use leptos::prelude::*;

/// The whole article: kicker, headline, reading time, body, synopsis and credits.
#[component]
pub fn ArticleView(
    /// The checked article to show.
    article: Article,
    /// A link's say over the synopsis spoilers.
    #[prop(default = None)]
    spoilers: Option<SpoilerChoice>,
) -> impl IntoView {
    let minutes = article.reading_minutes();
    let body = article
        .body
        .into_iter()
        .map(|p| view! { <p id=format!("p-{}", p.id)>{p.text}</p> })
        .collect_view();
    view! {
        <article id="article" aria-labelledby="headline" tabindex="-1">
            <header class="article-header">
                <p class="kicker">{article.kicker}</p>
                <h1 id="headline">{article.headline}</h1>
                <p class="meta">{format!("{minutes} min read")}</p>
            </header>
            <div class="article-body">{body}</div>
            <SynopsisSection synopsis=article.synopsis choice=spoilers />
            <footer class="article-footer">
                <p class="source">{format!("Source: {}", article.source)}</p>
                <p class="copyright" lang=article.copyright_lang>{article.copyright}</p>
            </footer>
        </article>
    }
}
