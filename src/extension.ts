// Wires the modules together; each piece lives in its own file.
import * as vscode from 'vscode';
import { registerCommands, resolveItem } from './vscode/commands/itemCommands';
import { EditorTracker } from './vscode/insert/insert';
import { BuiltinCorpusSource, Library } from './vscode/library/library';
import { currentPick, pickItem } from './vscode/pick/pick';
import { ItemPreviewProvider, PREVIEW_SCHEME } from './vscode/preview/preview';
import { PhraseTreeProvider, VIEW_ID, type PhraseNode } from './vscode/tree/tree';
import { CorpusCompletionProvider } from './vscode/completion/corpusCompletion';
import { PhraseDragAndDropController, PhraseDropProvider, registerDropProvider } from './vscode/tree/dragDrop';
import { SettingGatedSource } from './vscode/library/gatedSource';
import { registerLibraryCommands } from './vscode/commands/libraryCommands';
import { onDidChangeMarks, setMarks } from './vscode/marks/marks';
import { UsageHistory } from './vscode/marks/usageHistory';
import { UsedTracker } from './vscode/marks/usedTracker';
import { UserCorpusSource } from './vscode/corpora/userCorpora';

/** What `activate` returns: the extension's parts, for other extensions and the integration tests. */
export interface PhrasebookApi {
  library: Library;
  treeProvider: PhraseTreeProvider;
  treeView: vscode.TreeView<PhraseNode>;
  /** The quick pick currently open (Insert Item… or Compose…), if any. */
  currentPick: typeof currentPick;
  /** The writer's own corpora (`.phrasebook/` folders and the `phrasebook.corpora` setting). */
  userCorpora: UserCorpusSource;
  /** Recently inserted items and favourites. */
  history: UsageHistory;
  /** Items already used in the active Markdown document. */
  used: UsedTracker;
  dragAndDrop: PhraseDragAndDropController;
  dropProvider: PhraseDropProvider;
  /** Problems of corpus files (the Problems panel). */
  diagnostics: vscode.DiagnosticCollection;
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
  library.addSource(new SettingGatedSource(builtin, 'phrasebook.builtinCorpus.enabled'));
  const loaded = builtin.reload();
  const diagnostics = vscode.languages.createDiagnosticCollection('phrasebook');
  const importDiagnostics = vscode.languages.createDiagnosticCollection('phrasebook-import');
  const userCorpora = new UserCorpusSource(diagnostics);
  library.addSource(userCorpora);
  // Not awaited: a large workspace must not hold up activation; corpora appear as they load.
  void userCorpora.start();
  const history = new UsageHistory(context.globalState);
  const used = new UsedTracker(library);

  const tracker = new EditorTracker();
  const preview = new ItemPreviewProvider(library);
  const treeProvider = new PhraseTreeProvider(library);
  const completion = new CorpusCompletionProvider(library, (id) => used.isUsed(id));
  const dragAndDrop = new PhraseDragAndDropController(library);
  const dropProvider = new PhraseDropProvider(library, (ids) => void history.record(ids));
  const treeView = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: treeProvider,
    showCollapseAll: true,
    dragAndDropController: dragAndDrop,
  });
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
    ...registerCommands({ library, tracker, preview, onInserted: (items) => void history.record(items.map((item) => item.id)) }),
    diagnostics,
    importDiagnostics,
    history,
    used,
    setMarks({ history, used }),
    onDidChangeMarks(() => treeProvider.refresh()),
    registerDropProvider(dropProvider),
    completion,
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, completion),
    ...registerLibraryCommands({
      library,
      history,
      importDiagnostics,
      resolveItem: (arg) => resolveItem(library, arg),
      pickItem: () => pickItem(library),
    }),
  );

  await loaded;
  log.info(`Loaded ${library.corpora.length} corpus/corpora with ${library.items.length} items.`);
  return { library, treeProvider, treeView, currentPick, userCorpora, history, used, dragAndDrop, dropProvider, diagnostics };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
