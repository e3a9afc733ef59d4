//! The article as the browser gets it. The pre-rendered page carries what its interactive
//! parts need as a JSON block (`<script type="application/json" id="look-back-data">`, which
//! never runs). The synopsis's words come from a file of their own, `synopsis.json`, into the
//! wasm's memory, so they are never in the page before the reader opens a block. The article
//! page and its embeds fetch them when the loader (`assets/loader.js`) says a reader may soon
//! open one; `<look-back-article>`'s fragment carries the same block, and `widget.js` asks for
//! the words as it shows the synopsis.
//!
//! The browser's own `JSON.parse` reads the JSON, and a small reader of our own takes the
//! model's fields from it: serde's derived readers would cost the wasm many times more. The
//! reader is generic over [`Json`], so the native tests run it on what the build writes. It
//! says where it found a problem; a bad item of a list is skipped, and the parts that need the
//! whole list are left as pre-rendered (see [`Reading`]).

use crate::content::{Article, Event, Paragraph, PartOfDay, Passage, Precision, Quote, SpoilerBlock, Synopsis, Timeline};

/// The id of the page's data block, which the pre-renderer writes.
pub const DATA_ID: &str = "look-back-data";
/// The synopsis's file, beside the article page.
pub const SYNOPSIS_FILE: &str = "synopsis.json";

/// A parsed JSON value, as much of it as the reader asks: the browser's own in the wasm,
/// serde_json's in the native tests.
pub trait Json: Sized {
    /// The member `key` of an object; none if missing or null, or if this is no object.
    fn member(&self, key: &str) -> Option<Self>;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    /// The items of an array; none if this is no array.
    fn items(&self) -> Option<impl Iterator<Item = Self> + use<Self>>;
}

/// The field that is missing, or not of its kind, as a path from the block: `events[2].day`.
/// Within an item it is the field's own path, which [`Lists::take`] puts after the item's
/// place; the paths are written only for what went wrong, as formatting costs the wasm.
type Found<T> = Result<T, &'static str>;

/// The article the reader could take from a data block, with what it found wrong.
#[derive(Debug)]
pub struct Reading {
    pub article: Article,
    /// The path of each bad item's bad field: `quotes[1].speaker`. The item was skipped.
    pub problems: Vec<String>,
}

impl Reading {
    /// Whether every item of `list` was read, so that a part showing all of it (the timeline,
    /// the synopsis) renders as the pre-rendered markup does.
    #[inline(never)]
    pub fn complete(&self, list: &str) -> bool {
        !self.problems.iter().any(|p| p.strip_prefix(list).is_some_and(|rest| rest.starts_with('[')))
    }
}

/// Reads the article from the page's data block. A bad item of a list is skipped and noted;
/// anything else wrong makes the block unreadable, and the error is the path of the first field
/// that is missing or not of its kind.
///
/// ```
/// # use look_back::article_data::{read_article, Json};
/// # struct Nothing;
/// # impl Json for Nothing {
/// #     fn member(&self, _: &str) -> Option<Self> { None }
/// #     fn string(&self) -> Option<String> { None }
/// #     fn number(&self) -> Option<f64> { None }
/// #     fn items(&self) -> Option<impl Iterator<Item = Self> + use<>> { None::<std::iter::Empty<Self>> }
/// # }
/// assert_eq!(read_article(&Nothing).unwrap_err(), "kicker");
/// ```
pub fn read_article<J: Json>(v: &J) -> Found<Reading> {
    let mut lists = Lists::default();
    let mut f = Fields::default();
    // A missing object is found missing at its first field.
    let (synopsis, timeline) = (v.member("synopsis"), v.member("timeline"));
    let article = Article {
        kicker: f.text(Some(v), "kicker", "kicker"),
        headline: f.text(Some(v), "headline", "headline"),
        summary: f.text(Some(v), "summary", "summary"),
        lang: f.text(Some(v), "lang", "lang"),
        source: f.text(Some(v), "source", "source"),
        copyright: f.text(Some(v), "copyright", "copyright"),
        copyright_lang: f.text(Some(v), "copyright_lang", "copyright_lang"),
        supplied: None,
        published: f.optional_text(v, "published"),
        body: lists.take(&mut f, "body", Some(v), "body", |f, p| Paragraph {
            id: f.text(Some(p), "id", "id"),
            text: f.text(Some(p), "text", "text"),
        }),
        synopsis: Synopsis {
            heading: f.text(synopsis.as_ref(), "heading", "synopsis.heading"),
            blocks: lists.take(&mut f, "synopsis.blocks", synopsis.as_ref(), "blocks", block),
        },
        quotes: lists.take(&mut f, "quotes", Some(v), "quotes", quote),
        timeline: Timeline {
            heading: f.text(timeline.as_ref(), "heading", "timeline.heading"),
            day_zero_date: f.text(timeline.as_ref(), "day_zero_date", "timeline.day_zero_date"),
            day_zero_note: f.text(timeline.as_ref(), "day_zero_note", "timeline.day_zero_note"),
            day_zero_source: f.text(timeline.as_ref(), "day_zero_source", "timeline.day_zero_source"),
        },
        events: lists.take(&mut f, "events", Some(v), "events", event),
        // The record of typographic mends is for editors; the page never shows it.
        mends: Vec::new(),
    };
    f.end(Reading { article, problems: lists.problems })
}

