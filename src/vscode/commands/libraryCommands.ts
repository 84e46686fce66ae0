// Commands for the writer's own library: import plain outline text as a corpus, export a corpus as a
// `.code-snippets` file, start a new corpus from a template, clear the history, toggle a favourite.
// Each accepts an argument object so tests (and other extensions) can skip every prompt.
import * as vscode from 'vscode';
import { itemCount, snippetCount } from '../common/counts';
import { importOutline, proposedImportTitle } from '../../core/importer';
import { allItems, type Corpus, type Item, type Problem } from '../../core/model';
import { corpusIdFromFileName } from '../../core/read';
import { serializeCorpus } from '../../core/serialize';
import { snippetFileText } from '../../core/snippets';
import { splitLines } from '../../core/text';
import { WORKSPACE_CORPUS_FOLDER } from '../../core/sources';
import { corpusIdFromTitle, isValidCorpusId, newCorpusText, snippetFileName } from '../../core/template';
import type { Library, LoadedCorpus } from '../library/library';
import { confirmReplace, exists } from '../common/replace';
import { toDiagnostics } from '../problems/diagnostics';
import type { UsageHistory } from '../marks/usageHistory';

export interface LibraryCommandContext {
  library: Library;
  history: UsageHistory;
  /** Where import problems (lines it could not place) are reported, on the imported document. */
  importDiagnostics: vscode.DiagnosticCollection;
  /** Resolves an item argument (Item, id or tree node) the way the other commands do. */
  resolveItem: (arg: unknown) => Item | undefined;
  /** Picks an item when a command gets none. */
  pickItem: () => Promise<Item | undefined>;
}

export interface ImportTextArgs {
  /** The outline text; default: the active editor's selection, or its whole text. */
  text?: string;
  id?: string;
  title?: string;
  language?: string;
  /** Where to save (Uri or absolute path); default: ask, proposing `.phrasebook/<id>.md`. */
  target?: vscode.Uri | string;
  /** Replace an existing target (default false when `target` is given; the save dialog asks otherwise). */
  overwrite?: boolean;
  /** Open the new corpus file (default true when prompting, false when `target` is given). */
  open?: boolean;
}

export interface ImportTextResult {
  uri: vscode.Uri;
  corpus: Corpus;
  /** Problems of the import (lines it could not place and the like). */
  problems: number;
  /** The completion message shown. */
  message: string;
}

export interface ExportSnippetsArgs {
  corpusId?: string;
  target?: vscode.Uri | string;
}

export interface NewCorpusArgs {
  title?: string;
  id?: string;
  target?: vscode.Uri | string;
  open?: boolean;
}

function toUri(target: vscode.Uri | string): vscode.Uri {
  return typeof target === 'string' ? (/^[a-z][\w+.-]+:\/\//i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target)) : target;
}


async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** The workspace folder for new files: the active editor's, else the first. */
function preferredFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** `<folder>/.phrasebook/<id>.md`, with `-2`, `-3`… when taken. */
async function freeCorpusUri(folder: vscode.Uri, id: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, WORKSPACE_CORPUS_FOLDER, `${id}${n === 1 ? '' : `-${n}`}.md`);
    if (!(await exists(uri))) return uri;
  }
}

function isWatchedFolder(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  return relative.startsWith(`${WORKSPACE_CORPUS_FOLDER}/`);
}

/** A saved corpus outside `.phrasebook/` loads only when the setting names it: offer to add it. */
async function offerToWatch(uri: vscode.Uri): Promise<void> {
  if (isWatchedFolder(uri) || uri.scheme !== 'file') return;
  const add = vscode.l10n.t('Add to Settings');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('"{0}" is outside a .phrasebook folder. Add it to the phrasebook.corpora setting so it loads?', uri.fsPath),
    add,
  );
  if (answer !== add) return;
  const config = vscode.workspace.getConfiguration('phrasebook');
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const entry = folder ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath;
  // Append to the level written to, not the merged value: that would copy user entries into the workspace.
  const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>('corpora');
  const current = (folder ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  await config.update('corpora', [...current, entry], target);
}

