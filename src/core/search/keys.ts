// Inverted-index keys, shared by the index builder and the query planner.
// Two kinds of key, both over consecutive Han characters (punctuation between them is ignored):
//   syllable pair   (reading of char i, reading of char i+1)   → Chinese, homophones, full pinyin
//   initial triple  (first letters of chars i, i+1, i+2)       → initials and half-typed pinyin
// Polyphones contribute every combination of their readings, so 卡脖子 is found as ka-bo and qia-bo.
import { SYLLABLE_BITS } from './syllables';

export const PAIR_KEYS = 1 << (2 * SYLLABLE_BITS);
export const TRIPLE_KEYS = 26 * 26 * 26;
export const KEY_SPACE = PAIR_KEYS + TRIPLE_KEYS;

export function pairKey(first: number, second: number): number {
  return (first << SYLLABLE_BITS) | second;
}

export function tripleKey(a: number, b: number, c: number): number {
  return PAIR_KEYS + (a * 26 + b) * 26 + c;
}

/** Syllable-presence signatures: one bit per syllable id, SIGNATURE_WORDS 32-bit words per item. */
export const SIGNATURE_WORDS = 1 << (SYLLABLE_BITS - 5);
