// "Already used in this document": which items' text appears in a document. Items are indexed by a short
// fingerprint (their first few characters with whitespace removed), so detection is one pass over the
// document with a map lookup per position, plus a full comparison only where a fingerprint hits.
// Whitespace and Markdown's * and # are ignored on both sides, so re-wrapped, list-indented, bold-led or
// heading-led paragraphs still count.

export const FINGERPRINT_LENGTH = 12;

export interface UsedCandidate {
  id: string;
  text: string;
}

/** The text with all whitespace (ASCII, ideographic, no-break, zero-width) and * and # removed. */
export function normalizeForMatch(text: string): string {
  // Markdown marks too: an item inserted with a bold lead or as a heading is still used.
  return text.replace(/[\s\u3000\u00a0\u200b-\u200d\ufeff*#]+/g, '');
}

export class UsedIndex {
  /** fingerprint → [id, normalized full text] of items at least FINGERPRINT_LENGTH long. */
  private readonly long = new Map<string, [string, string][]>();
  /** Items shorter than a fingerprint, by their exact normalized text, grouped by length. */
  private readonly short = new Map<number, Map<string, string[]>>();
  readonly size: number;

  constructor(items: Iterable<UsedCandidate>, private readonly fingerprintLength = FINGERPRINT_LENGTH) {
    let size = 0;
    for (const item of items) {
      const normalized = normalizeForMatch(item.text);
      if (normalized.length === 0) continue;
      size++;
      if (normalized.length >= fingerprintLength) {
        const key = normalized.slice(0, fingerprintLength);
        const bucket = this.long.get(key);
        if (bucket) bucket.push([item.id, normalized]);
        else this.long.set(key, [[item.id, normalized]]);
      } else {
        let byText = this.short.get(normalized.length);
        if (!byText) this.short.set(normalized.length, (byText = new Map()));
        const ids = byText.get(normalized);
        if (ids) ids.push(item.id);
        else byText.set(normalized, [item.id]);
      }
    }
    this.size = size;
  }

  /** Ids of the items whose whole text occurs in `documentText` (whitespace ignored). */
  find(documentText: string): Set<string> {
    const found = new Set<string>();
    if (this.size === 0) return found;
    const doc = normalizeForMatch(documentText);
    const k = this.fingerprintLength;
    const shortLengths = [...this.short.keys()];
    for (let index = 0; index < doc.length; index++) {
      if (this.long.size > 0 && index + k <= doc.length) {
        const bucket = this.long.get(doc.slice(index, index + k));
        if (bucket) {
          for (const [id, text] of bucket) if (!found.has(id) && doc.startsWith(text, index)) found.add(id);
        }
      }
      for (const length of shortLengths) {
        if (index + length > doc.length) continue;
        const ids = this.short.get(length)?.get(doc.slice(index, index + length));
        if (ids) for (const id of ids) found.add(id);
      }
    }
    return found;
  }
}
