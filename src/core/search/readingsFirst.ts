// The first reading of a character, read from the generated table without building the search's tables:
// category ids need it for a few characters at activation, long before (or without) any search.
import { CHAR_SETS, READING_SETS, SYLLABLES } from './readingTable.generated';
import { DIGIT_VALUE, HAN_RANGES, decodePair } from './readingTableFormat';

let firstLetters: string[] | undefined;

/** The first letter of each reading set's first syllable ('' for an empty set). */
function letterOfSet(): string[] {
  if (!firstLetters) {
    const syllables = SYLLABLES.split(' ');
    firstLetters = READING_SETS.split(',').map((set) => (set.length === 0 ? '' : syllables[decodePair(set, 0)][0]));
  }
  return firstLetters;
}

let setOfChar: Uint16Array | undefined;

/** The reading set of every code unit of HAN_RANGES in order, decoded once from CHAR_SETS (variable-length numbers). */
export function charSets(): Uint16Array {
  if (setOfChar) return setOfChar;
  let total = 0;
  for (const [from, to] of HAN_RANGES) total += to - from + 1;
  const out = new Uint16Array(total);
  for (let index = 0, at = 0; index < total; index++) {
    let set = 0;
    let digit: number;
    do {
      digit = DIGIT_VALUE[CHAR_SETS.charCodeAt(at++)];
      set = set * 32 + (digit & 31);
    } while (digit >= 32);
    out[index] = set;
  }
  return (setOfChar = out);
}

/** The first letter of the first reading the table holds for UTF-16 code unit `code`; undefined without one. */
export function firstReadingLetter(code: number): string | undefined {
  let index = 0;
  for (const [from, to] of HAN_RANGES) {
    if (code >= from && code <= to) return letterOfSet()[charSets()[index + code - from]] || undefined;
    index += to - from + 1;
  }
  return undefined;
}
