// What a pick row looks like: an item's title, its category label and number, the start of its text, its
// marks; separators for categories (and corpora). Rows are cached per item until the library or the
// marks change, so a keystroke reuses them.
import * as vscode from 'vscode';
import { textAfterTitle } from '../../core/compose';
import { categoryLabel, itemLabel } from '../../core/labels';
import type { Item } from '../../core/model';
import type { SearchHit } from '../../core/search';
import type { Library } from '../library/library';
import type { ItemMarks } from '../marks/marks';

export interface PhrasePickItem extends vscode.QuickPickItem {
  /** Undefined for separators. */
  readonly item?: Item;
}

const DETAIL_LENGTH = 80;

export class PickRenderer {
  private readonly rows = new Map<string, PhrasePickItem>();

  constructor(
    private readonly library: Library,
    private readonly marks: ItemMarks,
  ) {}

  /** Forget cached rows (the library or the marks changed). */
  invalidate(): void {
    this.rows.clear();
  }

  row(item: Item): PhrasePickItem {
    let row = this.rows.get(item.id);
    if (!row) {
      const rest = textAfterTitle(item).replace(/\s+/g, ' ');
      row = this.marks.markPickItem(
        {
          item,
          label: item.title,
          description: itemLabel(item, this.library.categoryOf(item)),
          detail: rest.length > DETAIL_LENGTH ? `${rest.slice(0, DETAIL_LENGTH)}…` : rest || undefined,
          alwaysShow: true,
        },
        item,
      );
      this.rows.set(item.id, row);
    }
    return row;
  }

  /** Search hits in the index's order. */
  hits(hits: readonly SearchHit[]): PhrasePickItem[] {
    return hits.map((hit) => this.row(hit.item));
  }

  /**
   * Every item under its category (and corpus, when there are several) as separators. A single pick
   * starts with the favourites and recently inserted items (copies: an item object appears once per list);
   * a multi-select pick keeps one row per item, so checks stay unambiguous.
   */
  everything(withRecent: boolean): PhrasePickItem[] {
    const several = this.library.corpora.length > 1;
    const result: PhrasePickItem[] = [];
    const recent = withRecent ? this.marks.favouritesAndRecent(this.library.items) : [];
    if (recent.length > 0) {
      result.push({ label: vscode.l10n.t('Favourites and recently used'), kind: vscode.QuickPickItemKind.Separator });
      for (const item of recent) result.push({ ...this.row(item) });
    }
    for (const loaded of this.library.corpora) {
      for (const category of loaded.corpus.categories) {
        const name = categoryLabel(category);
        result.push({ label: several ? `${loaded.corpus.title} · ${name}` : name, kind: vscode.QuickPickItemKind.Separator });
        for (const item of category.items) result.push(this.row(item));
      }
    }
    return result;
  }
}
