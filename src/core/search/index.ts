// Search over corpus items by Chinese, pinyin (full, partial, initials, mixed), homophones, several
// words in any order, skipped characters and half-remembered headings. See docs/search.md.
//
//   query → terms (query.ts) → candidate items from the inverted index (candidates.ts, postings.ts)
//         → exact alignment score per term (align.ts) → blend with title and usage → hits with ranges
import type { Item } from '../model';
import { MemoTable, TermMatcher, type AlignResult } from './align';
import { CandidatePlanner } from './candidates';
import { labelKey, type CategoryLabel } from './categories';
import { DEFAULT_FUZZY_PAIRS, fuzzyTable, type FuzzyPair } from './fuzzy';
import { PostingsBuilder, type IndexData } from './postings';
import { UnitKind, makeTerm, parseQuery, type Term } from './query';
import { toRanges, type Range } from './ranges';
import { RANK, SCORE } from './scoring';
import { typoVariants } from './typos';
import { usageBoost, type UsageStat } from './usage';
import { Thesaurus } from './thesaurus';
import { splitWords, wordBoundaries } from './words';

export type { Range } from './ranges';
export type { CategoryLabel } from './categories';
export { categoryLabels } from './categories';
export { Thesaurus, type ThesaurusProblem } from './thesaurus';
export type { FuzzyPair } from './fuzzy';
export { DEFAULT_FUZZY_PAIRS, FUZZY_PAIRS } from './fuzzy';
export { categoryAtLine, categoryForHeading } from './context';

/** Past insertions per item id. */
export type UsageStats = Record<string, UsageStat>;

export interface SearchOptions {
  /** Maximum number of hits (default 50). */
  limit?: number;
  /** Past insertions per item id: lifts frequently and recently used items among comparable matches. */
  usage?: UsageStats;
  /** "Now" for usage recency, epoch ms (default Date.now()). */
  now?: number;
  /** Fuzzy pinyin pairs in force (default DEFAULT_FUZZY_PAIRS, every pair; [] for exact spellings only). */
  fuzzyPinyin?: readonly FuzzyPair[];
  /** Ids of items already used in the active document: they sink below unused hits of similar quality. */
  usedInDocument?: ReadonlySet<string>;
  /** A category id (e.g. the one named by the heading above the cursor): its items come first among equals. */
  preferCategory?: string;
  /** Add the partial tier when full matches are few (default true). */
  partial?: boolean;
}

/** `full`: every term found. `partial`: only some of what was typed was found. */
export type Tier = 'full' | 'partial';

export interface SearchHit {
  item: Item;
  /** Full matches come first; partial ones (not every word found) after them. */
  tier: Tier;
  /**
   * Higher is better within a tier. Full: about 1 for an exact match of the whole query; up to ~1.2 with
   * title and usage. Partial: the weighted share of the query found (0..1).
   */
  score: number;
  /** Matched characters in item.title, as [start, end) UTF-16 offsets. */
  titleRanges: Range[];
  /** Matched characters in item.text, as [start, end) UTF-16 offsets. */
  textRanges: Range[];
}

export interface IndexOptions {
  /** Category names and corpus titles: a term matching one counts for every item of that category. */
  categories?: readonly CategoryLabel[];
  /** Near-synonyms for the partial tier (corpus/thesaurus.txt); none when absent. */
  thesaurus?: Thesaurus;
}

export interface BuildOptions extends IndexOptions {
  signal?: AbortSignal;
}

/** Characters of text indexed between two yields of buildAsync (~10-20 ms of work). */
const ASYNC_CHUNK_CHARS = 200_000;

interface SearchContext {
  /**
   * The query as typed (trimmed) when it holds a Han character: an item holding it verbatim is always
   * scored and ranks above every item that does not (a phrase copied from an item finds it).
   */
  exact: string | undefined;
  usage: UsageStats | undefined;
  now: number;
  usedInDocument: ReadonlySet<string> | undefined;
  preferCategory: string | undefined;
}

