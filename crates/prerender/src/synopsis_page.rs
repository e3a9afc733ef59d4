//! The synopsis on a plain page of its own, `synopsis/`, for a reader whose browser did not
//! start the spoiler blocks: reached only by a spoiler-marked link that the article shows
//! then, kept out of search by its header and its meta, and with no word of the synopsis in
//! its metadata. With `synopsis.json`, it is the only file that holds the synopsis's words.

use crate::{standard_comments, Site};
use leptos::prelude::*;
use look_back::content::Article;
use look_back::escape;

/// The page's body: a warning, then each block under its label.
#[component]
pub fn SynopsisPage(
    /// The checked article, with its synopsis's words.
    article: &'static Article,
) -> impl IntoView {
    let blocks = article
        .synopsis
        .blocks
        .iter()
        .map(|block| {
            let mut label = block.label.clone();
            if let Some(first) = label.get(..1) {
                label = format!("{}{}", first.to_uppercase(), &label[1..]);
            }
            view! {
                <section aria-labelledby=format!("label-{}", block.id)>
                    <h2 id=format!("label-{}", block.id)>{label}</h2>
                    <p>{block.text.clone()}</p>
                </section>
            }
        })
        .collect_view();
    view! {
        <main class="synopsis-page">
            <p class="kicker">"Spoilers"</p>
            <h1>{article.synopsis.heading.clone()}</h1>
            <p>"This page tells the film's story, from beginning to end."</p>
            {blocks}
            <p><a href="../">{format!("Back to the article: {}", article.headline)}</a></p>
        </main>
    }
}

/// The whole page: no script, the site's one stylesheet inline (the policy allows it by its
/// hash, as on every page), and `noindex`.
pub fn synopsis_page_html(article: &'static Article, site: &Site, css: &str) -> String {
    let body = standard_comments(&view! { <SynopsisPage article /> }.to_html());
    let title = escape::html(&format!("{}: spoilers | {}", article.synopsis.heading, site.name));
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{title}</title><style>{css}</style></head><body>{body}</body></html>",
        lang = escape::html(&article.lang)
    )
}
