// Issue 8, the core's text handling: each reproduction from the report, as a test that failed before.
// Freeze cases check results, plus a bound of many seconds that only a quadratic pass can exceed
// (their timings are measured by `npm run bench:hostile`, not asserted here).
import * as assert from 'node:assert/strict';
import { assignCorpusIds } from '../../src/core/corpusIds';
import { importOutline } from '../../src/core/importer';
import { allItems } from '../../src/core/model';
import { parseCorpus } from '../../src/core/parse';
import { serializeCorpus } from '../../src/core/serialize';
import { newCorpusText } from '../../src/core/template';
import { trimAll } from '../../src/core/text';

/**
 * Far above the milliseconds these take, far below the minutes the quadratic versions took. CPU time, not
 * wall time: a busy machine stretches the wall clock by the number of processes sharing its cores.
 */
const GENEROUS_CPU_MS = 10_000;

function quickly<T>(run: () => T): T {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < GENEROUS_CPU_MS, `took ${ms} ms of CPU`);
  return result;
}

const codes = (problems: { line: number; code: string }[]) => problems.map((problem) => [problem.line, problem.code]);
const itemTexts = (text: string) => allItems(parseCorpus(text).corpus).map((item) => item.text);

describe('hostile input: no freezes', function () {
  this.timeout(60_000);

  it('reads a heading with 200,000 spaces inside', () => {
    const { corpus } = quickly(() => parseCorpus(`## 一、a${' '.repeat(200_000)}b\n\n1. 文本。\n`));
    assert.equal(corpus.categories[0].name, `a${' '.repeat(200_000)}b`);
  });

  it('reads front matter with 200,000 spaces in a value and before the colon', () => {
    const { corpus } = quickly(() => parseCorpus(`---\ntitle: a${' '.repeat(200_000)}b\nid${' '.repeat(200_000)}x\n---\n`));
    assert.equal(corpus.title, `a${' '.repeat(200_000)}b`);
  });

  it('imports outline lines with 100,000 spaces and 65,000 ideographic spaces', () => {
    const spaces = quickly(() => importOutline(`一、甲\n1. a${' '.repeat(100_000)}b\n`, { id: 'x' }));
    assert.equal(allItems(spaces.corpus)[0].text, `a${' '.repeat(100_000)}b`);
    const ideographic = quickly(() => importOutline(`一、甲\n1. a${'\u3000'.repeat(65_000)}b${'\u3000'.repeat(65_000)}\n`, { id: 'x' }));
    assert.equal(allItems(ideographic.corpus)[0].text, `a${'\u3000'.repeat(65_000)}b`);
    assert.equal(quickly(() => trimAll(` a${' '.repeat(100_000)}b `)), `a${' '.repeat(100_000)}b`);
  });

  it('splits 50,000 run-on items out of one line without rescanning it', () => {
    const line = Array.from({ length: 50_000 }, (_, index) => `${index + 1}.第${index + 1}条。`).join('');
    const { corpus } = quickly(() => importOutline(`一、甲\n${line}\n`, { id: 'x' }));
    assert.equal(allItems(corpus).length, 50_000);
    assert.equal(allItems(corpus)[49_999].text, '第50000条。');
  });

  it('loads 40,000 categories of one name (1 MB) with distinct ids', () => {
    const { corpus } = quickly(() => parseCorpus('## 一、类\n1. 正文。\n'.repeat(40_000)));
    assert.equal(corpus.categories.length, 40_000);
    assert.equal(new Set(corpus.categories.map((category) => category.id)).size, 40_000);
    assert.deepEqual(corpus.categories.slice(0, 3).map((category) => category.id), ['l', 'l2', 'l3']);
  });

  it('gives 20,000 corpus files that declare one id distinct ids', () => {
    const entries = Array.from({ length: 20_000 }, (_, index) => ({
      key: `file:///c/${String(index).padStart(5, '0')}.md`,
      corpus: { id: 'team', title: 'team', categories: [] },
      value: index,
    }));
    const ids = quickly(() => assignCorpusIds(entries, ['builtin']).map((entry) => entry.corpus.id));
    assert.equal(new Set(ids).size, 20_000);
    assert.deepEqual(ids.slice(0, 3), ['team', 'team-2', 'team-3']);
  });

  it('reads an item of 200,000 blank lines and one of 200,000 run-on items without overflowing the stack', () => {
    const { corpus } = quickly(() => parseCorpus(`## 甲\n\n1. 甲。${'\n'.repeat(200_000)}   乙。\n`));
    assert.equal(allItems(corpus)[0].text, `甲。${'\n'.repeat(200_000)}乙。`);
    const line = Array.from({ length: 200_000 }, (_, index) => `${index + 1}.条。`).join('');
    assert.equal(allItems(quickly(() => importOutline(`一、甲\n${line}\n`, { id: 'x' })).corpus).length, 200_000);
  });

  it('keeps the id of a 1 MB heading short (its pinyin is not computed whole)', () => {
    const { corpus } = quickly(() => parseCorpus(`## 一、${'甲'.repeat(1_000_000)}\n\n1. 文本。\n`));
    assert.equal(corpus.categories[0].name.length, 1_000_000);
    assert.ok(corpus.categories[0].id.length <= 64, `id of ${corpus.categories[0].id.length} characters`);
  });
});

