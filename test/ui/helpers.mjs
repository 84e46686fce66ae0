// Shared pieces of the UI tests (test/ui/*.test.mjs): a throw-away copy of a fixture workspace, the
// expected answers computed by the extension's own CLI (dist/cli.js, the same core the extension runs),
// and Playwright helpers for the Phrasebook tree view and quick pick on top of test/runner/workbench.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, openFile, startWorkbench } from '../runner/workbench.mjs';

export { REPO_ROOT };

/** Where screenshots go: test-results/ (git-ignored), or docs/ via `npm run screenshots` (PHRASEBOOK_SCREENSHOTS). */
export const SCREENSHOT_DIR = path.resolve(process.env.PHRASEBOOK_SCREENSHOTS || path.join(REPO_ROOT, 'test-results'));
export const VIEWPORT = { width: 1280, height: 800 };
export const INSERT_COMMAND = 'Phrasebook: Insert Item\u2026';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const SIDEBAR = '.part.sidebar';
const TREE_ROW = `${SIDEBAR} .monaco-list-row[role="treeitem"]`;

// ---------------------------------------------------------------------------------------------------
// Workspace and workbench

/**
 * Copies test/fixtures/ui-workspace/<name> to a temporary folder and opens VS Code on it.
 * Returns the workbench (wb.page, wb.close) and the copy's path; `dispose()` closes both.
 */
