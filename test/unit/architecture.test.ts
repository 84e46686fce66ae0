import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture', () => {
  it('src/core never imports vscode, so the CLI and scripts can use it in plain Node', () => {
    const files = sourceFiles(path.join(ROOT, 'src', 'core'));
    assert.ok(files.length > 5);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /(from\s+|require\(\s*|import\(\s*)['"]vscode['"]/, `${path.relative(ROOT, file)} imports vscode`);
      for (const [, specifier] of text.matchAll(/from\s+['"](\.[^'"]*)['"]/g)) {
        const target = path.resolve(path.dirname(file), specifier);
        assert.ok(target.startsWith(path.join(ROOT, 'src', 'core')), `${path.relative(ROOT, file)} imports ${specifier} from outside src/core`);
      }
    }
  });
});
