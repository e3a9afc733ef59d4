// A broken content file stops `trunk build` and says where: file, line and field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function trunkBuild(content) {
  const dist = mkdtempSync(join(tmpdir(), 'look-back-dist-'));
  const run = spawnSync('trunk', ['build', '--dist', dist], {
    env: { ...process.env, LOOK_BACK_CONTENT: content, NO_COLOR: 'true' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

test('trunk build fails on a quote that is not in its paragraph, naming file, line and field', () => {
  const { status, output } = trunkBuild('tests/fixtures/quote_not_verbatim.toml');
  assert.notEqual(status, 0);
  assert.match(output, /tests\/fixtures\/quote_not_verbatim\.toml:30:8: quotes\[0\]\.text: "It was very long\." is not a verbatim part/);
});

test('trunk build fails on a syntax error, naming file and line', () => {
  const { status, output } = trunkBuild('tests/fixtures/syntax.toml');
  assert.notEqual(status, 0);
  assert.match(output, /tests\/fixtures\/syntax\.toml:3:23: syntax: invalid basic string/);
});
