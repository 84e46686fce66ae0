// Completion for every corpus with the prefixes its exported snippets use: ASCII pinyin initials + number
// (`llxx3`) and the Chinese short name + number (`理论学习3`). Chinese has no spaces, so the editor's word
// range would take the whole sentence; instead the typed prefix is found here, as the longest tail of
// the text before the cursor that starts a category key. No vscode import.
import type { Corpus, Item } from './model';
import { categoryPrefixes } from './snippets';

export interface CompletionKey {
  /** `llxx` or `理论学习`. */
  key: string;
  ascii: boolean;
  corpus: Corpus;
  items: Item[];
  categoryName: string;
}

export interface CompletionMatch {
  /** Offset in the line prefix where the typed prefix starts (the range to replace). */
  start: number;
  /** What a writer would type for this item: the key plus the item number. */
  label: string;
  item: Item;
  corpus: Corpus;
  categoryName: string;
}

/** Chinese keys need this many typed characters before they offer anything (one character is too noisy). */
const MIN_CHINESE = 2;

export function completionKeys(corpora: readonly Corpus[]): CompletionKey[] {
  const keys: CompletionKey[] = [];
  for (const corpus of corpora) {
    for (const category of corpus.categories) {
      if (category.items.length === 0) continue;
      for (const prefix of categoryPrefixes(category)) keys.push({ ...prefix, corpus, items: category.items, categoryName: category.name });
    }
  }
  return keys;
}

interface KeyHit {
  key: CompletionKey;
  /** Where the typed key starts. */
  start: number;
  /** The typed item number: empty when the key (or its beginning) ends the line prefix. */
  digits: string;
}

/** Where `key` was typed at the end of `linePrefix`, if it was. */
function findKey(linePrefix: string, key: CompletionKey, trailingDigits: number): KeyHit | undefined {
  let keyEnd = linePrefix.length;
  let typed = 0;
  // A key may itself end in digits (`llxx2`, `web2`), so the item number starts wherever the key ends.
  for (let count = 1; count <= trailingDigits && typed === 0; count++) {
    if (linePrefix.slice(0, linePrefix.length - count).endsWith(key.key)) {
      keyEnd = linePrefix.length - count;
      typed = key.key.length;
    }
  }
  const min = key.ascii ? 1 : MIN_CHINESE;
  for (let length = key.key.length; typed === 0 && length >= min; length--) {
    if (linePrefix.endsWith(key.key.slice(0, length))) typed = length;
  }
  if (typed === 0) return undefined;
  const start = keyEnd - typed;
  // ASCII keys start a word: `html` does not offer `l…`, `xllxx` does not offer `llxx`.
  if (key.ascii && start > 0 && /[A-Za-z0-9_]/.test(linePrefix[start - 1])) return undefined;
  return { key, start, digits: linePrefix.slice(keyEnd) };
}

function numbered(hit: KeyHit, item: Item): boolean {
  return hit.digits === '' || String(item.number).startsWith(hit.digits);
}

/** Items offered for the text before the cursor on its line. */
export function completionMatches(linePrefix: string, keys: readonly CompletionKey[], limit = 200): CompletionMatch[] {
  const trailingDigits = /\d*$/.exec(linePrefix)![0].length;
  const hits = keys.map((key) => findKey(linePrefix, key, trailingDigits)).filter((hit) => hit !== undefined);
  // `llxx21` with keys `llxx` and `llxx2` is llxx2's item 1: the shortest number that names an item wins.
  let shortest = Infinity;
  for (const hit of hits) {
    if (hit.digits !== '' && hit.digits.length < shortest && hit.key.items.some((item) => numbered(hit, item))) shortest = hit.digits.length;
  }
  const matches: CompletionMatch[] = [];
  for (const hit of hits) {
    if (hit.digits !== '' && hit.digits.length !== shortest) continue;
    for (const item of hit.key.items) {
      if (!numbered(hit, item)) continue;
      matches.push({ start: hit.start, label: `${hit.key.key}${item.number}`, item, corpus: hit.key.corpus, categoryName: hit.key.categoryName });
      if (matches.length >= limit) return matches;
    }
  }
  return matches;
}
