//! The link-preview image, drawn by the build from the content file: the kicker, the headline
//! and the credit over the shape of the production timeline, spoiler-free by construction.
//! The fonts are bundled (DejaVu, `fonts/LICENSE`), so every machine draws the same card, and
//! the headline is wrapped and fitted here, as no SVG renderer wraps text. The file is named
//! by its digest, because link previews cache `og:image` by its address.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use sha2::{Digest, Sha384};

const WIDTH: usize = 1200;
const HEIGHT: usize = 630;
const MARGIN_X: f32 = 80.0;
const MARGIN_Y: f32 = 72.0;
const SERIF_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSerif-Bold.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

const BACKGROUND: [u8; 3] = [0x14, 0x14, 0x14];
const TEXT: [u8; 3] = [0xeb, 0xe9, 0xe6];
const ACCENT: [u8; 3] = [0xff, 0x8f, 0xa6];
const MARK: [u8; 3] = [0xa0, 0x15, 0x3e];
const MUTED: [u8; 3] = [0xb5, 0xb3, 0xb0];
const RULE: [u8; 3] = [0x3d, 0x3d, 0x3d];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];

/// The headline's largest and smallest sizes, in pixels: a long one is set smaller to fit.
const HEADLINE_PX: f32 = 84.0;
const HEADLINE_MIN_PX: f32 = 44.0;

/// The drawn card: its file name and its PNG bytes.
pub struct SocialCard {
    pub name: String,
    pub png: Vec<u8>,
}

/// Each character of these words that the card's fonts cannot draw, as an editor's message
/// naming the field; empty when every one can.
///
/// ```
/// let missing = look_back_prerender::missing_glyphs(&[("headline", "Look Back 映画")]);
/// assert_eq!(missing.len(), 1);
/// assert!(missing[0].contains("\"映\", \"画\""), "{missing:?}");
/// ```
pub fn missing_glyphs(fields: &[(&str, &str)]) -> Vec<String> {
    let (serif, sans) = fonts();
    fields
        .iter()
        .filter_map(|(field, text)| {
            let font = if *field == "headline" { &serif } else { &sans };
            let mut missing: Vec<String> = Vec::new();
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                let shown = if *field == "kicker" { c.to_uppercase().next().unwrap_or(c) } else { c };
                if font.glyph_id(shown).0 == 0 && !missing.contains(&format!("{c:?}")) {
                    missing.push(format!("{c:?}"));
                }
            }
            (!missing.is_empty()).then(|| {
                format!(
                    "{field}: the link-preview image's font (DejaVu) cannot draw {}; use other characters or leave them out",
                    missing.join(", ").replace('\'', "\"")
                )
            })
        })
        .collect()
}

/// The card for these words, or why the headline cannot fit.
pub fn social_card(kicker: &str, headline: &str, source: &str) -> Result<SocialCard, String> {
    let (serif, sans) = fonts();
    let mut canvas = Canvas::new();
    // The mark and the kicker, on one line.
    let mark = (MARGIN_X, MARGIN_Y, 56.0);
    canvas.rounded_rect(mark.0, mark.1, mark.2, mark.2, 10.5, MARK);
    let unit = mark.2 / 32.0;
    canvas.rect(mark.0 + 9.0 * unit, mark.1 + 7.0 * unit, 4.0 * unit, 18.0 * unit, WHITE);
    canvas.rect(mark.0 + 9.0 * unit, mark.1 + 21.0 * unit, 14.0 * unit, 4.0 * unit, WHITE);
    let kicker_px = 30.0;
    let cap = sans.as_scaled(PxScale::from(kicker_px)).ascent() * 0.72;
    let kicker_type = Type { font: &sans, px: kicker_px, spacing: kicker_px * 0.12, color: ACCENT };
    canvas.text(&kicker_type, &kicker.to_uppercase(), mark.0 + mark.2 + 20.0, mark.1 + mark.2 / 2.0 + cap / 2.0);
    // The credit at the foot, and the timeline's shape above it.
    let source_px = 30.0;
    let foot = HEIGHT as f32 - MARGIN_Y;
    let descent = -sans.as_scaled(PxScale::from(source_px)).descent();
    let source_type = Type { font: &sans, px: source_px, spacing: 0.0, color: MUTED };
    canvas.text(&source_type, &format!("Source: {source}"), MARGIN_X, foot - descent);
    let row = foot - source_px - 28.0 - 14.0;
    canvas.timeline(row);
    // The headline, wrapped, as large as fits between the kicker and the timeline.
    let top = mark.1 + mark.2 + 56.0;
    let room = row - 14.0 - 40.0 - top;
    let width = WIDTH as f32 - 2.0 * MARGIN_X;
    let mut px = HEADLINE_PX;
    let lines = loop {
        let lines = wrap(&serif, px, headline, width);
        if lines.len() as f32 * px * 1.08 <= room {
            break lines;
        }
        if px <= HEADLINE_MIN_PX {
            return Err(format!("headline: {headline:?} is too long for the link-preview image, even at its smallest size"));
        }
        px -= 4.0;
    };
    let scaled = serif.as_scaled(PxScale::from(px));
    let line_height = px * 1.08;
    let half_leading = (line_height - (scaled.ascent() - scaled.descent())) / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + i as f32 * line_height + half_leading + scaled.ascent();
        canvas.text(&Type { font: &serif, px, spacing: 0.0, color: TEXT }, line, MARGIN_X, baseline);
    }
    let png = canvas.png(headline).map_err(|e| format!("the link-preview image: {e}"))?;
    let digest: String = Sha384::digest(&png).iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(SocialCard { name: format!("social-{digest}.png"), png })
}

