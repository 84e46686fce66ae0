// An independent reading of a corpus file with plain markdown-it (inline rules on, as the preview runs it):
// for every line, where Markdown puts it. The differential and fuzz tests compare the parser against it.
import MarkdownIt from 'markdown-it';
import type { Corpus, Problem } from '../../src/core/model';

export type Placement =
  | { kind: 'blank' }
  | { kind: 'frontMatter' }
  | { kind: 'comment' }
  /** Hidden by a comment never closed: the problem at its opening line speaks for all of them. */
  | { kind: 'unclosedComment'; openLine: number }
  | { kind: 'title' }
  | { kind: 'category'; line: number }
  | { kind: 'item'; categoryLine: number | undefined; itemLine: number; number: number }
  | { kind: 'outside' };

const md = new MarkdownIt({ html: true });

/** 0-based line → placement, for text whose front matter ends before `bodyStart` (0-based). */
export function markdownPlacement(text: string, bodyStart: number): Placement[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const body = lines.map((line, index) => (index < bodyStart ? '' : line)).join('\n');
  const placement: Placement[] = lines.map((line, index) =>
    index < bodyStart ? { kind: 'frontMatter' } : /^[ \t]*$/.test(line) ? { kind: 'blank' } : { kind: 'outside' },
  );
  const mark = (map: [number, number] | null | undefined, value: Placement) => {
    if (!map) return;
    for (let line = map[0]; line < map[1]; line++) if (placement[line].kind !== 'blank') placement[line] = value;
  };
  let categoryLine: number | undefined;
  let inOrderedList = false;
  let sawTitle = false;
  const tokens = md.parse(body, {});
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.level === 0 && token.type === 'heading_open' && (token.tag === 'h2' || (token.tag === 'h3' && categoryLine !== undefined))) {
      // `###` under a `##`: a sub-category, where the items below it go.
      categoryLine = token.map![0] + 1;
      mark(token.map, { kind: 'category', line: categoryLine });
    } else if (token.level === 0 && token.type === 'heading_open' && token.tag === 'h1' && categoryLine === undefined && !sawTitle) {
      sawTitle = true;
      mark(token.map, { kind: 'title' });
    } else if (token.level === 0 && token.type === 'ordered_list_open') {
      inOrderedList = true;
    } else if (token.level === 0 && token.type === 'ordered_list_close') {
      inOrderedList = false;
    } else if (inOrderedList && token.level === 1 && token.type === 'list_item_open') {
      mark(token.map, { kind: 'item', categoryLine, itemLine: token.map![0] + 1, number: Number(token.info) });
    } else if (token.level === 0 && token.type === 'html_block' && /^(?:\s*<!--[\s\S]*?-->)+\s*$/.test(token.content)) {
      mark(token.map, { kind: 'comment' });
    } else if (token.level === 0 && token.type === 'html_block' && /^\s*<!--/.test(token.content) && !token.content.includes('-->')) {
      mark(token.map, { kind: 'unclosedComment', openLine: token.map![0] + 1 });
    }
  }
  return placement;
}

export interface Disagreement {
  line: number;
  text: string;
  expected: Placement;
  why: string;
}

/**
 * Lines where the parser's result disagrees with Markdown's placement and says nothing at that line.
 * `checkText`: an item line's own text (outside comments) must be found in that item's text.
 */
export function disagreements(
  text: string,
  bodyStart: number,
  corpus: Corpus,
  problems: readonly Problem[],
  checkText = true,
): Disagreement[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const reported = new Set(problems.map((problem) => problem.line));
  const out: Disagreement[] = [];
  markdownPlacement(text, bodyStart).forEach((expected, index) => {
    const line = index + 1;
    const fail = (why: string) => out.push({ line, text: lines[index], expected, why });
    if (reported.has(line)) return;
    switch (expected.kind) {
      case 'blank':
      case 'frontMatter':
      case 'comment':
      case 'title':
        return;
      case 'unclosedComment':
        if (!reported.has(expected.openLine)) fail('hidden by an unclosed comment that is not reported');
        return;
      case 'outside':
        return fail('outside any item in Markdown, but no problem reported');
      case 'category':
        if (!corpus.categories.some((category) => category.line === expected.line)) fail('no category at this heading');
        return;
      case 'item': {
        // An item that is not kept (before any category, duplicate number, empty) is reported at its first line.
        if (reported.has(expected.itemLine)) return;
        const category = corpus.categories.find((candidate) => candidate.line === expected.categoryLine);
        const item = category?.items.find((candidate) => candidate.line === expected.itemLine);
        if (!item) return fail(`no item at line ${expected.itemLine} in the category at line ${expected.categoryLine}`);
        if (item.number !== expected.number) return fail(`item number ${item.number}, Markdown says ${expected.number}`);
        if (!checkText || /<!--|-->|<\\+!--/.test(lines[index])) return;
        const own = (line === expected.itemLine ? lines[index].replace(/^ {0,3}\d{1,9}[.)]/, '') : lines[index]).replace(/^[ \t]+|[ \t]+$/g, '');
        if (!item.text.includes(own)) fail(`line text not in item ${item.number}: ${JSON.stringify(item.text)}`);
        return;
      }
    }
  });
  return out;
}
