use crate::components::{ArticleView, PullQuote, QuoteRole, SynopsisSection, TimelineSection, WasmNote};
use crate::content::Article;
use crate::options::{Section, SpoilerChoice};
use crate::placement::{placement, Placement, ARTICLE_FROM_EMBED};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// An embed: one section of the article in compact chrome, with a link to the full article.
#[component]
pub fn EmbedView(
    /// Which part of the article to show.
    section: Section,
    /// The checked article.
    article: &'static Article,
    /// A link's say over the synopsis spoilers.
    #[prop(default = None)]
    spoilers: Option<SpoilerChoice>,
) -> impl IntoView {
    let credit = format!("{} · Source: {}", article.kicker, article.source);
    let placement = placement();
    let home = if placement.base.is_empty() { ARTICLE_FROM_EMBED.to_owned() } else { placement.base };
    let read_all = view! {
        <a class="embed-read-all" href=home target="_blank" rel="noopener">"Read the full article"</a>
    };
    // The whole article brings its own headline; a single part gets it as the embed's title.
    let title = (section != Section::Article).then(|| {
        view! {
            <header>
                <p class="kicker">{credit.clone()}</p>
                <h1 class="embed-title">{article.headline.clone()}</h1>
            </header>
        }
    });
    let part = match section {
        Section::Article => EitherOf4::A(view! { <ArticleView article spoilers /> }),
        Section::Timeline => EitherOf4::B(view! { <TimelineSection article /> }),
        Section::Synopsis => EitherOf4::C(view! { <SynopsisSection synopsis=&article.synopsis choice=spoilers /> }),
        Section::Quotes => EitherOf4::D(view! { <QuoteList article /> }),
    };
    view! {
        <div class=format!("embed embed-{}", section.name())>
            {title}
            {part}
            <p class="embed-footer">{read_all}</p>
        </div>
    }
}

/// Every pull quote, each read as itself rather than as an echo of a passage.
#[component]
pub fn QuoteList(
    /// The checked article.
    article: &'static Article,
) -> impl IntoView {
    article.quotes.iter().map(|quote| view! { <PullQuote quote headline=&article.headline role=QuoteRole::Standalone /> }).collect_view()
}

/// What `<look-back-article>` shows of `section`: the build renders it once per section, with
/// the article's data block, into a fragment that `widget.js` puts into the element's shadow
/// root before any wasm, and the wasm then hydrates (`crate::hydration::hydrate_element`). Its
/// links lead to the article at `article_url`, the site's public address.
#[component]
pub fn GuestView(
    /// Which part of the article to show.
    section: Section,
    /// The checked article.
    article: &'static Article,
    /// The site's public address, ending in `/`.
    article_url: String,
) -> impl IntoView {
    provide_context(Placement::guest(article_url, section));
    // The container of the element's type scale and layout (style/base.css); no landmark, as
    // the host page has its own.
    view! {
        <div class="look-back-root">
            <WasmNote />
            <EmbedView section article />
        </div>
    }
}
