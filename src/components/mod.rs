//! The page's parts, one concern per module.

pub mod article;
pub mod embed;
pub mod embed_code;
pub mod pull_quote;
pub mod spoiler;
pub mod timeline;

pub use article::ArticleView;
pub use embed::EmbedView;
pub use embed_code::EmbedCode;
pub use pull_quote::PullQuote;
pub use spoiler::{Spoiler, SynopsisSection};
pub use timeline::TimelineSection;

/// Where links to the article's passages point. On the article page they stay on the page; in
/// an embed they lead to the full article, in a new tab.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// Put before `#anchor`: empty on the page itself, the article's address in an embed.
    pub base: String,
    pub new_tab: bool,
}

impl Links {
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
