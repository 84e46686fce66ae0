// The .vsix a writer installs: built by `npm run package`, holding only what runs or is shown, and
// installable into VS Code (code-server 4.139.1, the same build the other tests run in).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, codeServerPaths } from '../runner/codeServer.mjs';

const VSIX = path.join(REPO_ROOT, 'phrasebook.vsix');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

function run(command, args, options = {}) {
  return execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000, ...options });
}

describe('the .vsix package', function () {
  this.timeout(300_000);
  let files;

  before(() => {
    fs.rmSync(VSIX, { force: true });
    run('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
    assert.ok(fs.existsSync(VSIX), 'npm run package made no phrasebook.vsix');
    files = run('npx', ['vsce', 'ls', '--no-dependencies']).trim().split('\n');
  });

  it('holds the bundle, the built-in corpus, snippets, translations and docs', () => {
    for (const file of [
      'dist/extension.js',
      'corpus/builtin.md',
      'snippets/builtin.code-snippets',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
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

  it('installs into VS Code with --install-extension', () => {
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
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
