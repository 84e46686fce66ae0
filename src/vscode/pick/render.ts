// What a pick row looks like: an item's title, its category label and number (and its corpus where that
// label is shared with another corpus's item), the start of its text, its marks; separators for categories
// (and corpora). Rows are cached per item until the library or the marks change, so a keystroke reuses
// them and the session can tell an unchanged list by its row objects.
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

/** Enough of the text to recognise an item on one line of a 560 px pick; every row is sent per keystroke. */
const DETAIL_LENGTH = 48;
/** How long a corpus title may be where it tells two same-named rows apart. */
const CORPUS_TITLE_LENGTH = 10;
/** An empty query lists every item up to this many; a larger library is searched, not scrolled. */
export const EMPTY_QUERY_ITEMS = 500;

export class PickRenderer {
  private readonly rows = new Map<string, PhrasePickItem>();
  private readonly copies = new Map<string, PhrasePickItem>();
  /** Labels (`工作作风 1`) that items of more than one corpus share; computed on first use. */
  private shared?: ReadonlySet<string>;

  constructor(
    private readonly library: Library,
    private readonly marks: ItemMarks,
  ) {}

  /** Forget cached rows (the library or the marks changed). */
  invalidate(): void {
    this.rows.clear();
    this.copies.clear();
    this.shared = undefined;
  }

  row(item: Item): PhrasePickItem {
    let row = this.rows.get(item.id);
    if (!row) {
      const rest = textAfterTitle(item).replace(/\s+/g, ' ');
      row = this.marks.markPickItem(
        {
          item,
          label: item.title,
          description: this.description(item),
          detail: rest.length > DETAIL_LENGTH ? `${rest.slice(0, DETAIL_LENGTH)}…` : rest || undefined,
          alwaysShow: true,
        },
        item,
      );
      this.rows.set(item.id, row);
    }
    return row;
  }

  /** A second row for an item (VS Code wants each row object once per list), kept like the first. */
  private copy(item: Item): PhrasePickItem {
    let copy = this.copies.get(item.id);
    if (!copy) this.copies.set(item.id, (copy = { ...this.row(item) }));
    return copy;
  }

  /** `工作作风 1`, or `工作作风 1 · 团队素材库` when another loaded corpus has a `工作作风 1` too. */
  private description(item: Item): string {
    const label = itemLabel(item, this.library.categoryOf(item));
    if (!this.sharedLabels().has(label)) return label;
    const loaded = this.library.corpusOf(item);
    if (!loaded) return label;
    const title = loaded.builtin ? vscode.l10n.t('built-in') : loaded.corpus.title;
    const short = title.length > CORPUS_TITLE_LENGTH ? `${title.slice(0, CORPUS_TITLE_LENGTH - 1)}…` : title;
    return `${label} · ${short}`;
  }

  private sharedLabels(): ReadonlySet<string> {
    if (this.shared) return this.shared;
    const shared = new Set<string>();
    if (this.library.corpora.length > 1) {
      const corpusOfLabel = new Map<string, string>();
      for (const item of this.library.items) {
        const label = itemLabel(item, this.library.categoryOf(item));
        const first = corpusOfLabel.get(label);
        if (first === undefined) corpusOfLabel.set(label, item.corpusId);
        else if (first !== item.corpusId) shared.add(label);
      }
    }
    return (this.shared = shared);
  }

  /** How many items an empty query leaves off its list (it lists at most EMPTY_QUERY_ITEMS). */
  unlisted(): number {
    return Math.max(0, this.library.items.length - EMPTY_QUERY_ITEMS);
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
   * category (`preferCategory`), the list opens at that category, above the favourites. At most
   * EMPTY_QUERY_ITEMS items are listed; a single pick ends with a row that says how many more there are.
   */
  everything(withRecent: boolean, preferCategory?: string): PhrasePickItem[] {
    const several = this.library.corpora.length > 1;
    const sections = this.library.corpora.flatMap((loaded) => loaded.corpus.categories.map((category) => ({ loaded, category })));
    const preferred = sections.filter(({ category }) => category.id === preferCategory);
    const result: PhrasePickItem[] = [];
    let listed = 0;
    const addSection = ({ loaded, category }: (typeof sections)[number]) => {
      if (listed >= EMPTY_QUERY_ITEMS || category.items.length === 0) return;
      const parent = parentOf(loaded.corpus, category);
      // A sub-category is listed under its parent, and says so: 一、… › （一）…
      const name = parent ? `${categoryLabel(parent)} › ${categoryLabel(category)}` : categoryLabel(category);
      result.push({ label: several ? `${loaded.corpus.title} · ${name}` : name, kind: vscode.QuickPickItemKind.Separator });
      for (const item of category.items.slice(0, EMPTY_QUERY_ITEMS - listed)) result.push(this.row(item));
      listed += Math.min(category.items.length, EMPTY_QUERY_ITEMS - listed);
    };
    preferred.forEach(addSection);
    const recent = withRecent ? this.marks.favouritesAndRecent(this.library.items) : [];
    if (recent.length > 0) {
      result.push({ label: vscode.l10n.t('Favourites and recently used'), kind: vscode.QuickPickItemKind.Separator });
      for (const item of recent) result.push(this.copy(item));
    }
    sections.filter((section) => !preferred.includes(section)).forEach(addSection);
    // A row, not a separator (VS Code drops a separator with nothing under it); it inserts nothing.
    const more = this.library.items.length - listed;
    if (more > 0 && withRecent) {
      result.push({
        label: `$(search) ${more === 1 ? vscode.l10n.t('1 more item: type to search') : vscode.l10n.t('{0} more items: type to search', more)}`,
        alwaysShow: true,
      });
    }
    return result;
  }
}
