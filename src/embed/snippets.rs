//! The snippets publishers paste: an iframe (with `embed.js` for its height) or the
//! `<look-back-article>` element (with `widget.js`). Shared by the page's Embed control and the
//! oEmbed files the build writes.

use crate::contract::{ELEMENT, FRAME};
use crate::escape;
use crate::options::{Section, Theme};

/// The first height of each section's iframe, in CSS pixels, which its snippet carries until
/// the frame reports its own: the build estimates them from the embed pages it writes, on a
/// 390 px phone, where most readers are. Kept as the digits the snippets show, so that the
/// browser, which reads them from the page, never parses a number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstHeights(String);

impl FirstHeights {
    /// An iframe's own default, for a height no one has estimated.
    const UNKNOWN: &'static str = "150";

    /// The heights that `height` gives each section.
    pub fn new(height: impl Fn(Section) -> u32) -> Self {
        FirstHeights(Section::ALL.map(|s| height(s).to_string()).join(" "))
    }

    /// The section's height, as the digits of an attribute.
    pub fn of(&self, section: Section) -> &str {
        let at = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
        self.0.split(' ').nth(at).filter(|h| !h.is_empty()).unwrap_or(Self::UNKNOWN)
    }

    /// As an attribute's value, in the order of [`Section::ALL`]: `"3350 1110 460 530"`.
    ///
    /// ```
    /// use look_back::embed::FirstHeights;
    /// use look_back::options::Section;
    /// let heights = FirstHeights::new(|s| if s == Section::Quotes { 460 } else { 1000 });
    /// assert_eq!(heights.to_attribute(), "1000 1000 460 1000");
    /// assert_eq!(FirstHeights::parse(heights.to_attribute()).unwrap().of(Section::Quotes), "460");
    /// assert_eq!(FirstHeights::parse("1 2 three 4"), None);
    /// assert_eq!(FirstHeights::default().of(Section::Article), "150");
    /// ```
    pub fn to_attribute(&self) -> &str {
        &self.0
    }

    /// Four heights of one to five digits, one space apart, or None.
    pub fn parse(text: &str) -> Option<Self> {
        let heights = text.split(' ');
        let sound = heights.clone().count() == Section::ALL.len()
            && heights.into_iter().all(|h| (1..=5).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
        sound.then(|| FirstHeights(text.to_owned()))
    }
}

/// The iframe snippet, `height` CSS pixels tall (its digits) until the frame says otherwise;
/// `base` is the article's address, ending in `/`.
///
/// ```
/// use look_back::embed::iframe_snippet;
/// use look_back::options::Section;
/// let html = iframe_snippet("https://news.example/look-back/", Section::Timeline, None, "Look Back", "900");
/// assert!(html.contains(r#"src="https://news.example/look-back/embed/timeline/?id=look-back-timeline""#));
/// assert!(html.contains(r#"height="900""#));
/// ```
pub fn iframe_snippet(base: &str, section: Section, theme: Option<Theme>, headline: &str, height: &str) -> String {
    let id = format!("look-back-{}", section.name());
    let theme = theme.map(|t| format!("&amp;theme={}", t.name())).unwrap_or_default();
    format!(
        "<iframe {FRAME}=\"{id}\" src=\"{base}{path}?id={id}{theme}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
         style=\"border:0;width:100%\" loading=\"lazy\" allow=\"clipboard-write; web-share\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\"></iframe>\n\
         <script src=\"{base}embed.js\" async></script>",
        base = escape::html(base),
        path = section.path(),
        title = escape::html(&format!("{headline} ({})", section.name())),
    )
}

/// The custom-element snippet; `base` is the article's address, ending in `/`. The element
/// holds a link to the article, which the host page shows until the section's words come, and
/// for good if they cannot; it keeps `height` CSS pixels (its digits) for them meanwhile, so
/// that the host's page does not jump when they come.
///
/// ```
/// use look_back::embed::element_snippet;
/// use look_back::options::Section;
/// let html = element_snippet("https://news.example/look-back/", Section::Quotes, None, "Look <Back>", "460");
/// assert!(html.starts_with(r#"<look-back-article section="quotes" style="display:block;min-height:460px"><a href="https://news.example/look-back/">Look &lt;Back&gt;</a></look-back-article>"#));
/// ```
pub fn element_snippet(base: &str, section: Section, theme: Option<Theme>, headline: &str, height: &str) -> String {
    let theme = theme.map(|t| format!(" theme=\"{}\"", t.name())).unwrap_or_default();
    format!(
        "<{ELEMENT} section=\"{}\"{theme} style=\"display:block;min-height:{height}px\"><a href=\"{base}\">{headline}</a></{ELEMENT}>\n<script type=\"module\" src=\"{base}widget.js\"></script>",
        section.name(),
        base = escape::html(base),
        headline = escape::html(headline),
    )
}
