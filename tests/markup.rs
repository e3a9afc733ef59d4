//! The pre-rendered markup, from the same components the browser hydrates.
#![cfg(feature = "ssr")]

mod common;

use leptos::prelude::*;
use look_back::app::App;
use look_back::components::ArticleView;
use look_back::content::load_file;

fn page() -> String {
    let article = common::article();
    view! { <App article /> }.to_html()
}

/// What a reader reads: the markup's text, less the little links from passages to their pull
/// quotes and the hydration markers.
fn reading_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        // The links that passages carry, back to a pull quote or to the timeline, are not the text.
        if rest.starts_with("<a href=\"#pull-quote-") || rest.starts_with("<a href=\"#event-") {
            rest = &rest[rest.find("</a>").map_or(rest.len(), |e| e + 4)..];
        } else {
            rest = &rest[rest.find('>').map_or(rest.len(), |e| e + 1)..];
        }
    }
    out.push_str(rest);
    out
}

/// Text as the HTML serializer writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn every_paragraph_is_in_the_html() {
    let html = reading_text(&page());
    let article = common::article();
    for p in &article.body {
        assert!(html.contains(&escaped(&p.text)), "paragraph {} is missing", p.id);
    }
    for text in [&article.kicker, &article.headline, &article.synopsis.heading, &article.copyright] {
        assert!(html.contains(text.as_str()), "{text} is missing");
    }
    assert!(html.contains("Source: Oricon News"));
}

