//! The `<look-back-article>` custom element's wasm side: `widget.js` defines the element and
//! calls [`mount_widget`] with a container inside the element's shadow root.

use super::EmbedView;
use crate::components::Links;
use crate::options::Section;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// A mounted widget. Unmounting removes its markup and frees its reactive state.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Box<dyn std::any::Any>>,
}

#[wasm_bindgen]
impl Widget {
    pub fn unmount(&mut self) {
        // Dropping Leptos' handle unmounts the view and disposes of its owner.
        self.mounted = None;
    }
}

/// Mounts one section of the article into `parent`. An unknown section shows the whole
/// article; `article_url` is where its links lead.
#[wasm_bindgen]
pub fn mount_widget(parent: web_sys::HtmlElement, section: &str, article_url: &str) -> Widget {
    let section = Section::parse(section).unwrap_or(Section::Article);
    let base = article_url.to_owned();
    let handle = leptos::mount::mount_to(parent, move || {
        provide_context(Links { base, new_tab: true });
        view! { <EmbedView section article=crate::article() /> }
    });
    Widget { mounted: Some(Box::new(handle)) }
}
