// Completion for user corpora with the prefixes the static snippets use: ASCII pinyin initials + number
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

/** Items offered for the text before the cursor on its line. */
export function completionMatches(linePrefix: string, keys: readonly CompletionKey[], limit = 200): CompletionMatch[] {
  const digits = /\d*$/.exec(linePrefix)![0];
  const body = linePrefix.slice(0, linePrefix.length - digits.length);
  const matches: CompletionMatch[] = [];
  for (const key of keys) {
    let typed = 0;
    if (digits !== '') {
      if (body.endsWith(key.key)) typed = key.key.length;
    } else {
      const min = key.ascii ? 1 : MIN_CHINESE;
      for (let length = key.key.length; length >= min; length--) {
        if (body.endsWith(key.key.slice(0, length))) {
          typed = length;
          break;
        }
      }
    }
    if (typed === 0) continue;
    const start = body.length - typed;
    // ASCII keys start a word: `html` does not offer `l…`, `xllxx` does not offer `llxx`.
    if (key.ascii && start > 0 && /[A-Za-z0-9_]/.test(body[start - 1])) continue;
    for (const item of key.items) {
      if (digits !== '' && !String(item.number).startsWith(digits)) continue;
      matches.push({ start, label: `${key.key}${item.number}`, item, corpus: key.corpus, categoryName: key.categoryName });
      if (matches.length >= limit) return matches;
    }
  }
  return matches;
}
