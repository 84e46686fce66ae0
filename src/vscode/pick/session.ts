// Finding items by Chinese, full pinyin or initials in a quick pick whose order is the core search's
// ranking: every item is `alwaysShow`, VS Code's own description/detail matching is off and its re-sorting
// by label is off, so a pinyin-only query (`xytj`) still lists our hits in our order.
// One session class serves both the single pick (Insert Item…) and the multi-select pick (Compose…);
// rows come from render.ts, checks from selection.ts, the early-Enter rule from acceptGate.ts.
import * as vscode from 'vscode';
import type { Item } from '../../core/model';
import { categoryAtLine, type FuzzyPair, type SearchIndex, type SearchOptions } from '../../core/search';
import { Disposable } from '../common/disposable';
import type { Library } from '../library/library';
import type { ItemMarks } from '../marks/marks';
import { AcceptGate } from './acceptGate';
import { probeRefresh } from './probe';
import { PickRenderer, type PhrasePickItem } from './render';
import { CheckedItems } from './selection';

/** How many hits a query lists at most. */
export const MAX_HITS = 100;
/**
 * Rows sent at once: a query's whole list (VS Code renders only the rows in view, and one update costs
 * the workbench far more than its size does). Only the empty-query list, up to EMPTY_QUERY_ITEMS items,
 * comes in two parts: its rest follows once typing pauses (REST_DELAY_MS).
 */
export const FIRST_PART = MAX_HITS;
const REST_DELAY_MS = 300;
/** Context key: a Phrasebook pick is open (its keyboard commands apply to its highlighted row). */
export const PICK_OPEN_CONTEXT = 'phrasebook.pickOpen';
/**
 * Picks shown and not yet hidden. A pick opened over another shows before the other reports its hide, so
 * the key follows this count: a hide then must not turn the key off under the new pick.
 */
let shownPicks = 0;

/** `sortByLabel` is still a proposed property in the typings but honoured by VS Code; we only ever turn it off. */
type SortableQuickPick<T extends vscode.QuickPickItem> = vscode.QuickPick<T> & { sortByLabel?: boolean };

export interface PickOptions {
  title: string;
  placeholder: string;
  canSelectMany?: boolean;
  /** Initial value of the filter box. */
  value?: string;
}

export class PickSession extends Disposable {
  readonly quickPick: SortableQuickPick<PhrasePickItem>;
  private readonly renderer: PickRenderer;
  private readonly checked = new CheckedItems();
  private readonly gate = new AcceptGate();
  private index?: SearchIndex;
  private applying = false;
  private shown?: string;
  /** Every row for the shown query; `quickPick.items` may hold only its first part so far. */
  private rows: readonly PhrasePickItem[] = [];
  private restTimer?: ReturnType<typeof setTimeout>;
  /** Whether this pick counts in shownPicks. */
  private shownCounted = false;
  /** The category named by the heading above the cursor when the pick opened (context-aware order). */
  readonly contextCategory?: string;

  constructor(
    private readonly library: Library,
    private readonly marks: ItemMarks,
    private readonly options: PickOptions,
  ) {
    super();
    this.renderer = new PickRenderer(library, marks);
    this.contextCategory = headingCategory(library);
    const pick: SortableQuickPick<PhrasePickItem> = vscode.window.createQuickPick<PhrasePickItem>();
    this.quickPick = pick;
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.canSelectMany = options.canSelectMany ?? false;
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.sortByLabel = false;
    turnOffLabelMatching(pick);
    pick.ignoreFocusOut = options.canSelectMany ?? false;
    if (options.value) pick.value = options.value;
    this.register(pick.onDidChangeValue(() => this.refresh()));
    this.register(pick.onDidChangeSelection((selected) => this.noteSelection(selected)));
    this.register(
      library.onDidChange(() => {
        this.renderer.invalidate();
        this.index = undefined;
        this.loadIndex();
      }),
    );
    // Used / favourite marks changed: rebuild the rows' labels.
    this.register(
      marks.onDidChange(() => {
        this.renderer.invalidate();
        this.refresh();
      }),
    );
    this.register(
      pick.onDidTriggerItemButton(({ item: row }) => {
        if (row.item) void marks.toggleFavourite(row.item.id);
      }),
    );
    this.refresh();
    this.loadIndex();
  }

  /** The query the rows were computed for (undefined until the first rows). */
  get shownQuery(): string | undefined {
    return this.shown;
  }

