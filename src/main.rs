//! The article page's browser entry point: take over the pre-rendered page. Publishers'
//! `<look-back-article>` elements have a wasm of their own (`src/bin/widget.rs`).

/// About 1 KB of wasm less than dlmalloc. The lock is a no-op cost on one thread, and keeps
/// this free of `unsafe`.
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

fn main() {
    // A panic's message in the console while developing; a release leaves it out (1.2 KB gzip).
    #[cfg(debug_assertions)]
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
