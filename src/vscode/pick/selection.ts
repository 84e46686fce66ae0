// The items checked in a multi-select pick, kept across queries: a query shows some rows; their check
// boxes say which of them are chosen, and items not shown keep their state.
import type { PhrasePickItem } from './render';

export class CheckedItems {
  private readonly ids = new Set<string>();

  get chosen(): ReadonlySet<string> {
    return this.ids;
  }

  /** VS Code reported the checked rows among `shown`. */
  update(shown: readonly PhrasePickItem[], checked: readonly PhrasePickItem[]): void {
    const checkedIds = new Set(checked.flatMap((row) => (row.item ? [row.item.id] : [])));
    for (const row of shown) {
      if (!row.item) continue;
      if (checkedIds.has(row.item.id)) this.ids.add(row.item.id);
      else this.ids.delete(row.item.id);
    }
  }

  /** The rows of `shown` to show checked. */
  checkedAmong(shown: readonly PhrasePickItem[]): PhrasePickItem[] {
    return shown.filter((row) => row.item && this.ids.has(row.item.id));
  }
}
