//! The page an editor sees under `scripts/serve` instead of the article while the content
//! file has mistakes.

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
