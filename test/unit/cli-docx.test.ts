// `phrasebook docx` through the built bin (dist/cli.js).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';
import { paragraphs, textOf, unzipDocx } from './docx-helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('phrasebook docx', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-docx-'));
    fs.mkdirSync(path.join(tmp, 'images'));
    fs.copyFileSync(path.join(ROOT, 'media', 'icon.png'), path.join(tmp, 'images', 'logo.png'));
    fs.writeFileSync(path.join(tmp, 'report.md'), '# 述职报告\n\n## 一、履职情况\n\n正文。\n\n![标志](images/logo.png)\n\n![缺图](images/none.png)\n\n结尾。\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

  it('writes report.docx beside the report: images relative to it embedded, a missing one a warning, the rest exported', async () => {
    const { status, stdout, stderr } = cli(tmp, 'docx', 'report.md');
    assert.equal(status, 0, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /^report\.md:9: warning: Image "images\/none\.png" could not be read/m);
    const parts = await unzipDocx(fs.readFileSync(path.join(tmp, 'report.docx')));
    assert.equal(parts.media.length, 1);
    assert.deepEqual(
      paragraphs(parts.document).map(textOf).filter(Boolean),
      ['述职报告', '一、履职情况', '正文。', '![缺图](images/none.png)', '结尾。'],
    );
    assert.deepEqual(leftovers(tmp), []);
  });

  it('-o names the output; an existing file is refused without --force and left untouched', () => {
    const out = path.join(tmp, 'out', '成稿.docx');
    fs.mkdirSync(path.dirname(out));
    fs.writeFileSync(out, 'mine');
    const refused = cli(tmp, 'docx', 'report.md', '-o', out);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /already exists; add --force/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'mine');
    const forced = cli(tmp, 'docx', 'report.md', '-o', out, '--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK');
  });

  it('a path it cannot write is a clear error and leaves nothing behind', () => {
    // Root writes through permission bits, so "cannot write" is a file where a folder should be, and a folder
    // where the document should be (the temporary file is written, the rename fails).
    fs.writeFileSync(path.join(tmp, 'plain'), '');
    const notFolder = cli(tmp, 'docx', 'report.md', '-o', path.join('plain', 'x.docx'));
    assert.equal(notFolder.status, 2);
    assert.match(notFolder.stderr, /^phrasebook: plain\/x\.docx: .*ENOTDIR/m);
    fs.mkdirSync(path.join(tmp, 'taken.docx'));
    const isFolder = cli(tmp, 'docx', 'report.md', '-o', 'taken.docx', '--force');
    assert.equal(isFolder.status, 2);
    assert.match(isFolder.stderr, /^phrasebook: taken\.docx: /m);
    assert.deepEqual(leftovers(tmp), []);
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'taken.docx')), []);
  });

  it('a missing or binary report is an error, and nothing is written', () => {
    const missing = cli(tmp, 'docx', 'nope.md');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.md: no such file/);
    fs.writeFileSync(path.join(tmp, 'binary.md'), Buffer.from([0x50, 0x4b, 0, 0, 1, 2]));
    const binary = cli(tmp, 'docx', 'binary.md');
    assert.equal(binary.status, 2);
    assert.ok(!fs.existsSync(path.join(tmp, 'binary.docx')));
    assert.ok(!fs.existsSync(path.join(tmp, 'nope.docx')));
  });
});
