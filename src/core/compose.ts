// Turning items into Markdown for insertion: one item in a chosen format, several items composed into one
// block under their category headings (fitted into the section the cursor is in), and the blank lines that
// keep an insertion valid Markdown.
// Pure text in, text out (always `\n`; the caller converts to the document's EOL). No vscode import.
import type { Category, Item } from './model';
import { headingNamesCategory, headingsIn, openSections, ordinalText, styleAtDepth, type OutlineHeading, type OrdinalStyle } from './outline';

/** How a single inserted item is written (the `phrasebook.insert.format` setting). */
export type InsertFormat = 'paragraph' | 'listItem' | 'numbered' | 'heading+paragraph';

export const INSERT_FORMATS: readonly InsertFormat[] = ['paragraph', 'listItem', 'numbered', 'heading+paragraph'];

/** How `heading+paragraph` writes the title: bold lead sentence (report style) or a Markdown heading. */
export type TitleStyle = 'bold' | 'heading';

export interface FormatOptions {
  /** The list number for `numbered` (default 1). */
  number?: number;
  titleStyle?: TitleStyle;
  /** Heading level for `titleStyle: 'heading'`, 1–6 (default 3). */
  headingLevel?: number;
}

/** Indents every non-empty line after the first, so a multi-paragraph item stays inside its list item. */
function hang(marker: string, text: string): string {
  const indent = ' '.repeat(marker.length);
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? marker + line : line.trim() === '' ? '' : indent + line))
    .join('\n');
}

function clampLevel(level: number | undefined, fallback: number): number {
  const value = Math.trunc(level ?? fallback);
  return Number.isFinite(value) ? Math.min(6, Math.max(1, value)) : fallback;
}

/** The text after the title (the title is the item's first sentence), without leading whitespace. */
export function textAfterTitle(item: Pick<Item, 'title' | 'text'>): string {
  return item.text.startsWith(item.title) ? item.text.slice(item.title.length).replace(/^[ \t\u3000]+/, '') : item.text;
}

/** One item as Markdown in the given format; no surrounding blank lines. */
export function formatItem(item: Pick<Item, 'title' | 'text'>, format: InsertFormat, options: FormatOptions = {}): string {
  const text = item.text.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '');
  switch (format) {
    case 'listItem':
      return hang('- ', text);
    case 'numbered':
      return hang(`${Math.max(0, Math.trunc(options.number ?? 1))}. `, text);
    case 'heading+paragraph': {
      const rest = textAfterTitle({ title: item.title, text });
      if ((options.titleStyle ?? 'bold') === 'heading') {
        const heading = `${'#'.repeat(clampLevel(options.headingLevel, 3))} ${item.title}`;
        return rest ? `${heading}\n\n${rest}` : heading;
      }
      // 对照检查材料 style: the lead sentence in bold, the rest of the paragraph follows on the same line.
      // Its closing mark stays outside the bold: CommonMark cannot close ** after 。 when text follows.
      const [, lead, mark] = /^([\s\S]*?)([。！？；.!?;]*)$/.exec(item.title)!;
      return lead ? `**${lead}**${mark}${rest}` : `**${item.title}**${rest}`;
    }
    case 'paragraph':
    default:
      return text;
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (for 1–999; larger numbers stay Arabic). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds) out += `${DIGITS[hundreds]}百`;
  if (tens) out += `${tens === 1 && !hundreds ? '' : DIGITS[tens]}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}

export interface ComposeOptions {
  /** Heading level of the category headings, 1–6 (default 2, as in the corpus files), when no heading is above. */
  headingLevel?: number;
  /** Renumber the category ordinals 一、二、… (default true); false keeps the corpus's (only when no heading is above). */
  renumberCategories?: boolean;
  /** How each item is written: the `phrasebook.insert.format` of single inserts (default `paragraph`). */
  format?: InsertFormat;
  formatOptions?: FormatOptions;
  /**
   * The document's Markdown before the insertion point. With it, Compose fits the block into the section
   * the cursor is in (see `composeMarkdown`); without it, the block starts at `headingLevel` with 一、.
   */
  textAbove?: string;
}

export interface ComposeGroup {
  category: Category;
  items: Item[];
}

/**
 * The chosen items grouped by category, in corpus order: categories in the order given (the library's
 * order), items in their category's order, whatever order they were chosen in. Unknown ids are ignored,
 * duplicates count once.
 */
export function groupForCompose(categories: readonly Category[], chosenIds: Iterable<string>): ComposeGroup[] {
  const chosen = new Set(chosenIds);
  const groups: ComposeGroup[] = [];
  for (const category of categories) {
    const items = category.items.filter((item) => chosen.has(item.id));
    if (items.length > 0) groups.push({ category, items });
  }
  return groups;
}

/** Where the new category headings go: their level and how they are numbered. */
interface HeadingPlan {
  level: number;
  style: OrdinalStyle;
  /** The number of the first new heading. */
  first: number;
  /** Keep the corpus's own ordinal (renumberCategories off, nothing above to continue). */
  keepCorpusOrdinal: boolean;
}

/**
 * The headings go one level below the nearest heading above the cursor and continue the numbering its
 * sub-headings already have (or go without, if theirs have none); with no sub-headings yet, the style
 * follows how many numbered headings enclose them (一、 first, then （一）, 1., （1）). One exception: when
 * the nearest heading (below a `#` title) is itself a category heading — a Compose from before, or a
 * section named like a category — the new headings are its siblings and continue its numbering.
 */
