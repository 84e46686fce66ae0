// Builds the inverted index: key → sorted list of items holding it, plus per-item syllable signatures.
// Two passes over the text with flat typed arrays (count, then fill), so there is no per-key object,
// no hashing and no sorting: postings come out in item order because items are visited in order.
// Each posting is `item << 1 | inTitle` (the key's first occurrence in the item lies in its title).
import type { Item } from '../model';
import { KEY_SPACE, PAIR_KEYS, SIGNATURE_WORDS } from './keys';
import { CharClass, CHAR_CLASS, READING_COUNT, READING_POOL, READING_START, ensureReadingTables } from './readings';
import { SYLLABLE_BITS, INITIAL_OF } from './syllables';

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
  private readonly lastSeen = new Int32Array(KEY_SPACE);
  private offsets = new Uint32Array(KEY_SPACE + 1);
  private cursor: Uint32Array | null = null;
  private postings: Uint32Array | null = null;
  private readonly signatures: Uint32Array;
  private readonly titleSignatures: Uint32Array;

  constructor(items: readonly Item[]) {
    ensureReadingTables();
    this.docs = makeDocs(items);
    this.size = items.length;
    this.signatures = new Uint32Array(this.size * SIGNATURE_WORDS);
    this.titleSignatures = new Uint32Array(this.size * SIGNATURE_WORDS);
    this.lastSeen.fill(-1);
  }

  /** Pass 1 over items [from, to): count postings per key, fill signatures. */
  count(from: number, to: number): void {
    for (let item = from; item < to; item++) this.scan(item, true);
  }

  /** Between the passes: turn counts into offsets and allocate the postings. */
  allocate(): void {
    const counts = this.offsets;
    let total = 0;
    for (let k = 0; k < KEY_SPACE; k++) {
      const c = counts[k];
      counts[k] = total;
      total += c;
    }
    counts[KEY_SPACE] = total;
    this.cursor = counts.slice(0, KEY_SPACE);
    this.postings = new Uint32Array(total);
    this.lastSeen.fill(-1);
  }

  /** Pass 2 over items [from, to): write postings. */
  fill(from: number, to: number): void {
    for (let item = from; item < to; item++) this.scan(item, false);
  }

  finish(): IndexData {
    if (!this.postings) throw new Error('PostingsBuilder.finish before allocate');
    this.cursor = null;
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
    const lastSeen = this.lastSeen;
    const counts = this.offsets;
    const cursor = this.cursor!;
    const postings = this.postings!;
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
            const key = high | READING_POOL[start + r];
            if (lastSeen[key] !== mark) {
              lastSeen[key] = mark;
              if (counting) counts[key]++;
              else postings[cursor[key]++] = posting;
            }
          }
        }
        if (prev2 >= 0) {
          const qStart = READING_START[prev2];
          const qCount = READING_COUNT[prev2];
          for (let x = 0; x < qCount; x++) {
            const ix = INITIAL_OF[READING_POOL[qStart + x]];
            if (x > 0 && seenInitial(qStart, x, ix)) continue;
            for (let y = 0; y < pCount; y++) {
              const iy = INITIAL_OF[READING_POOL[pStart + y]];
              if (y > 0 && seenInitial(pStart, y, iy)) continue;
              for (let z = 0; z < count; z++) {
                const iz = INITIAL_OF[READING_POOL[start + z]];
                if (z > 0 && seenInitial(start, z, iz)) continue;
                const key = PAIR_KEYS + (ix * 26 + iy) * 26 + iz;
                if (lastSeen[key] !== mark) {
                  lastSeen[key] = mark;
                  if (counting) counts[key]++;
                  else postings[cursor[key]++] = posting;
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
}

/** True when an earlier reading in the pool run starting at `start` has the same initial. */
function seenInitial(start: number, upTo: number, initial: number): boolean {
  for (let k = 0; k < upTo; k++) if (INITIAL_OF[READING_POOL[start + k]] === initial) return true;
  return false;
}
