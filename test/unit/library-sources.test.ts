import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { inWorker } from './inWorker';
import {
  costlyGlobEntries,
  globMatcher,
  isCostlyGlob,
  resolveCorpusEntries,
  resolveCorpusEntry,
  resolveVirtualFolderEntries,
  splitGlob,
  WORKSPACE_CORPUS_GLOB,
} from '../../src/core/sources';

const matchesGlob = (relativePath: string, glob: string) => globMatcher(glob)(relativePath);

const one = { folders: [{ name: 'report', path: '/ws/report' }], home: '/home/li', pathApi: path.posix };
const two = {
  folders: [
    { name: 'report', path: '/ws/report' },
    { name: 'team', path: '/ws/team' },
  ],
  home: '/home/li',
  pathApi: path.posix,
};

describe('library: corpus locations from the setting', () => {
  it('splits a glob into its literal base and the pattern', () => {
    assert.deepEqual(splitGlob('素材/**/*.md'), { base: '素材', pattern: '**/*.md' });
    assert.deepEqual(splitGlob('/abs/x/*.md'), { base: '/abs/x', pattern: '*.md' });
    assert.deepEqual(splitGlob('*.md'), { base: '', pattern: '*.md' });
    assert.deepEqual(splitGlob('a/b.md'), { base: 'a/b.md' });
  });

  it('resolves relative entries against the workspace folder', () => {
    assert.deepEqual(resolveCorpusEntry('素材/团队.md', one), [{ base: '/ws/report/素材/团队.md', pattern: undefined, entry: '素材/团队.md', folder: 'report' }]);
    assert.deepEqual(resolveCorpusEntry('./素材/*.md', one), [{ base: '/ws/report/素材', pattern: '*.md', entry: './素材/*.md', folder: 'report' }]);
    assert.deepEqual(resolveCorpusEntry('**/*.corpus.md', one)[0], { base: '/ws/report', pattern: '**/*.corpus.md', entry: '**/*.corpus.md', folder: 'report' });
  });

  it('resolves ~/ and absolute entries once, whatever the folders', () => {
    assert.deepEqual(resolveCorpusEntry('~/素材库/*.md', two), [{ base: '/home/li/素材库', pattern: '*.md', entry: '~/素材库/*.md' }]);
    assert.deepEqual(resolveCorpusEntry('/shared/团队素材库.md', two), [{ base: '/shared/团队素材库.md', pattern: undefined, entry: '/shared/团队素材库.md' }]);
    assert.equal(resolveCorpusEntry('C:\\素材\\a.md', { ...two, pathApi: path.win32 })[0].base, 'C:\\素材\\a.md');
  });

  it('in a multi-root workspace, a relative entry resolves in every folder unless it names one', () => {
    assert.deepEqual(resolveCorpusEntry('notes/*.md', two).map((l) => l.base), ['/ws/report/notes', '/ws/team/notes']);
    assert.deepEqual(resolveCorpusEntry('team/notes/*.md', two).map((l) => [l.base, l.folder]), [['/ws/team/notes', 'team']]);
    assert.deepEqual(resolveCorpusEntry('${workspaceFolder:team}/a.md', two).map((l) => l.base), ['/ws/team/a.md']);
    assert.deepEqual(resolveCorpusEntry('${workspaceFolder}/a.md', two).map((l) => l.base), ['/ws/report/a.md', '/ws/team/a.md']);
  });

  it('ignores blanks, non-strings and duplicates; relative entries name nothing without a folder', () => {
    assert.deepEqual(resolveCorpusEntry('  ', one), []);
    assert.deepEqual(resolveCorpusEntry('a.md', { ...one, folders: [] }), []);
    const all = resolveCorpusEntries(['a.md', './a.md', 3, null, '/x/*.md', '/x/*.md'], one);
    assert.deepEqual(all.map((l) => `${l.base}|${l.pattern ?? ''}`), ['/ws/report/a.md|', '/x|*.md']);
  });

  it('matches globs like VS Code: **, *, ?, [..], {a,b}', () => {
    assert.ok(matchesGlob('a.md', '*.md'));
    assert.ok(!matchesGlob('sub/a.md', '*.md'));
    assert.ok(matchesGlob('sub/deep/a.md', '**/*.md'));
    assert.ok(matchesGlob('a.md', '**/*.md'));
    assert.ok(matchesGlob('.phrasebook/团队.markdown', WORKSPACE_CORPUS_GLOB));
    assert.ok(matchesGlob('.phrasebook/x/团队.md', WORKSPACE_CORPUS_GLOB));
    assert.ok(!matchesGlob('other/团队.md', WORKSPACE_CORPUS_GLOB));
    assert.ok(matchesGlob('b1.md', '[ab]?.md'));
    assert.ok(!matchesGlob('c1.md', '[ab]?.md'));
    assert.ok(matchesGlob('x\\y.md', 'x/*.md'));
    assert.ok(!matchesGlob('aXmd', 'a.md'), 'dots are literal');
    assert.ok(matchesGlob('a+(b).md', 'a+(b).md'), 'regex characters are literal');
    assert.ok(matchesGlob('b.md', '{a,b}.md') && !matchesGlob('c.md', '{a,b}.md'));
    // picomatch also matches a file literally named `[ab].md`, so such a name is never unreachable.
    assert.ok(matchesGlob('a.md', '[ab].md') && !matchesGlob('c.md', '[ab].md'));
    assert.ok(matchesGlob('a.md', '[!b].md') && !matchesGlob('b.md', '[!b].md'));
  });

  it('takes a bracket without its partner literally instead of throwing', () => {
    assert.ok(matchesGlob('a}.md', 'a}.md') && !matchesGlob('a.md', 'a}.md'));
    assert.ok(matchesGlob('a]b.md', 'a]b.md'));
    assert.ok(matchesGlob('{a,b', '{a,b') && !matchesGlob('a', '{a,b'));
    assert.ok(matchesGlob('[ab.md', '[ab.md'));
    assert.ok(matchesGlob('[z-a].md', '[z-a].md'), 'a class RegExp rejects is literal');
  });

  it('has no extglobs, as VS Code has none: `+(a)` is not "one or more a", `@(b)` not "b"', () => {
    assert.ok(matchesGlob('+a.md', '+(a).md') && !matchesGlob('aaa.md', '+(a).md'));
    assert.ok(matchesGlob('@b.md', '@(b).md') && !matchesGlob('b.md', '@(b).md'));
  });

  it('leaves out patterns with more than three runs of `*`, whose matching backtracks for seconds', () => {
    assert.ok(isCostlyGlob('**/*-*-*.md') && isCostlyGlob('*a*a*a*x'));
    assert.ok(!isCostlyGlob('**/*对照*.md') && !isCostlyGlob('{素材,材料}/**/*.md') && !isCostlyGlob(WORKSPACE_CORPUS_GLOB));
    assert.equal(matchesGlob('aaax', '*a*a*a*x'), false, 'a costly pattern matches nothing');
    const locations = resolveCorpusEntries(['素材/**/*-*-*.md', '素材/**/*.md', 'team.md'], two);
    assert.deepEqual(costlyGlobEntries(locations), ['素材/**/*-*-*.md'], 'named once, though it resolves in both folders');
  });
});

