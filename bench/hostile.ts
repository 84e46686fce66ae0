// Hostile-input timings (issue 8): the sizes from the report, each parsed or imported once, wall and CPU
// time. The unit tests only check these finish at all; this is where their speed is measured.
// Usage: npm run bench:hostile [-- --scale=0.1]   (scale shrinks every size, e.g. to time old code)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importOutline } from '../src/core/importer';
import { parseCorpus } from '../src/core/parse';
import { serializeCorpus } from '../src/core/serialize';

const scaleArg = process.argv.find((arg) => arg.startsWith('--scale='));
const scale = scaleArg ? Number(scaleArg.slice('--scale='.length)) : 1;
const size = (n: number) => Math.max(1, Math.round(n * scale));

const cases: [string, () => unknown][] = [
  [`heading with ${size(200_000)} spaces`, () => parseCorpus(`## 一、a${' '.repeat(size(200_000))}b\n\n1. x\n`)],
  [`front matter value with ${size(200_000)} spaces`, () => parseCorpus(`---\ntitle: a${' '.repeat(size(200_000))}b\n---\n`)],
  [`outline line with ${size(100_000)} spaces`, () => importOutline(`一、甲\n1. a${' '.repeat(size(100_000))}b\n`, { id: 'x' })],
  [`outline line with ${size(65_000)} U+3000`, () => importOutline(`一、甲\n1. a${'\u3000'.repeat(size(65_000))}b\n`, { id: 'x' })],
  [`${size(40_000)} categories of one name`, () => parseCorpus('## 一、类\n1. 正文。\n'.repeat(size(40_000)))],
  [`heading line of ${size(1_000_000)} characters`, () => parseCorpus(`## 一、${'甲'.repeat(size(1_000_000))}\n\n1. x\n`)],
  [`outline of ${size(100_000)} items`, () => importOutline(`一、甲\n${Array.from({ length: size(100_000) }, (_, i) => `${i + 1}. 第${i + 1}条。`).join('\n')}\n`, { id: 'x' })],
  [
    `corpus file of ${size(100_000)} items, parse + serialize`,
    () => serializeCorpus(parseCorpus(`## 甲\n\n${Array.from({ length: size(100_000) }, (_, i) => `${i + 1}. 第${i + 1}条正文，用于测量。`).join('\n\n')}\n`).corpus),
  ],
  [`built-in corpus repeated to ${size(20)} MB`, () => parseCorpus(repeatedBuiltin(size(20) * 1024 * 1024))],
];

/** The built-in corpus's categories over and over (renamed, so ids stay short), up to `bytes`. */
function repeatedBuiltin(bytes: number): string {
  const builtin = fs.readFileSync(path.join(__dirname, '..', '..', 'corpus', 'builtin.md'), 'utf8');
  const body = builtin.slice(builtin.indexOf('\n## '));
  const parts = ['---\nid: big\ntitle: big\n---\n'];
  let length = parts[0].length;
  for (let copy = 0; length < bytes / 3; copy++) {
    const part = body.replace(/^## (.*)$/gm, (_, heading: string) => `## ${heading}${copy}`);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

for (const [name, run] of cases) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(`${name.padEnd(48)} ${wall.toFixed(0).padStart(7)} ms wall ${((used.user + used.system) / 1000).toFixed(0).padStart(7)} ms cpu`);
}
