//! Trunk's post-build hook: renders the article into the staged `index.html`, so the page
//! reads in full before any script runs, and moves Trunk's inline start-up script to a file
//! so the page needs no 'unsafe-inline'. The wasm then hydrates this very markup.

use leptos::prelude::*;
use look_back::app::{App, Head};
use look_back::page::{externalize_loader, fill_page};
use std::path::{Path, PathBuf};

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from)
        .unwrap_or_else(|| fail("give the folder holding index.html, or run me as a Trunk hook"));
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap_or_else(|e| fail(&format!("{}: {e}", index.display())));
    let head = view! { <Head article=look_back::article() /> }.to_html();
    let body = view! { <App /> }.to_html();
    let page = fill_page(&html, &head, &body).unwrap_or_else(|e| fail(&format!("{}: {e}", index.display())));
    let (page, loader) = externalize_loader(&page).unwrap_or_else(|e| fail(&format!("{}: {e}", index.display())));
    if let Some(loader) = loader {
        write(&dir.join(&loader.name), &loader.contents);
    }
    write(&index, &page);
}

fn write(path: &Path, contents: &str) {
    std::fs::write(path, contents).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}
