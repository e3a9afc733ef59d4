//! The browser entry point of `<look-back-article>`: `widget.js` calls the exported
//! [`look_back::embed::mount_widget`] once per element. A wasm of its own, so that the
//! article page's wasm, which only hydrates, carries no client-side rendering of the article.

pub use look_back::embed::mount_widget;

fn main() {
    console_error_panic_hook::set_once();
}
