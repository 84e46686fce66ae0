// The optional sub-category level of the corpus format (`### （一）…` under `## 一、…`): parse, ids,
// serialize round trip, snippets, completion and the category names search counts for an item.
import * as assert from 'node:assert/strict';
import { completionKeys, completionMatches } from '../../src/core/completion';
import { categoryLabel } from '../../src/core/labels';
import { allItems, parentOf } from '../../src/core/model';
import { parseCorpus } from '../../src/core/parse';
import { SearchIndex, categoryLabels } from '../../src/core/search';
import { serializeCorpus } from '../../src/core/serialize';
import { snippetsForCorpus } from '../../src/core/snippets';
import { builtinCorpus } from './helpers';

const TEXT = `---
id: team
title: 团队素材库
---

## 一、作风建设方面存在问题

1. 文风会风改进不够明显。

### （一）深入基层方面

1. 深入基层调查研究不够。

2. 调研成果转化运用不够。

### （二）理论学习

1. 学用结合不够紧密。

## 二、理论学习方面存在问题

1. 理论学习的系统性不够强。
`;

describe('sub-categories', () => {
  const { corpus, problems } = parseCorpus(TEXT);

  it('reads ### under ## as a sub-category, the parent keeping its own items', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(
      corpus.categories.map((category) => [category.id, categoryLabel(category), category.parent, category.items.map((item) => item.id)]),
      [
        ['zfjs', '一、作风建设方面存在问题', undefined, ['team/zfjs.1']],
        ['srjc', '（一）深入基层方面', 'zfjs', ['team/srjc.1', 'team/srjc.2']],
        ['llxx', '（二）理论学习', 'zfjs', ['team/llxx.1']],
        // The later top-level 理论学习 clashes with the sub-category before it, in file order.
        ['llxx2', '二、理论学习方面存在问题', undefined, ['team/llxx2.1']],
      ],
    );
    assert.equal(parentOf(corpus, corpus.categories[1])?.id, 'zfjs');
  });

  it('keeps ### before any ## and #### as text outside items', () => {
    const { corpus: early, problems: earlyProblems } = parseCorpus('### （一）甲\n\n1. 甲。\n\n## 一、乙\n\n#### 丙\n\n1. 乙。\n');
    assert.deepEqual(early.categories.map((category) => category.name), ['乙']);
    assert.deepEqual(earlyProblems.map((p) => [p.line, p.code]), [[1, 'textOutsideItem'], [3, 'itemOutsideCategory'], [7, 'textOutsideItem']]);
  });

  it('warns about an empty sub-category, not about a parent whose items are all in sub-categories', () => {
    const { problems: empty } = parseCorpus('## 一、甲\n\n### （一）乙\n\n1. 乙。\n\n### （二）丙\n');
    assert.deepEqual(empty.map((p) => [p.line, p.code]), [[7, 'emptyCategory']]);
  });

  it('writes ### （一） back and reads the same corpus (ids, parents, items)', () => {
    const text = serializeCorpus(corpus);
    assert.match(text, /\n## 一、作风建设方面存在问题\n\n1\. 文风会风改进不够明显。\n\n### （一）深入基层方面\n\n1\. /);
    const again = parseCorpus(text).corpus;
    assert.deepEqual(again.categories.map(({ id, ordinal, name, parent }) => ({ id, ordinal, name, parent })), corpus.categories.map(({ id, ordinal, name, parent }) => ({ id, ordinal, name, parent })));
    assert.deepEqual(allItems(again).map(({ id, text }) => [id, text]), allItems(corpus).map(({ id, text }) => [id, text]));
  });

  it('gives a sub-category snippet prefixes and completion keys of its own', () => {
    const snippets = snippetsForCorpus(corpus);
    assert.deepEqual(snippets['深入基层 2'].prefix, ['srjc2', '深入基层2']);
    const keys = completionKeys([corpus]);
    assert.deepEqual(completionMatches('srjc1', keys).map((match) => match.item.id), ['team/srjc.1']);
  });

  it('counts a sub-category\'s name and its parent\'s for its items in search', () => {
    const labels = categoryLabels([corpus]);
    assert.deepEqual(labels.find((label) => label.categoryId === 'srjc')!.names, ['深入基层方面', '作风建设方面存在问题', '团队素材库']);
    const index = new SearchIndex(allItems(corpus), { categories: labels });
    // 作风建设 is in no item's text: it finds the parent's item and its sub-categories' items.
    const found = index.search('作风建设').map((hit) => hit.item.id).sort();
    assert.deepEqual(found, ['team/llxx.1', 'team/srjc.1', 'team/srjc.2', 'team/zfjs.1']);
  });

  it('leaves a corpus without sub-categories as it was: the built-in ids, no parents', () => {
    const builtin = builtinCorpus();
    assert.ok(builtin.categories.every((category) => category.parent === undefined));
    assert.deepEqual(builtin.categories.map((category) => category.id), ['llxx', 'zzsz', 'nlbl', 'ddzw', 'gzzf', 'ljzl']);
    assert.equal(allItems(builtin).find((item) => item.id === 'builtin/llxx.11')?.number, 11);
  });
});
