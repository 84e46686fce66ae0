// Turns plain outline text (a Word document, a web page or a PDF copied as text, numbered the Chinese
// way) into a Corpus. The hierarchy comes from what the text itself uses:
// - headings: 一、 (a category) and （一） (a sub-category under the 一、 above it when the text uses both,
//   else a category); a （一） line that is a whole sentence with no items under it is an item instead;
// - items: 1. 1． 1、 （1） ① … ㊿ (numbers past 999 only in sequence), 第一， and 一是 — also run on in one
//   line (…等等。12.有的…, 一是……；二是……), split where the next number in the sequence follows;
// - a lower-ranked marker starting its own sequence inside an item (（1） under 1、, ① under 第一) is a
//   sub-point and stays in that item's text;
// - lines hard-wrapped by a PDF or web copy are joined; prose under a heading is an item;
// - a title line may become the corpus title; a preamble, a closing (以上…, 特此…, signature, date) and
//   anything else it cannot place is kept as a comment in the output and reported, never dropped.
import { buildCorpus, type DraftCategory, type DraftItem } from './build';
import type { Corpus, Problem } from './model';
import { chineseNumberValue } from './outline';
import { excerpt, problem } from './problems';
import type { CorpusComment } from './serialize';
import { asciiDigits, leadingSpaceLength, splitLines, trimAll } from './text';

export interface ImportOptions {
  id: string;
  /** Defaults to a leading title line (short, no final punctuation), else to the id. */
  title?: string;
  language?: string;
}

export interface ImportResult {
  corpus: Corpus;
  /** Lines that could not be placed, renumbered items, empty categories and the like. */
  problems: Problem[];
  /** Text kept as comments in the corpus file (`serializeCorpus(corpus, comments)`), so nothing is lost. */
  comments: CorpusComment[];
}

type HeadingKind = 'section' | 'sub';
type ItemKind = 'dotted' | 'di' | 'shi' | 'bracketed' | 'circled';

/** Which marker a sub-point may be: one ranked below its item's marker (（1） under 1、, not 2、 under （1）). */
const RANK: Record<ItemKind, number> = { dotted: 0, di: 1, shi: 2, bracketed: 3, circled: 4 };

interface Marker {
  kind: ItemKind;
  number: number;
  /** Characters the marker takes, spaces after it included. */
  length: number;
}

const HEADING_MARKER = /^(?:([零〇一二两三四五六七八九十百]+)[、．.]|[（(]([零〇一二两三四五六七八九十百]+)[）)])[\s\u3000]*/;
/** ① … ⑳, ㉑ … ㉟, ㊱ … ㊿: the circled numbers Unicode has, 1 to 50. */
const CIRCLED: readonly [number, number, number][] = [
  [0x2460, 0x2473, 1],
  [0x3251, 0x325f, 21],
  [0x32b1, 0x32bf, 36],
];
const DOTTED = /(\d{1,9})[ \t]*[.．、](?!\d)/y;
const BRACKETED = /[（(](\d{1,9})[）)]/y;
/** 第一， 第二、 (the sign keeps 第一责任人 out). */
const DI = /第([一二三四五六七八九十]+)[，,、：:]/y;
/** 一是 二是 … */
const SHI = /([一二三四五六七八九十]+)是/y;
/** A number and a marker sign that did not make an item (`1500.` out of sequence, 10 digits): worth a warning. */
const NEAR_MARKER = /^(?:\d+[ \t]*[.．、](?!\d)|[（(]\d+[）)])/;
/** Up to 999 a number is a marker anywhere; above, only as the next one expected (a year is not an item). */
const ALWAYS_A_MARKER = 999;

