//! Trunk's post-build hook: reads and checks the content file, renders the article into the
//! staged `index.html`, so the page reads in full before any script runs, and moves Trunk's
//! inline start-up script to a file so the page needs no 'unsafe-inline'. The wasm then
//! hydrates this very markup, with the data block written beside it.
//!
//! The content is read here, when the hook runs, not compiled into any program: an edit to
//! the words rebuilds no Rust. A mistake in it is printed once per mistake and stops the build;
//! under `scripts/serve` (`LOOK_BACK_SERVE` set) the page shows the mistakes instead, and the
//! dev server reloads it when the file is saved again.

use leptos::prelude::*;
use look_back::app::App;
use look_back::article_data::SYNOPSIS_FILE;
use look_back::build::{
    article_data, article_json, brotli, bundle_styles, cors_subresources, element_stylesheet, externalize_loader, fill_page, first_height,
    gzip, headers, inline_styles, integrity, is_compressed_copy, lower_preloads, manifest_json, oembed_json, passages_on_demand,
    scripts_after_text, social_image_title, standard_comments, style_hash, synopsis_json, theme_script, widget_script, worth_compressing,
    ContentErrors, Finish, Head, Site, LOCAL_URL, OEMBED_WIDTH, PHONE_WIDTH,
};
use look_back::content::{load_file, Article};
use look_back::embed::{attr, FirstHeights};
use look_back::options::{PageOptions, Section};
use std::path::{Path, PathBuf};

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .unwrap_or_else(|| fail("give the folder holding index.html, or run me as a Trunk hook"));
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap_or_else(|e| failed_at(&index, &e.to_string()));
    let article = read_article(&dir, &html);
    // A release is minified and precompressed; a `trunk serve` build is neither, for speed.
    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let finish = if release { Finish::Minified } else { Finish::AsWritten };
    let html = finish_scripts(&dir, &html, finish);
    let bundled = std::cell::RefCell::new(Vec::new());
    let (html, styles) = bundle_styles(&html, |href| {
        let file = dir.join(href.trim_start_matches('/'));
        bundled.borrow_mut().push(file.clone());
        let css = std::fs::read_to_string(&file).ok()?;
        Some(finish.stylesheet(&css).unwrap_or_else(|e| failed_at(&file, &e)))
    })
    .unwrap_or_else(|e| failed_at(&index, e));
    // The pages carry the bundle inline; only the custom element links a file of it.
    let element_css = element_stylesheet(styles.as_ref().map_or("", |s| s.contents.as_str()));
    write(&dir.join(&element_css.name), &element_css.contents);
    // Their contents now live in the bundle.
    for file in bundled.into_inner() {
        let _ = std::fs::remove_file(file);
    }
    let html = cors_subresources(&html).and_then(|html| lower_preloads(&html)).unwrap_or_else(|e| failed_at(&index, e));
    // Trunk names the widget's files after its binary, without a hash.
    let (module, wasm) = ("look-back-widget.js", "look-back-widget_bg.wasm");
    let wasm_bytes =
        std::fs::read(dir.join(wasm)).unwrap_or_else(|e| fail(&format!("{wasm}: {e}: index.html must build the look-back-widget binary")));
    let widget = widget_script(&element_css.name, module, wasm, &wasm_bytes, finish).unwrap_or_else(|e| failed_at(&index, e));
    write(&dir.join(&widget.name), &widget.contents);
    // The pages carry the stylesheet inline, allowed by the CSP through its hash.
    let css = styles.map(|s| s.contents).unwrap_or_default();
    let html = inline_styles(&html, &css).unwrap_or_else(|e| failed_at(&index, e));
    let (html, loader) = externalize_loader(&html, finish).unwrap_or_else(|e| failed_at(&index, e));
    let html = scripts_after_text(&html).unwrap_or_else(|e| failed_at(&index, e));
    if let Some(loader) = loader {
        write(&dir.join(&loader.name), &loader.contents);
    }
    // Applies ?theme= before the first paint; Trunk copies in the template.
    let theme_js = dir.join("theme.js");
    let theme = theme_script(&String::from_utf8_lossy(&read(&theme_js)));
    let theme = finish.script(&theme).unwrap_or_else(|e| failed_at(&theme_js, &e));
    write(&theme_js, &theme);
    let theme = script_tag("theme.js", "", theme.as_bytes());
    // An embed's height reports to its host, in plain JavaScript so that they need no wasm.
    let frame = script_tag("frame.js", " defer", &read(&dir.join("frame.js")));
    // Links to a passage, plain JavaScript too, which the loader fetches when a reader wants one.
    let passages = integrity(&read(&dir.join("passages.js")));
    let site = Site::from_env().unwrap_or_else(|e| fail(&e));
    if release && site.is_default {
        warn_local_address();
    }
    let public = site.url.clone();
    write(&dir.join("article.json"), article_json(article));
    write(&dir.join(SYNOPSIS_FILE), synopsis_json(article));
    let data = article_data(article);
    // An owner, as in the browser, so that the components' context reaches their children.
    let render_body = |section: Option<Section>, heights: FirstHeights| {
        let options = PageOptions { section, ..PageOptions::default() };
        standard_comments(&Owner::new().with(|| {
            provide_context(heights);
            view! { <App article options=options /> }.to_html()
        }))
    };
    // Each embed page's body, rendered once: the snippets' first heights follow from it, and
    // it is what the page is written with (an embed offers no snippets, so needs no heights).
    let embed_bodies = Section::ALL.map(|section| (section, render_body(Some(section), FirstHeights::default())));
    let embed_body = |section: Section| embed_bodies.iter().find(|(s, _)| *s == section).map_or("", |(_, body)| body.as_str());
    let height_at = |section: Section, width: u32| first_height(embed_body(section), width);
    let heights = FirstHeights::new(|section| height_at(section, PHONE_WIDTH));
    std::fs::create_dir_all(dir.join("oembed")).unwrap_or_else(|e| fail(&format!("oembed: {e}")));
    for section in Section::ALL {
        write(&dir.join(format!("oembed/{}.json", section.name())), oembed_json(&site, section, article, height_at(section, OEMBED_WIDTH)));
    }
    write(&dir.join("manifest.webmanifest"), manifest_json(article));
    for section in std::iter::once(None).chain(Section::ALL.map(Some)) {
        let oembed = format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{public}oembed/{}.json\" title=\"{}\">",
            section.unwrap_or(Section::Article).name(),
            attr(&article.headline)
        );
        // What goes into <head> before the page's own. Only embeds take a host's theme and
        // report their height; the article page follows the reader's system.
        let mut extra = String::new();
        if section.is_some() {
            extra.push_str(&theme);
            extra.push_str(&frame);
        }
        extra.push_str(&oembed);
        let head = view! { <Head article section canonical=public.clone() /> }.to_html();
        let head = standard_comments(&head);
        let body = match section {
            None => render_body(None, heights.clone()),
            Some(section) => embed_body(section).to_owned(),
        };
        let body = passages_on_demand(&body, "/passages.js", &passages).unwrap_or_else(|e| failed_at(&index, e));
        let page = fill_page(&html, &format!("{extra}{head}{data}"), &body).unwrap_or_else(|e| failed_at(&index, e));
        let target = match section {
            None => index.clone(),
            Some(section) => {
                let folder = dir.join(section.path());
                std::fs::create_dir_all(&folder).unwrap_or_else(|e| fail(&format!("{}: {e}", folder.display())));
                folder.join("index.html")
            }
        };
        write(&target, &page);
    }
    // Last, so that they cover every file the site has.
    let mut files = Vec::new();
    list_files(&dir, "", &mut files);
    files.sort();
    write(&dir.join("_headers"), headers(&files, &style_hash(&css), &site.origin));
    // Only for a release: Brotli at its best takes seconds, which an editor saving under
    // `trunk serve` would wait for.
    if release {
        for name in files.iter().filter(|name| worth_compressing(name)) {
            let bytes = read(&dir.join(name));
            write(&dir.join(format!("{name}.gz")), gzip(&bytes));
            write(&dir.join(format!("{name}.br")), brotli(&bytes));
        }
    }
}

