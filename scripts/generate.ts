// Generated files: corpus/builtin.md (from the seed, by the importer) and
// snippets/builtin.code-snippets (from corpus/builtin.md). Never edit them by hand:
// `npm run gen:corpus` / `npm run gen:snippets` rewrite them, and test/unit/generated.test.ts
// fails when the committed files differ from what this module makes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importOutline } from '../src/core/importer';
import { parseCorpus } from '../src/core/parse';
import { serializeCorpus } from '../src/core/serialize';
import { snippetFileText } from '../src/core/snippets';

const ROOT = path.resolve(__dirname, '..', fs.existsSync(path.resolve(__dirname, '..', 'package.json')) ? '' : '..');

export const BUILTIN = {
  seed: path.join(ROOT, 'corpus', 'source', 'builtin.txt'),
  corpus: path.join(ROOT, 'corpus', 'builtin.md'),
  snippets: path.join(ROOT, 'snippets', 'builtin.code-snippets'),
  importOptions: { id: 'builtin', title: '对照检查材料常见问题', language: 'zh-CN' },
};

export function builtinCorpusText(): string {
  const { corpus } = importOutline(fs.readFileSync(BUILTIN.seed, 'utf8'), BUILTIN.importOptions);
  return serializeCorpus(corpus);
}

export function builtinSnippetsText(): string {
  const { corpus } = parseCorpus(fs.readFileSync(BUILTIN.corpus, 'utf8'), { source: BUILTIN.corpus });
  return snippetFileText(corpus);
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

if (require.main === module) {
  const what = process.argv[2];
  if (what === 'corpus') write(BUILTIN.corpus, builtinCorpusText());
  else if (what === 'snippets') write(BUILTIN.snippets, builtinSnippetsText());
  else {
    console.error('usage: generate (corpus|snippets)');
    process.exitCode = 1;
  }
}
