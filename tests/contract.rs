//! The names the browser program shares with the scripts (`src/contract.rs`): the scripts
//! spell none of them by hand, nor any name of the same kinds that the contract does not
//! declare; every placeholder the contract declares is used, and the build leaves none
//! unfilled; and the markup carries the names the scripts look for.

use look_back::contract::{self, fill, placeholders};
use std::fs;

/// Every script in `assets/`, as written: a new one is covered without being listed here.
fn scripts() -> Vec<(String, String)> {
    let mut scripts: Vec<_> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/assets"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .map(|path| (format!("assets/{}", path.file_name().unwrap().to_string_lossy()), fs::read_to_string(&path).unwrap()))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 7, "the scripts in assets/: {:?}", scripts.iter().map(|(f, _)| f).collect::<Vec<_>>());
    scripts
}

/// Where `js` spells a name of the kinds the contract holds: a data attribute, a `look-back:`
/// event or message or a `look-back-` name, an attribute read through `dataset` (which hides its
/// name), a class or id in a selector the script queries, or a class it sets.
fn names_spelled(js: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in js.match_indices("data-").chain(js.match_indices("look-back")).chain(js.match_indices(".dataset")) {
        let before = js[..at].chars().last();
        if !js[at..].starts_with('.') && before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let end = js[at..].find(|c: char| !(c.is_ascii_alphanumeric() || "-:.".contains(c))).map_or(js.len(), |e| at + e);
        found.push(js[at..end].to_owned());
    }
    for call in ["querySelector(", "querySelectorAll(", "closest(", "closest?.(", "matches("] {
        for argument in arguments(js, call) {
            found.extend(selector_names(argument));
        }
    }
    for call in ["classList.add(", "classList.remove(", "classList.toggle(", "classList.contains(", "className = "] {
        found.extend(arguments(js, call).filter(|name| !name.starts_with("__")).map(|name| format!(".{name}")));
    }
    found
}

/// The first argument of each call of `call` in `js` that is a string written out.
fn arguments<'a>(js: &'a str, call: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    js.match_indices(call).filter_map(move |(at, _)| {
        let rest = &js[at + call.len()..];
        let quote = rest.chars().next().filter(|c| "'\"`".contains(*c))?;
        rest[1..].find(quote).map(|end| &rest[1..1 + end])
    })
}

/// The `.class` and `#id` names in a selector, placeholders aside. Its attributes are HTML's
/// own, or data attributes, which are found anyway.
fn selector_names(selector: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, mark) in selector.match_indices(['.', '#']) {
        let name: String = selector[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        if !name.starts_with("__") && !name.is_empty() {
            names.push(format!("{mark}{name}"));
        }
    }
    names
}

#[test]
fn the_scripts_spell_no_shared_name_by_hand() {
    for (file, js) in scripts() {
        let spelled = names_spelled(&js);
        assert!(spelled.is_empty(), "{file} spells {spelled:?} by hand: declare each in src/contract.rs and write its placeholder");
        for (placeholder, names) in placeholders() {
            for name in names.split(", ").filter(|n| n.contains(['-', ':', '.']) || !n.is_ascii()) {
                assert!(!js.contains(name), "{file} spells {name} by hand: write {placeholder}");
            }
        }
    }
}

#[test]
fn the_check_finds_names_spelled_by_hand() {
    let spelled = names_spelled(
        "h.querySelector('.passage-offer'); a.closest('.article-body > p[id]'); f.dataset.lookBack; e.type === 'look-back:height'; \
         el.setAttribute('data-live', ''); p.classList.add('said'); t.closest?.('a[href]'); n.className = 'control-note'",
    );
    assert_eq!(
        spelled,
        ["data-live", "look-back:height", ".dataset.lookBack", ".passage-offer", ".article-body", ".said", ".control-note"]
    );
    let written =
        "h.querySelector('.__PASSAGE_OFFER__'); x.toFixed(2); say('Link copied.'); `${base}#${id}`; c.classList.add('__TARGET__')";
    assert!(names_spelled(written).is_empty(), "{:?}", names_spelled(written));
}

