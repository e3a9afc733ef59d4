pub mod scale;

use crate::content::{Anchor, Article, Date};
use leptos::html::Ol;
use leptos::prelude::*;
use scale::{lanes, Axis, LONG_END, WIDTH, ZOOM_START};

/// The wide view draws the scale across at its own units; the phone view draws it down the
/// page at this fraction of its length, so that it fits a screen's height.
const DOWN: f64 = 0.56;
/// The dots' radii in the wide and the phone view, in the views' units.
const DOT_ACROSS: i32 = 16;
const DOT_DOWN: i32 = 14;
/// Dots closer than this on the scale stack in lanes: a wide view's dot and a hair between.
const LANE_GAP: f64 = (2 * DOT_ACROSS + 2) as f64;
/// How far the wide view keeps a dot's centre from its ends, so that no dot is cut off.
const EDGE: f64 = (DOT_ACROSS + 2) as f64;
/// Where the wide view's axis runs, and how far apart its lanes are.
const AXIS_Y: i32 = 80;
const LANE_ACROSS: i32 = 38;
/// Where the phone view's axis starts and runs, and how far apart its lanes are.
const TOP: f64 = 40.0;
const AXIS_X: i32 = 40;
const LANE_DOWN: i32 = 32;
/// The two slashes of the axis break, as fractions of the gap between the long stretch and the
/// zoomed hours.
const BREAK_MARKS: [f64; 2] = [0.3, 0.67];

/// A scale coordinate as a whole unit: plenty for the eye, and it keeps float formatting,
/// some 11 KB, out of the wasm.
fn px(v: f64) -> i32 {
    v.round() as i32
}

/// One event as the timeline shows it.
#[derive(Clone)]
struct Row {
    id: String,
    title: String,
    text: String,
    when: String,
    datetime: String,
    /// The element id of the sentence it comes from.
    anchor: String,
    position: f64,
    lane: usize,
}

