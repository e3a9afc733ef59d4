//! Finishing Trunk's `index.html` at build time: the rendered article goes in, the stylesheets
//! become one file, and Trunk's inline start-up script goes out to a file of its own, so the
//! page runs under a Content-Security-Policy without 'unsafe-inline'. The HTML is read with an
//! HTML rewriter, not string searches, so none of this depends on how Trunk orders or quotes
//! its attributes.

use crate::Finish;
use base64::Engine;
use lol_html::html_content::ContentType;
use lol_html::{doc_comments, element, rewrite_str, text, ElementContentHandlers, RewriteStrSettings, Selector};
use look_back::content::Anchor;
use look_back::contract;
use look_back::escape;
use look_back::options::{Section, Theme};
use sha2::{Digest, Sha384};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// A file the page needs beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub name: String,
    pub contents: String,
}

/// Runs `html` through `handlers`, one per selector.
fn rewrite<'h>(html: &str, handlers: Vec<(Cow<'_, Selector>, ElementContentHandlers<'h>)>) -> Result<String, &'static str> {
    rewrite_with(html, RewriteStrSettings { element_content_handlers: handlers, ..RewriteStrSettings::new() })
}

/// Runs `html` through `settings`: the one way this module reads and rewrites HTML.
fn rewrite_with<'h, 's>(html: &str, settings: RewriteStrSettings<'h, 's>) -> Result<String, &'static str> {
    rewrite_str(html, settings).map_err(|_| "index.html is not HTML that can be rewritten")
}

/// Trunk's `index.html` without its comments, which are for whoever edits it and would reach
/// every reader. Run before the body is filled: hydration's markers are comments too.
pub fn without_comments(index_html: &str) -> Result<String, &'static str> {
    let settings = RewriteStrSettings {
        document_content_handlers: vec![doc_comments!(|comment| {
            comment.remove();
            Ok(())
        })],
        ..RewriteStrSettings::new()
    };
    rewrite_with(index_html, settings)
}

/// Puts the rendered head and body into Trunk's `index.html`. The body goes first in
/// `<body>`, before whatever Trunk put there: under `trunk serve`, its live-reload script.
pub fn fill_page(index_html: &str, head: &str, body: &str) -> Result<String, &'static str> {
    let (heads, bodies, in_order) = (Cell::new(0), Cell::new(0), Cell::new(true));
    let page = rewrite(
        index_html,
        vec![
            element!("head", |el| {
                heads.set(heads.get() + 1);
                el.append(head, ContentType::Html);
                Ok(())
            }),
            element!("body", |el| {
                bodies.set(bodies.get() + 1);
                in_order.set(in_order.get() && heads.get() == 1);
                el.prepend(body, ContentType::Html);
                Ok(())
            }),
        ],
    )?;
    match (heads.get(), bodies.get(), in_order.get()) {
        (1, 1, true) => Ok(page),
        (0, _, _) => Err("index.html has no <head>"),
        (_, 0, _) => Err("index.html has no <body>"),
        _ => Err("index.html has <head> and <body> out of order or more than once"),
    }
}