describe('hostile input: no silent loss or change of text', () => {
  it('imports comment markers, then loads the written corpus with the same three items', () => {
    const outline = '一、分类\n1. 使用<!--标记的正文。\n2. 箭头-->右边的正文。\n3. 第三条。\n';
    const imported = importOutline(outline, { id: 'x' }).corpus;
    const { corpus, problems } = parseCorpus(serializeCorpus(imported));
    assert.deepEqual(problems, []);
    assert.deepEqual(allItems(corpus).map((item) => item.text), ['使用<!--标记的正文。', '箭头-->右边的正文。', '第三条。']);
  });

  it('round-trips a whole comment, U+2028 and U+2029 in item text, names and titles', () => {
    const imported = importOutline('一、分类<!--名-->\u2028甲\n1. 甲<!-- 注 -->乙\u2028丙\u2029丁。\n', { id: 'x', title: '标\u2028题\u2029' }).corpus;
    const { corpus, problems } = parseCorpus(serializeCorpus(imported));
    assert.deepEqual(problems, []);
    assert.equal(corpus.title, '标\u2028题\u2029');
    assert.equal(corpus.categories[0].name, '分类<!--名-->\u2028甲');
    assert.equal(allItems(corpus)[0].text, '甲<!-- 注 -->乙\u2028丙\u2029丁。');
  });

  it('imports items numbered 1000 and up, and circled numbers past ⑳', () => {
    const outline = `一、甲\n${Array.from({ length: 1200 }, (_, index) => `${index + 1}. 第${index + 1}条。`).join('\n')}\n`;
    const { corpus, problems } = importOutline(outline, { id: 'x' });
    assert.deepEqual(problems, []);
    assert.equal(allItems(corpus).length, 1200);
    assert.equal(allItems(corpus)[1199].text, '第1200条。');
    const circled = importOutline('一、甲\n⑳二十。\n㉑二十一。\n㉟三十五。\n㊱三十六。\n㊿五十。\n', { id: 'x' });
    assert.deepEqual(allItems(circled.corpus).map((item) => item.number), [20, 21, 35, 36, 50]);
  });

  it('warns when a number past 999 out of sequence is joined to the item above', () => {
    const { corpus, problems } = importOutline('一、甲\n1. 第一。\n2024. 不是第二条。\n', { id: 'x' });
    assert.deepEqual(codes(problems), [[3, 'joinedToItem']]);
    assert.equal(allItems(corpus)[0].text, '第一。\n\n2024. 不是第二条。');
  });

  it('warns about a # title the front matter already gives', () => {
    const { corpus, problems } = parseCorpus('---\ntitle: 前置标题\n---\n# 标题\n\n## 甲\n\n1. 文本。\n');
    assert.equal(corpus.title, '前置标题');
    assert.deepEqual(codes(problems), [[4, 'textOutsideItem']]);
  });

  it('warns about a heading behind a BOM under an item, and keeps a U+2028 line in the item', () => {
    const { corpus, problems } = parseCorpus('## 甲\n\n1. 文本。\n\ufeff## 二、乙\n丙\u2028丁\n');
    assert.deepEqual(codes(problems), [[4, 'joinedToItem']]);
    assert.equal(allItems(corpus)[0].text, '文本。\n\ufeff## 二、乙\n丙\u2028丁');
  });

  it('does not let a later --- close front matter that lost its own', () => {
    const { corpus, problems } = parseCorpus('---\nid: x\n\n## 一、甲\n\n1. 文本。\n\n## 二、乙\n\n1. 文本。\n\n---\n');
    assert.equal(corpus.id, 'x');
    assert.deepEqual(corpus.categories.map((category) => category.name), ['甲', '乙']);
    assert.deepEqual(codes(problems), [[1, 'badFrontMatter'], [12, 'textOutsideItem']]);
  });

  it('round-trips `## 一、C # #` without drifting', () => {
    const once = parseCorpus('## 一、C # #\n\n1. 文本。\n').corpus;
    const twice = parseCorpus(serializeCorpus(once)).corpus;
    const thrice = parseCorpus(serializeCorpus(twice)).corpus;
    assert.deepEqual([once, twice, thrice].map((corpus) => corpus.categories[0].name), ['C #', 'C #', 'C #']);
  });

  it('does not read numbers above 2^53 as items (Markdown stops at nine digits) and says so', () => {
    const { corpus, problems } = parseCorpus('## 甲\n\n9007199254740993. 甲\n\n9007199254740992. 乙\n\n999999999. 丙\n');
    assert.deepEqual(allItems(corpus).map((item) => item.id), ['corpus/j.999999999']);
    assert.deepEqual(codes(problems), [[3, 'textOutsideItem'], [5, 'textOutsideItem']]);
  });
});

