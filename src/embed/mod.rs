//! Everything that puts the article on other sites: the embed pages' view, the
//! fragments `<look-back-article>` shows, the snippets publishers paste and the page's control
//! that offers them. An embed page's height reports to its host are plain JavaScript,
//! `assets/frame.js`, so that they work without the wasm.

mod code;
mod snippets;
mod view;

pub use code::{EmbedCode, EmbedCodeContents, FIRST_HEIGHTS};
pub use snippets::{element_snippet, iframe_snippet, FirstHeights};
pub use view::{EmbedView, GuestView, QuoteList};
