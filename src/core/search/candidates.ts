// Picks the few items worth scoring exactly, using the inverted index and the signatures.
//
// A term with key groups (two or more pinyin-level pieces) counts, per item, how many of its groups
// the item holds; items holding at least half as many as the best-placed item qualify (typos, skipped
// characters and misremembered words break a few groups, not all). Terms too short for keys (one character, one
// letter, two initials) filter by signature: the item must contain a reading for each piece.
// All terms must qualify. Then the best `budget` by priority are kept: more groups held, groups held in
// the title, and past usage come first; ties keep library order.
import type { IndexData } from './postings';
import { SIGNATURE_WORDS } from './keys';
import type { Term } from './query';

const MIN_GROUP_SHARE = 0.5;
const PRIORITY_LEVELS = 1024;
const USED_PRIORITY = 512;

export class CandidatePlanner {
  private readonly size: number;
  private readonly data: IndexData;
  private readonly groupStamp: Int32Array;
  private readonly titleStamp: Int32Array;
  private readonly countStamp: Int32Array;
  private readonly count: Uint16Array;
  private readonly titleCount: Uint16Array;
  private readonly alive: Int32Array;
  private readonly priority: Int32Array;
  private generation = 0;

  constructor(data: IndexData, size: number) {
    this.data = data;
    this.size = size;
    this.groupStamp = new Int32Array(size);
    this.titleStamp = new Int32Array(size);
    this.countStamp = new Int32Array(size);
    this.count = new Uint16Array(size);
    this.titleCount = new Uint16Array(size);
    this.alive = new Int32Array(size);
    this.priority = new Int32Array(size);
  }

  /**
   * Item indexes to score, at most `budget`, in priority order. `used` lists items with usage
   * history: when they qualify they are always kept.
   */
  plan(terms: readonly Term[], budget: number, used: readonly number[]): number[] {
    const keyed = terms.filter((t) => t.groups.length > 0);
    const filters = terms.filter((t) => t.groups.length === 0).flatMap((t) => t.masks.map(compactMask));
    const { offsets } = this.data;
    const postingsLength = (t: Term) =>
      t.groups.reduce((sum, g) => sum + g.reduce((s, k) => s + offsets[k + 1] - offsets[k], 0), 0);
    keyed.sort((x, y) => postingsLength(x) - postingsLength(y));

    const priority = this.priority;
    const alive = this.alive;
    let list: number[] = [];
    let mark = 0;
    if (keyed.length) {
      keyed.forEach((term, index) => {
        const touched = this.countTerm(term);
        // Qualify with at least half the groups of the best-placed item (so a skipped or misremembered
        // character, which breaks two or three groups, does not drop the item the writer meant).
        let most = 0;
        for (const item of touched) if (this.count[item] > most) most = this.count[item];
        const need = Math.max(1, Math.ceil(most * MIN_GROUP_SHARE));
        const previous = mark;
        mark = ++this.generation;
        for (const item of touched) {
          if (this.count[item] < need) continue;
          if (index === 0) priority[item] = 0;
          else if (alive[item] !== previous) continue;
          alive[item] = mark;
          priority[item] += this.count[item] * 2 + this.titleCount[item];
        }
        if (index === keyed.length - 1) for (const item of touched) if (alive[item] === mark) list.push(item);
      });
      if (filters.length) {
        list = list.filter((item) => passesSig(this.data.signatures, item, filters));
        const filtered = ++this.generation;
        for (const item of list) alive[item] = filtered;
        mark = filtered;
      }
      list.sort((x, y) => x - y);
    } else {
      mark = ++this.generation;
      const { signatures, titleSignatures } = this.data;
      for (let item = 0; item < this.size; item++) {
        if (!passesSig(signatures, item, filters)) continue;
        priority[item] = passesSig(titleSignatures, item, filters) ? 1 : 0;
        alive[item] = mark;
        list.push(item);
      }
    }
    for (const item of used) if (alive[item] === mark) priority[item] += USED_PRIORITY;
    if (list.length <= budget) return list;
    return this.top(list, budget);
  }

  /** Counts group hits for one term; returns the items touched. */
  private countTerm(term: Term): number[] {
    const { offsets, postings } = this.data;
    const touched: number[] = [];
    const termMark = ++this.generation;
    for (const group of term.groups) {
      const mark = ++this.generation;
      for (const key of group) {
        const end = offsets[key + 1];
        for (let p = offsets[key]; p < end; p++) {
          const posting = postings[p];
          const item = posting >>> 1;
          if (this.groupStamp[item] !== mark) {
            this.groupStamp[item] = mark;
            if (this.countStamp[item] !== termMark) {
              this.countStamp[item] = termMark;
              this.count[item] = 0;
              this.titleCount[item] = 0;
              touched.push(item);
            }
            this.count[item]++;
          }
          if (posting & 1 && this.titleStamp[item] !== mark) {
            this.titleStamp[item] = mark;
            this.titleCount[item]++;
          }
        }
      }
    }
    return touched;
  }

  /** The `budget` items of highest priority (library order among equals), via a histogram. */
  private top(list: number[], budget: number): number[] {
    const priority = this.priority;
    const histogram = new Int32Array(PRIORITY_LEVELS);
    for (const item of list) histogram[Math.min(PRIORITY_LEVELS - 1, priority[item])]++;
    let cutoff = PRIORITY_LEVELS - 1;
    let above = 0;
    while (cutoff > 0 && above + histogram[cutoff] < budget) above += histogram[cutoff--];
    let room = budget - above;
    const out: number[] = [];
    for (const item of list) {
      const p = Math.min(PRIORITY_LEVELS - 1, priority[item]);
      if (p > cutoff) out.push(item);
      else if (p === cutoff && room > 0) {
        out.push(item);
        room--;
      }
    }
    return out;
  }
}

/** A mask as (word index, bits) pairs for its non-zero words. */
interface CompactMask {
  words: Int32Array;
  bits: Uint32Array;
}

function compactMask(mask: Uint32Array): CompactMask {
  const words: number[] = [];
  const bits: number[] = [];
  mask.forEach((value, index) => {
    if (value) {
      words.push(index);
      bits.push(value);
    }
  });
  return { words: Int32Array.from(words), bits: Uint32Array.from(bits) };
}

function passesSig(sigs: Uint32Array, item: number, filters: readonly CompactMask[]): boolean {
  const base = item * SIGNATURE_WORDS;
  for (const f of filters) {
    let hit = false;
    for (let k = 0; k < f.words.length; k++) {
      if (sigs[base + f.words[k]] & f.bits[k]) {
        hit = true;
        break;
      }
    }
    if (!hit && f.words.length) return false;
  }
  return true;
}