describe('corpus files read the way Markdown reads them', () => {
  it('leaves a paragraph indented less than the marker width outside the item, and says so', () => {
    const { problems } = parseCorpus('## 甲\n\n1. 甲。\n\n  乙。\n');
    assert.deepEqual(itemTexts('## 甲\n\n1. 甲。\n\n  乙。\n'), ['甲。']);
    assert.deepEqual(codes(problems), [[5, 'textOutsideItem']]);
    assert.deepEqual(itemTexts('## 甲\n\n1. 甲。\n\n   乙。\n'), ['甲。\n\n乙。']);
  });

  it('ends an item at a column-0 block right under it and reports the block', () => {
    const sub = parseCorpus('## 甲\n\n1. 甲。\n### 小节\n');
    assert.equal(allItems(sub.corpus)[0].text, '甲。');
    assert.deepEqual(sub.corpus.categories.map((category) => [category.name, category.parent]), [['甲', undefined], ['小节', 'j']]);
    for (const block of ['#### 小节', '- 要点', '> 引文', '---']) {
      const { corpus, problems } = parseCorpus(`## 甲\n\n1. 甲。\n${block}\n`);
      assert.equal(allItems(corpus)[0].text, '甲。', block);
      assert.deepEqual(codes(problems), [[4, 'textOutsideItem']], block);
    }
    const { problems } = parseCorpus('## 甲\n\n1. 甲。\n<!-- 注 -->\n   乙。\n');
    assert.deepEqual(codes(problems), [[5, 'textOutsideItem']]);
  });

  it('makes no category of a fenced code block holding ## and 1. lines', () => {
    const { corpus, problems } = parseCorpus('## 甲\n\n1. 甲。\n\n```\n## 二、假\n1. 假\n```\n\n2. 乙。\n');
    assert.deepEqual(corpus.categories.map((category) => category.name), ['甲']);
    assert.deepEqual(allItems(corpus).map((item) => item.text), ['甲。', '乙。']);
    assert.deepEqual(codes(problems), [[5, 'textOutsideItem'], [6, 'textOutsideItem'], [7, 'textOutsideItem'], [8, 'textOutsideItem']]);
  });

  it('does not let `<!--` in inline code hide the rest of the file', () => {
    assert.deepEqual(itemTexts('## 甲\n\n1. 用 `<!--` 标记。\n\n2. 乙 -->。\n\n3. 丙。\n'), ['用 `<!--` 标记。', '乙 -->。', '丙。']);
  });

  it('reads indented markers as items, and setext and indented headings as categories', () => {
    assert.deepEqual(itemTexts('## 甲\n\n1. 甲。\n  2. 乙。\n'), ['甲。', '乙。']);
    const { corpus } = parseCorpus('## 一、甲\n\n1. 甲。\n\n二、政治素质\n---\n\n2. 乙。\n\n  ## 三、丙\n\n3. 丙。\n');
    assert.deepEqual(corpus.categories.map((category) => [category.name, category.items.map((item) => item.number)]), [
      ['甲', [1]],
      ['政治素质', [2]],
      ['丙', [3]],
    ]);
  });

  it('reports lenient markers Markdown does not accept instead of making structure of them', () => {
    const { corpus, problems } = parseCorpus('## 一、甲\n\n1. 甲。\n\n##　二、乙\n\n2． 乙。\n');
    assert.deepEqual(corpus.categories.map((category) => category.name), ['甲']);
    assert.deepEqual(codes(problems), [[5, 'textOutsideItem'], [7, 'textOutsideItem']]);
    assert.deepEqual(codes(parseCorpus('## 甲\n\n1. 甲。\n2． 乙。\n').problems), [[4, 'joinedToItem']]);
  });

  it('has a New Corpus template whose instructions produce what they describe', () => {
    for (const commentLanguage of ['zh', 'en'] as const) {
      const text = newCorpusText({ id: 'x', title: 'X', commentLanguage });
      // The example sits inside the comment; moved out of it, it gives the items it describes.
      const { corpus, problems } = parseCorpus(text.replace(/\n-->\n$/, '\n').replace(/^<!--$/m, '').replace(/^ {2}(?! ).*$/gm, ''));
      assert.deepEqual(problems, []);
      assert.equal(corpus.categories[1].items[1].text, '运用党的创新理论指导实践的能力还有待提高。\n\n第二段示例：缩进的段落属于同一条素材。');
      // The comment says how far to indent; the example does exactly that, and that is what Markdown needs.
      const example = text.split('\n').find((line) => line.includes('第二段示例'))!;
      assert.match(text, commentLanguage === 'zh' ? /缩进三个空格/ : /three spaces/);
      assert.equal(example.length - example.trimStart().length, 3);
    }
  });
});
