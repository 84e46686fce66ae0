// Previewing an item without touching the user's document: a read-only virtual Markdown document
// (`phrasebook-item:`) opened as a preview tab beside the editor, keeping focus where it was.
import * as vscode from 'vscode';
import type { Item } from '../../core/model';
import type { Library } from '../library/library';

export const PREVIEW_SCHEME = 'phrasebook-item';

export class ItemPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly library: Library) {
    this.listeners = [
      // When the library changes, open previews re-read their item (or say it is gone).
      library.onDidChange(() => {
        for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.open.delete(document.uri.toString())),
    ];
  }

  /** `phrasebook-item:/理论学习 11.md?builtin/llxx.11`: the tab shows the label, the query names the item. */
  uriFor(item: Item): vscode.Uri {
    const category = this.library.categoryOf(item);
    const label = `${category?.shortName ?? item.categoryId} ${item.number}`;
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${label.replace(/[\\/]/g, '-')}.md`, query: item.id });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    this.open.add(uri.toString());
    const item = this.library.findItem(uri.query);
    if (!item) return vscode.l10n.t('This item is no longer in the library.');
    const category = this.library.categoryOf(item);
    const heading = category ? `${category.shortName} ${item.number}` : `${item.number}`;
    return `# ${heading}\n\n${item.text}\n`;
  }

  async show(item: Item): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uriFor(item));
    const active = vscode.window.activeTextEditor;
    // Reuse the column of a preview already showing; otherwise open beside the document being written.
    const column = active?.document.uri.scheme === PREVIEW_SCHEME ? active.viewColumn : active ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, viewColumn: column });
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.changed.dispose();
  }
}
