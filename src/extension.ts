// Wires the modules together; each piece lives in its own file.
import * as vscode from 'vscode';
import { registerCommands, resolveItem } from './vscode/commands/itemCommands';
import { EditorTracker } from './vscode/insert/insert';
import { readThesaurus } from './vscode/library/thesaurusFile';
import { BuiltinCorpusSource } from './vscode/library/builtinSource';
import { Library } from './vscode/library/library';
import { pickItem, type PickContext } from './vscode/pick/pick';
import { ItemPreviewProvider, PREVIEW_SCHEME } from './vscode/preview/preview';
import { PhraseTreeProvider, VIEW_ID } from './vscode/tree/tree';
import { insertKeyLabel } from './vscode/tree/hints';
import { CorpusCompletionProvider } from './vscode/completion/corpusCompletion';
import { PhraseDragAndDropController, PhraseDropProvider, registerDropProvider } from './vscode/tree/dragDrop';
import { SettingGatedSource } from './vscode/library/gatedSource';
import { registerLibraryCommands } from './vscode/commands/libraryCommands';
import { ItemMarks } from './vscode/marks/marks';
import { probeActivated } from './vscode/pick/probe';
import { OpenPick, probeRuntime, type PhrasebookTestApi } from './vscode/testApi';
import { UsageHistory } from './vscode/marks/usageHistory';
import { UsedTracker } from './vscode/marks/usedTracker';
import { UserCorpusSource } from './vscode/corpora/userCorpora';
import { registerPickCommands } from './vscode/pick/pickCommands';
import { LibraryStateView } from './vscode/onboarding/libraryState';
import { SnippetUseDetector } from './vscode/onboarding/snippetUse';
import { registerSuggestionCommand, SuggestionOffer } from './vscode/onboarding/suggestions';
import type { Host } from './vscode/host/host';

/**
 * Shared by both entry points (extension.node.ts, extension.web.ts), which pass what differs as `host`.
 * Returns the test API only when VS Code runs the extension's tests; nothing otherwise.
 */
export async function activate(context: vscode.ExtensionContext, host: Host): Promise<PhrasebookTestApi | undefined> {
  const activationStarted = performance.now();
  const log = vscode.window.createOutputChannel('Phrasebook', { log: true });
  // One reader of corpus files for the built-in corpus, the thesaurus and the writer's own corpora.
  const corpusFiles = host.corpusWorkspace();
  const library = new Library(() => readThesaurus(context.extensionUri, corpusFiles, log));
  const builtin = new BuiltinCorpusSource(context.extensionUri, corpusFiles, (uri, problems, error) => {
    if (error) log.error(`${uri.toString(true)}: ${String(error)}`);
    for (const problem of problems) {
      log[problem.severity === 'error' ? 'error' : 'warn'](`${uri.toString(true)}:${problem.line}: ${problem.message}`);
    }
  });
  library.addSource(new SettingGatedSource(builtin, 'phrasebook.builtinCorpus.enabled'));
  const loaded = builtin.reload();
  const diagnostics = vscode.languages.createDiagnosticCollection('phrasebook');
  const importDiagnostics = vscode.languages.createDiagnosticCollection('phrasebook-import');
  const userCorpora = new UserCorpusSource(diagnostics, host, corpusFiles);
  library.addSource(userCorpora);
  // Not awaited: a large workspace must not hold up activation; corpora appear as they load.
  void userCorpora.start();
  const history = new UsageHistory(context.globalState);
  const used = new UsedTracker(library);
  const marks = new ItemMarks(history, used);
  const openPick = new OpenPick();
  const picks: PickContext = { library, marks, onDidOpen: (session) => openPick.opened(session) };

  const tracker = new EditorTracker();
  const preview = new ItemPreviewProvider(library);
  const insertKey = insertKeyLabel(context.extension.packageJSON, host.isMac);
  const treeProvider = new PhraseTreeProvider(library, marks, insertKey, host.homeFolder());
  const completion = new CorpusCompletionProvider(library, (id) => used.isUsed(id));
  const dragAndDrop = new PhraseDragAndDropController(library);
  const dropProvider = new PhraseDropProvider(library, (ids) => void history.record(ids));
  const treeView = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: treeProvider,
    showCollapseAll: true,
    dragAndDropController: dragAndDrop,
  });
  const libraryState = new LibraryStateView(
    library,
    treeView,
    () => vscode.workspace.getConfiguration('phrasebook').get('builtinCorpus.enabled', true) && builtin.corpora.length === 0,
    insertKey,
  );
  // The detector runs only while the offer can still be made; the offer shows its own errors.
  const suggestionOffer = new SuggestionOffer(context.globalState, (onUse) => new SnippetUseDetector(library, onUse));

  context.subscriptions.push(
    log,
    library,
    tracker,
    preview,
    treeProvider,
    treeView,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    libraryState,
    suggestionOffer,
    registerSuggestionCommand(),
    vscode.commands.registerCommand('phrasebook.showLog', () => log.show()),
    ...registerCommands({ library, tracker, preview, picks, onInserted: (items) => void history.record(items.map((item) => item.id)) }),
    diagnostics,
    importDiagnostics,
    history,
    used,
    marks,
    registerDropProvider(dropProvider),
    completion,
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, completion),
    ...registerLibraryCommands({
      library,
      history,
      importDiagnostics,
      resolveItem: (arg) => resolveItem(library, arg),
      pickItem: () => pickItem(picks),
    }),
    host.registerExportDocx(),
    ...registerPickCommands(openPick),
  );

  await loaded;
  libraryState.loadFinished();
  // After activation, not during it: the first pick then finds the index built.
  library.keepIndexWarm();
  log.info(`Loaded ${library.corpora.length} corpus/corpora with ${library.items.length} items.`);
  probeActivated(library.items.length);
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    library,
    treeProvider,
    treeView,
    currentPick: () => openPick.current,
    corporaIdle: () => userCorpora.whenIdle(),
    history,
    used,
    dragAndDrop,
    dropProvider,
    libraryState,
    suggestionOffer,
    runtime: probeRuntime(host.kind),
    activationMs: performance.now() - activationStarted,
    corpusFiles,
    get builtinFrom() {
      return builtin.from;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
