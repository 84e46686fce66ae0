// Runs the built bin (dist/cli.js, made by `npm run build`, which `npm test` runs first).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SEED, seedText } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('phrasebook CLI', function () {
  // Each test starts the CLI several times; at load 20 on two cores a Node start alone can take seconds, and
  // one test failed at mocha's 20 s default. A cap for a busy machine, not a speed assert.
  this.timeout(120_000);

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

  it('search reads the shipped thesaurus: 做事拖拖拉拉 finds the paragraph that says 能拖则拖', () => {
    const hits = JSON.parse(cli('search', '做事拖拖拉拉', '--json').stdout) as { id: string; text: string }[];
    assert.ok(hits[0]?.text.includes('能拖则拖'), hits.map((hit) => hit.id).join(' '));
  });

  it('import turns outline text into a corpus and reports what it cannot place', () => {
    const input = path.join(tmp, 'outline.txt');
    fs.writeFileSync(input, '素材\r\n1．无类别的条目。\r\n一、甲方面\r\n1．第一。2．第二。\r\n（一）乙方面\r\n说明文字\r\n');
    const output = path.join(tmp, 'out', 'mine.md');
    const { status, stderr } = cli('import', input, '-o', output, '--id', 'mine');
    // Written, but a line could not be placed: an error-level problem, so the exit status says so (3).
    assert.equal(status, 3);
    assert.match(stderr, new RegExp(`outline\\.txt:2: error: .*无类别的条目.*kept as a comment`));
    assert.match(fs.readFileSync(output, 'utf8'), /<!--\n1．无类别的条目。\n-->/);
    const listed = JSON.parse(cli('list', '--json', '--corpus', output).stdout);
    assert.equal(listed.id, 'mine');
    assert.deepEqual(listed.categories[0].items.map((item: { text: string }) => item.text), ['第一。', '第二。']);
    // （一） under 一、 is a sub-category: listed flat, in file order, naming its parent.
    assert.deepEqual(
      listed.categories.map((category: { id: string; ordinal: string; name: string; parent?: string }) => [category.id, category.ordinal, category.name, category.parent]),
      [['j', '一', '甲方面', undefined], ['y', '一', '乙方面', 'j']],
    );
    assert.deepEqual(listed.categories[1].items.map((item: { id: string; text: string }) => [item.id, item.text]), [['mine/y.1', '说明文字']]);
    assert.match(cli('list', '--corpus', output).stdout, /\n {2}（一）乙方面 {2}\[y\]\n {4}mine\/y\.1 {2}说明文字/);
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
    assert.match(misplacedOutput.stderr, /--output applies to import, snippets and docx only/);
    assert.ok(!fs.existsSync(path.join(tmp, 'list.txt')));

    assert.notEqual(cli('frobnicate').status, 0);
    assert.notEqual(cli('search', 'x', '--limit', 'many').status, 0);
  });

  it('warns with path:line about problems in a corpus but keeps working', () => {
    const corpusFile = path.join(tmp, 'broken.md');
    fs.writeFileSync(corpusFile, '## 甲\n\n1. 好。\n\n游离文字\n');
    const { status, stdout, stderr } = cli('list', '--json', '--corpus', corpusFile);
    assert.equal(status, 3, 'an error-level problem: the listing is complete, but the status tells a script');
    assert.match(stderr, /broken\.md:5: error: Text outside any item/);
    assert.equal(JSON.parse(stdout).categories[0].items.length, 1);
  });

  it('import holds corpus ids to the extension\'s rule: one made from a Chinese file name, a bad --id refused', () => {
    const input = path.join(tmp, '团队材料.txt');
    fs.writeFileSync(input, '一、甲方面\n1．第一。\n');
    const { status, stdout } = cli('import', input);
    assert.equal(status, 0);
    // The pinyin initials of the file name, as New Corpus proposes from a title (not `团队材料`, which the extension rejects).
    assert.match(stdout, /^---\nid: tdcl\n/);
    const output = path.join(tmp, 'bad-id.md');
    const refused = cli('import', input, '-o', output, '--id', '团队材料');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /--id "团队材料": use lower-case ASCII letters, digits and "-" only, e.g. "tdcl"/);
    assert.ok(!fs.existsSync(output), 'nothing written');
  });

  it('import and snippets refuse to write over their input, even with --force', () => {
    const notes = path.join(tmp, 'notes.txt');
    const outline = '一、甲方面\n1．第一。\n';
    fs.writeFileSync(notes, outline);
    for (const args of [['import', notes, '-o', notes], ['import', notes, '-o', notes, '--force']]) {
      const { status, stderr } = cli(...args);
      assert.equal(status, 1, args.join(' '));
      assert.match(stderr, /notes\.txt is the input file/);
      assert.equal(fs.readFileSync(notes, 'utf8'), outline, 'the input is untouched');
    }
    // The same file under another name (a symbolic link) is still the input.
    const link = path.join(tmp, 'notes-link.txt');
    fs.symlinkSync(notes, link);
    assert.equal(cli('import', notes, '-o', link, '--force').status, 1);
    assert.equal(fs.readFileSync(notes, 'utf8'), outline);

    const mine = path.join(tmp, 'mine.md');
    const corpus = '## 一、作风方面\n\n1. 花费$5。\n';
    fs.writeFileSync(mine, corpus);
    const snippets = cli('snippets', mine, '-o', mine, '--force');
    assert.equal(snippets.status, 1);
    assert.match(snippets.stderr, /mine\.md is the input file/);
    assert.equal(fs.readFileSync(mine, 'utf8'), corpus);
  });

  it('-o does not replace an existing file without --force', () => {
    const corpusFile = path.join(tmp, 'keep.md');
    fs.writeFileSync(corpusFile, '## 一、作风方面\n\n1. 文风不实。\n');
    const output = path.join(tmp, 'keep.code-snippets');
    fs.writeFileSync(output, 'the writer\'s own snippets');
    const refused = cli('snippets', corpusFile, '-o', output);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /keep\.code-snippets already exists; add --force/);
    assert.equal(fs.readFileSync(output, 'utf8'), 'the writer\'s own snippets');

    const forced = cli('snippets', corpusFile, '-o', output, '--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(JSON.parse(fs.readFileSync(output, 'utf8'))['作风 1']);

    const outline = path.join(tmp, 'again.txt');
    fs.writeFileSync(outline, '一、甲方面\n1．第一。\n');
    const imported = path.join(tmp, 'again.md');
    fs.writeFileSync(imported, 'older corpus');
    assert.equal(cli('import', outline, '-o', imported).status, 1);
    assert.equal(fs.readFileSync(imported, 'utf8'), 'older corpus');
    assert.equal(cli('import', outline, '-o', imported, '--force').status, 0);
    assert.match(fs.readFileSync(imported, 'utf8'), /1\. 第一。/);
    assert.equal(cli('list', '--force').status, 1, '--force means nothing without -o');
  });

  it('exits non-zero when an item is dropped (error), zero on warnings only', () => {
    const duplicate = path.join(tmp, 'duplicate.txt');
    fs.writeFileSync(duplicate, '## 一、甲方面\n\n1. 第一。\n\n1. 又一个第一。\n');
    const dropped = cli('list', '--corpus', duplicate);
    assert.equal(dropped.status, 3);
    assert.match(dropped.stderr, /duplicate\.txt:5: error: Item number 1 appears twice/);
    assert.match(dropped.stdout, /第一。/, 'what could be read is still listed');
    // The importer drops nothing: a number used twice is renumbered, with a warning.
    const outline = path.join(tmp, 'duplicate-outline.txt');
    fs.writeFileSync(outline, '一、甲方面\n1．第一。\n1．又一个第一。\n');
    const renumbered = cli('import', outline);
    assert.equal(renumbered.status, 0);
    assert.match(renumbered.stderr, /duplicate-outline\.txt:3: warning: Item number 1 .* imported as item 2/);
    assert.match(renumbered.stdout, /1\. 第一。\n\n2\. 又一个第一。/);

    const warned = path.join(tmp, 'warned.md');
    fs.writeFileSync(warned, '## 一、甲\n\n1. 好。\n\n## 二、空\n');
    const listed = cli('list', '--corpus', warned);
    assert.match(listed.stderr, /warned\.md:5: warning: /);
    assert.equal(listed.status, 0);
  });

  it('ends quietly when the reader closes the pipe early (list --json | head -c 100)', async () => {
    const child = spawn(process.execPath, [CLI, 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Close our end before the CLI has started: every write it makes meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(stderr, '', 'no stack trace');
    assert.equal(status, 0);
  });

  it('with no arguments prints usage to stderr and exits 1; --help prints it to stdout', () => {
    const bare = cli();
    assert.equal(bare.status, 1);
    assert.equal(bare.stdout, '');
    assert.match(bare.stderr, /Usage: phrasebook <command>/);
    const help = cli('--help');
    assert.equal(help.status, 0);
    assert.equal(help.stderr, '');
    assert.match(help.stdout, /Usage: phrasebook <command>/);
  });

  it('--version prints the version in package.json', () => {
    const { status, stdout } = cli('--version');
    assert.equal(status, 0);
    assert.equal(stdout, `${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('--help lists every command', () => {
    const { status, stdout } = cli('--help');
    assert.equal(status, 0);
    for (const command of ['list', 'show', 'search', 'import', 'snippets']) assert.match(stdout, new RegExp(`\\b${command}\\b`));
  });
});