/// A release for the local address works only there: its policy names that origin, and in
/// WebKit a sandboxed embed served from anywhere else would run no script, without a sound.
fn warn_local_address() {
    let rule = "!".repeat(96);
    eprintln!(
        "{rule}\nprerender: WARNING: this release is built for {LOCAL_URL}, the local address, because \
         LOOK_BACK_PUBLIC_URL is not set.\nIts Content-Security-Policy, oEmbed files and canonical links name that address. \
         Deployed anywhere else, its embeds\nrun no script in Safari and every WebKit browser. Build with \
         LOOK_BACK_PUBLIC_URL=https://your.site/path/ for a real deploy.\n{rule}"
    );
}

/// Finishes the scripts Trunk staged as they are (its modules for the wasm, and the plain
/// scripts it copied) in place, and gives the page the new integrity of any it names.
/// `theme.js` is a template, finished once it is filled in.
fn finish_scripts(dir: &Path, html: &str, finish: Finish) -> String {
    let mut html = html.to_owned();
    if finish == Finish::AsWritten {
        return html;
    }
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.extension().is_none_or(|ext| ext != "js") || path.file_name().is_some_and(|name| name == "theme.js") {
            continue;
        }
        let js = read(&path);
        let finished = finish.script(&String::from_utf8_lossy(&js)).unwrap_or_else(|e| failed_at(&path, &e));
        html = html.replace(&integrity(&js), &integrity(finished.as_bytes()));
        write(&path, &finished);
    }
    html
}

