// Search over corpus items by Chinese, pinyin (full, partial, initials, mixed), homophones, several
// words in any order, skipped characters and half-remembered headings. See docs/search.md.
//
//   query → terms (query.ts) → candidate items from the inverted index (candidates.ts, postings.ts)
//         → exact alignment score per term (align.ts) → blend with title and usage → hits with ranges
import type { Item } from '../model';
import { MemoTable, TermMatcher, type AlignResult } from './align';
import { CandidatePlanner } from './candidates';
import { PostingsBuilder, type IndexData } from './postings';
import { UnitKind, parseQuery, type Term } from './query';
import { toRanges, type Range } from './ranges';
import { RANK, SCORE } from './scoring';
import { usageBoost, type UsageStat } from './usage';

export type { Range } from './ranges';

/** Past insertions per item id. */
export type UsageStats = Record<string, UsageStat>;

export interface SearchOptions {
  /** Maximum number of hits (default 50). */
  limit?: number;
  /** Past insertions per item id: lifts frequently and recently used items among comparable matches. */
  usage?: UsageStats;
  /** "Now" for usage recency, epoch ms (default Date.now()). */
  now?: number;
}

export interface SearchHit {
  item: Item;
  /** Higher is better. About 1 for an exact match of the whole query; up to ~1.2 with title and usage. */
  score: number;
  /** Matched characters in item.title, as [start, end) UTF-16 offsets. */
  titleRanges: Range[];
  /** Matched characters in item.text, as [start, end) UTF-16 offsets. */
  textRanges: Range[];
}

export interface BuildOptions {
  signal?: AbortSignal;
}

/** Characters of text indexed between two yields of buildAsync (~10-20 ms of work). */
const ASYNC_CHUNK_CHARS = 200_000;

export class SearchIndex {
  readonly size: number;
  private readonly items: readonly Item[];
  private readonly data: IndexData;
  private readonly planner: CandidatePlanner;
  private idToIndex: Map<string, number> | null = null;
  /** One memo table per term position, reused by every search. */
  private readonly memoTables: MemoTable[] = [];

  /** Builds synchronously (~20 ms per 1 000 items). `prebuilt` is internal (used by buildAsync). */
  constructor(items: readonly Item[], prebuilt?: IndexData) {
    this.items = items.slice();
    this.size = items.length;
    if (prebuilt) this.data = prebuilt;
    else {
      const builder = new PostingsBuilder(this.items);
      builder.count(0, this.size);
      builder.allocate();
      builder.fill(0, this.size);
      this.data = builder.finish();
    }
    this.planner = new CandidatePlanner(this.data, this.size);
  }

  /**
   * Builds the index in slices, yielding to the event loop between them so an editor stays responsive.
   * Rejects with an AbortError when `signal` aborts.
   */
  static async buildAsync(items: readonly Item[], options: BuildOptions = {}): Promise<SearchIndex> {
    const { signal } = options;
    const copy = items.slice();
    checkAbort(signal);
    await yieldToEventLoop();
    checkAbort(signal);
    const builder = new PostingsBuilder(copy);
    const slices = sliceByChars(copy);
    for (const [from, to] of slices) {
      builder.count(from, to);
      await yieldToEventLoop();
      checkAbort(signal);
    }
    builder.allocate();
    for (const [from, to] of slices) {
      builder.fill(from, to);
      await yieldToEventLoop();
      checkAbort(signal);
    }
    return new SearchIndex(copy, builder.finish());
  }

