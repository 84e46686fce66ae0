// Shared by the integration tests: the extension's API, documents to insert into, waiting, cleanup.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PhrasebookTestApi } from '../../src/vscode/testApi';

export const EXTENSION_ID = 'phrasebook.phrasebook';

/** The extension's test API (src/vscode/testApi.ts): activate returns it only in a test run. */
export async function api(): Promise<PhrasebookTestApi> {
  const extension = vscode.extensions.getExtension<PhrasebookTestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const testApi = await extension.activate();
  assert.ok(testApi, 'activate returned no test API: is this run in ExtensionMode.Test?');
  return testApi;
}

/** Forgets the insertion history and the favourites, as the Clear History command does. */
export async function clearHistory(): Promise<void> {
  await vscode.commands.executeCommand('phrasebook.clearHistory', { confirm: false, favourites: true });
}

export { STATE_TIMEOUT_MS, sleep, waitFor } from '../common/waitFor';

let documentCounter = 0;
const documentFiles: string[] = [];

/**
 * A new Markdown document with `content`, shown and active: a fresh file in the temp folder, never reused.
 * (Untitled documents reuse the name of one just closed, and the extension host may still hold the old
 * one for a while and hand back its stale text.)
 */
export async function markdownEditor(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  const extension = language === 'markdown' ? 'md' : 'txt';
  const file = path.join(os.tmpdir(), `phrasebook-it-${process.pid}-${++documentCounter}.${extension}`);
  fs.writeFileSync(file, content);
  documentFiles.push(file);
  let document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  assert.equal(document.getText(), content);
  return vscode.window.showTextDocument(document);
}

/** `|` marks cursors (pairs `[`…`]` mark selections) in `marked`; returns the text and the selections. */
export function parseMarked(marked: string): { text: string; selections: [number, number][] } {
  const selections: [number, number][] = [];
  let text = '';
  let open = -1;
  for (const char of marked) {
    if (char === '|') selections.push([text.length, text.length]);
    else if (char === '[') open = text.length;
    else if (char === ']') selections.push([open, text.length]);
    else text += char;
  }
  return { text, selections };
}

/** An editor whose text and selections are given with `|` / `[…]` markers. */
export async function editorWith(marked: string, language = 'markdown'): Promise<vscode.TextEditor> {
  const { text, selections } = parseMarked(marked);
  const editor = await markdownEditor(text, language);
  editor.selections = selections.map(([start, end]) => new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end)));
  return editor;
}

/** Closes every editor without save prompts (test documents are reverted first) and removes their files. */
export async function closeAllEditors(): Promise<void> {
  for (let guard = 0; guard < 30 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); guard++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const dirtyLeft = vscode.workspace.textDocuments.some((document) => document.isDirty);
    if (!dirtyLeft) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  for (const file of documentFiles.splice(0)) fs.rmSync(file, { force: true });
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('phrasebook').update(key, value, vscode.ConfigurationTarget.Global);
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}
