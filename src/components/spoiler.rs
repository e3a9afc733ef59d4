use crate::content::{Anchor, SpoilerBlock, Synopsis};
use crate::options::SpoilerChoice;
use crate::placement::placement;
use crate::prefs;
use crate::spoilers::{BlockText, SpoilerState, SpoilerText};
use leptos::prelude::*;

/// The film's synopsis, every block hidden until the reader asks for it, with controls to
/// show or hide them all and to always show them on this site.
#[component]
pub fn SynopsisSection(
    /// The synopsis from the content file.
    synopsis: &'static Synopsis,
    /// A link's say over the synopsis (`?spoilers=`); it outranks the reader's stored choice.
    #[prop(default = None)]
    choice: Option<SpoilerChoice>,
) -> impl IntoView {
    // data-nosnippet keeps search engines from quoting the story, even once a reader opens it.
    view! {
        <section class="synopsis" aria-labelledby="synopsis-heading" data-nosnippet="">
            <SynopsisContents synopsis choice />
        </section>
    }
}

/// The contents of a [`SynopsisSection`], which the page hydrates on their own.
#[component]
pub fn SynopsisContents(
    /// The synopsis from the content file.
    synopsis: &'static Synopsis,
    /// A link's say over the synopsis (`?spoilers=`); it outranks the reader's stored choice.
    #[prop(default = None)]
    choice: Option<SpoilerChoice>,
) -> impl IntoView {
    let ids: Vec<String> = synopsis.blocks.iter().map(|b| b.id.clone()).collect();
    let state = RwSignal::new(SpoilerState::default());
    let note = RwSignal::new("");
    // Effects run only in the browser and after hydration, so the pre-rendered page (always
    // closed) and the hydrated one agree before the reader's choice is applied.
    Effect::new({
        let ids = ids.clone();
        move |_| {
            let always = prefs::always_show_spoilers();
            state.set(SpoilerState::starting(ids.iter().map(String::as_str), choice, always));
        }
    });
    let all = StoredValue::new(ids);
    let show_all = move |_| all.with_value(|ids| state.update(|s| s.show_all(ids.iter().map(String::as_str))));
    let hide_all = move |_| state.update(SpoilerState::hide_all);
    // Each says it is unavailable while it would do nothing, and stays focusable, so that a
    // keyboard reader who just used it keeps their place.
    let all_shown = move || all.with_value(|ids| state.with(|s| s.all_open(ids.iter().map(String::as_str))));
    let set_always = move |ev| {
        let always = event_target_checked(&ev);
        all.with_value(|ids| state.update(|s| s.set_always(always, ids.iter().map(String::as_str))));
        let kept = prefs::remember_always_show_spoilers(always);
        let lost = always && !kept;
        note.set(if lost { "This browser keeps no settings here, so this holds until you leave the page." } else { "" });
    };
    // Inside an embed, "this site" would be the publisher's to the reader, while the choice is
    // kept for ours (or, sandboxed, not at all): the offer is made on the article page only.
    let offer_always = placement().is_own_page();
    // For a reader whose browser did not start the controls (see base.css): the synopsis on a
    // plain page of its own, reached only by asking for it with this link.
    let plain_page = format!("{}{SYNOPSIS_PAGE}", placement().base);
    let blocks = synopsis.blocks.iter().map(|block| view! { <Spoiler block=block.clone() state /> }).collect_view();
    view! {
            <h2 id="synopsis-heading">{synopsis.heading.clone()}</h2>
            <div class="spoiler-controls">
                <button type="button" class="control spoiler-all" on:click=show_all aria-disabled=move || all_shown().then_some("true")>
                    "Show all spoilers"
                </button>
                <button type="button" class="control spoiler-all" on:click=hide_all aria-disabled=move || (!state.with(SpoilerState::any_open)).then_some("true")>
                    "Hide all spoilers"
                </button>
                {offer_always.then(|| view! {
                    <label class="spoiler-always">
                        <input type="checkbox" prop:checked=move || state.with(|s| s.always) on:change=set_always />
                        "Always show spoilers on this site"
                    </label>
                })}
            </div>
            <p class="spoiler-note" role="status">{move || note.get()}</p>
            <p class="synopsis-plain">
                <a href=plain_page rel="nofollow">"Read the synopsis on a page of its own (spoilers)"</a>
            </p>
            {blocks}
    }
}

/// The synopsis's plain page, from the article's address: the one page with its words, kept out
/// of search, for readers whose browser cannot open the spoiler blocks.
pub const SYNOPSIS_PAGE: &str = "synopsis/";

/// One spoiler block, after the WAI-ARIA disclosure pattern. Its text is not in the page at
/// all until it is revealed, so neither find-in-page, text fragments nor assistive technology
/// can reach it before the reader consents.
#[component]
pub fn Spoiler(
    /// The block to hide; its label says what it spoils.
    block: SpoilerBlock,
    /// Which blocks are open, shared with the synopsis' own controls.
    state: RwSignal<SpoilerState>,
) -> impl IntoView {
    let id = StoredValue::new(block.id);
    let open = Memo::new(move |_| id.with_value(|id| state.with(|s| s.is_open(id))));
    let region = id.with_value(|id| Anchor::Spoiler(id).id());
    // A block given with its text shows it; in the browser the text comes from the synopsis's
    // own file (see `article_data`), through this context.
    let fetched = use_context::<RwSignal<SpoilerText>>();
    let own = StoredValue::new(block.text);
    let shown = move || {
        let own = own.get_value();
        if !own.is_empty() {
            return own;
        }
        let Some(fetched) = fetched else { return own };
        id.with_value(|id| {
            fetched.with(|f| match f.of(id) {
                BlockText::Text(text) => text.to_owned(),
                BlockText::Coming => "Loading…".to_owned(),
                BlockText::Unavailable => "This part of the synopsis could not be loaded. Reload the page to try again.".to_owned(),
            })
        })
    };
    view! {
        <div class="spoiler">
            <button
                type="button"
                class="spoiler-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=region.clone()
                on:click=move |_| id.with_value(|id| state.update(|s| s.toggle(id)))
            >
                <span>{format!("Spoiler: {}", block.label)}</span>
                <span class="spoiler-action" aria-hidden="true">{move || if open.get() { "Hide" } else { "Show" }}</span>
            </button>
            <div id=region class="spoiler-body" class:open=move || open.get()>
                {move || open.get().then(|| view! { <p>{shown()}</p> })}
            </div>
        </div>
    }
}
