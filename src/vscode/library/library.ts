// The library: every loaded corpus, merged from sources (the built-in corpus, the writer's own corpora),
// plus the search index over all their items, built lazily once per change.
// The tree, the pick and compose read only from here, so a new source's corpora simply appear.
import * as vscode from 'vscode';
import { allItems, type Category, type Corpus, type Item } from '../../core/model';
import { SearchIndex, Thesaurus, categoryLabels } from '../../core/search';
import { Disposable } from '../common/disposable';

/** Long enough for a burst of corpus loads to settle into one build, short enough to beat the first pick. */
const WARM_UP_DELAY_MS = 200;
/** Pinyin initials: the query kind that needs the most tables built on first use. */
const WARM_UP_QUERY = 'zy';

export interface LoadedCorpus {
  corpus: Corpus;
  /** The file it was read from (the item's `line` is a line of this file). */
  uri: vscode.Uri;
  builtin: boolean;
}

/** A provider of corpora. Fires `onDidChange` whenever its `corpora` changed (loaded, edited, removed). */
export interface CorpusSource {
  readonly onDidChange: vscode.Event<void>;
  readonly corpora: readonly LoadedCorpus[];
  /** Re-read everything (the Refresh command); optional. */
  reload?(): Promise<void>;
  dispose(): void;
}

export class Library extends Disposable {
  private readonly sources: CorpusSource[] = [];
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the merged corpora changed; the cached index is already dropped by then. */
  readonly onDidChange = this.changed.event;

  private merged: LoadedCorpus[] = [];
  private itemList: Item[] = [];
  private byId = new Map<string, Item>();
  private categoryById = new Map<string, Category>();
  private corpusById = new Map<string, LoadedCorpus>();
  private indexPromise?: Promise<SearchIndex>;
  private builtIndex?: SearchIndex;
  private indexAbort?: AbortController;
  private generation = 0;
  private warmUpTimer?: ReturnType<typeof setTimeout>;
  private warmUpEnabled = false;

  private thesaurus?: Promise<Thesaurus>;

  /**
   * `readThesaurus`: the near-synonyms every index is built with, read once when the first index is built
   * (not during activation, where it would queue before the built-in corpus).
   */
  constructor(private readonly readThesaurus: () => Promise<Thesaurus> = async () => Thesaurus.empty) {
    super();
  }

  /** Adds a source; its corpora join the library now and whenever it fires. Disposing the result removes it. */
  addSource(source: CorpusSource): vscode.Disposable {
    this.sources.push(source);
    const listener = source.onDidChange(() => this.rebuild());
    this.rebuild();
    const registration = new vscode.Disposable(() => {
      listener.dispose();
      const index = this.sources.indexOf(source);
      if (index >= 0) this.sources.splice(index, 1);
      this.rebuild();
    });
    this.register(registration);
    this.register(source);
    return registration;
  }

  /** Re-reads every source that can. */
  async reload(): Promise<void> {
    await Promise.all(this.sources.map((source) => source.reload?.() ?? Promise.resolve()));
  }

  get corpora(): readonly LoadedCorpus[] {
    return this.merged;
  }

  /** Every item of every corpus, in library order (corpus, category, item). */
  get items(): readonly Item[] {
    return this.itemList;
  }

  /** Every category of every corpus, in library order. */
  get categories(): readonly Category[] {
    return this.merged.flatMap((loaded) => loaded.corpus.categories);
  }

  /** Bumped on every change, so callers can tell a stale snapshot. */
  get version(): number {
    return this.generation;
  }

  findItem(id: string): Item | undefined {
    return this.byId.get(id);
  }

  categoryOf(item: Item): Category | undefined {
    return this.categoryById.get(`${item.corpusId}/${item.categoryId}`);
  }

  corpusOf(item: Item): LoadedCorpus | undefined {
    return this.corpusById.get(item.corpusId);
  }

  /** The search index over `items`: built asynchronously on first use after each change, then reused. */
  index(): Promise<SearchIndex> {
    if (!this.indexPromise) {
      const abort = new AbortController();
      this.indexAbort = abort;
      const items = this.itemList;
      const categories = categoryLabels(this.merged.map((loaded) => loaded.corpus));
      this.thesaurus ??= this.readThesaurus();
      this.indexPromise = this.thesaurus.then((thesaurus) => SearchIndex.buildAsync(items, { signal: abort.signal, categories, thesaurus }));
      this.indexPromise.then(
        (index) => {
          if (this.indexAbort === abort) this.builtIndex = index;
        },
        // A failed build is not cached: the next call tries again.
        () => {
          if (this.indexAbort === abort) this.indexPromise = undefined;
        },
      );
    }
    return this.indexPromise;
  }

  /**
   * From now on, builds the index in the background shortly after the library settles (activation, a corpus
   * loaded or edited) and runs one throwaway query on it, so the first pick finds the index built and the
   * query path warm instead of paying ~0.1-0.2 s for both. The build yields to the event loop as it goes.
   */
  keepIndexWarm(): void {
    this.warmUpEnabled = true;
    this.scheduleWarmUp();
  }

  private scheduleWarmUp(): void {
    if (!this.warmUpEnabled) return;
    clearTimeout(this.warmUpTimer);
    this.warmUpTimer = setTimeout(() => {
      if (this.itemList.length === 0) return;
      const version = this.generation;
      this.index().then(
        (index) => {
          // Builds the query tables and the word segmenter the first real query would otherwise wait for.
          if (version === this.generation) index.search(WARM_UP_QUERY, { limit: 1 });
        },
        () => undefined,
      );
    }, WARM_UP_DELAY_MS);
  }

  /** The index when it is already built for the current items (so a pick need not show `busy`). */
  get readyIndex(): SearchIndex | undefined {
    return this.builtIndex;
  }

  private rebuild(): void {
    // First source wins when two corpora share an id (ids must be unique for item ids to be).
    const seen = new Set<string>();
    this.merged = [];
    for (const source of this.sources) {
      for (const loaded of source.corpora) {
        if (seen.has(loaded.corpus.id)) continue;
        seen.add(loaded.corpus.id);
        this.merged.push(loaded);
      }
    }
    this.itemList = this.merged.flatMap((loaded) => allItems(loaded.corpus));
    this.byId = new Map(this.itemList.map((item) => [item.id, item]));
    this.categoryById = new Map(
      this.merged.flatMap((loaded) => loaded.corpus.categories.map((category) => [`${loaded.corpus.id}/${category.id}`, category] as const)),
    );
    this.corpusById = new Map(this.merged.map((loaded) => [loaded.corpus.id, loaded]));
    this.indexAbort?.abort();
    this.indexAbort = undefined;
    this.indexPromise = undefined;
    this.builtIndex = undefined;
    this.generation++;
    this.changed.fire();
    this.scheduleWarmUp();
  }

  override dispose(): void {
    this.warmUpEnabled = false;
    clearTimeout(this.warmUpTimer);
    this.indexAbort?.abort();
    super.dispose();
    this.sources.length = 0;
  }
}
