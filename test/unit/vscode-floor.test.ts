// The oldest VS Code we support is one version, said in three places that must agree: engines.vscode (what
// VS Code checks on install), @types/vscode (so newer API fails to type-check) and the code-server release
// the integration suites also run in (test/runner/oldest.json).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

const readJson = (...segments: string[]) => JSON.parse(fs.readFileSync(path.join(ROOT, ...segments), 'utf8'));
const minor = (version: string) => /(\d+\.\d+)\.\d+/.exec(version)?.[1];

describe('the oldest supported VS Code', () => {
  const manifest = readJson('package.json');
  const floor = minor(manifest.engines.vscode);

  it('engines.vscode is a caret range on a release', () => {
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.0$/);
  });

  it('@types/vscode is pinned to the floor, in package.json and as installed', () => {
    assert.equal(manifest.devDependencies['@types/vscode'], `~${floor}.0`);
    assert.equal(minor(readJson('node_modules', '@types', 'vscode', 'package.json').version), floor);
    assert.equal(minor(readJson('package-lock.json').packages['node_modules/@types/vscode'].version), floor);
  });

  it('the integration suites run in that VS Code', () => {
    const oldest = readJson('test', 'runner', 'oldest.json');
    assert.equal(minor(oldest.vscode), floor);
    assert.equal(oldest.codeServer.split('.')[1], floor?.split('.')[1], 'code-server 4.N ships VS Code 1.N');
  });
});