/// Reads the synopsis from `synopsis.json`: every block, or none.
pub fn read_synopsis<J: Json>(v: &J) -> Found<Synopsis> {
    let (mut lists, mut f) = (Lists::default(), Fields::default());
    let synopsis =
        Synopsis { heading: f.text(Some(v), "heading", "heading"), blocks: lists.take(&mut f, "blocks", Some(v), "blocks", block) };
    match lists.problems.is_empty() {
        true => f.end(synopsis),
        false => Err("blocks"),
    }
}

/// Takes an object's fields one by one, keeping the first that is missing or not of its kind
/// (and an empty value in its place) rather than returning at once: so the reader has one way
/// out, where returning at each field would cost the wasm kilobytes of code that drops what
/// was read so far.
#[derive(Default)]
struct Fields {
    missing: Option<&'static str>,
}

impl Fields {
    fn found<T>(&mut self, value: Option<T>, path: &'static str) -> Option<T> {
        if value.is_none() {
            self.missing.get_or_insert(path);
        }
        value
    }

    /// The text `key` of `v`, the object at `path`.
    #[inline(never)]
    fn text<J: Json>(&mut self, v: Option<&J>, key: &str, path: &'static str) -> String {
        let value = v.and_then(|v| v.member(key)).and_then(|value| value.string());
        self.found(value, path).unwrap_or_default()
    }

    #[inline(never)]
    fn optional_text<J: Json>(&mut self, v: &J, key: &'static str) -> Option<String> {
        let value = v.member(key)?;
        self.found(value.string(), key)
    }

    fn end<T>(self, value: T) -> Found<T> {
        self.missing.map_or(Ok(value), Err)
    }
}

/// What the lists of a data block lost, as they are read.
#[derive(Default)]
struct Lists {
    problems: Vec<String>,
}

impl Lists {
    /// The items of the list `key` of `v`, at `path` in the block, that `item` can read, noting
    /// where each other one went wrong. A list that is missing or no list is `f`'s problem.
    fn take<J: Json, T>(
        &mut self,
        f: &mut Fields,
        path: &'static str,
        v: Option<&J>,
        key: &str,
        item: impl Fn(&mut Fields, &J) -> T,
    ) -> Vec<T> {
        let mut read = Vec::new();
        self.each(f, path, v, key, &mut |fields, value| {
            let found = item(fields, value);
            if fields.missing.is_none() {
                read.push(found);
            }
        });
        read
    }

    /// Reads each item of the list with `item`, and notes the ones that went wrong: once for
    /// every kind of item, where a loop in each list's copy of `take` would cost the wasm more.
    #[inline(never)]
    fn each<J: Json>(&mut self, f: &mut Fields, path: &'static str, v: Option<&J>, key: &str, item: &mut dyn FnMut(&mut Fields, &J)) {
        let Some(items) = f.found(v.and_then(|v| v.member(key)).and_then(|list| list.items()), path) else { return };
        for (i, value) in items.enumerate() {
            let mut fields = Fields::default();
            item(&mut fields, &value);
            if let Some(field) = fields.missing {
                self.problems.push(format!("{path}[{i}].{field}"));
            }
        }
    }
}

fn block<J: Json>(f: &mut Fields, v: &J) -> SpoilerBlock {
    SpoilerBlock { id: f.text(Some(v), "id", "id"), label: f.text(Some(v), "label", "label"), text: f.text(Some(v), "text", "text") }
}

