// One typo in a long pinyin word (a dropped, doubled, swapped or wrong letter): the corrections of a
// term that read as whole syllables and whose syllable pairs occur in the library. Tried only when
// the query as typed finds nothing good, and scored below an exact spelling (SCORE.typo).
import { isFuzzySyllable, type FuzzyTable } from './fuzzy';
import type { IndexData } from './postings';
import { UnitKind, makeTerm, type Term } from './query';
import { RANK } from './scoring';
import { isSyllable } from './syllables';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function typoVariants(term: Term, fuzzy: FuzzyTable | null, data: IndexData): Term[] {
  const typed = term.text;
  if (typed.length < RANK.typoMinLetters || !term.kinds.every((k) => k === UnitKind.Letter)) return [];
  const complete = (piece: string) => (isSyllable(piece) && piece !== 'n' && piece !== 'm') || isFuzzySyllable(fuzzy, piece);
  const candidates = new Set<string>();
  const n = typed.length;
  for (let i = 0; i < n; i++) candidates.add(typed.slice(0, i) + typed.slice(i + 1));
  for (let i = 0; i + 1 < n; i++) candidates.add(typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2));
  for (let i = 0; i <= n; i++) {
    for (const letter of LETTERS) {
      candidates.add(typed.slice(0, i) + letter + typed.slice(i));
      if (i < n && letter !== typed[i]) candidates.add(typed.slice(0, i) + letter + typed.slice(i + 1));
    }
  }
  candidates.delete(typed);
  const out: Term[] = [];
  for (const candidate of candidates) {
    if (!readsAsSyllables(candidate, complete)) continue;
    const variant = makeTerm(candidate, fuzzy);
    if (!variant.groups.length || !variant.groups.every((group) => group.some((key) => data.offsets[key + 1] > data.offsets[key]))) continue;
    out.push(variant);
    if (out.length >= RANK.typoVariants) break;
  }
  return out;
}

/** True when the letters split into complete syllables (fewest pieces not needed: any split will do). */
function readsAsSyllables(letters: string, complete: (piece: string) => boolean): boolean {
  const n = letters.length;
  const reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (let i = 0; i < n; i++) {
    if (!reach[i]) continue;
    for (let k = 1; k <= 6 && i + k <= n; k++) if (complete(letters.slice(i, i + k))) reach[i + k] = 1;
  }
  return reach[n] === 1;
}
