//! The article page's browser program: takes over the pre-rendered page, part by part.

fn main() {
    look_back::start();
    look_back::hydration::hydrate_page();
}
