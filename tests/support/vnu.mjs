// The Nu HTML Checker (vnu.jar from npm) under the machine's Java.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const JAR = new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url).pathname;

/**
 * Checks each of `documents` ({ name: html }) in one Java start, and returns its errors as
 * "name:line:column: message" (warnings and notes are not errors). The markup is what is
 * checked: vnu's CSS checker predates container queries, light-dark() and clamp() in
 * font-size, so its CSS messages about the page's inline stylesheet are set aside (the
 * browsers' own tests and axe check the styles as drawn).
 */
export async function htmlErrors(documents) {
  const dir = await mkdtemp(join(tmpdir(), 'look-back-vnu-'));
  try {
    const files = [];
    for (const [name, html] of Object.entries(documents)) {
      const file = join(dir, `${files.length}.html`);
      await writeFile(file, html);
      files.push([file, name]);
    }
    const names = new Map(files.map(([file, name]) => [`file:${file}`, name]));
    const report = await new Promise((ok, fail) =>
      // vnu exits 1 when it finds errors; the report is what matters.
      execFile('java', ['-jar', JAR, '--errors-only', '--format', 'json', ...files.map(([f]) => f)], { maxBuffer: 1 << 26 }, (error, _out, err) =>
        err.trim().startsWith('{') ? ok(JSON.parse(err)) : fail(error ?? new Error(err)),
      ),
    );
    return report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .filter((m) => !m.message.startsWith('CSS: '))
      .map((m) => `${names.get(m.url) ?? m.url}:${m.lastLine}:${m.firstColumn ?? m.lastColumn}: ${m.message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
