// The .vsix a writer installs: built by `npm run package`, holding only what runs or is shown (read from
// the real .vsix, a zip), small, and installable into VS Code (code-server 4.139.1, the same build the other
// tests run in), where the installed extension activates and inserts an item. Part of `npm run release:check`.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { REPO_ROOT, codeServerPaths, launchChromium, openWorkbench, startCodeServer } from '../runner/codeServer.mjs';

const VSIX = path.join(REPO_ROOT, 'phrasebook.vsix');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
// About 3x today's .vsix: room to grow, but a bundled dependency or stray folder by mistake fails.
const MAX_VSIX_BYTES = 1_500_000;

function run(command, args, options = {}) {
  return execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000, ...options });
}

describe('the .vsix package', function () {
  this.timeout(300_000);
  let files;
  let zip;

  before(async () => {
    fs.rmSync(VSIX, { force: true });
    run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
    assert.ok(fs.existsSync(VSIX), 'npm run package made no phrasebook.vsix');
    zip = await JSZip.loadAsync(fs.readFileSync(VSIX));
    const entries = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    assert.ok(entries.includes('extension.vsixmanifest'), `not a .vsix: ${entries.join(', ')}`);
    files = entries.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  });

  it(`is smaller than ${MAX_VSIX_BYTES / 1e6} MB, with a production (minified, map-free) bundle`, async () => {
    const size = fs.statSync(VSIX).size;
    assert.ok(size < MAX_VSIX_BYTES, `phrasebook.vsix is ${size} bytes`);
    const bundle = await zip.file('extension/dist/extension.js').async('string');
    assert.ok(!bundle.includes('sourceMappingURL'), 'the bundle points at a source map');
    // Minified code keeps the newlines inside template literals (markdown-it and docx have some: about a
    // hundred lines); an unminified bundle of this size has tens of thousands.
    assert.ok(bundle.split('\n').length < 1000, 'the bundle is not minified (vscode:prepublish did not run?)');
    const packaged = JSON.parse(await zip.file('extension/package.json').async('string'));
    assert.equal(packaged.version, manifest.version);
    assert.equal(packaged.engines.vscode, manifest.engines.vscode);
  });

  it('holds the bundle, the built-in corpus, snippets, translations and docs', () => {
    for (const file of [
      'dist/extension.js',
      'dist/web/extension.js',
      'corpus/builtin.md',
      'snippets/builtin.code-snippets',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      // vsce stores these under the names the Marketplace looks for.
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'docs/tree.png',
    ]) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
  });

  it('holds no sources, tests, node_modules, source maps or build leftovers', () => {
    const unwanted = files.filter((file) =>
      /^(src|test|bench|scripts|out|node_modules|\.vscode-test|\.ci|test-results)\//.test(file) ||
      /\.(ts|map|mjs|vsix)$/.test(file) ||
      /^(tsconfig.*|esbuild\.mjs|package-lock\.json|\.mocharc.*)$/.test(file),
    );
    assert.deepEqual(unwanted, []);
  });

  it('installs into VS Code with --install-extension, then activates and inserts an item there', async () => {
    const { node, entry } = codeServerPaths();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-vsix-'));
    try {
      const dirs = ['--extensions-dir', path.join(home, 'extensions'), '--user-data-dir', path.join(home, 'data')];
      const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'xdg') };
      run(node, [entry, ...dirs, '--install-extension', VSIX], { env });
      const listed = run(node, [entry, ...dirs, '--list-extensions', '--show-versions'], { env });
      assert.match(listed, new RegExp(`^${manifest.publisher}\\.${manifest.name}@${manifest.version.replace(/\./g, '\\.')}$`, 'm'));
      const installed = path.join(home, 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`);
      assert.ok(fs.existsSync(path.join(installed, 'dist', 'extension.js')));
      assert.ok(fs.existsSync(path.join(installed, 'corpus', 'builtin.md')));
      await activateAndInsert(path.join(home, 'extensions'), { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, XDG_DATA_HOME: env.XDG_DATA_HOME });
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

/** Runs test/package/installed/index.js in code-server with the installed extension; fails unless it passes. */
async function activateAndInsert(extensionsDir, env) {
  const { allItems, readCorpus, SearchIndex } = await import(path.join(REPO_ROOT, 'dist', 'core.js'));
  const { corpus } = readCorpus(fs.readFileSync(path.join(REPO_ROOT, 'corpus', 'builtin.md')), 'builtin.md');
  const [hit] = new SearchIndex(allItems(corpus)).search('xytj', { limit: 1 });
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-installed-'));
  const server = await startCodeServer({ workspace, extensionsDir, env });
  const browser = await launchChromium();
  const output = [];
  try {
    const { exitCode } = await openWorkbench(browser, server.url, {
      folder: workspace,
      extensionDevelopmentPath: path.join(REPO_ROOT, 'test', 'package', 'installed', 'host'),
      extensionTestsPath: path.join(REPO_ROOT, 'test', 'package', 'installed', 'index.js'),
      extensionEnvironment: { PHRASEBOOK_EXTENSIONS_DIR: extensionsDir, PHRASEBOOK_ITEM_ID: hit.item.id, PHRASEBOOK_ITEM_TEXT: hit.item.text },
      onLog: (level, message) => output.push(`[${level}] ${message}`),
      navigationTimeoutMs: 180_000, // the first page load starts VS Code's server: slow on a busy CI machine
    });
    const code = await Promise.race([exitCode, new Promise((resolve) => setTimeout(() => resolve('timeout'), 180_000))]);
    assert.equal(code, 0, `the installed extension failed to activate or insert:\n${output.filter((line) => !line.startsWith('[trace]')).join('\n')}`);
    assert.ok(output.some((line) => line.includes(`activated and inserted ${hit.item.id}`)), output.join('\n'));
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
