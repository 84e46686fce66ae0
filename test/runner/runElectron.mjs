#!/usr/bin/env node
// The standard @vscode/test-electron runner for the same integration suite, for machines that can
// download VS Code (developer laptops, CI with internet). Offline, use runIntegration.mjs instead.
//
//   node test/runner/runElectron.mjs [--extension <abs path>] [--tests <abs compiled index.js>] \
//        [--workspace <folder>] [--version 1.139.1|stable|insiders]
//
// Defaults: the repo root as the extension, out/test/integration/index.js as the tests,
// test/fixtures/workspace (if present, else a fresh temp folder) as the workspace, VS Code 1.139.1
// (override with --version or VSCODE_TEST_VERSION). On Linux without a display run it under
// `xvfb-run -a`. VS Code is cached in .vscode-test/vscode-* (git-ignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values } = parseArgs({
  options: {
    extension: { type: 'string', default: REPO_ROOT },
    tests: { type: 'string', default: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js') },
    workspace: { type: 'string' },
    version: { type: 'string', default: process.env.VSCODE_TEST_VERSION ?? '1.139.1' },
  },
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-electron-test-'));
const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
let workspace = values.workspace ?? (fs.existsSync(fixture) ? fixture : path.join(tmp, 'ws'));
workspace = path.resolve(workspace);
fs.mkdirSync(workspace, { recursive: true });
const userDataDir = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
// Same quiet settings as the offline runner.
fs.writeFileSync(
  path.join(userDataDir, 'User', 'settings.json'),
  JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
  }),
);

let code = 0;
try {
  console.log(`Running integration tests in VS Code ${values.version} (@vscode/test-electron)`);
  await runTests({
    version: values.version,
    cachePath: path.join(REPO_ROOT, '.vscode-test'),
    extensionDevelopmentPath: path.resolve(values.extension),
    extensionTestsPath: path.resolve(values.tests),
    launchArgs: [
      workspace,
      '--disable-extensions', // only the extension under development
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--user-data-dir', userDataDir,
      '--extensions-dir', path.join(tmp, 'extensions'),
    ],
  });
} catch (err) {
  console.error(`runElectron: tests failed: ${err?.message ?? err}`);
  code = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