/** Where a line (or sentence) is complete, and where it clearly goes on. */
const COMPLETE_END = /[。！？；;!?…]$/;
const OPEN_END = /[，、,：:（(“‘—《]$/;
/** Where a run-on marker may follow: after a sentence (dotted and bracketed), or a clause (第一, 一是). */
const SENTENCE_END = /[。！？；]/;
const CLAUSE_END = /[。！？；;，,：:]/;
/** Lines that close a report rather than hold an item. */
const CLOSING = /^(?:以上|特此|此致|敬礼|附件[：:\d１-９]|(?:述职|报告|汇报|检查)人[：:]|[（(]?\d{4}年\d{1,2}月(?:\d{1,2}日)?[）)]?$)/;
/** A title line: what a heading of a document looks like. */
const MAX_TITLE = 50;

function circledNumber(char: string | undefined): number | undefined {
  const code = char?.charCodeAt(0) ?? 0;
  for (const [first, last, number] of CIRCLED) if (code >= first && code <= last) return number + code - first;
  return undefined;
}

/** Item marker at `at` in `text` (digits already ASCII), or undefined. `expected` admits numbers past 999. */
function itemMarker(text: string, expected: number, at = 0): Marker | undefined {
  const found = (kind: ItemKind, number: number, end: number): Marker | undefined => {
    if (kind !== 'shi' && kind !== 'di' && number > ALWAYS_A_MARKER && number !== expected) return undefined;
    return { kind, number, length: end + leadingSpaceLength(text, end) - at };
  };
  for (const [kind, pattern] of [['dotted', DOTTED], ['bracketed', BRACKETED], ['di', DI], ['shi', SHI]] as const) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) continue;
    const number = kind === 'dotted' || kind === 'bracketed' ? Number(match[1]) : chineseNumberValue(match[1]);
    // 第二二， is no number: no marker.
    if (number !== undefined) return found(kind, number, at + match[0].length);
  }
  const circled = circledNumber(text[at]);
  return circled === undefined ? undefined : found('circled', circled, at + 1);
}

interface Line {
  /** The text, trimmed; hard-wrapped source lines joined. */
  text: string;
  /** 1-based source lines it was made of. */
  lines: number[];
  /** The source lines as they were (trimmed), for a comment. */
  raw: string[];
}

function headingOf(text: string): { kind: HeadingKind; ordinal: string; length: number } | undefined {
  const match = HEADING_MARKER.exec(text);
  if (!match) return undefined;
  return { kind: match[1] !== undefined ? 'section' : 'sub', ordinal: match[1] ?? match[2], length: match[0].length };
}

function startsStructure(text: string): boolean {
  const digits = asciiDigits(text);
  return headingOf(text) !== undefined || itemMarker(digits, -1) !== undefined || CLOSING.test(text);
}

/**
 * Source lines → logical lines. A line continues the one before (no blank line between) when that one was
 * cut mid-sentence — it ends in a comma or the like, or it is as long as the text's long lines and ends
 * without punctuation (a heading only on a comma) — and the line itself does not start a marker.
 */
function logicalLines(text: string): Line[] {
  const source = splitLines(text).map(trimAll);
  // A loop, not Math.max(...): an outline of 200,000 lines would overflow the call stack.
  let longest = 0;
  for (const line of source) longest = Math.max(longest, line.length);
  // Lines shorter than this are never taken as cut by width: a short text has no wrap width to go by.
  const wrapWidth = Math.max(16, 0.75 * longest);
  const result: Line[] = [];
  let open: Line | undefined;
  source.forEach((line, index) => {
    if (line === '') {
      open = undefined;
      return;
    }
    if (open && !startsStructure(line)) {
      const last = open.raw[open.raw.length - 1];
      const heading = open.raw.length === 1 && headingOf(last) !== undefined;
      const cut = OPEN_END.test(last) || (!heading && !COMPLETE_END.test(last) && last.length >= wrapWidth);
      if (cut) {
        const space = /[A-Za-z0-9]$/.test(open.text) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
        open.text += space + line;
        open.lines.push(index + 1);
        open.raw.push(line);
        return;
      }
    }
    open = { text: line, lines: [index + 1], raw: [line] };
    result.push(open);
  });
  return result;
}

interface Segment {
  text: string;
  line: number;
  marker?: Marker;
  /** The marker as written (`（1）`), for a sub-point that keeps it. */
  markerText: string;
  /** Split off the middle of its line (一是……；二是……). */
  runOn: boolean;
}

/**
 * Splits a line where items run on inside it: after a sentence (or clause, for 第一/一是) the next number
 * of the line's own marker kind. A line without a marker splits where a 第一/一是 sequence starts after a
 * colon or a sentence, its lead-in staying prose.
 */
