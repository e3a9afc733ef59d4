use crate::components::{PullQuote, SynopsisSection, TimelineSection};
use crate::content::{Anchor, Article, Segment};
use crate::options::SpoilerChoice;
use leptos::either::Either;
use leptos::prelude::*;

/// The whole article: kicker, headline, reading time, body with its pull quotes, timeline,
/// synopsis and credits.
#[component]
pub fn ArticleView(
    /// The checked article to show.
    article: &'static Article,
    /// A link's say over the synopsis spoilers.
    #[prop(default = None)]
    spoilers: Option<SpoilerChoice>,
    /// What the page adds after the credits, such as its embed code.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let minutes = article.reading_minutes();
    view! {
        <article id="article" aria-labelledby="headline" tabindex="-1">
            <header class="article-header">
                <p class="kicker">{article.kicker.clone()}</p>
                <h1 id="headline">{article.headline.clone()}</h1>
                <p class="meta">{format!("{minutes} min read")}</p>
            </header>
            <div class="article-body">
                <ArticleBody article />
            </div>
            <TimelineSection article />
            <SynopsisSection synopsis=&article.synopsis choice=spoilers />
            <footer class="article-footer">
                <p class="source">{format!("Source: {}", article.source)}</p>
                <p class="copyright" lang=article.copyright_lang.clone()>{article.copyright.clone()}</p>
            </footer>
            {children.map(|children| children())}
        </article>
    }
}

/// The body's paragraphs, with each pull quote after the paragraph it comes from.
#[component]
pub fn ArticleBody(
    /// The checked article.
    article: &'static Article,
) -> impl IntoView {
    article
        .body
        .iter()
        .map(|p| {
            let segments = article.segments(&p.id).into_iter().map(|s| passage(article, s)).collect_view();
            let quotes = article
                .quotes_after(&p.id)
                .map(|(i, quote)| view! { <PullQuote quote number=i + 1 headline=&article.headline /> })
                .collect_view();
            view! {
                <p id=Anchor::Paragraph(&p.id).id()>{segments}</p>
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
            <a class="passage-quote-link" href=format!("#{}", Anchor::PullQuote(&id).id()) aria-label=format!("Pull quote {number}")>
                "❞"
            </a>
        }
    });
    Either::Right(view! {
        <span class="passage" id=mark.anchor>{text}</span>
        {back}
    })
}
