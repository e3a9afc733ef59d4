//! Bringing pre-rendered markup to life one interactive part at a time: the browser program of
//! the article page, its embed pages, and every `<look-back-article>` element.
//!
//! Hydrating the whole page at once is one long task on a phone-speed CPU, and a tap in that
//! time waits. Each part is hydrated in a task of its own instead, with the browser free to
//! handle input and paint between them. The static text (headline, credits, the
//! body's paragraphs, the skip link) is never hydrated at all. Each part's element is
//! rendered by the same components natively, so the markup they hydrate is theirs.
//!
//! The page and the element differ only in their root: the page's is the document, hydrated for
//! the life of the page; an element's is its fragment inside its shadow root, and everything
//! hydrated there goes when `widget.js` drops the element's [`Hydrated`] handle.

use crate::article_data::{fetch_synopsis, from_root, Block, SYNOPSIS_FILE};
use crate::components::{pull_quote_id, PullQuoteContents, QuoteRole, SynopsisContents, TimelineContents};
use crate::contract::{
    EMBED_CODE_PART, FAILED_EVENT, HYDRATED, LIVE, LIVE_EVENT, PULL_QUOTE_PART, SYNOPSIS_PART, TIMELINE_PART, WASM_STATE, WORDS_EVENT,
    WORDS_WANTED,
};
use crate::embed::{EmbedCodeContents, FirstHeights, FIRST_HEIGHTS};
use crate::options::{PageOptions, Section};
use crate::placement::Placement;
use crate::spoilers::SpoilerText;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::prelude::wasm_bindgen;
use leptos::wasm_bindgen::JsCast;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

type Step = Box<dyn FnOnce()>;
/// What keeps a root's parts live: each part's Leptos handle, which unmounts it when dropped.
type Handles = Rc<RefCell<Vec<Box<dyn Any>>>>;

/// Takes over the pre-rendered page, if it is one of ours, and marks the document
/// `data-hydrated` once every part is live.
pub fn hydrate_page() {
    let document = document();
    // Only our own pre-rendered pages carry this marker; a publisher's page that loads this
    // program for `<look-back-article>` is not ours to hydrate.
    if document.query_selector("meta[name=look-back]").ok().flatten().is_none() {
        return;
    }
    let Some(root) = document.document_element() else { return };
    let location = document.location();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let search = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let options = PageOptions::from_location(&path, &search);
    let placement = options.section.map_or_else(Placement::default, Placement::embed_page);
    // For the life of the page.
    std::mem::forget(hydrate(root, options, placement));
}

/// One `<look-back-article>`'s live parts: dropping it, as `widget.js` does when the element
/// is removed or shows another section, unmounts them and frees what they held.
#[wasm_bindgen]
pub struct Hydrated {
    _handles: Handles,
}

/// Hydrates the fragment `root` that `widget.js` put into a `<look-back-article>`'s shadow
/// root, as `section` of the article at `article_url`, and marks it `data-hydrated` once every
/// part is live. None if it is not a fragment of ours.
#[wasm_bindgen]
pub fn hydrate_element(root: web_sys::Element, section: &str, article_url: &str) -> Option<Hydrated> {
    let section = Section::parse(section)?;
    let options = PageOptions { section: Some(section), ..PageOptions::default() };
    hydrate(root, options, Placement::guest(article_url.to_owned(), section))
}

/// Hydrates the parts that `root` holds, in reading order, then marks it `data-hydrated`. The
/// synopsis's words are not waited for: they come once their section is marked as wanted. A
/// root without the article's data block, such as the dev server's page for a broken content
/// file, is left as it is. Where the block cannot be read, the root fails as if the wasm had;
/// where it has bad items, each part that needs one fails alone and the others go live.
fn hydrate(root: web_sys::Element, options: PageOptions, placement: Placement) -> Option<Hydrated> {
    let reading = match from_root(&root) {
        Block::Absent => return None,
        Block::Unreadable => {
            fail(&root);
            return None;
        }
        Block::Read(reading) => reading,
    };
    let article = &reading.article;
    let headline = article.headline.as_str();
    let handles: Handles = Rc::default();
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    let mut parts = Parts { root: &root, handles: Rc::downgrade(&handles), placement, steps: Vec::new() };
    // The body's text is static; of it, only the pull quotes' controls need the wasm. A quote
    // is an echo on the article page and stands alone in the quotes embed.
    for quote in &article.quotes {
        for role in QuoteRole::ALL {
            // In the article, `quote-<id>` is the passage's own id; the class tells them apart.
            let selector = format!("{PULL_QUOTE_PART}#{}", pull_quote_id(&quote.id, role));
            parts.add(&selector, move || view! { <PullQuoteContents quote headline role /> });
        }
    }
    // The timeline shows every event, and links each to its quote: with one missing, it would
    // not be the markup it takes over.
    if reading.complete("events") && reading.complete("quotes") {
        parts.add(TIMELINE_PART, move || view! { <TimelineContents article /> });
    }
    let choice = options.spoilers;
    // A synopsis that lost a block stays as pre-rendered, and so never asks for its words.
    if let Some(section) = find(SYNOPSIS_PART).filter(|_| reading.complete("synopsis.blocks")) {
        let text = words(section, format!("{}{SYNOPSIS_FILE}", parts.placement.base));
        parts.add(SYNOPSIS_PART, move || {
            provide_context(text);
            view! { <SynopsisContents synopsis=&article.synopsis choice /> }
        });
    }
    let heights = find(EMBED_CODE_PART)
        .and_then(|section| section.get_attribute(FIRST_HEIGHTS))
        .and_then(|text| FirstHeights::parse(&text))
        .unwrap_or_default();
    parts.add(EMBED_CODE_PART, move || view! { <EmbedCodeContents headline heights /> });
    let mut steps = parts.steps;
    let done = Rc::downgrade(&handles);
    let bad_items = !reading.problems.is_empty();
    steps.push(Box::new(move || {
        // The end-to-end tests and the bench tell a live root from a pre-rendered one by it.
        if done.upgrade().is_some() {
            let _ = root.set_attribute(HYDRATED, "");
            // Every part that needs a bad item is still not live: the scripts fail those.
            if bad_items {
                say_failed(&root);
            }
        }
    }));
    run(steps.into_iter());
    Some(Hydrated { _handles: handles })
}

