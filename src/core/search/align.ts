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
  private a: Float64Array;
  private g: Float64Array;
  private na: Float64Array;
  private ng: Float64Array;
  private gr: Int32Array;
  private ngr: Int32Array;
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
    this.a = new Float64Array(size).fill(NEG);
    this.g = new Float64Array(size).fill(NEG);
    this.na = new Float64Array(size).fill(NEG);
    this.ng = new Float64Array(size).fill(NEG);
    this.hasHan = term.kinds.some((k) => k === UnitKind.Han);
    this.gapLimit = Int32Array.from({ length: size }, (_, i) =>
      i > 0 && term.kinds[i - 1] === UnitKind.Letter ? SCORE.maxGapAfterLetter : SCORE.maxGap,
    );
    this.gr = new Int32Array(size);
    this.ngr = new Int32Array(size);
  }

  /** Score the term against doc[0, to); fills `out`. */
  score(doc: string, to: number, titleEnd: number, out: AlignResult): void {
    this.run(doc, to, titleEnd, out, null);
  }

  /** Doc positions of the characters used by the best alignment within doc[0, to). */
  positions(doc: string, to: number): number[] {
    const n = this.n;
    let steps = 0;
    for (let j = 0; j < to; j++) if (CHAR_CLASS[doc.charCodeAt(j)] !== CharClass.Skip) steps++;
    const trace: Trace = {
      pos: new Int32Array(steps),
      srcA: new Int32Array(steps * (n + 1)),
      srcG: new Int8Array(steps * (n + 1)),
      bestStep: -1,
      bestUnits: 0,
    };
    const out: AlignResult = { best: 0, bestTitle: 0, end: -1 };
    this.run(doc, to, 0, out, trace);
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

  private run(doc: string, to: number, titleEnd: number, out: AlignResult, trace: Trace | null): void {
    const n = this.n;
    const kinds = this.term.kinds;
    const canStart = this.term.canStart;
    const hasHan = this.hasHan;
    const memo = this.memo;
    const memoStamp = memo.stamp;
    const memoStart = memo.start;
    const memoCount = memo.count;
    const generation = memo.generation;
    let from = memo.from;
    let toUnits = memo.to;
    let weight = memo.weight;
    // Invariant: a, g, na, ng are all NEG except a/g over the written range [wlo, whi].
    let a = this.a;
    let g = this.g;
    let na = this.na;
    let ng = this.ng;
    let gr = this.gr;
    let ngr = this.ngr;
    let wlo = n + 1;
    let whi = -1;
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
    for (let j = 0; j < to; j++) {
      const c = doc.charCodeAt(j);
      if (CHAR_CLASS[c] === CharClass.Skip) continue;
      if (trace) {
        step++;
        trace.pos[step] = j;
      }
      let m: number;
      if (memoStamp[c] === generation) m = memoStart[c];
      else {
        m = this.compute(c);
        from = memo.from;
        toUnits = memo.to;
        weight = memo.weight;
      }
      const count = memoCount[c];
      if (lo > hi && count === 0) continue;
      const startsAtEdge = j === 0 || CHAR_CLASS[doc.charCodeAt(j - 1)] === CharClass.Skip;
      const endBonus = j + 1 >= doc.length || CHAR_CLASS[doc.charCodeAt(j + 1)] === CharClass.Skip ? edge : 0;
      let nlo = n + 1;
      let nhi = -1;
      for (let t = m; t < m + count; t++) {
        const s = from[t];
        const e = toUnits[t];
        const w = weight[t];
        let v = NEG;
        let src = 0;
        if (canStart[s]) {
          v = w * BONUS + (startsAtEdge ? edge : 0);
          src = s << 2;
        }
        if (s >= lo && s <= hi) {
          const x = a[s] + w * BONUS;
          if (x > v) {
            v = x;
            src = (s << 2) | 1;
          }
          const y = g[s] + w;
          if (y > v) {
            v = y;
            src = (s << 2) | 2;
          }
        }
        if (v > na[e]) {
          na[e] = v;
          if (e < nlo) nlo = e;
          if (e > nhi) nhi = e;
          if (trace) trace.srcA[step * width + e] = src;
        }
      }
      for (let i = lo; i <= hi; i++) {
        const x = a[i];
        const y = g[i];
        if (x <= NEG && y <= NEG) continue;
        let run: number;
        let v: number;
        let kind: number;
        if (x >= y) {
          v = x;
          run = 1;
          kind = 0;
        } else {
          v = y;
          run = gr[i] + 1;
          kind = 1;
        }
        if (run > gapLimit[i]) continue;
        ng[i] = v - gapCost;
        ngr[i] = run;
        if (i < nlo) nlo = i;
        if (i > nhi) nhi = i;
        if (trace) trace.srcG[step * width + i] = kind;
      }
      // Skipping typed Han characters (a misremembered word), chained left to right.
      if (hasHan && nlo < n) {
        for (let i = nlo + 1; i < n; i++) {
          if (kinds[i - 1] !== UnitKind.Han) {
            if (i > nhi) break;
            continue;
          }
          const x = na[i - 1] - delCost;
          const y = ng[i - 1] - delCost;
          if (x > ng[i] && x >= y) {
            ng[i] = x;
            ngr[i] = 0;
            if (trace) trace.srcG[step * width + i] = 2;
          } else if (y > ng[i]) {
            ng[i] = y;
            ngr[i] = ngr[i - 1];
            if (trace) trace.srcG[step * width + i] = 3;
          } else if (i > nhi) break;
          if (i > nhi) nhi = i;
        }
      }
      for (let i = nlo; i <= nhi; i++) {
        const v = na[i] + endBonus;
        if (v <= NEG) continue;
        if (v > best) {
          best = v;
          end = j;
          if (trace) {
            trace.bestStep = step;
            trace.bestUnits = i;
          }
        }
        if (j < titleEnd && v > bestTitle) bestTitle = v;
      }
      // Clear the old states, then swap.
      for (let i = wlo; i <= whi; i++) {
        a[i] = NEG;
        g[i] = NEG;
      }
      let swap = a;
      a = na;
      na = swap;
      swap = g;
      g = ng;
      ng = swap;
      const swapRuns = gr;
      gr = ngr;
      ngr = swapRuns;
      wlo = nlo;
      whi = nhi;
      lo = nlo < 1 ? 1 : nlo;
      hi = nhi > n - 1 ? n - 1 : nhi;
      if (best >= perfect && j + 1 >= titleEnd) break;
    }
    for (let i = wlo; i <= whi; i++) {
      a[i] = NEG;
      g[i] = NEG;
    }
    this.a = a;
    this.g = g;
    this.na = na;
    this.ng = ng;
    this.gr = gr;
    this.ngr = ngr;
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
          for (const spelling of SPELLINGS[READING_POOL[rStart + r]]) {
            let k = 0;
            while (k < spelling.length && s + k < runEnd && spelling.charCodeAt(k) === codes[s + k]) k++;
            for (let kk = 1; kk <= k; kk++) {
              if (!term.boundary[s + kk]) continue;
              // A beginning of the reading counts as complete when it is the last thing typed.
              const complete = kk === spelling.length || s + kk === n;
              add(s, s + kk, kk * factor * (complete ? SCORE.exact : SCORE.partial));
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

