//! Finishing Trunk's `index.html` at build time: the rendered article goes in, and Trunk's
//! inline start-up script goes out to a file of its own, so the page runs under a
//! Content-Security-Policy without 'unsafe-inline'.

use base64::Engine;
use sha2::{Digest, Sha384};

/// Puts the rendered head and body into Trunk's `index.html`, replacing what `<body>` held.
pub fn fill_page(index_html: &str, head: &str, body: &str) -> Result<String, &'static str> {
    let head_end = index_html.find("</head>").ok_or("index.html has no </head>")?;
    let body_start = index_html.find("<body").ok_or("index.html has no <body>")?;
    let body_open_end = body_start + index_html[body_start..].find('>').ok_or("<body> is not closed")? + 1;
    let body_end = index_html.rfind("</body>").ok_or("index.html has no </body>")?;
    if !(head_end < body_start && body_open_end <= body_end) {
        return Err("index.html has <head> and <body> out of order");
    }
    Ok([&index_html[..head_end], head, &index_html[head_end..body_open_end], body, &index_html[body_end..]].concat())
}

/// A file the page needs beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub name: String,
    pub contents: String,
}

/// The `sha384-…` integrity value of some bytes.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// Replaces Trunk's inline module script with an external loader that starts the wasm and,
/// if it cannot (blocked, offline, no WebAssembly), marks the page so that the controls that
/// need it say so. Returns the page and the loader; a page without Trunk's script is returned
/// as it is.
///
/// Trunk's preload of the wasm goes: the loader fetches the wasm itself once the text is
/// painted, with the preload's integrity, which browsers enforce on a fetch but ignore on a
/// preload. Fetched before the paint, the wasm competed with the text for a slow link.
pub fn externalize_loader(html: &str) -> Result<(String, Option<Asset>), &'static str> {
    let Some(start) = html.find("<script type=\"module\">") else { return Ok((html.to_owned(), None)) };
    let end = start + html[start..].find("</script>").ok_or("Trunk's script is not closed")? + "</script>".len();
    let (js, wasm) = trunk_entry(&html[start..end]).ok_or("Trunk's script names no module or wasm")?;
    let preload = html.match_indices("<link rel=\"preload\" ").find_map(|(at, _)| {
        let tag = &html[at..at + html[at..].find('>')? + 1];
        (quoted_after(tag, "href=\"")? == wasm).then_some((at, tag))
    });
    let wasm_source = match preload.and_then(|(_, tag)| quoted_after(tag, "integrity=\"")) {
        Some(sri) => format!("fetch('{wasm}', {{ integrity: '{sri}' }})"),
        None => format!("'{wasm}'"),
    };
    let loader = format!(
        "// Starts the interactive article. The text is already on the page; if WebAssembly cannot\n\
         // start, the page says which controls need it instead of leaving them silent.\n\
         const failed = () => {{\n  \
           document.documentElement.setAttribute('data-wasm', 'failed');\n  \
           for (const control of document.querySelectorAll('button, input')) control.setAttribute('aria-disabled', 'true');\n\
         }};\n\
         // After the first paint: on a fast connection the wasm can arrive before the text is\n\
         // painted and would hold it back. A frame that never paints (an embed out of view) goes on\n\
         // after 200 ms.\n\
         const painted = new Promise((ok) => {{\n  \
           requestAnimationFrame(() => setTimeout(ok));\n  \
           setTimeout(ok, 200);\n\
         }});\n\
         painted\n  \
           .then(() => Promise.all([import('{js}'), {wasm_source}]))\n  \
           .then(([bindings, wasm]) => bindings.default({{ module_or_path: wasm }}))\n  \
           .catch(failed);\n"
    );
    let sri = integrity(loader.as_bytes());
    let name = format!("loader-{}.js", short_hash(&sri));
    let tag = format!("<script type=\"module\" src=\"/{name}\" crossorigin=\"anonymous\" integrity=\"{sri}\"></script>");
    let mut page = [&html[..start], &tag, &html[end..]].concat();
    if let Some((_, preload)) = preload {
        page = page.replacen(preload, "", 1);
    }
    Ok((page, Some(Asset { name, contents: loader })))
}

