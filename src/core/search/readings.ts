// Per-character tables: every reading of every Han character, built once per process.
// The readings come from pinyin-pro, taken once at build time (readingTable.generated.ts, `npm run
// gen:readings`): building them from pinyin-pro at run time took ~0.1 s of the first search, and the
// browser bundle need not carry its character dictionary for search. A reading lookup is two array reads.
import { READING_SETS, SYLLABLES } from './readingTable.generated';
import { charSets } from './readingsFirst';
import { HAN_RANGES, decodePair } from './readingTableFormat';
import { INITIAL_OF, syllableId } from './syllables';

/** What a UTF-16 code unit is to the matcher. */
export const enum CharClass {
  /** Punctuation, spaces, symbols: skipped by the matcher, never breaks a phrase. */
  Skip = 0,
  /** A Han character with at least one known reading. */
  Han = 1,
  /** A Han character pinyin-pro has no reading for: matches only itself. */
  HanNoReading = 2,
  /** ASCII letter or digit (after folding): matches the same typed character. */
  Latin = 3,
}

/** Class of each code unit. */
export const CHAR_CLASS = new Uint8Array(65536);
/** Folded code unit: A-Z → a-z, full-width letters and digits → ASCII; others unchanged. */
export const FOLD = new Uint16Array(65536);
/** Readings of code unit c are READING_POOL[READING_START[c] .. READING_START[c] + READING_COUNT[c]). */
export const READING_START = new Int32Array(65536);
export const READING_COUNT = new Uint8Array(65536);
export let READING_POOL = new Uint16Array(0);
/** Bit k set when some reading of the code unit starts with letter k (a = 0): what initials can type. */
export const INITIALS_MASK = new Uint32Array(65536);

let ready = false;

/** Fills the tables (once; a few ms). Every other function here assumes it has run. */
export function ensureReadingTables(): void {
  if (ready) return;
  // It runs once, before the JIT has warmed up: plain loops over typed arrays, no strings per reading.
  for (let c = 0; c < 65536; c++) FOLD[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) FOLD[c] = c + 32;
  for (let c = 0xff21; c <= 0xff3a; c++) FOLD[c] = c - 0xff21 + 0x61;
  for (let c = 0xff41; c <= 0xff5a; c++) FOLD[c] = c - 0xff41 + 0x61;
  for (let c = 0xff10; c <= 0xff19; c++) FOLD[c] = c - 0xff10 + 0x30;
  for (let c = 0; c < 65536; c++) {
    const f = FOLD[c];
    if ((f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39)) CHAR_CLASS[c] = CharClass.Latin;
  }
  // Syllable ids per reading set, once per set (a few thousand), not per character (28 000): characters
  // with the same readings share one slice of the pool.
  const idOfTableSyllable = SYLLABLES.split(' ').map((spelling) => syllableId(spelling.replace(/ü/g, 'v')));
  const sets = READING_SETS.split(',');
  const setStart = new Int32Array(sets.length);
  const setCount = new Uint8Array(sets.length);
  const setMask = new Uint32Array(sets.length);
  const pool: number[] = [];
  for (let set = 0; set < sets.length; set++) {
    const digits = sets[set];
    setStart[set] = pool.length;
    for (let at = 0; at < digits.length; at += 2) {
      const id = idOfTableSyllable[decodePair(digits, at)];
      if (id < 0 || pool.indexOf(id, setStart[set]) >= 0) continue;
      pool.push(id);
      setMask[set] |= 1 << INITIAL_OF[id];
    }
    setCount[set] = pool.length - setStart[set];
  }
  const setOfChar = charSets();
  let index = 0;
  for (const [from, to] of HAN_RANGES) {
    for (let code = from; code <= to; code++) {
      const set = setOfChar[index++];
      READING_START[code] = setStart[set];
      READING_COUNT[code] = setCount[set];
      INITIALS_MASK[code] |= setMask[set];
      CHAR_CLASS[code] = setCount[set] > 0 ? CharClass.Han : CharClass.HanNoReading;
    }
  }
  READING_POOL = Uint16Array.from(pool);
  ready = true;
}