function splitRunOn(text: string, line: number, first: Marker | undefined, expected: number): Segment[] {
  const digits = asciiDigits(text);
  const segments: Segment[] = [];
  let current: Segment = { text: '', line, marker: first, markerText: trimAll(text.slice(0, first?.length ?? 0)), runOn: false };
  let textStart = first?.length ?? 0;
  for (let at = textStart; at < digits.length; at++) {
    const kind = current.marker?.kind;
    const boundary = kind === 'dotted' || kind === 'bracketed' || kind === 'circled' ? SENTENCE_END : CLAUSE_END;
    if (!boundary.test(digits[at])) continue;
    const start = at + 1 + leadingSpaceLength(digits, at + 1);
    const next = itemMarker(digits, current.marker ? current.marker.number + 1 : expected, start);
    if (!next) continue;
    const continues = current.marker ? next.kind === current.marker.kind && next.number === current.marker.number + 1 : (next.kind === 'shi' || next.kind === 'di') && next.number === 1 && /[：:。！？；;]/.test(digits[at]);
    if (!continues) continue;
    current.text = trimAll(text.slice(textStart, at + 1));
    segments.push(current);
    current = { text: '', line, marker: next, markerText: trimAll(text.slice(start, start + next.length)), runOn: true };
    textStart = start + next.length;
    at = textStart - 1;
  }
  current.text = trimAll(text.slice(textStart));
  segments.push(current);
  return segments;
}

/**
 * A （二） point written as sentences, as a sub-category: named by its first sentence (or clause) without
 * the closing mark, the rest its item; a single short clause is both name and item.
 */
function namedPoint(text: string): { name: string; text: string } {
  for (const end of [SENTENCE_END, CLAUSE_END]) {
    const at = text.search(end);
    const rest = at < 0 ? '' : trimAll(text.slice(at + 1));
    if (at > 0 && rest !== '') return { name: text.slice(0, at), text: rest };
  }
  return { name: text.replace(/[。！？；;，,：:]+$/, '') || text, text };
}

interface OpenItem {
  draft: DraftItem;
  /** Undefined for prose (no marker): the next prose paragraph is an item of its own. */
  kind?: ItemKind | 'heading';
  /** Split off the middle of a line: a paragraph after it is not its own. */
  runOn: boolean;
  subKind?: ItemKind;
  lastSub: number;
}

/** What a document's title line looks like: short, no item marker, not ending as a sentence or mid-sentence. */
function isTitleLine(text: string): boolean {
  return !itemMarker(asciiDigits(text), -1) && !COMPLETE_END.test(text) && !OPEN_END.test(text) && text.length <= MAX_TITLE;
}

/**
 * The corpus title `importOutline` takes from the text when given none (its title line), or undefined when
 * the text has none; without running the import. Import proposes it when asking for the title.
 */
export function proposedImportTitle(text: string): string | undefined {
  const lines = logicalLines(text);
  const first = lines[0];
  if (!first || lines.length < 2 || headingOf(first.text) !== undefined || !isTitleLine(first.text)) return undefined;
  return first.text;
}

type NoteCode = 'importPreamble' | 'importClosing' | 'unplacedText';

/** Reads an outline's logical lines in order into draft categories and items, and notes for the rest. */
class OutlineReader {
  readonly problems: Problem[] = [];
  readonly categories: DraftCategory[] = [];
  /** Comments by the draft index of their category (-1: before any) and the item they follow. */
  readonly notes: { category: number; afterItem?: DraftItem; text: string }[] = [];
  title: string | undefined;

  private readonly headings: (ReturnType<typeof headingOf>)[];
  private readonly markers: (Marker | undefined)[];
  /** （一） is a sub-category when the text also uses 一、. */
  private readonly subIsSubCategory: boolean;
  private readonly firstHeading: number;
  /** The closing starts at a closing line after which no line carries a marker. */
  private readonly closingFrom: number;

