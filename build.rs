//! Checks the article's content file and bakes it into the program. A mistake stops the
//! build with the file, the line and the field, as `trunk build` and `cargo` both show.

use look_back_content::{load_file, Bake};
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=LOOK_BACK_CONTENT");
    let path = std::env::var_os("LOOK_BACK_CONTENT").map_or_else(|| PathBuf::from("content/article.toml"), PathBuf::from);
    println!("cargo::rerun-if-changed={}", path.display());
    let mut article = match load_file(&path) {
        Ok(article) => article,
        Err(errors) => {
            for e in &errors {
                println!("cargo::error={e}");
            }
            std::process::exit(1);
        }
    };
    // The page's wasm hydrates only the interactive parts; the body's paragraphs stay the
    // static HTML they were rendered as, so their words would only weigh the wasm down. The
    // ids stay, for the pull quotes that follow them.
    if std::env::var_os("CARGO_FEATURE_HYDRATE").is_some() {
        for paragraph in &mut article.body {
            paragraph.text.clear();
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("article.rs"), article.bake()).expect("OUT_DIR is writable");
}
