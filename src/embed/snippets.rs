//! The snippets publishers paste: an iframe (with `embed.js` for its height) or the
//! `<look-back-article>` element (with `widget.js`). Shared by the page's Embed control and the
//! oEmbed files the build writes.

use crate::options::{Section, Theme};

/// A first height for the iframe: what the section measures on a 390 px phone, where most
/// readers are, so that the host page barely moves when the widget reports its real height
/// (a test measures them again).
pub fn initial_height(section: Section) -> u32 {
    match section {
        Section::Article => 3350,
        Section::Timeline => 1110,
        Section::Quotes => 460,
        Section::Synopsis => 530,
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
         style=\"border:0;width:100%\" loading=\"lazy\" allow=\"clipboard-write; web-share\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\"></iframe>\n\
         <script src=\"{base}embed.js\" async></script>",
        base = attr(base),
        path = section.path(),
        title = attr(&format!("{headline} ({})", section.name())),
        height = initial_height(section),
    )
}

/// The custom-element snippet; `base` is the article's address, ending in `/`. The element
/// holds a link to the article, which the host page shows until the widget mounts, and for
/// good if it cannot.
///
/// ```
/// use look_back::embed::element_snippet;
/// use look_back::options::Section;
/// let html = element_snippet("https://news.example/look-back/", Section::Quotes, None, "Look <Back>");
/// assert!(html.starts_with(r#"<look-back-article section="quotes"><a href="https://news.example/look-back/">Look &lt;Back&gt;</a></look-back-article>"#));
/// ```
pub fn element_snippet(base: &str, section: Section, theme: Option<Theme>, headline: &str) -> String {
    let theme = theme.map(|t| format!(" theme=\"{}\"", t.name())).unwrap_or_default();
    format!(
        "<look-back-article section=\"{}\"{theme}><a href=\"{base}\">{headline}</a></look-back-article>\n<script type=\"module\" src=\"{base}widget.js\"></script>",
        section.name(),
        base = attr(base),
        headline = attr(headline),
    )
}
