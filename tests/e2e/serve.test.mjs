// `trunk serve`, as a developer runs it: the pre-rendered article arrives and hydrates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openHydrated } from '../support/browser.mjs';

const freePort = () =>
  new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });

async function until(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const html = await (await fetch(url)).text();
      if (html.includes('<h1')) return html;
    } catch {}
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  throw new Error(`${url} did not serve the article in time`);
}

test('trunk serve pre-renders and hydrates the article', { timeout: 600_000 }, async () => {
  const port = await freePort();
  const dist = mkdtempSync(join(tmpdir(), 'look-back-serve-'));
  const serve = spawn('trunk', ['serve', '--port', String(port), '--dist', dist], {
    env: { ...process.env, NO_COLOR: 'true' },
    stdio: 'ignore',
    detached: true,
  });
  const browser = await launch();
  try {
    const url = `http://127.0.0.1:${port}/`;
    const html = await until(url, Date.now() + 540_000);
    assert.match(html, /<h1 id="headline">The Look Back anime had a difficult production<\/h1>/);
    const { context, page, problems } = await openHydrated(browser, url);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    assert.equal(await page.locator('.spoiler-toggle[aria-expanded="true"]').count(), 2);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    process.kill(-serve.pid);
  }
});
