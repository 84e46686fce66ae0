// "Phrasebook: Insert Item…" from the command palette in a real workbench: pinyin queries list our
// ranking (not VS Code's filtering and sorting), Enter inserts the item's exact text, Escape inserts nothing.
// Takes docs/quick-pick.png.
import assert from 'node:assert/strict';
import { cursorToEnd, editorText, focusEditor, quickPickRows, runCommand, waitForInsertedText, waitForQuickPick } from '../runner/workbench.mjs';
import {
  INSERT_COMMAND,
  calmMouse,
  docScreenshot,
  expectPickRows,
  pickRows,
  pickValue,
  pickWorkbench,
  pollUntil,
  searchRows,
  showItem,
  typeQuery,
  waitForPickHidden,
} from './helpers.mjs';

const REPORT_START = '# 2024年度民主生活会个人对照检查材料\n\n## 一、理论学习方面\n';

describe('Insert Item… quick pick (UI)', function () {
  const workbench = pickWorkbench('report.md');
  let page;
  before(async function () {
    ({ page } = workbench);
    assert.equal(await editorText(page), `${REPORT_START}\n`, 'the fixture report as it starts');
  });

  it('ranks initials (xytj) our way: 理论学习 12 and 11 on top, though no label contains "xytj"', async function () {
    const expected = searchRows('xytj');
    assert.deepEqual(
      expected.slice(0, 2).map((row) => row.id).sort(),
      ['builtin/llxx.11', 'builtin/llxx.12'],
      'the core search puts 理论学习 11 and 12 first',
    );
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, 'xytj');
    const rows = await expectPickRows(page, expected);
    // VS Code's own filtering would hide every row (no label matches "xytj"); its label sort would not
    // give this order either. What we see is the core's ranking, top row focused.
    assert.ok(rows.every((row) => !row.label.toLowerCase().includes('xytj')));
    assert.equal(rows.length, expected.length, 'every hit of the core search, and nothing else');
    assert.ok(rows[0].focused, 'the first row is the active one');

    await calmMouse(page);
    await docScreenshot(page, 'quick-pick.png');
  });

  it('lists a Chinese query (学用脱节) in our order although the match is not in the labels', async function () {
    const expected = searchRows('学用脱节');
    assert.ok(expected.length >= 2, 'the core finds several items');
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, '学用脱节');
    const rows = await expectPickRows(page, expected);
    assert.ok(rows.some((row) => !row.label.includes('学用脱节')), 'rows VS Code itself would have filtered out are shown');
  });

  it("leaves VS Code's own label filter off: a label holding the query is not highlighted", async function () {
    // With it on, the workbench re-renders the rows on every keystroke, and again after each update, to
    // highlight matches in labels (see src/vscode/pick/session.ts).
    const expected = searchRows('理论学习');
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, '理论学习');
    const rows = await expectPickRows(page, expected);
    assert.ok(rows.some((row) => row.label.includes('理论学习')), 'a label holds the query');
    const highlights = await page.evaluate(() => document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row .highlight').length);
    assert.equal(highlights, 0, 'no label match highlighted by the workbench');
  });

  it('leaves the document unchanged on Escape', async function () {
    const before = await editorText(page);
    // editorText gives '' when it cannot read the editor; the report must really have been read.
    assert.equal(before, `${REPORT_START}\n`, 'the report as it starts (nothing inserted yet)');
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, 'xytj');
    await expectPickRows(page, searchRows('xytj'));
    assert.ok((await pickRows(page))[0].focused, 'a row is active, so Enter would have inserted it');
    await page.keyboard.press('Escape');
    await waitForPickHidden(page);
    assert.equal(await editorText(page), before);
  });

  it('inserts the top xytj hit with Enter, its full text exactly', async function () {
    const expected = searchRows('xytj');
    const item = showItem(expected[0].id);
    assert.equal(await cursorToEnd(page), `${REPORT_START}\n`, 'nothing was inserted so far');
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, 'xytj');
    const [top] = await expectPickRows(page, expected);
    assert.equal(top.label, item.title);
    assert.ok(top.focused);
    await page.keyboard.press('Enter');
    await waitForPickHidden(page);
    const text = await waitForInsertedText(page, item.text);
    assert.ok(text.startsWith(REPORT_START), `the report's start is kept:\n${text}`);
    assert.equal(text.split(item.text).length - 1, 1, 'the text is inserted once');
    const lines = text.split('\n');
    assert.ok(lines.includes(item.text), 'the item is a paragraph (a line) of its own');
    assert.ok(lines.indexOf(item.text) > lines.indexOf('## 一、理论学习方面'), 'inserted at the cursor (the end), after the heading');
  });

  it('finds 廉洁自律 7 by full pinyin (laohaoren) and inserts it', async function () {
    const expected = searchRows('laohaoren');
    assert.equal(expected[0]?.id, 'builtin/ljzl.7');
    const item = showItem('builtin/ljzl.7');
    assert.ok(item.text.startsWith('存在不得罪人思想，心存老好人主义'), item.text);
    const before = await cursorToEnd(page);
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, 'laohaoren');
    const rows = await expectPickRows(page, expected);
    assert.equal(rows[0].label, item.title);
    assert.equal(rows[0].description, '廉洁自律 7');
    await page.keyboard.press('Enter');
    await waitForPickHidden(page);

    const text = await waitForInsertedText(page, item.text);
    assert.ok(text.startsWith(before.trimEnd()), `what was there before is kept, in front:\n${text}`);
    assert.ok(text.split('\n').includes(item.text), 'the item is a line of its own');
    assert.equal(text.split(item.text).length - 1, 1);
  });

  it('stars the highlighted row with Ctrl+Alt+S while the pick is open, and unstars it again', async function () {
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    // Not a query whose top hit an earlier test inserted: its row would carry the used mark.
    await typeQuery(page, 'jiediqi');
    await expectPickRows(page, searchRows('jiediqi'));
    const starred = () => page.evaluate(() => !!document.querySelector('.quick-input-widget .monaco-list-row.focused .label-name .codicon-star-full'));
    await page.keyboard.press('Control+Alt+S');
    assert.ok(await pollUntil(page, starred, Boolean), 'the highlighted row shows the favourite star');
    await page.keyboard.press('Control+Alt+S');
    assert.equal(await pollUntil(page, starred, (shown) => !shown), false, 'the star is gone again');
    assert.equal(await pickValue(page), 'jiediqi', 'the keys did not reach the filter box');
  });

  it('marks an item used in the report with a word a screen reader reads (not an icon name)', async function () {
    // The earlier tests inserted the top xytj hit into report.md.
    const [top] = searchRows('xytj');
    await focusEditor(page);
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, 'xytj');
    const read = async () => (await quickPickRows(page, { full: true })).find((row) => row.label === top.label);
    const row = await pollUntil(page, read, (r) => /used|已用/.test(r?.ariaLabel ?? ''));
    assert.ok(row, `a row for ${top.label}`);
    assert.match(row.description, /^理论学习 1[12] \(used\)$/, 'the mark as shown');
    assert.match(row.ariaLabel, /\(used\)/, 'the mark as read');
    assert.doesNotMatch(row.ariaLabel, /\bpass\b|\$\(/, 'no icon name read aloud');
  });
});
