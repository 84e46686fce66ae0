// Exact scoring of one term against one item: a local alignment of the typed units to the text.
//
// The state after reading some text is "how many units of the term are consumed" (0..n), kept twice:
// ending on a matched character (so the next match is adjacent) or after skipped text. One text
// character may consume one Han unit (itself, or a homophone) or several letters (a prefix of one of
// its readings: `jie` for 接, `j` for 接, `zh` for 政). Skipping text characters costs `gap` each;
// skipping a typed Han character costs `deletion`. Punctuation is transparent. The alignment may start
// and end anywhere (unmatched units just earn nothing), so partial memories still score.
//
// What a character can do for this term is computed once per distinct character (a memo), so the
// per-character work in the hot loop is a few array reads.
import { CharClass, CHAR_CLASS, FOLD, READING_COUNT, READING_POOL, READING_START } from './readings';
import { SPELLINGS } from './syllables';
import { SCORE } from './scoring';
import { UnitKind, type Term } from './query';

const NEG = -1e9;
/**
 * Text characters one typed unit can account for in an alignment: itself plus a run of skipped
 * characters (at most SCORE.maxGap), with room to spare.
 */
const MAX_SPAN_PER_UNIT = SCORE.maxGap + 2;
const BONUS = 1 + SCORE.adjacent;

export interface AlignResult {
  /** Best raw score anywhere. */
  best: number;
  /** Best raw score of an alignment lying inside the title (doc positions < titleEnd). */
  bestTitle: number;
  /** Doc position of the last character of the best alignment (-1 when nothing matched). */
  end: number;
}

interface Trace {
  pos: Int32Array;
  srcA: Int32Array;
  srcG: Int8Array;
  bestStep: number;
  bestUnits: number;
}

/**
 * What each character can do for one term, filled lazily. Tables are reused across searches (reset is
 * O(1): entries from an older generation count as missing), which keeps keystrokes free of big allocations.
 */
export class MemoTable {
  readonly stamp = new Int32Array(65536);
  readonly start = new Int32Array(65536);
  readonly count = new Uint16Array(65536);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  weight = new Float64Array(1024);
  used = 0;
  generation = 0;

  reset(): void {
    this.generation++;
    this.used = 0;
  }

  grow(): void {
    const size = this.from.length * 2;
    const from = new Int32Array(size);
    from.set(this.from);
    const to = new Int32Array(size);
    to.set(this.to);
    const weight = new Float64Array(size);
    weight.set(this.weight);
    this.from = from;
    this.to = to;
    this.weight = weight;
  }
}

export class TermMatcher {
  readonly term: Term;
  readonly n: number;
  private readonly memo: MemoTable;
  private afterMatch: Float64Array;
  private afterGap: Float64Array;
  private nextAfterMatch: Float64Array;
  private nextAfterGap: Float64Array;
  private gapRun: Int32Array;
  private nextGapRun: Int32Array;
  private readonly hasHan: boolean;
  /** Longest run of skipped text characters allowed after unit i-1 matched. */
  private readonly gapLimit: Int32Array;

  /** `memo` is reset here; pass a table no other live matcher uses. */
  constructor(term: Term, memo: MemoTable = new MemoTable()) {
    this.term = term;
    this.memo = memo;
    memo.reset();
    this.n = term.codes.length;
    const size = this.n + 1;
    this.afterMatch = new Float64Array(size).fill(NEG);
    this.afterGap = new Float64Array(size).fill(NEG);
    this.nextAfterMatch = new Float64Array(size).fill(NEG);
    this.nextAfterGap = new Float64Array(size).fill(NEG);
    this.hasHan = term.kinds.some((k) => k === UnitKind.Han);
    this.gapLimit = Int32Array.from({ length: size }, (_, i) =>
      i > 0 && term.kinds[i - 1] === UnitKind.Letter ? SCORE.maxGapAfterLetter : SCORE.maxGap,
    );
    this.gapRun = new Int32Array(size);
    this.nextGapRun = new Int32Array(size);
  }

  /** Score the term against doc[0, to); fills `out`. */
  score(doc: string, to: number, titleEnd: number, out: AlignResult): void {
    this.run(doc, 0, to, titleEnd, out, null);
  }

