//! The browser entry point: take over the pre-rendered page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(look_back::app::App);
}
