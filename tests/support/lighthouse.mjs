// Lighthouse from npm against Debian's Chromium, started by playwright-core with a remote
// debugging port for Lighthouse to drive. Mobile preset, Lighthouse's own defaults.
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.mjs';
import { freePort } from './server.mjs';

/**
 * Audits `url` in a fresh Chromium and returns { scores, failing, lhr }: `scores` maps each
 * category to 0–100, `failing` lists each scored audit below full marks as "category: id (value)".
 */
export async function audit(url, categories = ['performance', 'accessibility', 'best-practices', 'seo']) {
  const port = await freePort();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] });
  try {
    const { lhr } = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: categories });
    const scores = {};
    const failing = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = Math.round(category.score * 100);
      for (const ref of category.auditRefs) {
        const result = lhr.audits[ref.id];
        if (ref.weight > 0 && result.score !== null && result.score < 1) {
          failing.push(`${id}: ${ref.id} (${result.displayValue ?? result.score})`);
        }
      }
    }
    return { scores, failing, lhr };
  } finally {
    await browser.close();
  }
}