  private category: DraftCategory | undefined;
  private categoryIndex = -1;
  /** The draft index of the category the sub-categories go under. */
  private section: number | undefined;
  private open: OpenItem | undefined;
  /**
   * Items keep the source's own numbers (1、 （1） ①, a （一） sentence its ordinal); the others — prose,
   * 第一, 一是 — and a number used twice take the numbers after the highest, in order, once the text is read.
   */
  private readonly wanted = new Map<DraftItem, number>();
  /** Lines that look like a marker but were joined to an item: reported once the item has its number. */
  private readonly joined: { line: number; text: string; item: DraftItem }[] = [];

  constructor(
    private readonly lines: readonly Line[],
    title: string | undefined,
  ) {
    this.title = title;
    this.headings = lines.map((line) => headingOf(line.text));
    this.markers = lines.map((line, index) => (this.headings[index] ? undefined : itemMarker(asciiDigits(line.text), -1)));
    this.subIsSubCategory = this.headings.some((heading) => heading?.kind === 'section') && this.headings.some((heading) => heading?.kind === 'sub');
    this.firstHeading = this.headings.findIndex((heading) => heading !== undefined);
    let closingFrom = lines.length;
    for (let index = lines.length - 1; index > this.firstHeading && !this.headings[index] && !this.markers[index]; index--) {
      if (CLOSING.test(lines[index].text)) closingFrom = index;
    }
    this.closingFrom = closingFrom;
  }

  read(): void {
    this.lines.forEach((line, index) => this.readLine(line, index));
    for (const category of this.categories) this.numberItems(category);
    for (const { line, text, item } of this.joined) this.problems.push(problem(line, 'joinedToItem', [excerpt(text), item.number], 'warning'));
  }

  private readLine(line: Line, index: number): void {
    const heading = this.headings[index];
    if (index >= this.closingFrom) this.note(line, 'importClosing');
    else if (index < this.firstHeading || this.firstHeading < 0) this.readPreamble(line, index);
    else if (heading) this.readHeading(heading, line, index);
    else this.readItems(line);
  }

  private readPreamble(line: Line, index: number): void {
    // The title line is the title, also when the writer confirmed it as the title (Import proposes it).
    const title = this.title;
    if (index === 0 && isTitleLine(line.text) && (title === undefined || title === line.text) && this.lines.length > 1) this.title = line.text;
    else this.note(line, this.markers[index] ? 'unplacedText' : 'importPreamble');
  }

  private readHeading(heading: NonNullable<ReturnType<typeof headingOf>>, line: Line, index: number): void {
    const text = line.text.slice(heading.length);
    if (heading.kind === 'section' || !this.subIsSubCategory || this.section === undefined) {
      this.startCategory(heading, text, line);
      if (heading.kind === 'section' || !this.subIsSubCategory) this.section = this.categoryIndex;
      return;
    }
    const section = this.section;
    if (SENTENCE_END.test(text) && !this.hasContent(index)) {
      if (this.categories.length - 1 > section) {
        // The section has sub-categories already, and its own items are written before them: as an item it
        // would move above the （一） read before it. A sub-category keeps the outline's order and ordinal.
        const point = namedPoint(text);
        this.startCategory(heading, point.name, line, section);
        this.addItem({ text: point.text, line: line.lines[0], runOn: false }, 'heading');
        return;
      }
      // （二）宗旨意识有所淡化。与群众…: a point of the section above, numbered by its ordinal.
      this.category = this.categories[section];
      this.categoryIndex = section;
      this.addItem({ text, line: line.lines[0], runOn: false }, 'heading', chineseNumberValue(heading.ordinal));
      return;
    }
    this.startCategory(heading, text, line, section);
  }

