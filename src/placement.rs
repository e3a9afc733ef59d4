//! Where the article is placed, which decides where its links lead: on its own page, on an
//! embed page of the site, or as a guest in a publisher's own document.

use crate::options::Section;

/// The full article's address from an embed page at `embed/<section>/`.
pub const ARTICLE_FROM_EMBED: &str = "../../";

/// Where the article is placed. Links to its parts stay in the document where the document
/// holds them all (the article page and the article's embeds); elsewhere they lead to the full
/// article, in a new tab. The app provides it as context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The full article's address, where its files are too: empty on the page itself.
    pub base: String,
    /// Whether the document holds every part a link may lead to.
    pub in_page: bool,
    /// Whether the article is a guest in a publisher's own document (`<look-back-article>`),
    /// whose address and `#fragment` are the publisher's to use, not the article's.
    pub guest: bool,
}

impl Default for Placement {
    fn default() -> Self {
        Placement { base: String::new(), in_page: true, guest: false }
    }
}

impl Placement {
    /// An embed page of the site, at `embed/<section>/`.
    pub fn embed_page(section: Section) -> Self {
        Placement { base: ARTICLE_FROM_EMBED.into(), in_page: section == Section::Article, guest: false }
    }

    /// A guest in a publisher's document showing `section`, the article being at
    /// `article_url`. Its in-page links still name the article's address, for a reader who
    /// opens one elsewhere; `widget.js` keeps a plain click on one inside the element.
    pub fn guest(article_url: String, section: Section) -> Self {
        Placement { base: article_url, in_page: section == Section::Article, guest: true }
    }

    /// Whether this is the article's own page, not an embed of it.
    pub fn is_own_page(&self) -> bool {
        self.base.is_empty() && !self.guest
    }

    /// The address of one of the article's parts.
    ///
    /// ```
    /// use look_back::options::Section;
    /// use look_back::placement::Placement;
    /// assert_eq!(Placement::default().link_to("p-lede"), "#p-lede");
    /// assert_eq!(Placement::embed_page(Section::Article).link_to("p-lede"), "#p-lede");
    /// assert_eq!(Placement::embed_page(Section::Timeline).link_to("p-lede"), "../../#p-lede");
    /// ```
    pub fn link_to(&self, anchor: &str) -> String {
        if self.in_page && !self.guest {
            format!("#{anchor}")
        } else {
            format!("{}#{anchor}", self.base)
        }
    }

    /// Whether a link to one of the article's parts opens a new tab.
    pub fn new_tab(&self) -> bool {
        !self.in_page
    }

    pub fn target(&self) -> Option<&'static str> {
        self.new_tab().then_some("_blank")
    }

    /// A new tab must not get a handle on this page.
    pub fn rel(&self) -> Option<&'static str> {
        self.new_tab().then_some("noopener")
    }
}

/// The placement in context; components used alone are on their own page.
pub fn placement() -> Placement {
    leptos::prelude::use_context::<Placement>().unwrap_or_default()
}
