//! Bringing the pre-rendered page to life one interactive part at a time: the page's browser
//! program.
//!
//! Hydrating the whole page at once is one long task on a phone-speed CPU, and a tap in that
//! time waits. Each part is hydrated in a task of its own instead, with the browser free to
//! handle input and paint between them. The static text (headline, credits, the
//! body's paragraphs, the skip link) is never hydrated at all. Each part's element is
//! rendered by the same components natively, so the markup they hydrate is theirs.

use crate::article_data::{fetch_synopsis, from_page, SYNOPSIS_FILE, WORDS_EVENT, WORDS_WANTED};
use crate::components::{pull_quote_id, PullQuoteContents, QuoteRole, SynopsisContents, TimelineContents};
use crate::embed::{EmbedCodeContents, FirstHeights, FIRST_HEIGHTS};
use crate::options::PageOptions;
use crate::placement::Placement;
use crate::spoilers::SpoilerText;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use std::cell::Cell;

type Step = Box<dyn FnOnce()>;

/// Takes over the pre-rendered page, if it is one of ours, and marks the document
/// `data-hydrated` once every part is live.
pub fn hydrate_page() {
    let document = document();
    // Only our own pre-rendered pages carry this marker; anything else is not ours to hydrate.
    if document.query_selector("meta[name=look-back]").ok().flatten().is_none() {
        return;
    }
    let location = document.location();
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let search = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    hydrate(PageOptions::from_location(&path, &search), move || {
        // The end-to-end tests and the bench tell a live page from a pre-rendered one by it.
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}

/// Hydrates the parts that the page at hand has, in reading order, then runs `done` once they
/// are live. The synopsis's words are not waited for: they come as it nears the screen. A page
/// without the article's data block, such as the dev server's page for a broken content file,
/// is left as it is.
fn hydrate(options: PageOptions, done: impl FnOnce() + 'static) {
    let Some(article) = from_page() else { return };
    let placement = options.section.map_or_else(Placement::default, Placement::embed_page);
    let headline = article.headline.as_str();
    let spoiler_text = RwSignal::new(SpoilerText::default());
    if let Some(section) = document().query_selector("section.synopsis").ok().flatten() {
        fetch_words_when_wanted(section, format!("{}{SYNOPSIS_FILE}", placement.base), spoiler_text);
    }
    let mut steps: Vec<Step> = Vec::new();
    // The body's text is static; of it, only the pull quotes' controls need the wasm. A quote
    // is an echo on the article page and stands alone in the quotes embed.
    for quote in &article.quotes {
        for role in QuoteRole::ALL {
            // In the article, `quote-<id>` is the passage's own id; the class tells them apart.
            let selector = format!(".pull-quote#{}", pull_quote_id(&quote.id, role));
            part(&mut steps, &selector, placement.clone(), move || view! { <PullQuoteContents quote headline role /> });
        }
    }
    part(&mut steps, "section.timeline", placement.clone(), move || view! { <TimelineContents article /> });
    let choice = options.spoilers;
    part(&mut steps, "section.synopsis", placement.clone(), move || {
        provide_context(spoiler_text);
        view! { <SynopsisContents synopsis=&article.synopsis choice /> }
    });
    let heights = document()
        .query_selector("section.embed-code")
        .ok()
        .flatten()
        .and_then(|section| section.get_attribute(FIRST_HEIGHTS))
        .and_then(|text| FirstHeights::parse(&text))
        .unwrap_or_default();
    part(&mut steps, "section.embed-code", placement, move || view! { <EmbedCodeContents headline heights /> });
    steps.push(Box::new(done));
    run(steps.into_iter());
}

/// Fetches the synopsis's words from `url` into `text`, once, when the loader has marked their
/// `section` as wanted: before the wasm started, or later.
fn fetch_words_when_wanted(section: web_sys::Element, url: String, text: RwSignal<SpoilerText>) {
    let asked = Cell::new(false);
    let want = {
        let section = section.clone();
        move || {
            if section.has_attribute(WORDS_WANTED) && !asked.replace(true) {
                fetch_synopsis(url.clone(), text);
            }
        }
    };
    want();
    let listener = Closure::<dyn Fn()>::new(want);
    let _ = section.add_event_listener_with_callback(WORDS_EVENT, listener.as_ref().unchecked_ref());
    // For the life of the page, as the synopsis is.
    listener.forget();
}

/// Adds a step that hydrates the element at `selector` as `view`, if the page has one.
fn part<N: IntoView + 'static>(steps: &mut Vec<Step>, selector: &str, placement: Placement, view: impl FnOnce() -> N + 'static) {
    if let Some(element) = document().query_selector(selector).ok().flatten() {
        steps.push(Box::new(move || hydrate_part(element.unchecked_into(), placement, view)));
    }
}

/// Hydrates `parent`'s children as `view`, with the article's placement in context, then says it is
/// live: the loader (`assets/loader.js`) holds taps and keys on a part until then, and replays
/// them on this event. The mark comes first, so that a replayed input is never held again.
fn hydrate_part<N: IntoView + 'static>(parent: web_sys::HtmlElement, placement: Placement, view: impl FnOnce() -> N + 'static) {
    leptos::mount::hydrate_from(parent.clone(), move || {
        provide_context(placement);
        view()
    })
    .forget();
    // In a task of its own, after the part's effects have set its first state, so that a
    // replayed input lands on the state a reader who waited would meet.
    Timeout::new(0, move || {
        let _ = parent.set_attribute(LIVE, "");
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict(LIVE_EVENT, &init) {
            let _ = parent.dispatch_event(&event);
        }
    })
    .forget();
}

/// The attribute that marks a part live, and the event that says so; `assets/loader.js` knows
/// them by the same names.
const LIVE: &str = "data-live";
const LIVE_EVENT: &str = "look-back:live";

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
