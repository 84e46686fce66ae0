import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, editorWith, waitFor } from './helpers';

describe('library and sidebar tree', () => {
  after(closeAllEditors);

  it('loads the built-in corpus: 6 categories, 61 items', async () => {
    const { library } = await api();
    assert.equal(library.corpora.length, 1);
    assert.equal(library.corpora[0].builtin, true);
    assert.equal(library.categories.length, 6);
    assert.equal(library.items.length, 61);
    const item = library.findItem('builtin/llxx.11');
    assert.ok(item);
    assert.equal(library.categoryOf(item)?.shortName, '理论学习');
    assert.equal(library.findItem('builtin/nope.1'), undefined);
  });

  it('reads the built-in corpus as parsed at build time (corpus/builtin.json), not by parsing the Markdown', async () => {
    assert.equal((await api()).builtinFrom, 'json');
  });

  it('shows categories at the root (a single corpus skips its level), items under them', async () => {
    const { treeProvider } = await api();
    const roots = treeProvider.getChildren();
    assert.equal(roots.length, 6);
    assert.ok(roots.every((node) => node.kind === 'category'));
    const first = treeProvider.getTreeItem(roots[0]);
    assert.equal(first.label, '一、理论学习方面存在问题');
    assert.equal(first.description, '12 items');
    assert.equal(first.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const items = treeProvider.getChildren(roots[0]);
    assert.equal(items.length, 12);
    assert.equal(items[10].kind, 'item');
    const treeItem = treeProvider.getTreeItem(items[10]);
    assert.equal(treeItem.label, '个别班子成员、干部理论学习兴趣不浓，学不进去，学习走形式装样子；');
    assert.equal(treeItem.description, '11');
    assert.ok(treeItem.tooltip instanceof vscode.MarkdownString);
    assert.ok(treeItem.tooltip.value.includes('学用脱节'), 'the tooltip holds the full text');
    assert.equal(treeItem.contextValue, 'phrasebook.item');
    assert.equal(treeItem.command?.command, 'phrasebook.openItem');
    assert.equal(treeProvider.getParent(items[10]), roots[0]);
    assert.equal(treeProvider.getParent(roots[0]), undefined);
  });

  it('reveals an item (getParent works), selecting it in the view', async () => {
    const { treeProvider, treeView } = await api();
    const node = treeProvider.nodeForItem('builtin/gzzf.3');
    assert.ok(node);
    await treeView.reveal(node, { select: true, focus: false, expand: true });
    await waitFor('the revealed item to be selected', () => treeView.selection[0]?.id === 'builtin/gzzf.3');
    assert.equal(treeView.visible, true);
  });

  it('clicking an item previews it without touching the document when there is no editor to insert into', async () => {
    const { library, treeProvider } = await api();
    await closeAllEditors();
    const node0 = treeProvider.nodeForItem('builtin/llxx.11')!;
    const command0 = treeProvider.getTreeItem(node0).command!;
    await vscode.commands.executeCommand(command0.command, ...(command0.arguments ?? []));
    await waitFor('the preview document', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'phrasebook-item'));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'untitled' && d.getText().includes(library.findItem('builtin/llxx.11')!.text)));
    await closeAllEditors();
  });

  /** Clicks (or presses Enter on) an item row: runs the command its tree item carries. */
  async function clickItem(id: string): Promise<void> {
    const { treeProvider } = await api();
    const command = treeProvider.getTreeItem(treeProvider.nodeForItem(id)!).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }
  const shownPreview = () =>
    waitFor('the preview document', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'phrasebook-item'));

  for (const [language, content] of [['typescript', 'const draft = 1;\n'], ['json', '{ "editor.wordWrap": "on" }\n']]) {
    it(`a click with a ${language} editor active previews the item and leaves that editor alone, selection and all`, async () => {
      await closeAllEditors();
      const editor = await editorWith(`[${content}]`, language);
      assert.equal(vscode.window.activeTextEditor?.document, editor.document);
      await clickItem('builtin/llxx.11');
      assert.match((await shownPreview()).document.getText(), /^# 理论学习 11/);
      assert.equal(editor.document.getText(), content);
      assert.equal(editor.document.isDirty, false);
      await closeAllEditors();
    });
  }

  it('a click with a corpus file open (the built-in one) previews, and adds no duplicate item to the corpus', async () => {
    const { library } = await api();
    await closeAllEditors();
    await vscode.commands.executeCommand('phrasebook.openSource', 'builtin/zzsz.4');
    const corpusEditor = await waitFor('the corpus file', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/corpus/builtin.md') && vscode.window.activeTextEditor);
    assert.equal(corpusEditor.document.languageId, 'markdown');
    const before = corpusEditor.document.getText();
    await clickItem('builtin/llxx.11');
    await shownPreview();
    assert.equal(corpusEditor.document.getText(), before);
    assert.equal(corpusEditor.document.isDirty, false);
    assert.equal(library.items.length, 61);
    await closeAllEditors();
  });

  it('a click never replaces selected text in Markdown: the item goes after the selection', async () => {
    const { library } = await api();
    await closeAllEditors();
    const editor = await editorWith('# 报告\n\n草稿[要保留的文字]\n');
    await clickItem('builtin/llxx.11');
    const text = library.findItem('builtin/llxx.11')!.text;
    const after = await waitFor('the inserted item', () => editor.document.getText().includes(text) && editor.document.getText());
    assert.ok(after.startsWith('# 报告\n\n草稿要保留的文字\n'), after);
    assert.ok(after.indexOf(text) > after.indexOf('要保留的文字'), after);
    await closeAllEditors();
  });

  it('previewing an item (context menu) leaves the document alone', async () => {
    const { library, treeProvider } = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '草稿\n' });
    const editor = await vscode.window.showTextDocument(document);
    const node = treeProvider.nodeForItem('builtin/llxx.11')!;
    await vscode.commands.executeCommand('phrasebook.previewItem', node);
    const preview = await waitFor('the preview document', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'phrasebook-item'),
    );
    assert.ok(preview.document.getText().includes(library.findItem('builtin/llxx.11')!.text));
    assert.match(preview.document.getText(), /^# 理论学习 11/);
    assert.equal(editor.document.getText(), '草稿\n');
    assert.equal(editor.document.version, 1, 'the document was not edited');
  });

  it('copies an item\'s text to the clipboard', async () => {
    const { library } = await api();
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('phrasebook.copyItem', 'builtin/nlbl.2');
    assert.equal(await vscode.env.clipboard.readText(), library.findItem('builtin/nlbl.2')!.text);
  });

  it('opens the corpus file at the item\'s line', async () => {
    const { library, treeProvider } = await api();
    const item = library.findItem('builtin/zzsz.4')!;
    await vscode.commands.executeCommand('phrasebook.openSource', treeProvider.nodeForItem(item));
    const editor = await waitFor('the corpus file', () =>
      vscode.window.activeTextEditor?.document.uri.path.endsWith('/corpus/builtin.md') && vscode.window.activeTextEditor,
    );
    assert.equal(editor.selection.active.line, item.line - 1);
    assert.ok(editor.document.lineAt(item.line - 1).text.startsWith('4. '));
  });

  it('refresh reloads the library (and the tree follows)', async () => {
    const { library, treeProvider } = await api();
    const before = library.version;
    let treeChanged = false;
    const listener = treeProvider.onDidChangeTreeData(() => (treeChanged = true));
    const count = await vscode.commands.executeCommand<number>('phrasebook.refresh');
    listener.dispose();
    assert.equal(count, 61);
    assert.ok(library.version > before);
    assert.ok(treeChanged);
    assert.equal((treeProvider.getChildren()).length, 6);
  });

  it('builds the search index once per library version and reuses it', async () => {
    const { library } = await api();
    const first = await library.index();
    assert.equal(await library.index(), first);
    assert.ok(first.search('xytj', { limit: 5 }).length > 0);
  });
});
