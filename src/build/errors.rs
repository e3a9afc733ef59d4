//! What the build says when the content is not right: the page an editor sees under
//! `scripts/serve` instead of the article, and the check that the link-preview image shows the
//! current headline.

use leptos::prelude::*;

/// The dev server's page while the content file has mistakes: each one with its file, line,
/// column and field, shown as text. It reloads by itself once the file is fixed.
#[component]
pub fn ContentErrors(
    /// The mistakes, each as the terminal shows it.
    errors: Vec<String>,
) -> impl IntoView {
    view! {
        <main class="content-errors">
            <h1>"The article cannot be shown: its content has a mistake"</h1>
            <ul>{errors.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
            <p>"Fix it and save the file: this page reloads by itself."</p>
        </main>
    }
}

/// The headline that `scripts/images.mjs` drew into the link-preview image, from the PNG's
/// `Title` text chunk; none if the file has none.
pub fn social_image_title(png: &[u8]) -> Option<String> {
    let needle = b"iTXtTitle\0\0\0\0\0";
    let at = png.windows(needle.len()).position(|w| w == needle)?;
    let length = u32::from_be_bytes(png.get(at.checked_sub(4)?..at)?.try_into().ok()?) as usize;
    let text = png.get(at + needle.len()..at + 4 + length)?;
    String::from_utf8(text.to_vec()).ok()
}
