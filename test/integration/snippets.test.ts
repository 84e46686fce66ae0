import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, editorWith, markdownEditor, setSetting, waitFor } from './helpers';
import { acceptSuggestion, completionsAtEnd, labelOf } from './suggest';

const markdown = () => vscode.workspace.getConfiguration('', { languageId: 'markdown' });

describe('snippets', () => {
  after(closeAllEditors);

  it('offers llxx11 in a Markdown document with its title and its full text as Markdown', async () => {
    const { library } = await api();
    const item = library.findItem('builtin/llxx.11')!;
    const editor = await markdownEditor('llxx11');
    const offered = await waitFor('llxx11 offered', async () => {
      const items = (await completionsAtEnd(editor)).filter((entry) => labelOf(entry) === 'llxx11');
      return items.length > 0 && items;
    });
    // One row per item: no static snippet next to the completion's.
    assert.equal(offered.length, 1, `llxx11 offered ${offered.length} times`);
    const [entry] = offered;
    // Kind Snippet: editor.snippetSuggestions and editor.suggest.showSnippets apply as they did to the static snippets.
    assert.equal(entry.kind, vscode.CompletionItemKind.Snippet);
    // The row names the paragraph, not only "理论学习 11".
    assert.equal((entry.label as vscode.CompletionItemLabel).description, item.title);
    assert.match(entry.detail ?? '', /对照检查材料常见问题 · 理论学习方面存在问题 11/);
    // The details pane: the whole paragraph as Markdown, which wraps (a code block shows one long line).
    assert.ok(entry.documentation instanceof vscode.MarkdownString, 'documentation is Markdown');
    assert.ok(!entry.documentation.value.includes('```'), 'not a code block');
    assert.ok(entry.documentation.value.includes(item.text), 'the full text');
    assert.equal((entry.insertText as vscode.SnippetString).value, item.text);
  });

  it('offers each llxx item once, and the Chinese prefix too', async () => {
    const { library } = await api();
    const editor = await markdownEditor('前文llxx');
    const llxx = library.items.filter((item) => item.id.startsWith('builtin/llxx.'));
    const items = await waitFor('the llxx items', async () => {
      const found = (await completionsAtEnd(editor)).filter((entry) => /^llxx\d+$/.test(labelOf(entry)));
      return found.length >= llxx.length && found;
    });
    assert.deepEqual(items.map(labelOf).sort(), llxx.map((item) => `llxx${item.number}`).sort());
    for (const entry of items) assert.ok((entry.label as vscode.CompletionItemLabel).description, `${labelOf(entry)} has no title`);

    const chinese = await markdownEditor('我们理论学习11');
    const offered = await waitFor('理论学习11 offered', async () => {
      const found = (await completionsAtEnd(chinese)).filter((entry) => labelOf(entry) === '理论学习11');
      return found.length > 0 && found;
    });
    assert.equal(offered.length, 1);
    assert.equal((offered[0].label as vscode.CompletionItemLabel).description, library.findItem('builtin/llxx.11')!.title);
  });

  it('inserts exactly the item text for Ctrl+Space and Enter, and undoes in one step', async () => {
    const { library } = await api();
    const editor = await editorWith('# 材料\n\nllxx11|');
    await acceptSuggestion(editor);
    assert.equal(editor.document.getText(), `# 材料\n\n${library.findItem('builtin/llxx.11')!.text}`);
    await vscode.commands.executeCommand('undo');
    await waitFor('the prefix back after one undo', () => editor.document.getText() === '# 材料\n\nllxx11');
  });

  it('pops up while typing the Chinese prefix once suggestions are on in Markdown', async () => {
    const { library } = await api();
    await markdown().update('editor.quickSuggestions', { other: 'on', comments: 'off', strings: 'off' }, vscode.ConfigurationTarget.Global, true);
    try {
      // A lead-in no other document has: VS Code also suggests words of open Markdown documents, and a
      // Chinese "word" runs to the last punctuation, so `我们理论学习11` typed elsewhere would be one.
      const editor = await editorWith('他指出|');
      await vscode.window.showTextDocument(editor.document);
      // As a Chinese input method commits it: the word at once, then the digits.
      for (const text of ['理论学习', '1', '1']) await vscode.commands.executeCommand('type', { text });
      await waitFor('the prefix typed', () => editor.document.getText() === '他指出理论学习11');
      await acceptSuggestion(editor, false);
      assert.equal(editor.document.getText(), `他指出${library.findItem('builtin/llxx.11')!.text}`);
    } finally {
      await markdown().update('editor.quickSuggestions', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('offers no built-in item while phrasebook.builtinCorpus.enabled is off', async () => {
    const { library } = await api();
    const editor = await markdownEditor('llxx11');
    try {
      await setSetting('builtinCorpus.enabled', false);
      await waitFor('the built-in corpus hidden', () => !library.findItem('builtin/llxx.11'));
      assert.deepEqual((await completionsAtEnd(editor)).filter((entry) => labelOf(entry) === 'llxx11'), []);
    } finally {
      await setSetting('builtinCorpus.enabled', undefined);
    }
    await waitFor('llxx11 offered again', async () => (await completionsAtEnd(editor)).some((entry) => labelOf(entry) === 'llxx11'));
  });

  it('does not offer them in a plain-text document', async () => {
    const editor = await markdownEditor('llxx11', 'plaintext');
    const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.document.positionAt(6));
    assert.ok(!result.items.some((item) => item.kind === vscode.CompletionItemKind.Snippet && (typeof item.label === 'string' ? item.label : item.label.label) === 'llxx11'));
  });
});
