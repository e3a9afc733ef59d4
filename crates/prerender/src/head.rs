//! The page's `<head>`: what search engines and link previews read.

use crate::news_article_json_ld;
use leptos::prelude::*;
use look_back::content::Article;
use look_back::options::Section;

/// What `<head>` says about the article, for search engines and link previews: only
/// spoiler-free fields go here. Embeds stay out of search results, which belong to the full
/// article at `canonical`.
#[component]
pub fn Head(
    /// The article the page shows.
    article: &'static Article,
    /// The embed the page is, if it is one.
    #[prop(default = None)]
    section: Option<Section>,
    /// The full article's public address.
    #[prop(into, default = String::new())]
    canonical: String,
    /// The publishing site's name (the build's `LOOK_BACK_SITE_NAME`), which link previews name
    /// as the publisher: never the kicker, which is a section.
    #[prop(into, default = String::new())]
    site_name: String,
    /// The link-preview image's file name, beside the article.
    #[prop(into, default = String::new())]
    image: String,
) -> impl IntoView {
    let title = match section {
        None => format!("{} | {site_name}", article.headline),
        Some(s) => format!("{} ({}) | {site_name}", article.headline, s.name()),
    };
    let image = format!("{canonical}{image}");
    let json_ld = news_article_json_ld(article, &canonical, &site_name, &image);
    // Drawn from the kicker and headline by the build (social_card); it shows no spoiler.
    let image_alt = format!("{}: {}. Source: {}.", article.kicker, article.headline, article.source);
    view! {
        <title>{title}</title>
        <meta name="description" content=article.summary.clone() />
        <link rel="canonical" href=canonical.clone() />
        {og("og:type", "article".into())}
        {og("og:title", article.headline.clone())}
        {og("og:description", article.summary.clone())}
        {og("og:url", canonical)}
        {og("og:site_name", site_name)}
        {article.published.clone().map(|date| og("article:published_time", date))}
        {og("og:image", image.clone())}
        {og("og:image:width", "1200".into())}
        {og("og:image:height", "630".into())}
        {og("og:image:alt", image_alt.clone())}
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content=article.headline.clone() />
        <meta name="twitter:description" content=article.summary.clone() />
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
