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

/// Puts the rendered head and body into Trunk's `index.html`, replacing what `<body>` held.
pub fn fill_page(index_html: &str, head: &str, body: &str) -> Result<String, &'static str> {
    let head_end = index_html.find("</head>").ok_or("index.html has no </head>")?;
    let body_start = index_html.find("<body").ok_or("index.html has no <body>")?;
    let body_open_end = body_start + index_html[body_start..].find('>').ok_or("<body> is not closed")? + 1;
    let body_end = index_html.rfind("</body>").ok_or("index.html has no </body>")?;
    if !(head_end < body_start && body_open_end <= body_end) {
        return Err("index.html has <head> and <body> out of order");
    }
    Ok([
        &index_html[..head_end],
        head,
        &index_html[head_end..body_open_end],
        body,
        &index_html[body_end..],
    ]
    .concat())
}
