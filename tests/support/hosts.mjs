// A publisher's page and our widget on two origins, as the embed tests need them: dist/ served
// on 127.0.0.1 with CORS (module scripts and the wasm load in CORS mode, and a sandboxed frame's
// origin is "null"), and a folder of host pages served on localhost.
import { before, after } from 'node:test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { dist } from './site.mjs';

/**
 * Starts both servers and Chromium for the calling file, then hands them to `ready` as
 * { widget, host, hostDir, browser } before the file's tests run. `prepare(hostDir)` may add
 * files to the host's folder first.
 */
export function useHosts(ready, prepare = async () => {}) {
  const hosts = {};
  before(async () => {
    hosts.widget = await serve(dist, { headers: { 'access-control-allow-origin': '*' } });
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
