// README.md (中文) and README.en.md: the commands and settings tables are generated from package.json and the
// package.nls*.json files (npm run gen:readme), and the two commands a newcomer runs are still there.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

const readme = (name: string) => fs.readFileSync(path.join(ROOT, name), 'utf8');
const manifest = JSON.parse(readme('package.json'));

describe('the READMEs', () => {
  it('have commands and settings tables that match package.json (else: npm run gen:readme)', () => {
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'readme-tables.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      assert.fail((error as { stderr?: string }).stderr || String(error));
    }
  });

  it('list every command and setting, in Chinese in README.md and in English in README.en.md', () => {
    const zh = JSON.parse(readme('package.nls.zh-cn.json'));
    const en = JSON.parse(readme('package.nls.json'));
    for (const [file, nls] of [['README.md', zh], ['README.en.md', en]] as const) {
      const text = readme(file);
      for (const { title } of manifest.contributes.commands) assert.ok(text.includes(`Phrasebook: ${nls[title.slice(1, -1)]}`), `${file}: ${title}`);
      for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(text.includes(`| \`${key}\` |`), `${file}: ${key}`);
    }
  });

  it('README.md is Chinese, links README.en.md at the top, and keeps the build and test commands CI and newcomers run', () => {
    const text = readme('README.md');
    assert.match(text.split('\n').slice(0, 5).join('\n'), /\]\(README\.en\.md\)/);
    assert.match(readme('README.en.md').split('\n').slice(0, 5).join('\n'), /\]\(README\.md\)/);
    const han = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
    assert.ok(han > text.length / 4, 'README.md is not mostly Chinese');
    assert.ok(text.includes('```sh\nnpm ci && npm run package && node dist/cli.js search xytj\n```'));
    assert.ok(text.includes('```sh\nnpm ci && npm test\n```'));
    assert.ok(manifest.scripts.test && manifest.scripts.package);
  });

  it('point at screenshots that exist', () => {
    for (const file of ['README.md', 'README.en.md']) {
      for (const [, target] of readme(file).matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(fs.existsSync(path.join(ROOT, target)), `${file}: ${target}`);
    }
  });
});
