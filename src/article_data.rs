//! The article as the browser gets it. The pre-rendered page carries what its interactive
//! parts need as a JSON block (`<script type="application/json" id="look-back-data">`, which
//! never runs). The synopsis's words come from a file of their own, `synopsis.json`, into the
//! wasm's memory, so they are never in the page before the reader opens a block. The article
//! page and its embeds fetch them when the loader (`assets/loader.js`) says a reader may soon
//! open one; `<look-back-article>` fetches them as it mounts.
//!
//! The browser's own `JSON.parse` reads the JSON, and a small reader of our own takes the
//! model's fields from it: serde's derived readers would cost the wasm many times more.

/// The id of the page's data block, which the pre-renderer writes.
pub const DATA_ID: &str = "look-back-data";
/// The synopsis's file, beside the article page.
pub const SYNOPSIS_FILE: &str = "synopsis.json";
/// The loader marks the synopsis's section with this attribute when a reader may soon open a
/// block, and says so with this event. `assets/loader.js` knows them by the same names.
pub const WORDS_WANTED: &str = "data-words-wanted";
pub const WORDS_EVENT: &str = "look-back:synopsis";

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
    pub fn parse(json: &str) -> Option<Article> {
        article(&JSON::parse(json).ok()?)
    }

    /// The article of the page's data block, for the life of the page; none on a page without
    /// one, such as the dev server's page for a broken content file.
    pub fn from_page() -> Option<&'static Article> {
        let json = document().get_element_by_id(DATA_ID)?.text_content()?;
        Some(Box::leak(Box::new(parse(&json)?)))
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