/// The `sha384-…` integrity value of some bytes.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// Replaces Trunk's inline module script with an external loader (`assets/loader.js`) that
/// starts the wasm and, if it cannot (blocked, offline, no WebAssembly), marks the page so that
/// the controls that need it say so. Returns the page and the loader; a page without Trunk's
/// script is returned as it is.
///
/// Trunk's preload of the wasm stays, at low priority (see [`lower_preloads`]): the text and
/// its styles are all in the page, so nothing else needs the link, and the wasm is on its way
/// while the loader itself is fetched. The loader's own fetch of it, with the same integrity,
/// which browsers enforce on a fetch, takes the preloaded response.
///
/// `finish` minifies the loader in a release, before it is named by its digest.
pub fn externalize_loader(html: &str, finish: Finish) -> Result<(String, Option<Asset>), &'static str> {
    let script = RefCell::new(None::<String>);
    let preloads = RefCell::new(Vec::<(String, Option<String>)>::new());
    rewrite(
        html,
        vec![
            element!("script[type=module]", |el| {
                if el.get_attribute("src").is_none() {
                    script.borrow_mut().get_or_insert_with(String::new);
                }
                Ok(())
            }),
            text!("script[type=module]", |t| {
                if let Some(js) = script.borrow_mut().as_mut() {
                    js.push_str(t.as_str());
                }
                Ok(())
            }),
            element!("link[rel=preload][href]", |el| {
                preloads.borrow_mut().extend(el.get_attribute("href").map(|href| (href, el.get_attribute("integrity"))));
                Ok(())
            }),
        ],
    )?;
    let Some(script) = script.into_inner() else { return Ok((html.to_owned(), None)) };
    let (js, wasm) = trunk_entry(&script).ok_or("Trunk's script names no module or wasm")?;
    let preload = preloads.into_inner().into_iter().find(|(href, _)| *href == wasm);
    let wasm_source = match preload.as_ref().and_then(|(_, sri)| sri.as_deref()) {
        Some(sri) => format!("fetch('{wasm}', {{ integrity: '{sri}' }})"),
        None => format!("'{wasm}'"),
    };
    let loader = with_shared_code(include_str!("../../../assets/loader.js"))
        .replace("'__MODULE__'", &format!("'{js}'"))
        .replace("'__WASM__'", &wasm_source);
    let loader = finish.script(&loader).map_err(|_| "assets/loader.js does not parse as JavaScript")?;
    let sri = integrity(loader.as_bytes());
    let name = format!("loader-{}.js", short_hash(&sri));
    let tag = format!("<script type=\"module\" src=\"/{name}\" crossorigin=\"anonymous\" integrity=\"{sri}\"></script>");
    let replaced = Cell::new(false);
    let page = rewrite(
        html,
        vec![
            element!("script[type=module]", |el| {
                if el.get_attribute("src").is_none() && !replaced.replace(true) {
                    el.replace(&tag, ContentType::Html);
                }
                Ok(())
            }),
            // Browsers ignore integrity on a preload (and say so in the console); the fetch
            // that takes the preloaded bytes checks it.
            element!("link[rel=preload][href]", |el| {
                if el.get_attribute("href").as_deref() == Some(wasm) {
                    el.remove_attribute("integrity");
                }
                Ok(())
            }),
        ],
    )?;
    Ok((page, Some(Asset { name, contents: loader })))
}

/// The module and the wasm that Trunk's start-up script loads.
fn trunk_entry(script: &str) -> Option<(&str, &str)> {
    Some((quoted_after(script, "from '")?, quoted_after(script, "module_or_path: '")?))
}

/// The stylesheets a page links, in order.
fn stylesheets(html: &str) -> Result<Vec<String>, &'static str> {
    let hrefs = RefCell::new(Vec::new());
    rewrite(
        html,
        vec![element!("link[rel=stylesheet][href]", |el| {
            hrefs.borrow_mut().extend(el.get_attribute("href"));
            Ok(())
        })],
    )?;
    Ok(hrefs.into_inner())
}

/// A JavaScript array literal of single-quoted strings, for names that are all letters,
/// digits, dashes, dots and slashes.
fn js_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().map(|item| format!("'{item}'")).collect::<Vec<_>>().join(", ")
}

/// A script of the page's program (the loader or `widget.js`) with what they share filled in:
/// `assets/held.js`, which holds a reader's early inputs for both, where it writes
/// `/* __HELD_INPUTS__ */`, and the names of `look_back::contract`.
fn with_shared_code(template: &str) -> String {
    contract::fill(&template.replace("/* __HELD_INPUTS__ */", include_str!("../../../assets/held.js")))
}

/// One section's fragment for `<look-back-article>`: its markup as [`look_back::embed::GuestView`]
/// renders it, with the article's data block inside, which the wasm reads as it hydrates it.
/// Named by its digest, so that a deploy never changes the words under an element already open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub section: Section,
    pub name: String,
    pub contents: String,
}

impl Fragment {
    /// `body` is the rendered `GuestView`; `data`, the article's data block.
    pub fn new(section: Section, body: &str, data: &str) -> Result<Fragment, &'static str> {
        let roots = Cell::new(0);
        let contents = rewrite(
            body,
            vec![element!(".look-back-root", |el| {
                roots.set(roots.get() + 1);
                el.append(data, ContentType::Html);
                Ok(())
            })],
        )?;
        if roots.get() != 1 {
            return Err("a fragment must have one .look-back-root");
        }
        let name = format!("fragment-{}-{}.html", section.name(), short_hash(&integrity(contents.as_bytes())));
        Ok(Fragment { section, name, contents })
    }
}

