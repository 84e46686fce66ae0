// The importer on outlines shaped like the ones writers copy from web pages and PDFs (对照检查材料,
// 述职报告, 工作总结, 整改方案; test/fixtures/import/): the hierarchy each one uses, and nothing lost —
// every non-blank piece of the source ends up in an item, a name, the title or a comment of the file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importOutline, proposedImportTitle, type ImportResult } from '../../src/core/importer';
import { allItems, type Corpus } from '../../src/core/model';
import { parseCorpus } from '../../src/core/parse';
import { serializeCorpus } from '../../src/core/serialize';
import { ROOT } from './helpers';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const imported = (name: string) => importOutline(read(name), { id: 'x' });

/** The tree as a writer sees it: `一、name` / `  （一）name`, each with its item numbers. */
function outline(corpus: Corpus): string[] {
  return corpus.categories.map((category) => {
    const heading = category.parent ? `  （${category.ordinal}）${category.name}` : `${category.ordinal}、${category.name}`;
    return `${heading}: ${category.items.map((item) => item.number).join(',')}`;
  });
}

const squeeze = (text: string) => text.replace(/[\s\u3000\u00a0\ufeff]/g, '');
/** Markers the importer turns into structure (numbers, ordinals); everything between them must survive. */
const MARKERS =
  /^[（(]?[零〇一二两三四五六七八九十百]+[）)、．.]|[（(]\d+[）)]|\d+[.．、](?!\d)|第[一二三四五六七八九十]+[，、：]|[一二三四五六七八九十]+是|[①-⑳]/g;

/** Per non-blank source line: placed (item, name, title), kept as a comment, or dropped. */
function whereLinesWent(source: string, result: ImportResult): { placed: number; comment: number; dropped: string[] } {
  const { corpus, comments } = result;
  const kept = squeeze([corpus.title, ...corpus.categories.map((category) => category.name), ...allItems(corpus).map((item) => item.text)].join('\n'));
  const commented = squeeze(comments.map((comment) => comment.text).join('\n'));
  const file = squeeze(serializeCorpus(corpus, comments));
  const tally = { placed: 0, comment: 0, dropped: [] as string[] };
  for (const line of source.split(/\r?\n/)) {
    if (squeeze(line) === '') continue;
    const pieces = squeeze(line).split(MARKERS).filter((piece) => piece !== '');
    if (pieces.every((piece) => kept.includes(piece))) tally.placed++;
    else if (pieces.every((piece) => commented.includes(piece))) tally.comment++;
    else tally.dropped.push(line);
    // And the file holds it, whatever the model says.
    for (const piece of pieces) assert.ok(file.includes(piece), `${piece} is not in the corpus file`);
  }
  return tally;
}

const EXPECTED: Record<string, { title: string; outline: string[]; comments: number; problems: [number, string][] }> = {
  'dzjc-banzi.txt': {
    title: '2026年度党员领导干部民主生活会个人对照检查材料',
    outline: ['一、存在的主要问题: ', '  （一）理论学习方面: 1,2', '  （二）担当作为方面: 1,2', '  （三）工作作风方面: 1', '二、问题产生的原因: 1,2', '三、下一步整改措施: 1,2,3'],
    comments: 2,
    problems: [[3, 'importPreamble'], [24, 'importClosing']],
  },
  'shuzhi-baogao.txt': {
    title: '述职述廉报告',
    outline: [
      '一、加强学习，不断提升政治素质: 1,2,3,4',
      '二、履职尽责，推动各项工作落实: 1,2,3',
      '三、严守纪律，始终保持清正廉洁: 1,2',
      '四、存在的不足和今后努力方向: 1,2,3,4,5',
    ],
    comments: 2,
    problems: [[2, 'importPreamble'], [4, 'importPreamble'], [22, 'importClosing'], [23, 'importClosing'], [24, 'importClosing']],
  },
  'gongzuo-zongjie-pdf.txt': {
    title: 'XX局2026年工作总结',
    outline: ['一、主要工作成效: 1,2,3', '二、存在的问题和不足: 1', '  （二）工作作风仍需改进: 1,2', '三、2027年工作打算: 1,2,3'],
    comments: 1,
    problems: [[2, 'importPreamble']],
  },
  'zhenggai-fangan.txt': {
    title: '关于巡察反馈问题整改工作方案',
    outline: [
      '一、总体要求: 1',
      '二、整改任务: ',
      '  （一）关于贯彻落实上级决策部署不够到位的问题: 1,2',
      '  （二）关于全面从严治党责任落实不够有力的问题: 1,2',
      '  （三）关于选人用人工作不够规范的问题: 1',
      '三、保障措施: 1,2,3',
    ],
    comments: 2,
    problems: [[2, 'importPreamble'], [25, 'importClosing']],
  },
  'dzjc-web.txt': {
    title: '组织生活会个人对照检查材料',
    outline: [
      '一、存在的问题: ',
      '  （一）在学习贯彻党的创新理论方面: 1,2,3,4',
      '  （二）在提高政治能力方面: 1',
      '  （三）在践行宗旨方面: 1,2',
      '  （四）在发挥党员作用方面: 1',
      '  （五）在廉洁自律方面: 1',
      '二、整改措施: 1,2,3',
    ],
    comments: 2,
    problems: [[3, 'importPreamble'], [37, 'importClosing']],
  },
  'dzjc-zhuanti.txt': {
    title: '专题民主生活会对照检查材料',
    outline: ['一、政治建设方面: 1,2', '二、思想建设方面: 1,2', '三、作风建设方面: 1,2'],
    comments: 1,
    problems: [[12, 'importClosing']],
  },
};

