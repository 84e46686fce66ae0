// Turning items into Markdown for insertion: one item in a chosen format, several items composed into one
// block under their category headings (fitted into the section the cursor is in), and the blank lines that
// keep an insertion valid Markdown.
// Pure text in, text out (always `\n`; the caller converts to the document's EOL). No vscode import.
import type { Category, Item } from './model';
import { categoryOrdinalText } from './labels';
import { headingNamesCategory, headingsIn, openSections, ordinalText, styleAtDepth, styleBelow, type OutlineHeading, type OrdinalStyle } from './outline';

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
  /** The chosen items of the category itself (none for a parent there only for its sub-categories). */
  items: Item[];
  /** The sub-categories with chosen items, in corpus order; always empty for a sub-category. */
  subGroups: ComposeGroup[];
}

/**
 * The chosen items grouped by category, in corpus order: categories in the order given (the library's
 * order), items in their category's order, whatever order they were chosen in. A sub-category's group goes
 * under its parent's, which is there (maybe without items of its own) whenever one of its sub-categories is.
 * Unknown ids are ignored, duplicates count once.
 */
export function groupForCompose(categories: readonly Category[], chosenIds: Iterable<string>): ComposeGroup[] {
  const chosen = new Set(chosenIds);
  const groups: ComposeGroup[] = [];
  // Sub-categories follow their parent in the library's order (ids are unique only within a corpus).
  let top: { category: Category; group?: ComposeGroup } | undefined;
  for (const category of categories) {
    const items = category.items.filter((item) => chosen.has(item.id));
    const parent = category.parent !== undefined && top?.category.id === category.parent ? top : undefined;
    if (!parent) {
      const group = items.length > 0 ? { category, items, subGroups: [] } : undefined;
      if (group) groups.push(group);
      if (category.parent === undefined) top = { category, group };
    } else if (items.length > 0) {
      if (!parent.group) groups.push((parent.group = { category: parent.category, items: [], subGroups: [] }));
      parent.group.subGroups.push({ category, items, subGroups: [] });
    }
  }
  return groups;
}

/** Where new headings go: their level and how they are numbered. */
interface HeadingPlan {
  level: number;
  style: OrdinalStyle;
  /** The number of the first new heading. */
  first: number;
  /** Keep the corpus's own ordinal (renumberCategories off, nothing above to continue). */
  keepCorpusOrdinal: boolean;
}

/**
 * New headings at `level` inside the section of `chain[parentIndex]` (the whole document for -1): they
 * continue the numbering of the headings already there at that level, or go without if those have none;
 * with none yet, the style follows how many numbered headings enclose them (一、 first, then （一）, 1., （1）).
 */
function planAt(headings: readonly OutlineHeading[], chain: readonly OutlineHeading[], parentIndex: number, level: number): HeadingPlan {
  const parent = parentIndex >= 0 ? chain[parentIndex] : undefined;
  const siblings = headings.slice(parent ? headings.lastIndexOf(parent) + 1 : 0).filter((heading) => heading.level === level);
  const last = siblings[siblings.length - 1];
  if (last?.style === 'none') return { level, style: 'none', first: 1, keepCorpusOrdinal: false };
  if (last?.value !== undefined) return { level, style: last.style, first: last.value + 1, keepCorpusOrdinal: false };
  const depth = chain.slice(0, parentIndex + 1).filter((heading) => heading.style !== 'none').length;
  return { level, style: styleAtDepth(depth), first: siblings.length + 1, keepCorpusOrdinal: false };
}

/**
 * The category headings go one level below the nearest heading above the cursor (see `planAt`). One
 * exception: when the nearest heading (below a `#` title) is itself a category heading — a Compose from
 * before, or a section named like a category — the new headings are its siblings and continue its
 * numbering; when it is a sub-category's heading under its parent's, they are the parent's siblings.
 */
function planHeadings(chain: readonly OutlineHeading[], headings: readonly OutlineHeading[], categories: readonly Category[], options: ComposeOptions): HeadingPlan {
  if (chain.length === 0) {
    return { level: clampLevel(options.headingLevel, 2), style: 'han', first: 1, keepCorpusOrdinal: options.renumberCategories === false };
  }
  const names = (heading: OutlineHeading | undefined, sub: boolean) =>
    heading !== undefined && heading.level > 1 && categories.some((category) => (category.parent !== undefined) === sub && headingNamesCategory(heading, category));
  const nearest = chain.length - 1;
  let sibling: number | undefined;
  if (names(chain[nearest], true) && !names(chain[nearest], false) && names(chain[nearest - 1], false)) sibling = nearest - 1;
  else if (names(chain[nearest], false) || names(chain[nearest], true)) sibling = nearest;
  if (sibling !== undefined) return planAt(headings, chain, sibling - 1, chain[sibling].level);
  return planAt(headings, chain, nearest, Math.min(6, chain[nearest].level + 1));
}

/** The items of one group in the insert format; `numbered` counts from `firstNumber`. */
function formatGroup(items: readonly Item[], options: ComposeOptions, headingLevel: number, firstNumber = 1): string[] {
  const format = options.format ?? 'paragraph';
  const formatOptions = options.formatOptions ?? {};
  // An item written as a heading sits below the heading it is under.
  const itemHeadingLevel = Math.min(6, Math.max(clampLevel(formatOptions.headingLevel, 3), headingLevel + 1));
  return items.map((item, position) => formatItem(item, format, { ...formatOptions, number: firstNumber + position, headingLevel: itemHeadingLevel }));
}

