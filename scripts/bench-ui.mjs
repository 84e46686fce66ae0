#!/usr/bin/env node
// `npm run bench:ui`: how long Insert Item… takes inside VS Code (code-server + Chromium, the UI tests'
// harness) from a keystroke to the list showing that query's rows, and how long the first pick takes to
// open. A measurement, not a test: it prints p50/p95/max per library and never fails on a slow figure.
//
//   node scripts/bench-ui.mjs [--libraries builtin,10k] [--count 10000] [--extension <dir>] [--quiet-ms 800] [--json out.json]
//
// How it reads the workbench: a MutationObserver on the quick input records, after each keystroke
// (timestamped at its keydown/beforeinput in the page), every change to the rendered rows with their
// text. Once the list has been quiet for --quiet-ms, its rows are the query's final rows; the latency is
// the time from the keystroke to the first change after which the rendered rows stayed those final rows
// (a later change that leaves the visible rows as they were, e.g. rows below the fold, does not count).
// A keystroke that changes nothing on screen counts as 0 ms. The first pick is timed from the second key
// (mousedown) on "Phrasebook: Insert Item…" in the command palette, run as soon as report.md is open, to
// the pick showing rows; then once more.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { REPO_ROOT, focusEditor, openFile, rowWithLabel, startWorkbench } from '../test/runner/workbench.mjs';

