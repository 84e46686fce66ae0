// scripts/test-summary.mjs closes CI's log (.ci/run) and each run of `npm run test:ui:stress` with
// "tests: N passed, N failed": a wrong count there hides a failure.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';

function summarize(log: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-summary-')), 'log.txt');
  fs.writeFileSync(file, log);
  try {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'test-summary.mjs'), file], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    return result.stdout.trim().split('\n').at(-1) ?? '';
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('test-summary (the closing tally of CI and the UI stress runs)', () => {
  it('adds up every mocha run and the ✔/✘ checks of test/integration/ui.mjs, ignoring colours', () => {
    const log = [
      '  phrasebook CLI',
      '    \x1b[32m✔\x1b[0m list --json shows 6 categories',
      '  \x1b[32m145 passing\x1b[0m (1m)',
      '  2 pending',
      'Running integration tests in VS Code 1.139.1 (code-server 4.139.1)',
      '  30 passing (12s)',
      '  1 failing',
      '  1) inserting an item',
      '  Library tree view (UI)',
      '    ✔ expands a category into its items (1920ms)',
      '  11 passing (6m)',
      '  ✔ the sidebar lists the categories',
      '  ✘ typing "xytj" lists 理论学习 11 and 12 first',
      'Phrasebook UI checks: 1 failed',
    ].join('\n');
    assert.equal(summarize(log), 'tests: 187 passed, 2 failed, 2 pending');
  });

  it('counts a run that failed in a hook, and the checks of a ui.mjs that died before its closing line', () => {
    const log = ['  0 passing (2m)', '  1 failing', '  1) "before all" hook', '  ✔ the sidebar lists the categories'].join('\n');
    assert.equal(summarize(log), 'tests: 1 passed, 1 failed');
  });
});
