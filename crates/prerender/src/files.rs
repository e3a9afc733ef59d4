//! The JSON the site serves in and beside its pages: the article's data block, the JSON-LD
//! block, the files the browser fetches, the web app manifest and the oEmbed answers, written
//! with serde so that every string is escaped as JSON says.

use crate::Site;
use look_back::article_data::DATA_ID;
use look_back::content::Article;
use look_back::embed::iframe_snippet;
use look_back::options::Section;
use serde_json::{json, Value};

/// JSON that may also stand inside an HTML `<script>` element: `<`, `>` and `&` occur in JSON
/// only inside strings, where their `\u` escapes mean the same, so the text can never close
/// the element.
fn script_safe(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// The page's data block: what its interactive parts need, and nothing the page already
/// shows as text or keeps back: no body text, no word of the synopsis.
pub fn article_data(article: &Article) -> String {
    let data = serde_json::to_value(article.without_body_text().without_spoilers()).unwrap_or_default();
    format!("<script type=\"application/json\" id=\"{}\">{}</script>", DATA_ID, script_safe(&data))
}

/// `synopsis.json`: the synopsis's words, fetched only by a live page or widget, so that no
/// one meets them in a page before opening a block.
pub fn synopsis_json(article: &Article) -> String {
    serde_json::to_string(&article.synopsis).unwrap_or_default()
}

/// Schema.org `NewsArticle` for the article: the site that publishes it, the source it credits
/// as its author, and its date only where the content file gives one.
pub fn news_article_json_ld(article: &Article, url: &str, site_name: &str, image: &str) -> String {
    let mut json = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.summary,
        "inLanguage": article.lang,
        "url": url,
        "image": image,
        "articleSection": article.kicker,
        "author": { "@type": "Organization", "name": article.source },
        "sourceOrganization": { "@type": "Organization", "name": article.source },
        "publisher": { "@type": "Organization", "name": site_name },
        "copyrightNotice": article.copyright,
    });
    if let Some(published) = &article.published {
        json["datePublished"] = Value::String(published.clone());
    }
    script_safe(&json)
}

/// The web app manifest: the article's name, the reader's theme colours and the icons that
/// scripts/images.mjs draws.
pub fn manifest_json(article: &Article) -> String {
    let icon = |src: &str, sizes: &str, purpose: &str| json!({ "src": src, "sizes": sizes, "type": "image/png", "purpose": purpose });
    let manifest = json!({
        "name": article.headline,
        "short_name": "Look Back",
        "description": article.summary,
        "lang": article.lang,
        "start_url": "/",
        "scope": "/",
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": "#a0153e",
        "icons": [
            icon("/icon-192.png", "192x192", "any"),
            icon("/icon-512.png", "512x512", "any"),
            icon("/icon-maskable-512.png", "512x512", "maskable"),
        ],
    });
    format!("{}\n", script_safe(&manifest))
}

/// The width the oEmbed answers declare, in CSS pixels.
pub const OEMBED_WIDTH: u32 = 600;

/// The oEmbed answer for a section: type "rich", with the iframe snippet, `height` pixels tall
/// at the width it declares ([`OEMBED_WIDTH`]); the article's original publisher is credited
/// as its author, and the site as its provider.
pub fn oembed_json(site: &Site, section: Section, article: &Article, height: u32) -> String {
    let base = site.url.as_str();
    let answer = json!({
        "version": "1.0",
        "type": "rich",
        "title": article.headline,
        "author_name": article.source,
        "provider_name": site.name,
        "provider_url": base,
        "html": iframe_snippet(base, section, None, &article.headline, &height.to_string()),
        "width": OEMBED_WIDTH,
        "height": height,
    });
    format!("{}\n", script_safe(&answer))
}
