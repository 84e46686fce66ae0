#!/usr/bin/env node
// Runs the web suite (test/integration-web) with Phrasebook in the browser's web worker extension host of
// code-server, offline. VS Code runs an extension there only when its manifest has no `main`, so the run
// uses a copy of the built extension whose package.json keeps `browser` alone (everything else as is),
// and the tests are bundled for the browser into that copy (the workbench runs them in the host of the
// extension whose folder holds them). The workspace is a fresh copy of test/fixtures/library-workspace.
//   npm run build && node test/integration-web/run.mjs [--verbose]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-web-'));
const extension = path.join(tmp, 'extension');
const workspace = path.join(tmp, 'workspace');

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
if (!manifest.browser) throw new Error('package.json has no browser entry');
const browserEntry = path.join(root, manifest.browser);
if (!fs.existsSync(browserEntry)) throw new Error(`${manifest.browser} does not exist: run npm run build first`);
delete manifest.main;
fs.mkdirSync(extension, { recursive: true });
fs.writeFileSync(path.join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
for (const name of ['corpus', 'snippets', 'l10n', 'media', 'package.nls.json', 'package.nls.zh-cn.json']) {
  fs.cpSync(path.join(root, name), path.join(extension, name), { recursive: true });
}
fs.mkdirSync(path.dirname(path.join(extension, manifest.browser)), { recursive: true });
fs.copyFileSync(browserEntry, path.join(extension, manifest.browser));

await esbuild.build({
  entryPoints: [path.join(root, 'test', 'integration-web', 'index.ts')],
  outfile: path.join(extension, 'test', 'index.js'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  logLevel: 'warning',
});
fs.cpSync(path.join(root, 'test', 'fixtures', 'library-workspace'), workspace, { recursive: true });

const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'test', 'runner', 'runIntegration.mjs'),
    '--web',
    '--extension', extension,
    '--tests', path.join(extension, 'test', 'index.js'),
    '--workspace', workspace,
    '--timeout', process.env.TEST_TIMEOUT ?? '1200',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
if (!process.env.KEEP_TEST_WORKSPACE) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`kept ${tmp}`);
process.exit(result.status ?? 2);
