// Shared by the unit tests: the repo root and the built-in corpus as the product loads it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCorpus } from '../../src/core/parse';
import type { Corpus } from '../../src/core/model';

/** Tests run from out/test/unit; the repo root is three levels up. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEED = path.join(ROOT, 'corpus', 'source', 'builtin.txt');
export const BUILTIN = path.join(ROOT, 'corpus', 'builtin.md');

export function builtinCorpus(): Corpus {
  return parseCorpus(fs.readFileSync(BUILTIN, 'utf8'), { source: BUILTIN }).corpus;
}

export function seedText(): string {
  return fs.readFileSync(SEED, 'utf8');
}