export class SearchIndex {
  readonly size: number;
  private readonly items: readonly Item[];
  private readonly data: IndexData;
  private readonly planner: CandidatePlanner;
  private idToIndex: Map<string, number> | null = null;
  /** One memo table per matcher slot, reused by every search. */
  private readonly memoTables: MemoTable[] = [];
  /** Category label strings, and each item's label number (-1: none). */
  private readonly labels: { names: string[]; items: number[] }[];
  private readonly itemLabel: Int32Array;
  private readonly singleCharFrequency = new Map<number, number>();
  /** Items holding a thesaurus word (or a piece of one) verbatim, estimated like documentFrequency. */
  private readonly verbatimCache = new Map<string, number>();
  /** Han words' counts of items holding them as typed (countHeldAsTyped), kept for the index's life. */
  private readonly heldAsTyped = new Map<string, number>();
  private readonly thesaurus: Thesaurus;

  /** Builds synchronously (~20 ms per 1 000 items). `prebuilt` is internal (used by buildAsync). */
  constructor(items: readonly Item[], options: IndexOptions = {}, prebuilt?: IndexData) {
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
    this.thesaurus = options.thesaurus ?? Thesaurus.empty;
    const byKey = new Map<string, number>();
    this.labels = [];
    for (const label of options.categories ?? []) {
      const key = labelKey(label);
      if (byKey.has(key)) continue;
      byKey.set(key, this.labels.length);
      this.labels.push({ names: [...label.names], items: [] });
    }
    this.itemLabel = new Int32Array(this.size).fill(-1);
    if (this.labels.length) {
      this.items.forEach((item, index) => {
        const label = byKey.get(labelKey(item));
        if (label === undefined) return;
        this.itemLabel[index] = label;
        this.labels[label].items.push(index);
      });
    }
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
    return new SearchIndex(copy, { categories: options.categories, thesaurus: options.thesaurus }, builder.finish());
  }

  /**
   * Full matches (every term found) first, best first; then, when those are few, partial matches ranked
   * by the weighted share of the query they hold. An empty query (or one without letters, digits or Han
   * characters) gives [].
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(0, Math.floor(options.limit ?? 50));
    if (!limit || !query || !query.trim()) return [];
    const fuzzy = fuzzyTable(options.fuzzyPinyin ?? DEFAULT_FUZZY_PAIRS);
    const { terms } = parseQuery(query, fuzzy);
    if (!terms.length) return [];
    const typed = query.trim();
    const context: SearchContext = {
      exact: HAN_CHAR.test(typed) ? typed : undefined,
      usage: options.usage,
      now: options.now ?? Date.now(),
      usedInDocument: options.usedInDocument,
      preferCategory: options.preferCategory,
    };
    const used = context.usage ? this.usedIndexes(context.usage) : [];
    const budget = Math.max(RANK.verifyBudget, limit);

    let slot = 0;
    const matcherFor = (term: Term) => new TermMatcher(term, (this.memoTables[slot++] ??= new MemoTable()));
    const matchers = terms.map(matcherFor);
    const labelScores = terms.map((term) => this.labelScores(term));
    const factors = terms.map(() => 1);
    let full = this.fullTier(terms, matchers, factors, labelScores, budget, used, context);

    // One typo in a long pinyin word: when the query as typed finds nothing good, try its corrections.
    if (!full.some((s) => s.quality >= RANK.typoRetryBelow)) {
      const byIndex = new Map(full.map((s) => [s.index, s]));
      terms.forEach((term, k) => {
        for (const variant of typoVariants(term, fuzzy, this.data)) {
          const variantTerms = terms.slice();
          variantTerms[k] = variant;
          const variantMatchers = matchers.slice();
          variantMatchers[k] = matcherFor(variant);
          const variantFactors = factors.slice();
          variantFactors[k] = SCORE.typo;
          const variantLabels = labelScores.slice();
          variantLabels[k] = null;
          for (const s of this.fullTier(variantTerms, variantMatchers, variantFactors, variantLabels, budget, used, context)) {
            const known = byIndex.get(s.index);
            if (known && known.score >= s.score) continue;
            s.matchers = variantMatchers;
            byIndex.set(s.index, s);
          }
        }
      });
      full = [...byIndex.values()];
    }
    this.preferWholeWords(full, terms, matchers);
    full.sort(byScore);
    let bestQuality = 0;
    for (const s of full) bestQuality = Math.max(bestQuality, s.quality);
    let words: QueryWords | null | undefined;
    // Only a piece of the query was found in one place (a gist in other words): among those hits, the
    // ones holding more of the query's words elsewhere in the item are likelier meant.
    if (bestQuality < RANK.weakFull && full.length > 1 && (words = this.queryWords(terms, fuzzy, matcherFor))) {
      for (const s of full.slice(0, RANK.weakFullRerank)) s.score += RANK.weakFullCoverage * this.coverage(s.index, words).quality;
      full.sort(byScore);
    }
    const floor = bestQuality * RANK.relative;
    const kept = full.filter((s) => s.quality >= floor).slice(0, limit);
    const hits = kept.map((s) => this.hit(s, s.matchers ?? matchers, 'full'));

    if (options.partial !== false && hits.length < Math.min(limit, RANK.partialWhenFewerThan)) {
      const taken = new Set(kept.map((s) => s.index));
      if (words === undefined) words = this.queryWords(terms, fuzzy, matcherFor);
      const partial = words ? this.partialTier(words, used, context, taken) : [];
      for (const hit of partial.slice(0, limit - hits.length)) hits.push(hit);
    }
    return hits;
  }

  /** Items matching every term (each term by its text, or by the name of the item's category). */
  private fullTier(
    terms: readonly Term[],
    matchers: readonly TermMatcher[],
    factors: readonly number[],
    labelScores: readonly (Float64Array | null)[],
    budget: number,
    used: readonly number[],
    context: SearchContext,
  ): Scored[] {
    // A term found in category names does not have to be in the text: plan with the others.
    const textTerms = terms.filter((_, k) => !labelScores[k]);
    let candidates: number[];
    if (textTerms.length === terms.length) candidates = this.planner.plan(terms, budget, used, context.exact);
    else {
      const set = new Set<number>(textTerms.length ? this.planner.plan(textTerms, budget, used, context.exact) : []);
      // Items of the named categories (they need not hold the term in their text).
      labelScores.forEach((scores, k) => {
        if (!scores) return;
        const minimum = minimumOf(terms[k]);
        scores.forEach((score, label) => {
          if (score < minimum) return;
          for (const index of this.labels[label].items) if (set.size < budget * 2) set.add(index);
        });
        if (!textTerms.length) for (const index of this.planner.plan([terms[k]], budget, used, context.exact)) set.add(index);
      });
      candidates = [...set];
    }
    return this.score(candidates, terms, matchers, factors, labelScores, context);
  }

