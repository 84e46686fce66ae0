// Turns plain outline text (a pasted Word document numbered the Chinese way) into a Corpus.
// Category markers: 一、 （一）. Item markers: 1. 1． 1、 （1） ① … ㊿ (numbers past 999 only in sequence). An item that runs on inside the
// previous one's line (…等等。12.有的…) is split off when its number is the next one expected.
// Text it cannot place is reported with its line, never dropped silently.
import { buildCorpus, type DraftCategory, type DraftItem } from './build';
import type { Corpus, Problem } from './model';
import { excerpt, problem } from './problems';
import { asciiDigits, leadingSpaceLength, splitLines, trimAll } from './text';

export interface ImportOptions {
  id: string;
  /** Defaults to the first line of the text when it is not a marker, else to the id. */
  title?: string;
  language?: string;
}

export interface ImportResult {
  corpus: Corpus;
  /** Lines that could not be placed, empty categories and the like. */
  problems: Problem[];
}

const CATEGORY_MARKER = /^(?:([零〇一二两三四五六七八九十百]+)[、．.]|[（(]([零〇一二两三四五六七八九十百]+)[）)])[\s\u3000]*/;
/** ① … ⑳, ㉑ … ㉟, ㊱ … ㊿: the circled numbers Unicode has, 1 to 50. */
const CIRCLED: readonly [number, number, number][] = [
  [0x2460, 0x2473, 1],
  [0x3251, 0x325f, 21],
  [0x32b1, 0x32bf, 36],
];
const DOTTED = /(\d{1,9})[ \t]*[.．、](?!\d)/y;
const BRACKETED = /[（(](\d{1,9})[）)]/y;
/** A number and a marker sign that did not make an item (`1500.` out of sequence, 10 digits): worth a warning. */
const NEAR_MARKER = /^(?:\d+[ \t]*[.．、](?!\d)|[（(]\d+[）)])/;
/** Up to 999 a number is a marker anywhere; above, only as the next one expected (a year is not an item). */
const ALWAYS_A_MARKER = 999;

function circledNumber(char: string | undefined): number | undefined {
  const code = char?.charCodeAt(0) ?? 0;
  for (const [first, last, number] of CIRCLED) if (code >= first && code <= last) return number + code - first;
  return undefined;
}

/** Item marker at `at` in `text` (digits already ASCII): its number and length, or undefined. */
function itemMarker(text: string, expected: () => number, at = 0): { number: number; length: number } | undefined {
  let number: number | undefined;
  let end = at;
  for (const pattern of [DOTTED, BRACKETED]) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) {
      number = Number(match[1]);
      end = at + match[0].length;
      break;
    }
  }
  if (number === undefined) {
    number = circledNumber(text[at]);
    end = at + 1;
  }
  if (number === undefined || (number > ALWAYS_A_MARKER && number !== expected())) return undefined;
  return { number, length: end + leadingSpaceLength(text, end) - at };
}

/** Splits `…等等。12.有的…` into items where the marker after a sentence end carries the next number. */
function splitRunOn(first: DraftItem): DraftItem[] {
  const source = first.text;
  const digits = asciiDigits(source);
  const items = [first];
  let current = first;
  let textStart = 0;
  const sentenceEnd = /[。！？；]/g;
  for (let match = sentenceEnd.exec(digits); match; match = sentenceEnd.exec(digits)) {
    const start = match.index + 1;
    const markerStart = start + leadingSpaceLength(digits, start);
    const marker = itemMarker(digits, () => current.number + 1, markerStart);
    if (!marker || marker.number !== current.number + 1) continue;
    current.text = trimAll(source.slice(textStart, start));
    textStart = markerStart + marker.length;
    current = { number: marker.number, text: '', line: first.line };
    items.push(current);
    sentenceEnd.lastIndex = textStart;
  }
  current.text = trimAll(source.slice(textStart));
  return items;
}

export function importOutline(text: string, options: ImportOptions): ImportResult {
  const problems: Problem[] = [];
  const categories: DraftCategory[] = [];
  let category: DraftCategory | undefined;
  let item: DraftItem | undefined;
  let title = options.title;
  let sawContent = false;

  /** The number an item marker would continue the sequence with (the open item split first, as it will be). */
  const nextNumber = () => {
    const last = item ? splitRunOn({ ...item }).at(-1) : category?.items.at(-1);
    return (last?.number ?? 0) + 1;
  };
  const closeItem = () => {
    // A loop, not push(...): a line of 200,000 run-on items would overflow the call stack.
    if (item && category) for (const split of splitRunOn(item)) category.items.push(split);
    item = undefined;
  };

  splitLines(text).forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = trimAll(rawLine);
    if (line === '') return;
    const firstContent = !sawContent;
    sawContent = true;

    const categoryMarker = CATEGORY_MARKER.exec(line);
    if (categoryMarker) {
      closeItem();
      category = { ordinal: categoryMarker[1] ?? categoryMarker[2], name: line.slice(categoryMarker[0].length), line: lineNumber, items: [] };
      categories.push(category);
      return;
    }
    const digits = asciiDigits(line);
    const marker = itemMarker(digits, nextNumber);
    if (marker) {
      closeItem();
      if (!category) {
        problems.push(problem(lineNumber, 'unplacedText', [excerpt(line)]));
        return;
      }
      item = { number: marker.number, text: trimAll(line.slice(marker.length)), line: lineNumber };
      return;
    }
    if (item) {
      if (NEAR_MARKER.test(digits)) problems.push(problem(lineNumber, 'joinedToItem', [excerpt(line), item.number], 'warning'));
      // A line without a marker continues the item: a second paragraph of the same point, or the first
      // when the marker stood alone on its line.
      item.text += item.text === '' ? line : `\n\n${line}`;
      return;
    }
    if (firstContent && !category && title === undefined) {
      title = line;
      return;
    }
    problems.push(problem(lineNumber, 'unplacedText', [excerpt(line)]));
  });
  closeItem();

  const corpus = buildCorpus(
    { id: options.id, title: title ?? options.id, language: options.language },
    categories,
    problems,
  );
  problems.sort((a, b) => a.line - b.line);
  return { corpus, problems };
}
