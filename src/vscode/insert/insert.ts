// Putting text into the editor: at every cursor, replacing selections, as one undo step, with the blank
// lines Markdown needs around a block, in the document's line endings. Also: which editor to insert into.
import * as vscode from 'vscode';
import { formatItem, nextListNumber, padding, withEol, type InsertionContext } from '../../core/compose';
import type { Item } from '../../core/model';
import { insertSettings } from '../common/config';
import { PREVIEW_SCHEME } from '../preview/preview';
import { WORKSPACE_CORPUS_FOLDER } from '../../core/sources';
import { asOwnEdit } from './ownEdits';

/** The last text editor the user worked in, so a click in the sidebar still knows where to insert. */
export class EditorTracker implements vscode.Disposable {
  private last?: vscode.TextEditor;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.listener = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && isInsertable(editor.document)) this.last = editor;
  }

  /** The active editor, or else the last used one that is still visible (the preview doesn't count). */
  get target(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && isInsertable(active.document)) return active;
    const last = this.last;
    if (last && !last.document.isClosed && vscode.window.visibleTextEditors.includes(last)) return last;
    return vscode.window.visibleTextEditors.find((editor) => isInsertable(editor.document));
  }

  dispose(): void {
    this.listener.dispose();
  }
}

/** Why a click on a tree item does not insert: no editor, not a Markdown document, or a corpus file. */
export type ClickRefusal = 'noEditor' | 'notMarkdown' | 'corpus';

/**
 * Where a click on a tree item inserts: the insert target, but only when it is a Markdown document the writer
 * writes in. A click is made to look as often as to insert: settings.json, code or a commit message must not
 * change, nor a corpus file (the insert would add a duplicate item to the library).
 */
export function clickTarget(
  tracker: EditorTracker,
  isCorpus: (uri: vscode.Uri) => boolean,
): { editor: vscode.TextEditor; refusal?: undefined } | { editor?: vscode.TextEditor; refusal: ClickRefusal } {
  const editor = tracker.target;
  if (!editor) return { refusal: 'noEditor' };
  if (editor.document.languageId !== 'markdown') return { editor, refusal: 'notMarkdown' };
  if (isCorpus(editor.document.uri)) return { editor, refusal: 'corpus' };
  return { editor };
}

/** A corpus file: one the library loaded, or any file in a `.phrasebook/` folder (even one that failed to load). */
export function isCorpusDocument(uri: vscode.Uri, corpora: readonly { uri: vscode.Uri }[]): boolean {
  const key = uri.toString();
  return uri.path.split('/').includes(WORKSPACE_CORPUS_FOLDER) || corpora.some((loaded) => loaded.uri.toString() === key);
}

/** Our own previews and VS Code's output panes are never insertion targets. */
function isInsertable(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== PREVIEW_SCHEME && document.uri.scheme !== 'output';
}

/**
 * The editor to insert into; with none open, offers a new Markdown document (and returns its editor when
 * accepted). Undefined when the user declined.
 */
export async function targetEditor(tracker: EditorTracker): Promise<vscode.TextEditor | undefined> {
  const editor = tracker.target;
  if (editor) return editor;
  const create = vscode.l10n.t('New Markdown Document');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('There is no open editor to insert into. Open a new Markdown document and insert there?'),
    create,
  );
  if (answer !== create) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  return vscode.window.showTextDocument(document);
}

/** `block` as it goes into `document` at `selection`: blank lines around it as needed, in the document's EOL. */
export function paddedForDocument(block: string, document: vscode.TextDocument, selection: vscode.Selection): string {
  return paddedParts(block, document, selection).text;
}

/** The padded block, and how long its trailing padding is (the cursor goes before it, after the block). */
function paddedParts(block: string, document: vscode.TextDocument, selection: vscode.Selection): { text: string; trail: number } {
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const { lead, trail } = padding(insertionContext(document, selection));
  const trailText = withEol(trail, eol);
  return { text: withEol(lead + block, eol) + trailText, trail: trailText.length };
}

/** The line text around a selection, as the pure padding rules want it. */
export function insertionContext(document: vscode.TextDocument, selection: vscode.Selection): InsertionContext {
  const startLine = document.lineAt(selection.start.line).text;
  const endLine = document.lineAt(selection.end.line).text;
  return {
    before: startLine.slice(0, selection.start.character),
    after: endLine.slice(selection.end.character),
    previousLine: selection.start.line > 0 ? document.lineAt(selection.start.line - 1).text : undefined,
    nextLine: selection.end.line + 1 < document.lineCount ? document.lineAt(selection.end.line + 1).text : undefined,
  };
}

function isReadonly(document: vscode.TextDocument): boolean {
  return vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false || !isInsertable(document);
}

