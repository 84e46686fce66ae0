import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, markdownEditor, waitFor } from './helpers';

describe('snippets', () => {
  after(closeAllEditors);

  it('offers llxx11 in a Markdown document, inserting the item text', async () => {
    const { library } = await api();
    const editor = await markdownEditor('llxx11');
    const position = editor.document.positionAt(6);
    const list = await waitFor('completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      return result.items.some((item) => item.label === 'llxx11' || (item.label as vscode.CompletionItemLabel).label === 'llxx11') && result;
    });
    const snippet = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'llxx11')!;
    assert.equal(snippet.kind, vscode.CompletionItemKind.Snippet);
    const body = snippet.insertText instanceof vscode.SnippetString ? snippet.insertText.value : String(snippet.insertText);
    assert.ok(body.includes(library.findItem('builtin/llxx.11')!.text.slice(0, 20)));
  });

  it('does not offer them in a plain-text document', async () => {
    const editor = await markdownEditor('llxx11', 'plaintext');
    const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.document.positionAt(6));
    assert.ok(!result.items.some((item) => item.kind === vscode.CompletionItemKind.Snippet && (typeof item.label === 'string' ? item.label : item.label.label) === 'llxx11'));
  });
});
