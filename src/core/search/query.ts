// Turns what the user typed into terms the matcher and the candidate planner understand.
// A query splits into terms at spaces and punctuation; every term must match (in any order).
// A term is a sequence of units: Han characters and typed letters (pinyin, full or partial, or Latin).
import { CharClass, CHAR_CLASS, FOLD, READING_COUNT, READING_POOL, READING_START, ensureReadingTables } from './readings';
import { INITIAL_OF, isSyllable, syllableId, syllablesWithPrefix } from './syllables';
import { SIGNATURE_WORDS, pairKey, tripleKey } from './keys';
import { SCORE } from './scoring';
import { fuzzyPrefixTargets, fuzzyTargets, isFuzzySyllable, type FuzzyTable } from './fuzzy';

export const enum UnitKind {
  Han = 0,
  Letter = 1,
  Digit = 2,
}

/** One pinyin-level piece of a term: a Han character, or a typed syllable (complete or not). */
export interface Segment {
  /** Syllable ids this piece can stand for (empty: it cannot be looked up in the index). */
  syllables: number[];
  /** First letters (0..25) of those syllables. */
  initials: number[];
}

export interface Term {
  /** The term as typed (normalized). */
  text: string;
  /** Folded code units of the term. */
  codes: Uint16Array;
  kinds: Uint8Array;
  /** For each letter unit, the index one past the end of its run of letters. */
  runEnd: Uint16Array;
  /**
   * boundary[i] = 1 when a text character may start or end its match at unit i: always, except inside
   * a run of letters, where only syllable boundaries of the run's best readings as pinyin count
   * (`jiediqi` → j|ie... is not tried, jie|di|qi and ji|e|di|qi are).
   */
  boundary: Uint8Array;
  /** canStart[i] = 1 when a match may begin at unit i: any Han character, but only the first letter of a run. */
  canStart: Uint8Array;
  /** Best score any text could give this term; scores are divided by it. */
  ideal: number;
  /** Pinyin-level pieces, split into chains that index keys may span. */
  chains: Segment[][];
  /** Key groups: an item "has" a group when it holds any key of the group. */
  groups: number[][];
  /** Per segment of all chains: syllable-presence mask an item must intersect. */
  masks: Uint32Array[];
  /** Fuzzy pinyin pairs in force for this term's letters (null: exact spellings only). */
  fuzzy: FuzzyTable | null;
}

export interface ParsedQuery {
  terms: Term[];
}

const MAX_PAIR_COMBINATIONS = 16;
const MAX_TRIPLE_COMBINATIONS = 8;

/** Terms beyond this are ignored; units of a term beyond MAX_TERM_UNITS are cut (pasted paragraphs). */
export const MAX_TERMS = 8;
export const MAX_TERM_UNITS = 48;

/**
 * NFKC, lower case, tone marks dropped (jiēdìqì, ü as v), split at anything that is not a Han character,
 * letter or digit. At most MAX_TERMS terms of MAX_TERM_UNITS units: a pasted page costs no more than a phrase.
 */
export function parseQuery(query: string, fuzzy: FuzzyTable | null = null): ParsedQuery {
  ensureReadingTables();
  const normalized = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  const terms: Term[] = [];
  let current = '';
  for (const ch of normalized) {
    const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
    if (code >= 0 && CHAR_CLASS[code] !== CharClass.Skip) {
      if (current.length < MAX_TERM_UNITS) current += String.fromCharCode(FOLD[code]);
    } else if (current) {
      terms.push(makeTerm(current, fuzzy));
      current = '';
      if (terms.length === MAX_TERMS) return { terms };
    }
  }
  if (current) terms.push(makeTerm(current, fuzzy));
  return { terms };
}