/// Every file under `dir`, as a path from it with `/`, less `_headers` itself and the
/// precompressed copies of an earlier build.
fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir.join(prefix)).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    for entry in entries.flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(dir, &format!("{name}/"), out);
        } else if name != "_headers" && !is_compressed_copy(&name) {
            out.push(name);
        }
    }
}

/// The article of the content file (`LOOK_BACK_CONTENT`, else `content/article.toml`), checked,
/// with a link-preview image that shows its headline. Stops at any mistake; see the module's
/// docs for where it is shown.
fn read_article(dir: &Path, html: &str) -> &'static Article {
    let path = std::env::var_os("LOOK_BACK_CONTENT").map_or_else(|| PathBuf::from("content/article.toml"), PathBuf::from);
    let article = load_file(&path).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>());
    // The image belongs to the article of content/; a content file kept elsewhere (the tests'
    // fixtures, the bench's scale case) is built with the image as it is.
    let own = path.starts_with("content");
    let article = article.and_then(|article| {
        if !own {
            return Ok(article);
        }
        let png = std::fs::read(dir.join("social.png")).unwrap_or_default();
        match social_image_title(&png) {
            Some(title) if title == article.headline => Ok(article),
            _ => Err(vec![format!(
                "assets/social.png: it does not show the headline {:?}: run `node scripts/images.mjs` to draw it again",
                article.headline
            )]),
        }
    });
    match article {
        Ok(article) => Box::leak(Box::new(article)),
        Err(errors) => stop(dir, html, &errors),
    }
}

/// Prints each mistake once and stops the build; under `scripts/serve`, writes them into the
/// page and lets the dev server serve it.
fn stop(dir: &Path, html: &str, errors: &[String]) -> ! {
    for e in errors {
        eprintln!("{e}");
    }
    if std::env::var_os("LOOK_BACK_SERVE").is_none() {
        std::process::exit(1);
    }
    let errors = errors.to_vec();
    let body = Owner::new().with(|| view! { <ContentErrors errors /> }.to_html());
    let index = dir.join("index.html");
    let page =
        fill_page(html, "<title>Content error | Look Back</title>", &standard_comments(&body)).unwrap_or_else(|e| failed_at(&index, e));
    write(&index, &page);
    std::process::exit(0);
}

/// A classic script of the site's root, with its integrity; `extra` holds further attributes.
fn script_tag(name: &str, extra: &str, bytes: &[u8]) -> String {
    format!("<script src=\"/{name}\"{extra} crossorigin=\"anonymous\" integrity=\"{}\"></script>", integrity(bytes))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| failed_at(path, &e.to_string()))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) {
    std::fs::write(path, contents).unwrap_or_else(|e| failed_at(path, &e.to_string()));
}

/// Stops with a mistake in `path`; typed to stand wherever a value of `path` was expected.
fn failed_at<T>(path: &Path, message: &str) -> T {
    fail(&format!("{}: {message}", path.display()))
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}
