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
// conditions rather than sleeping.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, openWorkbench, startCodeServer, formatLogMessage } from './codeServer.mjs';

export { REPO_ROOT } from './codeServer.mjs';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
const ROW_LABEL = '.quick-input-list-rows > .quick-input-list-row:first-child .label-name';
const ACTIVE_EDITOR = '.editor-group-container.active .editor-instance .monaco-editor';

/**
 * Starts code-server and opens the workbench on `folder` with the extension in development mode.
 * @param {object} opts
 * @param {string} opts.extensionDevelopmentPath  folder with the extension's package.json (its `main` must be built)
 * @param {string} opts.folder                    workspace folder to open
 * @param {object} [opts.settings]                user settings (merged over codeServer.DEFAULT_SETTINGS)
 * @param {object} [opts.extensionEnvironment]    env vars for the extension host
 * @param {{width:number,height:number}} [opts.viewport]
 * @param {boolean} [opts.verbose]                print code-server output and the workbench log
 * @param {number} [opts.timeoutMs=60000]          how long to wait for the workbench to be ready
 * @returns {Promise<{page, browser, server, log: string[], close: () => Promise<void>}>}
 */
export async function startWorkbench(opts) {
  const { extensionDevelopmentPath, folder, settings, extensionEnvironment, viewport, verbose = false, timeoutMs = 60_000 } = opts;
  const server = await startCodeServer({ workspace: folder, settings, verbose });
  let browser;
  try {
    browser = await launchChromium();
    const log = [];
    const { page } = await openWorkbench(browser, server.url, {
      folder,
      extensionDevelopmentPath,
      extensionEnvironment,
      viewport,
      onLog: (level, message) => {
        const line = `[${level}] ${formatLogMessage(message)}`;
        log.push(line);
        if (verbose) console.log(line);
      },
    });
    page.setDefaultTimeout(30_000);
    await waitForWorkbench(page, { timeoutMs });
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
export async function waitForWorkbench(page, { timeoutMs = 60_000 } = {}) {
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
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}

/**
 * Runs a command by its palette title (e.g. 'Phrasebook: Insert Paragraph') through F1 → type → Enter.
 * Retries while the command is not listed yet (the extension host may still be starting).
 * Resolves once the command palette has closed or turned into the command's own quick pick/input.
 */
export async function runCommand(page, title, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    await escapeQuickInput(page);
    await page.keyboard.press('F1');
    const input = page.locator(QUICK_INPUT_BOX);
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = rowWithLabel(page, title);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(5000, Math.max(500, deadline - Date.now())) });
    } catch {
      if (Date.now() > deadline) {
        const seen = await quickPickRows(page).catch(() => []);
        await escapeQuickInput(page);
        throw new Error(`runCommand: no command titled "${title}" in the palette (saw: ${JSON.stringify(seen)})`);
      }
      continue;
    }
    // Make sure the exact row is the focused one before Enter (fuzzy matching may rank others first).
    await row.click();
    // The palette is done when its '>' input is gone (closed, or replaced by the command's own quick input).
    await page.waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        return !el || el.offsetParent === null || !el.value.startsWith('>');
      },
      QUICK_INPUT_BOX,
      { timeout: 10_000 },
    );
    return;
  }
}

/** Opens a workspace file by its path relative to the folder, through Quick Open (Ctrl+P), and waits for its editor. */
export async function openFile(page, relPath, { timeoutMs = 30_000 } = {}) {
  const base = path.posix.basename(relPath.split(path.sep).join('/'));
  await escapeQuickInput(page);
  await page.keyboard.press('Control+P');
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible' });
  await input.fill(relPath);
  // Rows are labelled "<name>, <folder>" (or "<name>" at the root); wait for ours, not the recent-files list.
  const row = rowWithLabel(page, base);
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
  await page
    .locator(`.editor-group-container.active .tab.active[data-resource-name="${cssString(base)}"]`)
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(`${ACTIVE_EDITOR} .view-lines`).first().waitFor({ state: 'visible', timeout: timeoutMs });
  await focusEditor(page);
}

/**
 * Gives keyboard focus to the active text editor without moving its cursor, and makes sure it keeps it:
 * a tree that just expanded a row can take focus back a moment later (seen in CI under load).
 */
