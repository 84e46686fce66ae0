#!/usr/bin/env node
// `npm run bench:ui`: how long Insert Item… takes inside VS Code (code-server + Chromium, the UI tests'
// harness) from a keystroke to the list showing that query's rows, and how long the first pick takes to
// open. A measurement, not a test: it prints p50/p95/max per library and never fails on a slow figure.
//
//   node scripts/bench-ui.mjs [--libraries builtin,10k,palette] [--count 10000] [--extension <dir>] [--quiet-ms 800] [--json out.json]
//                             [--breakdown] [--profile]
//
// How it reads the workbench: a MutationObserver on the quick input records, after each keystroke
// (timestamped at its keydown/beforeinput in the page), every change to the rendered rows with their
// text. Once the list has been quiet for --quiet-ms, its rows are the query's final rows; the latency is
// the time from the keystroke to the first change after which the rendered rows stayed those final rows
// (a later change that leaves the visible rows as they were, e.g. rows below the fold, does not count).
// A keystroke that changes nothing on screen counts as 0 ms. The first pick is timed from the second key
// (mousedown) on "Phrasebook: Insert Item…" in the command palette, run as soon as the extension reports
// its activation done (PHRASEBOOK_PICK_PROBE=activation: the issue's budget is "≤ 300 ms after
// activation"), to the pick showing rows; then once more. How long activation took from opening
// report.md is printed beside it.
//
// `palette` is the reference: VS Code's own Command Palette, typed the same way in the same window with
// English command names (it filters in the page, with no extension host round trip): what any list
// costs the workbench per keystroke on this machine, the floor under our figures.
//
// --breakdown splits each keystroke's time: the page timestamps its WebSocket frames to and from the
// server, and the extension host (PHRASEBOOK_PICK_PROBE=1, src/vscode/pick/probe.ts) logs when the value
// arrived, the search and the rows were done, and the items were sent; all on the wall clock.
// --profile records the page's CPU profile while typing and prints the functions that took the time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { REPO_ROOT, focusEditor, openFile, rowWithLabel, startWorkbench } from '../test/runner/workbench.mjs';

