// `scripts/serve` as an editor runs it, on a copy of the content file that a test or the bench
// may edit: Trunk watches content/, so saving the copy rebuilds and reloads open pages.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.mjs';

/**
 * Starts `scripts/serve` on a fresh port with its own copy of `content/article.toml`, named
 * `content/<name>.copy.toml`. Resolves to { url, content, output(), stop() } once it serves the
 * article; `output()` is what it printed so far.
 */
export async function startDevServer(name, { deadline = Date.now() + 540_000 } = {}) {
  const port = await freePort();
  const dist = mkdtempSync(join(tmpdir(), 'look-back-serve-'));
  const content = `content/${name}.copy.toml`;
  copyFileSync('content/article.toml', content);
  let printed = '';
  const server = spawn('scripts/serve', ['--port', String(port), '--dist', dist], {
    env: { ...process.env, LOOK_BACK_CONTENT: content, NO_COLOR: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout.on('data', (d) => (printed += d));
  server.stderr.on('data', (d) => (printed += d));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {}
    rmSync(content, { force: true });
    rmSync(dist, { recursive: true, force: true });
  };
  for (;;) {
    try {
      if ((await (await fetch(url)).text()).includes('<h1')) break;
    } catch {}
    if (Date.now() > deadline) {
      stop();
      throw new Error(`${url} did not serve the article in time:\n${printed}`);
    }
    await new Promise((ok) => setTimeout(ok, 500));
  }
  return { url, content, output: () => printed, stop };
}
