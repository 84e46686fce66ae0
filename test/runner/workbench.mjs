// Helpers for UI tests that drive a real VS Code workbench (code-server) in headless Chromium
// through Playwright, with the extension under test loaded in development mode.
//
//   import { startWorkbench, runCommand, openFile, editorText, quickPickRows, screenshot } from './workbench.mjs';
//   const wb = await startWorkbench({ extensionDevelopmentPath: REPO_ROOT, folder: '/tmp/ws' });
//   try {
//     await openFile(wb.page, 'notes.md');
//     await runCommand(wb.page, 'Phrasebook: Insert Paragraph');
//     console.log(await quickPickRows(wb.page));
//   } finally { await wb.close(); }
//
// Selectors target VS Code 1.139's DOM (the same one the smoke tests use) and wait for real
// conditions rather than sleeping. Deadlines are generous (STATE_TIMEOUT_MS): a busy 2-core machine can
// lag by many seconds, and a wait that succeeds returns as soon as the state is there. An action whose
// effect does not show (a click lost while the DOM re-rendered) is repeated, never just waited out.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, openWorkbench, startCodeServer, formatLogMessage } from './codeServer.mjs';

export { REPO_ROOT } from './codeServer.mjs';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
const ROW_LABEL = '.quick-input-list-rows > .quick-input-list-row:first-child .label-name';
const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance .monaco-editor';

/** How long workbench state may take to arrive before a wait fails. */
export const STATE_TIMEOUT_MS = 60_000;

/**
 * Starts code-server and opens the workbench on `folder` with the extension in development mode.
 * @param {object} opts
 * @param {string} opts.extensionDevelopmentPath  folder with the extension's package.json (its `main` must be built)
 * @param {string} opts.folder                    workspace folder to open
 * @param {object} [opts.settings]                user settings (merged over codeServer.DEFAULT_SETTINGS)
 * @param {object} [opts.extensionEnvironment]    env vars for the extension host
 * @param {{width:number,height:number}} [opts.viewport]
 * @param {boolean} [opts.verbose]                print code-server output and the workbench log
 * @param {number} [opts.timeoutMs=150000]         how long start-up may take in all (server, page load, workbench)
 * @returns {Promise<{page, browser, server, log: string[], close: () => Promise<void>}>}
 */
export async function startWorkbench(opts) {
  const { extensionDevelopmentPath, folder, settings, extensionEnvironment, viewport, verbose = false, timeoutMs = 150_000 } = opts;
  const deadline = Date.now() + timeoutMs;
  const server = await startCodeServer({ workspace: folder, settings, verbose, startTimeoutMs: timeoutMs });
  let browser;
  try {
    browser = await launchChromium();
    const log = [];
    const { page } = await openWorkbench(browser, server.url, {
      folder,
      extensionDevelopmentPath,
      extensionEnvironment,
      viewport,
      timeoutMs: left(deadline),
      onLog: (level, message) => {
        const line = `[${level}] ${formatLogMessage(message)}`;
        log.push(line);
        if (verbose) console.log(line);
      },
    });
    page.setDefaultTimeout(STATE_TIMEOUT_MS);
    await waitForWorkbench(page, { timeoutMs: left(deadline) });
    const close = async () => {
      await browser.close().catch(() => {});
      await server.stop();
    };
    return { page, browser, server, log, close };
  } catch (e) {
    await browser?.close().catch(() => {});
    await server.stop();
    throw e;
  }
}