  private score(
    candidates: readonly number[],
    terms: readonly Term[],
    matchers: readonly TermMatcher[],
    factors: readonly number[],
    labelScores: readonly (Float64Array | null)[],
    context: SearchContext,
  ): Scored[] {
    const { doc, titleEnd } = this.data;
    const result: AlignResult = { best: 0, bestTitle: 0, end: -1 };
    let idealSum = 0;
    for (const t of terms) idealSum += t.ideal;
    const minimum = terms.map(minimumOf);
    const out: Scored[] = [];
    for (const index of candidates) {
      const text = doc[index];
      const tEnd = titleEnd[index];
      const label = this.itemLabel[index];
      let quality = 0;
      let end = 0;
      let inTitle = 0;
      let inLabel = 0;
      let ok = true;
      for (let k = 0; k < terms.length; k++) {
        const ideal = terms[k].ideal;
        matchers[k].score(text, text.length, tEnd, result);
        const anywhere = (result.best / ideal) * factors[k];
        const title = (result.bestTitle / ideal) * factors[k];
        const byLabel = label >= 0 && labelScores[k] ? labelScores[k]![label] : 0;
        if (Math.max(anywhere, title, byLabel) < minimum[k]) {
          ok = false;
          break;
        }
        if (byLabel > anywhere && byLabel > title + SCORE.title) {
          quality += byLabel * ideal;
          inLabel |= 1 << k;
        } else if (title > 0 && title + SCORE.title > anywhere) {
          quality += (title + SCORE.title) * ideal;
          inTitle |= 1 << k;
        } else {
          quality += anywhere * ideal;
          end = Math.max(end, result.end);
        }
      }
      if (!ok) continue;
      quality /= idealSum;
      // Terms match in any order and approximately; the whole query found as typed is what was meant.
      const exact = context.exact !== undefined && text.includes(context.exact);
      out.push({ index, quality, score: quality + this.adjustment(index, context), end, inTitle, inLabel, exact });
    }
    return out;
  }

