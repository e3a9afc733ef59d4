//! The build's steps, each one concern, in the order `main` runs them. Each names what it was
//! doing when it fails, so that the build's one line of failure says what and why.

use crate::{
    article_data, brotli, bundle_styles as bundle, cors_subresources, element_stylesheet, externalize_loader, fill_page, first_height,
    gzip, headers, inline_styles, integrity, lower_preloads, manifest_json, missing_glyphs, oembed_json, passages_on_demand,
    scripts_after_text, social_card, standard_comments, style_hash, synopsis_json, synopsis_page_html, theme_script, wasm_exports,
    widget_script, without_comments, without_dead_classes, worth_compressing, ContentErrors, Fragment, Head, Program, Site, Staging,
    LOCAL_URL, OEMBED_WIDTH, PHONE_WIDTH,
};
use anyhow::{anyhow, Context, Result};
use leptos::prelude::*;
use look_back::app::App;
use look_back::article_data::SYNOPSIS_FILE;
use look_back::components::SYNOPSIS_PAGE;
use look_back::content::{load_file, Article};
use look_back::contract;
use look_back::embed::{FirstHeights, GuestView};
use look_back::escape;
use look_back::options::{PageOptions, Section};
use std::path::PathBuf;

/// The article of the content file (`LOOK_BACK_CONTENT`, else `content/article.toml`), checked,
/// with every character the link-preview image shows in its fonts. None when the content has mistakes under
/// `scripts/serve` (`LOOK_BACK_SERVE` set): the page then lists them instead, and the dev server
/// reloads it once the file is saved again. Anywhere else, a mistake fails the build.
pub fn read_article(staging: &Staging, template: &str) -> Result<Option<&'static Article>> {
    let path = std::env::var_os("LOOK_BACK_CONTENT").map_or_else(|| PathBuf::from("content/article.toml"), PathBuf::from);
    let article = load_file(&path).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>());
    let article = article.and_then(|article| {
        let shown = [("kicker", article.kicker.as_str()), ("headline", article.headline.as_str()), ("source", article.source.as_str())];
        let missing = missing_glyphs(&shown);
        if missing.is_empty() {
            Ok(article)
        } else {
            Err(missing.into_iter().map(|m| format!("{}: {m}", path.display())).collect())
        }
    });
    let errors = match article {
        Ok(article) => return Ok(Some(Box::leak(Box::new(article)))),
        Err(errors) => errors,
    };
    if std::env::var_os("LOOK_BACK_SERVE").is_none() {
        return Err(anyhow!(errors.join("\n")));
    }
    for e in &errors {
        eprintln!("{e}");
    }
    let body = Owner::new().with(|| view! { <ContentErrors errors /> }.to_html());
    let page = fill_page(template, "<title>Content error | Look Back</title>", &standard_comments(&body)).map_err(|e| anyhow!(e))?;
    staging.write("index.html", page)?;
    Ok(None)
}

/// A release for the local address works only there: its policy names that origin, and in
/// WebKit a sandboxed embed served from anywhere else would run no script, without a sound.
pub fn warn_if_local(staging: &Staging, site: &Site) {
    if !(staging.release && site.is_default) {
        return;
    }
    let rule = "!".repeat(96);
    eprintln!(
        "{rule}\nprerender: WARNING: this release is built for {LOCAL_URL}, the local address, because \
         LOOK_BACK_PUBLIC_URL is not set.\nIts Content-Security-Policy, oEmbed files and canonical links name that address. \
         Deployed anywhere else, its embeds\nrun no script in Safari and every WebKit browser. Build with \
         LOOK_BACK_PUBLIC_URL=https://your.site/path/ for a real deploy.\n{rule}"
    );
}

/// The names of the page's program as Trunk staged it: its module and its wasm.
struct ProgramFiles {
    module: String,
    wasm: String,
}

