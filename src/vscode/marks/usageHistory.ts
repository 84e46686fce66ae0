// Recently inserted items and pinned favourites, kept in globalState (per item id, which names the
// corpus too), so they survive restarts and follow the writer across workspaces.
import * as vscode from 'vscode';
import {
  clearHistory,
  isFavourite,
  orderForEmptyQuery,
  parseHistoryState,
  recordUse,
  toggleFavourite,
  type HistoryState,
  type UsageMap,
} from '../../core/history';

const KEY = 'phrasebook.history';

export class UsageHistory implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: HistoryState;

  constructor(private readonly memento: vscode.Memento) {
    this.current = parseHistoryState(memento.get(KEY));
  }

  get state(): HistoryState {
    return this.current;
  }

  /** For SearchIndex.search's `usage` option. */
  get usage(): UsageMap {
    return this.current.usage;
  }

  isFavourite(id: string): boolean {
    return isFavourite(this.current, id);
  }

  isRecent(id: string): boolean {
    return this.current.usage[id] !== undefined;
  }

  /** Items for an empty query: favourites, then recently used, then the rest. */
  order<T>(items: readonly T[], idOf: (item: T) => string): T[] {
    return orderForEmptyQuery(items, this.current, idOf);
  }

  record(ids: readonly string[]): Thenable<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.update(recordUse(this.current, ids, Date.now()));
  }

  toggleFavourite(id: string): Thenable<void> {
    return this.update(toggleFavourite(this.current, id));
  }

  clear(favouritesToo = false): Thenable<void> {
    return this.update(clearHistory(this.current, favouritesToo));
  }

  private update(next: HistoryState): Thenable<void> {
    this.current = next;
    this.changed.fire();
    return this.memento.update(KEY, next);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
