// Quality evaluation: hit@1 / hit@5 per query kind on the labeled set test/queries.json over the
// built-in corpus, for our search and for fuse.js (the configuration in bench/fuse.ts, the best of
// those tried). Tuned and held-out queries are reported apart.
// A negative query (relevant: []) is right when there is no full match and at most 3 partial ones.
// Usage: npm run eval [-- --verbose] [-- --json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { parseCorpus } from '../src/core/parse';
import { allItems, type Item } from '../src/core/model';
import { SearchIndex, categoryLabels } from '../src/core/search';
import { FUSE_BEST, FUSE_CONFIGS } from './fuse';
import { builtinThesaurus } from './synth';

interface LabeledQuery {
  kind: string;
  query: string;
  relevant: string[];
  phrase?: string;
  /** Never tuned on: reported in its own columns. */
  heldout?: boolean;
  /** A later batch of queries, reported in its own row as well (written before the tuning it measures). */
  batch?: string;
}

const root = join(__dirname, '..', '..');
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

const { corpus } = parseCorpus(readFileSync(join(root, 'corpus', 'builtin.md'), 'utf8'));
const items = allItems(corpus);
const queries: LabeledQuery[] = JSON.parse(readFileSync(join(root, 'test', 'queries.json'), 'utf8')).queries;

const ours = new SearchIndex(items, { categories: categoryLabels([corpus]), thesaurus: builtinThesaurus(root) });

interface Result {
  item: Item;
  partial: boolean;
}
type Engine = (q: string) => Result[];
const engines: Record<string, Engine> = {
  ours: (q) => ours.search(q, { limit: 10 }).map((h) => ({ item: h.item, partial: (h as { tier?: string }).tier === 'partial' })),
};
for (const [name, options] of Object.entries(FUSE_CONFIGS)) {
  const fuse = new Fuse(items, options);
  engines[`fuse ${name}`] = (q) => fuse.search(q, { limit: 10 }).map((r) => ({ item: r.item, partial: false }));
}

interface Tally {
  n: number;
  hit1: number;
  hit5: number;
}
/** Rank of the first right answer (0-based), or -1; for a negative query 0 when it is right, else -1. */
function rankOf(q: LabeledQuery, results: Result[]): number {
  if (!q.relevant.length) {
    const full = results.filter((r) => !r.partial).length;
    const partial = results.length - full;
    return full === 0 && partial <= 3 ? 0 : -1;
  }
  return results.findIndex((r) => q.relevant.includes(r.item.id));
}

const kinds = [...new Set(queries.map((q) => q.kind))];
const groups = (q: LabeledQuery) => [
  `${q.kind}${q.heldout ? '*' : ''}`,
  q.heldout ? 'overall*' : 'overall',
  'all',
  ...(q.batch ? [`${q.kind}${q.heldout ? '*' : ''} @${q.batch}`] : []),
];
const batches = [...new Set(queries.filter((q) => q.batch).map((q) => `${q.kind} @${q.batch}`))];
const tallies: Record<string, Record<string, Tally>> = {};
const misses: string[] = [];
for (const name of Object.keys(engines)) {
  tallies[name] = {};
  for (const q of queries) {
    const results = engines[name](q.query);
    const rank = rankOf(q, results);
    for (const key of groups(q)) {
      const t = (tallies[name][key] ??= { n: 0, hit1: 0, hit5: 0 });
      t.n++;
      if (rank === 0) t.hit1++;
      if (rank >= 0 && rank < 5) t.hit5++;
    }
    if (name === 'ours' && rank !== 0) {
      const got = results.slice(0, 3).map((r) => `${r.item.id}${r.partial ? '(p)' : ''}`);
      misses.push(
        `${q.kind.padEnd(16)}${q.heldout ? '*' : ' '} ${q.query}  → rank ${rank < 0 ? '-' : rank + 1}; want ${q.relevant.join(',') || '(nothing)'}; got ${got.join(',') || '(none)'}${results.length > 3 ? ` +${results.length - 3}` : ''}`,
      );
    }
  }
}

const fuseName = `fuse ${FUSE_BEST}`;
const bestFuse = Object.keys(FUSE_CONFIGS)
  .map((name) => `fuse ${name}`)
  .sort((x, y) => tallies[y].all.hit1 - tallies[x].all.hit1 || tallies[y].all.hit5 - tallies[x].all.hit5)[0];

if (asJson) {
  console.log(JSON.stringify({ items: items.length, queries: queries.length, fuse: fuseName, tallies }, null, 2));
} else {
  const pct = (t: Tally | undefined, key: 'hit1' | 'hit5') => (t && t.n ? `${((100 * t[key]) / t.n).toFixed(0)}%` : '–');
  const cell = (name: string, key: string) => {
    const t = tallies[name][key];
    return `${pct(t, 'hit1').padStart(4)} / ${pct(t, 'hit5').padStart(4)}`;
  };
  console.log(`Search quality on corpus/builtin.md (${items.length} items), ${queries.length} labeled queries`);
  console.log(`Baseline: fuse.js, keys title + text, ${FUSE_BEST} (the best of the configurations below on hit@1 overall).\n`);
  console.log('hit@1 / hit@5; * = held-out (never tuned on)\n');
  console.log(`| kind             | n (+*) | ours tuned  | ours held-out* | ${fuseName} | fuse held-out* |`);
  console.log('|------------------|-------:|------------:|---------------:|------:|------:|');
  for (const kind of [...kinds, 'overall']) {
    const tuned = tallies.ours[kind];
    const held = tallies.ours[`${kind}*`];
    const label = kind === 'overall' ? '**overall**' : kind;
    console.log(
      `| ${label.padEnd(16)} | ${String(tuned?.n ?? 0).padStart(3)} +${String(held?.n ?? 0).padEnd(2)} | ${cell('ours', kind)} | ${cell('ours', `${kind}*`)} | ${cell(fuseName, kind)} | ${cell(fuseName, `${kind}*`)} |`,
    );
  }
  for (const batch of batches) {
    const heldKey = batch.replace(' @', '* @');
    const label = `  of which ${batch}`;
    console.log(
      `| ${label} | ${String(tallies.ours[batch]?.n ?? 0).padStart(3)} +${String(tallies.ours[heldKey]?.n ?? 0).padEnd(2)} | ${cell('ours', batch)} | ${cell('ours', heldKey)} | ${cell(fuseName, batch)} | ${cell(fuseName, heldKey)} |`,
    );
  }
  console.log(`| ${'**all**'.padEnd(16)} | ${String(tallies.ours.all.n).padStart(6)} | ${cell('ours', 'all')} |  | ${cell(fuseName, 'all')} |  |`);
  console.log('\nfuse.js configurations tried (all queries, hit@1 / hit@5):');
  for (const name of Object.keys(FUSE_CONFIGS)) console.log(`  ${name.padEnd(30)} ${cell(`fuse ${name}`, 'all')}`);
  if (bestFuse !== fuseName) console.log(`  NOTE: ${bestFuse} now measures better than ${fuseName}; update bench/fuse.ts`);
  if (verbose && misses.length) console.log(`\nNot on top (ours; * = held-out, (p) = partial tier):\n  ${misses.join('\n  ')}`);
}
