// The writer's own corpora as a library source: finds the files the locations name (core/discovery),
// keeps them loaded (core/corpusFiles: only regular files, size checked first, last good version kept),
// watches them, and shows their problems in the Problems panel. Corpus text is only ever parsed: nothing
// in it is executed or fetched.
import * as vscode from 'vscode';
import { CorpusFiles } from '../../core/corpusFiles';
import { discoverCorpusFiles, MAX_CORPUS_FILES } from '../../core/discovery';
import { MAX_GLOB_STARS } from '../../core/sources';
import type { Problem } from '../../core/model';
import type { CorpusWorkspace } from '../../core/workspace';
import { Disposable } from '../common/disposable';
import type { CorpusSource, LoadedCorpus } from '../library/library';
import { toDiagnostics } from '../problems/diagnostics';
import type { Host } from '../host/host';
import { corpusLocations, onDidChangeLocations, type CorpusLocation, type UnusableReason } from './locations';
import { LoadQueue, type LoadWork } from './loadQueue';
import { CorpusWatcher } from './watcher';

/** The built-in corpus's id stays reserved even when it is hidden, so ids in history stay meaningful. */
const RESERVED_IDS = ['builtin'];

export interface UserCorpusOptions {
  /** Milliseconds to wait for more file events before reloading (default 150). */
  debounceMs?: number;
  /** Corpus files larger than this are refused (default 20 MB). */
  maxBytes?: number;
  /** Told when more files match than are loaded (default: a warning notification). */
  onCapped?: (skipped: number, limit: number) => void;
  /** Told about `~/…` entries where there is no home folder (default: a warning notification). */
  onHomeless?: (entries: string[]) => void;
  /** Told about entries whose pattern is too costly to match, left out (default: a warning notification). */
  onCostlyGlob?: (entries: string[]) => void;
}

export class UserCorpusSource extends Disposable implements CorpusSource {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private loaded: LoadedCorpus[] = [];
  private readonly files: CorpusFiles;
  private readonly queue: LoadQueue;
  private readonly watcher: CorpusWatcher;
  private readonly onCapped: (skipped: number, limit: number) => void;
  private lastSkipped = 0;
  private readonly onUnusable: Record<UnusableReason, (entries: string[]) => void>;
  /** The entries last reported for each reason, so a rescan does not repeat the message. */
  private readonly lastUnusable = new Map<UnusableReason, string>();

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly host: Host,
    private readonly workspace: CorpusWorkspace,
    options: UserCorpusOptions = {},
  ) {
    super();
    this.onUnusable = { homeless: options.onHomeless ?? showHomelessWarning, costlyGlob: options.onCostlyGlob ?? showCostlyGlobWarning };
    this.files = new CorpusFiles(this.workspace, (resource, problems, lines) => this.report(resource, problems, lines), {
      maxBytes: options.maxBytes,
    });
    this.onCapped = options.onCapped ?? showCapWarning;
    this.queue = new LoadQueue(
      (work) => this.load(work),
      options.debounceMs ?? 150,
      (error) => console.error('[phrasebook] loading user corpora failed', error),
    );
    this.register({ dispose: () => this.queue.dispose() });
    this.watcher = this.register(
      new CorpusWatcher({
        changed: (uri) => this.queue.fileChanged(uri.toString()),
        createdOrDeleted: () => this.queue.rescan(),
      }),
    );
    this.register(
      onDidChangeLocations(() => {
        this.watcher.watch(this.locations());
        this.queue.rescan();
      }),
    );
    // Belt and braces: a save in the editor reloads at once even where file watching is slow or off.
    this.register(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.files.has(document.uri.toString())) this.queue.fileChanged(document.uri.toString());
      }),
    );
  }

  get corpora(): readonly LoadedCorpus[] {
    return this.loaded;
  }

  /** Starts watching and loads everything; resolves when the first load is done. */
  start(): Promise<void> {
    this.watcher.watch(this.locations());
    return this.queue.enqueue(() => this.load({ rescan: true, files: [] }));
  }

  /** Re-reads every file (the Refresh command). */
  reload(): Promise<void> {
    return this.queue.enqueue(() => this.load({ rescan: true, files: [] }, true));
  }

  /** Resolves when every file event seen so far has been loaded. */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  private async load(work: LoadWork, force = false): Promise<void> {
    let changed = false;
    if (work.rescan) {
      const locations = this.locations().map((location) => ({ base: location.base.toString(), pattern: location.pattern }));
      const found = await discoverCorpusFiles(this.workspace, locations);
      if (this.store.isDisposed) return;
      this.noteCap(found.skipped);
      changed = await this.files.sync(found.files, force);
    }
    // Files that changed since are read again even when the rescan read them: the event may be newer.
    if (work.files.length > 0) changed = (await this.files.reread(work.files)) || changed;
    if (changed && !this.store.isDisposed) this.publish();
  }

  private locations(): CorpusLocation[] {
    return corpusLocations(this.host, (entries, reason) => {
      // Once per new set of entries, not on every rescan; an entry fixed and broken again is told again.
      const key = entries.join('\n');
      if (entries.length > 0 && key !== this.lastUnusable.get(reason)) this.onUnusable[reason](entries);
      this.lastUnusable.set(reason, key);
    });
  }

  private noteCap(skipped: number): void {
    // Once per new count, not on every rescan.
    if (skipped > 0 && skipped !== this.lastSkipped) this.onCapped(skipped, MAX_CORPUS_FILES);
    this.lastSkipped = skipped;
  }

  private report(resource: string, problems: readonly Problem[], lines?: readonly string[]): void {
    if (this.store.isDisposed) return;
    const uri = vscode.Uri.parse(resource);
    if (problems.length === 0) this.diagnostics.delete(uri);
    else this.diagnostics.set(uri, toDiagnostics(problems, lines));
  }

  private publish(): void {
    this.loaded = this.files.corpora(RESERVED_IDS).map(({ corpus, value }) => ({ corpus, uri: vscode.Uri.parse(value), builtin: false }));
    this.changed.fire();
  }
}

function showCapWarning(skipped: number, limit: number): void {
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Phrasebook loads at most {0} corpus files; {1} more were skipped. Name fewer files in the phrasebook.corpora setting.', limit, skipped),
  );
}

function showHomelessWarning(entries: string[]): void {
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Phrasebook cannot read {0} here: "~/" names your home folder, and VS Code for the Web has none. Put the corpus in the workspace (for example in its .phrasebook folder) instead.',
      entries.join(', '),
    ),
  );
}

function showCostlyGlobWarning(entries: string[]): void {
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Phrasebook skips {0} in phrasebook.corpora: a pattern with more than {1} runs of "*" could take minutes to match. Use fewer wildcards, for example "素材/**/*.md".',
      entries.join(', '),
      MAX_GLOB_STARS,
    ),
  );
}