  /** Usage lifts, use in the document sinks, the preferred category lifts; all small next to quality. */
  private adjustment(index: number, context: SearchContext): number {
    const item = this.items[index];
    let delta = context.usage ? usageBoost(context.usage[item.id], context.now) : 0;
    if (context.usedInDocument?.has(item.id)) delta -= RANK.usedInDocument;
    if (context.preferCategory !== undefined && item.categoryId === context.preferCategory) delta += RANK.preferredCategory;
    return delta;
  }

  /**
   * How well a term matches each category label (normalized like a term score, scaled by
   * SCORE.category), or null when it matches none well enough to count.
   */
  private labelScores(term: Term): Float64Array | null {
    if (!this.labels.length) return null;
    const matcher = new TermMatcher(term);
    const result: AlignResult = { best: 0, bestTitle: 0, end: -1 };
    const scores = new Float64Array(this.labels.length);
    let any = false;
    const minimum = minimumOf(term);
    this.labels.forEach((label, k) => {
      for (const name of label.names) {
        matcher.score(name, name.length, 0, result);
        const score = (result.best / term.ideal) * SCORE.category;
        if (score > scores[k]) scores[k] = score;
      }
      if (scores[k] >= minimum) any = true;
    });
    return any ? scores : null;
  }

  /**
   * Items holding part of the query: its words (a term split at word boundaries) weighted by rarity,
   * so 老好人 counts far more than 的 or 问题. An item must hold a share of RANK.partialCoverage of the
   * weighted query, including at least one uncommon word; a query sharing nothing meaningful gives [].
   */
  private partialTier(query: QueryWords, used: readonly number[], context: SearchContext, taken: ReadonlySet<number>): SearchHit[] {
    const { words, synonyms, typedHeld, weights, totalWeight, labelScores, minimum, matchers } = query;
    const candidates = new Set<number>();
    words.forEach((word, k) => {
      if (weights[k] / totalWeight < RANK.partialSeedShare) return;
      for (const seed of typedHeld[k] ? [word] : [word, ...synonyms[k]]) {
        if (seed.groups.length) for (const index of this.planner.plan([seed], RANK.partialBudget, used)) candidates.add(index);
      }
      const scores = labelScores[k];
      if (scores) {
        scores.forEach((score, label) => {
          if (score >= minimum[k]) for (const index of this.labels[label].items.slice(0, RANK.partialBudget)) candidates.add(index);
        });
      }
    });

    for (const fragment of query.fragments) for (const index of this.planner.plan([makeTerm(fragment)], RANK.partialBudget, used)) candidates.add(index);

    const scored: (Scored & { found: number })[] = [];
    for (const index of candidates) {
      if (taken.has(index)) continue;
      const covered = this.coverage(index, query);
      const found = covered.found;
      let quality = covered.quality;
      if (!covered.meaningful || quality < RANK.partialCoverage) {
        // A stretch of the query the writer remembered word for word, held by hardly any item: that item is
        // meant even when the rest is worded differently (遇到新情况没有先例 不知道怎么干: 没有先例).
        if (!query.fragments.some((fragment) => this.data.doc[index].includes(fragment))) continue;
        quality = Math.max(quality, RANK.partialCoverage);
      }
      const score = quality + RANK.partialRepeat * this.repetition(index, query, found) + this.adjustment(index, context);
      scored.push({ index, quality, score, end: 0, inTitle: 0, inLabel: 0, found });
    }
    if (!scored.length) return [];
    scored.sort(byScore);
    const floor = scored[0].quality * RANK.relative;
    return scored
      .filter((s) => s.quality >= floor)
      .slice(0, RANK.partialLimit)
      .map((s) => this.hit({ ...s, inLabel: ~s.found }, matchers, 'partial'));
  }