  /** Cells of the last positions() trace (units × traced characters): bounded by the query, not the item. */
  lastTraceCells = 0;

  /**
   * Doc positions of the characters used by the best alignment within doc[0, to). The trace covers only
   * the window the best alignment can lie in (it ends where the score pass found it, and spans at most
   * MAX_SPAN_PER_UNIT characters per typed unit), so a five-million-character item costs a scan, not
   * a trace of characters × query length.
   */
  positions(doc: string, to: number): number[] {
    const n = this.n;
    const scan: AlignResult = { best: 0, bestTitle: 0, end: -1 };
    this.run(doc, 0, to, 0, scan, null);
    if (scan.end < 0) return [];
    const windowEnd = scan.end + 1;
    let windowStart = windowEnd;
    for (let counted = 0; windowStart > 0 && counted < n * MAX_SPAN_PER_UNIT; windowStart--) {
      if (CHAR_CLASS[doc.charCodeAt(windowStart - 1)] !== CharClass.Skip) counted++;
    }
    let steps = 0;
    for (let j = windowStart; j < windowEnd; j++) if (CHAR_CLASS[doc.charCodeAt(j)] !== CharClass.Skip) steps++;
    this.lastTraceCells = steps * (n + 1);
    const trace: Trace = {
      pos: new Int32Array(steps),
      srcA: new Int32Array(steps * (n + 1)),
      srcG: new Int8Array(steps * (n + 1)),
      bestStep: -1,
      bestUnits: 0,
    };
    const out: AlignResult = { best: 0, bestTitle: 0, end: -1 };
    this.run(doc, windowStart, windowEnd, 0, out, trace);
    const found: number[] = [];
    if (trace.bestStep < 0) return found;
    let step = trace.bestStep;
    let units = trace.bestUnits;
    let inA = true;
    const width = n + 1;
    while (step >= 0) {
      if (inA) {
        found.push(trace.pos[step]);
        const code = trace.srcA[step * width + units];
        const kind = code & 3;
        units = code >> 2;
        if (kind === 0) break;
        step--;
        inA = kind === 1;
      } else {
        const kind = trace.srcG[step * width + units];
        if (kind === 0 || kind === 1) {
          step--;
          inA = kind === 0;
        } else {
          units--;
          inA = kind === 2;
        }
      }
    }
    return found.reverse();
  }

