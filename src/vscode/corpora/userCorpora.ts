// The writer's own corpora: Markdown corpus files named by the `phrasebook.corpora` setting (paths or
// globs; workspace-relative, `~/`, absolute; every folder of a multi-root workspace) and every workspace
// folder's `.phrasebook/` folder. Files are watched and reloaded (debounced, read asynchronously); a file
// that cannot be read or has problems is reported in the Problems panel, and its last good version stays
// loaded. Corpus text is only ever parsed: nothing in it is executed or fetched.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { assignCorpusIds } from '../../core/corpusIds';
import { MAX_CORPUS_BYTES } from '../../core/decode';
import { diagnosticData } from '../../core/diagnostics';
import { allItems, type Corpus, type Problem } from '../../core/model';
import { problem as makeProblem } from '../../core/problems';
import { readCorpus } from '../../core/read';
import {
  FOLDER_CORPUS_GLOB,
  globMatcher,
  isSkippedFolder,
  resolveCorpusEntries,
  WORKSPACE_CORPUS_FOLDER,
  WORKSPACE_CORPUS_GLOB,
} from '../../core/sources';
import { splitLines } from '../../core/text';
import type { CorpusSource, LoadedCorpus } from '../library/library';
import { problemMessage } from '../problems/problemMessages';

export const CORPORA_SETTING = 'phrasebook.corpora';
/** The built-in corpus's id stays reserved even when it is hidden, so ids in history stay meaningful. */
const RESERVED_IDS = ['builtin'];
const MAX_WALK_FILES = 2000;
const MAX_WALK_DEPTH = 8;

interface Location {
  base: vscode.Uri;
  /** Undefined: `base` names a single path, a file or a folder. */
  pattern?: string;
  /** Inside a workspace folder, so findFiles can search it. */
  inWorkspace: boolean;
}

interface FileState {
  uri: vscode.Uri;
  /** The last version that loaded; kept while the file is broken. */
  lastGood?: Corpus;
}

export interface UserCorpusOptions {
  /** Milliseconds to wait for more file events before reloading (default 150). */
  debounceMs?: number;
  /** Corpus files larger than this are refused (default 20 MB). */
  maxBytes?: number;
}

