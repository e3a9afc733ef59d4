//! The article as plain data: what editors write in `content/article.toml`, the checks that
//! file must pass, and the anchors by which links reach its parts. Nothing here knows about
//! the web; the browser build gets only the model, never the loader or its checks, and reads
//! the article from the page rather than having it compiled in.

mod anchor;
mod calendar;
#[cfg(not(target_arch = "wasm32"))]
mod load;
mod model;
#[cfg(not(target_arch = "wasm32"))]
mod supplied;
#[cfg(not(target_arch = "wasm32"))]
mod validate;
mod wording;

pub use anchor::Anchor;
pub use calendar::Date;
#[cfg(not(target_arch = "wasm32"))]
pub use load::{load_file, load_str, ContentError};
pub use model::*;