function planHeadings(headings: readonly OutlineHeading[], categories: readonly Category[], options: ComposeOptions): HeadingPlan {
  const chain = openSections(headings);
  if (chain.length === 0) {
    return { level: clampLevel(options.headingLevel, 2), style: 'han', first: 1, keepCorpusOrdinal: options.renumberCategories === false };
  }
  const nearest = chain[chain.length - 1];
  const sibling = nearest.level > 1 && categories.some((category) => headingNamesCategory(nearest, category));
  const parentIndex = sibling ? chain.length - 2 : chain.length - 1;
  const parent = parentIndex >= 0 ? chain[parentIndex] : undefined;
  const level = sibling || !parent ? nearest.level : Math.min(6, parent.level + 1);
  // Headings already under the parent at that level, before the cursor.
  const siblings = headings.slice(parent ? headings.lastIndexOf(parent) + 1 : 0).filter((heading) => heading.level === level);
  const last = siblings[siblings.length - 1];
  if (last?.style === 'none') return { level, style: 'none', first: 1, keepCorpusOrdinal: false };
  if (last?.value !== undefined) return { level, style: last.style, first: last.value + 1, keepCorpusOrdinal: false };
  const depth = chain.slice(0, parentIndex + 1).filter((heading) => heading.style !== 'none').length;
  return { level, style: styleAtDepth(depth), first: siblings.length + 1, keepCorpusOrdinal: false };
}

/** The items of one group in the insert format; `numbered` counts from `firstNumber`. */
function formatGroup(items: readonly Item[], options: ComposeOptions, headingLevel: number, firstNumber = 1): string[] {
  const format = options.format ?? 'paragraph';
  const formatOptions = options.formatOptions ?? {};
  // An item written as a heading sits below the heading it is under.
  const itemHeadingLevel = Math.min(6, Math.max(clampLevel(formatOptions.headingLevel, 3), headingLevel + 1));
  return items.map((item, position) => formatItem(item, format, { ...formatOptions, number: firstNumber + position, headingLevel: itemHeadingLevel }));
}

/**
 * One Markdown block for the chosen items, grouped by category in corpus order, blank lines between blocks;
 * empty when nothing was chosen. Each item is written in `options.format` (as a single insert would be).
 *
 * Given the text above the insertion point, the block fits the document: a category whose heading the cursor
 * is already under (`## 六、廉洁自律方面`, by full or short name, with or without ordinal) gets only its items,
 * first; every other category gets a heading placed as `planHeadings` says (`### （一）理论学习方面存在问题`).
 * With no heading above: `## 一、理论学习方面存在问题`, `## 二、…` at `options.headingLevel`.
 */
export function composeMarkdown(categories: readonly Category[], chosenIds: Iterable<string>, options: ComposeOptions = {}): string {
  const groups = groupForCompose(categories, chosenIds);
  if (groups.length === 0) return '';
  const headings = options.textAbove === undefined ? [] : headingsIn(options.textAbove);
  const chain = openSections(headings);
  const blocks: string[] = [];
  const underOwnHeading = (group: ComposeGroup) => chain.find((heading) => headingNamesCategory(heading, group.category));
  for (const group of groups) {
    const heading = underOwnHeading(group);
    if (!heading) continue;
    const lines = (options.textAbove ?? '').split(/\r?\n/);
    const first = options.format === 'numbered' ? nextListNumber(lines.slice(-200)) : 1;
    blocks.push(...formatGroup(group.items, options, chain[chain.length - 1].level, first));
  }
  const rest = groups.filter((group) => !underOwnHeading(group));
  if (rest.length > 0) {
    const plan = planHeadings(headings, categories, options);
    rest.forEach(({ category, items }, index) => {
      const ordinal = plan.keepCorpusOrdinal
        ? category.ordinal && `${category.ordinal}、`
        : ordinalText(plan.style, plan.first + index, chineseOrdinal);
      blocks.push(`${'#'.repeat(plan.level)} ${ordinal}${category.name}`);
      blocks.push(...formatGroup(items, options, plan.level));
    });
  }
  return blocks.join('\n\n');
}

/** What surrounds an insertion point: the text on its line before and after it, and the neighbouring lines. */
export interface InsertionContext {
  /** Text on the start line before the insertion (or selection) start. */
  before: string;
  /** Text on the end line after the insertion (or selection) end. */
  after: string;
  /** The line above the start line; undefined at the top of the document. */
  previousLine?: string;
  /** The line below the end line; undefined at the bottom of the document. */
  nextLine?: string;
}

const blank = (line: string | undefined): boolean => line === undefined || line.trim() === '';

/**
 * The block with just enough line breaks around it that it stands as its own Markdown block: a blank line
 * separates it from text before and after, and none is added where one already is.
 */
export function padBlock(block: string, context: InsertionContext): string {
  let lead = '';
  if (!blank(context.before)) lead = '\n\n';
  else if (!blank(context.previousLine)) lead = '\n';
  let trail = '';
  if (!blank(context.after)) trail = '\n\n';
  else if (!blank(context.nextLine)) trail = '\n';
  return lead + block + trail;
}

/**
 * The number a `numbered` insertion continues with: one more than the nearest numbered list item above
 * (`3. …` or `3、…`), looking back through the current section only (a heading ends the search); 1 when none.
 */
export function nextListNumber(linesAbove: readonly string[]): number {
  for (let index = linesAbove.length - 1; index >= 0; index--) {
    const line = linesAbove[index];
    if (/^\s{0,3}#{1,6}\s/.test(line)) break;
    const match = /^\s{0,3}(\d{1,9})[.)、]\s*/.exec(line);
    if (match) return Number(match[1]) + 1;
  }
  return 1;
}

/** `\n` → the document's line ending. */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}
