// Small text rules shared by the parser and the importer.

/** Sentence ends that close an item's title. */
const TITLE_END = /[。！？；]/;

/** The first sentence, up to and including the first 。！？；, or the whole (first-line) text. */
export function titleOf(text: string): string {
  const firstLine = text.split('\n', 1)[0];
  const end = firstLine.search(TITLE_END);
  return end < 0 ? firstLine : firstLine.slice(0, end + 1);
}

/** Tails that category headings carry but that add nothing to a label or a snippet prefix. */
const CATEGORY_TAIL = /(?:方面)?(?:存在的?问题|的?问题)$|方面$/;

export function shortNameOf(name: string): string {
  const short = name.replace(CATEGORY_TAIL, '');
  return short.length > 0 ? short : name;
}

/** Whitespace a pasted Word document brings: ASCII, no-break and ideographic spaces. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

/** ０-９ → 0-9, so that `３．` counts as item 3. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}
