use crate::content::{Anchor, Article, Date, Event, Precision};
use crate::placement::placement;
use leptos::prelude::*;

/// One event as the timeline shows it.
#[derive(Clone)]
struct Row {
    id: String,
    title: String,
    text: String,
    /// How the event goes beyond its source, if it does.
    inferred: Option<String>,
    /// The day in words, and the part of the day if the article names one.
    day: String,
    part: Option<&'static str>,
    datetime: String,
    /// The element id of the sentence it comes from.
    anchor: String,
    /// Whether it is the first event of its day, which then heads the day.
    opens_day: bool,
    /// The time that passed since the event before, where the rail breaks instead of
    /// drawing it: "about 2½ months later".
    gap: Option<String>,
}

fn rows(article: &Article) -> Vec<Row> {
    let day_zero = Date::parse(&article.timeline.day_zero_date);
    let before = std::iter::once(None).chain(article.events.iter().map(Some));
    article
        .events
        .iter()
        .zip(before)
        .map(|(e, before): (&Event, Option<&Event>)| Row {
            id: e.id.clone(),
            title: e.title.clone(),
            text: e.text.clone(),
            inferred: e.inferred.clone(),
            day: e.day_words(),
            part: e.part.filter(|_| e.precision != Precision::Approximate).map(|p| p.phrase()),
            datetime: day_zero.map(|d| e.datetime(d)).unwrap_or_default(),
            anchor: article.event_anchor_of(&e.source).unwrap_or_default(),
            opens_day: before.is_none_or(|b| !b.same_day(e)),
            gap: before.and_then(|b| b.time_until(e)),
        })
        .collect()
}

/// The production timeline: the events down a rail, grouped by day, with a break where months
/// pass. Each event's dot is a button that chooses it; the chosen event offers its sentence
/// in the article, and that sentence offers the way back.
#[component]
pub fn TimelineSection(
    /// The article whose events, in order, the timeline shows.
    article: &'static Article,
) -> impl IntoView {
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <TimelineContents article />
        </section>
    }
}

/// The contents of a [`TimelineSection`], which the page hydrates on their own.
///
/// The events are one tab stop: arrows, Home and End move between them and choose as they
/// go, so focus and the chosen event never point at different events.
#[component]
pub fn TimelineContents(
    /// The article whose events, in order, the timeline shows.
    article: &'static Article,
) -> impl IntoView {
    let rows = rows(article);
    let last = rows.len().saturating_sub(1);
    let placement = placement();
    let ids: Vec<String> = rows.iter().map(|r| Anchor::Event(&r.id).id()).collect();

    // Before hydration every event is its own tab stop; once live, one roving stop.
    let live = RwSignal::new(false);
    let focused = RwSignal::new(0usize);
    // Nothing is chosen until the reader chooses, by pointer, keyboard or a link to an event.
    let chosen = RwSignal::new(None::<usize>);
    let list = NodeRef::<leptos::html::Ol>::new();
    let button = move |i: usize| {
        use leptos::wasm_bindgen::JsCast;
        let buttons = list.get_untracked()?.query_selector_all(".event-pick").ok()?;
        buttons.item(i as u32).map(|b| b.unchecked_into::<leptos::web_sys::HtmlElement>())
    };
    let choose = move |i: usize| {
        focused.set(i);
        chosen.set(Some(i));
    };
    // "Back to the timeline" and any other link to an event choose it, and a link followed
    // on the page brings focus back to it. A publisher's address is not ours to follow.
    let from_hash = move |focus: bool| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(i) = ids.iter().position(|id| hash.strip_prefix('#') == Some(id)) {
            choose(i);
            if focus {
                if let Some(b) = button(i) {
                    let _ = b.focus();
                }
            }
        }
    };
    let follows_address = !placement.guest;
    // Effects run only in the browser, where there is a window to listen to.
    Effect::new(move |_| {
        live.set(true);
        if !follows_address {
            return;
        }
        from_hash(false);
        let from_hash = from_hash.clone();
        // Removed with the timeline, so that a long-lived host page never calls into a
        // timeline that is gone.
        let listener = window_event_listener(leptos::ev::hashchange, move |_| from_hash(true));
        on_cleanup(move || listener.remove());
    });

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let at = focused.get_untracked();
        let to = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => (at + 1).min(last),
            "ArrowUp" | "ArrowLeft" => at.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        choose(to);
        if let Some(b) = button(to) {
            let _ = b.focus();
        }
    };

    let items = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let is_chosen = move || chosen.get() == Some(i);
            view! {
                <li id=Anchor::Event(&r.id).id() class="timeline-event" class:opens-day=r.opens_day class:chosen=is_chosen>
                    {r.gap.map(|gap| view! { <p class="timeline-gap">{gap}</p> })}
                    // Every event's time says its day to assistive technology; this is for the eye.
                    {r.opens_day.then(|| view! { <p class="timeline-day" aria-hidden="true">{r.day.clone()}</p> })}
                    <button
                        type="button"
                        class="event-pick"
                        aria-pressed=move || if is_chosen() { "true" } else { "false" }
                        tabindex=move || (live.get() && focused.get() != i).then_some("-1")
                        on:focus=move |_| focused.set(i)
                        on:click=move |_| chosen.update(|c| *c = if *c == Some(i) { None } else { Some(i) })
                    >
                        <span class="event-dot" aria-hidden="true">{(i + 1).to_string()}</span>
                        <span class="event-head">
                            <time datetime=r.datetime>
                                <span class="when-day">{r.day}</span>
                                {r.part.map(|part| view! { <span class="when-day">", "</span><span class="when-part">{part}</span> })}
                            </time>
                            <span class="event-title">{r.title}</span>
                        </span>
                    </button>
                    <p class="event-text">{r.text}</p>
                    {r.inferred.map(|note| view! { <p class="event-inferred">{note}</p> })}
                    <p class="event-read" hidden=move || !is_chosen()>
                        <a href=placement.link_to(&r.anchor) target=placement.target() rel=placement.rel() class=if placement.new_tab() { "new-tab" } else { "in-page" }>
                            "Read it in the article"
                            {placement.new_tab().then(|| view! { <span class="visually-hidden">" (opens the full article in a new tab)"</span> })}
                        </a>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 id="timeline-heading">{article.timeline.heading.clone()}</h2>
        <ol class="timeline-list" node_ref=list on:keydown=on_key>{items}</ol>
        <p class="timeline-context">
            {article.timeline.day_zero_note.clone()} " " <span>{format!("Source: {}", article.timeline.day_zero_source)}</span>
        </p>
    }
}
