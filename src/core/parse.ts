// Reads the Markdown corpus format (see corpus/README.md) the way Markdown reads it: markdown-it gives the
// block structure, and a corpus is its `##` headings (categories), `###` headings under them
// (sub-categories) and the items of top-level numbered lists under them. On top of that sits our own layer: near-miss warnings, comments, front matter.
// Never throws on bad content: every non-blank line ends up in an item or in a Problem with its line.
import type MarkdownIt from 'markdown-it';
import { buildCorpus, type DraftCategory } from './build';
import { readFrontMatter, type FrontMatter } from './frontMatter';
import { decodeCommentOpeners, dropIndent, indentOf, markdownBlockChunks, stripComments } from './markdown';
import type { Corpus, Problem } from './model';
import { excerpt, problem } from './problems';
import { asciiDigits, isBlank, splitLines, trimMarkdown, trimMarkdownEnd, trimMarkdownStart } from './text';

export interface ParseResult {
  corpus: Corpus;
  problems: Problem[];
}

export interface ParseOptions {
  /** Where the text came from; kept on the corpus. */
  source?: string;
  /** Id to use when the front matter has none (e.g. derived from the file name). */
  fallbackId?: string;
}

const ORDINAL = /^(?:([零〇一二两三四五六七八九十百]+)[、.．]|[（(]([零〇一二两三四五六七八九十百]+)[）)])\s*/;
/**
 * Length of a top-level list item's marker: indent, number (CommonMark allows 9 digits), `.` or `)`, as
 * /^ {0,3}\d{1,9}[.)]/ would match it. By hand: it runs once per item, and a match allocates.
 */
