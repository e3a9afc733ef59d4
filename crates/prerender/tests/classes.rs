//! The stylesheets' classes against the markup's: every class a rule in `style/` selects is one
//! a component (or the pre-renderer's own pages) emits, or one the scripts set
//! (`contract::SCRIPT_CLASSES`); and every class a component emits has a rule, unless it is one
//! of the few that other readers of the markup look for. A rule for a renamed class, or a class
//! nobody styles, fails here rather than going quietly unused.

use look_back::contract;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Classes emitted for something other than the stylesheet, and who reads them.
const HOOKS: [(&str, &str); 5] = [
    ("byline", "reader views and Readability find the author by it"),
    ("in-page", "says a link stays in the page, where others open a new tab; the tests read it"),
    ("source", "the tests find the article's source line by it"),
    ("reading-time", "the tests find the reading time by it"),
    ("embed-read-all", "the tests find an embed's link to the whole article by it"),
];

fn files(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut dirs = vec![Path::new(ROOT).join(dir)];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                found.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    assert!(!found.is_empty(), "no .{ext} files in {dir}");
    found
}

/// The classes the rules of `css` select: `.name` in a selector, outside comments, values and
/// at-rules' preludes.
fn selected(css: &str) -> BTreeSet<String> {
    let mut css = css.to_owned();
    while let Some(start) = css.find("/*") {
        let end = css[start..].find("*/").map_or(css.len(), |e| start + e + 2);
        css.replace_range(start..end, "");
    }
    let mut classes = BTreeSet::new();
    for piece in css.split(['{', '}']).collect::<Vec<_>>().windows(2) {
        // A selector is what comes before a `{`; a declaration block has a `:` and no `.name`
        // that is not a number.
        let (selector, _) = (piece[0], piece[1]);
        if selector.trim_start().starts_with('@') || selector.contains(';') {
            continue;
        }
        for (at, _) in selector.match_indices('.') {
            let name: String = selector[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
            if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                classes.insert(name);
            }
        }
    }
    classes
}

/// The value of each `pub const NAME: &str = "value";` in `rust`.
fn constants(rust: &str) -> Vec<(String, String)> {
    rust.lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("pub const ")?;
            let (name, value) = rest.split_once(": &str = \"")?;
            Some((name.to_owned(), value.strip_suffix("\";")?.to_owned()))
        })
        .collect()
}

/// The classes the components and pages in `rust` emit: each `class="…"` (or `class=\"…\"` in
/// markup written as text), each `class:name`, and the words of the strings and contract names
/// in a `class=` expression.
fn emitted(rust: &str, contract: &[(String, String)]) -> BTreeSet<String> {
    let mut classes = BTreeSet::new();
    let mut words = |text: &str| {
        for word in text.split_whitespace().filter(|w| !w.contains(['{', '}'])) {
            classes.insert(word.to_owned());
        }
    };
    for (at, _) in rust.match_indices("class:") {
        let name: String = rust[at + 6..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        words(&name);
    }
    for (at, _) in rust.match_indices("class=") {
        let rest = &rust[at + 6..];
        if let Some(literal) = rest.strip_prefix("\\\"") {
            words(&literal[..literal.find("\\\"").unwrap_or(0)]);
            continue;
        }
        let value = &rest[..expression_end(rest)];
        for (i, piece) in value.split('"').enumerate() {
            if i % 2 == 1 {
                words(piece);
            }
        }
        for (name, class) in contract {
            if value.contains(&format!("contract::{name}")) {
                words(class);
            }
        }
    }
    classes
}

/// Where the Rust expression at the start of `rest` ends: at white space or the tag's end
/// outside brackets and strings, or for an `if`, after its `else` block.
fn expression_end(rest: &str) -> usize {
    if rest.starts_with("if ") {
        let block = rest.find("else {").map_or(0, |e| e + 6);
        return rest[block..].find('}').map_or(rest.len(), |e| block + e + 1);
    }
    let (mut depth, mut quoted) = (0, false);
    for (at, c) in rest.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => depth -= 1,
            c if !quoted && depth == 0 && (c.is_whitespace() || c == '>') => return at,
            _ => {}
        }
    }
    rest.len()
}

#[test]
fn every_class_in_the_stylesheets_is_emitted_and_every_emitted_class_is_styled() {
    let styled: BTreeSet<String> = files("style", "css").iter().flat_map(|(_, css)| selected(css)).collect();
    let contract = constants(&fs::read_to_string(Path::new(ROOT).join("src/contract.rs")).unwrap());
    let mut emitted: BTreeSet<String> = BTreeSet::new();
    for dir in ["src", "crates/prerender/src"] {
        for (_, rust) in files(dir, "rs") {
            emitted.extend(self::emitted(&rust, &contract));
        }
    }
    let scripts: BTreeSet<String> = contract::SCRIPT_CLASSES.iter().map(|c| c.to_string()).collect();
    let unused: Vec<_> = styled.iter().filter(|c| !emitted.contains(*c) && !scripts.contains(*c)).collect();
    assert!(unused.is_empty(), "style/ has rules for classes that nothing emits: {unused:?}");
    // A class the scripts look for (a name of the contract) need not be styled.
    let looked_for = |class: &str| contract.iter().any(|(_, name)| name == class);
    let unstyled: Vec<_> =
        emitted.iter().filter(|c| !styled.contains(*c) && !looked_for(c) && !HOOKS.iter().any(|(hook, _)| hook == c)).collect();
    assert!(unstyled.is_empty(), "classes emitted with no rule in style/: {unstyled:?}");
    for (hook, _) in HOOKS {
        assert!(emitted.contains(hook) && !styled.contains(hook), "{hook} is no longer a hook: drop it from HOOKS");
    }
    for class in contract::SCRIPT_CLASSES {
        assert!(styled.contains(class) && !emitted.contains(class), "{class} is not a class only the scripts set");
    }
}

#[test]
fn the_check_reads_selectors_and_markup() {
    let css = "/* .gone */ .a > .b:hover, p.c { margin: .5rem } @media (width < 40.5em) { .d { color: red } }";
    assert_eq!(selected(css).into_iter().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    let rust = r#"view! { <p class="one two" id="no"> <a class=if x { "three" } else { "four" } title="no"> <b class=contract::PARAGRAPH_LINK> <i class:five=move || y> <u class=format!("eight {}", a) lang="no">}
        format!("<main class=\"six\">")"#;
    let contract = [("PARAGRAPH_LINK".to_owned(), "seven".to_owned())];
    assert_eq!(emitted(rust, &contract).into_iter().collect::<Vec<_>>(), ["eight", "five", "four", "one", "seven", "six", "three", "two"]);
}
