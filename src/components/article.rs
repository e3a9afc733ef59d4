use crate::components::{EmbedCode, PullQuote, SynopsisSection, TimelineSection};
use crate::content::{Article, Segment};
use crate::options::SpoilerChoice;
use leptos::either::Either;
use leptos::prelude::*;

/// The whole article: kicker, headline, reading time, body with its pull quotes, synopsis and
/// credits.
#[component]
pub fn ArticleView(
    /// The checked article to show.
    article: Article,
    /// A link's say over the synopsis spoilers.
    #[prop(default = None)]
    spoilers: Option<SpoilerChoice>,
) -> impl IntoView {
    let minutes = article.reading_minutes();
    // Only the article page offers embed code; an embed does not offer itself again.
    let embeddable = super::links().base.is_empty();
    let headline = article.headline.clone();
    let timeline_article = article.clone();
    let body_article = article.clone();
    view! {
        <article id="article" aria-labelledby="headline" tabindex="-1">
            <header class="article-header">
                <p class="kicker">{article.kicker}</p>
                <h1 id="headline">{article.headline}</h1>
                <p class="meta">{format!("{minutes} min read")}</p>
            </header>
            <div class="article-body">
                <ArticleBody article=body_article />
            </div>
            <TimelineSection article=timeline_article />
            <SynopsisSection synopsis=article.synopsis choice=spoilers />
            <footer class="article-footer">
                <p class="source">{format!("Source: {}", article.source)}</p>
                <p class="copyright" lang=article.copyright_lang>{article.copyright}</p>
            </footer>
            {embeddable.then(|| view! { <EmbedCode headline=headline /> })}
        </article>
    }
}

/// The body's paragraphs, with each pull quote after the paragraph it comes from.
#[component]
pub fn ArticleBody(
    /// The checked article.
    article: Article,
) -> impl IntoView {
    article
        .body
        .iter()
        .map(|p| {
            let segments = article.segments(&p.id).into_iter().map(|s| passage(&article, s)).collect_view();
            let quotes = article
                .quotes_after(&p.id)
                .map(|(i, quote)| view! { <PullQuote quote=quote.clone() number=i + 1 headline=article.headline.clone() /> })
                .collect_view();
            view! {
                <p id=format!("p-{}", p.id)>{segments}</p>
                {quotes}
            }
        })
        .collect_view()
}

/// A run of a paragraph: plain text, or a passage that links can reach and highlight, with a
/// link back to its pull quote when it has one.
fn passage(article: &Article, segment: Segment<'_>) -> impl IntoView {
    let text = segment.text.to_owned();
    let Some(mark) = segment.mark else { return Either::Left(text) };
    let back = mark.quote.map(|id| {
        let number = article.quotes.iter().position(|q| q.id == id).map_or(0, |i| i + 1);
        view! {
            <a class="passage-quote-link" href=format!("#pull-quote-{id}") aria-label=format!("Pull quote {number}")>
                "❞"
            </a>
        }
    });
    Either::Right(view! {
        <span class="passage" id=mark.anchor>{text}</span>
        {back}
    })
}
