// The quality targets of the labeled query set, as a gate: a ranking change that loses them fails here.
// (`npm run eval` prints the full per-kind table with the fuse.js baseline; timings live in `npm run bench`.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allItems } from '../../src/core/model';
import { SearchIndex } from '../../src/core/search';
import { builtinCorpus, ROOT } from './helpers';

interface LabeledQuery {
  kind: string;
  query: string;
  relevant: string[];
}

describe('search quality on the labeled queries', () => {
  const { queries } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'queries.json'), 'utf8')) as { queries: LabeledQuery[] };
  const index = new SearchIndex(allItems(builtinCorpus()));
  const tallies = new Map<string, { n: number; hit1: number; hit5: number }>();
  for (const { kind, query, relevant } of queries) {
    const ids = index.search(query, { limit: 5 }).map((hit) => hit.item.id);
    for (const key of [kind, 'overall']) {
      const tally = tallies.get(key) ?? { n: 0, hit1: 0, hit5: 0 };
      tally.n++;
      if (relevant.includes(ids[0])) tally.hit1++;
      if (ids.some((id) => relevant.includes(id))) tally.hit5++;
      tallies.set(key, tally);
    }
  }

  it('has at least 80 queries, at least 8 of each kind', () => {
    assert.ok(tallies.get('overall')!.n >= 80);
    for (const [kind, tally] of tallies) assert.ok(tally.n >= 8, `${kind}: ${tally.n} queries`);
  });

  it('reaches hit@5 ≥ 95% and hit@1 ≥ 85% overall', () => {
    const overall = tallies.get('overall')!;
    assert.ok(overall.hit5 / overall.n >= 0.95, `hit@5 ${overall.hit5}/${overall.n}`);
    assert.ok(overall.hit1 / overall.n >= 0.85, `hit@1 ${overall.hit1}/${overall.n}`);
  });

  it('keeps every kind at hit@5 ≥ 85%', () => {
    for (const [kind, tally] of tallies) assert.ok(tally.hit5 / tally.n >= 0.85, `${kind}: hit@5 ${tally.hit5}/${tally.n}`);
  });
});
