//! The pre-rendered markup, from the same components the browser hydrates.
#![cfg(feature = "ssr")]

mod common;

use leptos::prelude::*;
use look_back::app::App;
use look_back::build::Head;
use look_back::build::{externalize_loader, fill_page, Finish};
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
    assert!(page().contains(&format!(">{minutes} min read<")));
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
fn the_head_is_spoiler_free() {
    let article = common::article();
    let head = view! { <Head article /> }.to_html();
    assert!(head.contains(&format!("<meta name=\"description\" content=\"{}\">", article.summary)));
    assert!(head.contains("<title>The Look Back anime had a difficult production"));
    assert!(!head.contains("Fujino"));
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
fn the_page_is_filled_into_trunks_index() {
    let index = "<html><head><link rel=x></head>\n<body class=\"a\"><script>reload()</script></body></html>";
    let page = fill_page(index, "<title>T</title>", "<main>new</main>").unwrap();
    let kept = "<script>reload()</script>";
    assert_eq!(
        page,
        format!("<html><head><link rel=x><title>T</title></head>\n<body class=\"a\"><main>new</main>{kept}</body></html>"),
        "trunk serve's live reload stays"
    );
    assert!(fill_page("<html><body></body></html>", "", "").is_err());
    assert!(fill_page("<body></body><head></head>", "", "").is_err());
}

#[test]
fn every_pull_quote_is_drawn_from_a_marked_passage_and_hidden_from_screen_readers() {
    let html = page();
    let article = common::article();
    assert!(article.quotes.len() >= 2);
    for q in &article.quotes {
        let passage = format!(r#"<span id="quote-{}" class="passage quoted">{}</span>"#, q.id, escaped(&q.text));
        assert!(html.contains(&passage), "passage of {} is not marked", q.id);
        assert!(html.contains(&format!(r##"<a href="#pull-quote-{}" aria-label="To the pull quote" class="passage-quote-link">"##, q.id)));
        let figure = format!(
            r#"<div id="pull-quote-{}" role="group" aria-label="Pull quote from the paragraph before" class="pull-quote"><blockquote aria-hidden="true"><p>“{}”</p><footer>— Kiyotaka Oshiyama</footer></blockquote>"#,
            q.id,
            escaped(&q.text)
        );
        assert!(html.contains(&figure), "pull quote {} is missing or readable twice", q.id);
        assert!(html.contains(&format!(r##"<a href="#quote-{}">Read in context</a>"##, q.id)));
    }
}

#[test]
fn a_pull_quote_follows_the_paragraph_it_comes_from() {
    let html = page();
    let interview = html.find(r#"<p id="p-interview">"#).unwrap();
    let reflection = html.find(r#"<p id="p-reflection">"#).unwrap();
    let crew = html.find(r#"id="pull-quote-crew""#).unwrap();
    assert!(interview < crew && crew < reflection);
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
        let row = &html[at..at + html[at..].find("</li>").unwrap()];
        // No tabindex yet: every event is its own tab stop until the page is live.
        assert!(row.contains(r#"<button type="button" aria-pressed="false" class="event-pick">"#), "{row}");
        let anchor = article.anchor_of(&e.source).unwrap();
        assert_eq!(row.matches("<a ").count(), 1, "one link per row: {row}");
        assert!(row.contains(&format!(r##"<p hidden class="event-read"><a href="#{anchor}">Read it in the article</a>"##)), "{row}");
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
        let anchor = article.anchor_of(&e.source).unwrap();
        let at = html.find(&format!(r#"id="{anchor}""#)).unwrap();
        let back = html[at..].find(r##"<a href="#event-"##).unwrap();
        let next_passage =
            ["id=\"quote-", "id=\"source-"].iter().filter_map(|p| html[at + 1..].find(p)).min().map_or(usize::MAX, |n| n + 1);
        let first = article.events.iter().find(|o| article.anchor_of(&o.source).as_deref() == Some(anchor.as_str())).unwrap();
        assert!(back < next_passage, "{} has no way back", e.id);
        assert!(html[at + back..]
            .starts_with(&format!(r##"<a href="#event-{}" aria-label="Back to the timeline" class="back-to-timeline"></a>"##, first.id)));
    }
}

#[test]
fn trunks_inline_script_moves_to_a_file_with_its_integrity() {
    let index = "<head><script type=\"module\">\nimport init, * as bindings from '/look-back-1.js';\nconst wasm = await init({ module_or_path: '/look-back-1_bg.wasm' });\n</script><link rel=x></head>";
    let (page, loader) = externalize_loader(index, Finish::AsWritten).unwrap();
    let loader = loader.unwrap();
    assert!(!page.contains("<script type=\"module\">"), "no inline script is left");
    assert!(loader.name.starts_with("loader-") && loader.name.ends_with(".js"));
    let tag = format!(
        "<script type=\"module\" src=\"/{}\" crossorigin=\"anonymous\" integrity=\"{}\"></script>",
        loader.name,
        look_back::build::integrity(loader.contents.as_bytes())
    );
    assert_eq!(page, format!("<head>{tag}<link rel=x></head>"));
    assert!(loader.contents.contains("Promise.all([import('/look-back-1.js'), '/look-back-1_bg.wasm'])"));
    assert!(loader.contents.contains("bindings.default({ module_or_path: wasm })"));
    assert!(loader.contents.contains(".catch(failed)"));
    // With Trunk's preload of the wasm, the preload stays and the fetch carries the same
    // integrity, so that it takes the preloaded response.
    let preload = r#"<link rel="preload" fetchpriority="low" href="/look-back-1_bg.wasm" crossorigin="anonymous" integrity="sha384-W" as="fetch" type="application/wasm">"#;
    let (page, loader) = externalize_loader(&index.replace("<link rel=x>", &format!("{preload}<link rel=x>")), Finish::AsWritten).unwrap();
    assert!(page.contains(&preload.replace(r#" integrity="sha384-W""#, "")), "{page}");
    assert!(loader.unwrap().contents.contains("import('/look-back-1.js'), fetch('/look-back-1_bg.wasm', { integrity: 'sha384-W' })"));
    let (same, none) = externalize_loader("<head></head>", Finish::AsWritten).unwrap();
    assert_eq!((same.as_str(), none), ("<head></head>", None));
}

#[test]
fn stylesheets_and_icons_are_fetched_in_cors_mode() {
    // In whatever order and quoting Trunk writes the attributes.
    let html = r#"<link rel="icon" href="/f.svg" integrity="x"/><link href='/a.css' integrity=y rel=stylesheet><link rel="preload" href="/w.wasm">"#;
    assert_eq!(
        look_back::build::cors_subresources(html).unwrap(),
        r#"<link rel="icon" href="/f.svg" integrity="x" crossorigin="anonymous" /><link href='/a.css' integrity=y rel=stylesheet crossorigin="anonymous"><link rel="preload" href="/w.wasm">"#
    );
}

#[test]
fn link_previews_and_search_get_spoiler_free_metadata() {
    let article = common::article();
    let head = view! { <Head article canonical="https://news.example/look-back/" /> }.to_html();
    for tag in [
        r#"<link rel="canonical" href="https://news.example/look-back/">"#.to_owned(),
        r#"<meta property="og:type" content="article">"#.to_owned(),
        format!(r#"<meta property="og:title" content="{}">"#, article.headline),
        format!(r#"<meta property="og:description" content="{}">"#, article.summary),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
        r#"<meta property="og:image" content="https://news.example/look-back/social.png">"#.to_owned(),
        r#"<meta property="og:image:width" content="1200">"#.to_owned(),
        r#"<meta property="og:image:height" content="630">"#.to_owned(),
        r#"<link rel="manifest" href="/manifest.webmanifest">"#.to_owned(),
    ] {
        assert!(head.contains(&tag), "{tag} is missing from {head}");
    }
    let json = look_back::build::news_article_json_ld(article, "https://news.example/look-back/");
    assert!(head.contains(&format!(r#"<script type="application/ld+json">{json}</script>"#)));
    assert!(
        json.contains(r#""@type":"NewsArticle""#) && json.contains(r#""sourceOrganization":{"@type":"Organization","name":"Oricon News"}"#)
    );
    for block in &article.synopsis.blocks {
        assert!(!head.contains(&block.text[..40]));
    }
    assert!(!head.contains("Fujino") && !head.contains("Kyomoto"));
}

#[test]
fn json_ld_can_never_close_its_script_element() {
    let mut article = common::article().clone();
    article.headline = r#"</script><script>alert("x")</script> & more"#.into();
    let json = look_back::build::news_article_json_ld(&article, "u");
    assert!(!json.contains('<') && !json.contains('&'), "{json}");
    assert!(json.contains(r#""headline":"\u003c/script\u003e\u003cscript\u003ealert(\"x\")\u003c/script\u003e \u0026 more""#), "{json}");
}

#[test]
fn stylesheets_are_bundled_into_one_file_with_its_integrity() {
    use look_back::build::bundle_styles;
    let html = r#"<head><link rel="stylesheet" href="/a.css" integrity="x"/><meta><link integrity=y href=/b.css rel=stylesheet></head>"#;
    let (page, bundle) = bundle_styles(html, |href| Some(format!("/* {href} */"))).unwrap();
    let bundle = bundle.unwrap();
    assert_eq!(bundle.contents, "/* /a.css */\n/* /b.css */\n");
    let sri = look_back::build::integrity(bundle.contents.as_bytes());
    assert_eq!(
        page,
        format!(r#"<head><link rel="stylesheet" crossorigin="anonymous" href="/{}" integrity="{sri}"/><meta></head>"#, bundle.name)
    );
    assert!(bundle_styles(html, |_| None).is_err(), "a missing stylesheet fails the build");
}

#[test]
fn the_social_image_shows_the_current_headline() {
    // scripts/images.mjs records the headline it drew in a PNG iTXt chunk, as UTF-8.
    let png = std::fs::read("assets/social.png").unwrap();
    assert_eq!(&png[12..16], b"IHDR");
    let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1200, 630));
    let needle = b"iTXtTitle\0\0\0\0\0";
    let at =
        png.windows(needle.len()).position(|w| w == needle).expect("assets/social.png has no Title chunk: run node scripts/images.mjs");
    let length = size(at - 4) as usize - (needle.len() - 4);
    let title = std::str::from_utf8(&png[at + needle.len()..at + needle.len() + length]).unwrap();
    assert_eq!(title, common::article().headline, "assets/social.png shows an old headline: run node scripts/images.mjs");
}

#[test]
fn the_manifest_names_the_article_and_its_icons() {
    let article = common::article();
    let manifest = look_back::build::manifest_json(article);
    assert!(manifest.contains(&format!(r#""name":"{}""#, article.headline)), "{manifest}");
    for icon in ["/icon-192.png", "/icon-512.png", "/icon-maskable-512.png"] {
        assert!(manifest.contains(&format!(r#""src":"{icon}""#)), "{manifest}");
        assert!(std::path::Path::new("assets").join(&icon[1..]).exists(), "{icon} is not in assets/");
    }
    for block in &article.synopsis.blocks {
        assert!(!manifest.contains(&block.text[..40]));
    }
}

#[test]
fn the_widget_script_names_its_files_and_the_wasm_digest() {
    let widget = look_back::build::widget_script("element-1.css", "w.js", "w_bg.wasm", b"wasm", Finish::AsWritten).unwrap();
    assert_eq!(widget.name, "widget.js");
    assert!(widget.contents.contains("const STYLES = ['./element-1.css']"), "{}", widget.contents);
    assert!(widget.contents.contains(&format!("setProperty('{}'", look_back::build::ELEMENT_REM)), "{}", widget.contents);
    assert!(widget.contents.contains("new URL('./w.js', here)"));
    let fetch = format!("fetch(new URL('./w_bg.wasm', here), {{ integrity: '{}' }})", look_back::build::integrity(b"wasm"));
    assert!(widget.contents.contains(&fetch), "{}", widget.contents);
    assert!(!widget.contents.contains("__"), "every placeholder is filled");
    // It checks a host's attributes against the names the Rust side knows.
    assert!(widget.contents.contains("const SECTIONS = ['article', 'timeline', 'quotes', 'synopsis'];"), "{}", widget.contents);
    assert!(widget.contents.contains("const THEMES = ['light', 'dark'];"));
    assert!(widget.contents.contains("const ANCHOR = /^(event-|quote-)[a-z0-9][a-z0-9-]{0,63}$/;"), "{}", widget.contents);
    let theme = look_back::build::theme_script(include_str!("../assets/theme.js"));
    assert!(theme.contains("const THEMES = ['light', 'dark'];") && !theme.contains("__"), "{theme}");
}

#[test]
fn the_data_block_carries_neither_body_text_nor_spoilers_and_reads_back() {
    let article = common::article();
    let block = look_back::build::article_data(article);
    let json = block
        .strip_prefix(r#"<script type="application/json" id="look-back-data">"#)
        .and_then(|b| b.strip_suffix("</script>"))
        .expect("a JSON script element");
    for p in &article.body {
        assert!(!json.contains(&p.text[..40]), "body text of {} is in the data", p.id);
    }
    for block in &article.synopsis.blocks {
        for sentence in block.text.split(". ") {
            assert!(!json.contains(sentence), "spoiler leaked: {sentence}");
        }
    }
    assert!(!json.contains('<'), "the JSON can never close its element");
    let back: look_back::content::Article = serde_json::from_str(json).unwrap();
    assert_eq!(back, article.without_body_text().without_spoilers());
    let synopsis: look_back::content::Synopsis = serde_json::from_str(&look_back::build::synopsis_json(article)).unwrap();
    assert_eq!(synopsis, article.synopsis);
    let widget: look_back::content::Article = serde_json::from_str(&look_back::build::article_json(article)).unwrap();
    assert_eq!(widget, article.without_spoilers());
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
    let html = page();
    // "…the full movie yet.” he said": the back link comes after the closing quotation mark,
    // held with it on one line.
    let crew = r##"yet.</span><span class="passage-end">”<a href="#pull-quote-crew" aria-label="To the pull quote" class="passage-quote-link">❞</a></span>"##;
    assert!(html.replace("<!>", "").contains(crew), "{html}");
    // A passage followed by a space keeps the link right after its last character, with no
    // text between (hydration markers aside).
    let html = html.replace("<!>", "");
    assert!(html.contains(r##"months.</span><span class="passage-end"><a href="#pull-quote-office""##), "{html}");
    // Passages of timeline events only are not quotes: no tint, no link.
    assert!(html.contains(r#"<span id="source-noon" class="passage">"#));
}

#[test]
fn the_scripts_and_their_preloads_come_after_the_article_text() {
    let index = "<html><head><title>t</title><script type=\"module\" src=\"/loader-1.js\" integrity=\"sha384-a\"></script>\
                 <link rel=\"modulepreload\" href=\"/m.js\"><link rel=\"preload\" href=\"/m_bg.wasm\" as=\"fetch\"><link rel=\"icon\" href=\"/i.svg\"></head><body></body></html>";
    let moved = look_back::build::scripts_after_text(index).unwrap();
    let page = fill_page(&moved, "", "<main><p>The article.</p></main>").unwrap();
    let head = &page[..page.find("</head>").unwrap()];
    assert!(!head.contains("loader-1.js") && !head.contains("preload"), "{head}");
    assert!(head.contains("rel=\"icon\""), "other links stay: {head}");
    let text = page.find("The article.").unwrap();
    for tag in [
        "<script type=\"module\" src=\"/loader-1.js\" integrity=\"sha384-a\"></script>",
        "<link rel=\"modulepreload\" href=\"/m.js\">",
        "<link rel=\"preload\" href=\"/m_bg.wasm\" as=\"fetch\">",
    ] {
        let at = page.find(tag).unwrap_or_else(|| panic!("{tag} is gone: {page}"));
        assert!(at > text && at < page.find("</body>").unwrap(), "{tag} is not after the text: {page}");
    }
}