fn quote<J: Json>(f: &mut Fields, v: &J) -> Quote {
    let v = Some(v);
    Quote {
        id: f.text(v, "id", "id"),
        speaker: f.text(v, "speaker", "speaker"),
        paragraph: f.text(v, "paragraph", "paragraph"),
        text: f.text(v, "text", "text"),
    }
}

fn event<J: Json>(f: &mut Fields, v: &J) -> Event {
    let source = v.member("source");
    let day = v.member("day").and_then(|d| d.number()).filter(|d| d.fract() == 0.0 && d.abs() < 1e6);
    let precision = v.member("precision").and_then(|p| p.string()).and_then(|name| Precision::ALL.into_iter().find(|p| p.name() == name));
    let part = match v.member("part") {
        None => None,
        Some(name) => f.found(name.string().and_then(|name| PartOfDay::ALL.into_iter().find(|p| p.name() == name)), "part"),
    };
    Event {
        id: f.text(Some(v), "id", "id"),
        day: f.found(day, "day").unwrap_or_default() as i32,
        precision: f.found(precision, "precision").unwrap_or(Precision::ALL[0]),
        part,
        about: f.optional_text(v, "about"),
        title: f.text(Some(v), "title", "title"),
        text: f.text(Some(v), "text", "text"),
        source: Passage {
            paragraph: f.text(source.as_ref(), "paragraph", "source.paragraph"),
            text: f.text(source.as_ref(), "text", "source.text"),
        },
        inferred: f.optional_text(v, "inferred"),
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{read_article, read_synopsis, Json, Reading, DATA_ID};
    use crate::spoilers::SpoilerText;
    use js_sys::{Array, Reflect, JSON};
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    impl Json for JsValue {
        fn member(&self, key: &str) -> Option<Self> {
            if !self.is_object() {
                return None;
            }
            Reflect::get(self, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
        }
        fn string(&self) -> Option<String> {
            self.as_string()
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn items(&self) -> Option<impl Iterator<Item = Self> + use<>> {
            Array::is_array(self).then(|| Array::from(self).into_iter())
        }
    }

    /// What a root's data block gave.
    #[derive(Clone, Copy)]
    pub enum Block {
        /// No block: not a page of ours, or the dev server's page for a broken content file.
        Absent,
        /// A block the reader could not take the article from.
        Unreadable,
        Read(&'static Reading),
    }

    thread_local! {
        /// The article, read once: the page holds one data block, and every
        /// `<look-back-article>` on a host page a copy of the same one, as this wasm is the
        /// program of one site's build.
        static READ: std::cell::OnceCell<Block> = const { std::cell::OnceCell::new() };
    }

    /// The article of the data block inside `root` (the page's document element, or an element's
    /// fragment), read the first time and kept for the life of the page. What was wrong with it
    /// is said once, in one line of the console.
    pub fn from_root(root: &web_sys::Element) -> Block {
        let read = || {
            let Some(json) = root.query_selector(&format!("#{DATA_ID}")).ok().flatten().and_then(|block| block.text_content()) else {
                return Block::Absent;
            };
            let (block, problem) = match JSON::parse(&json).ok().map(|value| read_article(&value)) {
                None => (Block::Unreadable, "cannot be read (not JSON)".to_owned()),
                Some(Err(field)) => (Block::Unreadable, format!("cannot be read ({field} missing or wrong)")),
                Some(Ok(reading)) if reading.problems.is_empty() => return Block::Read(Box::leak(Box::new(reading))),
                Some(Ok(reading)) => {
                    let problem = format!("has bad items ({} missing or wrong)", reading.problems.join("; "));
                    (Block::Read(Box::leak(Box::new(reading))), problem)
                }
            };
            // Once for the page, whatever the part it stops.
            let parts = if matches!(block, Block::Read(_)) { "the parts that need them" } else { "all parts" };
            web_sys::console::error_1(&format!("Look Back: the data block #{DATA_ID} {problem}: {parts} stay as pre-rendered.").into());
            block
        };
        READ.with(|block| *block.get_or_init(read))
    }

    /// Fetches the synopsis from `url` into `text`; a failure is a state the blocks show.
    pub fn fetch_synopsis(url: String, text: RwSignal<SpoilerText>) {
        // The page may ask before any part is hydrated, so before Leptos has set up its executor.
        wasm_bindgen_futures::spawn_local(async move {
            let json = fetch_text(&url).await;
            let synopsis = json.and_then(|json| read_synopsis(&JSON::parse(&json).ok()?).ok());
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
}
