// Generated files: corpus/builtin.md (from the seed, by the importer), corpus/builtin.json (corpus/builtin.md
// parsed, what activation reads) and snippets/builtin.code-snippets (from corpus/builtin.md). Never edit
// them by hand: `npm run gen:corpus` / `npm run gen:snippets` rewrite them, and the unit tests (parse.test.ts,
// snippets.test.ts) fail when the committed files differ from what this module makes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusToJson } from '../src/core/corpusJson';
import { importOutline } from '../src/core/importer';
import { parseCorpus } from '../src/core/parse';
import { serializeCorpus } from '../src/core/serialize';
import { snippetFileText } from '../src/core/snippets';

const ROOT = path.resolve(__dirname, '..', fs.existsSync(path.resolve(__dirname, '..', 'package.json')) ? '' : '..');

export const BUILTIN = {
  seed: path.join(ROOT, 'corpus', 'source', 'builtin.txt'),
  corpus: path.join(ROOT, 'corpus', 'builtin.md'),
  parsed: path.join(ROOT, 'corpus', 'builtin.json'),
  snippets: path.join(ROOT, 'snippets', 'builtin.code-snippets'),
  importOptions: { id: 'builtin', title: '对照检查材料常见问题', language: 'zh-CN' },
};

export function builtinCorpusText(): string {
  const { corpus } = importOutline(fs.readFileSync(BUILTIN.seed, 'utf8'), BUILTIN.importOptions);
  return serializeCorpus(corpus);
}

/** corpus/builtin.json for the Markdown `corpusText` (by default the committed corpus/builtin.md). */
export function builtinJsonText(corpusText = fs.readFileSync(BUILTIN.corpus, 'utf8')): string {
  return corpusToJson(parseCorpus(corpusText, { source: BUILTIN.corpus }).corpus);
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
  if (what === 'corpus') {
    const text = builtinCorpusText();
    write(BUILTIN.corpus, text);
    write(BUILTIN.parsed, builtinJsonText(text));
  }
  else if (what === 'snippets') write(BUILTIN.snippets, builtinSnippetsText());
  else {
    console.error('usage: generate (corpus|snippets)');
    process.exitCode = 1;
  }
}
