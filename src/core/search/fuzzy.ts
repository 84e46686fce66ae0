// Fuzzy pinyin (模糊音), as pinyin IMEs offer it: writers who do not tell z from zh, an from ang, or
// (in the south) l from n type one for the other. A syllable also matches when typed with its partner;
// such a match scores SCORE.fuzzy per letter, so the exact spelling still ranks first.
import { SPELLINGS, SYLLABLES, syllableId } from './syllables';

/** One fuzzy pair: the two spellings a writer may confuse (initials or finals). */
export type FuzzyPair = 'z-zh' | 'c-ch' | 's-sh' | 'l-n' | 'f-h' | 'r-l' | 'an-ang' | 'en-eng' | 'in-ing';

export const FUZZY_PAIRS: readonly FuzzyPair[] = ['z-zh', 'c-ch', 's-sh', 'l-n', 'f-h', 'r-l', 'an-ang', 'en-eng', 'in-ing'];

/**
 * On by default: every pair. The initial pairs z/zh c/ch s/sh and the final pairs an/ang en/eng in/ing
 * are the IMEs' standard set; l/n, f/h and r/l are common in southern speech. A fuzzy match always
 * scores below the exact spelling, so a writer who spells exactly loses nothing; a setting turns pairs off.
 */
export const DEFAULT_FUZZY_PAIRS: readonly FuzzyPair[] = FUZZY_PAIRS;

const INITIAL_PAIRS: Partial<Record<FuzzyPair, [string, string]>> = {
  'z-zh': ['z', 'zh'],
  'c-ch': ['c', 'ch'],
  's-sh': ['s', 'sh'],
  'l-n': ['l', 'n'],
  'f-h': ['f', 'h'],
  'r-l': ['r', 'l'],
};
const FINAL_PAIRS: Partial<Record<FuzzyPair, [string, string]>> = {
  'an-ang': ['an', 'ang'],
  'en-eng': ['en', 'eng'],
  'in-ing': ['in', 'ing'],
};

export interface FuzzyTable {
  /** Stable key of the pair set (for caches). */
  readonly key: string;
  /** Per syllable id: the spellings it may be typed with besides its own (not real spellings of it). */
  readonly variants: readonly (readonly string[])[];
  /** Typed spelling → syllable ids it fuzzily stands for. */
  readonly targets: ReadonlyMap<string, readonly number[]>;
}

const INTERJECTIONS = new Set(['n', 'ng', 'm', 'hm', 'hng']);

const tables = new Map<string, FuzzyTable | null>();

/** The table for a pair set; null when the set is empty. Unknown names are ignored. */
export function fuzzyTable(pairs: readonly string[] = DEFAULT_FUZZY_PAIRS): FuzzyTable | null {
  const chosen = FUZZY_PAIRS.filter((p) => pairs.includes(p));
  const key = chosen.join(',');
  let table = tables.get(key);
  if (table !== undefined) return table;
  table = chosen.length ? buildTable(key, chosen) : null;
  tables.set(key, table);
  return table;
}

function buildTable(key: string, pairs: readonly FuzzyPair[]): FuzzyTable {
  const initials = pairs.map((p) => INITIAL_PAIRS[p]).filter((x): x is [string, string] => !!x);
  const finals = pairs.map((p) => FINAL_PAIRS[p]).filter((x): x is [string, string] => !!x);
  const targets = new Map<string, number[]>();
  const variants = SYLLABLES.map((syllable, id) => {
    const own = new Set(SPELLINGS[id]);
    const out = new Set<string>();
    // Interjections (嗯 n, 呣 m, 哼 hng) would turn a typed initial into a fuzzy syllable.
    if (INTERJECTIONS.has(syllable)) return [];
    for (const head of swapsOfInitial(syllable, initials)) {
      for (const spelling of swapsOfFinal(head, finals)) if (!own.has(spelling)) out.add(spelling);
    }
    for (const spelling of out) {
      const list = targets.get(spelling) ?? [];
      list.push(id);
      targets.set(spelling, list);
    }
    return [...out];
  });
  return { key, variants, targets };
}

/** The syllable and its spellings with the initial swapped for a partner (zh → z, z → zh, l → n …). */
function swapsOfInitial(syllable: string, pairs: readonly [string, string][]): string[] {
  const out = [syllable];
  for (const [short, long] of pairs) {
    const initial = syllable.startsWith(long) ? long : syllable.startsWith(short) ? short : '';
    if (!initial) continue;
    // z is the initial of za, not of zha; the two-letter initial is checked first.
    if (initial === short && long.length > short.length && syllable.startsWith(long)) continue;
    const partner = initial === short ? long : short;
    for (const spelling of out.slice()) if (spelling.startsWith(initial)) out.push(partner + spelling.slice(initial.length));
  }
  return out;
}

function swapsOfFinal(spelling: string, pairs: readonly [string, string][]): string[] {
  const out = [spelling];
  for (const [short, long] of pairs) {
    if (spelling.endsWith(long)) out.push(spelling.slice(0, -long.length) + short);
    else if (spelling.endsWith(short)) out.push(spelling + long.slice(short.length));
  }
  return out;
}

/** Syllable ids a typed complete spelling fuzzily stands for (not including its own id). */
export function fuzzyTargets(table: FuzzyTable | null, spelling: string): readonly number[] {
  return table?.targets.get(spelling) ?? [];
}

const prefixCache = new WeakMap<FuzzyTable, Map<string, number[]>>();

/**
 * Syllable ids with a fuzzy spelling that starts with `prefix`: what a half-typed last syllable may
 * stand for (`zua` → zhuang typed zuang, `shon` → song typed shong). Does not include ids whose own
 * spellings start with the prefix.
 */
export function fuzzyPrefixTargets(table: FuzzyTable | null, prefix: string): readonly number[] {
  if (!table || !prefix) return [];
  let cache = prefixCache.get(table);
  if (!cache) prefixCache.set(table, (cache = new Map()));
  let ids = cache.get(prefix);
  if (!ids) {
    ids = [];
    table.variants.forEach((spellings, id) => {
      if (spellings.some((spelling) => spelling.startsWith(prefix))) ids!.push(id);
    });
    cache.set(prefix, ids);
  }
  return ids;
}

/** True when the spelling is a complete syllable only by fuzzy pinyin (`fua` for hua with f/h). */
export function isFuzzySyllable(table: FuzzyTable | null, spelling: string): boolean {
  return !!table && syllableId(spelling) < 0 && table.targets.has(spelling);
}