impl ProgramFiles {
    fn staged(staging: &Staging) -> Result<ProgramFiles> {
        // Trunk names both after the binary and a digest.
        let files = staging.files()?;
        let mut wasm = files.iter().filter(|f| f.starts_with("look-back-") && f.ends_with("_bg.wasm") && !f.contains('/'));
        let (Some(wasm), None) = (wasm.next(), wasm.next()) else {
            return Err(anyhow!("index.html must build one look-back binary, the page's program"));
        };
        Ok(ProgramFiles { module: format!("{}.js", wasm.trim_end_matches("_bg.wasm")), wasm: wasm.clone() })
    }
}

/// Fills in the names of `look_back::contract` and finishes the scripts Trunk staged (its
/// modules for the wasm, and the plain scripts it copied) in place, and gives the page the new
/// integrity of any it names. The program's module first loses the classes whose exports its
/// wasm no longer has ([`without_dead_classes`]). `theme.js` is a template, finished once it
/// is filled in ([`write_head_scripts`]).
pub fn finish_scripts(staging: &Staging, html: &str) -> Result<String> {
    let mut html = html.to_owned();
    let program = ProgramFiles::staged(staging)?;
    for name in staging.scripts()?.iter().filter(|name| *name != "theme.js") {
        let js = staging.read(name)?;
        let mut written = String::from_utf8_lossy(&js).into_owned();
        if *name == program.module {
            let wasm = &program.wasm;
            let exports =
                wasm_exports(&staging.read(wasm)?).map_err(|e| anyhow!(e)).with_context(|| format!("reading {wasm}'s exports"))?;
            written = without_dead_classes(&written, &exports).map_err(|e| anyhow!(e)).with_context(|| format!("trimming {name}"))?;
        }
        let filled = contract::fill(&written);
        let finished = staging.finish.script(&filled).map_err(|e| anyhow!(e)).with_context(|| format!("minifying {name}"))?;
        html = html.replace(&integrity(&js), &integrity(finished.as_bytes()));
        staging.write(name, &finished)?;
    }
    Ok(html)
}

/// The page's stylesheets, bundled into one and finished; the page links the bundle. The
/// stylesheets bundled are removed, as their contents now live in the bundle.
pub fn bundle_styles(staging: &Staging, html: &str) -> Result<(String, String)> {
    let bundled = std::cell::RefCell::new(Vec::new());
    let failed = std::cell::RefCell::new(None);
    let result = bundle(html, |href| {
        bundled.borrow_mut().push(href.to_owned());
        let css = staging.read_text(href).ok()?;
        staging.finish.stylesheet(&css).map_err(|e| failed.borrow_mut().get_or_insert(format!("{href}: {e}")).clone()).ok()
    });
    if let Some(e) = failed.into_inner() {
        return Err(anyhow!(e)).context("minifying the stylesheets");
    }
    let (html, styles) = result.map_err(|e| anyhow!(e)).context("bundling the stylesheets")?;
    for href in bundled.into_inner() {
        staging.remove(&href);
    }
    Ok((html, styles.map(|s| s.contents).unwrap_or_default()))
}

/// The custom element's stylesheet, from the page's; its name. The pages carry the bundle
/// inline; only `<look-back-article>` links a file of it.
pub fn write_element_stylesheet(staging: &Staging, page_css: &str) -> Result<String> {
    let sheet = element_stylesheet(page_css);
    staging.write(&sheet.name, &sheet.contents)?;
    Ok(sheet.name)
}

/// One fragment per section for `<look-back-article>`, its links leading to the site's public
/// address; their names and integrity, which `widget.js` records.
pub fn write_fragments(staging: &Staging, site: &Site, article: &'static Article) -> Result<Vec<Fragment>> {
    let data = article_data(article);
    let mut fragments = Vec::new();
    for section in Section::ALL {
        let body = standard_comments(&Owner::new().with(|| view! { <GuestView section article article_url=site.url.clone() /> }.to_html()));
        let fragment =
            Fragment::new(section, &body, &data).map_err(|e| anyhow!(e)).with_context(|| format!("the {} fragment", section.name()))?;
        staging.write(&fragment.name, &fragment.contents)?;
        fragments.push(fragment);
    }
    Ok(fragments)
}

