import * as assert from 'node:assert/strict';
import { CorpusFiles, nextGoodVersion } from '../../src/core/corpusFiles';
import { discoverCorpusFiles } from '../../src/core/discovery';
import type { Problem } from '../../src/core/model';
import { readCorpus } from '../../src/core/read';
import { WORKSPACE_CORPUS_GLOB } from '../../src/core/sources';
import { MemoryWorkspace } from './memoryWorkspace';

const corpusText = (id: string, text = '正文。') => `---\nid: ${id}\ntitle: ${id}\n---\n\n## 一、分类\n\n1. ${text}\n`;

/** Discovery over the workspace folder `/ws` (its `.phrasebook/`), as the extension runs it. */
async function discover(ws: MemoryWorkspace, extra: { base: string; pattern?: string }[] = [], maxFiles?: number) {
  const found = await discoverCorpusFiles(ws, [{ base: ws.resource('/ws'), pattern: WORKSPACE_CORPUS_GLOB }, ...extra], { maxFiles });
  return { ...found, paths: found.files.map((resource) => resource.slice('mem:'.length)) };
}

function loader(ws: MemoryWorkspace, options = {}) {
  const reports = new Map<string, readonly Problem[]>();
  const files = new CorpusFiles(ws, (resource, problems) => reports.set(resource.slice('mem:'.length), problems), options);
  const ids = () => files.corpora().map((entry) => entry.corpus.id);
  const codes = (path: string) => (reports.get(path) ?? []).map((problem) => problem.code);
  return { files, reports, ids, codes };
}

describe('corpus files: discovery', () => {
  it('finds the Markdown files of .phrasebook/, nested folders included, in path order', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/b.md', 'x').file('/ws/.phrasebook/a.markdown', 'x').file('/ws/.phrasebook/sub/c.md', 'x');
    ws.file('/ws/.phrasebook/notes.txt', 'x').file('/ws/other/d.md', 'x');
    assert.deepEqual((await discover(ws)).paths, ['/ws/.phrasebook/a.markdown', '/ws/.phrasebook/b.md', '/ws/.phrasebook/sub/c.md']);
  });

  it('walks only .phrasebook/ of a workspace folder, not the whole workspace', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/a.md', 'x').file('/ws/src/deep/b.md', 'x');
    const listed: string[] = [];
    const readDirectory = ws.readDirectory.bind(ws);
    ws.readDirectory = (resource) => {
      listed.push(resource.slice('mem:'.length));
      return readDirectory(resource);
    };
    assert.deepEqual((await discover(ws)).paths, ['/ws/.phrasebook/a.md']);
    assert.deepEqual(listed, ['/ws/.phrasebook']);
  });

  it('follows a link to its own folder once: team.md and again -> . load one copy', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/team.md', corpusText('team')).link('/ws/.phrasebook/again', '.');
    assert.deepEqual((await discover(ws)).paths, ['/ws/.phrasebook/team.md']);
    // Nested links do not multiply either.
    ws.link('/ws/.phrasebook/sub/up', '..').link('/ws/.phrasebook/twice', 'again');
    assert.deepEqual((await discover(ws)).paths, ['/ws/.phrasebook/team.md']);
  });

  it('follows a link to a folder elsewhere, but reaches each target once', async () => {
    const ws = new MemoryWorkspace().file('/team/shared.md', corpusText('shared')).link('/ws/.phrasebook/team', '/team');
    assert.deepEqual((await discover(ws)).paths, ['/ws/.phrasebook/team/shared.md']);
    // The setting also names the folder the link points to: still one copy.
    assert.deepEqual((await discover(ws, [{ base: ws.resource('/team'), pattern: '*.md' }])).paths, ['/ws/.phrasebook/team/shared.md']);
    // A link to a file beside it is the same file.
    ws.file('/ws/.phrasebook/a.md', corpusText('a')).link('/ws/.phrasebook/b.md', 'a.md');
    assert.deepEqual((await discover(ws)).paths, ['/ws/.phrasebook/a.md', '/ws/.phrasebook/team/shared.md']);
  });

  it('keeps two real files with the same content apart', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/a.md', corpusText('x')).file('/ws/.phrasebook/b.md', corpusText('x'));
    assert.equal((await discover(ws)).files.length, 2);
  });

  it('lists at most the cap and counts the files it skipped', async () => {
    const ws = new MemoryWorkspace();
    for (let n = 0; n < 2500; n++) ws.file(`/ws/.phrasebook/f${String(n).padStart(4, '0')}.md`, 'x');
    const found = await discover(ws, [], 2000);
    assert.equal(found.files.length, 2000);
    assert.equal(found.skipped, 500);
    assert.equal(found.paths[1999], '/ws/.phrasebook/f1999.md');
  });

  it('a single-path location names a file, or a folder of Markdown files', async () => {
    const ws = new MemoryWorkspace().file('/lib/one.md', 'x').file('/lib/folder/two.md', 'x').file('/lib/folder/skip.txt', 'x');
    const found = await discover(ws, [{ base: ws.resource('/lib/one.md') }, { base: ws.resource('/lib/folder') }, { base: ws.resource('/missing.md') }]);
    assert.deepEqual(found.paths, ['/lib/one.md', '/lib/folder/two.md']);
  });
});