describe('importOutline on realistic outlines (test/fixtures/import)', () => {
  it('has the six fixtures, and only those', () => {
    assert.deepEqual(fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.txt')).sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: title, the 一、/（一） hierarchy, items, comments and the problems that explain them`, () => {
      const result = imported(name);
      assert.equal(result.corpus.title, expected.title);
      assert.deepEqual(outline(result.corpus), expected.outline);
      assert.equal(result.comments.length, expected.comments);
      assert.deepEqual(result.problems.map((p) => [p.line, p.code]), expected.problems);
    });

    it(`${name}: every non-blank piece of the source is in the corpus file; the file reads back with no error`, () => {
      const result = imported(name);
      const tally = whereLinesWent(read(name), result);
      assert.deepEqual(tally.dropped, []);
      const text = serializeCorpus(result.corpus, result.comments);
      const again = parseCorpus(text);
      assert.deepEqual(again.problems.filter((p) => p.severity === 'error'), []);
      assert.deepEqual(outline(again.corpus), outline(result.corpus));
      assert.deepEqual(allItems(again.corpus).map((item) => item.id), allItems(result.corpus).map((item) => item.id));
    });
  }

  it('places the lines of all six as items or comments and drops none (the figures)', () => {
    const total = { placed: 0, comment: 0, dropped: 0 };
    for (const name of Object.keys(EXPECTED)) {
      const tally = whereLinesWent(read(name), imported(name));
      total.placed += tally.placed;
      total.comment += tally.comment;
      total.dropped += tally.dropped.length;
    }
    console.log(`      non-blank source lines: ${total.placed} placed as items/names/title, ${total.comment} kept as comments, ${total.dropped} dropped`);
    assert.equal(total.dropped, 0);
    assert.ok(total.placed > total.comment * 4, JSON.stringify(total));
  });
});

