// What the Library view says when it has nothing to show, or nowhere to insert into. The context key
// `phrasebook.libraryState` (loading | failed | empty | noItems | ready) picks the `viewsWelcome` entry; a
// loaded library with no Markdown editor open gets a one-line hint as the view's message instead, because
// welcome content only shows in an empty view.
import * as vscode from 'vscode';
import type { Library } from '../library/library';
import { treeEnterAction } from '../common/config';

/**
 * `empty`: no corpus at all; `noItems`: corpora loaded, none with an item yet (a new corpus keeps its
 * examples inside a comment).
 */
export type LibraryState = 'loading' | 'failed' | 'empty' | 'noItems' | 'ready';
const LIBRARY_STATE_KEY = 'phrasebook.libraryState';

export class LibraryStateView implements vscode.Disposable {
  private loaded = false;
  private readonly listeners: vscode.Disposable[];
  state: LibraryState = 'loading';

  /**
   * `builtinFailed`: the built-in corpus is turned on but gave nothing (unreadable, or no corpus in it).
   * `insertKey`: the Insert Item… key chord as shown to the writer (from the manifest, for this platform).
   */
  constructor(
    private readonly library: Pick<Library, 'items' | 'corpora' | 'onDidChange'>,
    private readonly view: Pick<vscode.TreeView<unknown>, 'message'>,
    private readonly builtinFailed: () => boolean,
    private readonly insertKey: string | undefined,
  ) {
    this.listeners = [
      library.onDidChange(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateMessage()),
      // The hint says what a click does.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('phrasebook.tree.enterAction')) this.updateMessage();
      }),
    ];
    void this.publish();
  }

  /** The first load finished: from now on an empty library is empty, not loading. */
  loadFinished(): void {
    this.loaded = true;
    this.update();
  }

  private next(): LibraryState {
    if (this.library.items.length > 0) return 'ready';
    if (!this.loaded) return 'loading';
    if (this.builtinFailed()) return 'failed';
    return this.library.corpora.length > 0 ? 'noItems' : 'empty';
  }

  private update(): void {
    const next = this.next();
    if (next !== this.state) {
      this.state = next;
      void this.publish();
    }
    this.updateMessage();
  }

  private publish(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', LIBRARY_STATE_KEY, this.state);
  }

  private updateMessage(): void {
    const markdownOpen = vscode.window.visibleTextEditors.some((editor) => editor.document.languageId === 'markdown');
    this.view.message = this.state === 'ready' && !markdownOpen ? this.insertHint() : undefined;
  }

  private insertHint(): string {
    const key = this.insertKey ?? 'Ctrl+K Ctrl+;';
    return treeEnterAction() === 'insert'
      ? vscode.l10n.t(
          'Open a Markdown document to insert into. Then click an item (or press Enter on it) to insert it at the cursor, drag it into the text, or press {0} to search. Right-click an item to preview it.',
          key,
        )
      : vscode.l10n.t(
          'Open a Markdown document to insert into. Then: the Insert button or the context menu on an item, drag an item into the text, or {0} to search. Click an item to preview it.',
          key,
        );
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
  }
}