  /** Whether the whole list for the shown query has been sent (not only its first part). */
  get listComplete(): boolean {
    return this.quickPick.items.length === this.rows.length;
  }

  /** Ids checked in a multi-select pick, across queries. */
  get chosen(): ReadonlySet<string> {
    return this.checked.chosen;
  }

  /** Whether Enter is waiting for the rows to show the typed query. */
  get acceptPending(): boolean {
    return this.gate.pending;
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

  /**
   * Recomputes the rows for the current value: our ranking, in our order. Sends nothing when they are the
   * rows already shown, else the first part now and the rest once typing pauses.
   */
  refresh(): void {
    const query = this.quickPick.value.trim();
    const probe = probeRefresh(query);
    let rows: PhrasePickItem[];
    this.sayUnlisted(query);
    if (!query) rows = this.renderer.everything(!this.quickPick.canSelectMany, this.contextCategory);
    else if (this.index) {
      const hits = this.index.search(query, this.searchOptions());
      probe?.mark('search');
      rows = this.renderer.hits(hits);
    } else return; // still building: keep what is shown until the index is ready
    probe?.mark('rows');
    const chosen = this.quickPick.canSelectMany ? this.chosenNotIn(rows) : [];
    const all = [...rows, ...chosen];
    clearTimeout(this.restTimer);
    if (!sameRows(all, this.rows)) {
      this.rows = all;
      const first = [...firstPart(rows), ...chosen];
      this.show(first, false);
      probe?.mark('set');
      probe?.sent(first.length);
      if (first.length < all.length) this.restTimer = setTimeout(() => this.showRest(), REST_DELAY_MS);
    } else if (this.quickPick.items.length < all.length) {
      this.restTimer = setTimeout(() => this.showRest(), REST_DELAY_MS);
    }
    this.shown = query;
    this.gate.updated();
  }

  /**
   * A multi-select list has no "N more items" row (it would be a checkbox that inserts nothing): when the
   * empty query lists only part of a large library, the title says how many more there are.
   */
  private sayUnlisted(query: string): void {
    const more = query || !this.quickPick.canSelectMany ? 0 : this.renderer.unlisted();
    const title = more > 0 ? `${this.options.title} · ${vscode.l10n.t('{0} more items: type to search', more)}` : this.options.title;
    if (this.quickPick.title !== title) this.quickPick.title = title;
  }

  private show(rows: readonly PhrasePickItem[], keepScrollPosition: boolean): void {
    // Property changes reach the workbench together, at the end of this tick.
    if (this.quickPick.keepScrollPosition !== keepScrollPosition) this.quickPick.keepScrollPosition = keepScrollPosition;
    this.applying = true;
    this.quickPick.items = rows;
    if (this.quickPick.canSelectMany) this.quickPick.selectedItems = this.checked.checkedAmong(rows);
    this.applying = false;
  }

  /** The rows below the first part, keeping the row the writer moved to (and the scroll position). */
  private showRest(): void {
    this.restTimer = undefined;
    if (this.quickPick.items.length >= this.rows.length) return;
    const active = this.quickPick.activeItems[0];
    this.show(this.rows, true);
    if (active && this.rows.includes(active)) this.quickPick.activeItems = [active];
  }

  /**
   * A multi-select list keeps every chosen item on it (at its end, under "Chosen", when the query does not
   * find it): VS Code's "N Selected" counts the checked rows on the list, so it then agrees with the choice.
   */
  private chosenNotIn(rows: readonly PhrasePickItem[]): PhrasePickItem[] {
    const listed = new Set(rows.flatMap((row) => (row.item ? [row.item.id] : [])));
    const missing = [...this.checked.chosen].filter((id) => !listed.has(id)).flatMap((id) => this.library.findItem(id) ?? []);
    if (missing.length === 0) return [];
    return [{ label: vscode.l10n.t('Chosen'), kind: vscode.QuickPickItemKind.Separator }, ...missing.map((item) => this.renderer.row(item))];
  }

  /** Stars or unstars the highlighted row's item (the keyboard path to the row's star button). */
  toggleActiveFavourite(): Thenable<void> | undefined {
    // Right after new rows are sent, the workbench has not yet told us which is active; it highlights the
    // first one, so that is the one the writer sees and means. A highlighted row without an item (the
    // "N more" row) stars nothing.
    const active = this.quickPick.activeItems[0];
    const item = active ? active.item : this.quickPick.items.find((row) => row.item)?.item;
    if (!item) return undefined;
    // The star is in the label, so the rows are sent again and the workbench highlights the top one: put the
    // highlight back on the starred row, in an update after the rows (in the same one the reset wins).
    return this.marks.toggleFavourite(item.id).then(() => {
      setTimeout(() => {
        const row = this.quickPick.items.find((candidate) => candidate.item?.id === item.id);
        if (row) this.quickPick.activeItems = [row];
      }, 0);
    });
  }

  private searchOptions(): SearchOptions {
    const fuzzy = vscode.workspace.getConfiguration('phrasebook.search').get<FuzzyPair[]>('fuzzyPinyin');
    return {
      limit: MAX_HITS,
      usage: this.marks.usage,
      usedInDocument: this.marks.usedInDocument,
      preferCategory: this.contextCategory,
      fuzzyPinyin: Array.isArray(fuzzy) ? fuzzy : undefined,
    };
  }

  private noteSelection(selected: readonly PhrasePickItem[]): void {
    if (!this.quickPick.canSelectMany || this.applying) return;
    this.checked.update(this.quickPick.items, selected);
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
      // The library may have reloaded since the rows were made: take the items as they are now.
      const current = (item: Item) => this.library.findItem(item.id) ?? item;
      const accept = (afterUpdate: boolean) => {
        // Right after an update VS Code has not yet reported the new list's highlighted row: that is its top.
        const active = afterUpdate ? this.quickPick.items.find((row) => row.item)?.item : this.quickPick.activeItems[0]?.item;
        if (this.quickPick.canSelectMany) {
          const items = [...this.checked.chosen].flatMap((id) => this.library.findItem(id) ?? []);
          // Enter with nothing checked takes the highlighted item, as a single pick would.
          finish(items.length > 0 ? items : active ? [current(active)] : []);
        } else {
          const chosen = (!afterUpdate && this.quickPick.selectedItems[0]?.item) || active;
          if (chosen) finish([current(chosen)]);
        }
      };
      this.register(this.quickPick.onDidAccept(() => this.gate.request(() => this.shown === this.quickPick.value.trim(), accept)));
      this.register(
        this.quickPick.onDidHide(() => {
          this.countShown(false);
          finish(undefined);
          this.dispose();
        }),
      );
      this.countShown(true);
      this.quickPick.show();
    });
  }

  private countShown(shown: boolean): void {
    if (shown === this.shownCounted) return;
    this.shownCounted = shown;
    shownPicks += shown ? 1 : -1;
    void vscode.commands.executeCommand('setContext', PICK_OPEN_CONTEXT, shownPicks > 0);
  }

  override dispose(): void {
    clearTimeout(this.restTimer);
    this.countShown(false);
    super.dispose();
    this.quickPick.dispose();
  }
}

