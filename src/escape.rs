//! Text made safe to write into HTML by hand, where a snippet or a build step writes markup
//! as a string rather than through a view.

/// `text` for an HTML attribute value in double quotes, or for element content.
///
/// ```
/// assert_eq!(look_back::escape::html(r#"Look "Back" & <more>"#), "Look &quot;Back&quot; &amp; &lt;more&gt;");
/// ```
pub fn html(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
