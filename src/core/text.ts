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

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20; NaN for anything else. */
export function chineseNumeral(text: string): number {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return NaN;
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (char === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else {
      digit = CHINESE_DIGITS[char];
    }
  }
  return total + digit;
}
