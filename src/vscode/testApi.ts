// The one surface `activate` returns, and only when VS Code runs the extension's own tests
// (ExtensionMode.Test). Everything a user can do, the tests do through commands; this holds only what
// the extension host cannot reach otherwise: state to wait on (what is loaded, what the pick shows)
// and the tree's and drag-and-drop's provider calls. Read-only views, so tests cannot lean on internals.
import type * as vscode from 'vscode';
import type { CorpusWorkspace } from '../core/workspace';
import type { Library } from './library/library';
import type { UsageHistory } from './marks/usageHistory';
import type { UsedTracker } from './marks/usedTracker';
import type { PickSession } from './pick/session';
import type { PhraseDragAndDropController, PhraseDropProvider } from './tree/dragDrop';
import type { PhraseNode, PhraseTreeProvider } from './tree/tree';
import type { LibraryStateView } from './onboarding/libraryState';
import type { SuggestionOffer } from './onboarding/suggestions';

export interface PhrasebookTestApi {
  /** The merged corpora, their items and the search index (pick tests hold back an index build). */
  readonly library: Library;
  readonly treeProvider: Pick<PhraseTreeProvider, 'getChildren' | 'getParent' | 'getTreeItem' | 'nodeForItem' | 'onDidChangeTreeData'>;
  readonly treeView: vscode.TreeView<PhraseNode>;
  /** The Insert Item… or Compose… pick on screen, if any. */
  currentPick(): PickProbe | undefined;
  /** Resolves when every corpus file change seen so far has been loaded into the library. */
  corporaIdle(): Promise<void>;
  readonly history: Pick<UsageHistory, 'state' | 'usage'>;
  readonly used: Pick<UsedTracker, 'isUsed' | 'refresh' | 'activeDocument'>;
  /** A tree drag and an editor drop, called as the workbench would. */
  readonly dragAndDrop: Pick<PhraseDragAndDropController, 'handleDrag'>;
  readonly dropProvider: Pick<PhraseDropProvider, 'provideDocumentDropEdits'>;
  /** Which welcome content the Library view shows (loading, failed, empty, ready). */
  readonly libraryState: Pick<LibraryStateView, 'state'>;
  /** The offer to turn on suggestions; tests answer its question, which a notification cannot. */
  readonly suggestionOffer: Pick<SuggestionOffer, 'ask' | 'enable' | 'offered' | 'reset' | 'snippetUsed' | 'watching'>;
  /** Which extension host runs the extension, as the runtime itself shows it (the web suite checks it). */
  readonly runtime: RuntimeProbe;
  /** How long activate took, up to the built-in corpus loaded (the web suite prints it). */
  readonly activationMs: number;
  /** What the built-in and the writer's corpora are read through (the host's own disk on Node). */
  readonly corpusFiles: CorpusWorkspace;
  /** Where the built-in corpus was read from: corpus/builtin.json (parsed at build time) or the Markdown. */
  readonly builtinFrom: 'json' | 'markdown' | undefined;
}

export interface RuntimeProbe {
  /** The entry point that activated: 'node' (`main`) or 'web' (`browser`). */
  readonly entry: 'node' | 'web';
  /** `typeof process`: 'object' in Node, 'undefined' in a web worker. */
  readonly process: string;
  /** `typeof importScripts`: 'function' only in a web worker. */
  readonly importScripts: string;
}

export function probeRuntime(entry: 'node' | 'web'): RuntimeProbe {
  const global = globalThis as Record<string, unknown>;
  return { entry, process: typeof global.process, importScripts: typeof global.importScripts };
}

export type PickProbe = Pick<PickSession, 'quickPick' | 'shownQuery' | 'listComplete' | 'acceptPending' | 'chosen' | 'refresh' | 'contextCategory'>;

/** Follows the pick on screen (there is at most one). */
export class OpenPick {
  private session?: PickSession;

  get current(): PickSession | undefined {
    return this.session;
  }

  opened(session: PickSession): void {
    this.session = session;
    session.quickPick.onDidHide(() => {
      if (this.session === session) this.session = undefined;
    });
  }
}
