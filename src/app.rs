//! The page: what the reader gets at the top level.

use crate::components::{ArticleView, EmbedView, Links};
use crate::options::PageOptions;
use leptos::either::Either;
use leptos::prelude::*;

/// The article page, or one of its embeds, as pre-rendered into `<body>`; the browser then
/// hydrates its interactive parts one by one ([`crate::islands`]). The pre-renderer passes
/// the options of the page it writes; in the browser they come from the page's own URL.
#[component]
pub fn App(
    /// What to show; read from the URL when not given.
    #[prop(optional)]
    options: Option<PageOptions>,
) -> impl IntoView {
    let options = options.unwrap_or_else(page_options);
    let article = crate::article();
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
            <main>{wasm_note} <ArticleView article spoilers=options.spoilers /></main>
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

/// What `<head>` says about the article, for search engines and link previews: only
/// spoiler-free fields go here. Embeds stay out of search results, which belong to the full
/// article at `canonical`.
#[component]
pub fn Head(
    /// The article the page shows.
    article: crate::content::Article,
    /// The embed the page is, if it is one.
    #[prop(default = None)]
    section: Option<crate::options::Section>,
    /// The full article's public address.
    #[prop(into, default = String::new())]
    canonical: String,
) -> impl IntoView {
    let title = match section {
        None => format!("{} | {}", article.headline, article.kicker),
        Some(s) => format!("{} ({}) | {}", article.headline, s.name(), article.kicker),
    };
    let json_ld = news_article_json_ld(&article, &canonical);
    // Drawn from the kicker and headline by scripts/images.mjs; it shows no spoiler.
    let image = format!("{canonical}social.png");
    let image_alt = format!("{}: {}. Source: {}.", article.kicker, article.headline, article.source);
    view! {
        <title>{title}</title>
        <meta name="description" content=article.summary.clone() />
        <link rel="canonical" href=canonical.clone() />
        {og("og:type", "article".into())}
        {og("og:title", article.headline.clone())}
        {og("og:description", article.summary.clone())}
        {og("og:url", canonical)}
        {og("og:image", image.clone())}
        {og("og:image:width", "1200".into())}
        {og("og:image:height", "630".into())}
        {og("og:image:alt", image_alt.clone())}
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content=article.headline />
        <meta name="twitter:description" content=article.summary />
        <meta name="twitter:image" content=image />
        <meta name="twitter:image:alt" content=image_alt />
        {section.is_none().then(|| view! {
            <link rel="manifest" href="/manifest.webmanifest" />
            <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        })}
        <script type="application/ld+json">{json_ld}</script>
        {section.map(|_| view! { <meta name="robots" content="noindex" /> })}
    }
}

/// An Open Graph `<meta property=…>`; `property` is no attribute the view macro knows.
fn og(property: &'static str, content: String) -> impl IntoView {
    use leptos::tachys::html::attribute::custom::CustomAttribute;
    leptos::html::meta().attr("property", property).attr("content", content)
}

/// Schema.org `NewsArticle` for the article, crediting its source. `<`, `>` and `&` are
/// written as JSON escapes, so the text can never close its `<script>` element.
pub fn news_article_json_ld(article: &crate::content::Article, url: &str) -> String {
    let text = crate::json::string;
    format!(
        "{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{},\"description\":{},\"inLanguage\":{},\"url\":{},\"image\":{},\"articleSection\":{},\"sourceOrganization\":{{\"@type\":\"Organization\",\"name\":{}}},\"copyrightNotice\":{}}}",
        text(&article.headline),
        text(&article.summary),
        text(&article.lang),
        text(url),
        text(&format!("{url}social.png")),
        text(&article.kicker),
        text(&article.source),
        text(&article.copyright),
    )
}

/// The web app manifest: the article's name, the reader's theme colours and the icons that
/// scripts/images.mjs draws.
pub fn manifest_json(article: &crate::content::Article) -> String {
    let text = crate::json::string;
    let icons = [("icon-192.png", "192x192", "any"), ("icon-512.png", "512x512", "any"), ("icon-maskable-512.png", "512x512", "maskable")]
        .map(|(src, sizes, purpose)| format!("{{\"src\":\"/{src}\",\"sizes\":\"{sizes}\",\"type\":\"image/png\",\"purpose\":\"{purpose}\"}}"))
        .join(",");
    format!(
        "{{\"name\":{},\"short_name\":\"Look Back\",\"description\":{},\"lang\":{},\"start_url\":\"/\",\"scope\":\"/\",\"display\":\"minimal-ui\",\"background_color\":\"#ffffff\",\"theme_color\":\"#a0153e\",\"icons\":[{icons}]}}\n",
        text(&article.headline),
        text(&article.summary),
        text(&article.lang),
    )
}
