// The headings of a Markdown document above an insertion point, with the Chinese ordinals reports number
// them by (一、 （一） 1. （1）), so Compose can see which section the cursor is in and continue its
// numbering. Headings are found by markdown-it, so `#` lines in code blocks or front matter do not count.
// No vscode import.
import { markdownBlocks } from './markdown';
import { shortNameOf } from './text';

/** How a heading is numbered: 一、 （一） 1. （1）, or not at all. Also the order of the levels in a report. */
export type OrdinalStyle = 'han' | 'hanParen' | 'arabic' | 'arabicParen' | 'none';

const STYLE_ORDER: readonly OrdinalStyle[] = ['han', 'hanParen', 'arabic', 'arabicParen'];

export interface OutlineHeading {
  /** 1–6. */
  level: number;
  style: OrdinalStyle;
  /** The ordinal's value (六 → 6); undefined without one. */
  value?: number;
  /** The heading text without ordinal and emphasis: `廉洁自律方面`. */
  name: string;
}

const HAN = '[零〇一二两三四五六七八九十百]+';
const ORDINAL = new RegExp(`^(?:(${HAN})[、．.]|[（(](${HAN})[）)]|(\\d{1,4})[.．、]|[（(](\\d{1,4})[）)])[\\s\\u3000]*`);
const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 六 → 6, 十二 → 12, 二十 → 20, 一百零五 → 105; undefined for what is not a number up to 999. */
export function chineseNumberValue(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 1000;
  for (const char of text) {
    if (char in HAN_DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = HAN_DIGITS[char];
    } else if (char === '十' || char === '百') {
      const unit = char === '十' ? 10 : 100;
      if (unit >= lastUnit) return undefined;
      total += (digit ?? (unit === 10 ? 1 : 0)) * unit;
      if (digit === undefined && unit === 100) return undefined;
      lastUnit = unit;
      digit = undefined;
    } else return undefined;
  }
  total += digit ?? 0;
  return total > 0 ? total : undefined;
}

/** A heading's text split into its ordinal (style and value) and its name. */
export function splitOrdinal(text: string): { style: OrdinalStyle; value?: number; name: string } {
  const clean = text.trim().replace(/^[*_]+|[*_]+$/g, '').trim();
  const match = ORDINAL.exec(clean);
  if (!match) return { style: 'none', name: clean };
  const name = clean.slice(match[0].length).replace(/^[*_]+/, '').trim();
  if (match[1] !== undefined) return { style: 'han', value: chineseNumberValue(match[1]), name };
  if (match[2] !== undefined) return { style: 'hanParen', value: chineseNumberValue(match[2]), name };
  if (match[3] !== undefined) return { style: 'arabic', value: Number(match[3]), name };
  return { style: 'arabicParen', value: Number(match[4]), name };
}

/** The ordinal text for the n-th heading in a style: 一、 （一） 1. （1）. */
export function ordinalText(style: OrdinalStyle, n: number, chinese: (n: number) => string): string {
  switch (style) {
    case 'han':
      return `${chinese(n)}、`;
    case 'hanParen':
      return `（${chinese(n)}）`;
    case 'arabic':
      return `${n}.`;
    case 'arabicParen':
      return `（${n}）`;
    default:
      return '';
  }
}

/** The style one level below headings numbered `depth` times above (0 → 一、, 1 → （一）, …). */
export function styleAtDepth(depth: number): OrdinalStyle {
  return STYLE_ORDER[Math.min(depth, STYLE_ORDER.length - 1)];
}

/** The style of the headings one level below headings numbered in `style` (一、 → （一）); none below none. */
export function styleBelow(style: OrdinalStyle): OrdinalStyle {
  return style === 'none' ? 'none' : styleAtDepth(STYLE_ORDER.indexOf(style) + 1);
}

/** A `---` front matter block at the very top: markdown-it would read its last line as a heading. */
function withoutFrontMatter(text: string): string {
  const match = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? '\n'.repeat(match[0].split('\n').length - 1) + text.slice(match[0].length) : text;
}

/** Every heading (ATX or setext) in `textAbove`, in document order. */
export function headingsIn(textAbove: string): OutlineHeading[] {
  const tokens = markdownBlocks(withoutFrontMatter(textAbove));
  const headings: OutlineHeading[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type !== 'heading_open') continue;
    const { style, value, name } = splitOrdinal(tokens[index + 1]?.content ?? '');
    headings.push({ level: Number(token.tag.slice(1)), style, value, name });
  }
  return headings;
}

/** The headings whose sections the end of `headings` is inside: the outermost first, the nearest last. */
export function openSections(headings: readonly OutlineHeading[]): OutlineHeading[] {
  const chain: OutlineHeading[] = [];
  for (const heading of headings) {
    while (chain.length > 0 && chain[chain.length - 1].level >= heading.level) chain.pop();
    chain.push(heading);
  }
  return chain;
}

/** Whether a heading names this category: its full name or its short name, with or without ordinal. */
export function headingNamesCategory(heading: Pick<OutlineHeading, 'name'>, category: { name: string; shortName: string }): boolean {
  const name = heading.name.replace(/[：:。\s]+$/, '');
  if (name === '') return false;
  return name === category.name || name === category.shortName || shortNameOf(name) === category.shortName;
}
