// Shared by the unit tests: the repo root and the built-in corpus as the product loads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCorpus } from '../../src/core/parse';
import type { Corpus } from '../../src/core/model';
import { Thesaurus } from '../../src/core/search';

/** Tests run from out/test/unit; the repo root is three levels up. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEED = path.join(ROOT, 'corpus', 'source', 'builtin.txt');
export const BUILTIN = path.join(ROOT, 'corpus', 'builtin.md');
export const THESAURUS = path.join(ROOT, 'corpus', 'thesaurus.txt');

export function builtinCorpus(): Corpus {
  return parseCorpus(fs.readFileSync(BUILTIN, 'utf8'), { source: BUILTIN }).corpus;
}

/** The near-synonyms the extension and the CLI search with. */
export function builtinThesaurus(): Thesaurus {
  return Thesaurus.parse(fs.readFileSync(THESAURUS, 'utf8'));
}

export function seedText(): string {
  return fs.readFileSync(SEED, 'utf8');
}
