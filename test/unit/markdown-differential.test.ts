// The corpus parser against plain markdown-it on generated files: for every non-blank line, the same
// placement (category, item, outside) or a problem reported at that line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { parseCorpus } from '../../src/core/parse';
import { newCorpusText } from '../../src/core/template';
import { CORPUS_PIECES, corpusFile, mostlyValidCorpusFile } from './corpusGen';
import { BUILTIN } from './helpers';
import { disagreements, markdownPlacement } from './markdownOracle';

function check(file: { text: string; bodyStart: number }): void {
  const { corpus, problems } = parseCorpus(file.text);
  const found = disagreements(file.text, file.bodyStart, corpus, problems);
  assert.deepEqual(found, [], file.text);
}

describe('the corpus parser reads files as Markdown does (differential, against markdown-it)', () => {
  it('agrees on the built-in corpus and the New Corpus template, line by line', () => {
    check({ text: fs.readFileSync(BUILTIN, 'utf8'), bodyStart: 5 });
    check({ text: newCorpusText({ id: 'x', title: 'X' }), bodyStart: 5 });
    check({ text: newCorpusText({ id: 'x', title: 'X', commentLanguage: 'en' }), bodyStart: 5 });
  });

  it('agrees on every single variation placed in a well-formed file', () => {
    // One generated file per piece kind and position, so no variation goes untested by chance.
    for (const name of Object.keys(CORPUS_PIECES)) {
      fc.assert(fc.property(mostlyValidCorpusFile(name), check), { seed: 8, numRuns: 8 });
    }
  });

  it('agrees on files made of random pieces', () => {
    fc.assert(fc.property(corpusFile(), check), { seed: 88, numRuns: 300 });
  });

  it('sees every kind of placement in the generated files', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(corpusFile(), (file) => {
        for (const placement of markdownPlacement(file.text, file.bodyStart)) kinds.add(placement.kind);
      }),
      { seed: 88, numRuns: 300 },
    );
    assert.deepEqual([...kinds].sort(), ['blank', 'category', 'comment', 'frontMatter', 'item', 'outside', 'title', 'unclosedComment']);
  });
});
