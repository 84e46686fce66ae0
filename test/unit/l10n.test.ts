import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROBLEM_MESSAGES } from '../../src/core/problems';
import { ROOT } from './helpers';

const bundle = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', name), 'utf8'));

describe('l10n of problem messages', () => {
  it('every problem template (the l10n key the extension shows) is in the English and Chinese bundles, placeholders kept', () => {
    const english = bundle('bundle.l10n.json');
    const chinese = bundle('bundle.l10n.zh-cn.json');
    for (const [code, template] of Object.entries(PROBLEM_MESSAGES)) {
      assert.equal(english[template], template, `${code}: not in bundle.l10n.json`);
      assert.ok(chinese[template], `${code}: no zh-cn translation`);
      for (const placeholder of template.match(/\{\d+\}/g) ?? []) assert.ok(chinese[template].includes(placeholder), `${code}: ${placeholder}`);
    }
  });
});
