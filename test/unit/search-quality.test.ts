// The quality targets of the labeled query set, as a gate: a ranking change that loses them fails here.
// (`npm run eval` prints the full per-kind table with the fuse.js baseline; timings live in `npm run bench`.)
// A negative query (relevant: []) is right when there is no full match and at most 3 partial ones.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allItems } from '../../src/core/model';
import { SearchIndex, categoryLabels } from '../../src/core/search';
import { builtinCorpus, builtinThesaurus, ROOT } from './helpers';

interface LabeledQuery {
  kind: string;
  query: string;
  relevant: string[];
}

/** Per-kind hit@1 floor: below the measured figures (see docs/search.md), so a rule that stops working trips it. */
const KIND_HIT1 = 0.7;
/**
 * Everyday wording (a gist in the writer's own words) is lexical search's hardest kind and far under the
 * 95 % hit@5 target over all its queries (docs/search.md): with the blind batches 2026-12-02e and f (gists
 * written by helpers who never saw the engine) it measures 73 % / 82 % (152 and 172 of 209). The floor sits
 * just under that, so a change that loses ground fails, without pretending the target is met.
 */
const EVERYDAY_HIT1 = 0.71;
const EVERYDAY_HIT5 = 0.81;

describe('search quality on the labeled queries', () => {
  const { queries } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'queries.json'), 'utf8')) as { queries: LabeledQuery[] };
  const corpus = builtinCorpus();
  const index = new SearchIndex(allItems(corpus), { categories: categoryLabels([corpus]), thesaurus: builtinThesaurus() });
  const tallies = new Map<string, { n: number; hit1: number; hit5: number }>();
  for (const { kind, query, relevant } of queries) {
    const hits = index.search(query, { limit: 10 });
    let rank: number;
    if (!relevant.length) {
      const full = hits.filter((hit) => hit.tier === 'full').length;
      rank = full === 0 && hits.length - full <= 3 ? 0 : -1;
    } else rank = hits.findIndex((hit) => relevant.includes(hit.item.id));
    for (const key of [kind, 'overall']) {
      const tally = tallies.get(key) ?? { n: 0, hit1: 0, hit5: 0 };
      tally.n++;
      if (rank === 0) tally.hit1++;
      if (rank >= 0 && rank < 5) tally.hit5++;
      tallies.set(key, tally);
    }
  }

  it('has at least 80 queries, at least 12 of each kind', () => {
    assert.ok(tallies.get('overall')!.n >= 80);
    for (const [kind, tally] of tallies) assert.ok(tally.n >= 12, `${kind}: ${tally.n} queries`);
  });

  it('reaches hit@1 ≥ 85% overall, and hit@5 ≥ 95% over every kind but everyday wording', () => {
    const overall = tallies.get('overall')!;
    assert.ok(overall.hit1 / overall.n >= 0.85, `hit@1 ${overall.hit1}/${overall.n}`);
    const everyday = tallies.get('everyday-wording')!;
    const [n, hit5] = [overall.n - everyday.n, overall.hit5 - everyday.hit5];
    assert.ok(hit5 / n >= 0.95, `hit@5 ${hit5}/${n} without everyday wording`);
  });

  it(`keeps every kind at hit@1 ≥ ${KIND_HIT1 * 100}% and hit@5 ≥ 80% (everyday wording: ≥ ${EVERYDAY_HIT1 * 100}% / ${EVERYDAY_HIT5 * 100}%)`, () => {
    for (const [kind, tally] of tallies) {
      const [hit1, hit5] = kind === 'everyday-wording' ? [EVERYDAY_HIT1, EVERYDAY_HIT5] : [KIND_HIT1, 0.8];
      assert.ok(tally.hit1 / tally.n >= hit1, `${kind}: hit@1 ${tally.hit1}/${tally.n}`);
      assert.ok(tally.hit5 / tally.n >= hit5, `${kind}: hit@5 ${tally.hit5}/${tally.n}`);
    }
  });
});