  private run(doc: string, from: number, to: number, titleEnd: number, out: AlignResult, trace: Trace | null): void {
    const n = this.n;
    const kinds = this.term.kinds;
    const canStart = this.term.canStart;
    const hasHan = this.hasHan;
    const memo = this.memo;
    const memoStamp = memo.stamp;
    const memoStart = memo.start;
    const memoCount = memo.count;
    const generation = memo.generation;
    let memoFrom = memo.from;
    let memoTo = memo.to;
    let memoWeight = memo.weight;
    // Invariant: the four state arrays are all NEG except afterMatch/afterGap over the written range [writtenLo, writtenHi].
    let afterMatch = this.afterMatch;
    let afterGap = this.afterGap;
    let nextAfterMatch = this.nextAfterMatch;
    let nextAfterGap = this.nextAfterGap;
    let gapRun = this.gapRun;
    let nextGapRun = this.nextGapRun;
    let writtenLo = n + 1;
    let writtenHi = -1;
    // Units 1..n-1 that may hold a live state (a subset of the written range).
    let lo = n + 1;
    let hi = -1;
    let best = 0;
    let bestTitle = 0;
    let end = -1;
    let step = -1;
    const width = n + 1;
    const gapCost = SCORE.gap;
    const gapLimit = this.gapLimit;
    const delCost = SCORE.deletion;
    const edge = SCORE.boundary * this.term.ideal;
    // Stop scanning once a match this good is found: exact, in one piece, and at an edge on at least one
    // side (a later occurrence could add at most the other edge's small bonus).
    const perfect = this.term.ideal + edge - 1e-9;
    for (let j = from; j < to; j++) {
      const code = doc.charCodeAt(j);
      if (CHAR_CLASS[code] === CharClass.Skip) continue;
      if (trace) {
        step++;
        trace.pos[step] = j;
      }
      let memoAt: number;
      if (memoStamp[code] === generation) memoAt = memoStart[code];
      else {
        memoAt = this.compute(code);
        memoFrom = memo.from;
        memoTo = memo.to;
        memoWeight = memo.weight;
      }
      const count = memoCount[code];
      if (lo > hi && count === 0) continue;
      const startsAtEdge = j === 0 || CHAR_CLASS[doc.charCodeAt(j - 1)] === CharClass.Skip;
      const endBonus = j + 1 >= doc.length || CHAR_CLASS[doc.charCodeAt(j + 1)] === CharClass.Skip ? edge : 0;
      let nextLo = n + 1;
      let nextHi = -1;
      for (let entry = memoAt; entry < memoAt + count; entry++) {
        const fromUnit = memoFrom[entry];
        const toUnit = memoTo[entry];
        const gain = memoWeight[entry];
        let value = NEG;
        let source = 0;
        if (canStart[fromUnit]) {
          value = gain * BONUS + (startsAtEdge ? edge : 0);
          source = fromUnit << 2;
        }
        if (fromUnit >= lo && fromUnit <= hi) {
          const viaMatch = afterMatch[fromUnit] + gain * BONUS;
          if (viaMatch > value) {
            value = viaMatch;
            source = (fromUnit << 2) | 1;
          }
          const viaGap = afterGap[fromUnit] + gain;
          if (viaGap > value) {
            value = viaGap;
            source = (fromUnit << 2) | 2;
          }
        }
        if (value > nextAfterMatch[toUnit]) {
          nextAfterMatch[toUnit] = value;
          if (toUnit < nextLo) nextLo = toUnit;
          if (toUnit > nextHi) nextHi = toUnit;
          if (trace) trace.srcA[step * width + toUnit] = source;
        }
      }
      for (let i = lo; i <= hi; i++) {
        const viaMatch = afterMatch[i];
        const viaGap = afterGap[i];
        if (viaMatch <= NEG && viaGap <= NEG) continue;
        let run: number;
        let value: number;
        let kind: number;
        if (viaMatch >= viaGap) {
          value = viaMatch;
          run = 1;
          kind = 0;
        } else {
          value = viaGap;
          run = gapRun[i] + 1;
          kind = 1;
        }
        if (run > gapLimit[i]) continue;
        nextAfterGap[i] = value - gapCost;
        nextGapRun[i] = run;
        if (i < nextLo) nextLo = i;
        if (i > nextHi) nextHi = i;
        if (trace) trace.srcG[step * width + i] = kind;
      }
      // Skipping typed Han characters (a misremembered word), chained left to right.
      if (hasHan && nextLo < n) {
        for (let i = nextLo + 1; i < n; i++) {
          if (kinds[i - 1] !== UnitKind.Han) {
            if (i > nextHi) break;
            continue;
          }
          const viaMatch = nextAfterMatch[i - 1] - delCost;
          const viaGap = nextAfterGap[i - 1] - delCost;
          if (viaMatch > nextAfterGap[i] && viaMatch >= viaGap) {
            nextAfterGap[i] = viaMatch;
            nextGapRun[i] = 0;
            if (trace) trace.srcG[step * width + i] = 2;
          } else if (viaGap > nextAfterGap[i]) {
            nextAfterGap[i] = viaGap;
            nextGapRun[i] = nextGapRun[i - 1];
            if (trace) trace.srcG[step * width + i] = 3;
          } else if (i > nextHi) break;
          if (i > nextHi) nextHi = i;
        }
      }
      for (let i = nextLo; i <= nextHi; i++) {
        const value = nextAfterMatch[i] + endBonus;
        if (value <= NEG) continue;
        if (value > best) {
          best = value;
          end = j;
          if (trace) {
            trace.bestStep = step;
            trace.bestUnits = i;
          }
        }
        if (j < titleEnd && value > bestTitle) bestTitle = value;
      }
      // Clear the old states, then swap.
      for (let i = writtenLo; i <= writtenHi; i++) {
        afterMatch[i] = NEG;
        afterGap[i] = NEG;
      }
      let swap = afterMatch;
      afterMatch = nextAfterMatch;
      nextAfterMatch = swap;
      swap = afterGap;
      afterGap = nextAfterGap;
      nextAfterGap = swap;
      const swapRuns = gapRun;
      gapRun = nextGapRun;
      nextGapRun = swapRuns;
      writtenLo = nextLo;
      writtenHi = nextHi;
      lo = nextLo < 1 ? 1 : nextLo;
      hi = nextHi > n - 1 ? n - 1 : nextHi;
      if (best >= perfect && j + 1 >= titleEnd) break;
    }
    for (let i = writtenLo; i <= writtenHi; i++) {
      afterMatch[i] = NEG;
      afterGap[i] = NEG;
    }
    this.afterMatch = afterMatch;
    this.afterGap = afterGap;
    this.nextAfterMatch = nextAfterMatch;
    this.nextAfterGap = nextAfterGap;
    this.gapRun = gapRun;
    this.nextGapRun = nextGapRun;
    out.best = best;
    out.bestTitle = bestTitle;
    out.end = end;
  }

