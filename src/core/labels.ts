// How items and categories are named to the writer, the same in the tree, the pick, previews and messages.
import type { Category, Item } from './model';

/** `理论学习 11`: the category's short name and the item's number. */
export function itemLabel(item: Item, category: Category | undefined): string {
  return `${category?.shortName ?? item.categoryId} ${item.number}`;
}

/** `一、理论学习方面存在问题` (a sub-category `（一）学习的系统性`): a category as its heading reads. */
export function categoryLabel(category: Category): string {
  if (!category.ordinal) return category.name;
  return category.parent === undefined ? `${category.ordinal}、${category.name}` : `（${category.ordinal}）${category.name}`;
}
