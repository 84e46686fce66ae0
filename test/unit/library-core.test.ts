import * as assert from 'node:assert/strict';
import { assignCorpusIds, withCorpusId } from '../../src/core/corpusIds';
import { completionKeys, completionMatches } from '../../src/core/completion';
import { diagnosticData, formatBytes } from '../../src/core/diagnostics';
import { decodeDragPayload, dropText, encodeDragPayload } from '../../src/core/drop';
import { allItems } from '../../src/core/model';
import { parseCorpus } from '../../src/core/parse';
import { readCorpus } from '../../src/core/read';
import { corpusIdFromTitle, isValidCorpusId, newCorpusText, snippetFileName, TEMPLATE_EXAMPLE } from '../../src/core/template';

const TEAM = `---
id: team
title: 团队素材库
---

## 一、理论学习方面存在问题

1. 学习不够系统。

2. 学用结合不紧。

## 二、工作作风

1. 调研不够深入。
`;

function corpus(text = TEAM, source = '/ws/.phrasebook/team.md') {
  return parseCorpus(text, { source }).corpus;
}

describe('library: corpus ids', () => {
  it('rewrites item ids with the corpus id', () => {
    const renamed = withCorpusId(corpus(), 'team-2');
    assert.equal(allItems(renamed)[0].id, 'team-2/llxx.1');
    assert.equal(allItems(renamed)[0].corpusId, 'team-2');
    assert.equal(allItems(corpus())[0].id, 'team/llxx.1', 'the original is untouched');
  });

  it('disambiguates clashing ids by source order, whatever the load order', () => {
    const a = { key: 'file:///a.md', corpus: corpus(), value: 'a' };
    const b = { key: 'file:///b.md', corpus: corpus(), value: 'b' };
    const c = { key: 'file:///c.md', corpus: corpus(TEAM.replace('id: team', 'id: team-2')), value: 'c' };
    for (const order of [[a, b, c], [c, b, a], [b, c, a]]) {
      const ids = assignCorpusIds(order).map((entry) => `${entry.value}:${entry.corpus.id}`);
      assert.deepEqual(ids, ['a:team', 'b:team-3', 'c:team-2']);
    }
  });

  it('never hands out a reserved id such as builtin', () => {
    const builtin = { key: 'file:///x.md', corpus: corpus(TEAM.replace('id: team', 'id: builtin')), value: 0 };
    assert.equal(assignCorpusIds([builtin], ['builtin'])[0].corpus.id, 'builtin-2');
  });
});

