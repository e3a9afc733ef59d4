//! First heights for the iframe snippets, estimated from each embed page's rendered markup.
//!
//! A host page without `embed.js` (a CMS that strips scripts, an oEmbed consumer) keeps the
//! snippet's height for good, and no one height fits a phone and a desktop. So the estimate
//! errs on the tall side: a small gap under the embed reads better than a frame that scrolls
//! inside itself. It follows the words, so an editor's longer paragraph makes a taller frame.

/// The width of the phone the snippets are sized for, in CSS pixels.
pub const PHONE_WIDTH: u32 = 390;

/// Elements the stylesheet hides until they are needed, by their class.
const HIDDEN_CLASSES: [&str; 3] = ["wasm-note", "skip-link", "synopsis-plain"];

/// Elements that end a line, and their type size against the body's.
fn block_scale(tag: &str) -> Option<f32> {
    Some(match tag {
        "h1" => 1.7,
        "h2" => 1.4,
        "h3" => 1.15,
        "p" | "li" | "blockquote" | "figcaption" | "button" | "label" | "summary" | "header" | "footer" | "figure" | "section" | "div" => {
            1.0
        }
        _ => return None,
    })
}

const VOID: [&str; 9] = ["area", "br", "hr", "img", "input", "link", "meta", "source", "wbr"];

/// The height, in CSS pixels, that the embed page whose `<body>` holds `body_html` takes at
/// `width`, estimated from its visible text, block by block.
///
/// ```
/// use look_back_prerender::first_height;
/// let short = first_height("<main><p>A few words.</p></main>", 390);
/// let long = first_height(&format!("<main><p>{}</p></main>", "Many words. ".repeat(80)), 390);
/// assert!(long > short * 4);
/// assert!(first_height(&format!("<main><p>{}</p></main>", "Many words. ".repeat(80)), 600) < long);
/// assert_eq!(first_height("<main><p hidden>Not shown at all.</p></main>", 390), first_height("<main></main>", 390));
/// ```
pub fn first_height(body_html: &str, width: u32) -> u32 {
    let Counts { lines, blocks, controls } = measure(body_html, width);
    let font = font_size(width);
    let fitted = LINE * lines + (BLOCK * blocks as f32 + CONTROL * controls as f32 + PADDING) * font;
    (fitted * MARGIN).ceil() as u32
}

/// The body's type size at `width`: style/base.css's clamp(1.0625rem, 0.98rem + 0.35vw, 1.25rem).
fn font_size(width: u32) -> f32 {
    (15.68 + 0.0035 * width as f32).clamp(17.0, 20.0)
}

/// How the stylesheet lays out what the estimate counts, fitted by least squares to the four
/// embed pages as measured in Chromium at 390 and 600 px: the share of the counted lines'
/// height, then in ems, a block (negative: most short blocks are set smaller than the body),
/// a control with its padding and what it opens, and the page's padding. The fit is within
/// 12% of every page measured; the margin makes it a gap rather than a scroll.
const LINE: f32 = 1.0;
const BLOCK: f32 = -1.17;
const CONTROL: f32 = 4.4;
const PADDING: f32 = 3.16;
const MARGIN: f32 = 1.15;

/// What the estimate counts in a page: its text's height in lines, set block by block, the
/// blocks that hold text, and the controls.
struct Counts {
    lines: f32,
    blocks: usize,
    controls: usize,
}

fn measure(body_html: &str, width: u32) -> Counts {
    let font = font_size(width);
    // The embed's main: at most the measure (38rem), less its padding of 1rem a side.
    let line_width = (width as f32).min(608.0) - 32.0;
    let (mut lines, mut blocks, mut controls) = (0.0, 0, 0);
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut text = 0usize;
    let mut scale = 1.0;
    let mut flush = |text: &mut usize, scale: f32| {
        if *text > 0 {
            let size = font * scale;
            // An average character of these serif and sans faces is about half an em wide.
            let per_line = (line_width / (0.5 * size)).max(1.0);
            lines += (*text as f32 / per_line).ceil() * 1.6 * size;
            blocks += 1;
        }
        *text = 0;
    };
    let mut rest = body_html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else { break };
        let hidden = stack.last().is_some_and(|(_, hidden)| *hidden);
        if !hidden {
            text += visible_chars(&rest[..open]);
        }
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        if let Some(name) = tag.strip_prefix("</") {
            let name = name.trim_end_matches('>').trim();
            if block_scale(name).is_some() {
                flush(&mut text, scale);
            }
            if let Some(at) = stack.iter().rposition(|(open, _)| open == name) {
                stack.truncate(at);
            }
            scale = stack.iter().rev().find_map(|(open, _)| block_scale(open)).unwrap_or(1.0);
            continue;
        }
        let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if matches!(name.as_str(), "script" | "style" | "template") {
            let close = format!("</{name}>");
            rest = rest.find(&close).map_or("", |at| &rest[at + close.len()..]);
            continue;
        }
        if VOID.contains(&name.as_str()) || tag.ends_with("/>") {
            continue;
        }
        if let Some(block) = block_scale(&name) {
            flush(&mut text, scale);
            scale = block;
        }
        let hides = has_attribute(tag, "hidden") || HIDDEN_CLASSES.iter().any(|class| has_class(tag, class));
        if name == "button" && !hidden && !hides {
            controls += 1;
        }
        stack.push((name, hidden || hides));
    }
    flush(&mut text, scale);
    Counts { lines, blocks, controls }
}

/// Characters a reader sees in a run of text between tags: white space folds, an entity is one
/// character, and white space alone is nothing.
fn visible_chars(text: &str) -> usize {
    if text.trim().is_empty() {
        return 0;
    }
    let mut count = 0;
    let mut space = false;
    let mut entity = false;
    for c in text.chars() {
        match c {
            '&' => entity = true,
            ';' if entity => {
                entity = false;
                count += 1;
            }
            _ if entity => {}
            c if c.is_whitespace() => {
                if !space {
                    count += 1;
                }
                space = true;
                continue;
            }
            _ => count += 1,
        }
        space = false;
    }
    count
}

fn has_attribute(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '>' || c == '/').any(|part| part == name || part.starts_with(&format!("{name}=")))
}

fn has_class(tag: &str, class: &str) -> bool {
    let Some(at) = tag.find("class=\"") else { return false };
    tag[at + 7..].split('"').next().is_some_and(|classes| classes.split_whitespace().any(|c| c == class))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_text_counts() {
        let empty = first_height("<main></main>", PHONE_WIDTH);
        for hidden in [
            "<p hidden>words words words</p>",
            r#"<p class="wasm-note" role="note">words words words</p>"#,
            "<script>let words = 'words words words';</script>",
            "<!-- words words words -->",
        ] {
            assert_eq!(first_height(&format!("<main>{hidden}</main>"), PHONE_WIDTH), empty, "{hidden}");
        }
        assert!(first_height("<main><p>words</p></main>", PHONE_WIDTH) > empty);
    }

    #[test]
    fn headings_take_more_room_than_text() {
        let words = "The Look Back anime had a difficult production";
        assert!(first_height(&format!("<h1>{words}</h1>"), PHONE_WIDTH) > first_height(&format!("<p>{words}</p>"), PHONE_WIDTH));
    }

    #[test]
    fn entities_and_white_space_are_one_character() {
        assert_eq!(visible_chars("a &amp;  b\n c"), 7);
    }
}
