// Runs the built bin (dist/cli.js, made by `npm run build`, which `npm test` runs first).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SEED, seedText } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('phrasebook CLI', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-cli-'));
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run npm run build');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('list --json shows 6 categories and 61 items whose texts are the seed\'s', () => {
    const { status, stdout } = cli('list', '--json');
    assert.equal(status, 0);
    const listed = JSON.parse(stdout);
    assert.equal(listed.categories.length, 6);
    const items = listed.categories.flatMap((category: { items: { text: string }[] }) => category.items);
    assert.equal(items.length, 61);
    for (const item of items) assert.ok(seedText().includes(item.text));
  });

  it('list prints categories and item ids for people', () => {
    const { status, stdout } = cli('list');
    assert.equal(status, 0);
    assert.match(stdout, /理论学习方面存在问题 {2}\[llxx\]/);
    assert.match(stdout, /builtin\/nlbl\.15 {2}部分领导干部缺乏对情况的全局把控能力/);
  });

  it('show prints one item\'s text, with or without the corpus id', () => {
    const full = cli('show', 'builtin/llxx.12');
    assert.equal(full.status, 0);
    assert.match(full.stdout, /^有的党员、干部理论学习兴趣不浓/);
    assert.equal(cli('show', 'llxx.12').stdout, full.stdout);
    const asJson = JSON.parse(cli('show', 'llxx.12', '--json').stdout);
    assert.equal(asJson.category, '理论学习方面存在问题');
  });

  it('search --json xytj puts the 学用脱节 items (理论学习 11 and 12) on top', () => {
    const { status, stdout } = cli('search', 'xytj', '--json');
    assert.equal(status, 0);
    const hits = JSON.parse(stdout);
    assert.deepEqual(hits.slice(0, 2).map((hit: { id: string }) => hit.id).sort(), ['builtin/llxx.11', 'builtin/llxx.12']);
    assert.deepEqual(Object.keys(hits[0]).sort(), ['category', 'id', 'number', 'score', 'text', 'tier', 'title']);
    assert.equal(hits[0].tier, 'full');
    assert.ok(hits[0].score >= hits[hits.length - 1].score);
  });

  it('search honours --limit and finds Chinese and full pinyin', () => {
    assert.equal(JSON.parse(cli('search', '学用脱节', '--json', '--limit', '1').stdout).length, 1);
    const pinyin = JSON.parse(cli('search', 'laohaoren', '--json').stdout);
    assert.equal(pinyin[0].id, 'builtin/ljzl.7');
  });

  it('search --json says which tier a hit is in: a stray word leaves the item as a partial match', () => {
    const hits = JSON.parse(cli('search', '纪律 老好人', '--json').stdout) as { id: string; tier: string }[];
    assert.equal(hits[0].id, 'builtin/ljzl.7');
    assert.equal(hits[0].tier, 'partial');
    assert.ok(hits.every((hit) => hit.tier === 'partial'));
  });

  it('import turns outline text into a corpus and reports what it cannot place', () => {
    const input = path.join(tmp, 'outline.txt');
    fs.writeFileSync(input, '素材\r\n一、甲方面\r\n说明文字\r\n1．第一。2．第二。\r\n');
    const output = path.join(tmp, 'out', 'mine.md');
    const { status, stderr } = cli('import', input, '-o', output, '--id', 'mine');
    assert.equal(status, 0);
    assert.match(stderr, new RegExp(`outline\\.txt:3: error: .*说明文字`));
    const listed = JSON.parse(cli('list', '--json', '--corpus', output).stdout);
    assert.equal(listed.id, 'mine');
    assert.deepEqual(listed.categories[0].items.map((item: { text: string }) => item.text), ['第一。', '第二。']);
  });

  it('import of the seed reproduces corpus/builtin.md', () => {
    const { stdout } = cli('import', SEED, '--id', 'builtin', '--title', '对照检查材料常见问题', '--language', 'zh-CN');
    assert.equal(stdout, fs.readFileSync(path.join(ROOT, 'corpus', 'builtin.md'), 'utf8'));
  });

  it('snippets writes a snippet file for any corpus', () => {
    const corpusFile = path.join(tmp, 'c.md');
    fs.writeFileSync(corpusFile, '## 一、作风方面\n\n1. 花费$5。\n');
    const output = path.join(tmp, 'c.code-snippets');
    assert.equal(cli('snippets', corpusFile, '-o', output).status, 0);
    const snippets = JSON.parse(fs.readFileSync(output, 'utf8'));
    assert.deepEqual(snippets['作风 1'], { prefix: ['zf1', '作风1'], body: ['花费\\$5。'], description: '作风 1 · 花费$5。' });
  });

  it('fails with a message on stderr and a non-zero code for bad input', () => {
    const missing = cli('list', '--corpus', path.join(tmp, 'nope.md'));
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /nope\.md: no such file/);

    const binary = path.join(tmp, 'bin.md');
    fs.writeFileSync(binary, Buffer.from([0x23, 0, 1, 2]));
    const unreadable = cli('search', 'x', '--corpus', binary);
    assert.notEqual(unreadable.status, 0);
    assert.match(unreadable.stderr, /bin\.md:1: error: .*binary/);

    const unknown = cli('show', 'builtin/llxx.99');
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /unknown id: builtin\/llxx\.99/);

    const twoIds = cli('show', 'builtin/llxx.1', 'builtin/llxx.2');
    assert.equal(twoIds.status, 1);
    assert.match(twoIds.stderr, /show: expected one <id>, got 2/);
    const misplacedOutput = cli('list', '-o', path.join(tmp, 'list.txt'));
    assert.equal(misplacedOutput.status, 1);
    assert.match(misplacedOutput.stderr, /--output applies to import and snippets only/);
    assert.ok(!fs.existsSync(path.join(tmp, 'list.txt')));

    assert.notEqual(cli('frobnicate').status, 0);
    assert.notEqual(cli('search', 'x', '--limit', 'many').status, 0);
  });

  it('warns with path:line about problems in a corpus but keeps working', () => {
    const corpusFile = path.join(tmp, 'broken.md');
    fs.writeFileSync(corpusFile, '## 甲\n\n1. 好。\n\n游离文字\n');
    const { status, stdout, stderr } = cli('list', '--json', '--corpus', corpusFile);
    assert.equal(status, 0);
    assert.match(stderr, /broken\.md:5: error: Text outside any item/);
    assert.equal(JSON.parse(stdout).categories[0].items.length, 1);
  });

  it('--help lists every command', () => {
    const { status, stdout } = cli('--help');
    assert.equal(status, 0);
    for (const command of ['list', 'show', 'search', 'import', 'snippets']) assert.match(stdout, new RegExp(`\\b${command}\\b`));
  });
});