/**
 * VS Code's own label filter re-renders the rows on every keystroke, and again after every update, only to
 * highlight label matches in rows ours replace. The API has no `matchOnLabel`, but the quick pick object
 * passes what its `update` is given on to the workbench's quick pick (which has it); where that is gone,
 * the rows just render more often. With label, description and detail matching and sorting all off, the
 * workbench does not filter at all, and an update renders the rows once.
 */
function turnOffLabelMatching(pick: vscode.QuickPick<vscode.QuickPickItem>): void {
  const update = (pick as unknown as { update?: unknown }).update;
  if (typeof update === 'function') update.call(pick, { matchOnLabel: false });
}

/** The rows up to FIRST_PART items (separators do not count). */
function firstPart(rows: readonly PhrasePickItem[]): readonly PhrasePickItem[] {
  let items = 0;
  const end = rows.findIndex((row) => row.kind !== vscode.QuickPickItemKind.Separator && ++items > FIRST_PART);
  return end < 0 ? rows : rows.slice(0, end);
}

/** Same rows in the same order: the same row objects, separators by their label. */
function sameRows(a: readonly PhrasePickItem[], b: readonly PhrasePickItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, index) => row === b[index] || (!row.item && !b[index].item && row.label === b[index].label && row.kind === b[index].kind));
}

/** The category named by the nearest heading above the cursor in the active Markdown editor. */
function headingCategory(library: Library): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  const line = editor.selection.active.line;
  const lines: string[] = [];
  for (let index = 0; index <= line; index++) lines.push(editor.document.lineAt(index).text);
  return categoryAtLine(lines, line, library.categories);
}
