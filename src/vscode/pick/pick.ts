// Finding items by Chinese, full pinyin or initials in a quick pick whose order is the core search's
// ranking: every item is `alwaysShow`, VS Code's own description/detail matching is off and its re-sorting
// by label is off, so a pinyin-only query (`xytj`) still lists our hits in our order.
// One session class serves both the single pick (Insert Item…) and the multi-select pick (Compose…).
import * as vscode from 'vscode';
import { textAfterTitle } from '../../core/compose';
import type { Item } from '../../core/model';
import { categoryAtLine, type FuzzyPair, type SearchHit, type SearchOptions } from '../../core/search';
import type { Library } from '../library/library';
import { favouritesAndRecent, marks, markPickItem, onDidChangeMarks } from '../marks/marks';

export interface PhrasePickItem extends vscode.QuickPickItem {
  /** Undefined for separators. */
  readonly item?: Item;
}

/** How many hits a query lists at most. */
export const MAX_HITS = 100;
const DETAIL_LENGTH = 80;

/** `sortByLabel` is still a proposed property in the typings but honoured by VS Code; we only ever turn it off. */
type SortableQuickPick<T extends vscode.QuickPickItem> = vscode.QuickPick<T> & { sortByLabel?: boolean };

export interface PickOptions {
  title: string;
  placeholder: string;
  canSelectMany?: boolean;
  /** Initial value of the filter box. */
  value?: string;
}

/** The open pick, for the integration tests (there is at most one quick pick on screen). */
let currentSession: PickSession | undefined;
export function currentPick(): PickSession | undefined {
  return currentSession;
}

export class PickSession {
  readonly quickPick: SortableQuickPick<PhrasePickItem>;
  /** Ids chosen in a multi-select pick, kept across queries. */
  readonly chosen = new Set<string>();
  /** Bumped whenever the items were replaced (tests wait on it). */
  updates = 0;
  /** The query the current items were computed for (undefined until the first update). */
  shownQuery?: string;
  private readonly onUpdated = new vscode.EventEmitter<void>();
  readonly onDidUpdate = this.onUpdated.event;
  private readonly disposables: vscode.Disposable[] = [this.onUpdated];
  private readonly pickItems = new Map<string, PhrasePickItem>();
  private index?: { search(query: string, options?: SearchOptions): SearchHit[] };
  /** The category named by the heading above the cursor when the pick opened (context-aware order). */
  readonly contextCategory?: string;
  private applying = false;
  /** Enter pressed before the list caught up with the typed query: accept on the next update. */
  private acceptOnUpdate?: () => void;

  /** Whether Enter is waiting for the list to show the typed query (tests wait on it). */
  get acceptPending(): boolean {
    return this.acceptOnUpdate !== undefined;
  }

  constructor(
    private readonly library: Library,
    private readonly options: PickOptions,
  ) {
    this.contextCategory = headingCategory(library);
    const pick: SortableQuickPick<PhrasePickItem> = vscode.window.createQuickPick<PhrasePickItem>();
    this.quickPick = pick;
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.canSelectMany = options.canSelectMany ?? false;
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.sortByLabel = false;
    pick.ignoreFocusOut = options.canSelectMany ?? false;
    if (options.value) pick.value = options.value;
    this.disposables.push(
      pick.onDidChangeValue(() => this.refresh()),
      pick.onDidChangeSelection((selected) => this.noteSelection(selected)),
      library.onDidChange(() => {
        this.pickItems.clear();
        this.index = undefined;
        this.loadIndex();
      }),
      // Used / favourite marks changed: rebuild the items' labels.
      onDidChangeMarks(() => {
        this.pickItems.clear();
        this.refresh();
      }),
      pick.onDidTriggerItemButton(({ item: entry }) => {
        if (entry.item) void marks()?.history.toggleFavourite(entry.item.id);
      }),
    );
    this.refresh();
    this.loadIndex();
  }

