//! The pre-renderer: Trunk's post-build hook, which finishes the site Trunk staged. It renders
//! the article with the app's own components into every page, so that the page reads in full
//! before any script runs, and writes the files the site serves beside them: the data the
//! browser reads, the embeds' oEmbed files, the host's `_headers`, and a release's minified
//! and precompressed copies. `main` runs the steps in their order; `docs/architecture.md`
//! says why that order.
//!
//! Build time only: none of this crate's dependencies (the minifiers, the HTML rewriter,
//! the compressors) reach the wasm or the app's own tests. Its modules are private; what the
//! binary and the tests use is re-exported here.

mod bindings;
mod compress;
mod error_page;
mod files;
mod head;
mod headers;
mod heights;
mod minify;
mod page;
mod site;
mod social_card;
mod staging;
mod steps;
mod synopsis_page;

pub use bindings::{wasm_exports, without_dead_classes};
pub use compress::{brotli, gzip, is_compressed_copy, worth_compressing};
pub use error_page::ContentErrors;
pub use files::{article_data, manifest_json, news_article_json_ld, oembed_json, synopsis_json, OEMBED_WIDTH};
pub use head::Head;
pub use headers::{csp, headers, style_hash};
pub use heights::{first_height, PHONE_WIDTH};
pub use minify::Finish;
pub use page::{
    bundle_styles, cors_subresources, element_stylesheet, externalize_loader, fill_page, inline_styles, integrity, lower_preloads,
    passages_on_demand, scripts_after_text, standard_comments, theme_script, widget_script, without_comments, Asset, Fragment, Program,
    ELEMENT_REM,
};
pub use site::{Site, LOCAL_URL};
pub use social_card::{missing_glyphs, social_card, SocialCard};
pub use staging::Staging;
pub use steps::{
    bundle_styles as bundle_staged_styles, compress, finish_scripts, page_template, read_article, warn_if_local, write_data_files,
    write_element_stylesheet, write_fragments, write_head_scripts, write_headers, write_oembed_files, write_pages, write_social_card,
    write_synopsis_page, write_widget_script, Bodies, HeadScripts,
};
pub use synopsis_page::{synopsis_page_html, SynopsisPage};
