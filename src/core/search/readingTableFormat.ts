// How readingTable.generated.ts stores the readings (written by scripts/readingTable.ts):
//   SYLLABLES     the toneless syllables pinyin-pro uses, space-separated; a syllable's number is its place
//   READING_SETS  comma-separated lists: each list is the syllable numbers of one set of readings, in
//                 pinyin-pro's order, two TABLE_DIGITS each ('' for a character with none)
//                 (sets numbered by how many characters use them, most used first)
//   CHAR_SETS     for every code unit of HAN_RANGES in order, its reading set's number as a variable-length
//                 number: five bits per TABLE_DIGIT, most significant first, 32 added to every digit but
//                 the last (the 32 most used sets take one digit, the next 992 two)
/** Base-64 digits that need no escaping in a JS string literal. */
export const TABLE_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The value of each TABLE_DIGIT, by its char code. */
export const DIGIT_VALUE = new Uint8Array(128);
for (let value = 0; value < TABLE_DIGITS.length; value++) DIGIT_VALUE[TABLE_DIGITS.charCodeAt(value)] = value;

/** Two table digits at `at` of `text` as a number. */
export function decodePair(text: string, at: number): number {
  return DIGIT_VALUE[text.charCodeAt(at)] * TABLE_DIGITS.length + DIGIT_VALUE[text.charCodeAt(at + 1)];
}

/** The Han code units that have readings: CJK Unified Ideographs, Extension A, Compatibility Ideographs, 〇. */
export const HAN_RANGES: readonly [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x3007, 0x3007],
];
