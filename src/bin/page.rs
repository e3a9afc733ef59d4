//! The browser program of the article page, its embed pages and `<look-back-article>`: takes
//! over a pre-rendered page part by part, and exports what `widget.js` calls for each element.

pub use look_back::hydration::{hydrate_element, Hydrated};

fn main() {
    look_back::start();
    look_back::hydration::hydrate_page();
}
