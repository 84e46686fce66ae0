// The corpus model shared by the parser, importer, search, snippets, CLI and extension.
// One name per concept: a corpus holds categories, a category holds items, everything has an id.

export interface Corpus {
  /** Short ASCII id, unique among loaded corpora (e.g. `builtin`). */
  id: string;
  title: string;
  /** BCP 47 tag from front matter, e.g. `zh-CN`. */
  language?: string;
  categories: Category[];
  /** Where the corpus was read from (absolute path or URI string), when it came from a file. */
  source?: string;
}

export interface Category {
  /** ASCII id unique within the corpus: pinyin initials of the short name (`llxx` for 理论学习). */
  id: string;
  /** Chinese ordinal from the heading (`一`), empty when the heading had none. */
  ordinal: string;
  /** Heading text without the ordinal: `理论学习方面存在问题`. */
  name: string;
  /** The name without the `方面存在问题` tail: `理论学习`. Used in snippet prefixes and labels. */
  shortName: string;
  /** 1-based line of the heading in the corpus file (0 when not from a file). */
  line: number;
  /**
   * Id of the category this one is a sub-category of (`### （一）…` under `## 一、…`); absent for a
   * top-level category. Sub-categories follow their parent in `Corpus.categories`, which stays flat, so
   * everything that walks categories for their items sees sub-categories' items too.
   */
  parent?: string;
  items: Item[];
}

export interface Item {
  /** `<corpusId>/<categoryId>.<number>`: stable when other items are added. */
  id: string;
  corpusId: string;
  categoryId: string;
  /** The source's own number (gaps and all). */
  number: number;
  /** The first sentence, up to and including the first 。！？； (or the whole text when it has none). */
  title: string;
  /** The full text, exactly as written; line breaks kept (`\n`), a blank line between paragraphs. */
  text: string;
  /** 1-based line where the item starts in the corpus file (0 when not from a file). */
  line: number;
}

/** Something wrong in an input file, with a 1-based line. `code` lets the UI localize the message. */
export interface Problem {
  line: number;
  code: ProblemCode;
  /** Plain English message; the extension translates by `code` and `args`. */
  message: string;
  args: (string | number)[];
  severity: 'error' | 'warning';
}

export type ProblemCode =
  | 'empty'
  | 'notUtf8'
  | 'binary'
  | 'tooLarge'
  | 'notAFile'
  | 'unreadable'
  | 'unclosedComment'
  | 'joinedToItem'
  | 'textOutsideItem'
  | 'itemOutsideCategory'
  | 'duplicateNumber'
  | 'emptyItem'
  | 'badFrontMatter'
  | 'unplacedText'
  | 'emptyCategory'
  | 'importPreamble'
  | 'importClosing'
  | 'importRenumbered';

export function allItems(corpus: Corpus): Item[] {
  return corpus.categories.flatMap((category) => category.items);
}

/** The category's parent, when it is a sub-category. */
export function parentOf(corpus: Pick<Corpus, 'categories'>, category: Category): Category | undefined {
  return category.parent === undefined ? undefined : corpus.categories.find((candidate) => candidate.id === category.parent);
}

export function itemId(corpusId: string, categoryId: string, number: number): string {
  return `${corpusId}/${categoryId}.${number}`;
}