function markerLength(line: string): number {
  let indent = 0;
  while (indent < 3 && line.charCodeAt(indent) === 0x20) indent++;
  let end = indent;
  while (end - indent < 9 && isAsciiDigit(line.charCodeAt(end))) end++;
  if (end === indent) return 0;
  const after = line.charCodeAt(end);
  return after === 0x2e || after === 0x29 ? end + 1 : 0;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
/**
 * Paragraph lines a writer meant as an item or a heading but that Markdown does not read so (`2.text`,
 * `2、`, `##二、`, a heading behind a BOM): inside a paragraph, any line starting so is a near miss.
 */
const NEAR_ITEM = /^(\d+)[.．、)）](?!\d)/;
const NEAR_HEADING = /^[#＃]/;
/** What may hide in front of such a line: spaces of any width, a stray BOM, zero-width characters. */
const INVISIBLE_LEAD = /^[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060]+/;

/** Splits `一、理论学习方面存在问题` into its ordinal and name. */
export function splitHeading(text: string): { ordinal: string; name: string } {
  const match = ORDINAL.exec(text);
  if (!match) return { ordinal: '', name: text };
  return { ordinal: match[1] ?? match[2], name: text.slice(match[0].length) };
}

function looksLikeStructure(line: string): boolean {
  const text = asciiDigits(line.slice(INVISIBLE_LEAD.exec(line)?.[0].length ?? 0));
  return NEAR_ITEM.test(text) || NEAR_HEADING.test(text);
}

/** A heading's text as the preview shows it: comments gone, one line, trimmed. */
function headingText(inline: MarkdownIt.Token | undefined): string {
  const text = decodeCommentOpeners(stripComments(inline?.content ?? ''));
  return (text.includes('\n') ? text.replace(/\n/g, ' ') : text).trim();
}

/** Index of the token closing the container opened at `open`. */
function closeOf(tokens: readonly MarkdownIt.Token[], open: number): number {
  const level = tokens[open].level;
  let index = open + 1;
  while (index < tokens.length && !(tokens[index].level === level && tokens[index].nesting === -1)) index++;
  return index;
}

const LEAF_WITH_TEXT = new Set(['paragraph_open', 'heading_open', 'html_block', 'table_open']);
const CODE = new Set(['fence', 'code_block']);

interface ItemBody {
  text: string;
  /** 0-based lines inside the item that look like structure Markdown did not take as such. */
  nearMisses: readonly number[];
  unclosedComments: readonly number[];
}

const NONE: readonly number[] = [];

/** The text of the item whose tokens are `tokens[open..close]`: its lines with the item's indent removed. */
function itemBody(lines: readonly string[], tokens: readonly MarkdownIt.Token[], open: number, close: number): ItemBody {
  const map = tokens[open].map ?? [0, 0];
  const start = map[0];
  let end = map[1];
  while (end > start + 1 && isBlank(lines[end - 1])) end--;

  // CommonMark: the content starts 1–4 columns after the marker (1 when more would make it code).
  const first = lines[start];
  const marker = markerLength(first);
  const rest = first.slice(marker);
  const after = indentOf(rest, marker);
  const blankRest = after.length === rest.length;
  const contentIndent = marker + (blankRest || after.columns > 4 ? 1 : after.columns);
  if (end === start + 1 && !rest.includes('<!--') && !/<\\+!--/.test(rest)) {
    // The common case, one line: nothing to strip, nothing nested.
    return { text: trimMarkdown(rest), nearMisses: NONE, unclosedComments: NONE };
  }
  const own = lines.slice(start, end).map((line, index) => (index === 0 ? rest.slice(after.length) : dropIndent(line, contentIndent)));

  const nearMisses: number[] = [];
  const unclosedComments: number[] = [];
  const nestedStarts = new Set<number>([start]);
  const pieces: string[] = [];
  let copied = start;
  for (let index = open + 1; index < close; index++) {
    const token = tokens[index];
    if (!token.map) continue;
    if (token.type === 'list_item_open') nestedStarts.add(token.map[0]);
    if (!LEAF_WITH_TEXT.has(token.type) && !CODE.has(token.type)) continue;
    const from = Math.max(token.map[0], copied);
    const to = Math.min(token.map[1], end);
    if (from >= to) continue;
    if (token.type === 'paragraph_open') {
      for (let line = from; line < to; line++) if (!nestedStarts.has(line) && looksLikeStructure(lines[line])) nearMisses.push(line);
    }
    if (token.type === 'html_block' && token.content.trimStart().startsWith('<!--') && !token.content.includes('-->')) {
      unclosedComments.push(from);
    }
    for (let line = copied; line < from; line++) pieces.push(own[line - start]);
    const block = own.slice(from - start, to - start).join('\n');
    pieces.push(CODE.has(token.type) ? block : stripComments(block));
    copied = to;
  }
  // A loop, not push(...slice): an item of 200,000 blank lines would overflow the call stack.
  for (let line = copied; line < end; line++) pieces.push(own[line - start]);

  const text = pieces.join('\n').split('\n').map(trimMarkdownEnd);
  let firstLine = 0;
  let lastLine = text.length;
  while (firstLine < lastLine && text[firstLine] === '') firstLine++;
  while (lastLine > firstLine && text[lastLine - 1] === '') lastLine--;
  const kept = text.slice(firstLine, lastLine);
  if (kept.length > 0) kept[0] = trimMarkdownStart(kept[0]);
  return { text: decodeCommentOpeners(kept.join('\n')), nearMisses, unclosedComments };
}

function isCommentBlock(token: MarkdownIt.Token): boolean {
  return token.type === 'html_block' && stripComments(token.content).trim() === '';
}

export function parseCorpus(text: string, options: ParseOptions = {}): ParseResult {
  const problems: Problem[] = [];
  const lines = splitLines(text);
  const meta: FrontMatter = {};
  const bodyStart = readFrontMatter(lines, meta, problems);
  const body = bodyStart === 0 ? lines : [...new Array<string>(bodyStart).fill(''), ...lines.slice(bodyStart)];

  /** Lines accounted for: in a category heading, an item, the title, a comment or a Problem. */
  const placed = new Uint8Array(lines.length);
  const place = (from: number, to: number) => placed.fill(1, from, Math.min(to, lines.length));
  place(0, bodyStart);
  const categories: DraftCategory[] = [];
  let category: DraftCategory | undefined;
  /** The `##` category a `###` heading is a sub-category of. */
  let parentIndex: number | undefined;
  let h1Title: string | undefined;

  // Piece by piece, so a huge file's tokens are never all alive at once.
  for (const tokens of markdownBlockChunks(body)) {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (token.level !== 0 || !token.map) continue;
      const from = token.map[0];
      const to = token.map[1];
      const close = token.nesting === 1 ? closeOf(tokens, index) : index;

      if (token.type === 'heading_open' && token.tag === 'h2') {
        const { ordinal, name } = splitHeading(headingText(tokens[index + 1]));
        category = { ordinal, name, line: from + 1, items: [] };
        parentIndex = categories.length;
        categories.push(category);
        place(from, to);
      } else if (token.type === 'heading_open' && token.tag === 'h3' && parentIndex !== undefined) {
        // `### （一）…` under a `## 一、…`: a sub-category, one level only (`####` stays text outside items).
        const { ordinal, name } = splitHeading(headingText(tokens[index + 1]));
        category = { ordinal, name, line: from + 1, parent: parentIndex, items: [] };
        categories.push(category);
        place(from, to);
      } else if (token.type === 'heading_open' && token.tag === 'h1' && !category && h1Title === undefined && !meta.title) {
        h1Title = headingText(tokens[index + 1]);
        place(from, to);
      } else if (token.type === 'heading_open' && token.tag === 'h1' && !category) {
        // A second title, or one the front matter already gives: shown by the preview, unused here.
        for (let line = from; line < to; line++) {
          if (!isBlank(lines[line])) problems.push(problem(line + 1, 'textOutsideItem', [excerpt(trimMarkdown(lines[line]))], 'warning'));
        }
        place(from, to);
      } else if (token.type === 'ordered_list_open') {
        for (let inner = index + 1; inner < close; inner++) {
          const item = tokens[inner];
          if (item.type !== 'list_item_open' || item.level !== 1 || !item.map) continue;
          const itemClose = closeOf(tokens, inner);
          const number = Number(item.info);
          const line = item.map[0] + 1;
          place(item.map[0], item.map[1]);
          if (!category) {
            problems.push(problem(line, 'itemOutsideCategory', [number]));
          } else {
            const content = itemBody(lines, tokens, inner, itemClose);
            category.items.push({ number, text: content.text, line });
            for (const near of content.nearMisses) {
              problems.push(problem(near + 1, 'joinedToItem', [excerpt(trimMarkdown(lines[near])), number], 'warning'));
            }
            for (const open of content.unclosedComments) problems.push(problem(open + 1, 'unclosedComment', [], 'warning'));
          }
          inner = itemClose;
        }
      } else if (isCommentBlock(token)) {
        place(from, to);
      } else if (token.type === 'html_block' && token.content.trimStart().startsWith('<!--') && !token.content.includes('-->')) {
        // An unclosed comment hides the rest of the file in the preview too: said once, where it opens.
        problems.push(problem(from + 1, 'unclosedComment'));
        place(from, to);
      }
      index = close;
    }
  }

  // Whatever is left (paragraphs, other lists, quotes, code, `###` headings, …) is outside any item.
  for (let index = bodyStart; index < lines.length; index++) {
    if (placed[index] || isBlank(lines[index])) continue;
    problems.push(problem(index + 1, 'textOutsideItem', [excerpt(trimMarkdown(lines[index]))]));
  }

  const id = meta.id || options.fallbackId || 'corpus';
  const corpus = buildCorpus(
    { id, title: meta.title || h1Title || id, language: meta.language, source: options.source },
    categories,
    problems,
  );
  problems.sort((a, b) => a.line - b.line);
  return { corpus, problems };
}