fn fonts() -> (FontRef<'static>, FontRef<'static>) {
    let load = |bytes| FontRef::try_from_slice(bytes).expect("the bundled fonts are TrueType");
    (load(SERIF_BOLD), load(SANS_BOLD))
}

/// The width of `text` set in `font` at `px`, kerned, with `spacing` after each character.
fn measure(font: &FontRef<'_>, px: f32, text: &str, spacing: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut width = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id) + spacing;
        previous = Some(id);
    }
    width
}

/// The words of `text` in lines no wider than `width`; a word wider than a line stands alone.
fn wrap(font: &FontRef<'_>, px: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if measure(font, px, &format!("{line} {word}"), 0.0) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// How a run of text is set: its font and size in pixels, the space after each character, and
/// its colour.
#[derive(Clone, Copy)]
struct Type<'f> {
    font: &'f FontRef<'static>,
    px: f32,
    spacing: f32,
    color: [u8; 3],
}

/// An RGB canvas the size of the card, painted with coverage (anti-aliased) shapes.
struct Canvas {
    pixels: Vec<[u8; 3]>,
}

impl Canvas {
    fn new() -> Self {
        Canvas { pixels: vec![BACKGROUND; WIDTH * HEIGHT] }
    }

    fn blend(&mut self, x: i32, y: i32, coverage: f32, color: [u8; 3]) {
        if x < 0 || y < 0 || x as usize >= WIDTH || y as usize >= HEIGHT || coverage <= 0.0 {
            return;
        }
        let a = coverage.min(1.0);
        let pixel = &mut self.pixels[y as usize * WIDTH + x as usize];
        for (channel, target) in pixel.iter_mut().zip(color) {
            *channel = (f32::from(*channel) * (1.0 - a) + f32::from(target) * a).round() as u8;
        }
    }

    /// Paints every pixel of the box `(x, y, w, h)` by the coverage `shape` gives its centre.
    fn fill(&mut self, (x, y, w, h): (f32, f32, f32, f32), color: [u8; 3], shape: impl Fn(f32, f32) -> f32) {
        for py in y.floor() as i32..(y + h).ceil() as i32 {
            for px in x.floor() as i32..(x + w).ceil() as i32 {
                let coverage = shape(px as f32 + 0.5, py as f32 + 0.5);
                self.blend(px, py, coverage, color);
            }
        }
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: [u8; 3]) {
        let span = |p: f32, from: f32, to: f32| ((p + 0.5).min(to) - (p - 0.5).max(from)).clamp(0.0, 1.0);
        self.fill((x, y, w, h), color, |px, py| span(px, x, x + w) * span(py, y, y + h));
    }

    fn rounded_rect(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32, color: [u8; 3]) {
        self.fill((x, y, w, h), color, |px, py| {
            let dx = (px - (x + w / 2.0)).abs() - (w / 2.0 - r);
            let dy = (py - (y + h / 2.0)).abs() - (h / 2.0 - r);
            let outside = (dx.max(0.0).powi(2) + dy.max(0.0).powi(2)).sqrt() + dx.max(dy).min(0.0) - r;
            (0.5 - outside).clamp(0.0, 1.0)
        });
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, color: [u8; 3]) {
        self.fill((cx - r, cy - r, 2.0 * r, 2.0 * r), color, |px, py| {
            (r + 0.5 - ((px - cx).powi(2) + (py - cy).powi(2)).sqrt()).clamp(0.0, 1.0)
        });
    }

    /// Nine dots joined by rules across the card, the last one larger: the timeline's shape,
    /// with no event named.
    fn timeline(&mut self, cy: f32) {
        let (small, large, gap) = (14.0, 28.0, 16.0);
        let width = WIDTH as f32 - 2.0 * MARGIN_X;
        let rule = (width - 8.0 * small - large - 16.0 * gap) / 8.0;
        let mut x = MARGIN_X;
        for i in 0..9 {
            let size = if i == 8 { large } else { small };
            self.circle(x + size / 2.0, cy, size / 2.0, if i == 8 { ACCENT } else { MUTED });
            x += size;
            if i < 8 {
                self.rect(x + gap, cy - 1.5, rule, 3.0, RULE);
                x += 2.0 * gap + rule;
            }
        }
    }

    /// Sets `text` on the baseline `y` from `x`, kerned.
    fn text(&mut self, style: &Type<'_>, text: &str, x: f32, y: f32) {
        let Type { font, px, spacing, color } = *style;
        let scale = PxScale::from(px);
        let scaled = font.as_scaled(scale);
        let mut caret = x;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(scale, point(caret, y));
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline
                    .draw(|gx, gy, coverage| self.blend(bounds.min.x as i32 + gx as i32, bounds.min.y as i32 + gy as i32, coverage, color));
            }
            caret += scaled.h_advance(id) + spacing;
            previous = Some(id);
        }
    }

    /// The canvas as a PNG, with the headline it shows in an iTXt `Title`.
    fn png(&self, title: &str) -> Result<Vec<u8>, png::EncodingError> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, WIDTH as u32, HEIGHT as u32);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        encoder.add_itxt_chunk("Title".into(), title.into())?;
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.pixels.concat())?;
        writer.finish()?;
        Ok(out)
    }
}
