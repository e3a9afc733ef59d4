//! The browser entry point: take over the pre-rendered page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(|| leptos::prelude::view! { <look_back::app::App /> });
    // Styles and tests key on this to tell a live page from the pre-rendered one.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
