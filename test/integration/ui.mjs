#!/usr/bin/env node
// UI check through the real workbench (code-server + headless Chromium, Playwright): the user types a
// pinyin-only query into "Phrasebook: Insert Item…", VS Code shows our hits in our order, Enter inserts.
// Also screenshots the sidebar and the pick into test-results/. Run: npm run test:ui (after npm run build).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  REPO_ROOT, editorText, focusEditor, openFile, quickPickRows, runCommand, screenshot, startWorkbench, waitForEditorText, waitForQuickPick,
} from '../runner/workbench.mjs';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-ui-'));
fs.writeFileSync(path.join(folder, 'draft.md'), '# 对照检查材料\n\n');
const results = path.join(REPO_ROOT, 'test-results');
let failures = 0;
const check = async (name, fn) => {
  try {
    await fn();
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failures++;
    console.log(`  ✘ ${name}\n${error.stack ?? error}`);
  }
};

const wb = await startWorkbench({ extensionDevelopmentPath: REPO_ROOT, folder });
try {
  const { page } = wb;
  await check('the sidebar lists the categories', async () => {
    await runCommand(page, 'View: Show Phrasebook');
    const tree = page.locator('.pane-body .monaco-list-row');
    await page.getByText('一、理论学习方面存在问题').first().waitFor({ state: 'visible' });
    assert.ok((await tree.count()) >= 6);
    await screenshot(page, path.join(results, 'ui-sidebar.png'));
  });

  await check('typing "xytj" lists 理论学习 11 and 12 first (our order), Enter inserts 11', async () => {
    await openFile(page, 'draft.md');
    await page.keyboard.press('Control+End');
    await runCommand(page, 'Phrasebook: Insert Item…');
    await waitForQuickPick(page, { label: /对加强党的创新理论武装/ });
    await page.keyboard.type('xytj', { delay: 60 });
    // The empty query's rows include a 个别班子成员… item too: wait for the query's own top two, and for
    // the query itself (keys typed while the pick was still taking focus would be lost).
    const input = page.locator('.quick-input-widget .quick-input-box input');
    if ((await input.inputValue()) !== 'xytj') await input.fill('xytj');
    const ours = (row) => /^(个别班子成员|有的党员)/.test(row);
    const rows = await waitForQuickPick(page, { until: (rows) => rows.length >= 2 && ours(rows[0]) && ours(rows[1]) });
    await screenshot(page, path.join(results, 'ui-pick-xytj.png'));
    assert.match(rows[0], /^(个别班子成员|有的党员)/, JSON.stringify(rows.slice(0, 3)));
    assert.match(rows[1], /^(个别班子成员|有的党员)/, JSON.stringify(rows.slice(0, 3)));
    const full = await quickPickRows(page, { full: true });
    assert.ok(full[0].focused, 'the top row is focused');
    const expected = full[0].label.startsWith('个别') ? '个别班子成员' : '有的党员';
    await page.keyboard.press('Enter');
    await waitForEditorText(page, (text) => text.includes(expected));
    await focusEditor(page);
    const text = await editorText(page);
    assert.ok(text.startsWith(`# 对照检查材料\n\n${expected}`), JSON.stringify(text.slice(0, 40)));
  });
} finally {
  await wb.close();
  fs.rmSync(folder, { recursive: true, force: true });
}
console.log(`Phrasebook UI checks: ${failures ? `${failures} failed` : 'all passed'}`);
process.exit(failures ? 1 : 0);