  /** Gets the library's index without blocking: the pick shows `busy` and stays typeable meanwhile. */
  private loadIndex(): void {
    const ready = this.library.readyIndex;
    if (ready) {
      this.index = ready;
      this.refresh();
      return;
    }
    this.quickPick.busy = true;
    const version = this.library.version;
    this.library.index().then(
      (index) => {
        if (version !== this.library.version) return; // a newer build is on its way
        this.index = index;
        this.quickPick.busy = false;
        this.refresh();
      },
      () => {
        this.quickPick.busy = false;
      },
    );
  }

  private pickItem(item: Item): PhrasePickItem {
    let pickItem = this.pickItems.get(item.id);
    if (!pickItem) {
      const category = this.library.categoryOf(item);
      const rest = textAfterTitle(item).replace(/\s+/g, ' ');
      pickItem = {
        item,
        label: item.title,
        description: `${category?.shortName ?? item.categoryId} ${item.number}`,
        detail: rest.length > DETAIL_LENGTH ? `${rest.slice(0, DETAIL_LENGTH)}…` : rest || undefined,
        alwaysShow: true,
      };
      pickItem = markPickItem(pickItem, item);
      this.pickItems.set(item.id, pickItem);
    }
    return pickItem;
  }

  /**
   * Every item under its category (and corpus, when there are several) as separators. Under a heading
   * that names a category, the list opens at that category (above the favourites).
   */
  private allItems(): PhrasePickItem[] {
    const several = this.library.corpora.length > 1;
    const sections = this.library.corpora.flatMap((loaded) => loaded.corpus.categories.map((category) => ({ loaded, category })));
    const preferred = sections.filter(({ category }) => category.id === this.contextCategory);
    const result: PhrasePickItem[] = [];
    const addSection = ({ loaded, category }: (typeof sections)[number]) => {
      const name = category.ordinal ? `${category.ordinal}、${category.name}` : category.name;
      result.push({ label: several ? `${loaded.corpus.title} · ${name}` : name, kind: vscode.QuickPickItemKind.Separator });
      for (const item of category.items) result.push(this.pickItem(item));
    };
    preferred.forEach(addSection);
    // A single pick starts with the favourites and the recently inserted items (copies: an item object
    // appears once per list). A multi-select pick keeps one entry per item, so checks stay unambiguous.
    const recent = this.quickPick.canSelectMany ? [] : favouritesAndRecent(this.library.items);
    if (recent.length > 0) {
      result.push({ label: vscode.l10n.t('Favourites and recently used'), kind: vscode.QuickPickItemKind.Separator });
      for (const item of recent) result.push({ ...this.pickItem(item) });
    }
    sections.filter((section) => !preferred.includes(section)).forEach(addSection);
    return result;
  }

  /** Recomputes the items for the current value: our ranking, in our order. */
  refresh(): void {
    const query = this.quickPick.value.trim();
    let items: PhrasePickItem[];
    if (!query) items = this.allItems();
    else if (this.index) items = this.hitItems(this.index.search(query, this.searchOptions()));
    else return; // still building: keep what is shown until the index is ready
    this.applying = true;
    this.quickPick.items = items;
    if (this.quickPick.canSelectMany) this.quickPick.selectedItems = items.filter((entry) => entry.item && this.chosen.has(entry.item.id));
    this.applying = false;
    this.shownQuery = query;
    this.updateTitle();
    this.updates++;
    this.onUpdated.fire();
    const accept = this.acceptOnUpdate;
    this.acceptOnUpdate = undefined;
    accept?.();
  }

  private searchOptions(): SearchOptions {
    const fuzzy = vscode.workspace.getConfiguration('phrasebook.search').get<FuzzyPair[]>('fuzzyPinyin');
    return {
      limit: MAX_HITS,
      usage: marks()?.history.usage,
      usedInDocument: marks()?.used.usedIds,
      preferCategory: this.contextCategory,
      fuzzyPinyin: Array.isArray(fuzzy) ? fuzzy : undefined,
    };
  }

  /** Hits in our order; partial matches (not every word found) under their own separator. */
  private hitItems(hits: readonly SearchHit[]): PhrasePickItem[] {
    const items: PhrasePickItem[] = [];
    let partialShown = false;
    for (const hit of hits) {
      if (hit.tier === 'partial' && !partialShown) {
        items.push({ label: vscode.l10n.t('Partial matches — not every word found'), kind: vscode.QuickPickItemKind.Separator });
        partialShown = true;
      }
      items.push(this.pickItem(hit.item));
    }
    return items;
  }

