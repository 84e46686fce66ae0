// Turns the parser's and importer's drafts into a Corpus with stable ids.
import { itemId, type Category, type Corpus, type Problem } from './model';
import { pinyinInitials } from './pinyin';
import { excerpt, problem } from './problems';
import { shortNameOf, titleOf } from './text';

export interface DraftItem {
  number: number;
  text: string;
  line: number;
}

export interface DraftCategory {
  ordinal: string;
  name: string;
  line: number;
  /** Index (in the drafts) of the category this one is a sub-category of. */
  parent?: number;
  items: DraftItem[];
}

export interface CorpusMeta {
  id: string;
  title: string;
  language?: string;
  source?: string;
}

/** Ids are read and typed by people; a longer name adds nothing but cost (pinyin of a 1 MB heading). */
const MAX_ID_SOURCE = 64;

/**
 * Category ids come from the short name, so they survive reordering; clashes get a numeric suffix.
 * Sub-categories share the one id space of their corpus (`（一）理论学习` → `llxx`, wherever it sits), so a
 * two-level corpus keeps exactly the ids it had and an item id stays `<corpus>/<category>.<number>`.
 */
function categoryIds(drafts: DraftCategory[], shortNames: readonly string[]): string[] {
  const initials = new Map<string, string>();
  const bases = drafts.map((_, index) => {
    const source = shortNames[index].slice(0, MAX_ID_SOURCE);
    let base = initials.get(source);
    if (base === undefined) initials.set(source, (base = pinyinInitials(source) || 'c'));
    return base;
  });
  // Every base is reserved, so a suffixed id never takes another category's own id (`xx`, `xx`, `xx2`).
  const taken = new Set(bases);
  const first = new Set<string>();
  // Where each base's suffix search goes on: 40,000 categories of one name stay linear, not quadratic.
  const nextSuffix = new Map<string, number>();
  return bases.map((base) => {
    if (!first.has(base)) {
      first.add(base);
      return base;
    }
    let count = nextSuffix.get(base) ?? 2;
    let id = `${base}${count}`;
    while (taken.has(id)) id = `${base}${++count}`;
    nextSuffix.set(base, count + 1);
    taken.add(id);
    return id;
  });
}

/** Short names, worked out once per distinct name: a file may repeat one name 40,000 times. */
function shortNamesOf(drafts: DraftCategory[]): string[] {
  const known = new Map<string, string>();
  return drafts.map(({ name }) => {
    let short = known.get(name);
    if (short === undefined) known.set(name, (short = shortNameOf(name)));
    return short;
  });
}

export function buildCorpus(meta: CorpusMeta, drafts: DraftCategory[], problems: Problem[]): Corpus {
  const shortNames = shortNamesOf(drafts);
  const ids = categoryIds(drafts, shortNames);
  const parents = new Set(drafts.map((draft) => draft.parent));
  const categories: Category[] = drafts.map((draft, index) => {
    const categoryId = ids[index];
    // Duplicates need two items: no Set for each of 40,000 one-item categories.
    const numbers = draft.items.length > 1 ? new Set<number>() : undefined;
    const category: Category = {
      id: categoryId,
      ordinal: draft.ordinal,
      name: draft.name,
      shortName: shortNames[index],
      line: draft.line,
      items: [],
    };
    if (draft.parent !== undefined) category.parent = ids[draft.parent];
    for (const item of draft.items) {
      if (numbers?.has(item.number)) {
        problems.push(problem(item.line, 'duplicateNumber', [item.number, excerpt(draft.name)]));
        continue;
      }
      if (item.text.length === 0) {
        problems.push(problem(item.line, 'emptyItem', [item.number], 'warning'));
        continue;
      }
      numbers?.add(item.number);
      category.items.push({
        id: itemId(meta.id, categoryId, item.number),
        corpusId: meta.id,
        categoryId,
        number: item.number,
        title: titleOf(item.text),
        text: item.text,
        line: item.line,
      });
    }
    if (draft.items.length === 0 && !parents.has(index)) problems.push(problem(draft.line, 'emptyCategory', [draft.name], 'warning'));
    return category;
  });
  const corpus: Corpus = { id: meta.id, title: meta.title, categories };
  if (meta.language) corpus.language = meta.language;
  if (meta.source) corpus.source = meta.source;
  return corpus;
}
