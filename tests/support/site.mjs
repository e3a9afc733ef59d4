// What most end-to-end files share: the article as its content file says it, and the release
// dist/ served on 127.0.0.1 with a browser, opened and closed around the file's tests.
import { before, after } from 'node:test';
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import { serve } from './server.mjs';
import { launch, openHydrated } from './browser.mjs';

export const dist = process.env.DIST ?? 'dist';
/** The content file the release was built from: `LOOK_BACK_CONTENT`, as for the build, else the
 * shipped one. `scripts/test` runs the tests again on a copy with an editor's harmless edits. */
export const contentFile = process.env.LOOK_BACK_CONTENT ?? 'content/article.toml';
export const article = parse(await readFile(contentFile, 'utf8'));

/** Serves dist/ and starts Chromium for the calling file; `site.open(path)` opens a page. */
export function useSite(serveOptions = {}) {
  const site = {
    url: undefined,
    browser: undefined,
    open: (path = '', options = {}) => openHydrated(site.browser, site.url + path, options),
  };
  let server;
  before(async () => {
    server = await serve(dist, serveOptions);
    site.url = server.url;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}
