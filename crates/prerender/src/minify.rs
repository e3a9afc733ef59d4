//! A release's scripts and stylesheet without their comments, spaces and long local names, for
//! a phone's first load, which fetches them before the wasm. A development
//! build keeps every file as it is written, for the browser's tools and for speed.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{Minifier, MinifierOptions};
use oxc_parser::{Parser, ParserReturn};
use oxc_span::SourceType;

/// How the build writes the scripts and stylesheets it ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// As written: a development build.
    AsWritten,
    /// Minified: a release.
    Minified,
}

impl Finish {
    /// A script as shipped. A file with `import` or `export` is read as a module, any other as
    /// a classic script, whose top-level names (on a publisher's page, globals) keep theirs.
    /// A script that does not parse is an error naming the first mistake.
    pub fn script(self, js: &str) -> Result<String, String> {
        if self == Self::AsWritten {
            return Ok(js.to_owned());
        }
        let allocator = Allocator::default();
        let mut program = parse(&allocator, js, SourceType::unambiguous())?.program;
        let minified = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
        Ok(Codegen::new().with_options(CodegenOptions::minify()).with_scoping(minified.scoping).build(&program).code)
    }

    /// A stylesheet as shipped. Nothing is rewritten for older browsers: the styles already
    /// need ones with container queries and `light-dark()`.
    pub fn stylesheet(self, css: &str) -> Result<String, String> {
        if self == Self::AsWritten {
            return Ok(css.to_owned());
        }
        let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| e.to_string())?;
        sheet.minify(MinifyOptions::default()).map_err(|e| e.to_string())?;
        Ok(sheet.to_css(PrinterOptions { minify: true, ..PrinterOptions::default() }).map_err(|e| e.to_string())?.code)
    }
}

/// A script parsed, or its first mistake.
pub(crate) fn parse<'a>(allocator: &'a Allocator, js: &'a str, source_type: SourceType) -> Result<ParserReturn<'a>, String> {
    let parsed = Parser::new(allocator, js, source_type).parse();
    if let Some(mistake) = parsed.diagnostics.first() {
        return Err(mistake.to_string());
    }
    if parsed.panicked {
        return Err("the script could not be read".into());
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::Finish;

    #[test]
    fn a_development_build_ships_files_as_written() {
        let js = "// why\nexport const answer = 42;\n";
        assert_eq!(Finish::AsWritten.script(js).unwrap(), js);
        assert_eq!(Finish::AsWritten.stylesheet("a { color: red }").unwrap(), "a { color: red }");
    }

    #[test]
    fn a_release_keeps_what_scripts_do_and_drops_the_rest() {
        let finish = Finish::Minified;
        let module = finish
            .script("// a comment\nconst longLocalName = (value) => value + 1;\nexport function step(n) { return longLocalName(n); }\n")
            .unwrap();
        assert!(module.contains("export") && module.contains("step"), "{module}");
        assert!(!module.contains("a comment") && !module.contains("longLocalName"), "{module}");
        // A classic script's top-level names are globals another script may use.
        let classic = finish.script("function lookBackHeight(frame) { return frame.offsetHeight; }\n").unwrap();
        assert!(classic.contains("lookBackHeight"), "{classic}");
        assert!(finish.script("const = ;").is_err());
    }

    #[test]
    fn a_release_stylesheet_keeps_its_rules() {
        let finish = Finish::Minified;
        let css = finish
            .stylesheet("/* why */\n:root { color: light-dark(#1b1b1b, #ebe9e6); }\n@container look-back (min-width: 48rem) {\n  .quote::after { content: \"Back\"; }\n}\n")
            .unwrap();
        assert!(
            css.contains("light-dark(#1b1b1b,#ebe9e6)") && css.contains("@container look-back") && css.contains("content:\"Back\""),
            "{css}"
        );
        assert!(!css.contains("why") && !css.contains('\n'), "{css}");
    }
}
