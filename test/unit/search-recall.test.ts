// Exact recall: a phrase copied from an item must find that item, however many other items share the
// phrase's index keys or its pieces. Synthetic library (seeded, so every run sees the same phrases):
// the built-in corpus's sentences recombined, 8 % of characters swapped so most phrases occur once.
import * as assert from 'node:assert/strict';
import { SearchIndex } from '../../src/core/search';
import { prng, syntheticItems } from '../../bench/synth';
import { withSwappedCharacters } from '../../bench/recall';
import { allItems } from '../../src/core/model';
import { builtinCorpus } from './helpers';

const HAN = /[\u4e00-\u9fff]/g;

describe('exact recall on a synthetic library', function () {
  this.timeout(120000);
  const items = withSwappedCharacters(syntheticItems(allItems(builtinCorpus()), 3000, 1), 3000);
  const index = new SearchIndex(items);

  /** Random 4–12-character substrings (at least 4 Han characters, no line break) that occur in one item only. */
  function uniquePhrases(count: number, seed: number): { phrase: string; id: string }[] {
    const random = prng(seed);
    const out: { phrase: string; id: string }[] = [];
    for (let tries = 0; out.length < count && tries < count * 20; tries++) {
      const item = items[Math.floor(random() * items.length)];
      const length = 4 + Math.floor(random() * 9);
      if (item.text.length < length) continue;
      const start = Math.floor(random() * (item.text.length - length + 1));
      const phrase = item.text.slice(start, start + length);
      if ((phrase.match(HAN) ?? []).length < 4 || phrase.includes('\n')) continue;
      if (items.filter((other) => other.text.includes(phrase)).length !== 1) continue;
      out.push({ phrase, id: item.id });
    }
    return out;
  }

  it('finds the item of every phrase that occurs in one item only, in the top 5', () => {
    const phrases = uniquePhrases(300, 7);
    assert.ok(phrases.length >= 250, `only ${phrases.length} unique phrases sampled`);
    const missed = phrases.filter(({ phrase, id }) => !index.search(phrase, { limit: 5 }).some((hit) => hit.item.id === id));
    assert.deepEqual(missed.map((m) => m.phrase), []);
  });

  it('ranks an item holding the query verbatim above every item that holds it only approximately', () => {
    for (const { phrase, id } of uniquePhrases(40, 11)) {
      const hits = index.search(phrase, { limit: 50 });
      assert.equal(hits[0]?.item.id, id, phrase);
    }
  });
});
