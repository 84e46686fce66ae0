// The l10n bundles against the strings the code uses, extracted by @vscode/l10n-dev (the tool that
// writes bundle.l10n.json) rather than by a regular expression: every string has an English and a
// Simplified Chinese entry with its placeholders, and no entry is left over from a string gone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { PROBLEM_MESSAGES } from '../../src/core/problems';
import { ROOT } from './helpers';

const bundle = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8'));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every message the extension shows: `vscode.l10n.t` literals of the VS Code layer, and the problem templates. */
async function messages(): Promise<Set<string>> {
  const files = [path.join(ROOT, 'src', 'extension.ts'), ...sources(path.join(ROOT, 'src', 'vscode'))];
  const extracted = await getL10nJson(files.map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') })));
  const keys = Object.keys(extracted);
  return new Set([...keys, ...Object.values(PROBLEM_MESSAGES)]);
}

describe('l10n bundles', () => {
  let used: Set<string>;
  before(async function () {
    this.timeout(60_000);
    used = await messages();
  });

  it('finds the strings of the VS Code layer (the extraction works)', () => {
    assert.ok(used.has('Insert Phrasebook Item'));
    assert.ok(used.has(PROBLEM_MESSAGES.tooLarge));
    assert.ok(used.size > 60, `${used.size} strings`);
  });

  for (const [name, language] of [
    ['bundle.l10n.json', 'English'],
    ['bundle.l10n.zh-cn.json', 'Simplified Chinese'],
  ]) {
    it(`${name} has exactly the strings in use (${language}), placeholders kept`, () => {
      const entries = bundle(name);
      assert.deepEqual([...used].filter((key) => !entries[key]).sort(), [], `missing from ${name}`);
      assert.deepEqual(Object.keys(entries).filter((key) => !used.has(key)).sort(), [], `left over in ${name}`);
      for (const key of used) {
        for (const placeholder of key.match(/\{\d+\}/g) ?? []) assert.ok(entries[key].includes(placeholder), `${name}: ${key}: ${placeholder}`);
      }
    });
  }
});
