// Reads the Markdown corpus format (see corpus/README.md). Never throws on bad content:
// whatever it cannot understand becomes a Problem with a line, and the rest still loads.
import { buildCorpus, type CorpusMeta, type DraftCategory, type DraftItem } from './build';
import type { Corpus, Problem } from './model';
import { excerpt, problem } from './problems';
import { splitLines } from './text';

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

// A closing run of # counts only after a space (CommonMark): `## 一、C#` is named C#.
const HEADING = /^##\s+(.*?)(?:\s+#+)?\s*$/;
const TITLE_HEADING = /^#\s+(.*?)(?:\s+#+)?\s*$/;
const ORDINAL = /^(?:([零〇一二两三四五六七八九十百]+)[、.．]|[（(]([零〇一二两三四五六七八九十百]+)[）)])\s*/;
const ITEM = /^(\d+)[.．)]([ \t]+|$)(.*)$/;
const INDENTED = /^(?: {2,}|\t)/;
/** Lines a writer meant as an item or a heading but that miss the format (`2.text`, `2、`, `##二、`). */
const NEAR_ITEM = /^(\d+)[.．、)）](?!\d)/;
const NEAR_HEADING = /^#{1,6}[^#\s]/;

/** Splits `一、理论学习方面存在问题` into its ordinal and name. */
export function splitHeading(text: string): { ordinal: string; name: string } {
  const match = ORDINAL.exec(text);
  if (!match) return { ordinal: '', name: text };
  return { ordinal: match[1] ?? match[2], name: text.slice(match[0].length) };
}

/** A front matter value: "…" as JSON (what the serializer writes), '…' as YAML ('' for '), else as is. */
function frontMatterString(raw: string): string {
  if (/^".*"$/.test(raw)) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (/^'.*'$/.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

function readFrontMatter(lines: string[], meta: Partial<CorpusMeta>, problems: Problem[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) {
    problems.push(problem(1, 'badFrontMatter', ['---']));
    return 0;
  }
  for (let index = 1; index < end; index++) {
    const line = lines[index];
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match) {
      problems.push(problem(index + 1, 'badFrontMatter', [excerpt(line)]));
      continue;
    }
    const value = frontMatterString(match[2]);
    if (match[1] === 'id') meta.id = value;
    else if (match[1] === 'title') meta.title = value;
    else if (match[1] === 'language') meta.language = value;
  }
  return end + 1;
}

/**
 * Drops HTML comments (possibly spanning lines) but keeps line numbering intact. A comment never closed
 * hides the rest of the file, as Markdown would: `unclosedAt` is the line index of its `<!--`, so it can be said.
 */
function blankComments(lines: string[]): { lines: string[]; unclosedAt?: number } {
  let inComment = false;
  let openedAt = -1;
  const blanked = lines.map((line, index) => {
    let out = '';
    let rest = line;
    while (rest.length > 0) {
      if (inComment) {
        const close = rest.indexOf('-->');
        if (close < 0) return out;
        rest = rest.slice(close + 3);
        inComment = false;
      } else {
        const open = rest.indexOf('<!--');
        if (open < 0) return out + rest;
        out += rest.slice(0, open);
        rest = rest.slice(open + 4);
        inComment = true;
        openedAt = index;
      }
    }
    return out;
  });
  return { lines: blanked, unclosedAt: inComment ? openedAt : undefined };
}

export function parseCorpus(text: string, options: ParseOptions = {}): ParseResult {
  const problems: Problem[] = [];
  const rawLines = splitLines(text);
  const meta: Partial<CorpusMeta> = {};
  const bodyStart = readFrontMatter(rawLines, meta, problems);
  const { lines, unclosedAt } = blankComments(rawLines);
  if (unclosedAt !== undefined) problems.push(problem(unclosedAt + 1, 'unclosedComment'));

  const categories: DraftCategory[] = [];
  let category: DraftCategory | undefined;
  let item: (DraftItem & { indent: number; pendingBlank: number }) | undefined;
  let h1Title: string | undefined;

  const closeItem = () => {
    if (item && category) category.items.push({ number: item.number, text: item.text, line: item.line });
    item = undefined;
  };

  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index];
    const lineNumber = index + 1;
    if (line.trim() === '') {
      if (item && item.text !== '') item.pendingBlank++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeItem();
      category = { ...splitHeading(heading[1]), line: lineNumber, items: [] };
      categories.push(category);
      continue;
    }
    const title = TITLE_HEADING.exec(line);
    if (title && !category && h1Title === undefined) {
      h1Title = title[1];
      continue;
    }
    const itemStart = ITEM.exec(line);
    if (itemStart && !INDENTED.test(line)) {
      closeItem();
      const number = Number(itemStart[1]);
      if (!category) {
        problems.push(problem(lineNumber, 'itemOutsideCategory', [number]));
        continue;
      }
      item = {
        number,
        text: itemStart[3].trimEnd(),
        line: lineNumber,
        indent: itemStart[1].length + 1 + itemStart[2].length,
        pendingBlank: 0,
      };
      continue;
    }
    // An indented line continues the open item, even after blank lines (a second paragraph);
    // an unindented one right after it is Markdown's lazy continuation.
    if (item && (INDENTED.test(line) || item.pendingBlank === 0)) {
      if (NEAR_ITEM.test(line) || NEAR_HEADING.test(line)) {
        problems.push(problem(lineNumber, 'joinedToItem', [excerpt(line.trim()), item.number], 'warning'));
      }
      const content = line.slice(Math.min(item.indent, line.length - line.trimStart().length)).trimEnd();
      const separator = item.text === '' ? '' : '\n'.repeat(item.pendingBlank + 1);
      item.text += separator + content;
      item.pendingBlank = 0;
      continue;
    }
    closeItem();
    problems.push(problem(lineNumber, 'textOutsideItem', [excerpt(line.trim())]));
  }
  closeItem();

  const id = meta.id || options.fallbackId || 'corpus';
  const corpus = buildCorpus(
    { id, title: meta.title || h1Title || id, language: meta.language, source: options.source },
    categories,
    problems,
  );
  problems.sort((a, b) => a.line - b.line);
  return { corpus, problems };
}
