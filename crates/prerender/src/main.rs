//! Trunk's post-build hook: finishes the staged site (see the crate's docs). Each step is a
//! function of the library; a step that fails ends the build with one line saying what failed
//! and why.

use anyhow::{anyhow, Result};
use look_back_prerender as step;
use look_back_prerender::{Bodies, Site, Staging};
use std::process::ExitCode;

fn main() -> ExitCode {
    match build() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The steps, in the order they depend on one another.
fn build() -> Result<()> {
    let staging = Staging::from_env()?;
    let site = Site::from_env().map_err(|e| anyhow!(e))?;
    let index = staging.read_text("index.html")?;
    // The content first: a mistake in it stops the rest, or becomes the dev server's page.
    let Some(article) = step::read_article(&staging, &index)? else { return Ok(()) };
    step::warn_if_local(&staging, &site);
    // Scripts are finished before anything names them by their digest.
    let index = step::finish_scripts(&staging, &index)?;
    let (index, css) = step::bundle_staged_styles(&staging, &index)?;
    // The element's stylesheet is made from the bundle; widget.js names it, the element's
    // fragments and the finished program.
    let element_css = step::write_element_stylesheet(&staging, &css)?;
    let fragments = step::write_fragments(&staging, &site, article)?;
    step::write_widget_script(&staging, &element_css, &fragments)?;
    let template = step::page_template(&staging, &index, &css)?;
    let scripts = step::write_head_scripts(&staging)?;
    step::write_data_files(&staging, article)?;
    let image = step::write_social_card(&staging, article)?;
    // Every page's body, rendered once: the embeds' give the snippets' first heights.
    let bodies = Bodies::render(article);
    step::write_oembed_files(&staging, &site, article, &bodies)?;
    step::write_pages(&staging, &site, article, &template, &bodies, &scripts, &image)?;
    step::write_synopsis_page(&staging, &site, article, &css)?;
    // Last: the headers cover every file, and a release's compressed copies every one too.
    step::write_headers(&staging, &site, &css)?;
    step::compress(&staging)
}
