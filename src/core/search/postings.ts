// Builds the inverted index: key → sorted list of items holding it, plus per-item syllable signatures.
// Two passes over the text with flat typed arrays (count, then fill), so there is no per-key object,
// no hashing and no sorting: postings come out in item order because items are visited in order.
// Each posting is `item << 1 | inTitle` (the key's first occurrence in the item lies in its title).
import type { Item } from '../model';
import { KEY_SPACE, PAIR_KEYS, SIGNATURE_WORDS } from './keys';
import { CharClass, CHAR_CLASS, INITIALS_MASK, READING_COUNT, READING_POOL, READING_START, ensureReadingTables } from './readings';
import { SYLLABLE_BITS } from './syllables';

/** What the matcher reads for one item: the title followed by the text, as one string. */
export interface Docs {
  /** `item.text` when it starts with `item.title` (the usual case), else `title + '\n' + text`. */
  doc: string[];
  /** Length of the title at the start of `doc`. */
  titleEnd: Int32Array;
  /** Where `item.text` starts inside `doc`. */
  textStart: Int32Array;
}

export interface IndexData extends Docs {
  /** Postings of key k are postings[offsets[k] .. offsets[k + 1]). */
  offsets: Uint32Array;
  postings: Uint32Array;
  /** Syllables present anywhere in item i: bits in signatures[i * SIGNATURE_WORDS ..]. */
  signatures: Uint32Array;
  /** Syllables present in the title of item i. */
  titleSignatures: Uint32Array;
}

export function makeDocs(items: readonly Item[]): Docs {
  const n = items.length;
  const doc: string[] = new Array(n);
  const titleEnd = new Int32Array(n);
  const textStart = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const { title, text } = items[i];
    if (text.startsWith(title)) {
      doc[i] = text;
      textStart[i] = 0;
    } else {
      doc[i] = `${title}\n${text}`;
      textStart[i] = title.length + 1;
    }
    titleEnd[i] = title.length;
  }
  return { doc, titleEnd, textStart };
}

/** Incremental builder so the same code serves the synchronous and the chunked asynchronous build. */
export class PostingsBuilder {
  readonly size: number;
  private readonly docs: Docs;
  private readonly state = new Int32Array(KEY_SPACE * 2);
  private bufKey = new Int32Array(0);
  private bufVal = new Uint32Array(0);
  private sortedKey = new Int32Array(0);
  private sortedVal = new Uint32Array(0);
  private used = 0;
  private offsets: Uint32Array | null = null;
  private postings: Uint32Array | null = null;
  private readonly signatures: Uint32Array;
  private readonly titleSignatures: Uint32Array;

  constructor(items: readonly Item[]) {
    ensureReadingTables();
    this.docs = makeDocs(items);
    this.size = items.length;
    this.signatures = new Uint32Array(this.size * SIGNATURE_WORDS);
    this.titleSignatures = new Uint32Array(this.size * SIGNATURE_WORDS);
    for (let k = 0; k < KEY_SPACE; k++) this.state[2 * k] = -1;
  }

  /** Pass 1 over items [from, to): count postings per key, fill signatures. */
  count(from: number, to: number): void {
    for (let item = from; item < to; item++) this.scan(item, true);
  }

  /** Between the passes: turn counts into offsets and allocate the postings. */
  allocate(): void {
    const state = this.state;
    const offsets = new Uint32Array(KEY_SPACE + 1);
    let total = 0;
    for (let k = 0; k < KEY_SPACE; k++) {
      offsets[k] = total;
      total += state[2 * k + 1];
      state[2 * k] = -1;
      state[2 * k + 1] = offsets[k];
    }
    offsets[KEY_SPACE] = total;
    this.offsets = offsets;
    this.postings = new Uint32Array(total);
    this.growBuffer(FLUSH_BUFFER);
  }

  /** Pass 2 over items [from, to): write postings. */
  fill(from: number, to: number): void {
    for (let item = from; item < to; item++) this.scan(item, false);
    this.flush();
  }

  finish(): IndexData {
    if (!this.postings || !this.offsets) throw new Error('PostingsBuilder.finish before allocate');
    this.flush();
    this.growBuffer(0);
    return {
      ...this.docs,
      offsets: this.offsets,
      postings: this.postings,
      signatures: this.signatures,
      titleSignatures: this.titleSignatures,
    };
  }

