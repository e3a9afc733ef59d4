//! The snippets publishers paste: an iframe (with `embed.js` for its height) or the
//! `<look-back-article>` element (with `widget.js`). Shared by the page's Embed control and the
//! oEmbed files the build writes.

use crate::options::{Section, Theme};

/// A first height for the iframe, near what the section needs at a column's width, so the
/// host page barely moves when the widget reports its real height.
pub fn initial_height(section: Section) -> u32 {
    match section {
        Section::Article => 4200,
        Section::Timeline => 900,
        Section::Quotes => 1200,
        Section::Synopsis => 560,
    }
}

/// Text for an HTML attribute value in double quotes.
pub fn attr(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The iframe snippet; `base` is the article's address, ending in `/`.
///
/// ```
/// use look_back::embed::iframe_snippet;
/// use look_back::options::Section;
/// let html = iframe_snippet("https://news.example/look-back/", Section::Timeline, None, "Look Back");
/// assert!(html.contains(r#"src="https://news.example/look-back/embed/timeline/?id=look-back-timeline""#));
/// ```
pub fn iframe_snippet(base: &str, section: Section, theme: Option<Theme>, headline: &str) -> String {
    let id = format!("look-back-{}", section.name());
    let theme = theme.map(|t| format!("&amp;theme={}", t.name())).unwrap_or_default();
    format!(
        "<iframe data-look-back=\"{id}\" src=\"{base}{path}?id={id}{theme}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
         style=\"border:0;width:100%\" loading=\"lazy\" sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\"></iframe>\n\
         <script src=\"{base}embed.js\" async></script>",
        base = attr(base),
        path = section.path(),
        title = attr(&format!("{headline} ({})", section.name())),
        height = initial_height(section),
    )
}

/// The custom-element snippet; `base` is the article's address, ending in `/`.
pub fn element_snippet(base: &str, section: Section, theme: Option<Theme>) -> String {
    let theme = theme.map(|t| format!(" theme=\"{}\"", t.name())).unwrap_or_default();
    format!(
        "<look-back-article section=\"{}\"{theme}></look-back-article>\n<script type=\"module\" src=\"{}widget.js\"></script>",
        section.name(),
        attr(base)
    )
}
