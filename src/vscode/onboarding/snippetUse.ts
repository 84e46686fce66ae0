// Notices that a Phrasebook snippet was accepted. The built-in corpus's snippets are static
// (`contributes.snippets`): no callback runs when one is chosen. What a document change shows instead:
// the typed prefix (`llxx11`, `理论学习1`, a few characters) replaced by exactly an item's text. Our own
// inserts (tree, pick, Compose) are left out: they can replace a short selection with an item's text too.
import * as vscode from 'vscode';
import type { Library } from '../library/library';
import { isOwnEdit } from '../insert/ownEdits';

/** The longest prefix the completion reads (corpusCompletion looks at the last 40 characters). */
const MAX_PREFIX = 40;

/** Compares texts as snippet insertion changes them: line ends and the indentation of later lines. */
const normalize = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, '\n').trim();

/** FNV-1a over UTF-16 code units: a fingerprint, so the detector keeps no second copy of every item's text. */
function fingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

export class SnippetUseDetector implements vscode.Disposable {
  /** Fingerprints of the items' normalized texts, by length; built on the first candidate edit. */
  private known?: Map<number, Set<number>>;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly library: Pick<Library, 'items' | 'onDidChange'>,
    private readonly onUse: () => void,
  ) {
    this.listeners = [
      library.onDidChange(() => (this.known = undefined)),
      vscode.workspace.onDidChangeTextDocument((event) => this.changed(event)),
    ];
  }

  private changed(event: vscode.TextDocumentChangeEvent): void {
    if (event.document.languageId !== 'markdown' || isOwnEdit(event.document)) return;
    for (const change of event.contentChanges) {
      if (change.rangeLength === 0 || change.rangeLength > MAX_PREFIX || change.text.length <= change.rangeLength) continue;
      if (this.isItemText(normalize(change.text))) {
        this.onUse();
        return;
      }
    }
  }

  private isItemText(text: string): boolean {
    this.known ??= this.fingerprints();
    if (!this.known.get(text.length)?.has(fingerprint(text))) return false;
    // A fingerprint can collide: confirm against the items (only when one matched).
    return this.library.items.some((item) => item.text.length >= text.length && normalize(item.text) === text);
  }

  private fingerprints(): Map<number, Set<number>> {
    const known = new Map<number, Set<number>>();
    for (const item of this.library.items) {
      const text = normalize(item.text);
      let hashes = known.get(text.length);
      if (!hashes) known.set(text.length, (hashes = new Set()));
      hashes.add(fingerprint(text));
    }
    return known;
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
  }
}