  /** Best hits first. An empty query (or one without letters, digits or Han characters) gives []. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(0, Math.floor(options.limit ?? 50));
    if (!limit || !query || !query.trim()) return [];
    const { terms } = parseQuery(query);
    if (!terms.length) return [];
    const now = options.now ?? Date.now();
    const usage = options.usage;
    const used = usage ? this.usedIndexes(usage) : [];

    const matchers = terms.map((t, k) => new TermMatcher(t, (this.memoTables[k] ??= new MemoTable())));
    const candidates = this.planner.plan(terms, Math.max(RANK.verifyBudget, limit), used);
    const scored = this.score(candidates, terms, matchers, usage, now);
    if (!scored.length) return [];
    scored.sort((x, y) => y.score - x.score || x.end - y.end || x.index - y.index);
    let bestQuality = 0;
    for (const s of scored) bestQuality = Math.max(bestQuality, s.quality);
    const floor = bestQuality * RANK.relative;
    const kept = scored.filter((s) => s.quality >= floor).slice(0, limit);
    return kept.map((s) => this.hit(s, matchers));
  }

  private score(
    candidates: readonly number[],
    terms: readonly Term[],
    matchers: readonly TermMatcher[],
    usage: UsageStats | undefined,
    now: number,
  ): Scored[] {
    const { doc, titleEnd } = this.data;
    const result: AlignResult = { best: 0, bestTitle: 0, end: -1 };
    let idealSum = 0;
    for (const t of terms) idealSum += t.ideal;
    const minimum = terms.map((t) => (t.kinds.every((k) => k === UnitKind.Letter) ? RANK.minLetterTerm : RANK.minTerm));
    const out: Scored[] = [];
    for (const index of candidates) {
      const text = doc[index];
      const tEnd = titleEnd[index];
      let quality = 0;
      let end = 0;
      let inTitle = 0;
      let ok = true;
      for (let k = 0; k < terms.length; k++) {
        const ideal = terms[k].ideal;
        matchers[k].score(text, text.length, tEnd, result);
        const anywhere = result.best / ideal;
        const title = result.bestTitle / ideal;
        if (Math.max(anywhere, title) < minimum[k]) {
          ok = false;
          break;
        }
        if (title > 0 && title + SCORE.title > anywhere) {
          quality += (title + SCORE.title) * ideal;
          inTitle |= 1 << k;
        } else {
          quality += anywhere * ideal;
          end = Math.max(end, result.end);
        }
      }
      if (!ok) continue;
      quality /= idealSum;
      const boost = usage ? usageBoost(usage[this.items[index].id], now) : 0;
      out.push({ index, quality, score: quality + boost, end, inTitle });
    }
    return out;
  }

  private hit(s: Scored, matchers: readonly TermMatcher[]): SearchHit {
    const item = this.items[s.index];
    const doc = this.data.doc[s.index];
    const titleEnd = this.data.titleEnd[s.index];
    const textStart = this.data.textStart[s.index];
    const positions = new Set<number>();
    matchers.forEach((m, k) => {
      const to = s.inTitle & (1 << k) ? titleEnd : doc.length;
      for (const p of m.positions(doc, to)) positions.add(p);
    });
    const sorted = [...positions].sort((x, y) => x - y);
    return {
      item,
      score: s.score,
      titleRanges: toRanges(sorted, 0, titleEnd),
      textRanges: toRanges(sorted, textStart, item.text.length),
    };
  }

  private usedIndexes(usage: UsageStats): number[] {
    if (!this.idToIndex) {
      this.idToIndex = new Map();
      this.items.forEach((item, index) => this.idToIndex!.set(item.id, index));
    }
    const out: number[] = [];
    for (const id of Object.keys(usage)) {
      const index = this.idToIndex.get(id);
      if (index !== undefined) out.push(index);
    }
    return out;
  }
}

interface Scored {
  index: number;
  /** Match quality: 1 = every term found exactly in one piece; + SCORE.title for title matches. */
  quality: number;
  /** quality + usage boost. */
  score: number;
  /** Doc position where the match ends (earlier wins ties). */
  end: number;
  /** Bit k set: term k's chosen alignment is the one inside the title. */
  inTitle: number;
}

function sliceByChars(items: readonly Item[]): [number, number][] {
  const slices: [number, number][] = [];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < items.length; i++) {
    chars += items[i].text.length + items[i].title.length;
    if (chars >= ASYNC_CHUNK_CHARS) {
      slices.push([from, i + 1]);
      from = i + 1;
      chars = 0;
    }
  }
  if (from < items.length || !slices.length) slices.push([from, items.length]);
  return slices;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  if (reason instanceof Error) throw reason;
  const error = new Error('Search index build aborted');
  error.name = 'AbortError';
  throw error;
}
