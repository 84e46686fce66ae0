// Marks the tree and the pick show on items: "already used in this document" (UsedTracker) and
// favourites / recently used (UsageHistory). Set once at activation; the tree and the pick ask here.
import * as vscode from 'vscode';
import type { Item } from '../../core/model';
import type { UsageHistory } from './usageHistory';
import type { UsedTracker } from './usedTracker';

export interface Marks {
  history: UsageHistory;
  used: UsedTracker;
}

let current: Marks | undefined;

/** Installs the marks; the returned disposable removes them. */
export function setMarks(marks: Marks): vscode.Disposable {
  current = marks;
  return new vscode.Disposable(() => {
    if (current === marks) current = undefined;
  });
}

export function marks(): Marks | undefined {
  return current;
}

/** Fires when any mark changed (a document edit changed what is used, a favourite, the history). */
export function onDidChangeMarks(listener: () => void): vscode.Disposable {
  const m = current;
  if (!m) return new vscode.Disposable(() => {});
  const subscriptions = [m.used.onDidChange(listener), m.history.onDidChange(listener)];
  return new vscode.Disposable(() => subscriptions.forEach((subscription) => subscription.dispose()));
}

export function usedLabel(): string {
  return vscode.l10n.t('used');
}

/** Tree item marks: a check icon and "· used" for used items, a star for favourites. */
export function markTreeItem(treeItem: vscode.TreeItem, item: Item): void {
  const m = current;
  if (!m) return;
  const favourite = m.history.isFavourite(item.id);
  const used = m.used.isUsed(item.id);
  if (used) {
    treeItem.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
    treeItem.description = `${treeItem.description ?? ''} · ${usedLabel()}`;
  } else if (favourite) {
    treeItem.iconPath = new vscode.ThemeIcon('star-full');
  }
}

/** Pick item marks: a star before favourites, "· used" after used items, and a toggle-favourite button. */
export function markPickItem<T extends vscode.QuickPickItem>(pickItem: T, item: Item): T {
  const m = current;
  if (!m) return pickItem;
  const favourite = m.history.isFavourite(item.id);
  const used = m.used.isUsed(item.id);
  return {
    ...pickItem,
    label: favourite ? `$(star-full) ${pickItem.label}` : pickItem.label,
    description: used ? `${pickItem.description ?? ''} · $(pass) ${usedLabel()}` : pickItem.description,
    buttons: [
      {
        iconPath: new vscode.ThemeIcon(favourite ? 'star-full' : 'star-empty'),
        tooltip: favourite ? vscode.l10n.t('Remove from Favourites') : vscode.l10n.t('Add to Favourites'),
      },
    ],
  };
}

/** Favourites, then recently inserted items, for the top of an empty pick (at most `limit`). */
export function favouritesAndRecent(items: readonly Item[], limit = 10): Item[] {
  const m = current;
  if (!m) return [];
  return m.history
    .order(items, (item) => item.id)
    .filter((item) => m.history.isFavourite(item.id) || m.history.isRecent(item.id))
    .slice(0, limit);
}
