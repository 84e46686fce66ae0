import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PickProbe as PickSession } from '../../src/vscode/testApi';
import { api, clearHistory, closeAllEditors, editorWith, waitFor } from './helpers';

/** Runs `command` (which opens a pick and waits for it), returns the open pick session and the command's promise. */
async function openPick(command: string, ...args: unknown[]): Promise<{ session: PickSession; result: Thenable<unknown> }> {
  const { currentPick } = await api();
  const result = vscode.commands.executeCommand(command, ...args);
  const session = await waitFor('the quick pick to open', () => currentPick());
  return { session, result };
}

/** Types `value` into the pick (as the user would) and waits until our items for it are shown, all of them. */
async function type(session: PickSession, value: string): Promise<void> {
  session.quickPick.value = value;
  await waitFor(`items for "${value}"`, () => session.shownQuery === value.trim() && !session.quickPick.busy && session.listComplete);
}

/** The ids VS Code itself shows first: the workbench reports its focused (top) item back as active. */
async function activeId(session: PickSession, expected: string): Promise<string | undefined> {
  try {
    await waitFor(`VS Code to focus ${expected}`, () => session.quickPick.activeItems[0]?.item?.id === expected);
  } catch {
    /* reported by the caller's assertion */
  }
  return session.quickPick.activeItems[0]?.item?.id;
}

/** Our ranking as the pick computes it (with the insertion history the pick passes as `usage`). */
async function ranking(query: string): Promise<string[]> {
  const { library, history } = await api();
  return (await library.index()).search(query, { limit: 100, usage: history.usage }).map((hit) => hit.item.id);
}

/**
 * Drops the library's index and holds its next build until the returned function is called, so a test
 * sees the pick while the index is building however fast the machine builds it.
 */
async function holdIndexBuild(): Promise<() => void> {
  const { library } = await api();
  await vscode.commands.executeCommand('phrasebook.refresh'); // drops the index
  const build = library.index.bind(library);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  library.index = () => released.then(build);
  return () => {
    library.index = build;
    release();
  };
}