/// `widget.js`, which names the element's stylesheet, its fragments and the page's program by
/// their digests: so after all of them exist, and after the program's module is finished.
pub fn write_widget_script(staging: &Staging, stylesheet: &str, fragments: &[Fragment]) -> Result<()> {
    let ProgramFiles { module, wasm } = ProgramFiles::staged(staging)?;
    let wasm_bytes = staging.read(&wasm)?;
    let program = Program { module: &module, wasm: &wasm, wasm_bytes: &wasm_bytes };
    let widget = widget_script(stylesheet, fragments, &program, staging.finish).map_err(|e| anyhow!(e))?;
    staging.write(&widget.name, &widget.contents)
}

/// Trunk's `index.html` made into the template of every page: its comments dropped,
/// subresources fetched in CORS mode, preloads lowered, the stylesheet inline (allowed by the
/// CSP through its hash), Trunk's start-up script moved to a loader file, and the scripts after
/// the text.
pub fn page_template(staging: &Staging, html: &str, css: &str) -> Result<String> {
    let index = |e: &str| anyhow!("index.html: {e}");
    let html = without_comments(html).and_then(|html| cors_subresources(&html)).and_then(|html| lower_preloads(&html)).map_err(index)?;
    let html = inline_styles(&html, css).map_err(index)?;
    let (html, loader) = externalize_loader(&html, staging.finish).map_err(index)?;
    let html = scripts_after_text(&html).map_err(index)?;
    if let Some(loader) = loader {
        staging.write(&loader.name, &loader.contents)?;
    }
    Ok(html)
}

/// The plain scripts the pages name, with their integrity.
pub struct HeadScripts {
    /// `theme.js`'s tag: applies an embed's `?theme=` before the first paint.
    pub theme: String,
    /// `frame.js`'s tag: an embed's height reports to its host, with no need of the wasm.
    pub frame: String,
    /// `passages.js`'s integrity: links to a passage, which the loader fetches when a reader
    /// wants one.
    pub passages: String,
}

/// Fills in and finishes `theme.js`, which Trunk copied as a template, and names the plain
/// scripts the pages load.
pub fn write_head_scripts(staging: &Staging) -> Result<HeadScripts> {
    let theme = theme_script(&staging.read_text("theme.js")?);
    let theme = staging.finish.script(&theme).map_err(|e| anyhow!(e)).context("minifying theme.js")?;
    staging.write("theme.js", &theme)?;
    Ok(HeadScripts {
        theme: script_tag("theme.js", "", theme.as_bytes()),
        frame: script_tag("frame.js", " defer", &staging.read("frame.js")?),
        passages: integrity(&staging.read("passages.js")?),
    })
}

/// A classic script of the site's root, with its integrity; `extra` holds further attributes.
fn script_tag(name: &str, extra: &str, bytes: &[u8]) -> String {
    format!("<script src=\"/{name}\"{extra} crossorigin=\"anonymous\" integrity=\"{}\"></script>", integrity(bytes))
}

/// The link-preview image, drawn from the article's words; its name, which names its digest.
pub fn write_social_card(staging: &Staging, article: &Article) -> Result<String> {
    let card = social_card(&article.kicker, &article.headline, &article.source).map_err(|e| anyhow!(e))?;
    staging.write(&card.name, &card.png)?;
    Ok(card.name)
}

/// The article's data files: the synopsis's words that the page and the element fetch on
/// demand, and the web app manifest.
pub fn write_data_files(staging: &Staging, article: &Article) -> Result<()> {
    staging.write(SYNOPSIS_FILE, synopsis_json(article))?;
    staging.write("manifest.webmanifest", manifest_json(article))
}

/// The body of every page the site has, rendered once each: the embeds' bodies also give
/// the snippets' first heights.
pub struct Bodies {
    embeds: Vec<(Section, String)>,
}

impl Bodies {
    pub fn render(article: &'static Article) -> Bodies {
        // An embed offers no snippets, so needs no heights.
        Bodies { embeds: Section::ALL.map(|section| (section, render_body(article, Some(section), FirstHeights::default()))).into() }
    }

    fn embed(&self, section: Section) -> &str {
        self.embeds.iter().find(|(s, _)| *s == section).map_or("", |(_, body)| body.as_str())
    }