  /** The query's words (terms split at word boundaries) and their weights by rarity; null when fewer than two. */
  private queryWords(terms: readonly Term[], fuzzy: ReturnType<typeof fuzzyTable>, matcherFor: (term: Term) => TermMatcher): QueryWords | null {
    const words: Term[] = [];
    const synonyms: Term[][] = [];
    const fragments: string[] = [];
    for (const term of terms) {
      // A thesaurus word is kept whole only when items hold it or one of its synonyms as typed.
      const parts = splitWords(term.text, this.thesaurus, (word) => this.verbatimFrequency(word) > 0 || this.heldSynonyms(word).length > 0);
      fragments.push(...this.rareFragments(parts));
      if (parts.length === 1 && !this.splitsFurther(term.text)) {
        words.push(term);
        synonyms.push(this.heldSynonyms(term.text));
        continue;
      }
      for (const part of parts) {
        const held = this.heldSynonyms(part);
        if (held.length && !this.verbatimFrequency(part)) {
          // A thesaurus word the library words differently stays whole: its synonyms carry it, and
          // so do its two-character pieces that items hold (亮点工程: 形象工程, or 亮点).
          const pieces: Term[] = [];
          for (let k = 0; k + 2 <= part.length && part.length > 2; k++) {
            const df = this.verbatimFrequency(part.slice(k, k + 2));
            if (df > 0 && df <= this.size * RANK.partialPieceShare) pieces.push(makeTerm(part.slice(k, k + 2)));
          }
          words.push(makeTerm(part, fuzzy));
          synonyms.push([...held, ...pieces]);
        } else {
          const pieces = this.heldPieces(part);
          for (const piece of pieces) {
            words.push(makeTerm(piece, fuzzy));
            synonyms.push(piece === part ? held : this.heldSynonyms(piece));
          }
        }
      }
    }
    const typedHeld = words.map((word) => this.verbatimFrequency(word.text) > 0);
    // One word is enough when the library words it differently (上面说一套下面做一套: 上有政策下有对策).
    if (words.length < 2 && !(words.length === 1 && synonyms[0].length && !typedHeld[0])) return null;
    const rarities = words.map((word, k) => this.rarity(word, synonyms[k]));
    const weights = words.map((word, k) => (word.ideal / (1 + SCORE.adjacent)) * rarities[k]);
    const totalWeight = weights.reduce((sum, w) => sum + w, 0);
    if (totalWeight <= 0) return null;
    return {
      words,
      synonyms,
      fragments,
      typedHeld,
      // In a tiny library every word is in a large share of it: two items always count as few.
      uncommon: rarities.map((rarity) => rarity >= Math.log((this.size + 1) / (Math.max(2, this.size * RANK.partialUncommon) + 0.5))),
      weights,
      totalWeight,
      typedLength: words.reduce((sum, word) => sum + word.text.length, 0),
      matchers: words.map(matcherFor),
      labelScores: words.map((word) => this.labelScores(word)),
      minimum: words.map((word) => Math.max(minimumOf(word), RANK.partialWord)),
    };
  }

  /** Weighted share of the query's words an item holds (anywhere in it, or by its category name). */
  private coverage(index: number, query: QueryWords): { quality: number; found: number; meaningful: boolean } {
    const { words, synonyms, typedHeld, uncommon, weights, totalWeight, typedLength, matchers, labelScores, minimum } = query;
    const text = this.data.doc[index];
    const label = this.itemLabel[index];
    const result: AlignResult = { best: 0, bestTitle: 0, end: -1 };
    let covered = 0;
    let found = 0;
    let meaningful = false;
    let foundLength = 0;
    for (let k = 0; k < words.length; k++) {
      matchers[k].score(text, text.length, this.data.titleEnd[index], result);
      const byText = result.best / words[k].ideal;
      const byLabel = label >= 0 && labelScores[k] ? labelScores[k]![label] : 0;
      let score = Math.max(byText, byLabel);
      let bySynonym = false;
      // Worded differently (会议 for 开会): a near-synonym held verbatim counts, a little less.
      if (score < SCORE.synonym && synonyms[k].some((s) => text.includes(s.text))) {
        score = SCORE.synonym;
        bySynonym = true;
      }
      if (score < minimum[k]) continue;
      covered += weights[k] * Math.min(1, score);
      foundLength += words[k].text.length;
      if (byText >= byLabel) found |= 1 << k;
      if (weights[k] / totalWeight >= RANK.partialSeedShare && !(bySynonym && typedHeld[k]) && uncommon[k]) meaningful = true;
    }
    // Rare words weigh more, but a hit must also hold a fair part of what was typed: 世界 alone (a
    // common word cut from 世界杯足球决赛) is not a partial match for the whole query.
    if (foundLength < typedLength * RANK.partialTyped) meaningful = false;
    return { quality: covered / totalWeight, found, meaningful };
  }

