// Previewing an item without touching the user's document: a read-only virtual Markdown document
// (`phrasebook-item:`) opened as a preview tab beside the editor, keeping focus where it was.
import * as vscode from 'vscode';
import type { Item } from '../../core/model';
import { itemLabel } from '../../core/labels';
import { Disposable } from '../common/disposable';
import type { Library } from '../library/library';

export const PREVIEW_SCHEME = 'phrasebook-item';

export class ItemPreviewProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();

  constructor(private readonly library: Library) {
    super();
    // When the library changes, open previews re-read their item (or say it is gone).
    this.register(
      library.onDidChange(() => {
        for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.open.delete(document.uri.toString())));
  }

  /** `phrasebook-item:/理论学习 11.md?builtin/llxx.11`: the tab shows the label, the query names the item. */
  uriFor(item: Item): vscode.Uri {
    const label = itemLabel(item, this.library.categoryOf(item));
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${label.replace(/[\\/]/g, '-')}.md`, query: item.id });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    this.open.add(uri.toString());
    const item = this.library.findItem(uri.query);
    if (!item) return vscode.l10n.t('This item is no longer in the library.');
    const category = this.library.categoryOf(item);
    const heading = category ? itemLabel(item, category) : `${item.number}`;
    return `# ${heading}\n\n${item.text}\n`;
  }

  async show(item: Item): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uriFor(item));
    const active = vscode.window.activeTextEditor;
    // Reuse the column of a preview already showing; otherwise open beside the document being written.
    const column = active?.document.uri.scheme === PREVIEW_SCHEME ? active.viewColumn : active ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, viewColumn: column });
  }
}
