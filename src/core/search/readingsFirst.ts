// The first reading of a character, read from the generated table without building the search's tables:
// category ids need it for a few characters at activation, long before (or without) any search.
import { CHAR_SETS, READING_SETS, SYLLABLES } from './readingTable.generated';
import { HAN_RANGES, TABLE_DIGITS } from './readingTableFormat';

let firstLetters: string[] | undefined;

/** The first letter of each reading set's first syllable ('' for an empty set). */
function letterOfSet(): string[] {
  if (!firstLetters) {
    const syllables = SYLLABLES.split(' ');
    firstLetters = READING_SETS.split(',').map((set) => (set.length === 0 ? '' : syllables[pairAt(set, 0)][0]));
  }
  return firstLetters;
}

function pairAt(text: string, at: number): number {
  return TABLE_DIGITS.indexOf(text[at]) * TABLE_DIGITS.length + TABLE_DIGITS.indexOf(text[at + 1]);
}

/** The first letter of the first reading the table holds for UTF-16 code unit `code`; undefined without one. */
export function firstReadingLetter(code: number): string | undefined {
  let index = 0;
  for (const [from, to] of HAN_RANGES) {
    if (code >= from && code <= to) return letterOfSet()[pairAt(CHAR_SETS, (index + code - from) * 2)] || undefined;
    index += to - from + 1;
  }
  return undefined;
}