describe('importOutline: the rules, one by one', () => {
  const items = (text: string) => allItems(importOutline(text, { id: 't' }).corpus).map((item) => item.text);

  it('makes （一） a sub-category when the text also uses 一、, and a category when it does not', () => {
    const both = importOutline('一、问题\n（一）学习方面\n1.甲。\n（二）作风方面\n1.乙。', { id: 't' }).corpus;
    assert.deepEqual(both.categories.map((c) => [c.name, c.parent]), [['问题', undefined], ['学习方面', 'wt'], ['作风方面', 'wt']]);
    const only = importOutline('（一）学习方面\n1.甲。\n（二）作风方面\n1.乙。', { id: 't' }).corpus;
    assert.deepEqual(only.categories.map((c) => [c.name, c.parent]), [['学习方面', undefined], ['作风方面', undefined]]);
  });

  it('splits 一是……；二是……；三是…… run on in one line, and after a lead-in', () => {
    assert.deepEqual(items('一、甲\n一是学习不够；二是作风不实；三是担当不足。'), ['学习不够；', '作风不实；', '担当不足。']);
    assert.deepEqual(items('一、甲\n主要表现在：一是学习不够；二是作风不实。'), ['主要表现在：', '学习不够；', '作风不实。']);
    // 统一是 is a word, not a marker: no sentence or clause ends before it.
    assert.deepEqual(items('一、甲\n思想统一是前提。'), ['思想统一是前提。']);
  });

  it('takes a 二是 line as an item of its own, not as a paragraph of item 1', () => {
    assert.deepEqual(items('一、甲\n1.第一条。\n二是第二条。'), ['第一条。', '第二条。']);
  });

  it('keeps （1） sub-points in their item, on their own lines or run on', () => {
    assert.deepEqual(items('一、甲\n1、第一条。\n（1）分点一；\n（2）分点二。\n2、第二条。'), ['第一条。\n\n（1）分点一；\n\n（2）分点二。', '第二条。']);
    assert.deepEqual(items('一、甲\n1、第一条：（1）分点一；（2）分点二。'), ['第一条：（1）分点一；（2）分点二。']);
  });

  it('joins lines hard-wrapped mid-sentence, not a line after a complete sentence', () => {
    assert.deepEqual(items('一、甲\n1.全年完成投资，\n同比增长8.2%。\n2.乙。'), ['全年完成投资，同比增长8.2%。', '乙。']);
    assert.deepEqual(items('一、甲\n1.第一段。\n第二段。'), ['第一段。\n\n第二段。']);
  });

  it('takes prose under a heading as items, one per paragraph', () => {
    assert.deepEqual(items('一、甲\n第一段话。\n第二段话。'), ['第一段话。', '第二段话。']);
  });

  it('renumbers a number used twice and says so instead of skipping the item', () => {
    const { corpus, problems } = importOutline('一、甲\n1.一。\n1.重复。', { id: 't' });
    assert.deepEqual(allItems(corpus).map((item) => [item.number, item.text]), [[1, '一。'], [2, '重复。']]);
    assert.deepEqual(problems.map((p) => [p.line, p.code]), [[3, 'importRenumbered']]);
    assert.match(problems[0].message, /Item number 1 \("重复。"\) is used twice in "甲"; imported as item 2/);
  });

  it('takes the title line as the title also when it is given as the title (Import proposes it), else keeps it as a comment', () => {
    const confirmed = importOutline('述职报告\n一、甲\n1.一。', { id: 't', title: '述职报告' });
    assert.deepEqual([confirmed.corpus.title, confirmed.comments, confirmed.problems], ['述职报告', [], []]);
    const other = importOutline('述职报告\n一、甲\n1.一。', { id: 't', title: '我的' });
    assert.deepEqual([other.corpus.title, other.comments, other.problems.map((p) => p.code)], ['我的', [{ text: '述职报告' }], ['importPreamble']]);
  });

  it('makes a sentence-style （二） after sub-categories a sub-category, keeping the outline\'s order and numbering', () => {
    const source = '一、问题\n（一）学习\n1.甲。\n（二）宗旨意识有所淡化。与群众联系不够紧密。\n（三）作风\n1.丙。';
    const { corpus, comments, problems } = importOutline(source, { id: 't' });
    assert.deepEqual(outline(corpus), ['一、问题: ', '  （一）学习: 1', '  （二）宗旨意识有所淡化: 1', '  （三）作风: 1']);
    assert.deepEqual(allItems(corpus).map((item) => item.text), ['甲。', '与群众联系不够紧密。', '丙。']);
    assert.deepEqual(problems, []);
    // The file keeps that order too.
    const again = parseCorpus(serializeCorpus(corpus, comments)).corpus;
    assert.deepEqual(outline(again), outline(corpus));
    // One sentence only: named by its first clause; a single clause is both name and item.
    const short = importOutline('一、问题\n（一）学习\n1.甲。\n（二）宗旨淡化，联系群众不够。\n（三）作风不实。', { id: 't' }).corpus;
    assert.deepEqual(outline(short), ['一、问题: ', '  （一）学习: 1', '  （二）宗旨淡化: 1', '  （三）作风不实: 1']);
    assert.deepEqual(allItems(short).map((item) => item.text), ['甲。', '联系群众不够。', '作风不实。']);
    // Before any sub-category it is still a point of the section, numbered by its ordinal.
    assert.deepEqual(outline(importOutline('一、问题\n（一）宗旨意识有所淡化。\n（二）作风\n1.丙。', { id: 't' }).corpus), ['一、问题: 1', '  （二）作风: 1']);
  });

  it('proposes the title the import takes, without importing', () => {
    for (const name of Object.keys(EXPECTED)) {
      assert.equal(proposedImportTitle(read(name)), EXPECTED[name].title, name);
    }
    for (const text of ['述职报告\n一、甲\n1.一。', '一、甲\n1.一。', '述职报告', '1.甲。\n2.乙。', '这是一句话。\n一、甲', '']) {
      const imported = importOutline(text, { id: '\u0000' }).corpus.title;
      assert.equal(proposedImportTitle(text), imported === '\u0000' ? undefined : imported, text);
    }
  });

  it('keeps a preamble as a comment, and a closing at the end, escaping a comment closer in them', () => {
    const source = '标题\n说明 --> 不是注释结束。\n一、甲\n1.一。\n以上报告，请审阅 -->。';
    const { corpus, comments, problems } = importOutline(source, { id: 't' });
    assert.equal(corpus.title, '标题');
    const text = serializeCorpus(corpus, comments);
    assert.match(text, /<!--\n说明 --\\> 不是注释结束。\n-->/);
    const again = parseCorpus(text);
    assert.deepEqual(again.problems, []);
    assert.deepEqual(allItems(again.corpus).map((item) => item.text), ['一。']);
    assert.deepEqual(comments.map((comment) => comment.text), ['说明 --> 不是注释结束。', '以上报告，请审阅 -->。']);
    assert.deepEqual(problems.map((p) => [p.line, p.code]), [[2, 'importPreamble'], [5, 'importClosing']]);
  });
});