  private scan(item: number, counting: boolean): void {
    const doc = this.docs.doc[item];
    const titleEnd = this.docs.titleEnd[item];
    // state[2k] = last item that emitted key k (dedup), state[2k + 1] = count (pass 1) / cursor (pass 2):
    // side by side so one emit touches one cache line.
    const state = this.state;
    // Pass 2 appends (key, posting) pairs to a buffer; flush() writes them out key-ordered.
    if (!counting && this.used + doc.length * MAX_EMITS_PER_CHAR > this.bufKey.length) {
      this.flush();
      if (doc.length * MAX_EMITS_PER_CHAR > this.bufKey.length) this.growBuffer(doc.length * MAX_EMITS_PER_CHAR);
    }
    const bufKey = this.bufKey;
    const bufVal = this.bufVal;
    let used = this.used;
    const sig = this.signatures;
    const titleSig = this.titleSignatures;
    const sigBase = item * SIGNATURE_WORDS;
    const mark = item;
    // The previous two Han characters (code units), -1 when the chain was broken.
    let prev1 = -1;
    let prev2 = -1;
    const length = doc.length;
    for (let j = 0; j < length; j++) {
      const c = doc.charCodeAt(j);
      const cls = CHAR_CLASS[c];
      if (cls === CharClass.Skip) continue;
      if (cls !== CharClass.Han) {
        prev1 = prev2 = -1;
        continue;
      }
      const inTitle = j < titleEnd ? 1 : 0;
      const start = READING_START[c];
      const count = READING_COUNT[c];
      if (counting) {
        for (let r = 0; r < count; r++) {
          const s = READING_POOL[start + r];
          sig[sigBase + (s >>> 5)] |= 1 << (s & 31);
          if (inTitle) titleSig[sigBase + (s >>> 5)] |= 1 << (s & 31);
        }
      }
      const posting = (item << 1) | inTitle;
      if (prev1 >= 0) {
        const pStart = READING_START[prev1];
        const pCount = READING_COUNT[prev1];
        for (let a = 0; a < pCount; a++) {
          const high = READING_POOL[pStart + a] << SYLLABLE_BITS;
          for (let r = 0; r < count; r++) {
            const at = (high | READING_POOL[start + r]) << 1;
            if (state[at] !== mark) {
              state[at] = mark;
              if (counting) state[at + 1]++;
              else {
                bufKey[used] = at;
                bufVal[used++] = posting;
              }
            }
          }
        }
        if (prev2 >= 0) {
          const m2 = INITIALS_MASK[prev2];
          const m1 = INITIALS_MASK[prev1];
          const m0 = INITIALS_MASK[c];
          if (((m2 & (m2 - 1)) | (m1 & (m1 - 1)) | (m0 & (m0 - 1))) === 0) {
            const at = (PAIR_KEYS + ((31 - Math.clz32(m2)) * 26 + (31 - Math.clz32(m1))) * 26 + (31 - Math.clz32(m0))) << 1;
            if (state[at] !== mark) {
              state[at] = mark;
              if (counting) state[at + 1]++;
              else {
                bufKey[used] = at;
                bufVal[used++] = posting;
              }
            }
          } else {
            for (let x = m2; x; x &= x - 1) {
              const ix = 31 - Math.clz32(x & -x);
              for (let y = m1; y; y &= y - 1) {
                const iy = 31 - Math.clz32(y & -y);
                for (let z = m0; z; z &= z - 1) {
                  const at = (PAIR_KEYS + (ix * 26 + iy) * 26 + (31 - Math.clz32(z & -z))) << 1;
                  if (state[at] !== mark) {
                    state[at] = mark;
                    if (counting) state[at + 1]++;
                    else {
                      bufKey[used] = at;
                      bufVal[used++] = posting;
                    }
                  }
                }
              }
            }
          }
        }
      }
      prev2 = prev1;
      prev1 = c;
    }
    this.used = used;
  }

  /**
   * Writes the buffered postings. Scattering them straight into a 150 MB array misses the cache on
   * nearly every write; bucketing by key range first keeps each bucket's writes within a small window.
   * Buckets are stable, so every key's postings stay in item order.
   */
  private flush(): void {
    const used = this.used;
    if (!used) return;
    const { bufKey, bufVal, state } = this;
    const postings = this.postings!;
    const starts = new Int32Array(FLUSH_BUCKETS + 1);
    for (let k = 0; k < used; k++) starts[(bufKey[k] >>> FLUSH_SHIFT) + 1]++;
    for (let b = 0; b < FLUSH_BUCKETS; b++) starts[b + 1] += starts[b];
    const sortedKey = this.sortedKey;
    const sortedVal = this.sortedVal;
    for (let k = 0; k < used; k++) {
      const at = bufKey[k];
      const slot = starts[at >>> FLUSH_SHIFT]++;
      sortedKey[slot] = at;
      sortedVal[slot] = bufVal[k];
    }
    for (let k = 0; k < used; k++) postings[state[sortedKey[k] + 1]++] = sortedVal[k];
    this.used = 0;
  }

  private growBuffer(size: number): void {
    this.bufKey = new Int32Array(size);
    this.bufVal = new Uint32Array(size);
    this.sortedKey = new Int32Array(size);
    this.sortedVal = new Uint32Array(size);
  }
}

/** Upper bound of postings one Han character can emit (pair and triple combinations of polyphones). */
const MAX_EMITS_PER_CHAR = 5 * 5 + 5 * 5 * 5;
const FLUSH_BUFFER = 1 << 20;
/** Bucket of a state index (2 × key): runs of 1024 consecutive keys. */
const FLUSH_SHIFT = 11;
const FLUSH_BUCKETS = ((KEY_SPACE * 2) >>> FLUSH_SHIFT) + 1;
