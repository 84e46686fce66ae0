// Small text rules shared by the parser and the importer.

/** Sentence ends that close an item's title. */
const TITLE_END = /[。！？；]/;

/** The first sentence, up to and including the first 。！？；, or the whole (first-line) text. */
export function titleOf(text: string): string {
  const lineEnd = text.indexOf('\n');
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  const end = firstLine.search(TITLE_END);
  return end < 0 ? firstLine : firstLine.slice(0, end + 1);
}

/** Tails that category headings carry but that add nothing to a label or a snippet prefix. */
const CATEGORY_TAIL = /(?:方面)?(?:存在的?问题|的?问题)$|方面$/;

export function shortNameOf(name: string): string {
  const short = name.replace(CATEGORY_TAIL, '');
  return short.length > 0 ? short : name;
}

/** Whitespace a pasted Word document brings: ASCII, no-break and ideographic spaces (what \s matches, and BOM). */
const WORD_SPACE = /[\s\u3000\u00a0\ufeff]/;
/** Markdown's own whitespace: only spaces and tabs count (U+3000, U+2028 and the like are text to it). */
const MARKDOWN_SPACE = /[ \t]/;

// Trimming by hand: a regex like /\s+$/ backtracks over every run of spaces and is quadratic in it.
function trimWith(text: string, space: RegExp, start: boolean, end: boolean): string {
  let from = 0;
  let to = text.length;
  if (start) while (from < to && space.test(text[from])) from++;
  if (end) while (to > from && space.test(text[to - 1])) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

export function trimAll(text: string): string {
  return trimWith(text, WORD_SPACE, true, true);
}

/** Length of the leading run of Word whitespace. */
export function leadingSpaceLength(text: string, from = 0): number {
  let index = from;
  while (index < text.length && WORD_SPACE.test(text[index])) index++;
  return index - from;
}

export function trimMarkdown(text: string): string {
  return trimWith(text, MARKDOWN_SPACE, true, true);
}

export function trimMarkdownEnd(text: string): string {
  return trimWith(text, MARKDOWN_SPACE, false, true);
}

export function trimMarkdownStart(text: string): string {
  return trimWith(text, MARKDOWN_SPACE, true, false);
}

/** Blank as Markdown sees it: nothing but spaces and tabs. */
export function isBlank(line: string): boolean {
  return trimMarkdownStart(line) === '';
}

export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a plain string is several times faster than on a pattern (80,000 lines in a 1 MB file).
  return body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
}

/** ０-９ → 0-9, so that `３．` counts as item 3. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}
