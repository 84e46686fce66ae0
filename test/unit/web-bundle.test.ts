import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import fc from 'fast-check';
import { posixPath } from '../../src/core/posixPath';
import { homeRelativeEntries, resolveCorpusEntries } from '../../src/core/sources';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  outputs: Record<string, { entryPoint?: string; imports: { path: string; external?: boolean }[] }>;
}

describe('the browser bundle (VS Code for the Web)', () => {
  // Written by `npm run build` (esbuild.mjs), which test:unit runs first.
  const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'web', 'extension.meta.json'), 'utf8')) as Metafile;

  it('imports no Node built-in, directly or through a dependency, and needs nothing at run time but vscode', () => {
    const builtins = Object.entries(meta.inputs).flatMap(([file, input]) =>
      input.imports.filter((entry) => NODE_BUILTINS.has(entry.path)).map((entry) => `${file} → ${entry.path}`),
    );
    assert.deepEqual(builtins, []);
    const output = Object.values(meta.outputs).find((candidate) => candidate.entryPoint)!;
    assert.deepEqual([...new Set(output.imports.map((entry) => entry.path))], ['vscode']);
  });

  it('leaves the Word writer to the Node bundle', () => {
    assert.deepEqual(Object.keys(meta.inputs).filter((file) => file.includes('node_modules/docx/')), []);
  });
});

describe('POSIX paths without node:path', () => {
  const segment = fc.constantFrom('a', 'bb', '素材', '.', '..', '', 'x.md', '~');
  const pathText = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }), fc.boolean()).map(
    ([absolute, parts, trailing]) => `${absolute ? '/' : ''}${parts.join('/')}${trailing ? '/' : ''}`,
  );

  it('normalize and join agree with Node’s path.posix', () => {
    fc.assert(fc.property(pathText, (text) => posixPath.normalize(text) === path.posix.normalize(text)), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(pathText, { maxLength: 4 }), (parts) => posixPath.join(...parts) === path.posix.join(...parts)), { numRuns: 2000 });
  });
});

describe('corpus entries where there is no home folder', () => {
  const context = { folders: [{ name: 'report', path: '/ws/report' }], home: undefined };

  it('resolves `~/` entries to nothing, names them for the message, and still resolves the others', () => {
    const entries = ['~/素材库/*.md', '素材/*.md', '~', 42];
    assert.deepEqual(
      resolveCorpusEntries(entries, context).map((location) => location.base),
      ['/ws/report/素材'],
    );
    assert.deepEqual(homeRelativeEntries(entries), ['~/素材库/*.md', '~']);
  });
});
