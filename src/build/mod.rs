//! Build time only, and so native only: what the pre-renderer adds around the rendered
//! article. The page's `<head>`, the JSON files the site serves, and the finishing of Trunk's
//! `index.html`. Nothing here reaches the wasm.

mod compress;
mod errors;
mod files;
mod head;
mod headers;
mod heights;
mod minify;
mod page;
mod site;

pub use compress::{brotli, gzip, is_compressed_copy, worth_compressing};
pub use errors::{social_image_title, ContentErrors};
pub use files::{article_data, article_json, manifest_json, news_article_json_ld, oembed_json, synopsis_json, OEMBED_WIDTH};
pub use head::Head;
pub use headers::{csp, headers, style_hash};
pub use heights::{first_height, PHONE_WIDTH};
pub use minify::Finish;
pub use page::{
    bundle_styles, cors_subresources, element_stylesheet, externalize_loader, fill_page, inline_styles, integrity, lower_preloads,
    passages_on_demand, scripts_after_text, standard_comments, theme_script, widget_script, Asset, ELEMENT_REM,
};
pub use site::{Site, LOCAL_URL};
