// Notices that a Phrasebook snippet was accepted. The built-in corpus's snippets are static
// (`contributes.snippets`): no callback runs when one is chosen. What a document change shows instead:
// the typed prefix (`llxx11`, `理论学习1`, a few characters) replaced by exactly an item's text. Inserting
// from the tree or the pick goes into an empty selection (or adds blank lines), so it rarely looks alike.
import * as vscode from 'vscode';
import type { Library } from '../library/library';

/** The longest prefix the completion reads (corpusCompletion looks at the last 40 characters). */
const MAX_PREFIX = 40;

/** Compares texts as snippet insertion changes them: line ends and the indentation of later lines. */
const normalize = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, '\n').trim();

export class SnippetUseDetector implements vscode.Disposable {
  private texts?: Set<string>;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly library: Pick<Library, 'items' | 'onDidChange'>,
    private readonly onUse: () => void,
  ) {
    this.listeners = [
      library.onDidChange(() => (this.texts = undefined)),
      vscode.workspace.onDidChangeTextDocument((event) => this.changed(event)),
    ];
  }

  private changed(event: vscode.TextDocumentChangeEvent): void {
    if (event.document.languageId !== 'markdown') return;
    for (const change of event.contentChanges) {
      if (change.rangeLength === 0 || change.rangeLength > MAX_PREFIX || change.text.length <= change.rangeLength) continue;
      this.texts ??= new Set(this.library.items.map((item) => normalize(item.text)));
      if (this.texts.has(normalize(change.text))) {
        this.onUse();
        return;
      }
    }
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
  }
}