function showReadonly(document: vscode.TextDocument): void {
  void vscode.window.showWarningMessage(
    vscode.l10n.t('"{0}" is read-only; nothing was inserted.', vscode.workspace.asRelativePath(document.uri)),
  );
}

/** The document's text from its start to `position` (what Compose reads to fit the section it is in). */
export function textBefore(document: vscode.TextDocument, position: vscode.Position): string {
  return document.getText(new vscode.Range(new vscode.Position(0, 0), position));
}

interface PlannedEdit {
  range: vscode.Range;
  text: string;
  /** Length of the line breaks padding the end of `text`. */
  trail: number;
}

/**
 * Where each edit's block ends once all of them are applied (offsets in the edited document), in edit
 * order: before the trailing padding, so what the writer types next follows the block and does not start
 * the next paragraph.
 */
function endsAfter(document: vscode.TextDocument, edits: readonly PlannedEdit[]): number[] {
  const spans = edits.map((edit, index) => ({ index, start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), length: edit.text.length, trail: edit.trail }));
  const ends = new Array<number>(edits.length);
  let shift = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    ends[span.index] = span.start + shift + span.length - span.trail;
    shift += span.length - (span.end - span.start);
  }
  return ends;
}

/**
 * Gives the keyboard back to the editor (the insert may have come from the sidebar or a pick) with a cursor
 * after each inserted block, so the writer types on where the text ends.
 */
async function focusAfter(editor: vscode.TextEditor, ends: readonly number[]): Promise<void> {
  const document = editor.document;
  try {
    // Cursors first, at once: the offsets are right only until the next edit.
    editor.selections = ends.map((offset) => {
      const position = document.positionAt(offset);
      return new vscode.Selection(position, position);
    });
    const shown = await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preserveFocus: false });
    shown.revealRange(shown.selection, vscode.TextEditorRevealType.Default);
  } catch {
    // The editor went away meanwhile: the text is in, there is just nothing to focus.
  }
}

/**
 * Replaces every selection of `editor` with the block `blockAt` gives for it, padded with blank lines and
 * converted to the document's EOL, in a single edit (one undo step), then focuses the editor with the cursor
 * after the inserted text. Returns whether the edit was applied.
 */
export async function insertBlocks(
  editor: vscode.TextEditor,
  blockAt: (document: vscode.TextDocument, selection: vscode.Selection) => string,
): Promise<boolean> {
  const document = editor.document;
  if (isReadonly(document)) {
    showReadonly(document);
    return false;
  }
  const edits: PlannedEdit[] = editor.selections.map((selection) => ({
    range: new vscode.Range(selection.start, selection.end),
    ...paddedParts(blockAt(document, selection), document, selection),
  }));
  const ends = endsAfter(document, edits);
  const versionBefore = document.version;
  let applied = false;
  try {
    applied = await asOwnEdit(document, () =>
      editor.edit(
        (builder) => {
          for (const edit of edits) builder.replace(edit.range, edit.text);
        },
        { undoStopBefore: true, undoStopAfter: true },
      ),
    );
  } catch (error) {
    // The editor closed meanwhile, or the like: say what happened rather than blame read-only.
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not insert: {0}', error instanceof Error ? error.message : String(error)));
    return false;
  }
  // A read-only editor (e.g. "Set Active Editor Read-only in Session") reports success but changes nothing.
  if (applied && document.version === versionBefore && edits.some((edit) => edit.text !== '' || !edit.range.isEmpty)) applied = false;
  if (!applied) {
    showReadonly(document);
    return false;
  }
  await focusAfter(editor, ends);
  return true;
}

/** The item formatted per `phrasebook.insert.format` for one insertion point. */
export function itemBlock(item: Item, document: vscode.TextDocument, selection: vscode.Selection): string {
  const settings = insertSettings(document);
  let number = 1;
  if (settings.format === 'numbered') {
    const above: string[] = [];
    for (let line = Math.max(0, selection.start.line - 200); line < selection.start.line; line++) above.push(document.lineAt(line).text);
    const before = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
    if (before.trim() !== '') above.push(before);
    number = nextListNumber(above);
  }
  return formatItem(item, settings.format, { number, titleStyle: settings.titleStyle, headingLevel: settings.headingLevel });
}

export async function insertItem(item: Item, tracker: EditorTracker): Promise<boolean> {
  const editor = await targetEditor(tracker);
  if (!editor) return false;
  return insertBlocks(editor, (document, selection) => itemBlock(item, document, selection));
}

/** Inserts the Markdown `blockAt` writes for each cursor (Compose fits its block to each one's section). */
export async function insertComposed(tracker: EditorTracker, blockAt: (document: vscode.TextDocument, selection: vscode.Selection) => string): Promise<boolean> {
  const editor = await targetEditor(tracker);
  if (!editor) return false;
  return insertBlocks(editor, blockAt);
}