export async function focusEditor(page, { attempts = 5 } = {}) {
  const focused = page.locator(`${ACTIVE_EDITOR}.focused`);
  for (let attempt = 1; ; attempt++) {
    if (!(await focused.count())) {
      // VS Code >= 1.100 edits through a `.native-edit-context` (EditContext API); older ones through textarea.inputarea.
      await page.locator(`${ACTIVE_EDITOR} .native-edit-context, ${ACTIVE_EDITOR} textarea.inputarea`).first().focus();
      try {
        await focused.waitFor({ state: 'attached', timeout: 1000 });
      } catch (error) {
        if (attempt >= attempts) throw error;
        continue;
      }
    }
    await page.waitForTimeout(50);
    if (await focused.count()) return;
    if (attempt >= attempts) throw new Error('focusEditor: the editor keeps losing focus');
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
  for (let attempt = 1; ; attempt++) {
    await focusEditor(page);
    const marker = `\u0000editorText-${Date.now()}-${Math.random()}`;
    await page.evaluate((m) => navigator.clipboard.writeText(m), marker);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    let text;
    const deadline = Date.now() + 5000;
    do {
      text = await page.evaluate(() => navigator.clipboard.readText());
      if (text !== marker) break;
      await page.waitForTimeout(50);
    } while (Date.now() < deadline);
    await page.keyboard.press('Control+U'); // cursorUndo: back to the selection before Ctrl+A
    // The keys went elsewhere if the editor lost focus meanwhile: what was copied is not its text.
    if (!(await page.locator(`${ACTIVE_EDITOR}.focused`).count()) && attempt < 3) continue;
    // Copying an empty document copies nothing (with emptySelectionClipboard it copies the empty line).
    if (text === marker) return '';
    return text.replace(/\r\n/g, '\n');
  }
}

/** Polls editorText until it equals `expected` (string) or satisfies it (function); returns the text. */
export async function waitForEditorText(page, expected, { timeoutMs = 10_000, via = 'dom' } = {}) {
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
export async function cursorToEnd(page, { timeoutMs = 10_000 } = {}) {
  const text = await editorText(page, { via: 'clipboard' });
  const lines = text.split('\n');
  const expected = `Ln ${lines.length}, Col ${lines.at(-1).length + 1}`;
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  const position = page.locator('.part.statusbar [id="status.editor.selection"]');
  const deadline = Date.now() + timeoutMs;
  let shown;
  for (;;) {
    shown = (await position.textContent())?.trim();
    if (shown === expected) return text;
    if (Date.now() > deadline) throw new Error(`cursorToEnd: the status bar says "${shown}", not "${expected}"`);
    await page.waitForTimeout(50);
  }
}

/**
 * Waits for `paragraph` to be inserted, then returns the exact editor text (via the clipboard).
 * The wait reads only the rendered lines: select-all while an extension's insert is still on its way
 * would make that insert replace the whole selection (a race CI once lost). Wrapped lines are joined,
 * and only the paragraph's end is looked for, since the editor keeps the cursor after it in view.
 */
export async function waitForInsertedText(page, paragraph, { timeoutMs = 10_000 } = {}) {
  const tail = paragraph.slice(-20);
  await waitForEditorText(page, (text) => text.replace(/\n/g, '').includes(tail), { timeoutMs, via: 'dom' });
  return editorText(page, { via: 'clipboard' });
}

/**
 * Labels of the visible quick pick rows, top to bottom (the label only: not the description/detail).
 * Waits for the quick input to be visible first. Use { full: true } for {label, description, detail, ariaLabel, focused}.
 */
export async function quickPickRows(page, { full = false, timeoutMs = 10_000 } = {}) {
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

/** Waits until a quick pick shows at least one row (optionally one whose label matches `label`). */
export async function waitForQuickPick(page, { label, timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await quickPickRows(page, { timeoutMs }).catch(() => []);
    if (rows.length && (label === undefined || rows.some((r) => (label instanceof RegExp ? label.test(r) : r === label)))) {
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
    await center.waitFor({ state: 'visible', timeout: 5000 });
  }
  const messages = await page.$$eval('.notifications-center .notification-list-item-message', (els) =>
    els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').trim()),
  );
  if (!wasVisible) {
    await runCommand(page, 'Notifications: Hide Notifications');
    await center.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
  return messages;
}

/** Waits for a notification whose message contains `text` (string or RegExp); returns that message. */
export async function waitForNotification(page, text, { timeoutMs = 10_000 } = {}) {
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

function cssString(s) {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
