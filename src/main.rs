//! The article page's browser entry point: take over the pre-rendered page. Publishers'
//! `<look-back-article>` elements have a wasm of their own (`src/bin/widget.rs`).

fn main() {
    console_error_panic_hook::set_once();
    // Only our own pre-rendered pages carry this marker; anything else is not ours to hydrate.
    let document = leptos::prelude::document();
    if document.query_selector("meta[name=look-back]").ok().flatten().is_none() {
        return;
    }
    let options = look_back::app::page_options();
    look_back::islands::hydrate(options, move || {
        // Styles and tests key on this to tell a live page from the pre-rendered one.
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}
