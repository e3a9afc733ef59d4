//! Precompressed copies of the release's text files, `name.gz` and `name.br` beside each, for
//! hosts that serve them as they are (nginx's `gzip_static` and `brotli_static`, Caddy's
//! `precompressed`): Brotli at its best makes the wasm about a fifth smaller than gzip, and a
//! host compressing on the fly seldom spends that long on it.

use std::io::Write;

/// Whether a file is text, or wasm, which both shrink well; images are compressed already.
pub fn worth_compressing(name: &str) -> bool {
    let kind = name.rsplit_once('.').map_or("", |(_, kind)| kind);
    matches!(kind, "html" | "js" | "css" | "json" | "webmanifest" | "svg" | "wasm" | "txt")
}

/// Whether a file is itself a precompressed copy.
pub fn is_compressed_copy(name: &str) -> bool {
    name.ends_with(".gz") || name.ends_with(".br")
}

/// gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).and_then(|()| encoder.finish()).expect("compressing into memory cannot fail")
}

/// Brotli at quality 11 with a 4 MiB window.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = brotli::CompressorWriter::new(Vec::new(), 4096, 11, 22);
    encoder.write_all(bytes).expect("compressing into memory cannot fail");
    encoder.into_inner()
}