const { values: args } = parseArgs({
  options: {
    libraries: { type: 'string', default: 'builtin,10k,palette' },
    count: { type: 'string', default: '10000' },
    extension: { type: 'string', default: REPO_ROOT },
    'quiet-ms': { type: 'string', default: '800' },
    json: { type: 'string' },
    breakdown: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const QUIET_MS = Number(args['quiet-ms']);
const KEY_TIMEOUT_MS = 60_000;
const require = createRequire(import.meta.url);
const fixtures = require(path.join(REPO_ROOT, 'out', 'bench', 'ui-library.cjs'));
const PICK_TITLES = ['Insert Phrasebook Item', '插入短语库条目'];
const INSERT_COMMAND = 'Phrasebook: Insert Item\u2026';
/** Typed into the Command Palette for the reference row: command names, each keystroke narrowing the list. */
const PALETTE_QUERIES = ['toggle word wrap', 'format document', 'insert item', 'open settings', 'reload window', 'close all editors'];

/** Installed in the page: timestamps keystrokes and the quick input's row changes. */
function installProbe(titles) {
  const rowsSelector = '.quick-input-widget .quick-input-list .monaco-list-row';
  const state = { mode: 'idle', t0: undefined, records: [], last: 0, opened: undefined, frames: [] };
  // WebSocket frames to and from code-server, for --breakdown (the extension host's RPC travels on one).
  const send = WebSocket.prototype.send;
  let sockets = 0;
  WebSocket.prototype.send = function (data) {
    if (this.__benchSocket === undefined) {
      const socket = (this.__benchSocket = sockets++);
      this.addEventListener('message', (e) => {
        if (state.mode === 'key') state.frames.push({ dir: 'in', socket, t: e.timeStamp, done: performance.now(), size: e.data?.byteLength ?? e.data?.size ?? e.data?.length });
      });
    }
    if (state.mode === 'key') state.frames.push({ dir: 'out', socket: this.__benchSocket, t: performance.now(), size: data?.byteLength ?? data?.size ?? data?.length });
    return send.call(this, data);
  };
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
      Object.assign(state, { mode, t0: undefined, records: [], last: 0, opened: undefined, frames: [] });
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
      const wall = (t) => performance.timeOrigin + t;
      return {
        ms: state.records[first].t - state.t0,
        changes: state.records.length,
        top: final.split('\n')[0]?.slice(0, 40),
        wall: { key: wall(state.t0), final: wall(state.records[first].t), changes: state.records.map((r) => wall(r.t)) },
        frames: state.frames.map((f) => ({ ...f, t: wall(f.t), done: f.done && wall(f.done) })),
      };
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
  if (library !== 'builtin' && library !== 'palette') {
    const count = library === '10k' ? Number(args.count) : Number(library.replace(/k$/, '000'));
    fs.mkdirSync(path.join(folder, '.phrasebook'));
    fs.writeFileSync(path.join(folder, '.phrasebook', 'synthetic.md'), fixtures.syntheticCorpusText(REPO_ROOT, count));
  }
  return folder;
}

async function measure(library) {
  const palette = library === 'palette';
  // The palette's commands follow a '>' that stays in the box.
  const prefix = palette ? '>' : '';
  const folder = workspaceFor(library);
  const wb = await startWorkbench({
    extensionDevelopmentPath: path.resolve(args.extension),
    folder,
    viewport: { width: 1280, height: 800 },
    verbose: args.verbose,
    extensionEnvironment: { PHRASEBOOK_PICK_PROBE: args.breakdown ? '1' : 'activation' },
  });
  const { page } = wb;
  const keys = [];
  const opens = [];
  let activationMs;
  const probes = [];
  let activated;
  page.on('console', (message) => {
    const match = /\[phrasebook-probe\] (\{.*\})/.exec(message.text());
    if (!match) return;
    const probe = JSON.parse(match[1]);
    if (probe.activated) activated = probe;
    else probes.push(probe);
  });
  let profile;
  try {
    await page.evaluate(installProbe, PICK_TITLES);
    const opening = Date.now();
    await openFile(page, 'report.md', { timeoutMs: 300_000 }); // a loaded machine takes its time here
    while (!activated && Date.now() - opening < 300_000) await page.waitForTimeout(20);
    if (!activated) throw new Error('the extension did not report its activation (PHRASEBOOK_PICK_PROBE)');
    activationMs = Date.now() - opening;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    if (palette) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
    }
    // The first pick, then a second one (activation and the index build are behind it by then).
    for (let round = 0; round < 2 && !palette; round++) {
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
    if (!palette) {
      await openFromPalette(page);
      await settle(page, 'open');
    }
    // The page's main-thread CPU time per keystroke (thread ticks: what a busy machine does not inflate).
    const metrics = args.breakdown ? await page.context().newCDPSession(page) : undefined;
    await metrics?.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cdp = args.profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    const queries = palette ? PALETTE_QUERIES.map((query) => ({ kind: 'command', query: `${prefix}${query}` })) : fixtures.KEYSTROKE_QUERIES;
    for (const { kind, query } of queries) {
      await input.fill(prefix);
      await page.evaluate(() => {
        window.__phrasebookBench.arm('key');
        window.dispatchEvent(new Event('keydown'));
      });
      await settle(page, 'key');
      for (let end = prefix.length + 1; end <= query.length; end++) {
        const before = metrics && (await pageMetrics(metrics));
        await page.evaluate(() => window.__phrasebookBench.arm('key'));
        await page.keyboard.type(query[end - 1]);
        const result = await settle(page, 'key');
        if (metrics) result.cpu = difference(await pageMetrics(metrics), before);
        const value = await page.evaluate(() => window.__phrasebookBench.value());
        if (result.error || value !== query.slice(0, end)) {
          console.warn(`  ${library} "${query.slice(0, end)}": ${result.error ?? `the box reads "${value}"`} (skipped)`);
          continue;
        }
        keys.push({ kind, query: query.slice(0, end), ...result });
        if (args.verbose) console.log(`  ${library} ${JSON.stringify(query.slice(0, end))}: ${result.ms.toFixed(1)} ms (${result.changes ?? 0} changes) ${result.top ?? ''}`);
      }
    }
    if (cdp) profile = (await cdp.send('Profiler.stop')).profile;
  } finally {
    await wb.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  if (args.breakdown) breakdown(library, keys, probes);
  if (profile) printProfile(library, profile, keys.length);
  return { library, opens, activationMs, keys: keys.map(({ frames, wall, ...key }) => key) };
}

const METRICS = ['ThreadTime', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'RecalcStyleCount', 'LayoutCount'];

async function pageMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]));
}

/** Durations in ms (the metrics give seconds), counts as they are. */
function difference(after, before) {
  return Object.fromEntries(METRICS.map((name) => [name, (after[name] - before[name]) * (name.endsWith('Count') ? 1 : 1000)]));
}

/**
 * Per keystroke whose rows changed: keydown → the page sends the value (the workbench's own input
 * handling and filtering) → the extension host gets it (code-server relays) → search → rows → items set →
 * serialized and sent (the next timer) → the page receives the update → the rows on screen are final.
 */
