// What the Library view says when it has nothing to show, or nowhere to insert into. The context key
// `phrasebook.libraryState` (loading | failed | empty | ready) picks the `viewsWelcome` entry; a loaded
// library with no Markdown editor open gets a one-line hint as the view's message instead, because
// welcome content only shows in an empty view.
import * as vscode from 'vscode';
import type { Library } from '../library/library';

/** The Insert Item… chord (package.json keybindings); `process` is absent in a web extension host. */
const INSERT_KEY = typeof process !== 'undefined' && process.platform === 'darwin' ? 'Cmd+K Cmd+;' : 'Ctrl+K Ctrl+;';

export type LibraryState = 'loading' | 'failed' | 'empty' | 'ready';
export const LIBRARY_STATE_KEY = 'phrasebook.libraryState';

export class LibraryStateView implements vscode.Disposable {
  private loaded = false;
  private readonly listeners: vscode.Disposable[];
  state: LibraryState = 'loading';

  /** `builtinFailed`: the built-in corpus is turned on but gave nothing (unreadable, or no corpus in it). */
  constructor(
    private readonly library: Pick<Library, 'items' | 'onDidChange'>,
    private readonly view: Pick<vscode.TreeView<unknown>, 'message'>,
    private readonly builtinFailed: () => boolean,
  ) {
    this.listeners = [
      library.onDidChange(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateMessage()),
    ];
    void this.publish();
  }

  /** The first load finished: from now on an empty library is empty, not loading. */
  loadFinished(): void {
    this.loaded = true;
    this.update();
  }

  private update(): void {
    const next: LibraryState = this.library.items.length > 0 ? 'ready' : !this.loaded ? 'loading' : this.builtinFailed() ? 'failed' : 'empty';
    if (next !== this.state) {
      this.state = next;
      void this.publish();
    }
    this.updateMessage();
  }

  private publish(): Thenable<unknown> {
    // The older key stays for `when` clauses that may use it.
    void vscode.commands.executeCommand('setContext', 'phrasebook.libraryEmpty', this.state !== 'ready');
    return vscode.commands.executeCommand('setContext', LIBRARY_STATE_KEY, this.state);
  }

  private updateMessage(): void {
    const markdownOpen = vscode.window.visibleTextEditors.some((editor) => editor.document.languageId === 'markdown');
    this.view.message =
      this.state === 'ready' && !markdownOpen
        ? vscode.l10n.t(
            'Open a Markdown document to insert into. Then: the Insert button or the context menu on an item, drag an item into the text, or {0} to search. Click an item to preview it.',
            INSERT_KEY,
          )
        : undefined;
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
  }
}
