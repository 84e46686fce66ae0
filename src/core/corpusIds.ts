// Corpus ids stay unique across all loaded corpora: when two files declare the same id, the one whose
// source sorts first keeps it and the others get `-2`, `-3`, … in that order, so the result depends only
// on the set of files, not on the order they happened to load in. Item ids follow their corpus id.
import { itemId, type Corpus } from './model';

export interface Keyed<T> {
  /** A stable, unique key for the file (its URI string). */
  key: string;
  corpus: Corpus;
  value: T;
}

/** A copy of `corpus` under `id`, with every item id rewritten; the same object when the id is unchanged. */
export function withCorpusId(corpus: Corpus, id: string): Corpus {
  if (corpus.id === id) return corpus;
  return {
    ...corpus,
    id,
    categories: corpus.categories.map((category) => ({
      ...category,
      items: category.items.map((item) => ({ ...item, corpusId: id, id: itemId(id, item.categoryId, item.number) })),
    })),
  };
}

/**
 * Gives every entry a unique corpus id, never one of `reserved` (e.g. `builtin`, even when the built-in
 * corpus is hidden, so history keyed by its ids stays valid). Returns the entries in key order.
 */
export function assignCorpusIds<T>(entries: readonly Keyed<T>[], reserved: readonly string[] = []): Keyed<T>[] {
  const taken = new Set(reserved);
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // A renamed id also avoids ids other files declare themselves, so `x-2` never steals a real `x-2`.
  const wanted = sorted.map((entry) => entry.corpus.id);
  const wantedSet = new Set(wanted);
  // Where each id's suffix search goes on, so thousands of files with one id stay linear.
  const nextSuffix = new Map<string, number>();
  const result: Keyed<T>[] = [];
  for (let index = 0; index < sorted.length; index++) {
    const entry = sorted[index];
    let id = wanted[index];
    if (taken.has(id)) {
      let suffix = nextSuffix.get(id) ?? 2;
      while (taken.has(`${id}-${suffix}`) || wantedSet.has(`${id}-${suffix}`)) suffix++;
      nextSuffix.set(id, suffix + 1);
      id = `${id}-${suffix}`;
    }
    taken.add(id);
    result.push({ ...entry, corpus: withCorpusId(entry.corpus, id) });
  }
  return result;
}