/// The page's browser program, which `widget.js` starts on a publisher's page: Trunk's module
/// and the wasm it loads, by their names in the site.
pub struct Program<'a> {
    pub module: &'a str,
    pub wasm: &'a str,
    pub wasm_bytes: &'a [u8],
}

/// `widget.js`, which defines `<look-back-article>` for publishers' pages: it shows each
/// element's section from its `fragments` (with their integrity) in the element's shadow root,
/// styled by the element's `stylesheet` (from [`element_stylesheet`]), hydrates it with the
/// page's `program` (the wasm with its integrity), and checks its attributes against the
/// sections, themes and anchors the Rust side knows. Its own name stays fixed, for snippets
/// to point at.
pub fn widget_script(stylesheet: &str, fragments: &[Fragment], program: &Program<'_>, finish: Finish) -> Result<Asset, &'static str> {
    let styles = [format!("./{stylesheet}")];
    let anchors = [Anchor::Event(""), Anchor::Quote("")].map(|a| a.id()).join("|");
    let fragments = fragments
        .iter()
        .map(|f| format!("'{}': ['./{}', '{}']", f.section.name(), f.name, integrity(f.contents.as_bytes())))
        .collect::<Vec<_>>()
        .join(", ");
    let contents = with_shared_code(include_str!("../../../assets/widget.js"))
        .replace("'__STYLES__'", &js_list(styles.iter().map(String::as_str)))
        .replace("__FRAGMENTS__", &fragments)
        .replace("'__SECTIONS__'", &js_list(Section::ALL.map(Section::name)))
        .replace("'__THEMES__'", &js_list(Theme::ALL.map(Theme::name)))
        .replace("__ANCHOR__", &format!("^({anchors}){}$", Anchor::ID_PATTERN))
        .replace("__MODULE__", &format!("./{}", program.module))
        .replace("__WASM_INTEGRITY__", &integrity(program.wasm_bytes))
        .replace("__WASM__", &format!("./{}", program.wasm));
    let contents = finish.script(&contents).map_err(|_| "assets/widget.js does not parse as JavaScript")?;
    Ok(Asset { name: "widget.js".into(), contents })
}

/// Moves the page's module scripts and their preloads from `<head>` to the end of `<body>`,
/// after the article's text (which [`fill_page`] puts first in the body). The browser starts
/// them as its preload scanner reaches them, a few kilobytes later on a phone's connection.
/// In the head, they made a long article's first paint come late more often (`bench/run`'s
/// scale case measures it).
pub fn scripts_after_text(html: &str) -> Result<String, &'static str> {
    let tags = RefCell::new(String::new());
    rewrite(
        html,
        vec![
            element!("head script[type=module][src], head link[rel=modulepreload], head link[rel=preload]", |el| {
                let name = el.tag_name();
                let mut tag = format!("<{name}");
                for attribute in el.attributes() {
                    tag.push_str(&format!(" {}=\"{}\"", attribute.name(), escape::html(&attribute.value())));
                }
                tag.push('>');
                if name == "script" {
                    tag.push_str("</script>");
                }
                tags.borrow_mut().push_str(&tag);
                el.remove();
                Ok(())
            }),
            element!("body", |el| {
                el.append(&tags.borrow(), ContentType::Html);
                Ok(())
            }),
        ],
    )
}

/// Names `passages.js` (at `src`, with its `integrity`) on the page's links to a passage, if
/// it has them. The loader fetches it from there on the reader's first sign of wanting a link:
/// most never do, and the first load is lighter without it.
pub fn passages_on_demand(html: &str, src: &str, integrity: &str) -> Result<String, &'static str> {
    rewrite(
        html,
        vec![element!(&format!(".{}", contract::PASSAGE_LINKS), |el| {
            el.set_attribute(contract::PASSAGES_SCRIPT, src)?;
            el.set_attribute(contract::PASSAGES_INTEGRITY, integrity)?;
            Ok(())
        })],
    )
}

