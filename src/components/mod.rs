//! The page's parts, one concern per module.

pub mod article;
pub mod spoiler;

pub use article::ArticleView;
pub use spoiler::{Spoiler, SynopsisSection};
