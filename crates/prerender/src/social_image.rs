//! The link-preview image's check: the PNG that `scripts/images.mjs` draws records the headline
//! it shows, so that the build can tell when an edited headline has left it behind.

/// The headline that `scripts/images.mjs` drew into the link-preview image, from the PNG's
/// `Title` text chunk; none if the file has none.
pub fn social_image_title(png: &[u8]) -> Option<String> {
    let needle = b"iTXtTitle\0\0\0\0\0";
    let at = png.windows(needle.len()).position(|w| w == needle)?;
    let length = u32::from_be_bytes(png.get(at.checked_sub(4)?..at)?.try_into().ok()?) as usize;
    let text = png.get(at + needle.len()..at + 4 + length)?;
    String::from_utf8(text.to_vec()).ok()
}
