// A publisher's page and our widget on two origins, as the embed tests need them: dist/ served
// as a host would serve it (with the headers of its `_headers`) at the public address it was
// built for, and a folder of host pages served on localhost.
import { before, after } from 'node:test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicUrl, serve } from './server.mjs';
import { launch } from './browser.mjs';
import { dist } from './site.mjs';

/**
 * Starts both servers and Chromium for the calling file, then hands them to `ready` as
 * { widget, host, hostDir, browser, reports } before the file's tests run; `reports` gathers
 * the CSP violation reports of the widget's pages. `prepare(hostDir)` may add files to the
 * host's folder first.
 */
export function useHosts(ready, prepare = async () => {}) {
  const hosts = {};
  before(async () => {
    hosts.reports = [];
    hosts.widget = await serveWidget(hosts.reports);
    hosts.hostDir = await mkdtemp(join(tmpdir(), 'look-back-host-'));
    await prepare(hosts.hostDir);
    hosts.host = await serve(hosts.hostDir, { host: 'localhost' });
    hosts.browser = await launch();
    ready(hosts);
  });
  after(async () => {
    await hosts.browser?.close();
    await hosts.widget?.close();
    await hosts.host?.close();
  });
}

/**
 * dist/ as its host would serve it, at the very address it was built for: its policy names that
 * origin, which WebKit needs to run a sandboxed embed's scripts. Each CSP violation's report is
 * pushed to `reports`; `edit(headers, path)` may change a response's headers.
 */
export function serveWidget(reports, edit) {
  const { hostname, port } = new URL(publicUrl(dist));
  return serve(dist, { asHosted: true, reports, edit, host: hostname, port: Number(port) });
}
