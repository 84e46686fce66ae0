// Turning items into Markdown for insertion: one item in a chosen format, several items composed into one
// block under their category headings, and the blank lines that keep an insertion valid Markdown.
// Pure text in, text out (always `\n`; the caller converts to the document's EOL). No vscode import.
import type { Category, Item } from './model';

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
  /** Heading level of the category headings, 1–6 (default 2, as in the corpus files). */
  headingLevel?: number;
  /** Renumber the category ordinals 一、二、… in the composed block (default true); false keeps the corpus's. */
  renumberCategories?: boolean;
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

/**
 * One Markdown block: a heading per category (`## 一、理论学习方面存在问题`), then its chosen items as a
 * numbered list (1. 2. … restarting under each heading), blank lines between blocks. Empty when nothing
 * was chosen.
 */
export function composeMarkdown(categories: readonly Category[], chosenIds: Iterable<string>, options: ComposeOptions = {}): string {
  const level = clampLevel(options.headingLevel, 2);
  const renumber = options.renumberCategories ?? true;
  const blocks: string[] = [];
  groupForCompose(categories, chosenIds).forEach(({ category, items }, index) => {
    const ordinal = renumber ? chineseOrdinal(index + 1) : category.ordinal;
    blocks.push(`${'#'.repeat(level)} ${ordinal ? `${ordinal}、` : ''}${category.name}`);
    items.forEach((item, position) => blocks.push(formatItem(item, 'numbered', { number: position + 1 })));
  });
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
