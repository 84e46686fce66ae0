import * as assert from 'node:assert/strict';
import { importOutline } from '../../src/core/importer';
import { allItems } from '../../src/core/model';
import { seedText } from './helpers';

const options = { id: 't' };
const texts = (source: string) => allItems(importOutline(source, options).corpus).map((item) => item.text);
const numbers = (source: string) => allItems(importOutline(source, options).corpus).map((item) => item.number);

describe('importOutline on the seed', () => {
  const { corpus, problems } = importOutline(seedText(), { id: 'builtin' });
  const seedLines = seedText().split('\n');

  it('finds the six categories and 61 items with nothing left over', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(
      corpus.categories.map((category) => [category.shortName, category.items.length]),
      [['理论学习', 12], ['政治素质', 6], ['能力本领', 15], ['担当作为', 8], ['工作作风', 13], ['廉洁自律', 7]],
    );
  });

  it('splits item 12 of 理论学习 out of item 11\'s line', () => {
    const [eleven, twelve] = corpus.categories[0].items.slice(10);
    assert.equal(eleven.number, 11);
    assert.ok(eleven.text.endsWith('转化为干事创业的实际本领，等等。'));
    assert.equal(twelve.number, 12);
    assert.ok(twelve.text.startsWith('有的党员、干部理论学习兴趣不浓'));
    assert.ok(seedLines.some((line) => line === `11.${eleven.text}12.${twelve.text}`));
  });

  it('reads the full-width ３． of 工作作风 as item 3 and keeps the gap 11 → 15 of 能力本领', () => {
    assert.deepEqual(corpus.categories[4].items.slice(0, 4).map((item) => item.number), [1, 2, 3, 4]);
    assert.deepEqual(corpus.categories[2].items.map((item) => item.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 18]);
  });

  it('keeps every text character for character, the truncated 工作作风 10 included', () => {
    for (const item of allItems(corpus)) assert.ok(seedText().includes(item.text), item.id);
    const truncated = corpus.categories[4].items.find((item) => item.number === 10)!;
    assert.ok(truncated.text.endsWith('怠政、懒政和庸政等现象，'));
  });

  it('takes 担当作为方面 as a category although its heading lacks 存在问题', () => {
    assert.equal(corpus.categories[3].name, '担当作为方面');
    assert.equal(corpus.categories[3].id, 'ddzw');
  });
});

describe('importOutline edge cases', () => {
  it('accepts every item marker: 1. 1． 1、 （1） (1) ①', () => {
    const text = '一、甲\n1.第一。\n2．第二。\n3、第三。\n（4）第四。\n(5)第五。\n⑥第六。';
    assert.deepEqual(texts(text), ['第一。', '第二。', '第三。', '第四。', '第五。', '第六。']);
    assert.deepEqual(numbers(text), [1, 2, 3, 4, 5, 6]);
  });

  it('accepts （一） and 一、 category markers and keeps their ordinals', () => {
    const { corpus } = importOutline('（一）学习方面\n1.甲。\n二、作风方面存在问题\n1.乙。', options);
    assert.deepEqual(corpus.categories.map((category) => [category.ordinal, category.name, category.shortName]), [
      ['一', '学习方面', '学习'],
      ['二', '作风方面存在问题', '作风'],
    ]);
  });

  it('strips a BOM, CRLF, blank lines and full-width or no-break spaces', () => {
    const text = '\ufeff一、甲\r\n\r\n\u3000\u30001.  第一。\u3000\r\n\u00a02．第二。 \r\n\r\n';
    assert.deepEqual(texts(text), ['第一。', '第二。']);
  });

  it('splits run-on items only when the number after a sentence end is the next one', () => {
    assert.deepEqual(texts('一、甲\n1.第一。2.第二！3.第三'), ['第一。', '第二！', '第三']);
    // 2.5 is a number, not a marker; 5. after 1 is not the expected next item.
    assert.deepEqual(texts('一、甲\n1.增长了。2.5倍的指标。5.不是条目'), ['增长了。2.5倍的指标。5.不是条目']);
  });

  it('keeps a line without a marker as a further paragraph of the open item', () => {
    assert.deepEqual(texts('一、甲\n1.第一段。\n第二段。\n2.乙。'), ['第一段。\n\n第二段。', '乙。']);
  });

  it('starts the text on the next line when an item marker stands alone', () => {
    assert.deepEqual(texts('一、甲\n1.\n内容。\n第二段。\n（2）\n乙。'), ['内容。\n\n第二段。', '乙。']);
  });

  it('uses a leading title line as the title, and takes unnumbered text under a heading as an item after the numbered ones', () => {
    const { corpus, problems } = importOutline('述职报告素材\n一、甲\n前言没有编号\n1.第一。\n2.第二。', options);
    assert.equal(corpus.title, '述职报告素材');
    assert.deepEqual(problems, []);
    assert.deepEqual(allItems(corpus).map((item) => [item.number, item.text]), [[3, '前言没有编号'], [1, '第一。'], [2, '第二。']]);
  });

  it('keeps items before any category as a comment and reports them instead of dropping them silently', () => {
    const { problems, comments } = importOutline('标题\n1.无类别。\n一、甲\n1.有类别。', options);
    assert.deepEqual(problems.map((p) => [p.line, p.code]), [[2, 'unplacedText']]);
    assert.deepEqual(comments, [{ text: '1.无类别。' }]);
  });

  it('reports an empty category, and renumbers a duplicate number instead of dropping the item', () => {
    const { corpus, problems } = importOutline('一、甲\n二、乙\n1.一。\n1.重复。', options);
    assert.deepEqual(problems.map((p) => [p.line, p.code]).sort(), [[1, 'emptyCategory'], [4, 'importRenumbered']]);
    assert.deepEqual(corpus.categories[1].items.map((item) => [item.number, item.text]), [[1, '一。'], [2, '重复。']]);
  });

  it('gives clashing category short names distinct ids', () => {
    const { corpus } = importOutline('一、学习方面\n1.甲。\n二、学习方面存在问题\n1.乙。', options);
    assert.deepEqual(corpus.categories.map((category) => category.id), ['xx', 'xx2']);
    assert.deepEqual(allItems(corpus).map((item) => item.id), ['t/xx.1', 't/xx2.1']);
  });

  it('never gives a suffixed id that another category has as its own', () => {
    const { corpus } = importOutline('一、学习方面\n1.甲。\n二、学习方面存在问题\n1.乙。\n三、XX2\n1.丙。', options);
    assert.deepEqual(corpus.categories.map((category) => category.id), ['xx', 'xx3', 'xx2']);
  });
});