#[test]
fn every_placeholder_is_used_and_filled() {
    let scripts = scripts();
    for (placeholder, _) in placeholders() {
        assert!(scripts.iter().any(|(_, js)| js.contains(placeholder)), "no script uses {placeholder}: drop it from the contract");
        for (other, _) in placeholders() {
            assert!(other == placeholder || !other.contains(placeholder), "{placeholder} is a part of {other}");
        }
    }
    for (file, js) in &scripts {
        let filled = fill(js);
        for (placeholder, name) in placeholders() {
            assert!(!filled.contains(placeholder), "{file} keeps {placeholder}");
            if js.contains(placeholder) {
                assert!(filled.contains(&name), "{file} gets {name}");
            }
        }
    }
}

/// The names the scripts look for in the pre-rendered page are there: a renamed class in a
/// component fails here, not as a reader's tap held forever.
#[cfg(feature = "ssr")]
#[test]
fn the_page_carries_the_names_the_scripts_look_for() {
    use leptos::prelude::*;
    use look_back::app::App;
    #[path = "common/mod.rs"]
    mod common;
    let article = common::article();
    let html = view! { <App article /> }.to_html();
    let class = |name: &str| {
        html.contains(&format!("class=\"{name}\"")) || html.contains(&format!("class=\"{name} ")) || html.contains(&format!(" {name}\""))
    };
    for name in [
        contract::ARTICLE_BODY,
        contract::PARAGRAPH_LINK,
        contract::PASSAGE_LINKS,
        contract::PASSAGE_OFFER,
        contract::OFFER_COPY,
        contract::OFFER_CLOSE,
        contract::PASSAGE_STATUS,
        contract::PASSAGE_FALLBACK,
    ] {
        assert!(class(name), "no element of class {name}");
    }
    for part in contract::PARTS {
        let (tag, name) = part.split_once('.').unwrap();
        let tag = if tag.is_empty() { "" } else { tag };
        assert!(html.contains(&format!("<{tag}")) && class(name), "no part {part}");
    }
    assert!(html.contains(&format!("{}=\"", contract::ARTICLE_ADDRESS)), "the passage links name no address");
    assert!(html.contains(contract::PASSAGE_MARK), "no passage carries its mark");
}

/// The tests' and the bench's copy of the contract, which they read for the names they look
/// for: each placeholder's name without its underscores, with the name the build fills in.
const TESTS_COPY: &str = "tests/support/contract.json";

fn tests_copy() -> String {
    let names: serde_json::Map<String, serde_json::Value> =
        placeholders().into_iter().map(|(placeholder, name)| (placeholder.trim_matches('_').to_owned(), name.into())).collect();
    serde_json::to_string_pretty(&names).unwrap() + "\n"
}

/// A stale copy is written afresh, and the test fails so that the new one is committed.
#[test]
fn the_tests_copy_of_the_contract_is_current() {
    let path = format!("{}/{TESTS_COPY}", env!("CARGO_MANIFEST_DIR"));
    let fresh = tests_copy();
    if fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
        fs::write(&path, &fresh).unwrap();
        panic!("{TESTS_COPY} did not match src/contract.rs; it is written afresh now: commit it");
    }
}

/// The names only the program and its scripts use, which no publisher writes: the tests and
/// the bench take them from their copy of the contract. The names a publisher pastes or a host
/// page receives (the element, the frame's attribute, the messages) they spell as a publisher
/// would, so that renaming one, which breaks every pasted snippet, fails them.
const PROGRAM_ONLY: [&str; 7] = [
    contract::LIVE,
    contract::LIVE_EVENT,
    contract::WORDS_WANTED,
    contract::WORDS_EVENT,
    contract::FAILED_EVENT,
    contract::HYDRATED,
    contract::WASM_STATE,
];

/// Every script of the tests and the bench, as written.
fn test_scripts() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "mjs") {
                let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string();
                out.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["tests", "bench"] {
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    }
    out
}

#[test]
fn the_tests_spell_no_program_only_name_by_hand() {
    let scripts = test_scripts();
    assert!(scripts.len() >= 20, "{:?}", scripts.iter().map(|(f, _)| f).collect::<Vec<_>>());
    let spelled: Vec<String> = scripts
        .iter()
        .flat_map(|(file, js)| {
            PROGRAM_ONLY
                .iter()
                .filter(|name| {
                    // `dataset.wasm` is `data-wasm` too, spelled another way.
                    let key = name.strip_prefix("data-").map(|key| format!("dataset.{key}"));
                    js.contains(*name) || key.is_some_and(|key| js.contains(&key))
                })
                .map(move |name| format!("{file} spells {name}"))
        })
        .collect();
    assert!(spelled.is_empty(), "take these from tests/support/contract.mjs:\n{}", spelled.join("\n"));
}
