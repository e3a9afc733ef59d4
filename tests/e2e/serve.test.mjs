// `scripts/serve`, as an editor and a developer use it: the pre-rendered article arrives and
// hydrates; saving the content file reloads the open page with the change; a mistake in the
// file shows in the page, where the editor looks, and in the terminal once; fixing it brings
// the article back, all without touching the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { launch, openHydrated } from '../support/browser.mjs';
import { startDevServer } from '../support/devserver.mjs';
import { HYDRATED } from '../support/contract.mjs';

const QUOTE = 'text = "I was in the office all day for about two and a half months."';

test('scripts/serve reloads the open page on every save, and shows a broken content file there', { timeout: 900_000 }, async () => {
  const server = await startDevServer('serve-test');
  const browser = await launch();
  try {
    const { context, page, problems } = await openHydrated(browser, server.url);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await page.locator('.spoiler-toggle[aria-expanded="true"]').nth(1).waitFor();
    const original = readFileSync(server.content, 'utf8');
    // A word changes, recorded as a mend of the supplied text: the open page reloads by itself
    // and shows it.
    const mend = '\n[[mends]]\nparagraph = "reflection"\nwas = "the arduous days of production"\nnow = "the arduous weeks of production"\nwhy = "a test"\n';
    writeFileSync(server.content, original.replace('the arduous days of production', 'the arduous weeks of production') + mend);
    await page.getByText('the arduous weeks of production').waitFor({ timeout: 120_000 });
    // A quote no longer stands in its paragraph: the page names the file, line, column and
    // field, and the sentence the editor probably meant.
    const line = original.split('\n').findIndex((l) => l === QUOTE) + 1;
    assert.ok(line > 0, 'the test finds the quote it breaks');
    writeFileSync(server.content, original.replace(QUOTE, 'text = "I was in the office for months."'));
    const error = page.locator('.content-errors li');
    await error.waitFor({ timeout: 120_000 });
    const said = await error.innerText();
    assert.match(said, new RegExp(`serve-test\\.copy\\.toml:${line}:8: quotes\\[1\\]\\.text: "I was in the office for months\\." is not a verbatim part of paragraph "reflection"`));
    assert.match(said, /its closest sentence there is "I was in the office all day for about two and a half months\."/);
    // Fixed: the article comes back.
    writeFileSync(server.content, original);
    await page.locator('h1#headline').waitFor({ timeout: 120_000 });
    await page.locator(`html[${HYDRATED}]`).waitFor({ state: 'attached', timeout: 120_000 });
    assert.deepEqual(problems, []);
    await context.close();
    // The terminal says each mistake plainly: no error chains, no stack traces.
    const output = server.output();
    assert.match(output, /serve-test\.copy\.toml:\d+:8: quotes\[1\]\.text: /);
    assert.doesNotMatch(output, /Caused by|stack backtrace|panicked/);
  } finally {
    await browser.close();
    server.stop();
  }
});