  private readItems(line: Line): void {
    const digits = asciiDigits(line.text);
    const last = this.category?.items.at(-1);
    const expected = (last ? (this.wanted.get(last) ?? 0) : 0) + 1;
    const marker = itemMarker(digits, expected);
    for (const segment of splitRunOn(line.text, line.lines[0], marker, expected)) {
      const kind = segment.marker?.kind;
      const item = this.open;
      if (kind && item?.kind && item.kind !== 'heading' && RANK[kind] > RANK[item.kind]) {
        const subSequence = segment.marker!.number === 1 || (item.subKind === kind && segment.marker!.number === item.lastSub + 1);
        if (subSequence) {
          // A sub-point keeps its marker: it is part of the item's text.
          item.draft.text += `${item.draft.text === '' ? '' : '\n\n'}${segment.markerText}${segment.text}`;
          item.subKind = kind;
          item.lastSub = segment.marker!.number;
          continue;
        }
      }
      if (kind) {
        const sourceNumber = kind === 'dotted' || kind === 'bracketed' || kind === 'circled' ? segment.marker!.number : undefined;
        this.addItem(segment, kind, sourceNumber);
        continue;
      }
      if (item && item.kind !== undefined && (item.draft.text === '' || !item.runOn)) {
        if (NEAR_MARKER.test(asciiDigits(segment.text))) this.joined.push({ line: segment.line, text: segment.text, item: item.draft });
        // A line without a marker continues the item: a further paragraph of the same point, or its
        // first when the marker stood alone on its line.
        item.draft.text += item.draft.text === '' ? segment.text : `\n\n${segment.text}`;
        continue;
      }
      this.addItem(segment, undefined);
    }
  }

  private note(line: Line, code: NoteCode): void {
    const text = line.raw.join('\n');
    const last = this.notes.at(-1);
    // A closing goes after the last item of the file (the current category may be a parent, written before its sub-categories).
    const at = code === 'importClosing' ? this.categories.length - 1 : this.categoryIndex;
    const afterItem = this.categories[at]?.items.at(-1);
    if (last && last.category === at && last.afterItem === afterItem) last.text += `\n${text}`;
    else this.notes.push({ category: at, afterItem, text });
    this.problems.push(problem(line.lines[0], code, [excerpt(line.text)], code === 'unplacedText' ? 'error' : 'warning'));
  }

  private addItem(segment: Pick<Segment, 'text' | 'line' | 'runOn'>, kind: OpenItem['kind'], sourceNumber?: number): void {
    if (!this.category) return;
    const draft: DraftItem = { number: 0, text: segment.text, line: segment.line };
    if (sourceNumber !== undefined) this.wanted.set(draft, sourceNumber);
    this.category.items.push(draft);
    this.open = { draft, kind, runOn: segment.runOn, lastSub: 0 };
  }

  private startCategory(heading: { ordinal: string }, name: string, line: Line, parent?: number): void {
    const category: DraftCategory = { ordinal: heading.ordinal, name, line: line.lines[0], items: [] };
    if (parent !== undefined) category.parent = parent;
    this.category = category;
    this.categoryIndex = this.categories.length;
    this.categories.push(category);
    this.open = undefined;
  }

  private numberItems(draft: DraftCategory): void {
    const used = new Set<number>();
    let max = 0;
    const later: DraftItem[] = [];
    for (const item of draft.items) {
      const number = this.wanted.get(item);
      if (number === undefined || used.has(number)) later.push(item);
      else {
        item.number = number;
        used.add(number);
        max = Math.max(max, number);
      }
    }
    for (const item of later) {
      item.number = ++max;
      const number = this.wanted.get(item);
      if (number !== undefined) this.problems.push(problem(item.line, 'importRenumbered', [number, excerpt(item.text), excerpt(draft.name), item.number], 'warning'));
    }
  }

  /** Whether a line other than a heading (or the closing) follows line `index`. */
  private hasContent(index: number): boolean {
    return index + 1 < this.closingFrom && !this.headings[index + 1];
  }
}

export function importOutline(text: string, options: ImportOptions): ImportResult {
  const reader = new OutlineReader(logicalLines(text), options.title);
  reader.read();
  const { categories, problems, notes } = reader;
  const corpus = buildCorpus({ id: options.id, title: reader.title ?? options.id, language: options.language }, categories, problems);
  const comments = notes.map(({ category, afterItem, text }): CorpusComment => {
    const comment: CorpusComment = { text };
    if (category >= 0) comment.category = corpus.categories[category].id;
    if (afterItem !== undefined) comment.afterItem = afterItem.number;
    return comment;
  });
  problems.sort((a, b) => a.line - b.line);
  return { corpus, problems, comments };
}