/// The production timeline: a proportional scale to see the stretch at a glance, and an
/// ordered list of events, each a link to the sentence it comes from. The list is one tab
/// stop: arrows, Home and End move between events, Enter follows one.
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
#[component]
pub fn TimelineContents(
    /// The article whose events, in order, the timeline shows.
    article: &'static Article,
) -> impl IntoView {
    let day_zero = Date::parse(&article.timeline.day_zero_date);
    let axis = Axis::new(&article.events);
    let positions: Vec<f64> = article.events.iter().map(|e| axis.map_or(0.0, |a| a.position(e.hours()))).collect();
    let lanes = lanes(&positions, LANE_GAP);
    let rows: Vec<Row> = article
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| Row {
            id: e.id.clone(),
            title: e.title.clone(),
            text: e.text.clone(),
            when: e.when(),
            datetime: day_zero.map(|d| e.datetime(d)).unwrap_or_default(),
            anchor: article.anchor_of(&e.source).unwrap_or_default(),
            position: positions[i],
            lane: lanes[i],
        })
        .collect();
    let last = rows.len().saturating_sub(1);
    let links = super::links();

    // Before hydration every event is its own tab stop; once live, one roving stop.
    let live = RwSignal::new(false);
    let focused = RwSignal::new(0usize);
    // One notion of current: the event the reader chose, by pointer or keyboard. Nothing is
    // marked until they choose; from then on it is the focused one, so arrows move the mark.
    let chosen = RwSignal::new(false);
    let current = Memo::new(move |_| chosen.get().then(|| focused.get()));
    Effect::new(move |_| live.set(true));

    let list = NodeRef::<Ol>::new();
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
        focused.set(to);
        let link = list.get().and_then(|ol| ol.query_selector_all(".event-link").ok()).and_then(|l| l.item(to as u32));
        if let Some(link) = link {
            use leptos::wasm_bindgen::JsCast;
            let _ = link.unchecked_into::<leptos::web_sys::HtmlElement>().focus();
        }
    };

    let first_when = rows.first().map(|r| r.when.clone()).unwrap_or_default();
    let broken = axis.is_some_and(|a| a.broken());
    let zoom_day_start = axis.map(|a| a.position(-24));
    let zoom_day_zero = axis.map(|a| a.position(0));
    // Numbered dots, placed by `at` from a row's position on the scale and its lane.
    let dots = |at: &dyn Fn(&Row) -> (i32, i32), radius: i32| {
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                let (x, y) = at(r);
                view! {
                    <g class="dot" class:current=move || current.get() == Some(i)>
                        <circle cx=x cy=y r=radius />
                        <text x=x y=y + 6>{(i + 1).to_string()}</text>
                    </g>
                }
            })
            .collect_view()
    };
    let dots_h = dots(&|r| (px(r.position.clamp(EDGE, WIDTH - EDGE)), AXIS_Y + r.lane as i32 * LANE_ACROSS), DOT_ACROSS);
    let dots_v = dots(&|r| (AXIS_X + r.lane as i32 * LANE_DOWN, px(TOP + r.position * DOWN)), DOT_DOWN);
    let [break_a, break_b] = BREAK_MARKS.map(|f| px(LONG_END + f * (ZOOM_START - LONG_END)));
    let items = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <li id=Anchor::Event(&r.id).id() class="timeline-event" class:current=move || current.get() == Some(i)>
                    <a
                        class="event-link"
                        href=links.to(&r.anchor)
                        target=links.target()
                        rel=links.rel()
                        tabindex=move || (live.get() && focused.get() != i).then_some("-1")
                        aria-current=move || (current.get() == Some(i)).then_some("true")
                        on:focus=move |_| {
                            focused.set(i);
                            chosen.set(true);
                        }
                    >
                        <time datetime=r.datetime>{r.when}</time>
                        <span class="event-title">{r.title}</span>
                    </a>
                    <p class="event-text">{r.text}</p>
                </li>
            }
        })
        .collect_view();
    view! {
            <h2 id="timeline-heading">{article.timeline.heading.clone()}</h2>
            // The scale repeats the list below as a picture, so assistive technology skips it.
            <svg class="timeline-scale horizontal" viewBox="0 0 1000 230" aria-hidden="true" focusable="false">
                <line class="axis" x1="0" y1=AXIS_Y x2=px(if broken { LONG_END } else { WIDTH }) y2=AXIS_Y />
                {broken.then(|| view! {
                    <path class="axis-break" d=format!("M{break_a} {} l-12 32 M{break_b} {} l-12 32", AXIS_Y - 16, AXIS_Y - 16) />
                    <line class="axis zoomed" x1=px(ZOOM_START) y1=AXIS_Y x2=px(WIDTH) y2=AXIS_Y />
                })}
                <text class="axis-label" x="0" y="34">{first_when.clone()}</text>
                {zoom_day_start.map(|x| view! { <text class="axis-label" x=px(x) y="34">"the day before"</text> })}
                {zoom_day_zero.map(|x| view! { <text class="axis-label end" x=px(x) y="225">"the day of the event"</text> })}
                {dots_h}
            </svg>
            <svg class="timeline-scale vertical" viewBox="0 0 360 640" aria-hidden="true" focusable="false">
                <line class="axis" x1=AXIS_X y1=px(TOP) x2=AXIS_X y2=px(TOP + if broken { LONG_END } else { WIDTH } * DOWN) />
                {broken.then(|| view! {
                    <path class="axis-break" d=format!("M28 {} l24 -10 M28 {} l24 -10", px(TOP + f64::from(break_a) * DOWN), px(TOP + f64::from(break_b) * DOWN)) />
                    <line class="axis zoomed" x1=AXIS_X y1=px(TOP + ZOOM_START * DOWN) x2=AXIS_X y2=px(TOP + WIDTH * DOWN) />
                })}
                <text class="axis-label" x="100" y="47">{first_when}</text>
                {zoom_day_start.map(|y| view! { <text class="axis-label" x="100" y=px(TOP + y * DOWN + 7.0)>"the day before"</text> })}
                {zoom_day_zero.map(|y| view! { <text class="axis-label" x="100" y=px(TOP + y * DOWN + 7.0)>"the day of the event"</text> })}
                {dots_v}
            </svg>
            <ol class="timeline-list" node_ref=list on:keydown=on_key>{items}</ol>
            <p class="timeline-context">
                {article.timeline.day_zero_note.clone()} " " <span class="timeline-source">{format!("Source: {}", article.timeline.day_zero_source)}</span>
            </p>
    }
}