/** Waits until the workbench is laid out and the remote connection / extension host are up. */
export async function waitForWorkbench(page, { timeoutMs = 120_000 } = {}) {
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
  // The explorer lists the folder once the remote file system answers (skip if the sidebar is hidden).
  if (await page.locator('.part.sidebar').isVisible().catch(() => false)) {
    await page
      .locator('.explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs })
      .catch(() => {});
  }
}

async function escapeQuickInput(page) {
  if (await page.locator(QUICK_INPUT).isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  }
}

/**
 * Runs a command by its palette title (e.g. 'Phrasebook: Insert Paragraph') through F1 → type → click.
 * Retries while the command is not listed yet (the extension host may still be starting), and clicks
 * again while the palette stays open (a click can be lost while the list re-renders; the command runs
 * only once the palette has accepted it, so a second click cannot run it twice).
 * Resolves once the command palette has closed or turned into the command's own quick pick/input.
 */
export async function runCommand(page, title, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  const paletteGone = () =>
    page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return !el || el.offsetParent === null || !el.value.startsWith('>');
    }, QUICK_INPUT_BOX);
  let wait = 2000;
  for (;;) {
    await escapeQuickInput(page);
    await page.keyboard.press('F1');
    const input = page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ state: 'visible', timeout: left(deadline) });
    await input.fill(`>${title}`);
    const row = rowWithLabel(page, title);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(wait * 2, left(deadline)) });
    } catch {
      if (Date.now() > deadline) {
        const seen = await quickPickRows(page).catch(() => []);
        await escapeQuickInput(page);
        throw new Error(`runCommand: no command titled "${title}" in the palette (saw: ${JSON.stringify(seen)})`);
      }
      wait *= 2;
      continue;
    }
    // Click the exact row rather than Enter (fuzzy matching may rank others first).
    for (;;) {
      await row.click({ timeout: left(deadline) }).catch(() => {});
      if (await pollFor(page, paletteGone, Math.min(wait, left(deadline)))) return;
      if (Date.now() > deadline) throw new Error(`runCommand: the palette did not accept "${title}"`);
      wait *= 2;
      if (!(await row.isVisible().catch(() => false))) break; // start over from F1
    }
  }
}

/** Opens a workspace file by its path relative to the folder, through Quick Open (Ctrl+P), and waits for its editor. */
export async function openFile(page, relPath, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  const base = path.posix.basename(relPath.split(path.sep).join('/'));
  const tab = page.locator(`.editor-group-container.active .tab.active[data-resource-name="${cssString(base)}"]`);
  const input = page.locator(QUICK_INPUT_BOX);
  // Rows are labelled "<name>, <folder>" (or "<name>" at the root); wait for ours, not the recent-files list.
  const row = rowWithLabel(page, base);
  let wait = 5000;
  let lastError;
  let accepted = false;
  // A file that opens slowly gets one more wait before Quick Open is used again (opening the same file
  // twice would merely show its tab); a click that Quick Open did not take is simply repeated.
  while (!(await tab.isVisible())) {
    if (Date.now() > deadline) throw new Error(`openFile: ${relPath} did not open${lastError ? `: ${lastError.message}` : ''}`);
    try {
      const rowShown = await row.isVisible();
      if (accepted && !rowShown) {
        accepted = false;
        await tab.waitFor({ state: 'visible', timeout: Math.min(wait, left(deadline)) });
        continue;
      }
      if (!rowShown || (await input.inputValue({ timeout: 1000 }).catch(() => '')) !== relPath) {
        await escapeQuickInput(page);
        await page.keyboard.press('Control+P');
        await input.waitFor({ state: 'visible', timeout: Math.min(wait, left(deadline)) });
        await input.fill(relPath);
        await row.waitFor({ state: 'visible', timeout: Math.min(wait, left(deadline)) });
      }
      await row.click({ timeout: Math.min(wait, left(deadline)) });
      accepted = true;
      await tab.waitFor({ state: 'visible', timeout: Math.min(wait, left(deadline)) });
    } catch (error) {
      lastError = error;
      wait *= 2;
    }
  }
  await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().waitFor({ state: 'visible', timeout: left(deadline) });
  await focusEditor(page);
}

/**
 * Gives keyboard focus to the active text editor without moving its cursor, and makes sure it keeps it:
 * a tree that just expanded a row can take focus back a moment later (seen in CI under load).
 */
export async function focusEditor(page, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  const focused = page.locator(`${ACTIVE_EDITOR}.focused`);
  let wait = 1000;
  for (;;) {
    if (!(await focused.count())) {
      // VS Code >= 1.100 edits through a `.native-edit-context` (EditContext API); older ones through textarea.inputarea.
      await page.locator(`${ACTIVE_EDITOR} .native-edit-context, ${ACTIVE_EDITOR} textarea.inputarea`).first().focus({ timeout: left(deadline) });
      try {
        await focused.waitFor({ state: 'attached', timeout: Math.min(wait, left(deadline)) });
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`focusEditor: the editor does not take focus: ${error.message}`);
        wait *= 2;
        continue;
      }
    }
    // Still focused a frame later (not taken back by a tree or a closing quick input)?
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (await focused.count()) return;
    if (Date.now() > deadline) throw new Error('focusEditor: the editor keeps losing focus');
  }
}