export function makeTerm(text: string, fuzzy: FuzzyTable | null = null): Term {
  const n = text.length;
  const codes = new Uint16Array(n);
  const kinds = new Uint8Array(n);
  const runEnd = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c;
    kinds[i] = CHAR_CLASS[c] === CharClass.Latin ? (c >= 0x61 ? UnitKind.Letter : UnitKind.Digit) : UnitKind.Han;
  }
  const boundary = new Uint8Array(n + 1).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    runEnd[i] = kinds[i] === UnitKind.Letter ? (i + 1 < n && kinds[i + 1] === UnitKind.Letter ? runEnd[i + 1] : i + 1) : i + 1;
  }

  let ideal = 0;
  const chains: Segment[][] = [];
  let chain: Segment[] = [];
  const endChain = () => {
    if (chain.length) chains.push(chain);
    chain = [];
  };
  for (let i = 0; i < n; ) {
    const kind = kinds[i];
    if (kind === UnitKind.Han) {
      const c = codes[i];
      ideal += SCORE.exact;
      const syllables = readings(c);
      if (syllables.length) chain.push({ syllables, initials: initialsOf(syllables) });
      else endChain();
      i++;
    } else if (kind === UnitKind.Digit) {
      ideal += SCORE.exact;
      endChain();
      i++;
    } else {
      const end = runEnd[i];
      const run = text.slice(i, end);
      const plan = segmentLetters(run, end === n, fuzzy);
      ideal += plan.score;
      for (let k = 1; k < run.length; k++) boundary[i + k] = plan.onPath[k];
      if (!plan.pieces) {
        endChain();
      } else if (
        plan.pieces.some(
          (piece, index) =>
            !piece.full &&
            !syllablesWithPrefix(piece.text).length &&
            !(end === n && index === plan.pieces!.length - 1 && fuzzyPrefixTargets(fuzzy, piece.text).length),
        )
      ) {
        endChain();
      } else {
        plan.pieces.forEach((piece, index) => {
          const last = end === n && index === plan.pieces!.length - 1;
          const own = piece.full && !last ? [syllableId(piece.text)].filter((id) => id >= 0) : syllablesWithPrefix(piece.text);
          // The syllable still being typed may be a fuzzy spelling too (`zua` for zhuang typed zuang).
          const partners = [...(piece.full ? fuzzyTargets(fuzzy, piece.text) : []), ...(last ? fuzzyPrefixTargets(fuzzy, piece.text) : [])];
          const ids = partners.length ? [...new Set([...own, ...partners])] : own;
          chain.push({ syllables: ids, initials: initialsOf(ids) });
        });
      }
      i = end;
    }
  }
  endChain();

  const groups: number[][] = [];
  const masks: Uint32Array[] = [];
  for (const segs of chains) {
    for (let k = 0; k < segs.length; k++) {
      const mask = new Uint32Array(SIGNATURE_WORDS);
      for (const s of segs[k].syllables) mask[s >>> 5] |= 1 << (s & 31);
      masks.push(mask);
      if (k + 1 < segs.length) {
        const a = segs[k].syllables;
        const b = segs[k + 1].syllables;
        if (a.length * b.length <= MAX_PAIR_COMBINATIONS) {
          const keys: number[] = [];
          for (const x of a) for (const y of b) keys.push(pairKey(x, y));
          groups.push(keys);
        }
      }
      if (k + 2 < segs.length) {
        const [a, b, c] = [segs[k].initials, segs[k + 1].initials, segs[k + 2].initials];
        if (a.length * b.length * c.length <= MAX_TRIPLE_COMBINATIONS) {
          const keys: number[] = [];
          for (const x of a) for (const y of b) for (const z of c) keys.push(tripleKey(x, y, z));
          groups.push(keys);
        }
      }
    }
  }
  const canStart = new Uint8Array(n);
  for (let i = 0; i < n; i++) canStart[i] = kinds[i] !== UnitKind.Letter || i === 0 || kinds[i - 1] !== UnitKind.Letter ? 1 : 0;
  return { text, codes, kinds, runEnd, boundary, canStart, ideal: ideal * (1 + SCORE.adjacent), chains, groups, masks, fuzzy };
}

function readings(code: number): number[] {
  const out: number[] = [];
  const start = READING_START[code];
  for (let k = 0; k < READING_COUNT[code]; k++) out.push(READING_POOL[start + k]);
  return out;
}

function initialsOf(syllables: number[]): number[] {
  const out: number[] = [];
  for (const s of syllables) if (!out.includes(INITIAL_OF[s])) out.push(INITIAL_OF[s]);
  return out;
}