describe('corpus files: loading', () => {
  it('reports a FIFO named x.md without reading it, and loads the files after it', async () => {
    const ws = new MemoryWorkspace().fifo('/ws/.phrasebook/x.md').file('/ws/.phrasebook/y.md', corpusText('y'));
    const { files, ids, codes } = loader(ws);
    await files.sync((await discover(ws)).files);
    assert.deepEqual(ids(), ['y']);
    assert.deepEqual(codes('/ws/.phrasebook/x.md'), ['notAFile']);
    assert.ok(!ws.reads.includes(ws.resource('/ws/.phrasebook/x.md')), 'a FIFO is never opened');
  });

  it('gives up a read that never answers, so one file cannot block the others', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/a.md', corpusText('a')).file('/ws/.phrasebook/b.md', corpusText('b'));
    ws.hanging.add(ws.resource('/ws/.phrasebook/a.md'));
    const { files, ids, codes } = loader(ws, { readTimeoutMs: 10 });
    await files.sync((await discover(ws)).files);
    assert.deepEqual(ids(), ['b']);
    assert.deepEqual(codes('/ws/.phrasebook/a.md'), ['unreadable']);
  });

  it('checks the size before reading', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/big.md', corpusText('big', '很长的正文。'.repeat(100)));
    const { files, reports, ids } = loader(ws, { maxBytes: 100 });
    await files.sync((await discover(ws)).files);
    assert.deepEqual(ids(), []);
    const [problem] = reports.get('/ws/.phrasebook/big.md')!;
    assert.equal(problem.code, 'tooLarge');
    assert.match(problem.message, /limited to 100 bytes/);
    assert.deepEqual(ws.reads, []);
  });

  it('re-reads only what changed when one file is created, deleted or edited', async () => {
    const ws = new MemoryWorkspace();
    for (let n = 0; n < 20; n++) ws.file(`/ws/.phrasebook/c${n}.md`, corpusText(`c${n}`));
    const { files, ids } = loader(ws);
    await files.sync((await discover(ws)).files);
    assert.equal(ws.reads.length, 20);

    ws.reads.length = 0;
    ws.file('/ws/.phrasebook/new.md', corpusText('new'));
    assert.equal(await files.sync((await discover(ws)).files), true);
    assert.deepEqual(ws.reads, [ws.resource('/ws/.phrasebook/new.md')]);

    ws.reads.length = 0;
    ws.remove('/ws/.phrasebook/c3.md');
    assert.equal(await files.sync((await discover(ws)).files), true);
    assert.deepEqual(ws.reads, []);
    assert.ok(!ids().includes('c3'));

    ws.reads.length = 0;
    ws.file('/ws/.phrasebook/c5.md', corpusText('c5', '改过的正文。'));
    await files.reread([ws.resource('/ws/.phrasebook/c5.md')]);
    assert.deepEqual(ws.reads, [ws.resource('/ws/.phrasebook/c5.md')]);
    assert.equal(files.corpora().find((entry) => entry.corpus.id === 'c5')?.corpus.categories[0].items[0].text, '改过的正文。');

    // Refresh reads everything again.
    ws.reads.length = 0;
    await files.sync((await discover(ws)).files, true);
    assert.equal(ws.reads.length, 20);
  });

  it('keeps the last good version while a file is broken, and forgets a deleted file', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/team.md', corpusText('team', '第一版。'));
    const { files, codes } = loader(ws);
    const team = ws.resource('/ws/.phrasebook/team.md');
    const text = () => files.corpora()[0]?.corpus.categories[0].items[0].text;
    await files.sync((await discover(ws)).files);
    assert.equal(text(), '第一版。');
    ws.file('/ws/.phrasebook/team.md', new Uint8Array([0x50, 0, 0x4b, 3]));
    assert.equal(await files.reread([team]), false);
    assert.deepEqual(codes('/ws/.phrasebook/team.md'), ['binary']);
    assert.equal(text(), '第一版。');
    ws.file('/ws/.phrasebook/team.md', corpusText('team', '第二版。'));
    assert.equal(await files.reread([team]), true);
    assert.deepEqual(codes('/ws/.phrasebook/team.md'), []);
    assert.equal(text(), '第二版。');
    ws.remove('/ws/.phrasebook/team.md');
    assert.equal(await files.sync((await discover(ws)).files), true);
    assert.deepEqual(files.corpora(), []);
  });

  it('a version that lost every item to errors does not replace the good one; the first version counts', () => {
    const good = readCorpus(new TextEncoder().encode(corpusText('t')), 't.md');
    const lost = readCorpus(new TextEncoder().encode('---\nid: t\n---\n\n正文不在任何条目里。\n'), 't.md');
    assert.ok(lost.corpus && lost.problems.some((problem) => problem.severity === 'error'));
    assert.equal(nextGoodVersion(good.corpus, lost), good.corpus);
    assert.equal(nextGoodVersion(undefined, lost), lost.corpus);
    assert.equal(nextGoodVersion(lost.corpus, good), good.corpus);
    assert.equal(nextGoodVersion(good.corpus, { problems: [] }), good.corpus);
  });

  it('corpus ids stay unique and never take a reserved id', async () => {
    const ws = new MemoryWorkspace().file('/ws/.phrasebook/a.md', corpusText('builtin')).file('/ws/.phrasebook/b.md', corpusText('builtin'));
    const { files } = loader(ws);
    await files.sync((await discover(ws)).files);
    assert.deepEqual(files.corpora(['builtin']).map((entry) => entry.corpus.id), ['builtin-2', 'builtin-3']);
  });
});
