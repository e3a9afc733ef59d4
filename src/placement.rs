//! Where the article is placed, which decides where its links lead: on its own page, on an
//! embed page of the site, or as a guest in a publisher's own document.

/// The full article's address from an embed page at `embed/<section>/`.
pub const ARTICLE_FROM_EMBED: &str = "../../";

/// Where the article is placed. On its own page, links to its passages stay on the page; in an
/// embed they lead to the full article, in a new tab. The app provides it as context.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Placement {
    /// Put before `#anchor`: empty on the page itself, the article's address in an embed.
    pub base: String,
    pub new_tab: bool,
    /// Whether the article is a guest in a publisher's own document (`<look-back-article>`),
    /// whose address and `#fragment` are the publisher's to use, not the article's.
    pub guest: bool,
}

impl Placement {
    /// An embed page of the site, at `embed/<section>/`.
    pub fn embed_page() -> Self {
        Placement { base: ARTICLE_FROM_EMBED.into(), new_tab: true, guest: false }
    }

    /// A guest in a publisher's document, the article being at `article_url`.
    pub fn guest(article_url: String) -> Self {
        Placement { base: article_url, new_tab: true, guest: true }
    }

    /// The address of one of the article's parts.
    ///
    /// ```
    /// use look_back::placement::Placement;
    /// assert_eq!(Placement::default().link_to("p-lede"), "#p-lede");
    /// assert_eq!(Placement::embed_page().link_to("p-lede"), "../../#p-lede");
    /// ```
    pub fn link_to(&self, anchor: &str) -> String {
        format!("{}#{anchor}", self.base)
    }

    pub fn target(&self) -> Option<&'static str> {
        self.new_tab.then_some("_blank")
    }

    /// A new tab must not get a handle on this page.
    pub fn rel(&self) -> Option<&'static str> {
        self.new_tab.then_some("noopener")
    }
}

/// The placement in context; components used alone are on their own page.
pub fn placement() -> Placement {
    leptos::prelude::use_context::<Placement>().unwrap_or_default()
}