thread_local! {
    /// The synopsis's words, fetched once for every root that shows them and kept for the life
    /// of the page: a `<look-back-article>` that shows another section and back asks no more of
    /// the network or of memory. Every root of a page finds them at the same address.
    static WORDS: std::cell::OnceCell<RwSignal<SpoilerText>> = const { std::cell::OnceCell::new() };
}

/// The synopsis's words from `url`, fetched once the loader or `widget.js` has marked the first
/// `section` that shows them as wanted: before the wasm started, or later.
fn words(section: web_sys::Element, url: String) -> RwSignal<SpoilerText> {
    WORDS.with(|words| {
        *words.get_or_init(|| {
            // Made outside any part's owner (this runs in none), so that unmounting one root
            // leaves it for the others.
            let text = RwSignal::new(SpoilerText::default());
            let asked = Cell::new(false);
            let want = {
                let section = section.clone();
                move || {
                    if section.has_attribute(WORDS_WANTED) && !asked.replace(true) {
                        fetch_synopsis(url.clone(), text);
                    }
                }
            };
            if section.has_attribute(WORDS_WANTED) {
                want();
            } else {
                let listener = Closure::<dyn Fn()>::new(want);
                let _ = section.add_event_listener_with_callback(WORDS_EVENT, listener.as_ref().unchecked_ref());
                // As long as the words are kept.
                listener.forget();
            }
            text
        })
    })
}

/// The steps that hydrate a root's parts, one each.
struct Parts<'r> {
    root: &'r web_sys::Element,
    handles: Weak<RefCell<Vec<Box<dyn Any>>>>,
    placement: Placement,
    steps: Vec<Step>,
}

impl Parts<'_> {
    /// Adds a step that hydrates the element at `selector` as `view`, if the root has one.
    fn add<N: IntoView + 'static>(&mut self, selector: &str, view: impl FnOnce() -> N + 'static) {
        if let Some(element) = self.root.query_selector(selector).ok().flatten() {
            let (handles, placement) = (self.handles.clone(), self.placement.clone());
            self.steps.push(Box::new(move || hydrate_part(element.unchecked_into(), placement, view, &handles)));
        }
    }
}

/// Marks a root the wasm will not bring to life, as the scripts mark one whose wasm did not
/// start, and says so.
fn fail(root: &web_sys::Element) {
    let _ = root.set_attribute(WASM_STATE, "failed");
    say_failed(root);
}

/// Tells `assets/held.js` that the wasm has given up on `root`: on all of it, or, once the root
/// is marked hydrated, on each part that is not live. The script marks those parts as failed,
/// lets go of the taps held on them, and tells the reader why.
fn say_failed(root: &web_sys::Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(FAILED_EVENT, &init) {
        let _ = root.dispatch_event(&event);
    }
}

/// Hydrates `parent`'s children as `view`, with the article's placement in context, then says
/// it is live: the loader and `widget.js` (`assets/held.js`) hold taps and keys on a part until
/// then, and replay them on this event. The mark comes first, so that a replayed input is never
/// held again. Nothing happens once the root's handles are gone.
fn hydrate_part<N: IntoView + 'static>(
    parent: web_sys::HtmlElement,
    placement: Placement,
    view: impl FnOnce() -> N + 'static,
    handles: &Weak<RefCell<Vec<Box<dyn Any>>>>,
) {
    let Some(handles) = handles.upgrade() else { return };
    let handle = leptos::mount::hydrate_from(parent.clone(), move || {
        provide_context(placement);
        view()
    });
    handles.borrow_mut().push(Box::new(handle));
    let handles = Rc::downgrade(&handles);
    // In a task of its own, after the part's effects have set its first state, so that a
    // replayed input lands on the state a reader who waited would meet.
    Timeout::new(0, move || {
        if handles.upgrade().is_none() {
            return;
        }
        let _ = parent.set_attribute(LIVE, "");
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(LIVE_EVENT, &init) {
            let _ = parent.dispatch_event(&event);
        }
    })
    .forget();
}

/// Runs each step in a task of its own, the first one after the task that started the wasm.
fn run(mut steps: impl Iterator<Item = Step> + 'static) {
    Timeout::new(0, move || {
        if let Some(step) = steps.next() {
            step();
            run(steps);
        }
    })
    .forget();
}
