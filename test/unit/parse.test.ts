import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { corpusFromJson, corpusToJson } from '../../src/core/corpusJson';
import { importOutline } from '../../src/core/importer';
import { allItems } from '../../src/core/model';
import { parseCorpus } from '../../src/core/parse';
import { serializeCorpus } from '../../src/core/serialize';
import { BUILTIN, builtinCorpus, seedText } from './helpers';

describe('parseCorpus', () => {
  it('reads front matter, categories and items with ids, titles and lines', () => {
    const text = '---\nid: team\ntitle: 团队素材\nlanguage: zh-CN\n---\n\n## 一、理论学习方面存在问题\n\n3. 学用脱节。后文\n';
    const { corpus, problems } = parseCorpus(text);
    assert.deepEqual(problems, []);
    assert.equal(corpus.id, 'team');
    assert.equal(corpus.title, '团队素材');
    assert.equal(corpus.language, 'zh-CN');
    const [item] = allItems(corpus);
    assert.deepEqual(
      { id: item.id, number: item.number, title: item.title, text: item.text, line: item.line },
      { id: 'team/llxx.3', number: 3, title: '学用脱节。', text: '学用脱节。后文', line: 9 },
    );
    assert.equal(corpus.categories[0].line, 7);
  });

  it('takes a title ending at the first 。！？； and the whole text when there is none', () => {
    const { corpus } = parseCorpus('## 甲\n\n1. 有问题；还有。\n\n2. 没有句号，\n');
    assert.deepEqual(allItems(corpus).map((item) => item.title), ['有问题；', '没有句号，']);
  });

  it('joins indented continuation lines and keeps paragraphs', () => {
    const { corpus, problems } = parseCorpus('## 甲\n\n1. 第一行\n   第二行\n\n   第二段\n\n2. 乙\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(allItems(corpus).map((item) => item.text), ['第一行\n第二行\n\n第二段', '乙']);
  });

  it('uses a # heading as title, the file name as id, and skips HTML comments', () => {
    const { corpus, problems } = parseCorpus('<!-- 说明\n多行 -->\n# 我的素材\n\n## 甲\n\n1. 文本 <!-- 注 -->\n', { fallbackId: 'mine' });
    assert.deepEqual(problems, []);
    assert.equal(corpus.title, '我的素材');
    assert.equal(corpus.id, 'mine');
    assert.equal(allItems(corpus)[0].text, '文本');
  });

  it('reports text outside any item with its line and still loads the rest', () => {
    const { corpus, problems } = parseCorpus('## 甲\n\n1. 好的。\n\n游离的一段话\n\n2. 也好。\n');
    assert.deepEqual(problems.map((p) => [p.line, p.code, p.severity]), [[5, 'textOutsideItem', 'error']]);
    assert.match(problems[0].message, /游离的一段话/);
    assert.deepEqual(allItems(corpus).map((item) => item.number), [1, 2]);
  });

  it('reports items before any category and bad front matter lines', () => {
    const { problems } = parseCorpus('---\nid: x\nnot a pair\n---\n1. 无类别\n## 甲\n1. 有\n');
    assert.deepEqual(problems.map((p) => [p.line, p.code]), [[3, 'badFrontMatter'], [5, 'itemOutsideCategory']]);
  });

  it('reports a comment that is never closed, at the line it opens', () => {
    const { corpus, problems } = parseCorpus('## 甲\n\n1. 好的。\n\n<!-- 备注\n\n2. 被注释掉了。\n');
    assert.deepEqual(problems.map((p) => [p.line, p.code, p.severity]), [[5, 'unclosedComment', 'error']]);
    assert.deepEqual(allItems(corpus).map((item) => item.number), [1]);
  });

  it('warns when a line that looks like an item or a heading is joined to the item above', () => {
    const { corpus, problems } = parseCorpus('## 甲\n\n1. 第一。\n2.第二。\n3、第三。\n##乙\n2.5亿元的项目。\n');
    assert.deepEqual(problems.map((p) => [p.line, p.code, p.severity]), [
      [4, 'joinedToItem', 'warning'],
      [5, 'joinedToItem', 'warning'],
      [6, 'joinedToItem', 'warning'],
    ]);
    assert.match(problems[0].message, /2\.第二。.*item 1/);
    // Nothing is lost: the text stays in item 1, as Markdown would render it.
    assert.deepEqual(allItems(corpus).map((item) => item.text), ['第一。\n2.第二。\n3、第三。\n##乙\n2.5亿元的项目。']);
  });

  it('keeps a # that ends a name, and drops a closing # run after a space', () => {
    const { corpus } = parseCorpus('# 素材 #\n\n## 一、C# ##\n\n1. 文本。\n\n## 二、乙 #\n\n1. 文本。\n');
    assert.equal(corpus.title, '素材');
    assert.deepEqual(corpus.categories.map((category) => category.name), ['C#', '乙']);
  });

  it('reads CRLF and a BOM the same as LF', () => {
    const lf = '## 甲\n\n1. 第一。\n\n2. 第二。\n';
    const crlf = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(parseCorpus(crlf).corpus, parseCorpus(lf).corpus);
  });
});

describe('the built-in corpus', () => {
  it('is exactly what the importer makes of the seed (run npm run gen:corpus if not)', () => {
    const { corpus } = importOutline(seedText(), { id: 'builtin', title: '对照检查材料常见问题', language: 'zh-CN' });
    assert.equal(fs.readFileSync(BUILTIN, 'utf8'), serializeCorpus(corpus), 'corpus/builtin.md is out of date: run npm run gen:corpus');
  });

  it('ships parsed as corpus/builtin.json, equal to parsing corpus/builtin.md (run npm run gen:corpus if not)', () => {
    const json = fs.readFileSync(BUILTIN.replace(/\.md$/, '.json'), 'utf8');
    assert.equal(json, corpusToJson(parseCorpus(fs.readFileSync(BUILTIN, 'utf8')).corpus), 'corpus/builtin.json is out of date: run npm run gen:corpus');
    assert.deepEqual(corpusFromJson(json, 'file:///x/builtin.md'), { ...builtinCorpus(), source: 'file:///x/builtin.md' });
  });

  it('round-trips: parsing and writing it back gives the same file', () => {
    const text = fs.readFileSync(BUILTIN, 'utf8');
    const { corpus, problems } = parseCorpus(text);
    assert.deepEqual(problems, []);
    assert.equal(serializeCorpus(corpus), text);
  });

  it('has 6 categories and 61 items, each text found verbatim in the seed', () => {
    const corpus = builtinCorpus();
    assert.equal(corpus.categories.length, 6);
    const items = allItems(corpus);
    assert.equal(items.length, 61);
    assert.equal(new Set(items.map((item) => item.id)).size, 61);
    for (const item of items) assert.ok(seedText().includes(item.text), item.id);
  });

  it('round-trips multi-paragraph items and quoted front matter', () => {
    const text = '---\nid: x\ntitle: "- 列表样的标题"\n---\n\n## 甲\n\n12. 第一段\n    续行\n\n    第二段\n';
    const { corpus } = parseCorpus(text);
    assert.equal(corpus.title, '- 列表样的标题');
    assert.equal(serializeCorpus(corpus), text);
  });

  it('round-trips front matter values with quotes and backslashes', () => {
    for (const title of ['"引号"开头', 'a: b\\c', "'单引号'", '# 井号']) {
      const corpus = { ...parseCorpus('## 甲\n\n1. 文本。\n').corpus, title };
      assert.equal(parseCorpus(serializeCorpus(corpus)).corpus.title, title, title);
    }
    assert.equal(parseCorpus("---\ntitle: 'it''s'\n---\n").corpus.title, "it's");
  });
});

describe('a corpus as JSON', () => {
  const corpus = parseCorpus('---\nid: team\ntitle: 团队\n---\n\n## 一、甲\n\n### （一）乙\n\n1. 正文。\n', { source: '/a/team.md' }).corpus;

  it('reads back what it wrote, with the source the reader gives', () => {
    assert.deepEqual(corpusFromJson(corpusToJson(corpus), '/b/team.md'), { ...corpus, source: '/b/team.md' });
    assert.ok(!corpusToJson(corpus).includes('/a/team.md'), 'where it was made is not stored');
  });

  it('refuses another format, a wrong shape or broken JSON, so the caller parses the Markdown', () => {
    const stored = JSON.parse(corpusToJson(corpus));
    assert.equal(corpusFromJson(JSON.stringify({ ...stored, format: 0 }), 's'), undefined);
    const noText = structuredClone(stored);
    delete noText.corpus.categories[1].items[0].text;
    assert.equal(corpusFromJson(JSON.stringify(noText), 's'), undefined);
    assert.equal(corpusFromJson(corpusToJson(corpus).slice(0, -10), 's'), undefined);
    assert.equal(corpusFromJson('[]', 's'), undefined);
  });
});
