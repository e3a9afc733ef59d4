//! The page's program as wasm-bindgen wrote its module, less the classes whose exports the
//! release's wasm no longer has. Leptos links its server functions' browser streams, which
//! this site never calls, and wasm-bindgen gives each of their types a class; the release drops
//! their exports, so that wasm-opt drops the code only they reached (`data-wasm-opt-params` in
//! `index.html`). Their classes would be dead code that points at nothing.

use crate::minify::parse;
use oxc_allocator::Allocator;
use oxc_span::{GetSpan, SourceType};

/// The names a wasm exports; an error if it is not a wasm.
pub fn wasm_exports(wasm: &[u8]) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let wasmparser::Payload::ExportSection(section) = payload.map_err(|e| e.to_string())? {
            for export in section {
                names.push(export.map_err(|e| e.to_string())?.name.to_owned());
            }
        }
    }
    Ok(names)
}

/// `module` without each class it exports that calls the wasm (`wasm.<name>`) through a name
/// `exports` lacks, and without the statements that serve only that class: its finalization
/// registry and its `Symbol.dispose` alias. The rest stays as written, byte for byte. An error
/// if the module does not parse, or if it still names a class once that class is gone.
pub fn without_dead_classes(module: &str, exports: &[String]) -> Result<String, String> {
    let allocator = Allocator::default();
    let parsed = parse(&allocator, module, SourceType::mjs())?;
    let statements: Vec<(usize, usize)> =
        parsed.program.body.iter().map(|statement| (statement.span().start as usize, statement.span().end as usize)).collect();
    let text = |&(start, end): &(usize, usize)| &module[start..end];
    let dead: Vec<&str> =
        statements.iter().map(text).filter(|statement| calls_missing(statement, exports)).filter_map(exported_class).collect();
    if dead.is_empty() {
        return Ok(module.to_owned());
    }
    let serves_dead = |statement: &str| {
        dead.iter().any(|class| {
            exported_class(statement) == Some(class)
                || statement.starts_with(&format!("if (Symbol.dispose) {class}.prototype"))
                || statement.starts_with(&format!("const {class}Finalization "))
        })
    };
    let mut kept = String::with_capacity(module.len());
    let mut from = 0;
    for span in statements.iter().filter(|span| serves_dead(text(span))) {
        kept.push_str(&module[from..span.0]);
        from = span.1;
    }
    kept.push_str(&module[from..]);
    match dead.iter().find(|class| names(&kept, class)) {
        Some(class) => Err(format!("the module still names {class}, whose exports the wasm no longer has")),
        None => Ok(kept),
    }
}

/// The class that `statement` declares and exports, if it is such a declaration.
fn exported_class(statement: &str) -> Option<&str> {
    identifier_at(statement.strip_prefix("export class ")?)
}

/// Whether `statement` calls the wasm through an export that `exports` lacks.
fn calls_missing(statement: &str, exports: &[String]) -> bool {
    statement.split("wasm.").skip(1).filter_map(identifier_at).any(|name| !exports.iter().any(|e| e == name))
}

/// Whether `c` may stand in a JavaScript identifier of the module (which is ASCII).
fn identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// The JavaScript identifier that `text` starts with, if any.
fn identifier_at(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !identifier_char(c)).unwrap_or(text.len());
    (end > 0).then(|| &text[..end])
}

/// Whether `text` names `identifier` as a whole word.
fn names(text: &str, identifier: &str) -> bool {
    text.match_indices(identifier).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + identifier.len()..].chars().next();
        ![before, after].into_iter().flatten().any(identifier_char)
    })
}

#[cfg(test)]
mod tests {
    use super::without_dead_classes;

    const MODULE: &str = "let wasm;\n\
        export class Kept {\n    free() { wasm.__wbg_kept_free(this.p, 0); }\n}\n\
        if (Symbol.dispose) Kept.prototype[Symbol.dispose] = Kept.prototype.free;\n\
        /** A stream nothing uses. */\n\
        export class Gone {\n    free() { wasm.__wbg_gone_free(this.p, 0); }\n    pull(c) { return wasm.gone_pull(this.p, c); }\n}\n\
        if (Symbol.dispose) Gone.prototype[Symbol.dispose] = Gone.prototype.free;\n\
        export function start() { return wasm.start(); }\n\
        const KeptFinalization = new FinalizationRegistry(p => wasm.__wbg_kept_free(p, 1));\n\
        const GoneFinalization = (typeof FinalizationRegistry === 'undefined')\n    ? { register: () => {} }\n    : new FinalizationRegistry(p => wasm.__wbg_gone_free(p, 1));\n";

    fn exports(names: &[&str]) -> Vec<String> {
        names.iter().map(|&n| n.to_owned()).collect()
    }

    #[test]
    fn a_class_whose_exports_are_gone_goes_with_its_registry_and_alias() {
        let kept = without_dead_classes(MODULE, &exports(&["__wbg_kept_free", "start"])).unwrap();
        assert!(!kept.contains("Gone") && !kept.contains("gone_"), "{kept}");
        assert!(kept.contains("export class Kept") && kept.contains("const KeptFinalization") && kept.contains("export function start"));
        assert!(kept.contains("if (Symbol.dispose) Kept.prototype"), "{kept}");
    }

    #[test]
    fn a_module_whose_exports_are_all_there_is_left_as_it_is() {
        let all = exports(&["__wbg_kept_free", "__wbg_gone_free", "gone_pull", "start"]);
        assert_eq!(without_dead_classes(MODULE, &all).unwrap(), MODULE);
    }

    #[test]
    fn a_dead_class_that_something_else_still_names_is_an_error() {
        let module = format!("{MODULE}export function stream() {{ return Gone.__wrap(wasm.start()); }}\n");
        let error = without_dead_classes(&module, &exports(&["__wbg_kept_free", "start"])).unwrap_err();
        assert!(error.contains("still names Gone"), "{error}");
        assert!(without_dead_classes("export class {", &[]).is_err());
    }
}