  /**
   * How much the item is about the query's found words: weighted share of them repeated in its text
   * (调研 seven times marks the item on 调研, once in passing does not). 0 … 1.
   */
  private repetition(index: number, query: QueryWords, found: number): number {
    const { words, synonyms, weights, totalWeight } = query;
    const text = this.data.doc[index];
    let share = 0;
    for (let k = 0; k < words.length && k < 31; k++) {
      if (!(found & (1 << k))) continue;
      let count = 0;
      for (let s = -1; s < synonyms[k].length && count < RANK.repeatCap; s++) {
        const word = s < 0 ? words[k].text : synonyms[k][s].text;
        if (word.length < 2 || !HAN_CHAR.test(word)) continue;
        for (let at = text.indexOf(word); at >= 0 && count < RANK.repeatCap; at = text.indexOf(word, at + word.length)) count++;
      }
      if (count > 1) share += (weights[k] / totalWeight) * ((count - 1) / (RANK.repeatCap - 1));
    }
    return share;
  }

  /**
   * Runs of consecutive words of a Chinese term, 4+ characters and shorter than the term, that at most
   * RANK.fragmentItems items hold verbatim; longest first, not overlapping.
   */
  private rareFragments(parts: readonly string[]): string[] {
    const out: string[] = [];
    const whole = parts.join('');
    const spans: [number, number, string][] = [];
    for (let i = 0, at = 0; i < parts.length; at += parts[i].length, i++) {
      let text = '';
      for (let j = i; j < parts.length; j++) {
        text += parts[j];
        if (text.length >= 4 && text.length < whole.length && HAN_WORD.test(text)) spans.push([at, at + text.length, text]);
      }
    }
    spans.sort((a, b) => b[2].length - a[2].length);
    const taken: [number, number][] = [];
    for (const [from, to, text] of spans) {
      if (taken.some(([f, t]) => from < t && f < to)) continue;
      const df = this.verbatimFrequency(text);
      if (df < 1 || df > RANK.fragmentItems) continue;
      out.push(text);
      taken.push([from, to]);
    }
    return out;
  }

  /** True when a one-word term would be replaced by its pieces (see heldPieces). */
  private splitsFurther(text: string): boolean {
    const pieces = this.heldPieces(text);
    return pieces.length !== 1 || pieces[0] !== text;
  }

  /**
   * A Chinese word of 3+ characters that no item holds (怕得罪人: the segmenter kept 怕 with 得罪人, or
   * the writer's wording differs) stands for its two-character pieces that items do hold (得罪, 罪人):
   * they carry what it shares with the library. Otherwise the word itself.
   */
  private heldPieces(word: string): string[] {
    if (word.length < 3 || !HAN_WORD.test(word)) return [word];
    if (this.documentFrequency(makeTerm(word)) > 0) return [word];
    const pieces: string[] = [];
    for (let k = 0; k + 2 <= word.length; k++) {
      const pair = word.slice(k, k + 2);
      if (!pieces.includes(pair) && this.documentFrequency(makeTerm(pair), true) > 0) pieces.push(pair);
    }
    return pieces.length ? pieces : [word];
  }

  /**
   * Near-synonyms of a Han word (the index's thesaurus) that some item holds verbatim, as terms; counted once per
   * index (the library does not change under it).
   */
  private heldSynonyms(word: string): Term[] {
    const words = this.thesaurus.synonymsOf(word);
    // Also for a word items hold as typed (不深入, where the meant item says 了解不深); there they only
    // support a hit another word found (QueryWords.typedHeld).
    if (!words.length) return [];
    const out: Term[] = [];
    for (const synonym of words) if (this.verbatimFrequency(synonym) > 0) out.push(makeTerm(synonym));
    return out;
  }

