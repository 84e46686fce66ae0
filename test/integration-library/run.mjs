#!/usr/bin/env node
// Runs the library integration tests (test/integration-library/*.test.ts, compiled into out/) in a real
// VS Code via test/runner/runIntegration.mjs, on a fresh copy of test/fixtures/library-workspace (the
// tests edit, break and fix its corpus files) plus a corpus folder outside the workspace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-library-'));
const workspace = path.join(tmp, 'workspace');
const outside = path.join(tmp, 'outside');
fs.cpSync(path.join(root, 'test', 'fixtures', 'library-workspace'), workspace, { recursive: true });
fs.mkdirSync(outside, { recursive: true });
fs.writeFileSync(
  path.join(outside, '个人素材.md'),
  '---\nid: personal\ntitle: 个人素材\n---\n\n## 一、创新意识\n\n1. 创新意识不强，习惯按老办法办事。\n',
);
fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
fs.writeFileSync(
  path.join(workspace, '.vscode', 'settings.json'),
  JSON.stringify({ 'phrasebook.corpora': ['shared/*.md', `${outside}/*.md`] }, null, 2),
);
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'test', 'runner', 'runIntegration.mjs'),
    '--extension', root,
    '--tests', path.join(root, 'out', 'test', 'integration-library', 'index.js'),
    '--workspace', workspace,
    '--timeout', process.env.TEST_TIMEOUT ?? '1200',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, PHRASEBOOK_TEST_OUTSIDE: outside } },
);
if (!process.env.KEEP_TEST_WORKSPACE) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`kept ${tmp}`);
process.exit(result.status ?? 2);