  /** Builds the memo entry for code unit c: every (from units, to units, weight) it can match. */
  private compute(c: number): number {
    const term = this.term;
    const n = this.n;
    const codes = term.codes;
    const kinds = term.kinds;
    const cls = CHAR_CLASS[c];
    const folded = FOLD[c];
    const memo = this.memo;
    const start = memo.used;
    const add = (s: number, e: number, w: number) => {
      for (let t = start; t < memo.used; t++) {
        if (memo.from[t] === s && memo.to[t] === e) {
          if (w > memo.weight[t]) memo.weight[t] = w;
          return;
        }
      }
      if (memo.used === memo.from.length) memo.grow();
      memo.from[memo.used] = s;
      memo.to[memo.used] = e;
      memo.weight[memo.used] = w;
      memo.used++;
    };
    for (let s = 0; s < n; s++) {
      const kind = kinds[s];
      const q = codes[s];
      if (kind === UnitKind.Han) {
        if (q === c) add(s, s + 1, SCORE.exact);
        else if (cls === CharClass.Han && shareReading(q, c)) add(s, s + 1, SCORE.homophone);
      } else if (cls === CharClass.Latin) {
        if (folded === q) add(s, s + 1, SCORE.exact);
      } else if (kind === UnitKind.Letter && cls === CharClass.Han) {
        if (!term.boundary[s]) continue;
        const runEnd = term.runEnd[s];
        const rStart = READING_START[c];
        for (let r = 0; r < READING_COUNT[c]; r++) {
          const factor = r === 0 ? 1 : SCORE.secondaryReading;
          const reading = READING_POOL[rStart + r];
          for (const spelling of SPELLINGS[reading]) {
            let k = 0;
            while (k < spelling.length && s + k < runEnd && spelling.charCodeAt(k) === codes[s + k]) k++;
            for (let kk = 1; kk <= k; kk++) {
              if (!term.boundary[s + kk]) continue;
              // A beginning of the reading counts as complete when it is the last thing typed.
              const complete = kk === spelling.length || s + kk === n;
              add(s, s + kk, kk * factor * (complete ? SCORE.exact : SCORE.partial));
            }
          }
          // Fuzzy spellings (zhi typed zi, ben typed beng) count when typed in full, or begun as the
          // last thing typed (`zua` for 装 zhuang typed zuang): never as initials inside a word.
          if (term.fuzzy) {
            for (const spelling of term.fuzzy.variants[reading]) {
              const len = spelling.length;
              let k = 0;
              while (k < len && s + k < runEnd && spelling.charCodeAt(k) === codes[s + k]) k++;
              if (k === len ? term.boundary[s + len] : k > 0 && s + k === n) add(s, s + k, k * factor * SCORE.fuzzy);
            }
          }
        }
      }
    }
    memo.stamp[c] = memo.generation;
    memo.start[c] = start;
    memo.count[c] = memo.used - start;
    return start;
  }
}

function shareReading(x: number, y: number): boolean {
  const xs = READING_START[x];
  const ys = READING_START[y];
  for (let i = 0; i < READING_COUNT[x]; i++) {
    const r = READING_POOL[xs + i];
    for (let k = 0; k < READING_COUNT[y]; k++) if (READING_POOL[ys + k] === r) return true;
  }
  return false;
}