describe('Insert Item… quick pick', () => {
  // Earlier tests inserted items; without history the empty query lists the corpus only.
  beforeEach(clearHistory);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  it('lists every item under category separators for an empty query, without VS Code matching or sorting', async () => {
    await editorWith('|');
    const { session, result } = await openPick('phrasebook.insert');
    const pick = session.quickPick;
    assert.equal(pick.matchOnDescription, false);
    assert.equal(pick.matchOnDetail, false);
    assert.equal((pick as { sortByLabel?: boolean }).sortByLabel, false);
    await waitFor('all items', () => pick.items.length === 61 + 6);
    const separators = pick.items.filter((entry) => entry.kind === vscode.QuickPickItemKind.Separator);
    assert.deepEqual(
      separators.map((entry) => entry.label),
      ['一、理论学习方面存在问题', '二、政治素质方面存在问题', '三、能力本领方面存在问题', '四、担当作为方面', '五、工作作风方面存在问题', '六、廉洁自律方面存在问题'],
    );
    const eleven = pick.items.find((entry) => entry.item?.id === 'builtin/llxx.11')!;
    assert.equal(eleven.label, eleven.item!.title);
    assert.equal(eleven.description, '理论学习 11');
    assert.ok(eleven.detail?.startsWith('有的学习不系统不深入'));
    assert.ok(pick.items.filter((entry) => entry.item).every((entry) => entry.alwaysShow));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await result, false);
  });

  it('pinyin initials "xytj" keep our order (理论学习 11, 12 first) and Enter inserts the top hit', async () => {
    const editor = await editorWith('|');
    const { library } = await api();
    const expected = await ranking('xytj');
    assert.deepEqual(expected.slice(0, 2).sort(), ['builtin/llxx.11', 'builtin/llxx.12']);
    const { session, result } = await openPick('phrasebook.insert');
    await type(session, 'xytj');
    assert.deepEqual(session.quickPick.items.map((entry) => entry.item?.id), expected);
    // No label contains "xytj": without alwaysShow VS Code would hide them all and Enter would do nothing.
    assert.equal(await activeId(session, expected[0]), expected[0]);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await result, true);
    assert.equal(editor.document.getText(), library.findItem(expected[0])!.text);
  });

  it('shows partial matches under their own separator: a stray word keeps 老好人 findable', async () => {
    await editorWith('|');
    const { session } = await openPick('phrasebook.insert');
    await type(session, '纪律 老好人');
    const items = session.quickPick.items;
    assert.equal(items[0].kind, vscode.QuickPickItemKind.Separator);
    assert.equal(items[0].label, vscode.l10n.t('Partial matches — not every word found'));
    assert.equal(items[1].item?.id, 'builtin/ljzl.7');
    await type(session, '老好人');
    assert.ok(!session.quickPick.items.some((entry) => entry.kind === vscode.QuickPickItemKind.Separator), 'a full match has no separator');
  });

  it('searches with the thesaurus shipped beside the built-in corpus: 做事拖拖拉拉 finds 能拖则拖', async () => {
    await editorWith('|');
    const { session } = await openPick('phrasebook.insert');
    await type(session, '做事拖拖拉拉');
    const top = session.quickPick.items.find((entry) => entry.item)?.item;
    assert.ok(top?.text.includes('能拖则拖'), `top row: ${top?.id}`);
  });

  it('under a heading naming a category, that category opens the list and comes first among equal hits', async () => {
    assert.equal((await ranking('太平官'))[0], 'builtin/gzzf.8', 'without context 工作作风 8 is first');
    await editorWith('# 对照检查\n\n## 三、能力本领方面\n\n|');
    const { session } = await openPick('phrasebook.insert');
    assert.equal(session.contextCategory, 'nlbl');
    await waitFor('the empty-query list', () => session.shownQuery === '' && session.quickPick.items.length > 0);
    assert.equal(session.quickPick.items[0].label, '三、能力本领方面存在问题');
    assert.equal(session.quickPick.items[1].item?.id, 'builtin/nlbl.1');
    await type(session, '太平官');
    assert.equal(session.quickPick.items[0].item?.id, 'builtin/nlbl.17');
  });

  it('a Chinese query keeps our ranking even where VS Code would re-sort by label', async () => {
    await editorWith('|');
    const query = '学习';
    const expected = await ranking(query);
    assert.ok(expected.length > 3);
    const { session } = await openPick('phrasebook.insert');
    await type(session, query);
    assert.deepEqual(session.quickPick.items.map((entry) => entry.item?.id), expected);
    assert.equal(await activeId(session, expected[0]), expected[0]);
  });

  it('Escape leaves the document untouched', async () => {
    const editor = await editorWith('原文|\n');
    const { session, result } = await openPick('phrasebook.insert');
    await type(session, 'xytj');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await result, false);
    assert.equal(editor.document.getText(), '原文\n');
    assert.equal(editor.document.version, 1);
  });

  it('stays typeable while the index builds: busy, then our hits', async () => {
    await editorWith('|');
    const { library } = await api();
    const release = await holdIndexBuild();
    const { session } = await openPick('phrasebook.insert');
    assert.equal(library.readyIndex, undefined);
    assert.equal(session.quickPick.busy, true);
    session.quickPick.value = 'ljzl';
    release();
    await waitFor('the index', () => !session.quickPick.busy);
    await waitFor('hits', () => session.shownQuery === 'ljzl');
    assert.ok(session.quickPick.items.length > 0);
  });

  it('on Enter while the index builds, inserts the top hit of what was typed once it is ready', async () => {
    const editor = await editorWith('|');
    const release = await holdIndexBuild();
    const { session, result } = await openPick('phrasebook.insert');
    session.quickPick.value = 'laohaoren';
    const unfilteredTop = session.quickPick.items.find((entry) => entry.item)?.item?.id;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('Enter to wait for the list', () => session.acceptPending);
    assert.equal(editor.document.getText(), '', 'nothing is inserted before the list shows the query');
    release();
    assert.equal(await result, true);
    const top = (await ranking('laohaoren'))[0];
    assert.equal(top, 'builtin/ljzl.7');
    assert.notEqual(unfilteredTop, top, 'the unfiltered list starts elsewhere');
    const { library } = await api();
    assert.ok(editor.document.getText().includes(library.findItem(top)!.text));
  });

  it('opens the pick when run from the editor context menu, which passes the document URI', async () => {
    const editor = await editorWith('|');
    const { session, result } = await openPick('phrasebook.insert', editor.document.uri);
    await type(session, 'laohaoren');
    // Enter goes to the row VS Code highlights, which follows our list a moment later on a busy machine.
    assert.equal(await activeId(session, 'builtin/ljzl.7'), 'builtin/ljzl.7');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await result, true);
    const { library } = await api();
    assert.ok(editor.document.getText().includes(library.findItem('builtin/ljzl.7')!.text));
  });
});

