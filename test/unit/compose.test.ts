import * as assert from 'node:assert/strict';
import {
  chineseOrdinal,
  composeMarkdown,
  formatItem,
  groupForCompose,
  nextListNumber,
  padBlock,
  padding,
  textAfterTitle,
  withEol,
  type ComposeOptions,
} from '../../src/core/compose';
import { chineseNumberValue, headingNamesCategory, headingsIn, openSections, splitOrdinal } from '../../src/core/outline';
import type { Category, Item } from '../../src/core/model';
import { shortNameOf } from '../../src/core/text';
import { builtinCorpus } from './helpers';

function item(categoryId: string, number: number, text: string): Item {
  const title = /^[^。！？；]*[。！？；]?/.exec(text)![0];
  return { id: `t/${categoryId}.${number}`, corpusId: 't', categoryId, number, title, text, line: 0 };
}

function category(id: string, ordinal: string, name: string, items: Item[]): Category {
  return { id, ordinal, name, shortName: shortNameOf(name), line: 0, items };
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
  it('groups under category headings in corpus order, whatever the pick order, items as paragraphs by default', () => {
    const text = composeMarkdown(categories, [c7.id, b2.id, a3.id, a1.id]);
    assert.equal(
      text,
      [
        '## 一、理论学习方面存在问题',
        '甲一。甲一的其余部分。',
        '甲三。',
        '## 二、政治素质方面存在问题',
        '乙二。第一段。\n\n第二段。',
        '## 三、能力本领方面存在问题',
        '丙七。',
      ].join('\n\n'),
    );
  });

  it('writes the items in the given insert format: numbered restarts under each heading, bullets, bold lead', () => {
    assert.equal(composeMarkdown(categories, [a1.id, a3.id, c7.id], { format: 'numbered' }), '## 一、理论学习方面存在问题\n\n1. 甲一。甲一的其余部分。\n\n2. 甲三。\n\n## 二、能力本领方面存在问题\n\n1. 丙七。');
    assert.equal(composeMarkdown(categories, [c7.id], { format: 'listItem' }), '## 一、能力本领方面存在问题\n\n- 丙七。');
    assert.equal(composeMarkdown(categories, [a1.id], { format: 'heading+paragraph' }), '## 一、理论学习方面存在问题\n\n**甲一**。甲一的其余部分。');
    // A title written as a heading goes below the category heading, whatever the setting says.
    const nested = composeMarkdown(categories, [a1.id], { format: 'heading+paragraph', formatOptions: { titleStyle: 'heading', headingLevel: 2 }, textAbove: '## 一、总体\n\n### （一）其他\n' });
    assert.equal(nested, '#### 1.理论学习方面存在问题\n\n##### 甲一。\n\n甲一的其余部分。');
  });

  it('renumbers category ordinals when categories are skipped, unless told to keep them', () => {
    assert.match(composeMarkdown(categories, [c7.id, a1.id]), /^## 一、理论学习.*\n\n甲一.*\n\n## 二、能力本领方面存在问题\n\n丙七。$/s);
    assert.match(composeMarkdown(categories, [c7.id], { renumberCategories: false, headingLevel: 3 }), /^### 三、能力本领方面存在问题\n\n丙七。$/);
  });

  it('ignores unknown ids and duplicates; nothing chosen gives an empty block', () => {
    assert.deepEqual(groupForCompose(categories, [a1.id, a1.id, 'nope']).map((g) => g.items.map((i) => i.id)), [[a1.id]]);
    assert.equal(composeMarkdown(categories, []), '');
    assert.equal(composeMarkdown(categories, ['nope'], { textAbove: '## 一、理论学习方面\n' }), '');
  });

  it('works on the built-in corpus: 理论学习 11 and 廉洁自律 items in two groups', () => {
    const corpus = builtinCorpus();
    const last = corpus.categories[corpus.categories.length - 1];
    const text = composeMarkdown(corpus.categories, [last.items[0].id, 'builtin/llxx.11']);
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## 一、理论学习方面存在问题', `## 二、${last.name}`]);
    assert.ok(text.includes('\n\n个别班子成员、干部理论学习兴趣不浓'));
  });
});

describe('compose: fitting the document around the cursor', () => {
  const compose = (textAbove: string, ids: string[], options: ComposeOptions = {}) => composeMarkdown(categories, ids, { ...options, textAbove });

  it('an empty document (or one without headings) gets the top-level layout', () => {
    assert.equal(compose('', [a1.id]), '## 一、理论学习方面存在问题\n\n甲一。甲一的其余部分。');
    assert.equal(compose('只有一段正文。\n\n', [a1.id], { headingLevel: 3 }), '### 一、理论学习方面存在问题\n\n甲一。甲一的其余部分。');
  });

  it('under a heading for the category, by full or short name, with or without ordinal: only the items', () => {
    for (const heading of ['## 六、理论学习方面存在问题', '## 理论学习方面', '### （二）理论学习', '# 理论学习方面存在问题', '## **一、理论学习方面：**', '理论学习方面\n------']) {
      assert.equal(compose(`${heading}\n\n`, [a1.id, a3.id]), '甲一。甲一的其余部分。\n\n甲三。', heading);
    }
    // Also under a sub-heading of that section.
    assert.equal(compose('## 六、理论学习方面\n\n### 学习不够深入\n\n', [a3.id]), '甲三。');
    // A numbered insert format continues the list already there.
    assert.equal(compose('## 理论学习\n\n1. 已有。\n\n2. 已有。\n\n', [a1.id], { format: 'numbered' }), '3. 甲一。甲一的其余部分。');
  });

  it('under a different section heading: one level below, numbered by the level (each heading level 1–5)', () => {
    assert.equal(compose('# 对照检查材料\n\n', [a1.id]), '## 一、理论学习方面存在问题\n\n甲一。甲一的其余部分。');
    assert.equal(compose('## 六、整改措施\n\n', [a1.id, c7.id]), '### （一）理论学习方面存在问题\n\n甲一。甲一的其余部分。\n\n### （二）能力本领方面存在问题\n\n丙七。');
    assert.equal(compose('# 报告\n\n## 一、总体\n\n### （一）分项\n\n', [c7.id]), '#### 1.能力本领方面存在问题\n\n丙七。');
    assert.equal(compose('## 一、总体\n\n### （一）分项\n\n#### 1.细项\n\n', [c7.id]), '##### （1）能力本领方面存在问题\n\n丙七。');
    assert.equal(compose('##### 附件\n\n', [c7.id]), '###### 一、能力本领方面存在问题\n\n丙七。');
    // Level 6 cannot nest deeper; the heading stays at 6.
    assert.match(compose('###### 附件\n\n', [c7.id]), /^###### 一、能力本领/);
  });

  it('continues the numbering of the sub-headings already in the section, in their style', () => {
    const doc = '# 对照检查材料\n\n## 一、总体情况\n\n## 二、存在问题\n\n### （一）政治素质方面存在问题\n\n乙。\n\n### （二）理论学习方面存在问题\n\n甲。\n\n';
    // The nearest heading is a category heading below the 一、 sections: the new one is its sibling.
    assert.equal(compose(doc, [c7.id]), '### （三）能力本领方面存在问题\n\n丙七。');
    // A second Compose after a first one: the sections continue (二、), at the first one's level.
    assert.equal(compose('## 一、理论学习方面存在问题\n\n甲一。\n\n', [c7.id]), '## 二、能力本领方面存在问题\n\n丙七。');
    assert.equal(compose('# 报告\n\n## 一、甲\n\n## 二、政治素质方面\n\n乙。\n\n', [c7.id]), '## 三、能力本领方面存在问题\n\n丙七。');
    // Sub-headings without ordinals: none for the new one either.
    assert.equal(compose('# 报告\n\n## 理论学习\n\n甲。\n\n', [c7.id]), '## 能力本领方面存在问题\n\n丙七。');
    // Only headings of the open section count.
    assert.equal(compose('# 报告\n\n## 一、甲\n\n## 二、乙\n\n正文\n\n# 附录\n\n', [c7.id]), '## 一、能力本领方面存在问题\n\n丙七。');
    assert.equal(compose('# 报告\n\n## 一、甲\n\n### 小结\n\n', [c7.id]), '#### （一）能力本领方面存在问题\n\n丙七。');
    // Siblings numbered 1. continue with 3. even where 一、 would be expected.
    assert.equal(compose('# 报告\n\n## 1. 甲\n\n## 2. 政治素质方面\n\n乙。\n\n', [c7.id]), '## 3.能力本领方面存在问题\n\n丙七。');
  });

  it('mixes both: the category the cursor is under gets its items first, the others nested headings', () => {
    assert.equal(compose('# 报告\n\n## 六、能力本领方面\n\n', [a1.id, c7.id]), '丙七。\n\n## 七、理论学习方面存在问题\n\n甲一。甲一的其余部分。');
    assert.equal(compose('## 六、整改措施\n\n### （一）能力本领\n\n', [a1.id, c7.id]), '丙七。\n\n### （二）理论学习方面存在问题\n\n甲一。甲一的其余部分。');
  });

  it('headings in code blocks and front matter are not headings', () => {
    assert.equal(compose('---\ntitle: 报告\n---\n\n```\n## 理论学习\n```\n\n', [a1.id]), '## 一、理论学习方面存在问题\n\n甲一。甲一的其余部分。');
  });
});

describe('compose: sub-categories', () => {
  const p1 = item('p', 1, '父项。');
  const s1 = item('s1', 1, '系统性不强。');
  const s2 = item('s2', 3, '学用脱节。');
  const w1 = item('w', 1, '作风不实。');
  const sub = (id: string, ordinal: string, name: string, items: Item[]): Category => ({ ...category(id, ordinal, name, items), parent: 'p' });
  const tree = [
    category('p', '一', '理论学习方面存在问题', [p1]),
    sub('s1', '一', '学习的系统性', [s1]),
    sub('s2', '二', '学用结合', [s2]),
    category('w', '二', '工作作风方面存在问题', [w1]),
  ];
  const compose = (ids: string[], options: ComposeOptions = {}) => composeMarkdown(tree, ids, options);

  it('groups a sub-category under its parent, which is there even when none of its own items is chosen', () => {
    const groups = groupForCompose(tree, [s2.id, w1.id]);
    assert.deepEqual(
      groups.map((group) => [group.category.id, group.items.length, group.subGroups.map((inner) => inner.category.id)]),
      [['p', 0, ['s2']], ['w', 1, []]],
    );
  });

  it('writes sub-category headings one level below their parent, numbered （一） within it', () => {
    // A drag of the whole category brings its sub-categories: all four items.
    assert.equal(
      compose([w1.id, s2.id, s1.id, p1.id]),
      [
        '## 一、理论学习方面存在问题',
        '父项。',
        '### （一）学习的系统性',
        '系统性不强。',
        '### （二）学用结合',
        '学用脱节。',
        '## 二、工作作风方面存在问题',
        '作风不实。',
      ].join('\n\n'),
    );
    assert.equal(compose([s2.id]), '## 一、理论学习方面存在问题\n\n### （一）学用结合\n\n学用脱节。');
  });

  it('keeps a sub-category\'s own （n） when not renumbering', () => {
    assert.equal(
      compose([s2.id, w1.id], { renumberCategories: false }),
      '## 一、理论学习方面存在问题\n\n### （二）学用结合\n\n学用脱节。\n\n## 二、工作作风方面存在问题\n\n作风不实。',
    );
  });

  it('under the parent\'s own heading: its items, then only the sub-headings, then the other categories', () => {
    assert.equal(
      compose([p1.id, s2.id, w1.id], { textAbove: '# 报告\n\n## 一、理论学习方面存在问题\n\n已有。\n\n' }),
      '父项。\n\n### （一）学用结合\n\n学用脱节。\n\n## 二、工作作风方面存在问题\n\n作风不实。',
    );
    // Sub-headings already there: the new one continues them; the one the cursor is under gets its items.
    assert.equal(
      compose([s1.id, s2.id], { textAbove: '## 一、理论学习方面\n\n### （一）学习的系统性\n\n已有。\n\n' }),
      '系统性不强。\n\n### （二）学用结合\n\n学用脱节。',
    );
    // Under a sub-category's heading, another category is the parent's sibling, not the sub-category's.
    assert.equal(
      compose([w1.id], { textAbove: '## 一、理论学习方面\n\n### （一）学习的系统性\n\n已有。\n\n' }),
      '## 二、工作作风方面存在问题\n\n作风不实。',
    );
  });

  it('under another section: parent and sub-category one and two levels below it, each in its style', () => {
    assert.equal(compose([s1.id], { textAbove: '## 六、整改措施\n\n' }), '### （一）理论学习方面存在问题\n\n#### 1.学习的系统性\n\n系统性不强。');
  });
});

describe('outline: headings and ordinals', () => {
  it('reads Chinese numbers up to 999 and rejects what is not one', () => {
    assert.deepEqual(['一', '六', '十', '十二', '二十', '二十一', '一百', '一百零五', '一百一十', '两'].map(chineseNumberValue), [1, 6, 10, 12, 20, 21, 100, 105, 110, 2]);
    for (const bad of ['', '零', '二二', '百', '十十', '甲']) assert.equal(chineseNumberValue(bad), undefined, bad);
    for (let n = 1; n <= 999; n++) assert.equal(chineseNumberValue(chineseOrdinal(n)), n);
  });

  it('splits ordinals of every style from the heading name', () => {
    assert.deepEqual(splitOrdinal('六、廉洁自律方面'), { style: 'han', value: 6, name: '廉洁自律方面' });
    assert.deepEqual(splitOrdinal('（十二）作风'), { style: 'hanParen', value: 12, name: '作风' });
    assert.deepEqual(splitOrdinal('3. 作风'), { style: 'arabic', value: 3, name: '作风' });
    assert.deepEqual(splitOrdinal('(4)作风'), { style: 'arabicParen', value: 4, name: '作风' });
    assert.deepEqual(splitOrdinal('作风建设'), { style: 'none', name: '作风建设' });
  });

  it('keeps only the sections the end of the text is inside', () => {
    const chain = openSections(headingsIn('# A\n\n## 一、B\n\n### （一）C\n\n## 二、D\n\ntext\n'));
    assert.deepEqual(chain.map((heading) => heading.name), ['A', 'D']);
    assert.equal(headingNamesCategory({ name: '理论学习方面' }, categories[0]), true);
    assert.equal(headingNamesCategory({ name: '理论' }, categories[0]), false);
    assert.equal(headingNamesCategory({ name: '政治素质方面' }, categories[0]), false);
    assert.equal(headingNamesCategory({ name: '理论学习方面存在问题：' }, categories[0]), true);
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

  it('gives the padding apart, so the cursor can go after the block and before its trailing line breaks', () => {
    assert.deepEqual(padding({ before: '', after: '', previousLine: '', nextLine: '下文' }), { lead: '', trail: '\n' });
    assert.deepEqual(padding({ before: '前', after: '后' }), { lead: '\n\n', trail: '\n\n' });
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
