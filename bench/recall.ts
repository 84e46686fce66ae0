// Exact recall: random substrings (4–12 characters) of random items, typed as Chinese, full pinyin and
// initials; the share whose item is in the top 5. Libraries are synthetic with some characters swapped
// (seeded), so most phrases occur in one item only; "unique" counts only Chinese phrases that do.
import { pinyin } from 'pinyin-pro';
import type { Item } from '../src/core/model';
import { SearchIndex } from '../src/core/search';
import { prng } from './synth';

export interface Recall {
  items: number;
  samples: number;
  chinese: number;
  chineseUnique: number;
  uniqueSamples: number;
  pinyin: number;
  initials: number;
}

const HAN = /[\u4e00-\u9fff]/;

/** Swaps about `share` of the Han characters of each item for random Han characters of the library. */
export function withSwappedCharacters(items: readonly Item[], seed: number, share = 0.08): Item[] {
  const random = prng(seed);
  const pool = [...new Set(items.slice(0, 2000).flatMap((item) => [...item.text].filter((ch) => HAN.test(ch))))];
  return items.map((item) => {
    const chars = [...item.text];
    for (let k = 0; k < chars.length; k++) if (HAN.test(chars[k]) && random() < share) chars[k] = pool[Math.floor(random() * pool.length)];
    const text = chars.join('');
    return { ...item, text, title: text.slice(0, item.title.length) };
  });
}

export function exactRecall(items: readonly Item[], samples: number, seed: number): Recall {
  const index = new SearchIndex(items);
  const random = prng(seed);
  let chinese = 0;
  let chineseUnique = 0;
  let uniqueSamples = 0;
  let pinyinHits = 0;
  let initialsHits = 0;
  let taken = 0;
  const inTop5 = (query: string, id: string) => index.search(query, { limit: 5 }).some((hit) => hit.item.id === id);
  while (taken < samples) {
    const item = items[Math.floor(random() * items.length)];
    const length = 4 + Math.floor(random() * 9);
    if (item.text.length < length) continue;
    const start = Math.floor(random() * (item.text.length - length + 1));
    const phrase = item.text.slice(start, start + length);
    const han = [...phrase].filter((ch) => HAN.test(ch)).join('');
    if (han.length < 4 || phrase.includes('\n')) continue;
    taken++;
    const found = inTop5(phrase, item.id);
    if (found) chinese++;
    let occurrences = 0;
    for (const other of items) if (other.text.includes(phrase) && ++occurrences > 1) break;
    if (occurrences === 1) {
      uniqueSamples++;
      if (found) chineseUnique++;
    }
    const syllables = pinyin(han, { toneType: 'none', type: 'array' }).map((s) => s.replace(/ü/g, 'v'));
    if (inTop5(syllables.join(''), item.id)) pinyinHits++;
    if (inTop5(syllables.map((s) => s[0]).join(''), item.id)) initialsHits++;
  }
  return {
    items: items.length,
    samples,
    chinese: chinese / samples,
    chineseUnique: uniqueSamples ? chineseUnique / uniqueSamples : 1,
    uniqueSamples,
    pinyin: pinyinHits / samples,
    initials: initialsHits / samples,
  };
}