/// `theme.js`, which applies an embed's `?theme=` before the first paint, knowing the themes
/// the Rust side knows. `template` is `assets/theme.js` as Trunk copied it.
pub fn theme_script(template: &str) -> String {
    contract::fill(&template.replace("'__THEMES__'", &js_list(Theme::ALL.map(Theme::name))))
}

/// The quoted value after `prefix`, which ends with the opening quote mark.
fn quoted_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let quote = prefix.chars().last()?;
    let rest = &text[text.find(prefix)? + prefix.len()..];
    Some(&rest[..rest.find(quote)?])
}

/// Sixteen hex digits of a digest, to name a file by its contents so it can be cached forever.
fn short_hash(sri: &str) -> String {
    Sha384::digest(sri.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Fetches stylesheets and icons in CORS mode. Their integrity can then be checked from any
/// origin, including the opaque one of an embed sandboxed without allow-same-origin, where a
/// plain fetch would be blocked. The host serves them with `Access-Control-Allow-Origin`.
pub fn cors_subresources(html: &str) -> Result<String, &'static str> {
    set_attributes(html, &[("link[rel=stylesheet]", "crossorigin", "anonymous"), ("link[rel=icon]", "crossorigin", "anonymous")])
}

/// Sets an attribute on every element a selector matches, for each `(selector, name, value)`.
fn set_attributes(html: &str, rules: &[(&str, &str, &str)]) -> Result<String, &'static str> {
    rewrite(html, rules.iter().map(|&(selector, name, value)| element!(selector, move |el| Ok(el.set_attribute(name, value)?))).collect())
}

/// Joins the stylesheets Trunk linked one by one (one source file per component) into a single
/// file: on a slow connection every extra render-blocking request delays the text. `read`
/// gives a stylesheet's contents by its href. Returns the page and the bundle.
pub fn bundle_styles(html: &str, read: impl Fn(&str) -> Option<String>) -> Result<(String, Option<Asset>), &'static str> {
    let hrefs = stylesheets(html)?;
    if hrefs.is_empty() {
        return Ok((html.to_owned(), None));
    }
    let mut css = String::new();
    for href in &hrefs {
        css.push_str(&read(href).ok_or("a linked stylesheet is missing")?);
        css.push('\n');
    }
    let sri = integrity(css.as_bytes());
    let name = format!("styles-{}.css", short_hash(&sri));
    let tag = format!("<link rel=\"stylesheet\" crossorigin=\"anonymous\" href=\"/{name}\" integrity=\"{sri}\"/>");
    let first = Cell::new(true);
    let page = rewrite(
        html,
        vec![element!("link[rel=stylesheet][href]", |el| {
            if first.replace(false) {
                el.replace(&tag, ContentType::Html);
            } else {
                el.remove();
            }
            Ok(())
        })],
    )?;
    Ok((page, Some(Asset { name, contents: css })))
}

/// The custom property that stands for `rem` in the element's stylesheet: `widget.js` sets it
/// on each element to the reader's default font size.
pub const ELEMENT_REM: &str = contract::REM;

/// The stylesheet of `<look-back-article>`, made from the page's: every `rem` becomes
/// [`ELEMENT_REM`], because inside a shadow root `rem` is still the host page's root size, which
/// CMS themes often set to 62.5%. In a container query, where no custom property can stand,
/// `rem` becomes `em`: the element's own font size, which is that same size. Named by its digest.
///
/// ```
/// let sheet = look_back_prerender::element_stylesheet(":host{padding:.75rem 1rem}@container x (min-width:48rem){a{margin:-1.5rem}}");
/// assert_eq!(
///     sheet.contents,
///     ":host{padding:calc(.75*var(--look-back-rem,16px)) calc(1*var(--look-back-rem,16px))}\
///      @container x (min-width:48em){a{margin:calc(-1.5*var(--look-back-rem,16px))}}"
/// );
/// assert!(sheet.name.starts_with("element-") && sheet.name.ends_with(".css"));
/// ```
pub fn element_stylesheet(page_css: &str) -> Asset {
    let contents = rewrite_rem(page_css);
    Asset { name: format!("element-{}.css", short_hash(&integrity(contents.as_bytes()))), contents }
}

