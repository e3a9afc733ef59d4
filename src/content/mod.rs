//! The content model: plain Rust and serde, shared by the build script, the pre-renderer, the
//! browser build and the tests. Nothing here knows about the web.

pub mod bake;
pub mod days;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
pub mod model;
pub mod scale;
pub mod validate;

pub use model::*;
