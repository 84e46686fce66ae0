// Deterministic synthetic libraries for benchmarks: items made by recombining the sentences of the
// built-in corpus with a seeded PRNG, so every run (and every machine) sees the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpus } from '../src/core/parse';
import { allItems, type Item } from '../src/core/model';
import { Thesaurus } from '../src/core/search';

/** corpus/thesaurus.txt: the near-synonyms the extension and the CLI search with. */
export function builtinThesaurus(root: string): Thesaurus {
  return Thesaurus.parse(readFileSync(join(root, 'corpus', 'thesaurus.txt'), 'utf8'));
}

export function builtinItems(root: string): Item[] {
  const { corpus } = parseCorpus(readFileSync(join(root, 'corpus', 'builtin.md'), 'utf8'));
  return allItems(corpus);
}

/** mulberry32: small, fast, good enough for shuffling text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of the corpus texts, each ending with its 。！？； (or the text's end). */
export function sentencesOf(items: readonly Item[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    for (const line of item.text.split('\n')) {
      const parts = line.match(/[^。！？；]+[。！？；]?/g) ?? [];
      for (const part of parts) if (part.trim().length >= 4) out.push(part.trim());
    }
  }
  return out;
}

/**
 * `count` items of about `averageChars` characters: each takes a random sentence as its title, then
 * adds random sentences until it reaches a length drawn uniformly from [0.15, 1.15] × averageChars
 * (sentences average ~77 characters, so the overshoot brings the mean to about averageChars).
 */
export function syntheticItems(source: readonly Item[], count: number, seed = 1, averageChars = 190): Item[] {
  const sentences = sentencesOf(source);
  const random = prng(seed);
  const pick = () => sentences[Math.floor(random() * sentences.length)];
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const target = Math.round(averageChars * (0.15 + random()));
    const title = pick();
    let text = title;
    while (text.length < target) text += pick();
    const categoryId = `c${i % 20}`;
    const number = Math.floor(i / 20) + 1;
    items.push({
      id: `synthetic/${categoryId}.${number}`,
      corpusId: 'synthetic',
      categoryId,
      number,
      title,
      text,
      line: 0,
    });
  }
  return items;
}
