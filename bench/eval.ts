// Quality evaluation: hit@1 / hit@5 per query kind on the labeled set test/queries.json over the
// built-in corpus, for our search and for plain fuse.js (keys title + text, default options).
// Usage: npm run eval [-- --verbose] [-- --json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { parseCorpus } from '../src/core/parse';
import { allItems, type Item } from '../src/core/model';
import { SearchIndex } from '../src/core/search';

interface LabeledQuery {
  kind: string;
  query: string;
  relevant: string[];
  phrase?: string;
  /** Added after tuning and never tuned on: reported on its own line too. */
  heldout?: boolean;
}

const root = join(__dirname, '..', '..');
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

const { corpus } = parseCorpus(readFileSync(join(root, 'corpus', 'builtin.md'), 'utf8'));
const items = allItems(corpus);
const queries: LabeledQuery[] = JSON.parse(readFileSync(join(root, 'test', 'queries.json'), 'utf8')).queries;

const ours = new SearchIndex(items);
const fuse = new Fuse(items, { keys: ['title', 'text'] });

type Engine = (q: string) => Item[];
const engines: Record<string, Engine> = {
  ours: (q) => ours.search(q, { limit: 10 }).map((h) => h.item),
  fuse: (q) => fuse.search(q, { limit: 10 }).map((r) => r.item),
};

interface Tally {
  n: number;
  hit1: number;
  hit5: number;
}
const kinds = [...new Set(queries.map((q) => q.kind))];
const tallies: Record<string, Record<string, Tally>> = {};
const misses: string[] = [];
for (const name of Object.keys(engines)) {
  tallies[name] = {};
  for (const kind of [...kinds, 'overall', 'held-out']) tallies[name][kind] = { n: 0, hit1: 0, hit5: 0 };
  for (const q of queries) {
    const ids = engines[name](q.query).map((item) => item.id);
    const rank = ids.findIndex((id) => q.relevant.includes(id));
    for (const kind of [q.kind, 'overall', ...(q.heldout ? ['held-out'] : [])]) {
      const t = tallies[name][kind];
      t.n++;
      if (rank === 0) t.hit1++;
      if (rank >= 0 && rank < 5) t.hit5++;
    }
    if (name === 'ours' && rank !== 0) {
      misses.push(
        `${q.kind.padEnd(10)}${q.heldout ? '*' : ' '} ${q.query}  → rank ${rank < 0 ? '-' : rank + 1}; want ${q.relevant.join(',')}; got ${ids.slice(0, 3).join(',') || '(none)'}`,
      );
    }
  }
}

// Queries that match nothing in the corpus: how many results does each engine still return?
const nonsense = ['量子计算机', '足球比赛结果', 'qwxzpt', 'kkkkkk', '巧克力蛋糕', 'zzzxxx'];
const flood = Object.fromEntries(
  Object.keys(engines).map((name) => [name, nonsense.map((q) => engines[name](q).length)]),
);

if (asJson) {
  console.log(JSON.stringify({ items: items.length, queries: queries.length, tallies, flood }, null, 2));
} else {
  const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(0).padStart(3)}%`;
  console.log(`Search quality on corpus/builtin.md (${items.length} items), ${queries.length} labeled queries\n`);
  console.log('| kind       |   n | ours hit@1 | ours hit@5 | fuse hit@1 | fuse hit@5 |');
  console.log('|------------|----:|-----------:|-----------:|-----------:|-----------:|');
  for (const kind of [...kinds, 'overall', 'held-out']) {
    const o = tallies.ours[kind];
    if (!o.n) continue;
    const f = tallies.fuse[kind];
    const label = kind === 'overall' ? '**overall**' : kind === 'held-out' ? '(held-out)' : kind;
    console.log(
      `| ${label.padEnd(10)} | ${String(o.n).padStart(3)} |       ${pct(o.hit1, o.n)} |       ${pct(o.hit5, o.n)} |       ${pct(f.hit1, f.n)} |       ${pct(f.hit5, f.n)} |`,
    );
  }
  console.log(
    `\nResults for ${nonsense.length} queries with no right answer (${nonsense.join(' ')}), limit 10: ` +
      Object.entries(flood)
        .map(([name, counts]) => `${name} ${counts.join('/')}`)
        .join('; '),
  );
  if (verbose && misses.length) console.log(`\nNot on top (ours; * = held-out):\n  ${misses.join('\n  ')}`);
}
