//! The browser entry point of `<look-back-article>`: `widget.js` calls the exported
//! [`look_back::embed::mount_widget`] once per element. A wasm of its own, so that the
//! article page's wasm, which only hydrates, carries no client-side rendering of the article.

pub use look_back::embed::mount_widget;

/// As the page's wasm: smaller than dlmalloc, and free of `unsafe`.
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

fn main() {
    // A panic's message in the console while developing; a release leaves it out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}
