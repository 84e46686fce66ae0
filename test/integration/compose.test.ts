// Compose reads the document around the cursor (issue 12.1), and every insert hands the keyboard back to
// the editor with the cursor after the text (12.2), whether it came from the tree, the pick or Compose.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, editorWith, setSetting, waitFor } from './helpers';

async function textOf(id: string): Promise<string> {
  return (await api()).library.findItem(id)!.text;
}

async function compose(ids: string[]): Promise<boolean> {
  return vscode.commands.executeCommand<boolean>('phrasebook.compose', ids);
}

/** The cursor is a single caret right after `inserted` in `editor`: before the line breaks padding it. */
function assertCursorAfter(editor: vscode.TextEditor, inserted: string): void {
  const text = editor.document.getText();
  const end = text.indexOf(inserted) + inserted.length;
  assert.ok(end >= inserted.length, 'the inserted text is in the document');
  assert.equal(editor.selections.length, 1);
  assert.ok(editor.selection.isEmpty);
  assert.equal(editor.document.offsetAt(editor.selection.active), end, 'the cursor is right after the inserted text');
}

describe('Compose fits the document', () => {
  afterEach(async () => {
    await setSetting('insert.format', undefined);
    await closeAllEditors();
  });

  it('under the category\'s own heading (## 六、廉洁自律方面): only the items, as paragraphs, one undo step', async () => {
    const editor = await editorWith('# 对照检查材料\n\n## 六、廉洁自律方面\n\n|');
    assert.equal(await compose(['builtin/ljzl.7', 'builtin/ljzl.2']), true);
    const expected = `# 对照检查材料\n\n## 六、廉洁自律方面\n\n${await textOf('builtin/ljzl.2')}\n\n${await textOf('builtin/ljzl.7')}`;
    assert.equal(editor.document.getText(), expected);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '# 对照检查材料\n\n## 六、廉洁自律方面\n\n');
  });

  it('under a different section heading (## 六、整改措施): the category one level below, numbered （一）', async () => {
    const editor = await editorWith('# 对照检查材料\n\n## 六、整改措施\n\n|\n\n## 七、下一步打算\n');
    assert.equal(await compose(['builtin/llxx.3', 'builtin/ljzl.2']), true);
    assert.equal(
      editor.document.getText(),
      `# 对照检查材料\n\n## 六、整改措施\n\n### （一）理论学习方面存在问题\n\n${await textOf('builtin/llxx.3')}\n\n` +
        `### （二）廉洁自律方面存在问题\n\n${await textOf('builtin/ljzl.2')}\n\n## 七、下一步打算\n`,
    );
  });

  it('after an earlier composed sub-section: continues its numbering (（二）)', async () => {
    const first = await textOf('builtin/llxx.3');
    const editor = await editorWith(`## 二、存在问题\n\n### （一）理论学习方面存在问题\n\n${first}\n\n|`);
    assert.equal(await compose(['builtin/gzzf.1']), true);
    assert.ok(editor.document.getText().endsWith(`\n\n### （二）工作作风方面存在问题\n\n${await textOf('builtin/gzzf.1')}`), editor.document.getText());
  });

  it('inside a line: splits it, and the cursor ends after the last item, not at the start of the rest of the line', async () => {
    const editor = await editorWith('前半句|后半句\n');
    assert.equal(await compose(['builtin/llxx.3']), true);
    const text = await textOf('builtin/llxx.3');
    assert.equal(editor.document.getText(), `前半句\n\n## 一、理论学习方面存在问题\n\n${text}\n\n后半句\n`);
    assertCursorAfter(editor, text);
  });

  it('an empty document gets the top-level layout; items follow phrasebook.insert.format', async () => {
    await setSetting('insert.format', 'numbered');
    const editor = await editorWith('|');
    assert.equal(await compose(['builtin/ljzl.2', 'builtin/llxx.12', 'builtin/llxx.3']), true);
    assert.equal(
      editor.document.getText(),
      `## 一、理论学习方面存在问题\n\n1. ${await textOf('builtin/llxx.3')}\n\n2. ${await textOf('builtin/llxx.12')}\n\n## 二、廉洁自律方面存在问题\n\n1. ${await textOf('builtin/ljzl.2')}`,
    );
  });
});

