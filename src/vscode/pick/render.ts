// What a pick row looks like: an item's title, its category label and number, the start of its text, its
// marks; separators for categories (and corpora). Rows are cached per item until the library or the
// marks change, so a keystroke reuses them.
import * as vscode from 'vscode';
import { textAfterTitle } from '../../core/compose';
import { categoryLabel, itemLabel } from '../../core/labels';
import { parentOf, type Item } from '../../core/model';
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

  /** Search hits in the index's order; partial matches (not every word found) under their own separator. */
  hits(hits: readonly SearchHit[]): PhrasePickItem[] {
    const rows: PhrasePickItem[] = [];
    let partialShown = false;
    for (const hit of hits) {
      if (hit.tier === 'partial' && !partialShown) {
        rows.push({ label: vscode.l10n.t('Partial matches — not every word found'), kind: vscode.QuickPickItemKind.Separator });
        partialShown = true;
      }
      rows.push(this.row(hit.item));
    }
    return rows;
  }

  /**
   * Every item under its category (and corpus, when there are several) as separators. A single pick
   * starts with the favourites and recently inserted items (copies: an item object appears once per list);
   * a multi-select pick keeps one row per item, so checks stay unambiguous. Under a heading that names a
   * category (`preferCategory`), the list opens at that category, above the favourites.
   */
  everything(withRecent: boolean, preferCategory?: string): PhrasePickItem[] {
    const several = this.library.corpora.length > 1;
    const sections = this.library.corpora.flatMap((loaded) => loaded.corpus.categories.map((category) => ({ loaded, category })));
    const preferred = sections.filter(({ category }) => category.id === preferCategory);
    const result: PhrasePickItem[] = [];
    const addSection = ({ loaded, category }: (typeof sections)[number]) => {
      const parent = parentOf(loaded.corpus, category);
      // A sub-category is listed under its parent, and says so: 一、… › （一）…
      const name = parent ? `${categoryLabel(parent)} › ${categoryLabel(category)}` : categoryLabel(category);
      result.push({ label: several ? `${loaded.corpus.title} · ${name}` : name, kind: vscode.QuickPickItemKind.Separator });
      for (const item of category.items) result.push(this.row(item));
    };
    preferred.forEach(addSection);
    const recent = withRecent ? this.marks.favouritesAndRecent(this.library.items) : [];
    if (recent.length > 0) {
      result.push({ label: vscode.l10n.t('Favourites and recently used'), kind: vscode.QuickPickItemKind.Separator });
      for (const item of recent) result.push({ ...this.row(item) });
    }
    sections.filter((section) => !preferred.includes(section)).forEach(addSection);
    return result;
  }
}