  /** Items holding a Han word of 2+ characters as typed (estimated, cached per index); 0 for shorter words. */
  private verbatimFrequency(word: string): number {
    let df = this.verbatimCache.get(word);
    if (df === undefined) {
      df = word.length < 2 ? 0 : this.documentFrequency(makeTerm(word), true);
      this.verbatimCache.set(word, df);
    }
    return df;
  }

  /**
   * Rarity of a word in this library: inverse document frequency, estimated from the index. A word no
   * item holds but whose synonyms some do weighs as its rarest held synonym.
   */
  private rarity(word: Term, synonyms: readonly Term[] = []): number {
    const n = this.size;
    const df = Math.min(n, this.documentFrequency(word));
    if (df === 0 && synonyms.length) {
      // Worded differently: as rare as its rarest held synonym (a match through it scores SCORE.synonym).
      let least = 0;
      for (const synonym of synonyms) {
        const f = this.verbatimCache.get(synonym.text) ?? 0;
        if (f > 0 && (least === 0 || f < least)) least = f;
      }
      if (least > 0) return Math.max(0, Math.log((n + 1) / (least + 0.5)));
    }
    // A word the library never holds is most likely the stray one: it counts, but as if it were common-ish.
    if (df === 0) return Math.log((n + 1) / 1.5) * RANK.partialAbsentWord;
    return Math.max(0, Math.log((n + 1) / (df + 0.5)));
  }

  /** `asTyped`: count only items holding typed Chinese as typed (no homophones). */
  private documentFrequency(word: Term, asTyped = false): number {
    const { offsets, signatures } = this.data;
    if (word.groups.length) {
      let least = Infinity;
      let rarest = word.groups[0];
      for (const group of word.groups) {
        let sum = 0;
        for (const key of group) sum += offsets[key + 1] - offsets[key];
        if (sum < least) {
          least = sum;
          rarest = group;
        }
      }
      // Keys are readings, so they count homophones too (侥幸 jiao-xing shares its key with 教学 …):
      // typed Chinese counts the items holding it as typed, on an even sample of the rarest key's
      // postings. None (a traditional form, a homophone slip): the reading count stands.
      if (least > 0 && word.kinds.every((k) => k === UnitKind.Han)) {
        const held = this.heldAsTyped.get(word.text) ?? this.countHeldAsTyped(word.text, rarest, least);
        if (held) return held;
        if (asTyped) return 0;
      }
      return least;
    }
    // One character or syllable: count items holding any of its readings (cached per character).
    const mask = word.masks[0];
    if (!mask || word.codes.length !== 1) return this.size;
    const code = word.codes[0];
    let df = this.singleCharFrequency.get(code);
    if (df === undefined) {
      df = 0;
      const words = mask.length;
      for (let item = 0; item < this.size; item++) {
        const base = item * words;
        for (let w = 0; w < words; w++) {
          if (mask[w] && signatures[base + w] & mask[w]) {
            df++;
            break;
          }
        }
      }
      this.singleCharFrequency.set(code, df);
    }
    return df;
  }

  /**
   * Items holding Han `text` as typed, estimated on an even sample of its rarest key's postings (0: none
   * in the sample). Per keystroke the same words come back, so the count is kept for the index's life.
   */
  private countHeldAsTyped(text: string, rarest: readonly number[], least: number): number {
    const { offsets, postings, doc } = this.data;
    const step = Math.max(1, Math.ceil(least / RANK.rarityProbe));
    let checked = 0;
    let holding = 0;
    let seen = 0;
    for (const key of rarest) {
      for (let p = offsets[key]; p < offsets[key + 1]; p++, seen++) {
        if (seen % step) continue;
        checked++;
        if (doc[postings[p] >>> 1].includes(text)) holding++;
      }
    }
    const held = holding ? Math.max(1, Math.round((holding / checked) * least)) : 0;
    this.heldAsTyped.set(text, held);
    return held;
  }

