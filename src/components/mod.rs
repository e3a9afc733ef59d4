//! The page's parts, one concern per module.

pub mod article;
pub mod pull_quote;
pub mod spoiler;
pub mod timeline;

pub use article::ArticleView;
pub use pull_quote::PullQuote;
pub use spoiler::{Spoiler, SynopsisSection};
pub use timeline::TimelineSection;