/// The module and the wasm that Trunk's start-up script loads.
fn trunk_entry(script: &str) -> Option<(&str, &str)> {
    Some((quoted_after(script, "from '")?, quoted_after(script, "module_or_path: '")?))
}

/// `widget.js`, which defines `<look-back-article>` for publishers' pages: it loads the
/// widget's own wasm (`module`, and `wasm` with its bytes' integrity) and the page's stylesheets
/// (named here, as Trunk hashed them) into each element's shadow root. Its own name stays fixed,
/// for snippets to point at.
pub fn widget_script(html: &str, module: &str, wasm: &str, wasm_bytes: &[u8]) -> Asset {
    let styles: Vec<String> = html
        .split("<link rel=\"stylesheet\" ")
        .skip(1)
        .filter_map(|tag| quoted_after(tag, "href=\""))
        .map(|href| format!("'.{href}'"))
        .collect();
    let template = include_str!("../assets/widget.js");
    let contents = template
        .replace("'__STYLES__'", &styles.join(", "))
        .replace("__MODULE__", &format!("./{module}"))
        .replace("__WASM_INTEGRITY__", &integrity(wasm_bytes))
        .replace("__WASM__", &format!("./{wasm}"));
    Asset { name: "widget.js".into(), contents }
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
pub fn cors_subresources(html: &str) -> String {
    html.replace("<link rel=\"stylesheet\" href=", "<link rel=\"stylesheet\" crossorigin=\"anonymous\" href=")
        .replace("<link rel=\"icon\" href=", "<link rel=\"icon\" crossorigin=\"anonymous\" href=")
}

/// Joins the stylesheets Trunk linked one by one (one source file per component) into a single
/// file: on a slow connection every extra render-blocking request delays the text. `read`
/// gives a stylesheet's contents by its href. Returns the page and the bundle.
pub fn bundle_styles(html: &str, read: impl Fn(&str) -> Option<String>) -> Result<(String, Option<Asset>), &'static str> {
    const OPEN: &str = "<link rel=\"stylesheet\" ";
    let mut page = String::with_capacity(html.len());
    let mut css = String::new();
    let mut first = None;
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let end = at + rest[at..].find('>').ok_or("a stylesheet link is not closed")? + 1;
        let href = quoted_after(&rest[at..end], "href=\"").ok_or("a stylesheet link has no href")?;
        css.push_str(&read(href).ok_or("a linked stylesheet is missing")?);
        css.push('\n');
        page.push_str(&rest[..at]);
        first.get_or_insert(page.len());
        rest = &rest[end..];
    }
    page.push_str(rest);
    let Some(first) = first else { return Ok((html.to_owned(), None)) };
    let sri = integrity(css.as_bytes());
    let name = format!("styles-{}.css", short_hash(&sri));
    page.insert_str(first, &format!("<link rel=\"stylesheet\" crossorigin=\"anonymous\" href=\"/{name}\" integrity=\"{sri}\"/>"));
    Ok((page, Some(Asset { name, contents: css })))
}

/// Lets the render-blocking stylesheet have the connection first: the module is preloaded at
/// low priority, keeping its integrity.
pub fn lower_preloads(html: &str) -> String {
    html.replace("<link rel=\"modulepreload\" ", "<link rel=\"modulepreload\" fetchpriority=\"low\" ")
        .replace("<link rel=\"preload\" ", "<link rel=\"preload\" fetchpriority=\"low\" ")
}

/// Writes Leptos's hydration markers, `<!>`, as the standard empty comment `<!---->`. Browsers
/// read both as the same empty comment node, which is all hydration looks for, but `<!>` is a
/// parse error that HTML validators report. Text and attribute values are escaped, so `<!>`
/// occurs only as a marker.
pub fn standard_comments(html: &str) -> String {
    html.replace("<!>", "<!---->")
}