  /**
   * Among the best full hits, a match that starts and ends on word boundaries (Intl.Segmenter) gains a
   * little over one that straddles two words (`xszy`: 形式主义 over 形式|装样子).
   */
  private preferWholeWords(scored: Scored[], terms: readonly Term[], matchers: readonly TermMatcher[]): void {
    // Typed Chinese says where its words are; letters (initials above all) do not, and there the
    // check pays for itself. It runs on near-ties only (a few Segmenter calls).
    if (scored.length < 2 || !SCORE.wordBoundary || !terms.every((t) => t.kinds.every((k) => k === UnitKind.Letter))) return;
    scored.sort(byScore);
    const top = scored[0].quality;
    let idealSum = 0;
    for (const t of terms) idealSum += t.ideal;
    for (const s of scored.slice(0, RANK.wordBoundaryCheck)) {
      if (s.quality < top - RANK.wordBoundaryWithin) break;
      const doc = this.data.doc[s.index];
      const ms = s.matchers ?? matchers;
      let bonus = 0;
      ms.forEach((matcher, k) => {
        if (s.inLabel & (1 << k)) return;
        const positions = matcher.positions(doc, s.inTitle & (1 << k) ? this.data.titleEnd[s.index] : doc.length);
        if (positions.length < 2) return;
        const start = positions[0];
        const end = positions[positions.length - 1] + 1;
        const from = Math.max(0, start - 12);
        const boundaries = wordBoundaries(doc, from, Math.min(doc.length, end + 12));
        const sides = (boundaries.has(start - from) ? 1 : 0) + (boundaries.has(end - from) ? 1 : 0);
        bonus += (sides / 2) * (terms[k].ideal / idealSum);
      });
      s.score += bonus * SCORE.wordBoundary;
    }
  }

  private hit(s: Scored, matchers: readonly TermMatcher[], tier: Tier): SearchHit {
    const item = this.items[s.index];
    const doc = this.data.doc[s.index];
    const titleEnd = this.data.titleEnd[s.index];
    const textStart = this.data.textStart[s.index];
    const positions = new Set<number>();
    matchers.forEach((m, k) => {
      if (s.inLabel & (1 << k)) return;
      const to = s.inTitle & (1 << k) ? titleEnd : doc.length;
      for (const p of m.positions(doc, to)) positions.add(p);
    });
    const sorted = [...positions].sort((x, y) => x - y);
    return {
      item,
      tier,
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

function minimumOf(term: Term): number {
  return term.kinds.every((k) => k === UnitKind.Letter) ? RANK.minLetterTerm : RANK.minTerm;
}

const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Han characters only (a word the partial tier may cut into pieces or join into a stretch). */
const HAN_WORD = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/** Exact (verbatim) hits first, then by score; an earlier match, then library order, breaks ties. */
function byScore(x: Scored, y: Scored): number {
  return Number(!!y.exact) - Number(!!x.exact) || y.score - x.score || x.end - y.end || x.index - y.index;
}

interface QueryWords {
  words: Term[];
  /** Per word: its near-synonyms held by some item (a verbatim match counts as SCORE.synonym). */
  synonyms: Term[][];
  /** Stretches of the query (several words) that hardly any item holds verbatim (rareFragments). */
  fragments: string[];
  /** Per word: items hold it as typed, so its synonyms only support a hit found by another word. */
  typedHeld: boolean[];
  /** Per word: held by at most RANK.partialUncommon of the items (学习, 方法 are not: they alone make no hit). */
  uncommon: boolean[];
  weights: number[];
  totalWeight: number;
  /** Characters of all the words together. */
  typedLength: number;
  matchers: TermMatcher[];
  labelScores: (Float64Array | null)[];
  minimum: number[];
}

interface Scored {
  index: number;
  /** Match quality: 1 = every term found exactly in one piece; + SCORE.title for title matches. */
  quality: number;
  /** quality + usage, document and category adjustments. */
  score: number;
  /** Doc position where the match ends (earlier wins ties). */
  end: number;
  /** Bit k set: term k's chosen alignment is the one inside the title. */
  inTitle: number;
  /** Bit k set: term k counted through the item's category name (nothing to highlight). */
  inLabel: number;
  /** Matchers of a typo-corrected query that found this item. */
  matchers?: readonly TermMatcher[];
  /** The item holds the query exactly as typed (full tier only). */
  exact?: boolean;
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