/// The text of `css` with each `<number>rem` rewritten as [`element_stylesheet`] says. Strings,
/// comments and names that merely hold digits and "rem" are kept as they are.
fn rewrite_rem(css: &str) -> String {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '\\' || !c.is_ascii();
    let mut out = String::with_capacity(css.len() * 2);
    let mut in_container = false;
    let mut rest = css;
    let mut before = ' ';
    while let Some(c) = rest.chars().next() {
        // Strings and comments go through whole.
        let skip = match c {
            '"' | '\'' => rest[1..].find(c).map_or(rest.len(), |end| end + 2),
            '/' if rest.starts_with("/*") => rest.find("*/").map_or(rest.len(), |end| end + 2),
            '@' if rest.starts_with("@container") => {
                in_container = true;
                0
            }
            '{' => {
                in_container = false;
                0
            }
            _ => 0,
        };
        if skip > 0 {
            out.push_str(&rest[..skip]);
            before = rest[..skip].chars().next_back().unwrap_or(' ');
            rest = &rest[skip..];
            continue;
        }
        let number = (!ident(before) && before != '.').then(|| number_at(rest)).flatten();
        if let Some(len) = number.filter(|&len| rest[len..].starts_with("rem") && !rest[len + 3..].starts_with(ident)) {
            let value = &rest[..len];
            if in_container {
                out.push_str(&format!("{value}em"));
            } else {
                out.push_str(&format!("calc({value}*var({ELEMENT_REM},16px))"));
            }
            before = ')';
            rest = &rest[len + 3..];
            continue;
        }
        out.push(c);
        before = c;
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of the CSS number that `text` starts with (a sign, digits, a fraction), if any.
fn number_at(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let whole = digits(at);
    at += whole;
    if bytes.get(at) == Some(&b'.') && digits(at + 1) > 0 {
        at += 1 + digits(at + 1);
    } else if whole == 0 {
        return None;
    }
    Some(at)
}

/// Puts the bundled stylesheet into the page itself, in place of its link: a linked one costs
/// a round trip before the first paint that plain HTML does not pay. The CSP allows it by its
/// hash ([`crate::style_hash`] of `css`); `<look-back-article>` still links the file.
pub fn inline_styles(html: &str, css: &str) -> Result<String, &'static str> {
    if css.contains("</") {
        return Err("the stylesheet cannot go inside <style> as it is");
    }
    let tag = format!("<style>{css}</style>");
    rewrite(
        html,
        vec![element!("link[rel=stylesheet][href]", |el| {
            el.replace(&tag, ContentType::Html);
            Ok(())
        })],
    )
}

/// Lets the page's text and its images have the connection first: the module is preloaded at
/// low priority, keeping its integrity.
pub fn lower_preloads(html: &str) -> Result<String, &'static str> {
    set_attributes(html, &[("link[rel=modulepreload]", "fetchpriority", "low"), ("link[rel=preload]", "fetchpriority", "low")])
}

/// Writes Leptos's hydration markers, `<!>`, as the standard empty comment `<!---->`. Browsers
/// read both as the same empty comment node, which is all hydration looks for, but `<!>` is a
/// parse error that HTML validators report. Text and attribute values are escaped, so `<!>`
/// occurs only as a marker.
pub fn standard_comments(html: &str) -> String {
    html.replace("<!>", "<!---->")
}

#[cfg(test)]
mod tests {
    use super::rewrite_rem;

    #[test]
    fn only_lengths_in_rem_change() {
        let kept = [r#".premium{content:"2rem"}"#, "/* 1rem */a{margin:0}", ".a1rem,.x-2rem{top:0}", "a{width:2remx}", "a{margin:1em 2px}"];
        for css in kept {
            assert_eq!(rewrite_rem(css), css);
        }
        assert_eq!(
            rewrite_rem("a{top:-.5rem;left:+2rem}"),
            "a{top:calc(-.5*var(--look-back-rem,16px));left:calc(+2*var(--look-back-rem,16px))}"
        );
        assert_eq!(rewrite_rem("a{width:calc(100% - 2rem)}"), "a{width:calc(100% - calc(2*var(--look-back-rem,16px)))}");
        assert_eq!(
            rewrite_rem("@container x (width>=48rem){a{top:1rem}}"),
            "@container x (width>=48em){a{top:calc(1*var(--look-back-rem,16px))}}"
        );
    }
}
