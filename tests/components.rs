//! The components, mounted in headless Chromium: what a reader sees and does.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use look_back::components::{ArticleView, Spoiler, SynopsisSection, TimelineSection};
use look_back::content::{SpoilerBlock, Synopsis};
use look_back::spoilers::SpoilerState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The shipped article, for the life of the tests as for the life of a page. The browser reads
/// no TOML; only this test compiles the file in, to mount the components on real words.
fn article() -> &'static look_back::content::Article {
    Box::leak(Box::new(toml::from_str(include_str!("../content/article.toml")).expect("the shipped content file reads")))
}

fn container() -> HtmlElement {
    let div = document().create_element("div").unwrap().unchecked_into::<HtmlElement>();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

fn block() -> SpoilerBlock {
    SpoilerBlock { id: "t".into(), label: "how it ends".into(), text: "The hero wins.".into() }
}

#[wasm_bindgen_test]
async fn a_spoiler_shows_its_text_only_when_opened() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        let state = RwSignal::new(SpoilerState::default());
        view! { <Spoiler block=block() state /> }
    });
    let button: HtmlButtonElement = root.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Spoiler: how it endsShow");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(!root.text_content().unwrap().contains("The hero wins."));

    button.click();
    tick().await; // effects run on the next turn of the executor
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    let region = root.query_selector("#spoiler-t").unwrap().unwrap();
    assert_eq!(region.text_content().unwrap(), "The hero wins.");

    button.click();
    tick().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(!root.text_content().unwrap().contains("The hero wins."));
    root.remove();
}

fn button(root: &HtmlElement, selector: &str) -> HtmlButtonElement {
    root.query_selector(selector).unwrap().unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn show_all_and_hide_all_reach_every_block() {
    let root = container();
    // Components take the article's parts for the life of the page.
    let synopsis: &'static Synopsis = Box::leak(Box::new(Synopsis {
        heading: "Synopsis".into(),
        blocks: vec![block(), SpoilerBlock { id: "u".into(), label: "the twist".into(), text: "It was a dream.".into() }],
    }));
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <SynopsisSection synopsis /> });
    tick().await;
    let all = root.query_selector_all(".spoiler-all").unwrap();
    let (show, hide): (HtmlButtonElement, HtmlButtonElement) = (all.get(0).unwrap().unchecked_into(), all.get(1).unwrap().unchecked_into());
    assert_eq!(show.text_content().unwrap(), "Show all spoilers");
    show.click();
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("The hero wins.") && text.contains("It was a dream."));
    assert_eq!(button(&root, "[aria-controls=spoiler-u]").get_attribute("aria-expanded").as_deref(), Some("true"));
    hide.click();
    tick().await;
    let text = root.text_content().unwrap();
    assert!(!text.contains("The hero wins.") && !text.contains("It was a dream."));
    root.remove();
}

#[wasm_bindgen_test]
fn the_article_shows_every_paragraph_and_its_credits() {
    let root = container();
    let article = article();
    let expected = article.clone();
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <ArticleView article /> });
    let paragraphs = root.query_selector_all(".article-body > p").unwrap();
    assert_eq!(paragraphs.length() as usize, expected.body.len());
    for (i, p) in expected.body.iter().enumerate() {
        // Less the small links from passages to their pull quotes.
        let read = paragraphs.get(i as u32).unwrap().text_content().unwrap().replace('❞', "");
        assert_eq!(read, p.text);
    }
    let quotes = root.query_selector_all(".pull-quote blockquote[aria-hidden=true]").unwrap();
    assert_eq!(quotes.length() as usize, expected.quotes.len());
    let h1 = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), expected.headline);
    let copyright = root.query_selector(".copyright").unwrap().unwrap();
    assert_eq!(copyright.get_attribute("lang").as_deref(), Some("ja"));
    root.remove();
}

#[wasm_bindgen_test]
async fn timeline_arrows_move_the_single_tab_stop_and_choose_as_they_go() {
    let root = container();
    let article = article();
    let count = article.events.len();
    let _mounted = leptos::mount::mount_to(root.clone(), move || view! { <TimelineSection article /> });
    tick().await;
    let links = root.query_selector_all("button.event-pick").unwrap();
    assert_eq!(links.length() as usize, count);
    let stops = || root.query_selector_all("button.event-pick:not([tabindex='-1'])").unwrap();
    let chosen = || root.query_selector_all("button.event-pick[aria-pressed='true']").unwrap();
    assert_eq!(chosen().length(), 0, "nothing is chosen until the reader chooses");
    assert_eq!(stops().length(), 1);
    let list: HtmlElement = root.query_selector("ol").unwrap().unwrap().unchecked_into();
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        list.dispatch_event(&ev).unwrap();
    };
    key("End");
    tick().await;
    let stop = stops().get(0).unwrap();
    assert_eq!(stop, links.get(count as u32 - 1).unwrap());
    assert_eq!(chosen().get(0), Some(stop));
    key("Home");
    tick().await;
    assert_eq!(stops().get(0).unwrap(), links.get(0).unwrap());
    assert_eq!(chosen().length(), 1);
    assert_eq!(chosen().get(0), links.get(0));
    root.remove();
}