const { values: args } = parseArgs({
  options: {
    libraries: { type: 'string', default: 'builtin,10k' },
    count: { type: 'string', default: '10000' },
    extension: { type: 'string', default: REPO_ROOT },
    'quiet-ms': { type: 'string', default: '800' },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const QUIET_MS = Number(args['quiet-ms']);
const KEY_TIMEOUT_MS = 60_000;
const require = createRequire(import.meta.url);
const fixtures = require(path.join(REPO_ROOT, 'out', 'bench', 'ui-library.cjs'));
const PICK_TITLES = ['Insert Phrasebook Item', '插入短语库条目'];
const INSERT_COMMAND = 'Phrasebook: Insert Item\u2026';

/** Installed in the page: timestamps keystrokes and the quick input's row changes. */
function installProbe(titles) {
  const rowsSelector = '.quick-input-widget .quick-input-list .monaco-list-row';
  const state = { mode: 'idle', t0: undefined, records: [], last: 0, opened: undefined };
  const signature = () =>
    [...document.querySelectorAll(rowsSelector)]
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((row) => row.textContent)
      .join('\n');
  const pickShown = () => {
    const widget = document.querySelector('.quick-input-widget');
    if (!widget || widget.style.display === 'none') return false;
    const title = widget.querySelector('.quick-input-title')?.textContent ?? '';
    return titles.some((t) => title.includes(t)) && [...document.querySelectorAll(rowsSelector)].some((row) => row.textContent.trim() !== '');
  };
  const stamp = () => {
    if (state.mode !== 'idle' && state.t0 === undefined) state.t0 = performance.now();
  };
  for (const type of ['keydown', 'beforeinput', 'input', 'mousedown']) window.addEventListener(type, stamp, true);
  new MutationObserver((mutations) => {
    if (state.mode === 'idle' || state.t0 === undefined) return;
    if (!mutations.some((m) => (m.target.nodeType === 1 ? m.target : m.target.parentElement)?.closest?.('.quick-input-widget'))) return;
    const now = performance.now();
    state.last = now;
    if (state.mode === 'open') {
      if (state.opened === undefined && pickShown()) state.opened = now;
    } else state.records.push({ t: now, sig: signature() });
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style'] });
  window.__phrasebookBench = {
    arm(mode) {
      Object.assign(state, { mode, t0: undefined, records: [], last: 0, opened: undefined });
    },
    quietFor() {
      if (state.t0 === undefined || (state.mode === 'open' && state.opened === undefined)) return 0;
      return performance.now() - Math.max(state.t0, state.last);
    },
    /** Open mode: ms from the chord to the pick with rows. Key mode: ms until the rows were final. */
    result() {
      const mode = state.mode;
      state.mode = 'idle';
      if (state.t0 === undefined) return { error: 'no keystroke seen' };
      if (mode === 'open') return state.opened === undefined ? { error: 'no pick seen' } : { ms: state.opened - state.t0 };
      if (state.records.length === 0) return { ms: 0, unchanged: true };
      const final = state.records.at(-1).sig;
      let first = state.records.length - 1;
      while (first > 0 && state.records[first - 1].sig === final) first--;
      return { ms: state.records[first].t - state.t0, changes: state.records.length, top: final.split('\n')[0]?.slice(0, 40) };
    },
    value() {
      return document.querySelector('.quick-input-widget .quick-input-box input')?.value;
    },
  };
}

/** F1, the command's title, then a click on its row: the click is the moment timed. */
async function openFromPalette(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${INSERT_COMMAND}`);
  const row = rowWithLabel(page, INSERT_COMMAND);
  await row.waitFor({ state: 'visible' });
  await page.evaluate(() => window.__phrasebookBench.arm('open'));
  await row.click();
}

async function settle(page, mode) {
  const deadline = Date.now() + KEY_TIMEOUT_MS;
  while ((await page.evaluate(() => window.__phrasebookBench.quietFor())) < QUIET_MS && Date.now() < deadline) await page.waitForTimeout(50);
  return page.evaluate(() => window.__phrasebookBench.result());
}

function workspaceFor(library) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `phrasebook-bench-ui-${library}-`));
  fs.writeFileSync(path.join(folder, 'report.md'), '# 对照检查材料\n\n');
  if (library !== 'builtin') {
    const count = library === '10k' ? Number(args.count) : Number(library.replace(/k$/, '000'));
    fs.mkdirSync(path.join(folder, '.phrasebook'));
    fs.writeFileSync(path.join(folder, '.phrasebook', 'synthetic.md'), fixtures.syntheticCorpusText(REPO_ROOT, count));
  }
  return folder;
}

async function measure(library) {
  const folder = workspaceFor(library);
  const wb = await startWorkbench({ extensionDevelopmentPath: path.resolve(args.extension), folder, viewport: { width: 1280, height: 800 }, verbose: args.verbose });
  const { page } = wb;
  const keys = [];
  const opens = [];
  try {
    await page.evaluate(installProbe, PICK_TITLES);
    await openFile(page, 'report.md', { timeoutMs: 300_000 }); // a loaded machine takes its time here
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // The first pick, then a second one (activation and the index build are behind it by then).
    for (let round = 0; round < 2; round++) {
      await openFromPalette(page);
      const opened = await settle(page, 'open');
      if (opened.error) {
        const seen = await page.evaluate(() => {
          const widget = document.querySelector('.quick-input-widget');
          return { display: widget?.style.display, title: widget?.querySelector('.quick-input-title')?.textContent, rows: document.querySelectorAll('.quick-input-widget .monaco-list-row').length, focus: document.activeElement?.className };
        });
        throw new Error(`the pick did not open: ${opened.error} (${JSON.stringify(seen)})`);
      }
      opens.push(opened.ms);
      if (round === 0) {
        // Let the library (a large one loads after activation) and its index get ready before timing keys.
        await input.fill('zz');
        await page.evaluate(() => {
          window.__phrasebookBench.arm('key');
          window.dispatchEvent(new Event('keydown'));
        });
        await settle(page, 'key');
      }
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await focusEditor(page);
    }
    await openFromPalette(page);
    await settle(page, 'open');
    for (const { kind, query } of fixtures.KEYSTROKE_QUERIES) {
      await input.fill('');
      await page.evaluate(() => {
        window.__phrasebookBench.arm('key');
        window.dispatchEvent(new Event('keydown'));
      });
      await settle(page, 'key');
      for (let end = 1; end <= query.length; end++) {
        await page.evaluate(() => window.__phrasebookBench.arm('key'));
        await page.keyboard.type(query[end - 1]);
        const result = await settle(page, 'key');
        const value = await page.evaluate(() => window.__phrasebookBench.value());
        if (result.error || value !== query.slice(0, end)) {
          console.warn(`  ${library} "${query.slice(0, end)}": ${result.error ?? `the box reads "${value}"`} (skipped)`);
          continue;
        }
        keys.push({ kind, query: query.slice(0, end), ...result });
        if (args.verbose) console.log(`  ${library} ${JSON.stringify(query.slice(0, end))}: ${result.ms.toFixed(1)} ms (${result.changes ?? 0} changes) ${result.top ?? ''}`);
      }
    }
  } finally {
    await wb.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return { library, opens, keys };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`bench:ui — extension ${path.resolve(args.extension)}, ${os.cpus().length} cores, load average ${load()}`);
const results = [];
for (const library of args.libraries.split(',')) {
  const started = Date.now();
  results.push({ ...(await measure(library)), load: os.loadavg()[0], seconds: (Date.now() - started) / 1000 });
}
const fmt = (n) => (Number.isNaN(n) ? '—' : n.toFixed(0));
console.log('\n| library | keystrokes | p50 ms | p95 ms | max ms | first pick open ms | second open ms | load avg (1 min) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { library, keys, opens, load: avg } of results) {
  const ms = keys.map((k) => k.ms).sort((a, b) => a - b);
  console.log(`| ${library} | ${ms.length} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 95))} | ${fmt(ms.at(-1) ?? NaN)} | ${fmt(opens[0])} | ${fmt(opens[1])} | ${avg.toFixed(1)} |`);
}
console.log(`\nload average at the end: ${load()}`);
if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
