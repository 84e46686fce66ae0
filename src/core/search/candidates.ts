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
import { UnitKind, type Term } from './query';

const MIN_GROUP_SHARE = 0.5;
const PRIORITY_LEVELS = 16384;
const USED_PRIORITY = 512;
/** Items holding every Chinese term verbatim outrank anything the key counts can say ... */
const VERBATIM_PRIORITY = 4096;
/** ... and items holding the whole query as typed outrank those. */
const EXACT_PRIORITY = 8192;

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
  private readonly touched: Int32Array;
  /** Per item: it held every key group of every term so far (a verbatim occurrence must). */
  private readonly complete: Uint8Array;
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
    this.touched = new Int32Array(size);
    this.complete = new Uint8Array(size);
  }

  /**
   * Item indexes to score, at most `budget`, in priority order. `used` lists items with usage
   * history: when they qualify they are always kept. Items holding `exact` (the query as typed)
   * come before all others (up to `budget` of them): a phrase copied from an item must find it.
   */
  plan(terms: readonly Term[], budget: number, used: readonly number[], exact?: string): number[] {
    const keyed = terms.filter((t) => t.groups.length > 0);
    const filter = compileFilter(terms.filter((t) => t.groups.length === 0).flatMap((t) => t.masks));
    const { offsets, signatures, titleSignatures } = this.data;
    const postingsLength = (t: Term) =>
      t.groups.reduce((sum, g) => sum + g.reduce((s, k) => s + offsets[k + 1] - offsets[k], 0), 0);
    keyed.sort((x, y) => postingsLength(x) - postingsLength(y));

    const priority = this.priority;
    const alive = this.alive;
    const list: number[] = [];
    let mark = 0;
    if (keyed.length) {
      keyed.forEach((term, index) => {
        const touched = this.countTerm(term);
        // Qualify with at least half the groups of the best-placed item (so a skipped or misremembered
        // character, which breaks two or three groups, does not drop the item the writer meant).
        const count = this.count;
        let most = 0;
        for (let k = 0; k < touched.length; k++) if (count[touched[k]] > most) most = count[touched[k]];
        const need = Math.max(1, Math.ceil(most * MIN_GROUP_SHARE));
        const previous = mark;
        mark = ++this.generation;
        const last = index === keyed.length - 1;
        for (let k = 0; k < touched.length; k++) {
          const item = touched[k];
          if (count[item] < need) continue;
          if (index === 0) priority[item] = 0;
          else if (alive[item] !== previous) continue;
          if (last && filter.words.length && !passes(signatures, item, filter)) continue;
          alive[item] = mark;
          priority[item] += count[item] * 2 + this.titleCount[item];
          const holdsAll = count[item] === term.groups.length ? 1 : 0;
          this.complete[item] = index === 0 ? holdsAll : this.complete[item] & holdsAll;
          if (last) list.push(item);
        }
      });
      for (const item of used) if (alive[item] === mark) priority[item] += USED_PRIORITY;
      if (list.length <= budget) return list;
      // Items holding the query as typed outrank every other priority, so all of them are kept
      // (or `budget` of them when a short, common phrase is held by more: none of those is unique).
      this.liftVerbatim(terms, list, exact);
      return this.top(list, budget);
    }

    // No term is long enough for index keys: filter every item by signature. Only `budget` items are
    // needed, so keep the first `budget` whose title passes, then fill up with the others.
    const inTitle: number[] = [];
    const elsewhere: number[] = [];
    // A phrase of one-character terms (效。平。学) has no keys: find its verbatim holders by a scan.
    let scanAll = exact !== undefined && exact.length >= 3;
    const { doc } = this.data;
    for (let item = 0; item < this.size && (scanAll || inTitle.length < budget); item++) {
      if (!passes(signatures, item, filter)) continue;
      if (scanAll && exact !== undefined && doc[item].includes(exact)) {
        if (list.length + 1 >= budget) scanAll = false;
        list.push(item);
        continue;
      }
      if (inTitle.length >= budget) continue;
      if (passes(titleSignatures, item, filter)) inTitle.push(item);
      else if (elsewhere.length < budget) elsewhere.push(item);
    }
    for (const item of inTitle) list.push(item);
    for (const item of elsewhere) if (list.length < budget) list.push(item);
    for (const item of used) {
      if (passes(signatures, item, filter) && !list.includes(item)) list.push(item);
    }
    return list;
  }

  /**
   * Exact recall: key counts cannot tell an item holding a phrase verbatim from one holding its pieces
   * scattered (and many such items can outrank it by title keys). When the list must be cut, items that
   * contain the query as typed go first, then those that contain every Chinese term verbatim, whatever
   * their counts. Only items holding every key group of every term can hold a term verbatim, so the
   * string comparisons run on those.
   */
  private liftVerbatim(terms: readonly Term[], list: readonly number[], exact: string | undefined): void {
    const phrases = terms.filter((t) => t.text.length >= 2 && t.kinds.every((k) => k === UnitKind.Han)).map((t) => t.text);
    if (!phrases.length && exact === undefined) return;
    const { doc } = this.data;
    const priority = this.priority;
    const complete = this.complete;
    for (const item of list) {
      if (!complete[item]) continue;
      const text = doc[item];
      if (exact !== undefined && text.includes(exact)) priority[item] += EXACT_PRIORITY;
      else if (phrases.length && phrases.every((phrase) => text.includes(phrase))) priority[item] += VERBATIM_PRIORITY;
    }
  }

  /** Counts group hits for one term; returns the items touched (a view of a reused buffer). */
  private countTerm(term: Term): Int32Array {
    const { offsets, postings } = this.data;
    const { groupStamp, titleStamp, countStamp, count, titleCount, touched } = this;
    let touchedLength = 0;
    const termMark = ++this.generation;
    for (const group of term.groups) {
      const mark = ++this.generation;
      for (const key of group) {
        const end = offsets[key + 1];
        for (let p = offsets[key]; p < end; p++) {
          const posting = postings[p];
          const item = posting >>> 1;
          if (groupStamp[item] !== mark) {
            groupStamp[item] = mark;
            if (countStamp[item] !== termMark) {
              countStamp[item] = termMark;
              count[item] = 0;
              titleCount[item] = 0;
              touched[touchedLength++] = item;
            }
            count[item]++;
          }
          if (posting & 1 && titleStamp[item] !== mark) {
            titleStamp[item] = mark;
            titleCount[item]++;
          }
        }
      }
    }
    return touched.subarray(0, touchedLength);
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

/**
 * Signature filter: for each mask, the item must share at least one bit. Flattened for a tight loop:
 * mask m covers words[starts[m] .. starts[m + 1]) with bits[..].
 */
interface Filter {
  starts: Int32Array;
  words: Int32Array;
  bits: Uint32Array;
}

function compileFilter(masks: readonly Uint32Array[]): Filter {
  const starts: number[] = [0];
  const words: number[] = [];
  const bits: number[] = [];
  for (const mask of masks) {
    let any = false;
    mask.forEach((value, index) => {
      if (value) {
        words.push(index);
        bits.push(value);
        any = true;
      }
    });
    if (any) starts.push(words.length);
  }
  return { starts: Int32Array.from(starts), words: Int32Array.from(words), bits: Uint32Array.from(bits) };
}

function passes(sigs: Uint32Array, item: number, filter: Filter): boolean {
  const base = item * SIGNATURE_WORDS;
  const { starts, words, bits } = filter;
  for (let m = 0; m + 1 < starts.length; m++) {
    let hit = false;
    for (let k = starts[m]; k < starts[m + 1]; k++) {
      if (sigs[base + words[k]] & bits[k]) {
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  return true;
}
