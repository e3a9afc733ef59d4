//! The page's parts, one concern per module.

pub mod article;
pub mod pull_quote;
pub mod spoiler;

pub use article::ArticleView;
pub use pull_quote::PullQuote;
pub use spoiler::{Spoiler, SynopsisSection};