#[test]
fn the_page_has_landmarks_and_one_headline() {
    let html = page();
    for tag in ["<main>", "<article ", "<header ", "<footer ", "<h1 "] {
        assert!(html.contains(tag), "{tag} is missing");
    }
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains(r##"<a href="#article" class="skip-link">"##));
}

#[test]
fn the_copyright_line_is_marked_japanese() {
    assert!(page().contains(r#"<p lang="ja" class="copyright">© 藤本タツキ"#));
}

#[test]
fn the_reading_time_is_shown() {
    let minutes = common::article().reading_minutes();
    assert!(page().contains(&format!(r#"<span class="reading-time">{minutes} min read, synopsis not included</span>"#)));
}

#[test]
fn no_word_of_the_synopsis_is_pre_rendered() {
    let html = page();
    for block in &common::article().synopsis.blocks {
        for sentence in block.text.split(". ") {
            assert!(!html.contains(sentence), "spoiler leaked: {sentence}");
        }
        assert!(html.contains(&format!("Spoiler: {}", block.label)));
    }
}

#[test]
fn spoilers_are_closed_disclosure_buttons_controlling_an_empty_region() {
    let html = page();
    for block in &common::article().synopsis.blocks {
        let region = format!("spoiler-{}", block.id);
        assert!(html.contains(&format!(r#"aria-expanded="false" aria-controls="{region}""#)));
        assert!(html.contains(&format!(r#"<div id="{region}" class="spoiler-body"><!></div>"#)));
    }
    assert!(html.contains(r#"<section aria-labelledby="synopsis-heading" data-nosnippet="""#));
}

#[test]
fn markup_in_content_is_rendered_as_text() {
    let article = Box::leak(Box::new(load_file(std::path::Path::new("tests/fixtures/hostile.toml")).unwrap()));
    let html = view! { <ArticleView article /> }.to_html();
    assert!(reading_text(&html).contains("“&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;It was long.&lt;/b&gt;”"), "{html}");
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<b>"));
}

#[test]
fn every_pull_quote_is_drawn_from_a_marked_passage_and_hidden_from_screen_readers() {
    let html = page();
    let article = common::article();
    assert!(article.quotes.len() >= 2);
    for q in &article.quotes {
        // A passage that a timeline event shares starts with the event's own anchor.
        let event = article.event_anchor_of(&q.passage()).map(|id| format!(r#"<span id="{id}" class="passage-anchor"></span>"#));
        let passage =
            format!(r#"<span id="quote-{}" class="passage quoted">{}{}</span>"#, q.id, event.unwrap_or_default(), escaped(&q.text));
        assert!(html.replace("<!>", "").contains(&passage), "passage of {} is not marked", q.id);
        assert!(html.contains(&format!(r##"<a href="#pull-quote-{}" aria-label="To the pull quote" class="passage-quote-link">"##, q.id)));
        let figure = format!(
            r#"<div id="pull-quote-{}" role="group" aria-label="Pull quote from the paragraph before" class="pull-quote"><blockquote aria-hidden="true"><p>“{}”</p><footer>— Kiyotaka Oshiyama</footer></blockquote>"#,
            q.id,
            escaped(&q.text)
        );
        assert!(html.contains(&figure), "pull quote {} is missing or readable twice", q.id);
        assert!(html.replace("<!>", "").contains(&format!(r##"<a href="#quote-{}" class="in-page">Read in context</a>"##, q.id)));
    }
}

#[test]
fn a_pull_quote_follows_the_paragraph_it_comes_from() {
    let html = page();
    let body = &common::article().body;
    for q in &common::article().quotes {
        let at = |id: &str| html.find(&format!(r#"<p id="p-{id}">"#));
        let from = body.iter().position(|p| p.id == q.paragraph).unwrap();
        let quote = html.find(&format!(r#"id="pull-quote-{}""#, q.id)).unwrap();
        assert!(at(&q.paragraph).unwrap() < quote, "{} comes before its paragraph", q.id);
        if let Some(next) = body.get(from + 1) {
            assert!(quote < at(&next.id).unwrap(), "{} comes after the next paragraph", q.id);
        }
    }
}

#[test]
fn the_timeline_is_an_ordered_list_of_dated_events_each_with_one_way_to_its_sentence() {
    let html = page();
    assert!(html.contains(r#"<ol class="timeline-list">"#));
    let article = common::article();
    let mut last = 0;
    for e in &article.events {
        let at = html.find(&format!(r#"<li id="event-{}" class="timeline-event"#, e.id)).expect("event is listed");
        assert!(at > last, "{} is out of order", e.id);
        last = at;
        let row = &html[at..at + html[at..].find("</li>").unwrap()].replace("<!>", "");
        // No tabindex yet: every event is its own tab stop until the page is live.
        assert!(row.contains(r#"<button type="button" aria-pressed="false" class="event-pick">"#), "{row}");
        let anchor = article.event_anchor_of(&e.source).unwrap();
        assert_eq!(row.matches("<a ").count(), 1, "one link per row: {row}");
        assert!(
            row.contains(&format!(r##"<p hidden class="event-read"><a href="#{anchor}" class="in-page">Read it in the article</a>"##)),
            "{row}"
        );
    }
    assert!(html.contains(r#"<time datetime="2024-04"><span class="when-day">about 2½ months before</span><!></time>"#));
    assert!(html.contains(
        r#"<time datetime="2024-06-27"><span class="when-day">the day before</span><span class="when-day">, </span><span class="when-part">at noon</span></time>"#
    ));
    // Each day is headed once, and the months between are said, not drawn.
    assert_eq!(html.matches(r#"<p aria-hidden="true" class="timeline-day">the day before</p>"#).count(), 1);
    assert_eq!(html.matches(r#"<p class="timeline-gap">about 2½ months later</p>"#).count(), 1);
}

#[test]
fn a_sentence_that_a_timeline_event_comes_from_offers_the_way_back_to_it() {
    let html = page();
    let article = common::article();
    for e in &article.events {
        let anchor = article.event_anchor_of(&e.source).unwrap();
        let at = html.find(&format!(r#"id="{anchor}""#)).unwrap();
        let back = html[at..].find(r##"<a href="#event-"##).unwrap();
        let next_passage =
            ["id=\"quote-", "id=\"source-"].iter().filter_map(|p| html[at + 1..].find(p)).min().map_or(usize::MAX, |n| n + 1);
        let first = article.events.iter().find(|o| article.event_anchor_of(&o.source).as_deref() == Some(anchor.as_str())).unwrap();
        assert!(back < next_passage, "{} has no way back", e.id);
        assert!(html[at + back..]
            .starts_with(&format!(r##"<a href="#event-{}" aria-label="Back to the timeline" class="back-to-timeline"></a>"##, first.id)));
    }
}

#[test]
fn a_passage_shared_by_a_pull_quote_and_an_event_is_reached_by_each_at_its_own_address() {
    let html = page().replace("<!>", "");
    let article = common::article();
    for q in &article.quotes {
        let Some(event_anchor) = article.event_anchor_of(&q.passage()) else { continue };
        let quote_anchor = article.anchor_of(&q.passage()).unwrap();
        assert_ne!(quote_anchor, event_anchor, "the address must say where the reader came from");
        // The event's anchor opens the quote's passage, so that landing on it lands on the words.
        assert!(html.contains(&format!(
            r#"<span id="{quote_anchor}" class="passage quoted"><span id="{event_anchor}" class="passage-anchor"></span>"#
        )));
        assert!(html.contains(&format!(r##"<a href="#{quote_anchor}" class="in-page">Read in context</a>"##)));
        assert!(html.contains(&format!(r##"<a href="#{event_anchor}" class="in-page">Read it in the article</a>"##)));
    }
}

#[test]
fn the_summary_stands_under_the_headline() {
    let html = page();
    let summary = format!(r#"<p class="standfirst">{}</p>"#, escaped(&common::article().summary));
    let headline = html.find("</h1>").unwrap();
    assert_eq!(html.find(&summary), Some(headline + "</h1>".len()), "the standfirst follows the headline");
}

#[test]
fn a_quoted_passage_ends_with_its_closing_mark_then_its_link_back() {
    let html = page().replace("<!>", "");
    let article = common::article();
    for q in &article.quotes {
        // "…the full movie yet.” he said": the back link comes after the closing quotation
        // marks, held with them on one line; a passage followed by a space keeps the link
        // right after its last character, with no text between (hydration markers aside).
        let text = &article.body.iter().find(|p| p.id == q.paragraph).unwrap().text;
        let after = &text[text.find(&q.text).unwrap() + q.text.len()..];
        let closing: String = after.chars().take_while(|c| "”’\"'»),.;:!?".contains(*c)).collect();
        let end = format!(
            r##"{}</span><span class="passage-end">{}<a href="#pull-quote-{}" aria-label="To the pull quote" class="passage-quote-link">❞</a></span>"##,
            escaped(&q.text[q.text.char_indices().rev().nth(3).unwrap().0..]),
            escaped(&closing),
            q.id
        );
        assert!(html.contains(&end), "{end}");
    }
    // Passages of timeline events only are not quotes: no tint, no link.
    for e in article.events.iter().filter(|e| article.quotes.iter().all(|q| q.text != e.source.text)) {
        assert!(html.contains(&format!(r#"<span id="source-{}" class="passage">"#, e.id)), "{}", e.id);
    }
}
