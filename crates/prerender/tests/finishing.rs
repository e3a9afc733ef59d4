//! What the pre-renderer puts around the rendered article: Trunk's page finished, the head's
//! metadata, and the files the site serves beside the pages.

mod common;

use leptos::prelude::*;
use look_back::options::Section;
use look_back_prerender::{externalize_loader, fill_page, Finish, Head};

#[test]
fn the_head_is_spoiler_free() {
    let article = common::article();
    let head = view! { <Head article /> }.to_html();
    assert!(head.contains(&format!("<meta name=\"description\" content=\"{}\">", article.summary)));
    assert!(head.contains("<title>The Look Back anime had a difficult production"));
    assert!(!head.contains("Fujino"));
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
fn trunks_inline_script_moves_to_a_file_with_its_integrity() {
    let index = "<head><script type=\"module\">\nimport init, * as bindings from '/look-back-1.js';\nconst wasm = await init({ module_or_path: '/look-back-1_bg.wasm' });\n</script><link rel=x></head>";
    let (page, loader) = externalize_loader(index, Finish::AsWritten).unwrap();
    let loader = loader.unwrap();
    assert!(!page.contains("<script type=\"module\">"), "no inline script is left");
    assert!(loader.name.starts_with("loader-") && loader.name.ends_with(".js"));
    let tag = format!(
        "<script type=\"module\" src=\"/{}\" crossorigin=\"anonymous\" integrity=\"{}\"></script>",
        loader.name,
        look_back_prerender::integrity(loader.contents.as_bytes())
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
        look_back_prerender::cors_subresources(html).unwrap(),
        r#"<link rel="icon" href="/f.svg" integrity="x" crossorigin="anonymous" /><link href='/a.css' integrity=y rel=stylesheet crossorigin="anonymous"><link rel="preload" href="/w.wasm">"#
    );
}

#[test]
fn link_previews_and_search_get_spoiler_free_metadata() {
    let article = common::article();
    let head =
        view! { <Head article canonical="https://news.example/look-back/" site_name="News Example" image="social-1.png" /> }.to_html();
    for tag in [
        format!("<title>{} | News Example</title>", article.headline),
        r#"<meta property="og:site_name" content="News Example">"#.to_owned(),
        r#"<link rel="canonical" href="https://news.example/look-back/">"#.to_owned(),
        r#"<meta property="og:type" content="article">"#.to_owned(),
        format!(r#"<meta property="og:title" content="{}">"#, article.headline),
        format!(r#"<meta property="og:description" content="{}">"#, article.summary),
        r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned(),
        r#"<meta property="og:image" content="https://news.example/look-back/social-1.png">"#.to_owned(),
        r#"<meta property="og:image:width" content="1200">"#.to_owned(),
        r#"<meta property="og:image:height" content="630">"#.to_owned(),
        r#"<link rel="manifest" href="/manifest.webmanifest">"#.to_owned(),
    ] {
        assert!(head.contains(&tag), "{tag} is missing from {head}");
    }
    let json = look_back_prerender::news_article_json_ld(
        article,
        "https://news.example/look-back/",
        "News Example",
        "https://news.example/look-back/social-1.png",
    );
    assert!(head.contains(&format!(r#"<script type="application/ld+json">{json}</script>"#)));
    let credit = format!(r#"{{"@type":"Organization","name":"{}"}}"#, article.source);
    assert!(json.contains(r#""@type":"NewsArticle""#) && json.contains(&format!(r#""sourceOrganization":{credit}"#)));
    assert!(json.contains(&format!(r#""author":{credit}"#)), "the credit is the byline: {json}");
    assert!(json.contains(r#""publisher":{"@type":"Organization","name":"News Example"}"#), "{json}");
    assert!(!head.contains(&format!("| {}<", article.kicker)), "the kicker is a section, not the publisher");
    for block in &article.synopsis.blocks {
        assert!(!head.contains(&block.text[..40]));
    }
    assert!(!head.contains("Fujino") && !head.contains("Kyomoto"));
}

#[test]
fn the_page_claims_a_date_only_where_the_content_file_gives_one() {
    let mut article = common::article().clone();
    article.published = None;
    let undated: &'static _ = Box::leak(Box::new(article.clone()));
    let head = view! { <Head article=undated site_name="S" /> }.to_html();
    assert!(!head.contains("datePublished") && !head.contains("published_time"), "{head}");
    article.published = Some("2024-06-29".into());
    let dated: &'static _ = Box::leak(Box::new(article));
    let head = view! { <Head article=dated site_name="S" /> }.to_html();
    assert!(head.contains(r#""datePublished":"2024-06-29""#), "{head}");
    assert!(head.contains(r#"<meta property="article:published_time" content="2024-06-29">"#), "{head}");
}

#[test]
fn json_ld_can_never_close_its_script_element() {
    let mut article = common::article().clone();
    article.headline = r#"</script><script>alert("x")</script> & more"#.into();
    let json = look_back_prerender::news_article_json_ld(&article, "u", "s", "i");
    assert!(!json.contains('<') && !json.contains('&'), "{json}");
    assert!(json.contains(r#""headline":"\u003c/script\u003e\u003cscript\u003ealert(\"x\")\u003c/script\u003e \u0026 more""#), "{json}");
}

#[test]
fn stylesheets_are_bundled_into_one_file_with_its_integrity() {
    use look_back_prerender::bundle_styles;
    let html = r#"<head><link rel="stylesheet" href="/a.css" integrity="x"/><meta><link integrity=y href=/b.css rel=stylesheet></head>"#;
    let (page, bundle) = bundle_styles(html, |href| Some(format!("/* {href} */"))).unwrap();
    let bundle = bundle.unwrap();
    assert_eq!(bundle.contents, "/* /a.css */\n/* /b.css */\n");
    let sri = look_back_prerender::integrity(bundle.contents.as_bytes());
    assert_eq!(
        page,
        format!(r#"<head><link rel="stylesheet" crossorigin="anonymous" href="/{}" integrity="{sri}"/><meta></head>"#, bundle.name)
    );
    assert!(bundle_styles(html, |_| None).is_err(), "a missing stylesheet fails the build");
}

#[test]
fn the_link_preview_image_shows_the_headline_and_is_named_by_its_digest() {
    let article = common::article();
    let card = look_back_prerender::social_card(&article.kicker, &article.headline, &article.source).unwrap();
    assert_eq!(&card.png[12..16], b"IHDR");
    let size = |at: usize| u32::from_be_bytes(card.png[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1200, 630));
    // It records the headline it shows, for whoever reads the file.
    let needle = b"iTXtTitle\0\0\0\0\0";
    let at = card.png.windows(needle.len()).position(|w| w == needle).expect("a Title chunk");
    assert!(card.png[at + needle.len()..].starts_with(article.headline.as_bytes()));
    let name = card.name.strip_prefix("social-").and_then(|n| n.strip_suffix(".png")).unwrap();
    assert!(name.len() == 16 && name.bytes().all(|b| b.is_ascii_hexdigit()), "{}", card.name);
    // Another headline is another file, so that link previews never show a stale one.
    let other = look_back_prerender::social_card(&article.kicker, "Another headline", &article.source).unwrap();
    assert_ne!(other.name, card.name);
    // A long headline is set smaller, and one that cannot fit says so.
    assert!(look_back_prerender::social_card("K", &"A rather long headline ".repeat(4), "S").is_ok());
    let endless = look_back_prerender::social_card("K", &"word ".repeat(200), "S").err().unwrap();
    assert!(endless.contains("too long for the link-preview image"), "{endless}");
}

#[test]
fn a_character_the_card_cannot_draw_is_named_for_the_editor() {
    let article = common::article();
    let shown = [("kicker", article.kicker.as_str()), ("headline", article.headline.as_str()), ("source", article.source.as_str())];
    assert_eq!(look_back_prerender::missing_glyphs(&shown), Vec::<String>::new(), "the shipped words can be drawn");
    let missing = look_back_prerender::missing_glyphs(&[("headline", "Look Back 🎬")]);
    assert_eq!(missing.len(), 1);
    assert!(missing[0].starts_with("headline: ") && missing[0].contains("\"🎬\""), "{missing:?}");
}

#[test]
fn the_manifest_names_the_article_and_its_icons() {
    let article = common::article();
    let manifest = look_back_prerender::manifest_json(article);
    assert!(manifest.contains(&format!(r#""name":"{}""#, article.headline)), "{manifest}");
    for icon in ["/icon-192.png", "/icon-512.png", "/icon-maskable-512.png"] {
        assert!(manifest.contains(&format!(r#""src":"{icon}""#)), "{manifest}");
        assert!(common::root("assets").join(&icon[1..]).exists(), "{icon} is not in assets/");
    }
    for block in &article.synopsis.blocks {
        assert!(!manifest.contains(&block.text[..40]));
    }
}

#[test]
fn the_widget_script_names_its_files_and_the_wasm_digest() {
    let fragment =
        look_back_prerender::Fragment::new(Section::Quotes, r#"<div class="look-back-root"><p>Q</p></div>"#, "<script>{}</script>")
            .unwrap();
    assert!(fragment.contents.ends_with("<p>Q</p><script>{}</script></div>"), "the data block is inside the root: {}", fragment.contents);
    assert!(fragment.name.starts_with("fragment-quotes-") && fragment.name.ends_with(".html"), "{}", fragment.name);
    assert!(look_back_prerender::Fragment::new(Section::Quotes, "<p>no root</p>", "").is_err());
    let program = look_back_prerender::Program { module: "w.js", wasm: "w_bg.wasm", wasm_bytes: b"wasm" };
    let widget = look_back_prerender::widget_script("element-1.css", std::slice::from_ref(&fragment), &program, Finish::AsWritten).unwrap();
    assert_eq!(widget.name, "widget.js");
    assert!(widget.contents.contains("const STYLES = ['./element-1.css']"), "{}", widget.contents);
    let named = format!(
        "const FRAGMENTS = {{ 'quotes': ['./{}', '{}'] }};",
        fragment.name,
        look_back_prerender::integrity(fragment.contents.as_bytes())
    );
    assert!(widget.contents.contains(&named), "{}", widget.contents);
    assert!(widget.contents.contains(&format!("setProperty('{}'", look_back_prerender::ELEMENT_REM)), "{}", widget.contents);
    assert!(widget.contents.contains("new URL('./w.js', here)"));
    let fetch = format!("fetch(new URL('./w_bg.wasm', here), {{ integrity: '{}' }})", look_back_prerender::integrity(b"wasm"));
    assert!(widget.contents.contains(&fetch), "{}", widget.contents);
    assert!(widget.contents.contains("const holdInputs = (root, noteParent) =>"), "held.js is filled in");
    assert!(!widget.contents.contains("__"), "every placeholder is filled");
    // It checks a host's attributes against the names the Rust side knows.
    assert!(widget.contents.contains("const SECTIONS = ['article', 'timeline', 'quotes', 'synopsis'];"), "{}", widget.contents);
    assert!(widget.contents.contains("const THEMES = ['light', 'dark'];"));
    assert!(widget.contents.contains("const ANCHOR = /^(event-|quote-)[a-z0-9][a-z0-9-]{0,63}$/;"), "{}", widget.contents);
    let theme = look_back_prerender::theme_script(include_str!("../../../assets/theme.js"));
    assert!(theme.contains("const THEMES = ['light', 'dark'];") && !theme.contains("__"), "{theme}");
}

#[test]
fn the_data_block_carries_neither_body_text_nor_spoilers_and_reads_back() {
    let article = common::article();
    let block = look_back_prerender::article_data(article);
    let json = block
        .strip_prefix(r#"<script type="application/json" id="look-back-data">"#)
        .and_then(|b| b.strip_suffix("</script>"))
        .expect("a JSON script element");
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    for (p, sent) in article.body.iter().zip(data["body"].as_array().unwrap()) {
        assert_eq!((sent["id"].as_str(), sent["text"].as_str()), (Some(p.id.as_str()), Some("")), "body text of {} is in the data", p.id);
    }
    for block in &article.synopsis.blocks {
        for sentence in block.text.split(". ") {
            assert!(!json.contains(sentence), "spoiler leaked: {sentence}");
        }
    }
    assert!(!json.contains('<'), "the JSON can never close its element");
    let back: look_back::content::Article = serde_json::from_str(json).unwrap();
    assert_eq!(back, article.without_body_text().without_spoilers());
    let synopsis: look_back::content::Synopsis = serde_json::from_str(&look_back_prerender::synopsis_json(article)).unwrap();
    assert_eq!(synopsis, article.synopsis);
}

#[test]
fn the_scripts_and_their_preloads_come_after_the_article_text() {
    let index = "<html><head><title>t</title><script type=\"module\" src=\"/loader-1.js\" integrity=\"sha384-a\"></script>\
                 <link rel=\"modulepreload\" href=\"/m.js\"><link rel=\"preload\" href=\"/m_bg.wasm\" as=\"fetch\"><link rel=\"icon\" href=\"/i.svg\"></head><body></body></html>";
    let moved = look_back_prerender::scripts_after_text(index).unwrap();
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

#[test]
fn the_template_loses_its_comments_and_keeps_its_elements() {
    let index =
        "<!doctype html><html><head><!-- for whoever edits this --><title>t</title></head>\n  <!-- here too -->\n  <body></body></html>";
    let template = look_back_prerender::without_comments(index).unwrap();
    assert_eq!(template, "<!doctype html><html><head><title>t</title></head>\n  \n  <body></body></html>");
}
