// The npm package as a user gets it: `npm pack`, then `npm install ./phrasebook-*.tgz` in an empty folder.
// `require('phrasebook')` / `import` must give the pure core (never the VS Code extension), and the
// `phrasebook` bin the CLI. Dependencies come from the npm cache (npm ci filled it) or the npm registry.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../runner/codeServer.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000, ...options });
  } catch (error) {
    error.message += `\n${error.stdout ?? ''}`; // tsc and npm say what went wrong on stdout
    throw error;
  }
}

describe('the npm package', function () {
  this.timeout(300_000);
  let tmp;
  let user; // the empty folder the tarball is installed into
  let packed;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-npm-'));
    [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp, ...quiet], { stdio: ['ignore', 'pipe', 'inherit'] }));
    user = path.join(tmp, 'user');
    fs.mkdirSync(user);
    run('npm', ['install', '--prefer-offline', '--no-package-lock', '--omit=dev', ...quiet, path.join(tmp, packed.filename)], {
      cwd: user,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the core with its types, the CLI, the built-in corpus and thesaurus, and nothing of the repo besides', () => {
    const files = packed.files.map((file) => file.path).sort();
    for (const file of ['dist/core.js', 'dist/core.d.ts', 'dist/core-types/index.d.ts', 'dist/cli.js', 'corpus/builtin.md', 'corpus/thesaurus.txt', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(file), `${file} is missing from the tarball`);
    }
    const unwanted = files.filter((file) =>
      !/^(dist\/(core\.js|core\.d\.ts|core-types\/.+\.d\.ts|cli\.js)|corpus\/(builtin\.md|thesaurus\.txt)|package\.json|README(\.en)?\.md|CHANGELOG\.md|LICENSE)$/.test(file), // npm adds README.en.md, which README.md links
    );
    assert.deepEqual(unwanted, [], 'tests, sources, maps or the extension bundle in the tarball');
  });

  it('`npx phrasebook search xytj` answers like the CLI in the repo', () => {
    const installed = run('npx', ['--no-install', 'phrasebook', 'search', 'xytj'], { cwd: user });
    assert.match(installed, /builtin\/llxx\.\d+/);
    assert.equal(installed, run(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'search', 'xytj']));
    // Everyday wording goes through the thesaurus the package ships beside the corpus (without it: no hit).
    const everyday = run('npx', ['--no-install', 'phrasebook', 'search', '做事拖拖拉拉'], { cwd: user });
    assert.match(everyday, /builtin\/nlbl\.10/);
    assert.equal(everyday, run(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'search', '做事拖拖拉拉']));
  });

  it("require('phrasebook') gives the core API, which parses, searches, imports and makes snippets", () => {
    const script = `
      const fs = require('node:fs');
      const core = require('phrasebook');
      const corpusFile = require.resolve('phrasebook/package.json').replace(/package\\.json$/, 'corpus/builtin.md');
      const { corpus, problems } = core.parseCorpus(fs.readFileSync(corpusFile, 'utf8'));
      const hits = new core.SearchIndex(core.allItems(corpus)).search('xytj', { limit: 3 });
      const imported = core.importOutline('一、学习\\n1. 学用脱节。\\n', { id: 'mine' });
      const snippets = Object.keys(core.snippetsForCorpus(corpus));
      console.log(JSON.stringify({ keys: Object.keys(core), problems: problems.length, top: hits[0].item.text,
        imported: core.allItems(imported.corpus).map((item) => item.text), snippets: snippets.length,
        items: core.allItems(corpus).length, vscode: Object.keys(require.cache).some((k) => /extension\\.js$/.test(k)) }));`;
    const result = JSON.parse(run(process.execPath, ['-e', script], { cwd: user }));
    for (const name of ['parseCorpus', 'serializeCorpus', 'importOutline', 'SearchIndex', 'Thesaurus', 'snippetsForCorpus', 'readCorpus']) {
      assert.ok(result.keys.includes(name), `${name} is not exported`);
    }
    assert.equal(result.problems, 0);
    assert.match(result.top, /学用脱节|学不进去/);
    assert.deepEqual(result.imported, ['学用脱节。']);
    assert.equal(result.snippets, result.items);
    assert.equal(result.vscode, false, 'the VS Code extension was loaded');
  });

  it('import gives the same core, and TypeScript finds its types through exports', () => {
    const names = run(process.execPath, ['--input-type=module', '-e', "import * as core from 'phrasebook'; console.log(Object.keys(core).join(' '))"], { cwd: user });
    assert.match(names, /\bSearchIndex\b/);
    assert.match(names, /\bparseCorpus\b/);
    fs.writeFileSync(
      path.join(user, 'use.mts'),
      "import { SearchIndex, parseCorpus, type SearchHit } from 'phrasebook';\n" +
        "const hits: SearchHit[] = new SearchIndex([]).search('xytj');\nexport const n: number = hits.length + parseCorpus('').problems.length;\n",
    );
    run(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', 'use.mts'], { cwd: user });
  });

  it('names the CLI as the bin and keeps `main` for VS Code', () => {
    assert.equal(manifest.bin.phrasebook, './dist/cli.js');
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.exports['.'].default, './dist/core.js');
  });
});
