// Context-aware order: the Markdown heading above the cursor may name a category, whose items then
// come first among equally good hits (and open the empty-query list).
//
// The rule, in order:
//   1. The heading text, with `#`s, emphasis and a leading ordinal (一、 （一） 第一 1. (1)) removed,
//      contains a category's short name or full name (`## 一、理论学习方面`, `### （一）工作作风`,
//      `## 关于廉洁自律`) — the longest such name wins.
//   2. The remaining text is a category id, in any case (`## llxx`).
//   3. Nothing remains but the ordinal (`## 三、`): the category with that Chinese ordinal.
import type { Category } from '../model';

const ORDINAL = /^(?:第?([一二三四五六七八九十百零〇]+)(?:[、.．,，:：\s]|部分|方面|章|节)|[（(]([一二三四五六七八九十]+)[)）]|[（(]?\d+[)）.．、]\s*)/;

/** The id of the category a heading line names, or undefined. */
export function categoryForHeading(heading: string, categories: readonly Pick<Category, 'id' | 'ordinal' | 'name' | 'shortName'>[]): string | undefined {
  let text = heading
    .replace(/^\s{0,3}#{1,6}\s*/, '')
    .replace(/\s#+\s*$/, '')
    .replace(/[*_`~]/g, '')
    .trim();
  const ordinalMatch = ORDINAL.exec(text);
  const ordinal = ordinalMatch ? (ordinalMatch[1] ?? ordinalMatch[2] ?? '') : '';
  if (ordinalMatch) text = text.slice(ordinalMatch[0].length).trim();
  let best: { id: string; length: number } | undefined;
  for (const category of categories) {
    for (const name of [category.shortName, category.name]) {
      if (name && name.length >= 2 && text.includes(name) && (!best || name.length > best.length)) best = { id: category.id, length: name.length };
    }
  }
  if (best) return best.id;
  const lower = text.toLowerCase();
  const byId = categories.find((category) => lower && category.id.toLowerCase() === lower);
  if (byId) return byId.id;
  if (!text && ordinal) return categories.find((category) => category.ordinal === ordinal)?.id;
  return undefined;
}

/**
 * The category named by the nearest heading above `line` (0-based) that names one, looking no further
 * up than the first level-1 or level-2 heading (a new chapter starts a new context).
 */
export function categoryAtLine(
  lines: readonly string[],
  line: number,
  categories: readonly Pick<Category, 'id' | 'ordinal' | 'name' | 'shortName'>[],
): string | undefined {
  for (let k = Math.min(line, lines.length - 1); k >= 0; k--) {
    const heading = /^\s{0,3}(#{1,6})\s/.exec(lines[k]);
    if (!heading) continue;
    const id = categoryForHeading(lines[k], categories);
    if (id) return id;
    if (heading[1].length <= 2) return undefined;
  }
  return undefined;
}