/**
 * The text of the active editor.
 * - via 'clipboard' (default): exact text (tabs, wrapped and off-screen lines included), by select-all + copy
 *   + navigator.clipboard; the previous selection is then restored with cursorUndo (Ctrl+U). Overwrites the clipboard.
 * - via 'dom': the rendered `.view-lines` (U+00A0 → space) — no side effects, but only lines Monaco has rendered
 *   (the visible viewport), and word-wrapped lines come back split, tabs as spaces.
 * Line endings are returned as '\n'.
 */
export async function editorText(page, { via = 'clipboard' } = {}) {
  if (via === 'dom') {
    return page.evaluate((sel) => {
      const editor = document.querySelector(sel);
      if (!editor) throw new Error('no active text editor');
      const lines = [...editor.querySelectorAll('.view-lines .view-line')]
        .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text.replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, ''));
      return lines.join('\n');
    }, ACTIVE_EDITOR);
  }
  const deadline = Date.now() + STATE_TIMEOUT_MS;
  let wait = 2000;
  for (;;) {
    await focusEditor(page, { timeoutMs: left(deadline) });
    const marker = `\u0000editorText-${Date.now()}-${Math.random()}`;
    await page.evaluate((m) => navigator.clipboard.writeText(m), marker);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    let text;
    const copied = await pollFor(
      page,
      async () => (text = await page.evaluate(() => navigator.clipboard.readText())) !== marker,
      Math.min(wait, left(deadline)),
    );
    await page.keyboard.press('Control+U'); // cursorUndo: back to the selection before Ctrl+A
    // The keys went elsewhere if the editor lost focus meanwhile: what was copied is not its text.
    const keptFocus = (await page.locator(`${ACTIVE_EDITOR}.focused`).count()) > 0;
    if (copied && keptFocus) return text.replace(/\r\n/g, '\n');
    // Copying an empty document copies nothing (with emptySelectionClipboard it copies the empty line);
    // anything else that copied nothing was merely slow: copy again.
    if (!copied && keptFocus && (await editorText(page, { via: 'dom' })) === '') return '';
    if (Date.now() > deadline) throw new Error(`editorText: could not copy the editor's text (copied: ${copied}, focused: ${keptFocus})`);
    wait *= 2;
  }
}

