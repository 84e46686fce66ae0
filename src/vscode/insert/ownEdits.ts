// Which documents Phrasebook itself is editing right now, so listeners of document changes (the snippet-use
// detector) can tell our inserts from the writer's typing. VS Code delivers an edit's change event before
// the edit's promise resolves, so marking the document for the edit's duration covers it.
import type * as vscode from 'vscode';

const editing = new Map<string, number>();

/** Runs `edit` with `document` marked as edited by Phrasebook. */
export async function asOwnEdit<T>(document: vscode.TextDocument, edit: () => Thenable<T>): Promise<T> {
  const key = document.uri.toString();
  editing.set(key, (editing.get(key) ?? 0) + 1);
  try {
    return await edit();
  } finally {
    const left = (editing.get(key) ?? 1) - 1;
    if (left > 0) editing.set(key, left);
    else editing.delete(key);
  }
}

export function isOwnEdit(document: vscode.TextDocument): boolean {
  return editing.has(document.uri.toString());
}
