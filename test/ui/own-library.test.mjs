// The writer's own corpus in the workspace's `.phrasebook/` folder, in a real workbench: it appears in the
// tree as a corpus node of its own beside the built-in one, its items are found and inserted by pinyin,
// an edit to the file on disk shows in the tree, and "Open in Corpus File" opens it. Takes docs/own-library.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cursorToEnd, openFile, runCommand, waitForEditorText, waitForInsertedText, waitForQuickPick } from '../runner/workbench.mjs';
import {
  INSERT_COMMAND,
  REPO_ROOT,
  calmMouse,
  categoryLabel,
  childrenOf,
  corpusListing,
  docScreenshot,
  expandTreeRow,
  openFixtureWorkbench,
  openPhrasebookView,
  pickRows,
  pollUntil,
  retryUntil,
  setSidebarWidth,
  showItem,
  treeRow,
  treeRows,
  typeQuery,
  waitForPickHidden,
} from './helpers.mjs';

const TEAM_FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'ui-workspace', 'own-library', '.phrasebook', 'team.md');

describe('Own corpus in .phrasebook/ (UI)', function () {
  /** @type {Awaited<ReturnType<typeof openFixtureWorkbench>>} */
  let ws;
  let page;
  const builtin = corpusListing();
  const team = corpusListing(TEAM_FILE);
  const research = team.categories[0];

  before(async function () {
    assert.equal(team.title, '科室调研素材');
    assert.equal(research.name, '调查研究方面存在问题');
    ws = await openFixtureWorkbench('own-library');
    page = ws.page;
    await openFile(page, 'report.md');
  });

  after(async function () {
    await ws?.dispose();
  });

  it('shows the .phrasebook/ corpus as its own node beside the built-in one', async function () {
    await openPhrasebookView(page);
    await setSidebarWidth(page, 470);
    const expected = [
      { label: builtin.title, description: 'built-in', level: 1 },
      ...builtin.categories.map((c) => ({ label: categoryLabel(c), description: `${c.items.length} items`, level: 2 })),
      { label: team.title, description: '.phrasebook/team.md', level: 1 },
      ...team.categories.map((c) => ({ label: categoryLabel(c), description: `${c.items.length} items`, level: 2 })),
    ];
    const shown = (rows) => rows.map(({ label, description, level }) => ({ label, description, level }));
    // The user corpus loads after activation (the file search is not awaited): wait for its node.
    const rows = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => JSON.stringify(shown(rows)) === JSON.stringify(expected),
    );
    assert.deepEqual(shown(rows), expected);
    const corpusRows = rows.filter((row) => row.level === 1);
    assert.deepEqual(corpusRows.map((row) => row.icon), ['codicon-library', 'codicon-book']);
  });

  it("expands the user corpus's category into its items", async function () {
    await expandTreeRow(page, categoryLabel(research), { level: 2 });
    const expected = research.items.map((item) => ({ label: item.title, description: String(item.number), level: 3 }));
    const rows = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => childrenOf(rows, categoryLabel(research), { level: 2 }).length >= expected.length,
    );
    assert.deepEqual(
      childrenOf(rows, categoryLabel(research), { level: 2 }).map(({ label, description, level }) => ({ label, description, level })),
      expected,
    );
  });

  it('finds a user item by full pinyin (diaoyanchengguo) above built-in ones, and inserts it', async function () {
    const item = research.items.find((i) => i.number === 2);
    assert.equal(item.title, '调研成果转化运用不够充分。');
    await cursorToEnd(page);
    await runCommand(page, INSERT_COMMAND);
    await waitForQuickPick(page);
    await typeQuery(page, 'diaoyanchengguo');
    const rows = await pollUntil(
      page,
      () => pickRows(page),
      (rows) => rows[0]?.label === item.title,
    );
    assert.deepEqual(
      rows.slice(0, 1).map(({ label, description, focused }) => ({ label, description, focused })),
      [{ label: item.title, description: '调查研究 2', focused: true }],
    );
    assert.ok(
      rows.some((row) => row.description === '工作作风 1'),
      `the built-in corpus is searched too: ${JSON.stringify(rows)}`,
    );
    await page.keyboard.press('Enter');
    await waitForPickHidden(page);
    const text = await waitForInsertedText(page, item.text);
    assert.ok(text.split('\n').includes(item.text), `inserted as a paragraph:\n${text}`);
  });

  it('reloads the tree when the corpus file changes on disk', async function () {
    const file = path.join(ws.folder, '.phrasebook', 'team.md');
    const added = '调研报告质量不够高。有的报告情况罗列多、分析研究少，提出的意见建议不够具体。';
    const source = fs.readFileSync(file, 'utf8');
    const anchor = '\n## 二、';
    assert.ok(source.includes(anchor));
    fs.writeFileSync(file, source.replace(anchor, `\n4. ${added}\n${anchor}`));
    const rows = await pollUntil(
      page,
      () => treeRows(page),
      (rows) => childrenOf(rows, categoryLabel(research), { level: 2 }).length === research.items.length + 1,
    );
    const children = childrenOf(rows, categoryLabel(research), { level: 2 });
    assert.deepEqual(
      children.map((row) => row.label),
      [...research.items.map((i) => i.title), '调研报告质量不够高。'],
    );
    assert.equal(children.at(-1).description, '4');
    const corpusRow = rows.find((row) => row.label === team.title);
    assert.equal(corpusRow.description, '.phrasebook/team.md');
  });

  it('opens the corpus file from an item ("Open in Corpus File")', async function () {
    const item = research.items[0];
    const row = treeRow(page, item.title, { level: 3 });
    const entry = page.locator('.context-view .monaco-menu .action-item .action-label', { hasText: 'Open in Corpus File' });
    const tab = page.locator('.editor-group-container.active .tab.active[data-resource-name="team.md"]');
    // A tree refresh (the reload from the previous test, used marks) can close a context menu under the
    // pointer; then open it again, waiting longer each time (opening the file twice only shows its tab).
    await retryUntil(
      'the corpus file to open from the context menu',
      async () => {
        if (await entry.isVisible()) await page.keyboard.press('Escape');
        await row.click({ button: 'right' });
        await entry.waitFor({ state: 'visible', timeout: 10_000 });
        // Choose it from the keyboard: a click can land while the menu is still animating in.
        await entry.hover();
        await page.keyboard.press('Enter');
      },
      () => tab.isVisible(),
      { firstWaitMs: 5000 },
    );
    // The cursor is on the item's line (the status bar's "Ln 12, Col 1").
    const { line } = showItem(item.id, TEAM_FILE);
    const position = page.locator('.part.statusbar [id="status.editor.selection"]');
    const status = await pollUntil(
      page,
      () => position.textContent(),
      (t) => t?.trim() === `Ln ${line}, Col 1`,
    );
    assert.equal(status?.trim(), `Ln ${line}, Col 1`);
    const text = await waitForEditorText(page, (t) => t.includes(item.text), { via: 'clipboard' });
    assert.ok(text.startsWith('---\nid: team\n'), text);


    // The README picture: both corpora in the tree, the report (with the user item inserted) beside it.
    await openFile(page, 'report.md');
    await page.keyboard.press('Control+End');
    await pollUntil(
      page,
      () => treeRows(page),
      (rows) => rows.find((row) => row.label === research.items[1].title)?.description.includes('used'),
    );
    await calmMouse(page);
    await docScreenshot(page, 'own-library.png');
  });
});
