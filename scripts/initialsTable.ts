// Category ids without pinyin-pro at run time. An id is the pinyin initials pinyin-pro's `pinyin()` gives a
// name (`重要` → zy, `银行` → yh): it reads a character by itself with its first reading, but splits the
// text into the words of its dictionary first (max-probability segmentation) and reads a word as a whole.
// src/core/pinyinWords.generated.ts holds what src/core/pinyin.ts needs to do the same: every word that
// segmentation weighs (all of them take part, since any word can change where its neighbours split), the
// initials of the words a character-by-character reading gets wrong, and the characters whose first
// initial the search's reading table does not give. Written by `npm run gen:readings` beside the reading
// table; test/unit/pinyin-initials.test.ts fails when it is out of date or when an id differs from
// pinyin-pro's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import DICT1 from 'pinyin-pro/dist/esm/data/dict1.mjs';
import { acTree, ensureAcBuilt, PatternsNormal, type Pattern } from 'pinyin-pro/dist/esm/common/segmentit/index.mjs';
import { Priority } from 'pinyin-pro/dist/esm/common/constant.mjs';
import { getPinyinWithoutTone } from 'pinyin-pro/dist/esm/core/pinyin/handle.mjs';
import { DICTIONARY_PROBABILITY, NO_LETTER, RULE_PROBABILITY } from '../src/core/pinyinWordsFormat';
import { TABLE_DIGITS } from '../src/core/search/readingTableFormat';
import type { ReadingTable } from './readingTable';

const ROOT = path.resolve(__dirname, '..', fs.existsSync(path.resolve(__dirname, '..', 'package.json')) ? '' : '..');
export const INITIALS_TABLE_FILE = path.join(ROOT, 'src', 'core', 'pinyinWords.generated.ts');

/** The letter `pattern: 'first', toneType: 'none'` makes of a syllable, or NO_LETTER where none survives the id's a-z filter. */
function letterOf(syllable: string | undefined): string {
  const letter = getPinyinWithoutTone(syllable?.[0] ?? '').toLowerCase();
  return /^[a-z0-9]$/.test(letter) ? letter : NO_LETTER;
}

/** Every character pinyin-pro reads, with its first reading (what `pinyin()` gives it alone). */
function firstReadings(): Map<string, string> {
  const readings = new Map<string, string>();
  DICT1.NumberDICT.forEach((reading, code) => {
    if (reading) readings.set(String.fromCharCode(code), reading.split(' ')[0]);
  });
  for (const [char, reading] of DICT1.StringDICT) readings.set(char, reading.split(' ')[0]);
  return readings;
}

/** The first letter the reading table gives a BMP character (what pinyin.ts falls back to), if any. */
function tableLetters(table: ReadingTable, hanCodes: number[]): Map<string, string> {
  const letters = new Map<string, string>();
  hanCodes.forEach((code, index) => {
    const set = table.sets[table.perChar[index]];
    if (set.length === 0) return;
    const syllable = table.syllables[TABLE_DIGITS.indexOf(set[0]) * TABLE_DIGITS.length + TABLE_DIGITS.indexOf(set[1])];
    letters.set(String.fromCharCode(code), letterOf(syllable));
  });
  return letters;
}

/** The pattern pinyin-pro's segmenter uses for `zh` with surnames off (the first of its trie node's). */
function effectivePattern(zh: string): Pattern | undefined {
  let node = acTree.root;
  for (const char of zh) node = node.children.get(char)!;
  return node.patterns.find((pattern) => pattern.priority !== Priority.Surname);
}

/** The text of pinyinWords.generated.ts, given the reading table it sits beside. */
export function initialsTableText(table: ReadingTable, hanCodes: number[]): string {
  ensureAcBuilt();
  const readings = firstReadings();
  const fromTable = tableLetters(table, hanCodes);
  const charLetters: string[] = [];
  const defaultLetter = new Map<string, string>();
  for (const [char, reading] of [...readings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const letter = letterOf(reading);
    defaultLetter.set(char, letter);
    if (fromTable.get(char) !== letter) charLetters.push(char + letter);
  }
  for (const char of fromTable.keys()) if (!readings.has(char)) throw new Error(`initials table: the reading table reads ${char}, pinyin-pro does not`);

  // Per weight and length: the words whose initials are their characters' own, and those with their own.
  const groups = new Map<number, Map<number, { plain: string[]; own: string[]; initials: string[] }>>([
    [DICTIONARY_PROBABILITY, new Map()],
    [RULE_PROBABILITY, new Map()],
  ]);
  const seen = new Set<string>();
  for (const { zh } of PatternsNormal) {
    if (seen.has(zh)) continue;
    seen.add(zh);
    const pattern = effectivePattern(zh);
    if (!pattern) continue;
    // pinyin.ts relies on these: one code unit per character, no single-character words, normal priority.
    if (pattern.length !== zh.length || pattern.length < 2 || pattern.priority !== Priority.Normal || /[:\sa-z0-9-]/.test(zh)) {
      throw new Error(`initials table: pinyin-pro's word ${zh} does not fit the table's format`);
    }
    const byLength = groups.get(pattern.probability);
    if (!byLength) throw new Error(`initials table: pinyin-pro's word ${zh} has a probability pinyin.ts does not know`);
    if (!byLength.has(zh.length)) byLength.set(zh.length, { plain: [], own: [], initials: [] });
    const group = byLength.get(zh.length)!;
    const syllables = pattern.pinyin.split(' ');
    const initials = [...zh].map((_, index) => letterOf(syllables[index])).join('');
    const byCharacter = [...zh].map((char) => defaultLetter.get(char) ?? NO_LETTER).join('');
    if (initials === byCharacter) {
      group.plain.push(zh);
    } else {
      group.own.push(zh);
      group.initials.push(initials);
    }
  }
  const words = (probability: number) =>
    [...groups.get(probability)!]
      .sort(([a], [b]) => a - b)
      .map(([length, { plain, own, initials }]) => {
        // Sorted (by code unit, as JS compares strings) so pinyin.ts can binary-search them without an index.
        const order = own.map((_, index) => index).sort((a, b) => (own[a] < own[b] ? -1 : 1));
        const sortedOwn = order.map((index) => own[index]);
        return `${length}:${order.map((index) => initials[index]).join('')}:${sortedOwn.join('')}${[...plain].sort().join('')}`;
      })
      .join(' ');
  return [
    '// Generated by `npm run gen:readings` (scripts/initialsTable.ts) from pinyin-pro: do not edit.',
    '// Read by pinyin.ts; the format is in pinyinWordsFormat.ts.',
    `export const DICTIONARY_WORDS = ${JSON.stringify(words(DICTIONARY_PROBABILITY))};`,
    `export const RULE_WORDS = ${JSON.stringify(words(RULE_PROBABILITY))};`,
    `export const CHARACTER_INITIALS = ${JSON.stringify(charLetters.join(','))};`,
    '',
  ].join('\n');
}