/** A heading with the plan's n-th ordinal, or the category's own when the plan keeps those. */
function headingLine(category: Category, plan: HeadingPlan, index: number): string {
  const ordinal = plan.keepCorpusOrdinal ? categoryOrdinalText(category) : ordinalText(plan.style, plan.first + index, chineseOrdinal);
  return `${'#'.repeat(plan.level)} ${ordinal}${category.name}`;
}

/** Sub-category headings and their items, numbered by `plan`. */
function subBlocks(subGroups: readonly ComposeGroup[], plan: HeadingPlan, options: ComposeOptions): string[] {
  return subGroups.flatMap(({ category, items }, index) => [headingLine(category, plan, index), ...formatGroup(items, options, plan.level)]);
}

/**
 * One Markdown block for the chosen items, grouped by category in corpus order, blank lines between blocks;
 * empty when nothing was chosen. Each item is written in `options.format` (as a single insert would be).
 *
 * Given the text above the insertion point, the block fits the document: a category whose heading the cursor
 * is already under (`## 六、廉洁自律方面`, by full or short name, with or without ordinal) gets only its items,
 * first; its chosen sub-categories get sub-headings below that heading, continuing the ones already there;
 * every other category gets a heading placed as `planHeadings` says (`### （一）理论学习方面存在问题`).
 * With no heading above: `## 一、理论学习方面存在问题`, `## 二、…` at `options.headingLevel`.
 * A sub-category's heading goes one level below its parent's, numbered within it in the next style (`（一）`).
 */
export function composeMarkdown(categories: readonly Category[], chosenIds: Iterable<string>, options: ComposeOptions = {}): string {
  const groups = groupForCompose(categories, chosenIds);
  if (groups.length === 0) return '';
  const headings = options.textAbove === undefined ? [] : headingsIn(options.textAbove);
  const chain = openSections(headings);
  const headingFor = (category: Category) => chain.find((heading) => headingNamesCategory(heading, category));
  /** Items of the categories the cursor is under: they go first, without a heading. */
  const here: Item[] = [];
  /** Sub-categories whose parent's heading the cursor is under, by that heading. */
  const under = new Map<OutlineHeading, ComposeGroup[]>();
  const rest: ComposeGroup[] = [];
  for (const group of groups) {
    const parentHeading = headingFor(group.category);
    if (parentHeading) here.push(...group.items);
    const subGroups: ComposeGroup[] = [];
    for (const sub of group.subGroups) {
      if (headingFor(sub.category)) here.push(...sub.items);
      else subGroups.push(sub);
    }
    if (parentHeading) {
      if (subGroups.length > 0) under.set(parentHeading, [...(under.get(parentHeading) ?? []), ...subGroups]);
    } else if (group.items.length > 0 || subGroups.length > 0) rest.push({ ...group, subGroups });
  }
  const blocks: string[] = [];
  if (here.length > 0) {
    const first = options.format === 'numbered' ? nextListNumber((options.textAbove ?? '').split(/\r?\n/).slice(-200)) : 1;
    blocks.push(...formatGroup(here, options, chain[chain.length - 1].level, first));
  }
  /** Headed blocks by heading level: the deeper ones first, so a shallower heading does not swallow them. */
  const sections: { level: number; blocks: string[] }[] = [];
  for (const [parentHeading, subGroups] of under) {
    const plan = planAt(headings, chain, chain.indexOf(parentHeading), Math.min(6, parentHeading.level + 1));
    sections.push({ level: plan.level, blocks: subBlocks(subGroups, plan, options) });
  }
  if (rest.length > 0) {
    const plan = planHeadings(chain, headings, categories, options);
    const subPlan: HeadingPlan = { ...plan, level: Math.min(6, plan.level + 1), style: styleBelow(plan.style), first: 1 };
    const restBlocks = rest.flatMap(({ category, items, subGroups }, index) => [
      headingLine(category, plan, index),
      ...formatGroup(items, options, plan.level),
      ...subBlocks(subGroups, subPlan, options),
    ]);
    sections.push({ level: plan.level, blocks: restBlocks });
  }
  sections.sort((a, b) => b.level - a.level);
  for (const section of sections) blocks.push(...section.blocks);
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

/** The line breaks to put before and after a block so it stands as its own Markdown block (see `padBlock`). */
export function padding(context: InsertionContext): { lead: string; trail: string } {
  let lead = '';
  if (!blank(context.before)) lead = '\n\n';
  else if (!blank(context.previousLine)) lead = '\n';
  let trail = '';
  if (!blank(context.after)) trail = '\n\n';
  else if (!blank(context.nextLine)) trail = '\n';
  return { lead, trail };
}

/**
 * The block with just enough line breaks around it that it stands as its own Markdown block: a blank line
 * separates it from text before and after, and none is added where one already is.
 */
export function padBlock(block: string, context: InsertionContext): string {
  const { lead, trail } = padding(context);
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
