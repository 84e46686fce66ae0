// Wires the modules together; each piece lives in its own file.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { EditorTracker } from './insert';
import { BuiltinCorpusSource, Library } from './library';
import { currentPick } from './pick';
import { ItemPreviewProvider, PREVIEW_SCHEME } from './preview';
import { PhraseTreeProvider, VIEW_ID } from './tree';

/** What `activate` returns: the extension's parts, for other extensions and the integration tests. */
export interface PhrasebookApi {
  library: Library;
  treeProvider: PhraseTreeProvider;
  treeView: vscode.TreeView<import('./tree').PhraseNode>;
  /** The quick pick currently open (Insert Item… or Compose…), if any. */
  currentPick: typeof currentPick;
}

export async function activate(context: vscode.ExtensionContext): Promise<PhrasebookApi> {
  const log = vscode.window.createOutputChannel('Phrasebook', { log: true });
  const library = new Library();
  const builtin = new BuiltinCorpusSource(context.extensionUri, (uri, problems, error) => {
    if (error) log.error(`${uri.toString(true)}: ${String(error)}`);
    for (const problem of problems) {
      log[problem.severity === 'error' ? 'error' : 'warn'](`${uri.toString(true)}:${problem.line}: ${problem.message}`);
    }
  });
  library.addSource(builtin);
  const loaded = builtin.reload();

  const tracker = new EditorTracker();
  const preview = new ItemPreviewProvider(library);
  const treeProvider = new PhraseTreeProvider(library);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: treeProvider, showCollapseAll: true });
  const setEmpty = () => vscode.commands.executeCommand('setContext', 'phrasebook.libraryEmpty', library.items.length === 0);

  context.subscriptions.push(
    log,
    library,
    tracker,
    preview,
    treeProvider,
    treeView,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    library.onDidChange(setEmpty),
    ...registerCommands({ library, tracker, preview }),
  );

  await loaded;
  log.info(`Loaded ${library.corpora.length} corpus/corpora with ${library.items.length} items.`);
  return { library, treeProvider, treeView, currentPick };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
