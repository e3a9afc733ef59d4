//! Bringing the pre-rendered page to life one interactive part at a time.
//!
//! Hydrating the whole page at once was one task of some 170 ms on a phone-speed CPU: a tap
//! in that time waits. Each part is hydrated in a task of its own instead, with the browser
//! free to handle input and paint between them. The static text (headline, credits, the
//! body's paragraphs, the skip link) is never hydrated at all. Each part's element is rendered by the same
//! components natively, so the markup they hydrate is theirs.

use crate::components::embed::ARTICLE_FROM_EMBED;
use crate::components::pull_quote::element_id;
use crate::components::{EmbedCodeParts, Links, PullQuoteParts, SynopsisParts, TimelineParts};
use crate::options::PageOptions;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::time::Duration;

type Step = Box<dyn FnOnce()>;

/// Hydrates the parts that the page at hand has, in reading order, then runs `done`.
pub fn hydrate(options: PageOptions, done: impl FnOnce() + 'static) {
    let links = match options.section {
        Some(_) => Links { base: ARTICLE_FROM_EMBED.into(), new_tab: true },
        None => Links::default(),
    };
    let article = crate::article();
    let mut steps: Vec<Step> = Vec::new();
    let mut part = |selector: &str, step: Box<dyn FnOnce(web_sys::HtmlElement)>| {
        let found = document().query_selector(selector).ok().flatten();
        if let Some(element) = found {
            steps.push(Box::new(move || step(element.unchecked_into())));
        }
    };
    // The body's text is static; of it, only the pull quotes' controls need the wasm. A quote
    // is an echo on the article page and stands alone in the quotes embed.
    for quote in &article.quotes {
        for echo in [true, false] {
            let (quote, headline, links) = (quote.clone(), article.headline.clone(), links.clone());
            part(
                // In the article, `quote-<id>` is the passage's own id; the class tells them apart.
                &format!(".pull-quote#{}", element_id(&quote.id, echo)),
                Box::new(move |el| island(el, links, move || view! { <PullQuoteParts quote headline echo /> })),
            );
        }
    }
    {
        let (article, links) = (article.clone(), links.clone());
        part("section.timeline", Box::new(move |el| island(el, links, move || view! { <TimelineParts article /> })));
    }
    {
        let (synopsis, choice, links) = (article.synopsis.clone(), options.spoilers, links.clone());
        part("section.synopsis", Box::new(move |el| island(el, links, move || view! { <SynopsisParts synopsis choice /> })));
    }
    {
        let headline = article.headline.clone();
        part("section.embed-code", Box::new(move |el| island(el, links, move || view! { <EmbedCodeParts headline /> })));
    }
    if options.section.is_some() {
        let id = options.embed_id.unwrap_or_default();
        steps.push(Box::new(move || {
            // Lives as long as the page, like the parts.
            let owner = Owner::new();
            owner.with(|| crate::frame::report_height(id));
            std::mem::forget(owner);
        }));
    }
    steps.push(Box::new(done));
    run(steps.into_iter());
}

/// Hydrates `parent`'s children as `view`, with the page's links in context.
fn island<N: IntoView + 'static>(parent: web_sys::HtmlElement, links: Links, view: impl FnOnce() -> N + 'static) {
    leptos::mount::hydrate_from(parent, move || {
        provide_context(links);
        view()
    })
    .forget();
}

/// Runs each step in a task of its own, the first one after the task that started the wasm.
fn run(mut steps: impl Iterator<Item = Step> + 'static) {
    set_timeout(
        move || {
            if let Some(step) = steps.next() {
                step();
                run(steps);
            }
        },
        Duration::ZERO,
    );
}
