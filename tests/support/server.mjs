// A static file server for dist/ on 127.0.0.1, as a plain static host would serve it:
// right MIME types (application/wasm above all), optional gzip and extra headers.
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
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
 * The response headers that `_headers` in `dir` gives each path (the format Netlify and
 * Cloudflare Pages read), as a Map from path to { lower-case name: value }. Empty without a build.
 */
export function siteHeaders(dir = process.env.DIST ?? 'dist') {
  const rules = new Map();
  let text = '';
  try {
    text = readFileSync(join(dir, '_headers'), 'utf8');
  } catch {
    return rules;
  }
  let path;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) rules.set((path = line.trim()), {});
    else {
      const [name, ...value] = line.trim().split(': ');
      rules.get(path)[name.toLowerCase()] = value.join(': ');
    }
  }
  return rules;
}

/** The Content-Security-Policy the build gives the article page, as `_headers` says it. */
export const CSP = siteHeaders().get('/')?.['content-security-policy'] ?? '';

/** The site's public address that the release in `dir` was built for (its oEmbed files name it). */
export function publicUrl(dir = process.env.DIST ?? 'dist') {
  return JSON.parse(readFileSync(join(dir, 'oembed/article.json'), 'utf8')).provider_url;
}

/** Where a served page's CSP reports go; `serve(…, { reports })` collects them. */
const REPORT_PATH = '/__csp-report';

/** The headers for `path` that `rules` (from `siteHeaders`) give: the site-wide ones, then its own. */
function headersFor(rules, path) {
  return { ...rules.get('/*'), ...rules.get(path) };
}

/**
 * Serves `dir`. Options: `gzip` compresses every response; `precompressed` serves a file's
 * `.br` or `.gz` copy beside it where the browser takes that encoding, as docs/hosting.md tells
 * hosts to; `asHosted` sends what `dir/_headers` says for each path, as a static host would;
 * `headers` are added to every response; `reports`, an array, collects the CSP violation
 * reports of every page served (its policy gets a `report-uri`); `edit(headers, path)` may
 * change each response's headers; `host` defaults to 127.0.0.1.
 * Resolves to { url, close }.
 */
export async function serve(dir, { gzip = false, precompressed = false, asHosted = false, headers = {}, reports, edit, host = '127.0.0.1', port = 0 } = {}) {
  const root = resolve(dir);
  const rules = asHosted ? siteHeaders(dir) : new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (reports && req.method === 'POST' && path === REPORT_PATH) {
        let body = '';
        for await (const chunk of req) body += chunk;
        reports.push(body);
        res.writeHead(204).end();
        return;
      }
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside the root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const head = { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', ...headersFor(rules, path), ...headers };
      edit?.(head, path);
      if (reports && head['content-security-policy']) head['content-security-policy'] += `; report-uri ${REPORT_PATH}`;
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
