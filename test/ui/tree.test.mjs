// The Phrasebook view in a real workbench: the activity bar entry, the Library tree (one corpus: its
// categories at the top), a category's items in corpus order with their numbers, inserting from a row's
// inline action into the report, and the "used" mark that follows. Takes docs/tree.png.
import assert from 'node:assert/strict';
import { cursorToEnd, focusEditor, openFile, waitForEditorText, waitForInsertedText } from '../runner/workbench.mjs';
import {
  calmMouse,
  categoryLabel,
  childrenOf,
  clickRowAction,
  collapseTreeRow,
  corpusListing,
  docScreenshot,
  expandTreeRow,
  openFixtureWorkbench,
  openPhrasebookView,
  pollUntil,
  setSidebarWidth,
  treeRow,
  treeRows,
} from './helpers.mjs';

describe('Library tree view (UI)', function () {
  /** @type {Awaited<ReturnType<typeof openFixtureWorkbench>>} */
  let ws;
  let page;
  const corpus = corpusListing();
  const theory = corpus.categories.find((category) => category.id === 'llxx');
  const integrity = corpus.categories.find((category) => category.id === 'ljzl');

  before(async function () {
    assert.ok(theory && integrity, 'the built-in corpus has the 理论学习 and 廉洁自律 categories');
    ws = await openFixtureWorkbench('plain');
    page = ws.page;
    await openFile(page, 'report.md');
  });

  after(async function () {
    await ws?.dispose();
  });

  it('shows the built-in corpus as its categories, in corpus order, with item counts', async function () {
    await openPhrasebookView(page);
    const expected = corpus.categories.map((category) => ({
      label: categoryLabel(category),
      description: `${category.items.length} items`,
      level: 1,
      expanded: false,
    }));
    const rows = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => rows.length >= expected.length,
    );
    assert.deepEqual(
      rows.map(({ label, description, level, expanded }) => ({ label, description, level, expanded })),
      expected,
    );
  });

  it('expands a category into its items: titles in corpus order, numbers as descriptions', async function () {
    await expandTreeRow(page, categoryLabel(theory), { level: 1 });
    const expected = theory.items.map((item) => ({ label: item.title, description: String(item.number), level: 2, icon: 'codicon-note' }));
    const rows = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => childrenOf(rows, categoryLabel(theory), { level: 1 }).length >= expected.length,
    );
    const children = childrenOf(rows, categoryLabel(theory), { level: 1 });
    assert.deepEqual(
      children.map(({ label, description, level, icon }) => ({ label, description, level, icon })),
      expected,
    );
    // The other categories stay collapsed, after the expanded one.
    assert.deepEqual(
      rows.filter((row) => row.level === 1).map((row) => row.expanded),
      corpus.categories.map((category) => category === theory),
    );
  });

  it('inserts an item from its row (inline "Insert into Editor") and marks it used', async function () {
    const item = theory.items.find((i) => i.number === 11);
    const before = await cursorToEnd(page);
    assert.ok(!before.includes(item.text));

    await clickRowAction(page, treeRow(page, item.title, { level: 2 }), 'Insert into Editor');

    // The report (still the active editor: the click did not open a preview) gets the exact text.
    const text = await waitForInsertedText(page, item.text);
    const activeTab = await page.locator('.editor-group-container.active .tab.active').getAttribute('data-resource-name');
    assert.equal(activeTab, 'report.md');
    assert.ok(text.startsWith(before.trimEnd()), `the report is kept, in front of the insertion:\n${text}`);
    assert.ok(text.split('\n').includes(item.text), 'a paragraph of its own');
    assert.equal(text.split(item.text).length - 1, 1);

    // The tree marks it as used in the active document (a check icon and "· used").
    const marked = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => rows.some((r) => r.label === item.title && r.description.includes('used')),
    );
    const markedRow = marked.find((r) => r.label === item.title);
    assert.equal(markedRow.description.replace(/\s+/g, ' '), `${item.number} · used`);
    assert.equal(markedRow.icon, 'codicon-pass');
    // Items whose text is not in the report are not marked.
    const first = marked.find((r) => r.label === theory.items[0].title);
    assert.equal(first.description, String(theory.items[0].number));
  });

  it('collapses and expands other categories independently (screenshot with 一、 expanded)', async function () {
    await expandTreeRow(page, categoryLabel(integrity), { level: 1 });
    let rows = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => childrenOf(rows, categoryLabel(integrity), { level: 1 }).length >= integrity.items.length,
    );
    assert.deepEqual(
      childrenOf(rows, categoryLabel(integrity), { level: 1 }).map((row) => row.description),
      integrity.items.map((item) => String(item.number)),
    );
    await collapseTreeRow(page, categoryLabel(integrity), { level: 1 });
    rows = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => childrenOf(rows, categoryLabel(integrity), { level: 1 }).length === 0,
    );
    assert.equal(childrenOf(rows, categoryLabel(integrity), { level: 1 }).length, 0);
    assert.equal(childrenOf(rows, categoryLabel(theory), { level: 1 }).length, theory.items.length);

    // The README picture: the tree with 一、 expanded beside the report with item 11 inserted.
    await setSidebarWidth(page, 520);
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await calmMouse(page);
    await docScreenshot(page, 'tree.png');
  });

  it('Enter on a row inserts into the report and gives it the keyboard: `## ` typed next lands in the editor', async function () {
    const item = theory.items.find((i) => i.number === 3);
    await cursorToEnd(page);
    // Reach the row by keyboard (a click on it would already insert): click the category (it collapses and
    // takes the focus), expand it with →, go down to item 3, press Enter.
    const expanded = async (want) =>
      pollUntil(page, () => treeRows(page), (rows) => rows.find((r) => r.label === categoryLabel(theory) && r.level === 1)?.expanded === want);
    await treeRow(page, categoryLabel(theory), { level: 1 }).click();
    await expanded(false);
    await page.keyboard.press('ArrowRight');
    await expanded(true);
    const position = theory.items.indexOf(item) + 1;
    for (let step = 0; step < position; step++) await page.keyboard.press('ArrowDown');
    await pollUntil(page, () => page.locator('.pane-body .monaco-list-row.focused .label-name').first().textContent(), (label) => label?.trim() === item.title);
    await page.keyboard.press('Enter');
    const tail = item.text.slice(-20);
    await waitForEditorText(page, (text) => text.replace(/\n/g, '').includes(tail), { via: 'dom' });
    // The report's editor takes the keyboard back by itself: no click, no focusEditor.
    const focusedEditor = page.locator('.editor-group-container.active .editor-instance .monaco-editor.focused');
    await pollUntil(page, () => focusedEditor.count(), (count) => count > 0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## 下一节');
    const text = await waitForEditorText(page, (t) => t.includes('## 下一节'), { via: 'dom' });
    // Read from the screen, a long paragraph is wrapped over several lines: the heading follows the item with
    // only line breaks between, and the two Enters made it a paragraph of its own.
    assert.ok(text.replace(/\n/g, '').includes(`${tail}## 下一节`), text);
    assert.match(text, /\n\n## 下一节/, 'the two Enters reached the editor');
    // The category row did not take the keys (a space there would have collapsed it).
    const rows = await treeRows(page);
    assert.equal(rows.find((r) => r.label === categoryLabel(theory)).expanded, true);
  });
});