describe('library: glob patterns that used to hang the matcher', function () {
  // Each case runs in a worker: the old matcher never returned, and a test stuck in a loop cannot time out.
  this.timeout(120_000);
  const sources = require.resolve('../../src/core/sources');
  const DEADLINE_MS = 60_000;

  it('returns on patterns ending in four or more backslashes (picomatch 4.0.7 loops on them)', async () => {
    const globs = ['{', '*', 'a{', '^}{'].map((head, index) => head + '\\'.repeat(4 + index));
    const results = await inWorker<boolean[]>(
      'const { globMatcher } = require(workerData.sources); return workerData.globs.map((glob) => globMatcher(glob)("a/b.md"));',
      { sources, globs },
      DEADLINE_MS,
    );
    assert.deepEqual(results, [false, false, false, false]);
  });

  it('matches `*(*)x` against a long name without backtracking for minutes (no extglobs)', async () => {
    const name = `${'a'.repeat(60)}/b.md`;
    const result = await inWorker<boolean>('const { globMatcher } = require(workerData.sources); return globMatcher("*(*)x")(workerData.name);', { sources, name }, DEADLINE_MS);
    assert.equal(result, false);
  });

  it('returns on any pattern of glob syntax, tried against short and long paths', async () => {
    let last: unknown;
    const paths = ['a/b.md', `${'a'.repeat(255)}/${'a'.repeat(255)}/b.md`];
    const failure = await inWorker<string | undefined>(
      `const fc = require(workerData.fastCheck);
       const { globMatcher } = require(workerData.sources);
       const unit = fc.constantFrom('{', '}', '[', ']', ',', '!', '-', '*', '**', '?', '/', '\\\\', '^', '(', ')', '@', '+', 'a', 'z', '.');
       const details = fc.check(fc.property(fc.string({ unit, maxLength: 30 }), (glob) => {
         post(glob);
         const matches = globMatcher(glob);
         for (const path of workerData.paths) matches(path);
       }), { numRuns: 3000, seed: 1 });
       return details.failed ? String(details.counterexample) + ': ' + String(details.errorInstance) : undefined;`,
      { sources, paths, fastCheck: require.resolve('fast-check') },
      DEADLINE_MS,
      (glob) => (last = glob),
    ).catch((error: Error) => `${error.message}, last pattern ${JSON.stringify(last)}`);
    assert.equal(failure, undefined);
  });
});

describe('library: corpus locations in folders that are not on disk (vscode.dev, github.dev)', () => {
  // A github.dev folder's URI path, e.g. vscode-vfs://github/li/report → /li/report.
  const virtual = [{ name: 'report', path: '/li/report' }];

  it('resolves folder-relative entries along the folder URI path, naming the folder', () => {
    assert.deepEqual(resolveVirtualFolderEntries(['素材/**/*.md', '${workspaceFolder}/team.md'], virtual), [
      { base: '/li/report/素材', pattern: '**/*.md', entry: '素材/**/*.md', folder: 'report' },
      { base: '/li/report/team.md', pattern: undefined, entry: '${workspaceFolder}/team.md', folder: 'report' },
    ]);
  });

  it('leaves out absolute and home paths: they name the writer\'s disk, not the folder', () => {
    assert.deepEqual(resolveVirtualFolderEntries(['/srv/phrases.md', 'C:\\phrases', '~/phrases.md'], virtual), []);
  });
});
