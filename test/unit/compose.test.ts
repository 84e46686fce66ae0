import * as assert from 'node:assert/strict';
import {
  chineseOrdinal,
  composeMarkdown,
  formatItem,
  groupForCompose,
  nextListNumber,
  padBlock,
  textAfterTitle,
  withEol,
} from '../../src/core/compose';
import type { Category, Item } from '../../src/core/model';
import { builtinCorpus } from './helpers';

function item(categoryId: string, number: number, text: string): Item {
  const title = /^[^。！？；]*[。！？；]?/.exec(text)![0];
  return { id: `t/${categoryId}.${number}`, corpusId: 't', categoryId, number, title, text, line: 0 };
}

function category(id: string, ordinal: string, name: string, items: Item[]): Category {
  return { id, ordinal, name, shortName: name, line: 0, items };
}

const a1 = item('a', 1, '甲一。甲一的其余部分。');
const a3 = item('a', 3, '甲三。');
const b2 = item('b', 2, '乙二。第一段。\n\n第二段。');
const c7 = item('c', 7, '丙七。');
const categories = [
  category('a', '一', '理论学习方面存在问题', [a1, a3]),
  category('b', '二', '政治素质方面存在问题', [b2]),
  category('c', '三', '能力本领方面存在问题', [c7]),
];

describe('compose: formatItem', () => {
  it('paragraph is the text as written, multi-paragraph items kept', () => {
    assert.equal(formatItem(b2, 'paragraph'), '乙二。第一段。\n\n第二段。');
  });

  it('listItem hangs continuation paragraphs under the bullet', () => {
    assert.equal(formatItem(a1, 'listItem'), '- 甲一。甲一的其余部分。');
    assert.equal(formatItem(b2, 'listItem'), '- 乙二。第一段。\n\n  第二段。');
  });

  it('numbered uses the given number and indents by the marker width', () => {
    assert.equal(formatItem(a1, 'numbered'), '1. 甲一。甲一的其余部分。');
    assert.equal(formatItem(b2, 'numbered', { number: 12 }), '12. 乙二。第一段。\n\n    第二段。');
  });

  it('heading+paragraph: bold lead sentence by default, or a heading then the rest', () => {
    // The 。 stays outside the bold: `**甲一。**甲` would not render bold (CommonMark flanking rules).
    assert.equal(formatItem(a1, 'heading+paragraph'), '**甲一**。甲一的其余部分。');
    assert.equal(formatItem(a1, 'heading+paragraph', { titleStyle: 'heading' }), '### 甲一。\n\n甲一的其余部分。');
    assert.equal(formatItem(a1, 'heading+paragraph', { titleStyle: 'heading', headingLevel: 9 }), '###### 甲一。\n\n甲一的其余部分。');
    assert.equal(formatItem(a3, 'heading+paragraph', { titleStyle: 'heading' }), '### 甲三。');
  });

  it('textAfterTitle drops the lead sentence only', () => {
    assert.equal(textAfterTitle(a1), '甲一的其余部分。');
    assert.equal(textAfterTitle(a3), '');
  });

  it('CRLF in item text is normalized before formatting', () => {
    assert.equal(formatItem({ title: '甲。', text: '甲。\r\n\r\n乙。' }, 'listItem'), '- 甲。\n\n  乙。');
  });
});

describe('compose: composeMarkdown', () => {
  it('groups under category headings in corpus order, whatever the pick order, numbered per category', () => {
    const text = composeMarkdown(categories, [c7.id, b2.id, a3.id, a1.id]);
    assert.equal(
      text,
      [
        '## 一、理论学习方面存在问题',
        '1. 甲一。甲一的其余部分。',
        '2. 甲三。',
        '## 二、政治素质方面存在问题',
        '1. 乙二。第一段。\n\n   第二段。',
        '## 三、能力本领方面存在问题',
        '1. 丙七。',
      ].join('\n\n'),
    );
  });

  it('renumbers category ordinals when categories are skipped, unless told to keep them', () => {
    assert.match(composeMarkdown(categories, [c7.id, a1.id]), /^## 一、理论学习.*\n\n1\. 甲一.*\n\n## 二、能力本领方面存在问题\n\n1\. 丙七。$/s);
    assert.match(composeMarkdown(categories, [c7.id], { renumberCategories: false, headingLevel: 3 }), /^### 三、能力本领方面存在问题\n\n1\. 丙七。$/);
  });

  it('ignores unknown ids and duplicates; nothing chosen gives an empty block', () => {
    assert.deepEqual(groupForCompose(categories, [a1.id, a1.id, 'nope']).map((g) => g.items.map((i) => i.id)), [[a1.id]]);
    assert.equal(composeMarkdown(categories, []), '');
  });

  it('works on the built-in corpus: 理论学习 11 and 廉洁自律 items in two groups', () => {
    const corpus = builtinCorpus();
    const last = corpus.categories[corpus.categories.length - 1];
    const text = composeMarkdown(corpus.categories, [last.items[0].id, 'builtin/llxx.11']);
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## 一、理论学习方面存在问题', `## 二、${last.name}`]);
    assert.ok(text.includes('1. 个别班子成员、干部理论学习兴趣不浓'));
  });
});

describe('compose: chineseOrdinal', () => {
  it('writes 1–999 in Chinese numerals', () => {
    assert.deepEqual([1, 9, 10, 11, 20, 21, 100, 105, 110, 999].map(chineseOrdinal), ['一', '九', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十', '九百九十九']);
    assert.equal(chineseOrdinal(1000), '1000');
  });
});

describe('compose: padBlock', () => {
  it('adds nothing between blank lines or at the edges of an empty document', () => {
    assert.equal(padBlock('X', { before: '', after: '' }), 'X');
    assert.equal(padBlock('X', { before: '', after: '', previousLine: '', nextLine: '  ' }), 'X');
  });

  it('adds one line break next to a non-blank neighbouring line', () => {
    assert.equal(padBlock('X', { before: '', after: '', previousLine: '上文', nextLine: '下文' }), '\nX\n');
  });

  it('splits a paragraph when inserting in the middle of a line', () => {
    assert.equal(padBlock('X', { before: '前', after: '后', previousLine: '', nextLine: '' }), '\n\nX\n\n');
    assert.equal(padBlock('X', { before: '前', after: '', nextLine: '' }), '\n\nX');
  });
});

describe('compose: nextListNumber and withEol', () => {
  it('continues the nearest numbered item above within the section', () => {
    assert.equal(nextListNumber([]), 1);
    assert.equal(nextListNumber(['1. 甲', '', '   续', '', '2. 乙', '']), 3);
    assert.equal(nextListNumber(['3、甲', '']), 4);
    assert.equal(nextListNumber(['1. 甲', '## 二、', '']), 1);
  });

  it('converts line breaks to CRLF only when asked', () => {
    assert.equal(withEol('a\n\nb', '\r\n'), 'a\r\n\r\nb');
    assert.equal(withEol('a\n\nb', '\n'), 'a\n\nb');
  });
});
