//! JSON string literals for the few JSON files and blocks the build writes by hand.

/// `text` as a JSON string. `<`, `>` and `&` are written as escapes too, so the result is
/// also safe inside an HTML `<script>` element.
///
/// ```
/// assert_eq!(look_back::json::string("a \"b\" </script>"), r#""a \"b\" \u003c/script\u003e""#);
/// ```
pub fn string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' | '>' | '&' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
