// Drives VS Code's suggest widget as a writer does: Ctrl+Space (or typing) opens it, Enter accepts its
// selected row. The widget opens when its providers answer, so the accept is retried until the text changes.
import * as vscode from 'vscode';
import { waitFor } from './helpers';

export const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/**
 * How many rows the completion commands resolve, as the suggest widget does for the row it details
 * (documentation is filled in then): all of ours in any test list.
 */
export const RESOLVE_ALL = 500;

/** The completion list VS Code computes at the end of `editor`'s document (every provider, static snippets included), resolved. */
export async function completionsAtEnd(editor: vscode.TextEditor): Promise<vscode.CompletionItem[]> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, undefined, RESOLVE_ALL);
  return list.items;
}

/**
 * Accepts the suggest widget's selected row at the cursor. `trigger`: open it with Ctrl+Space's command
 * (else it must pop up by itself, from typing). Resolves once the document changed.
 */
export async function acceptSuggestion(editor: vscode.TextEditor, trigger = true): Promise<void> {
  const version = editor.document.version;
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  let triggered = 0;
  await waitFor('a suggestion accepted', async () => {
    if (editor.document.version !== version) return true;
    // Not on every poll: a new trigger cancels a request still on its way (a busy host answers slowly).
    if (trigger && Date.now() - triggered > 3000) {
      triggered = Date.now();
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
    }
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    return editor.document.version !== version;
  });
}
