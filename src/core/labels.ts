// How items and categories are named to the writer, the same in the tree, the pick, previews and messages.
import type { Category, Item } from './model';

/** `理论学习 11`: the category's short name and the item's number. */
export function itemLabel(item: Item, category: Category | undefined): string {
  return `${category?.shortName ?? item.categoryId} ${item.number}`;
}

/** `一、` for a category, `（一）` for a sub-category, empty without an ordinal: the ordinal as its heading writes it. */
export function categoryOrdinalText(category: Pick<Category, 'ordinal' | 'parent'>): string {
  if (!category.ordinal) return '';
  return category.parent === undefined ? `${category.ordinal}、` : `（${category.ordinal}）`;
}

/** `一、理论学习方面存在问题` (a sub-category `（一）学习的系统性`): a category as its heading reads. */
export function categoryLabel(category: Category): string {
  return `${categoryOrdinalText(category)}${category.name}`;
}

/** A file path as a writer reads it: under the home folder as `~/…` (either slash), else unchanged. */
export function homeShortened(fsPath: string, home: string | undefined): string {
  if (!home) return fsPath;
  const base = home.replace(/[\\/]+$/, '');
  if (base === '' || !fsPath.startsWith(base)) return fsPath;
  const rest = fsPath.slice(base.length);
  if (rest === '') return '~';
  return /^[\\/]/.test(rest) ? `~${rest}` : fsPath;
}

/** `ctrl+k ctrl+;` (a keybinding as package.json writes it) as VS Code shows it: `Ctrl+K Ctrl+;`, on macOS `⌘K ⌘;`. */
export function keyChordLabel(key: string, mac: boolean): string {
  const names: Record<string, string> = mac
    ? { cmd: '⌘', ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' }
    : { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Win', cmd: 'Win' };
  return key
    .trim()
    .split(/\s+/)
    .map((chord) => {
      const parts = chord.split(/\+(?=.)/).map((part) => names[part.toLowerCase()] ?? (part.length === 1 ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1)));
      return parts.join(mac ? '' : '+');
    })
    .join(' ');
}