function breakdown(library, keys, probes) {
  const segments = { 'key → value sent': [], 'sent → ext host': [], search: [], rows: [], 'set → sent by ext host': [], 'ext host → page': [], 'page: update → rows final': [], total: [] };
  const cpu = { changed: Object.fromEntries(METRICS.map((name) => [name, []])), unchanged: Object.fromEntries(METRICS.map((name) => [name, []])) };
  const hostCpu = [];
  let unmatched = 0;
  for (const key of keys) {
    if (key.cpu) for (const name of METRICS) cpu[key.unchanged ? 'unchanged' : 'changed'][name].push(key.cpu[name]);
    if (!key.wall) continue;
    const probe = probes.find((p) => p.query === key.query.trim() && p.start >= key.wall.key - 5 && p.start <= key.wall.final + 5);
    if (!probe) {
      unmatched++;
      continue;
    }
    const out = key.frames.find((f) => f.dir === 'out' && f.t >= key.wall.key);
    const update = key.frames.filter((f) => f.dir === 'in' && f.t >= probe.set - 2 && f.t <= key.wall.final).sort((a, b) => b.size - a.size)[0];
    if (!out || !update) {
      unmatched++;
      continue;
    }
    segments['key → value sent'].push(out.t - key.wall.key);
    segments['sent → ext host'].push(probe.start - out.t);
    segments.search.push((probe.search ?? probe.start) - probe.start);
    segments.rows.push(probe.set - (probe.search ?? probe.start));
    segments['set → sent by ext host'].push(probe.flushed - probe.set);
    segments['ext host → page'].push(update.t - probe.flushed);
    segments['page: update → rows final'].push(key.wall.final - update.t);
    segments.total.push(key.ms);
    if (probe.cpu !== undefined) hostCpu.push(probe.cpu);
    if (args.verbose) console.log(`  ${JSON.stringify(key.query)} update ${update.size} B, ${probe.rows} rows: ${segmentsOf(key, out, probe, update)}`);
  }
  console.log(`\nbreakdown, ${library}: ${segments.total.length} keystrokes that changed the rows (${unmatched} others); ms`);
  console.log('| step | p50 | p95 | mean |\n| --- | ---: | ---: | ---: |');
  for (const [name, values] of Object.entries(segments)) {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
    console.log(`| ${name} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(mean)} |`);
  }
  console.log(`\nCPU per keystroke, ${library} (main thread of the page, thread time; extension host process): mean / p95`);
  const stat = (values, digits = 1) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${(values.reduce((a, b) => a + b, 0) / (values.length || 1)).toFixed(digits)} / ${(percentile(sorted, 95) ?? NaN).toFixed(digits)}`;
  };
  console.log('| keystrokes | n | page CPU ms | script ms | style ms | layout ms | style recalcs | layouts |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [kind, values] of Object.entries(cpu)) {
    const n = values.ThreadTime.length;
    console.log(`| rows ${kind} | ${n} | ${stat(values.ThreadTime)} | ${stat(values.ScriptDuration)} | ${stat(values.RecalcStyleDuration)} | ${stat(values.LayoutDuration)} | ${stat(values.RecalcStyleCount)} | ${stat(values.LayoutCount)} |`);
  }
  if (hostCpu.length) console.log(`extension host CPU per update (value in → items sent): ${stat(hostCpu)} ms`);
}

function segmentsOf(key, out, probe, update) {
  return [out.t - key.wall.key, probe.start - out.t, probe.set - probe.start, probe.flushed - probe.set, update.t - probe.flushed, key.wall.final - update.t].map((n) => n.toFixed(1)).join(' / ');
}

/** Self and total time per function in the page while typing, from a CDP CPU profile. */
function printProfile(library, profile, keystrokes) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim();
  };
  const self = new Map();
  const total = new Map();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const dt = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const node = byId.get(id);
    const own = name(node);
    self.set(own, (self.get(own) ?? 0) + dt);
    if (node.callFrame.functionName !== '(idle)') busy += dt;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = name(byId.get(at));
      if (seen.has(n)) continue;
      seen.add(n);
      total.set(n, (total.get(n) ?? 0) + dt);
    }
  });
  console.log(`\nprofile, ${library}: page busy ${busy.toFixed(0)} ms over ${keystrokes} keystrokes (${(busy / keystrokes).toFixed(1)} ms each)`);
  const top = (map, label) => {
    console.log(`top ${label}:`);
    for (const [fn, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${fn}`);
  };
  top(self, 'self time');
  top(total, 'total time');
  if (args.json) fs.writeFileSync(args.json.replace(/\.json$/, `.${library}.cpuprofile`), JSON.stringify(profile));
}

const fmt = (n) => (Number.isNaN(n) ? '—' : n.toFixed(0));

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
console.log('\n| library | keystrokes | p50 ms | p95 ms | max ms | report.md open → activated ms | first pick open ms (after activation) | second open ms | load avg (1 min) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { library, keys, opens, activationMs, load: avg } of results) {
  const ms = keys.map((k) => k.ms).sort((a, b) => a - b);
  console.log(`| ${library === 'palette' ? "palette (VS Code's own, reference)" : library} | ${ms.length} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 95))} | ${fmt(ms.at(-1) ?? NaN)} | ${fmt(activationMs)} | ${fmt(opens[0] ?? NaN)} | ${fmt(opens[1] ?? NaN)} | ${avg.toFixed(1)} |`);
}
console.log(`\nload average at the end: ${load()}`);
if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
