// A static file server for dist/ on 127.0.0.1, as a plain static host would serve it:
// right MIME types (application/wasm above all), optional gzip and extra headers.
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
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

/** The Content-Security-Policy the README tells hosts to send with the page. */
export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * Serves `dir`. Options: `gzip` compresses every response; `headers` are added to every
 * response; `host` defaults to 127.0.0.1. Resolves to { url, close }.
 */
export async function serve(dir, { gzip = false, headers = {}, host = '127.0.0.1', port = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside the root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const head = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', ...headers };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
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
