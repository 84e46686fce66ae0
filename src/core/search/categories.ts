// Category and corpus names as search targets: a term that matches the name of an item's category
// (理论学习, 作风, 廉洁自律…) or its corpus title counts for every item in it.
import type { Corpus, Item } from '../model';

export interface CategoryLabel {
  corpusId: string;
  categoryId: string;
  /** What a writer may type for the category: its name (short name included), the corpus title. */
  names: readonly string[];
}

/** Labels for every category of the given corpora. */
export function categoryLabels(corpora: readonly Corpus[]): CategoryLabel[] {
  return corpora.flatMap((corpus) =>
    corpus.categories.map((category) => ({
      corpusId: corpus.id,
      categoryId: category.id,
      names: [category.name, corpus.title].filter((name) => !!name),
    })),
  );
}

export function labelKey(item: Pick<Item, 'corpusId' | 'categoryId'>): string {
  return `${item.corpusId}\u0000${item.categoryId}`;
}
