// Fuzzing the text handling with fixed seeds (reproducible in CI): generated corpus files, hostile
// strings and outline texts. For each: no exception, no line lost without a problem, stable round trips.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { importOutline } from '../../src/core/importer';
import { allItems, type Corpus } from '../../src/core/model';
import { parseCorpus, splitHeading } from '../../src/core/parse';
import { normalHeadingText, normalItemText, serializeCorpus } from '../../src/core/serialize';
import { splitLines, trimAll } from '../../src/core/text';
import { corpusFile, hostileString, outlineText } from './corpusGen';
import { disagreements } from './markdownOracle';

/** What a corpus means, without where it came from (lines, source). */
function meaning(corpus: Corpus) {
  return {
    id: corpus.id,
    title: corpus.title,
    language: corpus.language,
    categories: corpus.categories.map((category) => ({
      id: category.id,
      ordinal: category.ordinal,
      name: category.name,
      parent: category.parent,
      items: category.items.map((item) => ({ id: item.id, number: item.number, title: item.title, text: item.text })),
    })),
  };
}

function assertStableRoundTrip(corpus: Corpus): void {
  const again = parseCorpus(serializeCorpus(corpus));
  assert.deepEqual(meaning(again.corpus), meaning(corpus));
  assert.deepEqual(again.problems.filter((problem) => problem.severity === 'error'), []);
}

const anyCorpusText = fc.oneof(
  corpusFile().map((file) => file.text),
  hostileString(200),
  fc.tuple(corpusFile(), hostileString(40), fc.nat()).map(([file, noise, at]) => {
    const cut = at % (file.text.length + 1);
    return file.text.slice(0, cut) + noise + file.text.slice(cut);
  }),
);

describe('fuzz: corpus files', () => {
  it('parse never throws and places every non-blank line in an item or a problem (1000 cases)', () => {
    fc.assert(
      fc.property(anyCorpusText, (text) => {
        const { corpus, problems } = parseCorpus(text);
        // Front matter is ours, not Markdown's: only texts without one are held against markdown-it here.
        if (/^\ufeff?---[ \t]*(?:\r\n|\r|\n|$)/.test(text)) return;
        assert.deepEqual(disagreements(text, 0, corpus, problems, false), []);
      }),
      { seed: 20261130, numRuns: 1000 },
    );
  });

  it('parse → serialize → parse gives the same corpus (1000 cases)', () => {
    fc.assert(fc.property(anyCorpusText, (text) => assertStableRoundTrip(parseCorpus(text).corpus)), { seed: 1130, numRuns: 1000 });
  });

  it('writes any item text, category name and title so that it reads back identically (1000 cases)', () => {
    fc.assert(
      fc.property(hostileString(), hostileString(20), hostileString(20), fc.integer({ min: 0, max: 999_999_999 }), (text, name, title, number) => {
        fc.pre(normalItemText(text) !== '' && title !== '');
        const base = parseCorpus(`---\nid: f\ntitle: t\n---\n\n## 甲\n\n${number}. 文本\n`).corpus;
        const heading = splitHeading(normalHeadingText(name));
        const corpus: Corpus = {
          ...base,
          title,
          categories: [{ ...base.categories[0], ...heading, items: [{ ...base.categories[0].items[0], text }] }],
        };
        const { corpus: read, problems } = parseCorpus(serializeCorpus(corpus));
        // Warnings may say that a line of the text looks like a marker; nothing may be an error.
        assert.deepEqual(problems.filter((problem) => problem.severity === 'error' || problem.code !== 'joinedToItem'), []);
        assert.equal(read.title, title);
        assert.deepEqual([read.categories[0].ordinal, read.categories[0].name], [heading.ordinal, heading.name]);
        assert.equal(read.categories[0].items[0].number, number);
        assert.equal(read.categories[0].items[0].text, normalItemText(text));
      }),
      { seed: 2028, numRuns: 1000 },
    );
  });

  it('normalItemText only touches whitespace at line ends and around the text', () => {
    fc.assert(
      fc.property(hostileString(), (text) => {
        const squeeze = (value: string) => value.replace(/[ \t\r\n]/g, '');
        assert.equal(squeeze(normalItemText(text)), squeeze(text));
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('fuzz: outline import', () => {
  it('never throws, keeps every line\'s text or reports it, and its corpus round-trips (1000 cases)', () => {
    fc.assert(
      fc.property(outlineText(), (text) => {
        const { corpus, problems, comments } = importOutline(text, { id: 'o' });
        // Kept: in the title, a name, an item, or a comment of the written file.
        const kept = [corpus.title, ...corpus.categories.map((category) => category.name), ...allItems(corpus).map((item) => item.text), ...comments.map((comment) => comment.text)]
          .join('')
          .replace(/[\s\u3000\u00a0\ufeff]/g, '');
        const reported = new Set(problems.map((problem) => problem.line));
        // A dropped item (a number used twice) is reported at its marker line, for all of its lines.
        let itemLine = 0;
        splitLines(text).forEach((line, index) => {
          if (/^[\s\u3000\u00a0\ufeff]*(?:[\d０-９]+[ \t]*[.．、](?![\d０-９])|[（(][\d０-９]+[）)]|[①-⑳㉑-㉟㊱-㊿])/.test(line)) itemLine = index + 1;
          if (trimAll(line) === '' || reported.has(index + 1) || reported.has(itemLine)) return;
          // Markers go; every sentence of the rest must be somewhere in the corpus.
          for (const sentence of line.split(/(?<=[。！？；])/)) {
            const bare = sentence.replace(/[\s\u3000\u00a0\ufeff]/g, '');
            const withoutMarker = bare.replace(/^(?:[零〇一二两三四五六七八九十百]+[、．.]|[（(][零〇一二两三四五六七八九十百\d１-９]+[）)]|[\d０-９]+[.．、]|[①-⑳㉑-㉟㊱-㊿])/, '');
            assert.ok(kept.includes(withoutMarker) || kept.includes(bare), `line ${index + 1} lost ${JSON.stringify(sentence)}`);
          }
        });
        assertStableRoundTrip(corpus);
      }),
      { seed: 1000, numRuns: 1000 },
    );
  });
});
