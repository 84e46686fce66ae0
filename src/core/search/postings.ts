// Builds the inverted index: key → sorted list of items holding it, plus per-item syllable signatures.
// The text is scanned once (count), which also records every key each item emits; fill replays that
// record into flat typed arrays. No per-key object, no hashing, no sorting, no second scan of the text:
// postings come out in item order because items are replayed in order.
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
  private readonly bucketFill = new Int32Array(BUCKETS);
  private offsets: Uint32Array | null = null;
  private postings: Uint32Array | null = null;
  private direct = false;
  private readonly signatures: Uint32Array;
  private readonly titleSignatures: Uint32Array;
  /** What count() saw: each emitted state index (even) | inTitle, in item order. */
  private emitted = new EmitLog();

  constructor(items: readonly Item[]) {
    ensureReadingTables();
    this.docs = makeDocs(items);
    this.size = items.length;
    this.signatures = new Uint32Array(this.size * SIGNATURE_WORDS);
    this.titleSignatures = new Uint32Array(this.size * SIGNATURE_WORDS);
  }

  /** Pass 1 over items [from, to): count postings per key, fill signatures. */
  count(from: number, to: number): void {
    for (let item = from; item < to; item++) {
      this.scan(item);
      this.emitted.endItem();
    }
  }

  /** Between the passes: turn counts into offsets and allocate the postings. */
  allocate(): void {
    const state = this.state;
    const offsets = new Uint32Array(KEY_SPACE + 1);
    let total = 0;
    for (let k = 0; k < KEY_SPACE; k++) {
      offsets[k] = total;
      total += state[2 * k + 1];
      state[2 * k + 1] = offsets[k];
    }
    offsets[KEY_SPACE] = total;
    this.offsets = offsets;
    this.postings = new Uint32Array(total);
    // A small library's postings fit in the cache: written straight, without 4.5 MB of buffers to clear.
    this.direct = total <= DIRECT_POSTINGS;
    if (this.direct) return;
    this.bufKey = new Int32Array(BUCKETS * BUCKET_CAPACITY);
    this.bufVal = new Uint32Array(BUCKETS * BUCKET_CAPACITY);
  }

  /** Pass 2 over items [from, to): write postings. */
  fill(from: number, to: number): void {
    for (let item = from; item < to; item++) this.emitted.replayItem(item, this);
    this.flush();
  }

  finish(): IndexData {
    if (!this.postings || !this.offsets) throw new Error('PostingsBuilder.finish before allocate');
    this.flush();
    this.bufKey = new Int32Array(0);
    this.bufVal = new Uint32Array(0);
    this.emitted = new EmitLog();
    return {
      ...this.docs,
      offsets: this.offsets,
      postings: this.postings,
      signatures: this.signatures,
      titleSignatures: this.titleSignatures,
    };
  }

  private scan(item: number): void {
    const doc = this.docs.doc[item];
    const titleEnd = this.docs.titleEnd[item];
    // state[2k] = 1 + last item that emitted key k (dedup; 0, as allocated, for none), state[2k + 1] =
    // count (pass 1) / cursor (pass 2): side by side so one emit touches one cache line.
    const state = this.state;
    const sig = this.signatures;
    const titleSig = this.titleSignatures;
    const sigBase = item * SIGNATURE_WORDS;
    const mark = item + 1;
    const log = this.emitted;
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
      for (let r = 0; r < count; r++) {
        const s = READING_POOL[start + r];
        sig[sigBase + (s >>> 5)] |= 1 << (s & 31);
        if (inTitle) titleSig[sigBase + (s >>> 5)] |= 1 << (s & 31);
      }
      if (prev1 >= 0) {
        const pStart = READING_START[prev1];
        const pCount = READING_COUNT[prev1];
        for (let a = 0; a < pCount; a++) {
          const high = READING_POOL[pStart + a] << SYLLABLE_BITS;
          for (let r = 0; r < count; r++) {
            const at = (high | READING_POOL[start + r]) << 1;
            if (state[at] !== mark) {
              state[at] = mark;
              state[at + 1]++;
              log.push(at | inTitle);
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
              state[at + 1]++;
              log.push(at | inTitle);
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
                    state[at + 1]++;
                    log.push(at | inTitle);
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
  }

  /**
   * Fill output. Scattering postings straight into a 150 MB array misses the cache on nearly every
   * write, so each posting first goes to the small buffer of its key range (1024 consecutive keys), and
   * a full buffer is written out at once: its writes stay within a small window of the postings.
   * Each key lives in one buffer, flushed in order, so every key's postings stay in item order.
   */
  push(at: number, posting: number): void {
    if (this.direct) {
      this.postings![this.state[at + 1]++] = posting;
      return;
    }
    const bucket = at >>> BUCKET_SHIFT;
    const fill = this.bucketFill[bucket];
    const slot = bucket * BUCKET_CAPACITY + fill;
    this.bufKey[slot] = at;
    this.bufVal[slot] = posting;
    if (fill + 1 === BUCKET_CAPACITY) this.flushBucket(bucket, BUCKET_CAPACITY);
    else this.bucketFill[bucket] = fill + 1;
  }

  private flushBucket(bucket: number, fill: number): void {
    const { bufKey, bufVal, state } = this;
    const postings = this.postings!;
    const end = bucket * BUCKET_CAPACITY + fill;
    for (let slot = bucket * BUCKET_CAPACITY; slot < end; slot++) postings[state[bufKey[slot] + 1]++] = bufVal[slot];
    this.bucketFill[bucket] = 0;
  }

  private flush(): void {
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      if (this.bucketFill[bucket]) this.flushBucket(bucket, this.bucketFill[bucket]);
    }
  }
}

/** A bucket holds the state indexes (2 × key) sharing their bits above BUCKET_SHIFT: 1024 keys. */
const BUCKET_SHIFT = 11;
const BUCKETS = ((KEY_SPACE * 2) >>> BUCKET_SHIFT) + 1;
const BUCKET_CAPACITY = 2048;
/** Up to this many postings (about 2,000 items) the buffers cost more than the cache misses they save. */
const DIRECT_POSTINGS = 1 << 18;

/**
 * What count() emitted, item by item, for fill() to replay instead of scanning the text again.
 * Kept in chunks that double from 256 KB to 16 MB: it grows without copying, a small library does not
 * pay for a big buffer, and each chunk is dropped once replayed, so the record and the postings it
 * becomes never both exist whole.
 */
class EmitLog {
  private readonly chunks: (Int32Array | null)[] = [];
  /** Where each chunk's first entry stands in the whole record. */
  private readonly starts: number[] = [];
  private current = new Int32Array(0);
  private fill = 0;
  /** Per item: where its entries end in the whole record. */
  private readonly itemEnds: number[] = [];
  private replayChunk = 0;
  private replayOffset = 0;

  push(value: number): void {
    if (this.fill === this.current.length) {
      this.starts.push(this.length());
      this.current = new Int32Array(Math.min(LAST_CHUNK, Math.max(FIRST_CHUNK, this.current.length * 2)));
      this.chunks.push(this.current);
      this.fill = 0;
    }
    this.current[this.fill++] = value;
  }

  endItem(): void {
    this.itemEnds.push(this.length());
  }

  private length(): number {
    return this.starts.length === 0 ? 0 : this.starts[this.starts.length - 1] + this.fill;
  }

  /** Pushes item's recorded entries into `builder`, in the order count() saw them. */
  replayItem(item: number, builder: { push(at: number, posting: number): void }): void {
    const end = this.itemEnds[item];
    const base = item << 1;
    while (this.replayChunk < this.chunks.length && this.starts[this.replayChunk] + this.replayOffset < end) {
      const chunk = this.chunks[this.replayChunk]!;
      const stop = Math.min(chunk.length, end - this.starts[this.replayChunk]);
      for (let k = this.replayOffset; k < stop; k++) {
        const entry = chunk[k];
        builder.push(entry & ~1, base | (entry & 1));
      }
      if (stop === chunk.length) {
        this.chunks[this.replayChunk++] = null;
        this.replayOffset = 0;
      } else {
        this.replayOffset = stop;
      }
    }
  }
}

/** Entries of EmitLog's first chunk (64 K entries, 256 KB) and its largest (4 M entries, 16 MB). */
const FIRST_CHUNK = 1 << 16;
const LAST_CHUNK = 1 << 22;