export class UserCorpusSource implements CorpusSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private loaded: LoadedCorpus[] = [];
  private readonly files = new Map<string, FileState>();
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pendingFiles = new Set<string>();
  private pendingScan = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly debounceMs: number;
  private readonly maxBytes: number;

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    options: UserCorpusOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 150;
    this.maxBytes = options.maxBytes ?? MAX_CORPUS_BYTES;
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(CORPORA_SETTING)) this.restart();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
      // Belt and braces: a save in the editor reloads at once even where file watching is slow or off.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.files.has(document.uri.toString())) this.schedule(document.uri);
      }),
    );
  }

  get corpora(): readonly LoadedCorpus[] {
    return this.loaded;
  }

  /** Starts watching and loads everything; resolves when the first load is done. */
  start(): Promise<void> {
    this.watch();
    return this.enqueue(() => this.scanAll());
  }

  /** Re-reads every file (the Refresh command). */
  reload(): Promise<void> {
    return this.enqueue(() => this.scanAll());
  }

  /** Resolves when every change seen so far has been processed (tests use it). */
  async settled(): Promise<void> {
    while (this.timer !== undefined || this.pendingScan || this.pendingFiles.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.debounceMs));
    }
    await this.queue;
  }

  private restart(): void {
    this.watch();
    this.pendingScan = true;
    this.arm();
  }

  private locations(): Location[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const asEntries = (value: unknown): unknown[] => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
    const info = (folder: vscode.WorkspaceFolder) => ({ name: folder.name, path: folder.uri.fsPath });
    const fileFolders = folders.filter((folder) => folder.uri.scheme === 'file');
    const home = os.homedir();
    // User and workspace entries apply to every folder; a folder's own settings only to that folder.
    const resolved = resolveCorpusEntries(asEntries(vscode.workspace.getConfiguration('phrasebook').get<unknown>('corpora')), {
      folders: fileFolders.map(info),
      home,
    });
    if (folders.length > 1) {
      for (const folder of fileFolders) {
        const own = vscode.workspace.getConfiguration('phrasebook', folder.uri).inspect<unknown>('corpora')?.workspaceFolderValue;
        resolved.push(...resolveCorpusEntries(asEntries(own), { folders: [info(folder)], home }));
      }
    }
    const locations: Location[] = folders.map((folder) => ({ base: folder.uri, pattern: WORKSPACE_CORPUS_GLOB, inWorkspace: true }));
    for (const location of resolved) {
      const base = vscode.Uri.file(location.base);
      locations.push({ base, pattern: location.pattern, inWorkspace: vscode.workspace.getWorkspaceFolder(base) !== undefined });
    }
    return locations;
  }

  private watch(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    for (const location of this.locations()) {
      const patterns: vscode.RelativePattern[] = [];
      if (location.pattern !== undefined) {
        patterns.push(new vscode.RelativePattern(location.base, location.pattern));
      } else {
        // A single path: the file itself, or the Markdown files of the folder it may be.
        patterns.push(new vscode.RelativePattern(vscode.Uri.joinPath(location.base, '..'), baseName(location.base)));
        patterns.push(new vscode.RelativePattern(location.base, FOLDER_CORPUS_GLOB));
      }
      if (location.pattern === WORKSPACE_CORPUS_GLOB) {
        // Deleting or renaming the whole `.phrasebook` folder may report only the folder itself.
        patterns.push(new vscode.RelativePattern(location.base, WORKSPACE_CORPUS_FOLDER));
      }
      for (const pattern of patterns) {
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        watcher.onDidChange((uri) => this.schedule(uri));
        watcher.onDidCreate(() => this.scheduleScan());
        watcher.onDidDelete(() => this.scheduleScan());
        this.watchers.push(watcher);
      }
    }
  }

  private schedule(uri: vscode.Uri): void {
    this.pendingFiles.add(uri.toString());
    this.arm();
  }

  private scheduleScan(): void {
    this.pendingScan = true;
    this.arm();
  }

  private arm(): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const scan = this.pendingScan;
      const uris = [...this.pendingFiles];
      this.pendingScan = false;
      this.pendingFiles.clear();
      void this.enqueue(() => (scan ? this.scanAll() : this.reloadFiles(uris.map((uri) => vscode.Uri.parse(uri)))));
    }, this.debounceMs);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error) => console.error('[phrasebook] loading user corpora failed', error));
    this.queue = next;
    return next;
  }

  /** Finds every corpus file now, forgets the ones that are gone and (re)reads the rest. */
  private async scanAll(): Promise<void> {
    const found = new Map<string, vscode.Uri>();
    for (const location of this.locations()) {
      for (const uri of await this.filesOf(location)) found.set(uri.toString(), uri);
    }
    for (const key of [...this.files.keys()]) {
      if (!found.has(key)) {
        this.files.delete(key);
        this.diagnostics.delete(vscode.Uri.parse(key));
      }
    }
    for (const [key, uri] of found) if (!this.files.has(key)) this.files.set(key, { uri });
    await this.reloadFiles([...found.values()], true);
  }

  private async filesOf(location: Location): Promise<vscode.Uri[]> {
    let { pattern } = location;
    if (pattern === undefined) {
      const stat = await statOf(location.base);
      if (!stat) return [];
      if (stat.type & vscode.FileType.Directory) pattern = FOLDER_CORPUS_GLOB;
      else return [location.base];
    }
    if (location.inWorkspace && location.base.scheme === 'file') {
      try {
        return await vscode.workspace.findFiles(new vscode.RelativePattern(location.base, pattern), null, MAX_WALK_FILES);
      } catch {
        // Fall through to walking the folder ourselves.
      }
    }
    return walk(location.base, pattern);
  }

  private async reloadFiles(uris: vscode.Uri[], force = false): Promise<void> {
    let changed = force;
    for (const uri of uris) {
      if (this.disposed) return;
      let state = this.files.get(uri.toString());
      if (!state) {
        // A change event for a file the last scan did not know (e.g. created and saved at once).
        if (!(await statOf(uri))) continue;
        state = { uri };
        this.files.set(uri.toString(), state);
      }
      changed = (await this.readFile(state)) || changed;
    }
    if (changed) this.publish();
  }

  /** Reads one file, reports its problems, and returns whether its loaded corpus changed. */
  private async readFile(state: FileState): Promise<boolean> {
    const { uri } = state;
    const before = state.lastGood;
    let problems: Problem[] = [];
    let lines: string[] | undefined;
    const stat = await statOf(uri);
    if (!stat) {
      // Deleted between the event and now: forget it.
      this.files.delete(uri.toString());
      this.diagnostics.delete(uri);
      return before !== undefined;
    }
    if (stat.size > this.maxBytes) {
      problems = [makeProblem(1, 'tooLarge', [stat.size, this.maxBytes])];
    } else {
      let bytes: Uint8Array | undefined;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch (error) {
        // Permissions, a folder named *.md, a vanished network share: say so where the other problems are.
        problems = [makeProblem(1, 'unreadable', [error instanceof Error ? error.message : String(error)])];
      }
      if (bytes) {
        const read = readCorpus(bytes, uri.toString(), this.maxBytes);
        problems = read.problems;
        if (read.text !== undefined) lines = splitLines(read.text);
        if (read.corpus) {
          // A version with items is the new good one; one that lost every item to errors is not.
          const hasErrors = problems.some((p) => p.severity === 'error');
          if (allItems(read.corpus).length > 0 || !hasErrors || !state.lastGood) state.lastGood = read.corpus;
        }
      }
    }
    this.report(uri, problems, lines);
    return state.lastGood !== before;
  }

  private report(uri: vscode.Uri, problems: Problem[], lines?: string[]): void {
    if (problems.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    const maxBytes = this.maxBytes;
    this.diagnostics.set(
      uri,
      diagnosticData(problems, lines).map((data) => {
        const range = new vscode.Range(data.line, data.startCharacter, data.line, data.endCharacter);
        const severity = data.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
        const diagnostic = new vscode.Diagnostic(range, problemMessage(data, maxBytes), severity);
        diagnostic.source = 'Phrasebook';
        diagnostic.code = data.code;
        return diagnostic;
      }),
    );
  }

  private publish(): void {
    const entries = [...this.files.values()]
      .filter((state): state is FileState & { lastGood: Corpus } => state.lastGood !== undefined)
      .map((state) => ({ key: state.uri.toString(), corpus: state.lastGood, value: state.uri }));
    this.loaded = assignCorpusIds(entries, RESERVED_IDS).map(({ corpus, value }) => ({ corpus, uri: value, builtin: false }));
    this.changed.fire();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of [...this.watchers.splice(0), ...this.disposables.splice(0)]) disposable.dispose();
    this.changed.dispose();
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.replace(/\/+$/, '').replace(/^.*\//, '');
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** Files under `base` matching `pattern`, for folders outside the workspace (findFiles searches only inside). */
async function walk(base: vscode.Uri, pattern: string): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  const matches = globMatcher(pattern);
  const visit = async (folder: vscode.Uri, relative: string, depth: number): Promise<void> => {
    if (depth > MAX_WALK_DEPTH || out.length >= MAX_WALK_FILES) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return;
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      const path = relative ? `${relative}/${name}` : name;
      const uri = vscode.Uri.joinPath(folder, name);
      if (type & vscode.FileType.Directory) {
        if (!isSkippedFolder(name)) await visit(uri, path, depth + 1);
      } else if (matches(path)) {
        out.push(uri);
        if (out.length >= MAX_WALK_FILES) return;
      }
    }
  };
  await visit(base, '', 0);
  return out;
}
