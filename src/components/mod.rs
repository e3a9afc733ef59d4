//! The page's parts, one concern per module. Each part that the browser brings to life on its
//! own (see `islands`) comes as a wrapper element and its `…Contents`, which is what hydrates.

mod article;
mod passage_links;
mod pull_quote;
mod spoiler;
mod status;
mod timeline;

pub use article::{ArticleBody, ArticleView};
pub use passage_links::{PassageLinks, OFFER as PASSAGE_LINK_OFFER};
pub use pull_quote::{element_id as pull_quote_id, PullQuote, PullQuoteContents};
pub use spoiler::{Spoiler, SynopsisContents, SynopsisSection};
pub use status::Status;
pub use timeline::{TimelineContents, TimelineSection};

/// The full article's address from an embed page at `embed/<section>/`.
pub const ARTICLE_FROM_EMBED: &str = "../../";

/// Where links to the article's passages point. On the article page they stay on the page; in
/// an embed they lead to the full article, in a new tab.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// Put before `#anchor`: empty on the page itself, the article's address in an embed.
    pub base: String,
    pub new_tab: bool,
    /// Whether the article is a guest in a publisher's own document (`<look-back-article>`),
    /// whose address and `#fragment` are the publisher's to use, not the article's.
    pub guest: bool,
}

impl Links {
    /// The links of an embed page at `embed/<section>/`: to the full article, in a new tab.
    pub fn embedded() -> Self {
        Links { base: ARTICLE_FROM_EMBED.into(), new_tab: true, guest: false }
    }

    pub fn to(&self, anchor: &str) -> String {
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

/// The links of the page in hand; components used alone link within their page.
pub fn links() -> Links {
    leptos::prelude::use_context::<Links>().unwrap_or_default()
}
