// Marks the tree and the pick show on items: "already used in this document" (UsedTracker) and
// favourites / recently used (UsageHistory). Made once at activation and handed to the tree and the pick.
import * as vscode from 'vscode';
import type { Item } from '../../core/model';
import type { UsageMap } from '../../core/history';
import { Disposable } from '../common/disposable';
import type { UsageHistory } from './usageHistory';
import type { UsedTracker } from './usedTracker';

export function usedLabel(): string {
  return vscode.l10n.t('used');
}

export class ItemMarks extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when any mark changed (a document edit changed what is used, a favourite, the history). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly history: UsageHistory,
    private readonly used: UsedTracker,
  ) {
    super();
    for (const source of [used, history]) this.register(source.onDidChange(() => this.changed.fire()));
  }

  /** Recency and favourites, for the search's ranking. */
  get usage(): UsageMap {
    return this.history.usage;
  }

  /** Items already used in the active Markdown document, sunk below unused ones of similar quality. */
  get usedInDocument(): ReadonlySet<string> {
    return this.used.usedIds;
  }

  toggleFavourite(id: string): Thenable<void> {
    return this.history.toggleFavourite(id);
  }

  /** Tree item marks: a check icon and "· used" for used items, a star for favourites. */
  markTreeItem(treeItem: vscode.TreeItem, item: Item): void {
    if (this.used.isUsed(item.id)) {
      treeItem.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
      treeItem.description = `${treeItem.description ?? ''} · ${usedLabel()}`;
    } else if (this.history.isFavourite(item.id)) {
      treeItem.iconPath = new vscode.ThemeIcon('star-full');
    }
  }

  /**
   * Pick item marks: a star before favourites, "(used)" after used items, and a toggle-favourite button.
   * The used mark is a word, not an icon: VS Code reads a row's text to screen readers, icons by their
   * name ("pass"), and QuickPickItem has no aria label of its own in our oldest API (1.90).
   */
  markPickItem<T extends vscode.QuickPickItem>(pickItem: T, item: Item): T {
    const favourite = this.history.isFavourite(item.id);
    const used = this.used.isUsed(item.id);
    return {
      ...pickItem,
      label: favourite ? `$(star-full) ${pickItem.label}` : pickItem.label,
      description: used ? vscode.l10n.t('{0} (used)', pickItem.description ?? '') : pickItem.description,
      buttons: favourite ? this.buttons().unstar : this.buttons().star,
    };
  }

  /** One button array per state, shared by every row (built on first use, after l10n is loaded). */
  private buttons(): { star: readonly vscode.QuickInputButton[]; unstar: readonly vscode.QuickInputButton[] } {
    return (this.favouriteButtons ??= {
      star: [{ iconPath: new vscode.ThemeIcon('star-empty'), tooltip: vscode.l10n.t('Add to Favourites') }],
      unstar: [{ iconPath: new vscode.ThemeIcon('star-full'), tooltip: vscode.l10n.t('Remove from Favourites') }],
    });
  }
  private favouriteButtons?: { star: readonly vscode.QuickInputButton[]; unstar: readonly vscode.QuickInputButton[] };

  /** Favourites, then recently inserted items, for the top of an empty pick (at most `limit`). */
  favouritesAndRecent(items: readonly Item[], limit = 10): Item[] {
    return this.history
      .order(items, (item) => item.id)
      .filter((item) => this.history.isFavourite(item.id) || this.history.isRecent(item.id))
      .slice(0, limit);
  }
}