  private noteSelection(selected: readonly PhrasePickItem[]): void {
    if (!this.quickPick.canSelectMany || this.applying) return;
    const selectedIds = new Set(selected.flatMap((entry) => (entry.item ? [entry.item.id] : [])));
    // Items not shown for this query keep their state; shown ones follow their check boxes.
    for (const entry of this.quickPick.items) {
      if (!entry.item) continue;
      if (selectedIds.has(entry.item.id)) this.chosen.add(entry.item.id);
      else this.chosen.delete(entry.item.id);
    }
    this.updateTitle();
  }

  private updateTitle(): void {
    if (!this.quickPick.canSelectMany) return;
    this.quickPick.title =
      this.chosen.size > 0 ? vscode.l10n.t('{0} ({1} chosen)', this.options.title, this.chosen.size) : this.options.title;
  }

  /**
   * Shows the pick and resolves with the accepted items (in the order chosen for single picks, any order
   * for multi picks: compose puts them in corpus order), or undefined when dismissed.
   */
  run(): Promise<Item[] | undefined> {
    return new Promise<Item[] | undefined>((resolve) => {
      let settled = false;
      const finish = (items: Item[] | undefined) => {
        if (settled) return;
        settled = true;
        resolve(items);
        this.quickPick.hide();
      };
      // The library may have reloaded since the list was made: take the items as they are now.
      const current = (item: Item) => this.library.findItem(item.id) ?? item;
      const accept = (afterUpdate: boolean) => {
        // Enter while the index builds: the list still shows an older query, whose top is not what was typed.
        if (this.shownQuery !== this.quickPick.value.trim()) {
          this.acceptOnUpdate = () => accept(true);
          return;
        }
        // Right after an update VS Code has not yet reported the new list's highlighted row: that is its top.
        const active = afterUpdate ? this.quickPick.items.find((entry) => entry.item)?.item : this.quickPick.activeItems[0]?.item;
        if (this.quickPick.canSelectMany) {
          const items = [...this.chosen].flatMap((id) => this.library.findItem(id) ?? []);
          // Enter with nothing checked takes the highlighted item, as a single pick would.
          finish(items.length > 0 ? items : active ? [current(active)] : []);
        } else {
          const chosen = (!afterUpdate && this.quickPick.selectedItems[0]?.item) || active;
          if (chosen) finish([current(chosen)]);
        }
      };
      this.disposables.push(
        this.quickPick.onDidAccept(() => accept(false)),
        this.quickPick.onDidHide(() => {
          finish(undefined);
          this.dispose();
        }),
      );
      currentSession = this;
      this.quickPick.show();
    });
  }

  dispose(): void {
    if (currentSession === this) currentSession = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.quickPick.dispose();
  }
}

/** The category named by the nearest heading above the cursor in the active Markdown editor. */
function headingCategory(library: Library): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const line = editor.selection.active.line;
  const lines: string[] = [];
  for (let k = 0; k <= line; k++) lines.push(editor.document.lineAt(k).text);
  return categoryAtLine(lines, line, library.categories);
}

/** Lets the user pick one item; undefined when dismissed. */
export async function pickItem(library: Library): Promise<Item | undefined> {
  const session = new PickSession(library, {
    title: vscode.l10n.t('Insert Phrasebook Item'),
    placeholder: vscode.l10n.t('Search by Chinese, pinyin or initials (e.g. 学用脱节, xueyong, xytj)'),
  });
  const items = await session.run();
  return items?.[0];
}

/** Lets the user check several items (across queries); undefined when dismissed. */
export async function pickItems(library: Library): Promise<Item[] | undefined> {
  const session = new PickSession(library, {
    title: vscode.l10n.t('Compose from Phrasebook Items'),
    placeholder: vscode.l10n.t('Check items from any category, then press Enter to insert them grouped by category'),
    canSelectMany: true,
  });
  return session.run();
}
