// A static file server for dist/ on 127.0.0.1, as a plain static host would serve it:
// right MIME types (application/wasm above all), optional gzip and extra headers.
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy the README tells hosts to send with the pages of the build in
 * `dir`: its one inline stylesheet is allowed by its hash, worked out here from the page.
 */
export function cspFor(dir = process.env.DIST ?? 'dist') {
  let css = '';
  try {
    css = readFileSync(join(dir, 'index.html'), 'utf8').match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
  } catch {
    // No build yet: the policy without a stylesheet, for files that never serve a page.
  }
  const hash = createHash('sha256').update(css).digest('base64');
  return `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-${hash}'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'`;
}

/** The policy for the release build in dist/. */
export const CSP = cspFor();

/**
 * Serves `dir`. Options: `gzip` compresses every response; `precompressed` serves a file's
 * `.br` or `.gz` copy beside it where the browser takes that encoding, as the README tells
 * hosts to; `headers` are added to every response; `host` defaults to 127.0.0.1. Resolves to
 * { url, close }.
 */
export async function serve(dir, { gzip = false, precompressed = false, headers = {}, host = '127.0.0.1', port = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside the root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const head = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', ...headers };
      const accepts = (encoding) => new RegExp(`\\b${encoding}\\b`).test(req.headers['accept-encoding'] ?? '');
      const copy = precompressed && [['br', '.br'], ['gzip', '.gz']].find(([encoding]) => accepts(encoding));
      const stored = copy && (await readFile(file + copy[1]).catch(() => null));
      if (stored) {
        body = stored;
        head['content-encoding'] = copy[0];
        head.vary = 'accept-encoding';
      } else if (gzip && accepts('gzip')) {
        body = gzipSync(body, { level: 9 });
        head['content-encoding'] = 'gzip';
      }
      head['content-length'] = body.length;
      res.writeHead(200, head);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  return {
    url: `http://${host}:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** A free TCP port on 127.0.0.1, for a server or browser a test starts. */
export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createTcpServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}