/** Polls editorText until it equals `expected` (string) or satisfies it (function); returns the text. */
export async function waitForEditorText(page, expected, { timeoutMs = STATE_TIMEOUT_MS, via = 'dom' } = {}) {
  const ok = typeof expected === 'function' ? expected : (t) => t === expected;
  const deadline = Date.now() + timeoutMs;
  let text;
  for (;;) {
    text = await editorText(page, { via });
    if (ok(text)) return text;
    if (Date.now() > deadline) throw new Error(`waitForEditorText: timed out; editor text is:\n${text}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Moves the cursor to the end of the active editor and waits until the status bar shows it there, with
 * nothing selected, so an insert that follows lands at the end. Returns the editor's text.
 */
export async function cursorToEnd(page, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  const text = await editorText(page, { via: 'clipboard' });
  const lines = text.split('\n');
  const expected = `Ln ${lines.length}, Col ${lines.at(-1).length + 1}`;
  const position = page.locator('.part.statusbar [id="status.editor.selection"]');
  let shown;
  let wait = 1000;
  for (;;) {
    // Pressing Ctrl+End again is harmless: do it until the status bar agrees (the key may have gone elsewhere).
    await focusEditor(page, { timeoutMs: left(deadline) });
    await page.keyboard.press('Control+End');
    if (await pollFor(page, async () => (shown = (await position.textContent())?.trim()) === expected, Math.min(wait, left(deadline)))) return text;
    if (Date.now() > deadline) throw new Error(`cursorToEnd: the status bar says "${shown}", not "${expected}"`);
    wait *= 2;
  }
}

/**
 * Waits for `paragraph` to be inserted, then returns the exact editor text (via the clipboard).
 * The wait reads only the rendered lines: select-all while an extension's insert is still on its way
 * would make that insert replace the whole selection (a race CI once lost). Wrapped lines are joined,
 * and only the paragraph's end is looked for, since the editor keeps the cursor after it in view.
 */
export async function waitForInsertedText(page, paragraph, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const tail = paragraph.slice(-20);
  await waitForEditorText(page, (text) => text.replace(/\n/g, '').includes(tail), { timeoutMs, via: 'dom' });
  return editorText(page, { via: 'clipboard' });
}

/**
 * Labels of the visible quick pick rows, top to bottom (the label only: not the description/detail).
 * Waits for the quick input to be visible first. Use { full: true } for {label, description, detail, ariaLabel, focused}.
 */
export async function quickPickRows(page, { full = false, timeoutMs = STATE_TIMEOUT_MS } = {}) {
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: timeoutMs });
  const rows = await page.evaluate(([sel, labelSel]) => {
    return [...document.querySelectorAll(sel)]
      .filter((r) => r.offsetParent !== null)
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((r) => {
        const txt = (q) => (r.querySelector(q)?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
        return {
          label: txt(labelSel),
          description: txt('.quick-input-list-rows > .quick-input-list-row:first-child .label-description'),
          detail: txt('.quick-input-list-label-meta .label-name'),
          ariaLabel: r.getAttribute('aria-label') ?? '',
          focused: r.classList.contains('focused'),
        };
      });
  }, [QUICK_ROWS, ROW_LABEL]);
  return full ? rows : rows.map((r) => r.label);
}

/**
 * Waits until a quick pick shows at least one row (optionally one whose label matches `label`, and/or
 * rows, labels top to bottom, for which `until(rows)` holds); returns the labels.
 */
export async function waitForQuickPick(page, { label, until = () => true, timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await quickPickRows(page, { timeoutMs: left(deadline) }).catch(() => []);
    if (rows.length && (label === undefined || rows.some((r) => (label instanceof RegExp ? label.test(r) : r === label))) && until(rows)) {
      return rows;
    }
    if (Date.now() > deadline) throw new Error(`waitForQuickPick: timed out (rows: ${JSON.stringify(rows)})`);
    await page.waitForTimeout(100);
  }
}

/**
 * Messages of all current notifications (info/warning/error messages shown by extensions).
 * VS Code's smoke-test driver mode (which development-mode loading needs) never shows notification
 * toasts, so this opens the Notifications Center, reads it and closes it again.
 */
export async function notifications(page) {
  const center = page.locator('.notifications-center');
  const wasVisible = await center.isVisible().catch(() => false);
  if (!wasVisible) {
    await runCommand(page, 'Notifications: Show Notifications');
    await center.waitFor({ state: 'visible', timeout: STATE_TIMEOUT_MS });
  }
  const messages = await page.$$eval('.notifications-center .notification-list-item-message', (els) =>
    els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').trim()),
  );
  if (!wasVisible) {
    await runCommand(page, 'Notifications: Hide Notifications');
    await center.waitFor({ state: 'hidden', timeout: STATE_TIMEOUT_MS }).catch(() => {});
  }
  return messages;
}

/** Waits for a notification whose message contains `text` (string or RegExp); returns that message. */
export async function waitForNotification(page, text, { timeoutMs = STATE_TIMEOUT_MS } = {}) {
  const matches = (m) => (text instanceof RegExp ? text.test(m) : m.includes(text));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await notifications(page);
    const hit = messages.find(matches);
    if (hit !== undefined) return hit;
    if (Date.now() > deadline) throw new Error(`waitForNotification: no "${text}" (have: ${JSON.stringify(messages)})`);
    await page.waitForTimeout(250);
  }
}

/** Full-page PNG screenshot (creates the folder). */
export async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** The quick pick row whose label (not description/detail) is exactly `label`. */
export function rowWithLabel(page, label) {
  const text = label instanceof RegExp ? label : new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
  return page.locator(QUICK_ROWS).filter({ has: page.locator(ROW_LABEL, { hasText: text }) }).first();
}

/** Polls `check` until it is true or `timeoutMs` has passed; returns whether it became true. */
async function pollFor(page, check, timeoutMs, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await page.waitForTimeout(intervalMs);
  }
}

/** Time left before `deadline` (at least a second, so a last attempt is not cut off at once). */
function left(deadline) {
  return Math.max(1000, deadline - Date.now());
}

function cssString(s) {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
