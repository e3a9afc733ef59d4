//! The page's parts, one concern per module. Each part that the browser brings to life on its
//! own (see `hydration`) comes as a wrapper element and its `…Contents`, which is what hydrates.

mod article;
mod passage_links;
mod pull_quote;
mod spoiler;
mod timeline;
mod wasm_note;

pub use article::{ArticleBody, ArticleView};
pub use passage_links::{PassageLinks, OFFER as PASSAGE_LINK_OFFER};
pub use pull_quote::{element_id as pull_quote_id, PullQuote, PullQuoteContents, QuoteRole};
pub use spoiler::{Spoiler, SynopsisContents, SynopsisSection, SYNOPSIS_PAGE};
pub use timeline::{TimelineContents, TimelineSection};
pub use wasm_note::WasmNote;
