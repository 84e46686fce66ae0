// "Already used in this document": which library items' text appears in the active Markdown document.
// Detection is one pass over the document (items indexed by a short fingerprint, see core/used.ts), run
// after typing pauses, with a longer pause for large documents; listeners hear only real changes.
import * as vscode from 'vscode';
import { UsedIndex } from '../../core/used';
import type { Library } from '../library/library';
import { PREVIEW_SCHEME } from '../preview/preview';

export class UsedTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private used = new Set<string>();
  private index?: UsedIndex;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private document?: vscode.TextDocument;
  private checkedVersion = -1;

  constructor(
    private readonly library: Pick<Library, 'items' | 'corpora' | 'onDidChange'>,
    private readonly delayMs = 300,
  ) {
    this.disposables.push(
      this.changed,
      library.onDidChange(() => {
        this.index = undefined;
        this.checkedVersion = -1;
        this.schedule(0);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor?.document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        // A language change (plain text → Markdown) reopens the document.
        if (document.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.follow(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.document) this.follow(undefined);
      }),
    );
    this.follow(vscode.window.activeTextEditor?.document);
  }

  /** The active document the marks are for (Markdown only), if any. */
  get activeDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  isUsed(id: string): boolean {
    return this.used.has(id);
  }

  get usedIds(): ReadonlySet<string> {
    return this.used;
  }

  /** Recomputes now (tests and commands that need a fresh answer). */
  refresh(): ReadonlySet<string> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.compute();
    return this.used;
  }

  private follow(document: vscode.TextDocument | undefined): void {
    // Other editors (output, our previews) keep the marks of the last Markdown document in view.
    if (document && document.languageId !== 'markdown') {
      if (document.uri.scheme === 'output' || document.uri.scheme === PREVIEW_SCHEME) return;
      document = undefined;
    }
    // A corpus file holds every one of its items: marking them all "used" would say nothing.
    if (document && this.isCorpusFile(document)) document = undefined;
    if (document === this.document) return;
    this.document = document;
    this.checkedVersion = -1;
    this.schedule(0);
  }

  private isCorpusFile(document: vscode.TextDocument): boolean {
    const uri = document.uri.toString();
    return this.library.corpora.some((loaded) => loaded.uri.toString() === uri);
  }

  private schedule(delay?: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    // The document's length without copying its text (offsetAt is cheap; getText per keystroke is not).
    const document = this.document;
    const length = document && !document.isClosed ? document.offsetAt(document.lineAt(document.lineCount - 1).range.end) : 0;
    // Large documents wait longer, so a scan never runs on every keystroke.
    const wait = delay ?? this.delayMs + Math.min(1500, Math.floor(length / 1000));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.compute();
    }, wait);
  }

  private compute(): void {
    const document = this.document;
    let next: Set<string>;
    if (!document || document.isClosed || this.isCorpusFile(document)) {
      next = new Set();
    } else {
      if (document.version === this.checkedVersion && this.index) return;
      this.index ??= new UsedIndex(this.library.items);
      next = this.index.find(document.getText());
      this.checkedVersion = document.version;
    }
    if (sameSet(next, this.used)) return;
    this.used = next;
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}