describe('Compose…', () => {
  beforeEach(clearHistory);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
  });

  it('with items given, inserts them grouped under category headings in corpus order', async () => {
    const { library } = await api();
    const editor = await editorWith('# 对照检查材料\n|');
    const ids = ['builtin/ljzl.2', 'builtin/llxx.12', 'builtin/llxx.3'];
    assert.equal(await vscode.commands.executeCommand('phrasebook.compose', ids), true);
    const text = (id: string) => library.findItem(id)!.text;
    assert.equal(
      editor.document.getText(),
      `# 对照检查材料\n\n## 一、理论学习方面存在问题\n\n${text('builtin/llxx.3')}\n\n${text('builtin/llxx.12')}\n\n## 二、廉洁自律方面存在问题\n\n${text('builtin/ljzl.2')}`,
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '# 对照检查材料\n');
  });

  it('stars and unstars the highlighted row from the keyboard command, without a row button click', async () => {
    const { history } = await api();
    await editorWith('|');
    const { session } = await openPick('phrasebook.insert');
    await type(session, 'laohaoren');
    assert.equal(await activeId(session, 'builtin/ljzl.7'), 'builtin/ljzl.7');
    await vscode.commands.executeCommand('phrasebook.pick.toggleFavourite');
    assert.deepEqual(history.state.favourites, ['builtin/ljzl.7']);
    const starred = await waitFor('the row to show its star', () => session.quickPick.items.find((entry) => entry.item?.id === 'builtin/ljzl.7' && entry.label.startsWith('$(star-full)')));
    assert.equal(starred.buttons?.[0]?.tooltip, 'Remove from Favourites');
    await activeId(session, 'builtin/ljzl.7');
    await vscode.commands.executeCommand('phrasebook.pick.toggleFavourite');
    assert.deepEqual(history.state.favourites, []);
  });

  it('keeps the highlight on a starred row below the top, so the key unstars the same item', async () => {
    const { history } = await api();
    await editorWith('|');
    const { session } = await openPick('phrasebook.insert');
    await type(session, 'xytj');
    const second = session.quickPick.items.filter((entry) => entry.item)[1];
    session.quickPick.activeItems = [second];
    assert.equal(await activeId(session, second.item!.id), second.item!.id);
    await vscode.commands.executeCommand('phrasebook.pick.toggleFavourite');
    assert.deepEqual(history.state.favourites, [second.item!.id]);
    await waitFor('the row to show its star', () => session.quickPick.items.find((entry) => entry.item?.id === second.item!.id && entry.label.startsWith('$(star-full)')));
    // The starred row is re-sent; the highlight stays on it instead of jumping to the top row.
    assert.equal(await activeId(session, second.item!.id), second.item!.id);
    await vscode.commands.executeCommand('phrasebook.pick.toggleFavourite');
    assert.deepEqual(history.state.favourites, []);
    session.quickPick.hide();
  });

  it('lists every hit of a long list, and the whole empty-query list once typing pauses', async () => {
    await editorWith('|');
    const { session } = await openPick('phrasebook.insert');
    const pick = session.quickPick;
    // The empty list may arrive in two parts, a query's list in one (see session.ts): both end up whole.
    await waitFor('all items', () => pick.items.length === 61 + 6);
    pick.value = 'de';
    await waitFor('rows for "de"', () => session.shownQuery === 'de');
    const { library } = await api();
    const hits = (await library.index()).search('de', { limit: 100 }).length;
    assert.ok(hits > 20, `"de" finds ${hits} items`);
    await waitFor('the whole list for "de"', () => pick.items.filter((entry) => entry.item).length === hits);
    assert.ok(session.listComplete);
  });

  it('the multi-select pick keeps checked items across queries and inserts them all', async () => {
    const { library } = await api();
    const editor = await editorWith('|');
    const { session, result } = await openPick('phrasebook.compose');
    const pick = session.quickPick;
    assert.equal(pick.canSelectMany, true);
    await type(session, 'xytj');
    pick.selectedItems = pick.items.filter((entry) => entry.item?.id === 'builtin/llxx.12');
    await waitFor('the check to register', () => session.chosen.has('builtin/llxx.12'));
    await type(session, 'ljzl');
    // The chosen item stays on the list, checked, though 'ljzl' does not find it: VS Code's "N Selected"
    // counts the checked rows on the list, and the title does not count a second time.
    const kept = await waitFor('the chosen item on the list', () => pick.items.find((entry) => entry.item?.id === 'builtin/llxx.12'));
    assert.ok(pick.selectedItems.includes(kept), 'it is shown checked');
    assert.ok(!session.chosen.has('builtin/ljzl.1'));
    const ljzl = pick.items.find((entry) => entry.item?.categoryId === 'ljzl')!;
    pick.selectedItems = [...pick.selectedItems, ljzl];
    await waitFor('both checks', () => session.chosen.size === 2);
    assert.deepEqual([...session.chosen].sort(), ['builtin/llxx.12', ljzl.item!.id].sort());
    assert.equal(pick.title, 'Compose from Phrasebook Items');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await result, true);
    const text = editor.document.getText();
    assert.ok(text.startsWith('## 一、理论学习方面存在问题\n\n有的党员'), text.slice(0, 40));
    assert.ok(text.includes(`## 二、廉洁自律方面存在问题\n\n${library.findItem(ljzl.item!.id)!.text}`));
  });
});