describe('focus after an insert', () => {
  afterEach(async () => {
    await setSetting('tree.enterAction', undefined);
    await closeAllEditors();
  });

  it('the tree\'s Enter (its item command) inserts into the editor, which gets the keyboard back', async () => {
    const { treeProvider } = await api();
    const editor = await editorWith('# 报告\n\n|');
    await vscode.commands.executeCommand('phrasebook.library.focus');
    const node = treeProvider.nodeForItem('builtin/llxx.11')!;
    const command = treeProvider.getTreeItem(node).command!;
    assert.equal(command.command, 'phrasebook.openItem');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const text = await textOf('builtin/llxx.11');
    assert.equal(editor.document.getText(), `# 报告\n\n${text}`);
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
    assertCursorAfter(editor, text);
    // What the writer types next lands in the document, after the paragraph (`type` goes to the focused editor).
    await vscode.commands.executeCommand('type', { text: '\n\n## ' });
    await waitFor('the typed heading in the document', () => editor.document.getText().endsWith(`${text}\n\n## `));
  });

  it('the tree\'s inline Insert leaves a cursor after the text at every cursor', async () => {
    const editor = await editorWith('甲|\n\n乙|');
    await vscode.commands.executeCommand('phrasebook.library.focus');
    assert.equal(await vscode.commands.executeCommand('phrasebook.insertItem', 'builtin/nlbl.2'), true);
    const text = await textOf('builtin/nlbl.2');
    assert.equal(editor.document.getText(), `甲\n\n${text}\n\n乙\n\n${text}`);
    assert.deepEqual(
      editor.selections.map((selection) => editor.document.offsetAt(selection.active)),
      [`甲\n\n${text}`.length, editor.document.getText().length],
    );
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
  });

  it('on a blank line right above a paragraph: what the writer types next follows the item, not the paragraph below', async () => {
    const editor = await editorWith('# 报告\n\n|\n下一段。\n');
    assert.equal(await vscode.commands.executeCommand('phrasebook.insertItem', 'builtin/nlbl.2'), true);
    const text = await textOf('builtin/nlbl.2');
    assert.equal(editor.document.getText(), `# 报告\n\n${text}\n\n下一段。\n`);
    assertCursorAfter(editor, text);
    await vscode.commands.executeCommand('type', { text: 'X' });
    await waitFor('the typed X in the document', () => editor.document.getText().includes('X'));
    assert.equal(editor.document.getText(), `# 报告\n\n${text}X\n\n下一段。\n`);
  });

  it('with phrasebook.tree.enterAction = preview, Enter previews and leaves the document alone', async () => {
    await setSetting('tree.enterAction', 'preview');
    const { treeProvider } = await api();
    const editor = await editorWith('草稿\n|');
    const node = treeProvider.nodeForItem('builtin/llxx.11')!;
    const command = treeProvider.getTreeItem(node).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const preview = await waitFor('the preview', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'phrasebook-item'));
    assert.match(preview.document.getText(), /^# 理论学习 11/);
    assert.equal(editor.document.getText(), '草稿\n');
  });

  it('item tooltips say how to insert, with the real key chord', async () => {
    const { treeProvider } = await api();
    const tooltip = treeProvider.getTreeItem(treeProvider.nodeForItem('builtin/llxx.11')!).tooltip as vscode.MarkdownString;
    const hint = tooltip.value.split('---').pop()!.replace(/\\/g, '');
    assert.match(hint, /Click or press Enter to insert/);
    assert.match(hint, /drag/i);
    assert.ok(hint.includes('Ctrl+K Ctrl+;') || hint.includes('⌘K ⌘;'), hint);
    assert.ok(!hint.includes('&nbsp;'), 'the hint wraps');
  });
});