    /// The height of a section's iframe at `width`, estimated from its body.
    pub fn height(&self, section: Section, width: u32) -> u32 {
        first_height(self.embed(section), width)
    }

    /// The article page's body, whose embed control offers each snippet with its first height.
    fn article_page(&self, article: &'static Article) -> String {
        render_body(article, None, FirstHeights::new(|section| self.height(section, PHONE_WIDTH)))
    }
}

/// A page's body, in an owner as in the browser, so that context reaches the children.
fn render_body(article: &'static Article, section: Option<Section>, heights: FirstHeights) -> String {
    let options = PageOptions { section, ..PageOptions::default() };
    standard_comments(&Owner::new().with(|| {
        provide_context(heights);
        view! { <App article options=options /> }.to_html()
    }))
}

/// One oEmbed file per section, for publishers' CMSs that turn a pasted link into an embed.
pub fn write_oembed_files(staging: &Staging, site: &Site, article: &Article, bodies: &Bodies) -> Result<()> {
    for section in Section::ALL {
        let height = bodies.height(section, OEMBED_WIDTH);
        staging.write(&format!("oembed/{}.json", section.name()), oembed_json(site, section, article, height))?;
    }
    Ok(())
}

/// The article page, `index.html`, and an embed page per section, `embed/<section>/index.html`,
/// each from the template with its head, the article's data block and its body.
pub fn write_pages(
    staging: &Staging,
    site: &Site,
    article: &'static Article,
    template: &str,
    bodies: &Bodies,
    scripts: &HeadScripts,
    image: &str,
) -> Result<()> {
    let public = &site.url;
    let data = article_data(article);
    for section in std::iter::once(None).chain(Section::ALL.map(Some)) {
        let oembed = format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{public}oembed/{}.json\" title=\"{}\">",
            section.unwrap_or(Section::Article).name(),
            escape::html(&article.headline)
        );
        // What goes into <head> before the page's own. Only embeds take a host's theme and
        // report their height; the article page follows the reader's system.
        let mut extra = String::new();
        if section.is_some() {
            extra.push_str(&scripts.theme);
            extra.push_str(&scripts.frame);
        }
        extra.push_str(&oembed);
        let head = standard_comments(
            &view! { <Head article section canonical=public.clone() site_name=site.name.clone() image=image.to_owned() /> }.to_html(),
        );
        let body = match section {
            None => bodies.article_page(article),
            Some(section) => bodies.embed(section).to_owned(),
        };
        let name = section.map_or_else(|| "index.html".to_owned(), |section| format!("{}index.html", section.path()));
        let failed = |e: &str| anyhow!("{name}: {e}");
        let body = passages_on_demand(&body, "/passages.js", &scripts.passages).map_err(failed)?;
        let page = fill_page(template, &format!("{extra}{head}{data}"), &body).map_err(failed)?;
        staging.write(&name, &page)?;
    }
    Ok(())
}

/// The synopsis's plain page, `synopsis/index.html` (see `synopsis_page`).
pub fn write_synopsis_page(staging: &Staging, site: &Site, article: &'static Article, css: &str) -> Result<()> {
    staging.write(&format!("{SYNOPSIS_PAGE}index.html"), synopsis_page_html(article, site, css))
}

/// The host's `_headers`: last of the files, so that it covers every one the site has.
pub fn write_headers(staging: &Staging, site: &Site, css: &str) -> Result<()> {
    staging.write("_headers", headers(&staging.files()?, &style_hash(css), &site.origin))
}

/// Precompressed copies of a release's text files. Only for a release: Brotli at its best
/// takes seconds, which an editor saving under `trunk serve` would wait for.
pub fn compress(staging: &Staging) -> Result<()> {
    if !staging.release {
        return Ok(());
    }
    for name in staging.files()?.iter().filter(|name| worth_compressing(name)) {
        let bytes = staging.read(name)?;
        staging.write(&format!("{name}.gz"), gzip(&bytes))?;
        staging.write(&format!("{name}.br"), brotli(&bytes))?;
    }
    Ok(())
}
