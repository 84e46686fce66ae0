// Turns plain outline text (a pasted Word document numbered the Chinese way) into a Corpus.
// Category markers: 一、 （一）. Item markers: 1. 1． 1、 （1） ①. An item that runs on inside the
// previous one's line (…等等。12.有的…) is split off when its number is the next one expected.
// Text it cannot place is reported with its line, never dropped silently.
import { buildCorpus, type DraftCategory, type DraftItem } from './build';
import type { Corpus, Problem } from './model';
import { excerpt, problem } from './problems';
import { asciiDigits, splitLines, trimAll } from './text';

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
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Item marker at the start of `text` (digits already ASCII): its number and length, or undefined. */
function itemMarker(text: string): { number: number; length: number } | undefined {
  const dotted = /^(\d{1,3})[ \t]*[.．、](?!\d)[\s\u3000]*/.exec(text);
  if (dotted) return { number: Number(dotted[1]), length: dotted[0].length };
  const bracketed = /^[（(](\d{1,3})[）)][\s\u3000]*/.exec(text);
  if (bracketed) return { number: Number(bracketed[1]), length: bracketed[0].length };
  const circled = CIRCLED.indexOf(text[0]);
  if (circled >= 0) {
    const length = 1 + (/^[\s\u3000]*/.exec(text.slice(1))?.[0].length ?? 0);
    return { number: circled + 1, length };
  }
  return undefined;
}

/** Splits `…等等。12.有的…` into items when the marker after a sentence end carries the next number. */
function splitRunOn(first: DraftItem): DraftItem[] {
  const items = [first];
  let current = first;
  for (;;) {
    const boundary = findRunOn(current.text, current.number + 1);
    if (boundary === undefined) return items;
    const next: DraftItem = {
      number: current.number + 1,
      text: trimAll(current.text.slice(boundary.start + boundary.length)),
      line: current.line,
    };
    current.text = trimAll(current.text.slice(0, boundary.start));
    items.push(next);
    current = next;
  }
}

function findRunOn(text: string, expected: number): { start: number; length: number } | undefined {
  const digits = asciiDigits(text);
  const sentenceEnd = /[。！？；]/g;
  for (let match = sentenceEnd.exec(digits); match; match = sentenceEnd.exec(digits)) {
    const start = match.index + 1;
    const marker = itemMarker(digits.slice(start).replace(/^[\s\u3000]+/, ''));
    if (marker && marker.number === expected) {
      const spaces = digits.slice(start).length - digits.slice(start).replace(/^[\s\u3000]+/, '').length;
      return { start, length: spaces + marker.length };
    }
  }
  return undefined;
}

export function importOutline(text: string, options: ImportOptions): ImportResult {
  const problems: Problem[] = [];
  const categories: DraftCategory[] = [];
  let category: DraftCategory | undefined;
  let item: DraftItem | undefined;
  let title = options.title;
  let sawContent = false;

  const closeItem = () => {
    if (item && category) category.items.push(...splitRunOn(item));
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
    const marker = itemMarker(digits);
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