async function pickCorpus(library: Library): Promise<LoadedCorpus | undefined> {
  const corpora = library.corpora;
  if (corpora.length <= 1) return corpora[0];
  const picked = await vscode.window.showQuickPick(
    corpora.map((loaded) => ({
      label: loaded.corpus.title,
      description: loaded.builtin ? vscode.l10n.t('built-in') : vscode.workspace.asRelativePath(loaded.uri),
      detail: itemCount(allItems(loaded.corpus).length),
      loaded,
    })),
    { title: vscode.l10n.t('Export Snippets'), placeHolder: vscode.l10n.t('Choose the corpus to export as snippets') },
  );
  return picked?.loaded;
}

export async function importText(ctx: LibraryCommandContext, args: ImportTextArgs = {}): Promise<ImportTextResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  let text = args.text;
  let lineOffset = 0;
  let sourceUri: vscode.Uri | undefined;
  if (text === undefined && editor) {
    const selection = editor.selection;
    sourceUri = editor.document.uri;
    if (!selection.isEmpty) {
      text = editor.document.getText(selection);
      lineOffset = selection.start.line;
    } else {
      text = editor.document.getText();
    }
  }
  if (text === undefined || text.trim() === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open (or select) the outline text to import first.'));
    return undefined;
  }
  const prompting = args.target === undefined;
  // The same two questions as New Corpus: the title (proposed from the text, else the file name), then the id.
  const fileName = sourceUri && sourceUri.scheme !== 'untitled' ? corpusIdFromFileName(sourceUri.path) : undefined;
  const proposedTitle = args.title ?? proposedImportTitle(text) ?? fileName ?? vscode.l10n.t('Imported');
  const named = await askTitleAndId(vscode.l10n.t('Import Outline Text as Corpus'), {
    title: args.title,
    id: args.id,
    proposedTitle,
    ask: prompting,
  });
  if (!named) return undefined;
  const { id, title } = named;

  const { corpus, problems, comments } = importOutline(text, { id, title, language: args.language ?? 'zh-CN' });
  const importedItems = allItems(corpus).length;

  // What it could not place is shown where the writer can fix it: on the imported document's lines.
  if (sourceUri) {
    const selected = editor && !editor.selection.isEmpty ? editor.selection.start : undefined;
    // An import's problems are hints about the outline, not errors in a file of ours: one level milder.
    ctx.importDiagnostics.set(
      sourceUri,
      toDiagnostics(problems, splitLines(text), {
        lineOffset,
        firstLineOffset: selected?.character ?? 0,
        severity: { error: vscode.DiagnosticSeverity.Warning, warning: vscode.DiagnosticSeverity.Information },
      }),
    );
  }
  if (importedItems === 0) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('No items found: number the categories "一、…" and the items "1. …" (see Problems for the lines not understood).'),
    );
    return undefined;
  }

  let target: vscode.Uri | undefined;
  if (args.target !== undefined) {
    target = toUri(args.target);
    if (!args.overwrite && (await exists(target))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" already exists; nothing was written.', target.toString(true)));
      return undefined;
    }
  } else {
    const folder = preferredFolder();
    target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the Imported Corpus'),
      defaultUri: folder ? await freeCorpusUri(folder.uri, id) : undefined,
      filters: { Markdown: ['md'] },
    });
    if (!target) return undefined;
  }
  await writeText(target, serializeCorpus(corpus, comments));

  const message = importSummary(corpus, problems, vscode.workspace.asRelativePath(target));
  const attention = new Set(problems.map((problem) => problem.line)).size;
  if (attention > 0) {
    const show = vscode.l10n.t('Show Problems');
    void vscode.window.showWarningMessage(message, show).then((answer) => {
      if (answer === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else void vscode.window.showInformationMessage(message);
  if (args.open ?? prompting) await vscode.window.showTextDocument(target, { preview: false });
  if (prompting) void offerToWatch(target);
  return { uri: target, corpus, problems: problems.length, message };
}

/** "Imported 12 items in 3 categories into x.md; 2 lines need attention (see Problems).", with plural forms. */
function importSummary(corpus: Corpus, problems: readonly Problem[], where: string): string {
  const items = allItems(corpus).length;
  const top = corpus.categories.filter((category) => category.parent === undefined).length;
  const subs = corpus.categories.length - top;
  const itemText = items === 1 ? vscode.l10n.t('1 item') : vscode.l10n.t('{0} items', items);
  const categoryText = top === 1 ? vscode.l10n.t('1 category') : vscode.l10n.t('{0} categories', top);
  const subText = subs === 0 ? '' : subs === 1 ? vscode.l10n.t(' (and 1 sub-category)') : vscode.l10n.t(' (and {0} sub-categories)', subs);
  const summary = vscode.l10n.t('Imported {0} in {1}{2} into {3}.', itemText, categoryText, subText, where);
  const lines = new Set(problems.map((problem) => problem.line)).size;
  if (lines === 0) return summary;
  const kept = problems.filter((problem) => COMMENT_CODES.has(problem.code)).length;
  const attention = lines === 1 ? vscode.l10n.t('1 line needs attention') : vscode.l10n.t('{0} lines need attention', lines);
  const comments = kept === 0 ? '' : kept === 1 ? vscode.l10n.t(' (1 kept as a comment)') : vscode.l10n.t(' ({0} kept as comments)', kept);
  return `${summary} ${vscode.l10n.t('{0}{1}: see the Problems panel.', attention, comments)}`;
}

/** Problems whose line the import kept in the corpus file as a comment. */
const COMMENT_CODES = new Set<Problem['code']>(['unplacedText', 'importPreamble', 'importClosing']);

/**
 * The two questions New Corpus and Import both ask: the title, then the id proposed from it (its pinyin
 * initials), editable, checked by the one rule of the core. Arguments given skip their question.
 */
async function askTitleAndId(
  dialogTitle: string,
  given: { title?: string; id?: string; proposedTitle: string; ask: boolean },
): Promise<{ title: string; id: string } | undefined> {
  const askTitle = () =>
    vscode.window.showInputBox({
      title: dialogTitle,
      prompt: vscode.l10n.t('Title of the corpus, as shown in the sidebar'),
      value: given.proposedTitle,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Give the corpus a title.') : undefined),
    });
  const title = given.title ?? (given.ask ? await askTitle() : given.proposedTitle);
  if (title === undefined || title.trim() === '') return undefined;
  const askId = () =>
    vscode.window.showInputBox({
      title: dialogTitle,
      prompt: vscode.l10n.t('Corpus id: lower-case ASCII letters, digits and "-" (used in item ids and snippet prefixes)'),
      value: corpusIdFromTitle(title),
      validateInput: corpusIdMessage,
    });
  const id = given.id ?? (given.ask ? await askId() : corpusIdFromTitle(title));
  if (id === undefined) return undefined;
  // An id given as an argument is held to the same rule as a typed one.
  const problem = corpusIdMessage(id);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  return { title: title.trim(), id };
}

function corpusIdMessage(value: string): string | undefined {
  return isValidCorpusId(value) ? undefined : vscode.l10n.t('Use lower-case ASCII letters, digits and "-" only, e.g. "{0}".', corpusIdFromTitle(value));
}

export async function exportSnippets(ctx: LibraryCommandContext, args: ExportSnippetsArgs = {}): Promise<vscode.Uri | undefined> {
  let loaded: LoadedCorpus | undefined;
  if (args.corpusId !== undefined) {
    loaded = ctx.library.corpora.find((candidate) => candidate.corpus.id === args.corpusId);
    if (!loaded) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No corpus "{0}" is loaded.', args.corpusId));
      return undefined;
    }
  } else {
    loaded = await pickCorpus(ctx.library);
  }
  if (!loaded) return undefined;
  let target: vscode.Uri | undefined;
  if (args.target !== undefined) target = toUri(args.target);
  else {
    const folder = (!loaded.builtin && vscode.workspace.getWorkspaceFolder(loaded.uri)) || preferredFolder();
    target = folder
      ? vscode.Uri.joinPath(folder.uri, '.vscode', snippetFileName(loaded.corpus.id))
      : await vscode.window.showSaveDialog({ filters: { Snippets: ['code-snippets'] } });
    // The save dialog asks before replacing a file; the default path must ask too.
    if (folder && target && (await exists(target)) && !(await confirmReplace(target))) return undefined;
  }
  if (!target) return undefined;
  await writeText(target, snippetFileText(loaded.corpus));
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Wrote {0} of "{1}" to {2}.', snippetCount(allItems(loaded.corpus).length), loaded.corpus.title, vscode.workspace.asRelativePath(target)),
  );
  return target;
}


export async function newCorpus(args: NewCorpusArgs = {}): Promise<vscode.Uri | undefined> {
  // Run with no arguments (palette, walkthrough) it asks; any title or id given skips both questions.
  const ask = args.title === undefined && args.id === undefined;
  const named = await askTitleAndId(vscode.l10n.t('New Corpus'), { title: args.title, id: args.id, proposedTitle: vscode.l10n.t('My Phrasebook'), ask });
  if (!named) return undefined;
  const { id, title } = named;
  let target: vscode.Uri | undefined;
  if (args.target !== undefined) {
    target = toUri(args.target);
    if (await exists(target)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" already exists; nothing was written.', target.toString(true)));
      return undefined;
    }
  } else {
    const folder = preferredFolder();
    target = folder
      ? await freeCorpusUri(folder.uri, id)
      : await vscode.window.showSaveDialog({ title: vscode.l10n.t('New Corpus'), filters: { Markdown: ['md'] } });
  }
  if (!target) return undefined;
  const commentLanguage = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  await writeText(target, newCorpusText({ id, title, commentLanguage }));
  if (args.open ?? true) await vscode.window.showTextDocument(target, { preview: false });
  if (args.target === undefined) void offerToWatch(target);
  return target;
}

export function registerLibraryCommands(ctx: LibraryCommandContext): vscode.Disposable[] {
  return [
    // An import's warnings point at lines of the text as it was: an edit or closing makes them stale.
    // Checked with has() first: delete() messages the workbench even for a document without warnings,
    // and this runs on every keystroke in every document.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && ctx.importDiagnostics.has(event.document.uri)) ctx.importDiagnostics.delete(event.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (ctx.importDiagnostics.has(document.uri)) ctx.importDiagnostics.delete(document.uri);
    }),
    vscode.commands.registerCommand('phrasebook.importText', (args?: ImportTextArgs) => importText(ctx, args ?? {})),
    vscode.commands.registerCommand('phrasebook.exportSnippets', (args?: ExportSnippetsArgs | string | { kind?: string; loaded?: LoadedCorpus }) => {
      if (typeof args === 'string') return exportSnippets(ctx, { corpusId: args });
      // From the tree: a corpus node (or any node of one) names its corpus.
      if (args && 'loaded' in args && args.loaded) return exportSnippets(ctx, { corpusId: args.loaded.corpus.id });
      return exportSnippets(ctx, (args as ExportSnippetsArgs | undefined) ?? {});
    }),
    vscode.commands.registerCommand('phrasebook.newCorpus', (args?: NewCorpusArgs) => newCorpus(args ?? {})),
    vscode.commands.registerCommand('phrasebook.clearHistory', async (args?: { confirm?: boolean; favourites?: boolean }) => {
      let favourites = args?.favourites === true;
      if (args?.confirm !== false) {
        const clear = vscode.l10n.t('Clear');
        const clearAll = vscode.l10n.t('Clear, and Unstar Favourites');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Forget which items were inserted recently? Favourites are kept unless you unstar them too.'),
          { modal: true },
          clear,
          clearAll,
        );
        if (answer !== clear && answer !== clearAll) return false;
        favourites = answer === clearAll;
      }
      await ctx.history.clear(favourites);
      return true;
    }),
    vscode.commands.registerCommand('phrasebook.toggleFavourite', async (arg?: unknown) => {
      const item = arg === undefined ? await ctx.pickItem() : ctx.resolveItem(arg);
      if (!item) return undefined;
      await ctx.history.toggleFavourite(item.id);
      return ctx.history.isFavourite(item.id);
    }),
  ];
}
