// Category and corpus names as search targets: a term that matches the name of an item's category
// (理论学习, 作风, 廉洁自律…) or its corpus title counts for every item in it.
import { parentOf, type Corpus, type Item } from '../model';

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
      // A sub-category's items are also its parent's: 作风 finds the items of （一）深入基层 under 一、作风方面.
      names: [category.name, parentOf(corpus, category)?.name, corpus.title].filter((name): name is string => !!name),
    })),
  );
}

export function labelKey(item: Pick<Item, 'corpusId' | 'categoryId'>): string {
  return `${item.corpusId}\u0000${item.categoryId}`;
}
