//! The `<look-back-article>` custom element's wasm side: `widget.js` defines the element and
//! calls [`mount_widget`] with a container inside the element's shadow root.

use super::EmbedView;
use crate::content::Article;
use crate::options::Section;
use crate::placement::Placement;
use crate::spoilers::SpoilerText;
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

thread_local! {
    /// The article every element on the host page shows, read once.
    static ARTICLE: std::cell::Cell<Option<&'static Article>> = const { std::cell::Cell::new(None) };
    /// The synopsis's words, fetched once for every element, when the first one needs them.
    static SPOILER_TEXT: std::cell::Cell<Option<RwSignal<SpoilerText>>> = const { std::cell::Cell::new(None) };
}

/// Takes the article, as the JSON of `article.json` that `widget.js` fetched beside itself;
/// says whether it was one.
#[wasm_bindgen]
pub fn set_article(json: &str) -> bool {
    let article = crate::article_data::parse(json).map(|a| &*Box::leak(Box::new(a)));
    ARTICLE.with(|a| a.set(article));
    article.is_some()
}

/// Mounts one section of the article into `parent`. An unknown section shows the whole
/// article; `article_url` is where its links lead, and where the article's files are. None
/// before [`set_article`] took an article.
#[wasm_bindgen]
pub fn mount_widget(parent: web_sys::HtmlElement, section: &str, article_url: &str) -> Option<Widget> {
    let article = ARTICLE.with(std::cell::Cell::get)?;
    let section = Section::parse(section).unwrap_or(Section::Article);
    let base = article_url.to_owned();
    let text = matches!(section, Section::Article | Section::Synopsis).then(|| spoiler_text(&base));
    let handle = leptos::mount::mount_to(parent, move || {
        if let Some(text) = text {
            provide_context(text);
        }
        provide_context(Placement::guest(base, section));
        view! { <EmbedView section article /> }
    });
    Some(Widget { mounted: Some(Box::new(handle)) })
}

/// The synopsis's words for every widget on the page, fetched from beside the article the
/// first time a widget shows the synopsis.
fn spoiler_text(base: &str) -> RwSignal<SpoilerText> {
    SPOILER_TEXT.with(|cell| {
        cell.get().unwrap_or_else(|| {
            // Made outside any widget's owner, so that unmounting one leaves it for the others.
            let text = RwSignal::new(SpoilerText::default());
            crate::article_data::fetch_synopsis(format!("{base}{}", crate::article_data::SYNOPSIS_FILE), text);
            cell.set(Some(text));
            text
        })
    })
}
