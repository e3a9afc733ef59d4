//! The names the browser program shares with the scripts (`src/contract.rs`): the scripts
//! spell none of them by hand, every placeholder the contract declares is used, and the build
//! leaves none unfilled.

use look_back::contract::{fill, placeholders};

/// The scripts that share the contract's names, as written.
const SCRIPTS: [(&str, &str); 3] = [
    ("assets/held.js", include_str!("../assets/held.js")),
    ("assets/loader.js", include_str!("../assets/loader.js")),
    ("assets/widget.js", include_str!("../assets/widget.js")),
];

#[test]
fn the_scripts_spell_no_shared_name_by_hand() {
    for (file, js) in SCRIPTS {
        for (placeholder, names) in placeholders() {
            for name in names.split(", ") {
                assert!(!js.contains(name), "{file} spells {name} by hand: write {placeholder}");
            }
        }
    }
}

#[test]
fn every_placeholder_is_used_and_filled() {
    for (placeholder, _) in placeholders() {
        assert!(SCRIPTS.iter().any(|(_, js)| js.contains(placeholder)), "no script uses {placeholder}: drop it from the contract");
    }
    for (file, js) in SCRIPTS {
        let filled = fill(js);
        for (placeholder, name) in placeholders() {
            assert!(!filled.contains(placeholder), "{file} keeps {placeholder}");
            if js.contains(placeholder) {
                assert!(filled.contains(&name), "{file} gets {name}");
            }
        }
    }
}