/** Interjection syllables (嗯 n, 呣 m, 哼 hng) are never what a typed n/m/hng means inside a word. */
const INTERJECTIONS = new Set(['n', 'ng', 'm', 'hm', 'hng']);
function isSegmentSyllable(piece: string): boolean {
  return isSyllable(piece) && !INTERJECTIONS.has(piece);
}

interface LetterPlan {
  /** Best achievable score for the run (complete syllables score more than partial ones). */
  score: number;
  /** The pieces of the best reading as pinyin, or null when the run cannot be read as pinyin. */
  pieces: { text: string; full: boolean }[] | null;
  /** onPath[k] = 1 when some best reading has a piece boundary after k letters (all 1 when not pinyin). */
  onPath: Uint8Array;
}

/**
 * Splits a run of typed letters into pinyin pieces: complete syllables where possible, otherwise
 * syllable beginnings (initials, or the half-typed last syllable). Among equal scores, fewer pieces win.
 * The score does not depend on which of several equal splits is chosen (per-letter scoring), so
 * `xian` = 先 and `xi'an` = 西安 both count as perfect.
 */
export function segmentLetters(run: string, atTermEnd = true, fuzzy: FuzzyTable | null = null): LetterPlan {
  // With fuzzy pinyin a spelling such as `fua` (hua) or `suang` (shuang) is a complete syllable too.
  const isComplete = (piece: string) => isSegmentSyllable(piece) || isFuzzySyllable(fuzzy, piece);
  // A piece's score per letter: complete syllable 1, syllable beginning 0.7 — except the run's last
  // piece when it ends the term: the user is still typing it, so a beginning counts as complete.
  const pieceScore = (piece: string, ends: boolean): number => {
    if (isComplete(piece)) return piece.length * SCORE.exact;
    const last = ends && atTermEnd;
    // The syllable still being typed may begin a fuzzy spelling only (`shon` for song typed shong).
    if (!syllablesWithPrefix(piece).length && !(last && fuzzyPrefixTargets(fuzzy, piece).length)) return -1;
    return piece.length * (last ? SCORE.exact : SCORE.partial);
  };
  const n = run.length;
  const best = new Float64Array(n + 1).fill(-1);
  const pieces = new Int32Array(n + 1);
  const from = new Int32Array(n + 1);
  const full = new Uint8Array(n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] < 0) continue;
    for (let k = 1; k <= 6 && i + k <= n; k++) {
      const piece = run.slice(i, i + k);
      const score = pieceScore(piece, i + k === n);
      if (score < 0) break;
      const isFull = isComplete(piece) ? 1 : 0;
      const total = best[i] + score;
      const count = pieces[i] + 1;
      if (total > best[i + k] + 1e-9 || (Math.abs(total - best[i + k]) <= 1e-9 && count < pieces[i + k])) {
        best[i + k] = total;
        pieces[i + k] = count;
        from[i + k] = i;
        full[i + k] = isFull;
      }
    }
  }
  if (best[n] < 0) return { score: n * SCORE.exact, pieces: null, onPath: new Uint8Array(n + 1).fill(1) };
  // Backward pass: best score from k to the end; k is on a best path when forward + backward = best.
  const rest = new Float64Array(n + 1).fill(-1);
  rest[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let k = 1; k <= 6 && i + k <= n; k++) {
      if (rest[i + k] < 0) continue;
      const score = pieceScore(run.slice(i, i + k), i + k === n);
      if (score < 0) break;
      if (rest[i + k] + score > rest[i]) rest[i] = rest[i + k] + score;
    }
  }
  const onPath = new Uint8Array(n + 1);
  for (let k = 0; k <= n; k++) onPath[k] = best[k] >= 0 && rest[k] >= 0 && Math.abs(best[k] + rest[k] - best[n]) < 1e-9 ? 1 : 0;
  const out: { text: string; full: boolean }[] = [];
  for (let end = n; end > 0; end = from[end]) out.push({ text: run.slice(from[end], end), full: full[end] === 1 });
  out.reverse();
  return { score: best[n], pieces: out, onPath };
}
