// Reading a corpus piece by piece must be invisible: every token as markdown-it gives it for the whole text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { markdownBlockChunks, markdownBlocks } from '../../src/core/markdown';
import { splitLines } from '../../src/core/text';
import { CORPUS_PIECES } from './corpusGen';
import { BUILTIN } from './helpers';

/** Openers that keep a `#` line from being a heading, or may: the cuts' hard cases. */
const BLOCKERS: Record<string, (word: string) => string> = {
  fenceTilde: (w) => `~~~\n## 二、${w}\n~~~`,
  fenceLong: (w) => `\`\`\`\`\n## ${w}\n\`\`\`\n## 三、${w}\n\`\`\`\``,
  fenceUnclosed: (w) => `\`\`\`\n## ${w}`,
  fenceInItem: (w) => `1. ${w}\n   \`\`\`\n   code\n\`\`\`\n## ${w}\n\`\`\``,
  fenceIndented: (w) => `  \`\`\`\n## ${w}\n  \`\`\``,
  fenceAfterText: (w) => `${w}\n<span>\n\`\`\`\n\n## ${w}\n\`\`\``,
  commentOpen: (w) => `<!-- ${w}\n## ${w}\n-->`,
  commentInItem: (w) => `1. ${w}\n   <!-- x\n\`\`\`\n-->\n## ${w}\n\`\`\``,
  script: (w) => `<script>\n## ${w}\n</script>`,
  pre: (w) => `<pre>\n\n## ${w}\n</pre>`,
  processing: (w) => `<?php\n## ${w}\n?>`,
  cdata: (w) => `<![CDATA[\n## ${w}\n]]>`,
  declaration: (w) => `<!DOCTYPE\n## ${w}\n>`,
  div: (w) => `<div>\n## ${w}\n</div>`,
  inlineTag: (w) => `${w}\n<b>${w}</b>\n## ${w}`,
  quote: (w) => `> ${w}\n## ${w}`,
  hashes: (w) => `####### ${w}\n## ${w}\n#\n#${w}`,
};

function shape(tokens: MarkdownIt.Token[]) {
  return tokens.map((token) => [token.type, token.tag, token.level, token.nesting, token.map?.join('-'), token.content, token.info, token.markup]);
}

function assertSameReading(text: string, minLines: number): void {
  const lines = splitLines(text);
  const whole = shape(markdownBlocks(lines.join('\n')));
  const pieces = [...markdownBlockChunks(lines, minLines)].flatMap(shape);
  assert.deepEqual(pieces, whole, text);
}

describe('reading a corpus in pieces (markdownBlockChunks)', () => {
  it('cuts only where it may: generated files with fences, HTML and containers read the same, cut at every chance', () => {
    const pieces = { ...Object.fromEntries(Object.entries(CORPUS_PIECES).map(([name, make]) => [name, (w: string) => make(3, w)])), ...BLOCKERS };
    const piece = fc.tuple(fc.constantFrom(...Object.keys(pieces)), fc.constantFrom('甲', '工作作风', 'a b'), fc.constantFrom('\n', '\n\n'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (list) => {
        const text = list.map(([name, word, joint]) => `## 一、类\n${pieces[name](word)}${joint}`).join('');
        assertSameReading(text, 1);
      }),
      { seed: 1201, numRuns: 1500 },
    );
  });

  it('reads every blocker the same right after a cut', () => {
    for (const [name, make] of Object.entries(BLOCKERS)) assertSameReading(`## 一、甲\n1. 乙。\n${make(name)}\n## 二、丙\n1. 丁。\n`, 1);
  });

  it('really cuts an ordinary file, and reads the built-in corpus the same', () => {
    const text = '## 一、类\n1. 正文。\n'.repeat(50);
    assert.equal([...markdownBlockChunks(splitLines(text), 10)].length, 10);
    assertSameReading(fs.readFileSync(BUILTIN, 'utf8'), 1);
  });

  it('builds tokens exactly as markdown-it does: same fields in the same order, same prototype', () => {
    const stock = new MarkdownIt({ html: true });
    stock.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
    const text = `${fs.readFileSync(BUILTIN, 'utf8')}\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> 引文\n\n- 要点\n\n\`\`\`js\nx\n\`\`\`\n<!-- 注 -->\n`;
    const ours = markdownBlocks(text);
    const theirs = stock.parse(text, {});
    assert.equal(ours.length, theirs.length);
    ours.forEach((token, index) => {
      assert.equal(Object.getPrototypeOf(token), Object.getPrototypeOf(theirs[index]));
      assert.deepEqual(Object.entries(token), Object.entries(theirs[index]));
    });
  });

  it('stops cutting after a line it cannot be sure of', () => {
    const text = `## 一、类\n1. 正文。\n<b>x</b>\n${'## 二、类\n1. 正文。\n'.repeat(20)}`;
    assert.equal([...markdownBlockChunks(splitLines(text), 1)].length, 1);
  });
});
