//! The article as the browser gets it. The pre-rendered page carries what its interactive
//! parts need as a JSON block (`<script type="application/json" id="look-back-data">`, which
//! never runs). The synopsis's words come from a file of their own, `synopsis.json`, into the
//! wasm's memory, so they are never in the page before the reader opens a block. The article
//! page and its embeds fetch them when the loader (`assets/loader.js`) says a reader may soon
//! open one; `<look-back-article>`'s fragment carries the same block, and `widget.js` asks for
//! the words as it shows the synopsis.
//!
//! The browser's own `JSON.parse` reads the JSON, and a small reader of our own takes the
//! model's fields from it: serde's derived readers would cost the wasm many times more.

/// The id of the page's data block, which the pre-renderer writes.
pub const DATA_ID: &str = "look-back-data";
/// The synopsis's file, beside the article page.
pub const SYNOPSIS_FILE: &str = "synopsis.json";

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::DATA_ID;
    use crate::content::{Article, Event, Paragraph, PartOfDay, Passage, Precision, Quote, SpoilerBlock, Synopsis, Timeline};
    use crate::spoilers::SpoilerText;
    use js_sys::{Array, Reflect, JSON};
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Reads an article from JSON; none if it is not one.
    fn parse(json: &str) -> Option<Article> {
        article(&JSON::parse(json).ok()?)
    }

    thread_local! {
        /// The article, read once: the page holds one data block, and every
        /// `<look-back-article>` on a host page a copy of the same one, as this wasm is the
        /// program of one site's build.
        static READ: std::cell::OnceCell<Option<&'static Article>> = const { std::cell::OnceCell::new() };
    }

    /// The article of the data block inside `root` (the page's document element, or an element's
    /// fragment), read the first time and kept for the life of the page; none without one, as
    /// on the dev server's page for a broken content file.
    pub fn from_root(root: &web_sys::Element) -> Option<&'static Article> {
        let read = || {
            let json = root.query_selector(&format!("#{DATA_ID}")).ok()??.text_content()?;
            Some(&*Box::leak(Box::new(parse(&json)?)))
        };
        READ.with(|article| *article.get_or_init(read))
    }

    /// Fetches the synopsis from `url` into `text`; a failure is a state the blocks show.
    pub fn fetch_synopsis(url: String, text: RwSignal<SpoilerText>) {
        // The page may ask before any part is hydrated, so before Leptos has set up its executor.
        wasm_bindgen_futures::spawn_local(async move {
            let json = fetch_text(&url).await;
            let synopsis = json.and_then(|json| synopsis(&JSON::parse(&json).ok()?));
            text.set(synopsis.map_or(SpoilerText::Failed, |s| SpoilerText::ready(&s)));
        });
    }

    /// A file's text; none when the network or the server says no. A refusal is a value here,
    /// never an exception in the console.
    async fn fetch_text(url: &str) -> Option<String> {
        let window = web_sys::window()?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?).await.ok()?.as_string()
    }

    fn get(value: &JsValue, key: &str) -> Option<JsValue> {
        Reflect::get(value, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn text(value: &JsValue, key: &str) -> Option<String> {
        get(value, key)?.as_string()
    }

    /// A list of items, each read by `item`; none if it is not a list or any item is not one.
    fn list<T>(value: &JsValue, key: &str, item: impl Fn(&JsValue) -> Option<T>) -> Option<Vec<T>> {
        let items = get(value, key)?;
        if !Array::is_array(&items) {
            return None;
        }
        Array::from(&items).iter().map(|i| item(&i)).collect()
    }

    fn article(v: &JsValue) -> Option<Article> {
        Some(Article {
            kicker: text(v, "kicker")?,
            headline: text(v, "headline")?,
            summary: text(v, "summary")?,
            lang: text(v, "lang")?,
            source: text(v, "source")?,
            copyright: text(v, "copyright")?,
            copyright_lang: text(v, "copyright_lang")?,
            supplied: None,
            published: text(v, "published"),
            body: list(v, "body", |p| Some(Paragraph { id: text(p, "id")?, text: text(p, "text")? }))?,
            synopsis: synopsis(&get(v, "synopsis")?)?,
            quotes: list(v, "quotes", |q| {
                Some(Quote { id: text(q, "id")?, speaker: text(q, "speaker")?, paragraph: text(q, "paragraph")?, text: text(q, "text")? })
            })?,
            timeline: timeline(&get(v, "timeline")?)?,
            events: list(v, "events", event)?,
            // The record of typographic mends is for editors; the page never shows it.
            mends: Vec::new(),
        })
    }

    fn synopsis(v: &JsValue) -> Option<Synopsis> {
        Some(Synopsis {
            heading: text(v, "heading")?,
            blocks: list(v, "blocks", |b| Some(SpoilerBlock { id: text(b, "id")?, label: text(b, "label")?, text: text(b, "text")? }))?,
        })
    }

    fn timeline(v: &JsValue) -> Option<Timeline> {
        Some(Timeline {
            heading: text(v, "heading")?,
            day_zero_date: text(v, "day_zero_date")?,
            day_zero_note: text(v, "day_zero_note")?,
            day_zero_source: text(v, "day_zero_source")?,
        })
    }

    fn event(v: &JsValue) -> Option<Event> {
        let source = get(v, "source")?;
        Some(Event {
            id: text(v, "id")?,
            day: get(v, "day")?.as_f64()? as i32,
            precision: Precision::ALL.into_iter().find(|p| Some(p.name()) == text(v, "precision").as_deref())?,
            part: match text(v, "part") {
                None => None,
                Some(name) => Some(PartOfDay::ALL.into_iter().find(|p| p.name() == name)?),
            },
            about: text(v, "about"),
            title: text(v, "title")?,
            text: text(v, "text")?,
            source: Passage { paragraph: text(&source, "paragraph")?, text: text(&source, "text")? },
            inferred: text(v, "inferred"),
        })
    }
}