export async function openFixtureWorkbench(name, { settings } = {}) {
  const source = path.join(REPO_ROOT, 'test', 'fixtures', 'ui-workspace', name);
  assert.ok(fs.existsSync(source), `fixture workspace ${source} is missing`);
  assert.ok(fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js')), 'dist/extension.js is missing: run `npm run build` first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-ui-'));
  const folder = path.join(tmp, name);
  fs.cpSync(source, folder, { recursive: true });
  let wb;
  try {
    wb = await startWorkbench({ extensionDevelopmentPath: REPO_ROOT, folder, settings, viewport: VIEWPORT });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return {
    wb,
    page: wb.page,
    folder,
    async dispose() {
      try {
        await wb.close();
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Expected answers, from the extension's CLI and core (not from the UI under test)

const require = createRequire(import.meta.url);
let core;
function shortNameOf(categoryName) {
  core ??= require(path.join(REPO_ROOT, 'dist', 'core.js'));
  return core.shortNameOf(categoryName);
}

function cli(args) {
  return execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
}

/** `phrasebook list --json`: { id, title, categories: [{ id, ordinal, name, items: [{ id, number, title, text }] }] }. */
export function corpusListing(corpusFile) {
  return JSON.parse(cli(['list', '--json', ...(corpusFile ? ['--corpus', corpusFile] : [])]));
}

/** `phrasebook show <id> --json`: { id, number, title, text, category, … }. */
export function showItem(id, corpusFile) {
  return JSON.parse(cli(['show', id, '--json', ...(corpusFile ? ['--corpus', corpusFile] : [])]));
}

/** `phrasebook search <query> --json`, as the rows the pick should show: { id, label, description }. */
export function searchRows(query, { corpusFile, limit = 100 } = {}) {
  const hits = JSON.parse(cli(['search', query, '--json', '--limit', String(limit), ...(corpusFile ? ['--corpus', corpusFile] : [])]));
  return hits.map((hit) => ({ id: hit.id, label: hit.title, description: `${shortNameOf(hit.category)} ${hit.number}` }));
}

/** The label a category has in the tree: `一、理论学习方面存在问题`. */
export function categoryLabel(category) {
  return category.ordinal ? `${category.ordinal}、${category.name}` : category.name;
}

// ---------------------------------------------------------------------------------------------------
// Waiting

/**
 * How long UI state may take to arrive. Generous on purpose: a passing wait returns as soon as the state
 * is there, and on a busy 2-core CI machine the workbench can lag by many seconds; only a real failure
 * waits this long.
 */
export const STATE_TIMEOUT_MS = 60_000;

/**
 * Calls `read` until `done(value)` holds or the time is up, and returns the last value either way:
 * the caller then asserts on it, so a timeout fails with the real state in the message.
 */
export async function pollUntil(page, read, done, { timeoutMs = STATE_TIMEOUT_MS, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await page.waitForTimeout(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------------
// Quick pick

/** Types a query into the open quick pick's filter box (replacing what was there). */
export async function typeQuery(page, query) {
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible' });
  await input.fill(query);
}

/** The rendered rows of the open quick pick: { label, description, focused } (separators and hidden rows left out). */
export async function pickRows(page) {
  return page.evaluate((widget) => {
    const text = (el) => (el?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    return [...document.querySelectorAll(`${widget} .quick-input-list .monaco-list-row`)]
      .filter((row) => row.offsetParent !== null)
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((row) => {
        const first = row.querySelector('.quick-input-list-rows > .quick-input-list-row:first-child');
        return {
          label: text(first?.querySelector('.label-name')),
          description: text(first?.querySelector('.label-description')),
          focused: row.classList.contains('focused'),
        };
      })
      .filter((row) => row.label !== '');
  }, QUICK_INPUT);
}

/** The value in the quick input's filter box, or undefined when no quick input is visible. */
export async function pickValue(page) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el && el.offsetParent !== null ? el.value : undefined;
  }, QUICK_INPUT_BOX);
}

export async function waitForPickHidden(page, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * A suite's workbench on the plain fixture with `file` open, for tests that drive picks: opened before the
 * suite, closed after it, and after each test no pick is left open and the window is back to VIEWPORT.
 * Returns the live handles (`page` is set once the suite's `before` has run).
 */
export function pickWorkbench(file) {
  const handles = { ws: undefined, page: undefined };
  before(async function () {
    handles.ws = await openFixtureWorkbench('plain');
    handles.page = handles.ws.page;
    await openFile(handles.page, file);
  });
  after(async function () {
    await handles.ws?.dispose();
  });
  afterEach(async function () {
    const { page } = handles;
    await page.setViewportSize(VIEWPORT);
    if ((await pickValue(page).catch(() => undefined)) !== undefined) {
      await page.keyboard.press('Escape');
      await waitForPickHidden(page).catch(() => {});
    }
  });
  return handles;
}

/**
 * Waits until the pick's first rows are `expected` ({label, description}; compared on those two), and
 * asserts it: our ranking, in our order. Only the rows Monaco renders are compared (the list is virtual).
 */
export async function expectPickRows(page, expected, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const want = expected.map(({ label, description }) => ({ label, description }));
  const shown = (rows) => rows.map(({ label, description }) => ({ label, description }));
  const rows = await pollUntil(
    page,
    () => pickRows(page),
    (rows) => rows.length > 0 && JSON.stringify(shown(rows)) === JSON.stringify(want.slice(0, rows.length)) && (rows.length >= want.length || rows.length >= 8),
    { timeoutMs },
  );
  assert.ok(rows.length > 0, 'the quick pick shows no rows');
  assert.deepEqual(shown(rows), want.slice(0, rows.length), 'quick pick rows (label, description), top to bottom');
  assert.ok(rows.length >= Math.min(want.length, 8), `only ${rows.length} of ${want.length} expected rows are shown`);
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Tree view

/** Shows the Phrasebook view container (activity bar) and waits for the Library tree to have rows. */
export async function openPhrasebookView(page, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  const button = page.locator('.part.activitybar .action-item .action-label[aria-label^="Phrasebook"]');
  const title = page.locator(`${SIDEBAR} .composite.title`, { hasText: 'Phrasebook' });
  await button.waitFor({ state: 'visible', timeout: timeoutMs });
  // A click on a busy workbench can be lost; click again only while the container is still not selected
  // (a click on the selected one would hide the sidebar).
  await retryUntil(
    'the Phrasebook view to open',
    async () => {
      const selected = await button.evaluate((el) => el.closest('.action-item')?.classList.contains('checked') ?? false);
      if (!selected) await button.click({ timeout: remaining(deadline) });
    },
    () => title.isVisible(),
    { deadline },
  );
  await page.locator(TREE_ROW).first().waitFor({ state: 'visible', timeout: remaining(deadline) });
}

/** The rendered rows of the sidebar tree, top to bottom: { label, description, level, expanded, icon }. */
export async function treeRows(page) {
  return page.evaluate((sel) => {
    const text = (el) => (el?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    return [...document.querySelectorAll(sel)]
      .filter((row) => row.offsetParent !== null)
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((row) => {
        const icon = row.querySelector('.custom-view-tree-node-item-icon');
        return {
          label: text(row.querySelector('.label-name')),
          description: text(row.querySelector('.label-description')),
          level: Number(row.getAttribute('aria-level')),
          expanded: row.hasAttribute('aria-expanded') ? row.getAttribute('aria-expanded') === 'true' : undefined,
          icon: [...(icon?.classList ?? [])].find((c) => c.startsWith('codicon-') && c !== 'codicon-colored') ?? '',
        };
      });
  }, TREE_ROW);
}

/** The tree row whose label is exactly `label` (optionally at `level`). */
export function treeRow(page, label, { level } = {}) {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const rows = page.locator(level ? `${TREE_ROW}[aria-level="${level}"]` : TREE_ROW);
  return rows.filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
}

/** Expands a tree row (by its twistie) and waits until the tree says it is expanded. */
export async function expandTreeRow(page, label, opts) {
  await setTreeRowExpanded(page, label, true, opts);
}

/** Collapses a tree row and waits until the tree says it is collapsed. */
export async function collapseTreeRow(page, label, opts) {
  await setTreeRowExpanded(page, label, false, opts);
}

/**
 * Clicks the row's twistie until its aria-expanded reads `expanded`. The row is looked up afresh on every
 * read: a tree refresh (the user corpus loading, "used" marks) re-renders rows, and a handle taken before
 * it would watch a detached element forever (what made CI time out here). Expanding waits for the
 * extension host's children, which under load takes many seconds: a click is repeated only after a long
 * wait and never while the twistie shows it is loading, since a second click that lands after the first
 * one's children would collapse the row again (stress run, load average 21).
 */
async function setTreeRowExpanded(page, label, expanded, { level, timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const row = treeRow(page, label, { level });
  const want = String(expanded);
  const deadline = Date.now() + timeoutMs;
  await retryUntil(
    `the tree row "${label}" to be ${expanded ? 'expanded' : 'collapsed'}`,
    async () => {
      await row.waitFor({ state: 'visible', timeout: remaining(deadline) });
      if ((await row.getAttribute('aria-expanded', { timeout: remaining(deadline) })) === want) return;
      if (await row.locator('.monaco-tl-twistie.codicon-tree-item-loading').count()) return;
      await row.locator('.monaco-tl-twistie').click({ timeout: remaining(deadline) });
    },
    async () => (await row.getAttribute('aria-expanded', { timeout: 1000 }).catch(() => null)) === want,
    { deadline, firstWaitMs: 20_000 },
  );
}

/**
 * Does `act`, then polls `done` for a while; when the state has not arrived, does `act` again (which must
 * check the state itself before repeating anything that toggles), waiting longer each round, until
 * `deadline`. Errors from `act` (an element re-rendered under the pointer) also lead to another round.
 */
export async function retryUntil(what, act, done, { deadline = Date.now() + STATE_TIMEOUT_MS, firstWaitMs = 2000, intervalMs = 100 } = {}) {
  let wait = firstWaitMs;
  let lastError;
  for (;;) {
    if (await done()) return;
    try {
      await act();
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    const roundEnd = Math.min(deadline, Date.now() + wait);
    while (Date.now() < roundEnd) {
      if (await done()) return;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    if (Date.now() >= deadline) {
      if (await done()) return;
      throw new Error(`timed out waiting for ${what}${lastError ? ` (last attempt: ${lastError.message})` : ''}`);
    }
    wait *= 2;
  }
}

function remaining(deadline) {
  return Math.max(1000, deadline - Date.now());
}

/**
 * Clicks one of a tree row's hover actions (e.g. "Insert into Editor"). They show only under the pointer,
 * and a tree refresh can hide them again between hover and click: hover again until the click is made.
 * A click that was made is never repeated (its command may just be slow).
 */
export async function clickRowAction(page, row, label, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  const action = row.locator(`.actions .action-label[aria-label^="${label}"]`);
  for (let wait = 2000; ; wait *= 2) {
    try {
      await row.hover({ timeout: remaining(deadline) });
      await action.waitFor({ state: 'visible', timeout: Math.min(wait, remaining(deadline)) });
      await action.click({ timeout: Math.min(wait, remaining(deadline)) });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** The rows right under the row labelled `parent` (the next rows one level deeper, until the level drops back). */
export function childrenOf(rows, parent, { level } = {}) {
  const start = rows.findIndex((row) => row.label === parent && (level === undefined || row.level === level));
  if (start < 0) return [];
  const children = [];
  for (let i = start + 1; i < rows.length && rows[i].level > rows[start].level; i++) {
    if (rows[i].level === rows[start].level + 1) children.push(rows[i]);
  }
  return children;
}

// ---------------------------------------------------------------------------------------------------
// Screenshots

/** Moves the mouse somewhere inert and waits for hovers/tooltips to go, so screenshots show no stray popups. */
export async function calmMouse(page) {
  await page.mouse.move(VIEWPORT.width - 200, VIEWPORT.height - 120);
  await page
    .waitForFunction(
      () => ![...document.querySelectorAll('.workbench-hover, .monaco-hover:not(.hidden)')].some((el) => el.offsetParent !== null),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => {});
}

/**
 * Whether the browser has a font for Chinese: two different ideographs must not draw the same pixels
 * (without a CJK font both come out as the same "tofu" box).
 */
export async function cjkGlyphsRender(page) {
  return page.evaluate(() => {
    const draw = (ch) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 40;
      const ctx = canvas.getContext('2d');
      ctx.font = '32px sans-serif';
      ctx.fillText(ch, 2, 32);
      return ctx.getImageData(0, 0, 40, 40).data.join(',');
    };
    return draw('理') !== draw('论') && draw('理') !== draw('\u0378');
  });
}

/** Saves a README screenshot (PNG) under SCREENSHOT_DIR and checks it is a real, non-trivial image. */
export async function docScreenshot(page, name) {
  assert.ok(await cjkGlyphsRender(page), 'Chinese renders as boxes: install fonts-noto-cjk (bash scripts/install-test-deps.sh)');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await page.screenshot({ path: file });
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  assert.equal(bytes.readUInt32BE(16), VIEWPORT.width, `${file} width`);
  assert.equal(bytes.readUInt32BE(20), VIEWPORT.height, `${file} height`);
  return file;
}

/** Drags the sidebar's edge so the sidebar is about `width` pixels wide (long Chinese titles need room). */
export async function setSidebarWidth(page, width) {
  const sidebar = page.locator(SIDEBAR);
  const box = await sidebar.boundingBox();
  assert.ok(box, 'the sidebar is visible');
  const sashes = await page.$$eval('.monaco-sash.vertical', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height };
    }),
  );
  const edge = box.x + box.width;
  const sash = sashes.filter((s) => s.height > 100).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
  assert.ok(sash && Math.abs(sash.x - edge) < 10, `no sash at the sidebar's edge (x=${edge})`);
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x + (width - box.width) / 2, sash.y, { steps: 4 });
  await page.mouse.move(box.x + width, sash.y, { steps: 4 });
  await page.mouse.up();
  const after = await sidebar.boundingBox();
  assert.ok(Math.abs(after.width - width) < 20, `sidebar is ${after.width}px wide, wanted ${width}`);
}
