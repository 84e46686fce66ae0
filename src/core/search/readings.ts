// Per-character tables: every reading of every Han character, computed once per process.
// pinyin-pro converts whole texts at ~0.6 M chars/s, far too slow for 19 M characters, but it lists the
// readings of all ~28 k BMP Han characters in ~0.1 s; after that a reading lookup is two array reads.
import { polyphonic } from 'pinyin-pro';
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

const HAN_RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x3007, 0x3007],
];

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

/** Fills the tables (once; ~0.1 s). Every other function here assumes it has run. */
export function ensureReadingTables(): void {
  if (ready) return;
  for (let c = 0; c < 65536; c++) FOLD[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) FOLD[c] = c + 32;
  for (let c = 0xff21; c <= 0xff3a; c++) FOLD[c] = c - 0xff21 + 0x61;
  for (let c = 0xff41; c <= 0xff5a; c++) FOLD[c] = c - 0xff41 + 0x61;
  for (let c = 0xff10; c <= 0xff19; c++) FOLD[c] = c - 0xff10 + 0x30;
  for (let c = 0; c < 65536; c++) {
    const f = FOLD[c];
    if ((f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39)) CHAR_CLASS[c] = CharClass.Latin;
  }
  const codes: number[] = [];
  for (const [from, to] of HAN_RANGES) for (let c = from; c <= to; c++) codes.push(c);
  const readings = polyphonic(codesToString(codes), {
    toneType: 'none',
    type: 'array',
  });
  const pool: number[] = [];
  codes.forEach((code, index) => {
    const ids: number[] = [];
    for (const raw of readings[index] ?? []) {
      const id = syllableId(raw.replace(/ü/g, 'v'));
      if (id >= 0 && !ids.includes(id)) ids.push(id);
    }
    READING_START[code] = pool.length;
    READING_COUNT[code] = ids.length;
    for (const id of ids) INITIALS_MASK[code] |= 1 << INITIAL_OF[id];
    pool.push(...ids);
    CHAR_CLASS[code] = ids.length > 0 ? CharClass.Han : CharClass.HanNoReading;
  });
  READING_POOL = Uint16Array.from(pool);
  ready = true;
}

function codesToString(codes: number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}