describe('library: diagnostics from problems', () => {
  it('puts a problem on its 0-based line, covering the line text', () => {
    const text = TEAM + '\n这一段不属于任何素材\n';
    const { problems } = parseCorpus(text);
    const data = diagnosticData(problems, text.split('\n'));
    const outside = data.find((d) => d.code === 'textOutsideItem')!;
    assert.equal(text.split('\n')[outside.line], '这一段不属于任何素材');
    assert.equal(outside.startCharacter, 0);
    assert.equal(outside.endCharacter, '这一段不属于任何素材'.length);
    assert.equal(outside.severity, 'error');
  });

  it('reports files that are not text on line 0, and clamps lines to the file', () => {
    const { problems } = readCorpus(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'x.md');
    assert.deepEqual(diagnosticData(problems).map((d) => [d.line, d.code]), [[0, 'binary']]);
    const tooLarge = readCorpus(new Uint8Array(30), 'x.md', 10).problems;
    assert.deepEqual(diagnosticData(tooLarge).map((d) => [d.code, d.args]), [['tooLarge', [30, 10]]]);
    assert.equal(diagnosticData([{ ...problems[0], line: 99 }], ['a', 'b'])[0].line, 1);
  });

  it('formats sizes for people', () => {
    assert.equal(formatBytes(20 * 1024 * 1024), '20 MB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(12), '12 bytes');
  });
});

describe('library: drag and drop text', () => {
  const team = corpus();
  const items = allItems(team);

  it('round-trips the payload and rejects anything else', () => {
    const payload = { ids: ['a/b.1', 'a/b.2'], compose: true };
    assert.deepEqual(decodeDragPayload(encodeDragPayload(payload)), payload);
    assert.deepEqual(decodeDragPayload('["x", 3]'), { ids: ['x'], compose: false });
    assert.equal(decodeDragPayload('not json'), undefined);
    assert.equal(decodeDragPayload('{"a":1}'), undefined);
    assert.equal(decodeDragPayload('null'), undefined);
    assert.equal(decodeDragPayload('{"ids":[]}'), undefined);
    assert.equal(decodeDragPayload(undefined), undefined);
  });

  it('drops one item in the insert format', () => {
    const payload = { ids: [items[1].id], compose: false };
    assert.equal(dropText(payload, [items[1]], team.categories, { format: 'paragraph' }), '学用结合不紧。');
    assert.equal(dropText(payload, [items[1]], team.categories, { format: 'listItem' }), '- 学用结合不紧。');
  });

  it('drops a category as a composed block under its heading', () => {
    const category = team.categories[0];
    const payload = { ids: category.items.map((item) => item.id), compose: true };
    assert.equal(
      dropText(payload, category.items, team.categories, { format: 'paragraph' }),
      '## 一、理论学习方面存在问题\n\n学习不够系统。\n\n学用结合不紧。',
    );
    // In the insert format, and fitted to the section it is dropped in, as Compose does.
    assert.equal(
      dropText(payload, category.items, team.categories, { format: 'numbered', textAbove: '## 六、整改措施\n\n' }),
      '### （一）理论学习方面存在问题\n\n1. 学习不够系统。\n\n2. 学用结合不紧。',
    );
    assert.equal(dropText(payload, [], team.categories, { format: 'paragraph' }), '');
  });
});

describe('library: completion prefixes', () => {
  const keys = completionKeys([corpus()]);

  it('offers pinyin initials + number, narrowing by the typed digits', () => {
    const matches = completionMatches('前文llxx', keys);
    assert.deepEqual(matches.map((m) => [m.label, m.start]), [['llxx1', 2], ['llxx2', 2]]);
    assert.deepEqual(completionMatches('llxx2', keys).map((m) => m.item.id), ['team/llxx.2']);
    assert.deepEqual(completionMatches('ll', keys).map((m) => m.label), ['llxx1', 'llxx2']);
  });

  it('offers the Chinese short name + number, typed after other Chinese text', () => {
    const matches = completionMatches('我们认为理论学习1', keys);
    assert.deepEqual(matches.map((m) => [m.label, m.start]), [['理论学习1', 4]]);
    assert.deepEqual(completionMatches('他说理论', keys).map((m) => m.label), ['理论学习1', '理论学习2']);
    assert.deepEqual(completionMatches('理', keys), [], 'one Chinese character is too little');
  });

  it('does not match inside an ASCII word or a wrong number', () => {
    assert.deepEqual(completionMatches('xllxx1', keys), []);
    assert.deepEqual(completionMatches('llxx9', keys), []);
    assert.deepEqual(completionMatches('', keys), []);
  });

  it('finds category ids that end in a digit, preferring the longest id before the number', () => {
    const many = Array.from({ length: 21 }, (_, index) => `${index + 1}. 甲${index + 1}。`).join('\n\n');
    const text = `---\nid: d\ntitle: d\n---\n\n## 一、理论学习方面存在问题\n\n${many}\n\n## 二、理论学习方面\n\n1. 乙。\n\n## 三、Web2\n\n1. 丙。\n`;
    const digitKeys = completionKeys([corpus(text)]);
    assert.deepEqual(corpus(text).categories.map((category) => category.id), ['llxx', 'llxx2', 'web2']);
    const ids = (typed: string) => completionMatches(typed, digitKeys).map((m) => m.item.id);
    assert.deepEqual(ids('llxx21'), ['d/llxx2.1'], 'llxx2 item 1, not llxx item 21');
    assert.deepEqual(ids('web21'), ['d/web2.1']);
    assert.deepEqual(ids('我们web2'), ['d/web2.1']);
    assert.deepEqual(ids('xweb21'), []);
    assert.deepEqual(ids('llxx1'), ['d/llxx.1', ...Array.from({ length: 10 }, (_, index) => `d/llxx.${index + 10}`)]);
  });
});

describe('library: new corpus template', () => {
  it('is a valid corpus without problems, in either comment language', () => {
    for (const commentLanguage of ['zh', 'en'] as const) {
      const { corpus: parsed, problems } = parseCorpus(newCorpusText({ id: 'mine', title: '我的素材', commentLanguage }));
      assert.deepEqual(problems, []);
      assert.equal(parsed.id, 'mine');
      assert.equal(parsed.title, '我的素材');
      // No real items: samples would be searched and ranked like the writer's own (`xytj` found one first).
      assert.equal(allItems(parsed).length, 0);
      assert.ok(TEMPLATE_EXAMPLE.some((line) => /第二段示例/.test(line)));
    }
  });

  it('proposes an ASCII id from a title, and holds New Corpus and Import to one id rule', () => {
    assert.equal(corpusIdFromTitle('我的素材库'), 'wdsck');
    assert.equal(corpusIdFromTitle('团队 Notes 2026'), 'td-notes-2026');
    assert.equal(corpusIdFromTitle('Équipe  été!'), 'equipe-ete');
    assert.equal(corpusIdFromTitle('！！！'), 'corpus');
    for (const id of ['wdsck', 'team-2', 'a1']) assert.ok(isValidCorpusId(id), id);
    for (const id of ['我的素材库', 'Team', 'a b', '-a', 'a-', '', 'a--b']) assert.ok(!isValidCorpusId(id), id);
    // What it proposes always passes the rule.
    for (const title of ['我的素材库', 'XX局2026年工作总结', 'a--b', '   ']) assert.ok(isValidCorpusId(corpusIdFromTitle(title)), title);
  });

  it('makes safe snippet file names', () => {
    assert.equal(snippetFileName('a/b c'), 'phrasebook-a-b-c.code-snippets');
  });
});
