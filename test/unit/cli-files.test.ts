// The CLI refuses files it must not read before reading them (dist/cli.js, built by `npm run build`).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

// A generous bound: a refusal is immediate, the bug it guards against never ends.
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('phrasebook CLI: special and huge files', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-cli-files-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--corpus /dev/zero fails at once with a clear error instead of reading forever', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const result = cli('list', '--corpus', '/dev/zero');
    assert.equal(result.error, undefined, 'the CLI ended by itself');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\/dev\/zero: This is not a regular file/);
  });

  it('a FIFO as corpus or import input is refused, not waited on', function () {
    const fifo = path.join(tmp, 'x.md');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    for (const args of [['list', '--corpus', fifo], ['import', fifo]]) {
      const result = cli(...args);
      assert.equal(result.error, undefined, `${args[0]} ended by itself`);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /not a regular file/);
    }
  });

  it('a file over the size limit is refused from its size, with both sizes in the message', () => {
    const big = path.join(tmp, 'big.md');
    const handle = fs.openSync(big, 'w');
    fs.ftruncateSync(handle, 21 * 1024 * 1024); // sparse: no 21 MB written to disk
    fs.closeSync(handle);
    const result = cli('list', '--corpus', big);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /The file is 21 MB; corpus files are limited to 20 MB/);
  });
});
