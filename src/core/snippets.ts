// VS Code snippets for every item of a corpus. Bodies are escaped so VS Code inserts the text literally.
import type { Category, Corpus, Item } from './model';

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** `$`, `}` and `\` are the characters the snippet grammar gives meaning to. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}

/**
 * What a writer types before an item's number: the category's ASCII pinyin initials (`llxx`) and its
 * Chinese short name (`理论学习`). Snippets and the completion for user corpora both use these.
 */
export function categoryPrefixes(category: Category): { key: string; ascii: boolean }[] {
  const keys = [{ key: category.id, ascii: true }];
  if (category.shortName && category.shortName !== category.id) keys.push({ key: category.shortName, ascii: false });
  return keys;
}

/** Prefixes a writer can type: ASCII pinyin initials + number (`llxx11`) and Chinese (`理论学习11`). */
export function snippetPrefixes(category: Category, item: Item): string[] {
  return categoryPrefixes(category).map(({ key }) => `${key}${item.number}`);
}

export function snippetName(category: Category, item: Item): string {
  return `${category.shortName} ${item.number}`;
}

export function snippetsForCorpus(corpus: Corpus): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const category of corpus.categories) {
    for (const item of category.items) {
      let name = snippetName(category, item);
      // Two categories can share a short name (理论学习方面, 理论学习方面存在问题); the item id keeps both.
      if (Object.hasOwn(snippets, name)) name = `${name} (${item.id})`;
      snippets[name] = {
        prefix: snippetPrefixes(category, item),
        body: escapeSnippetText(item.text).split('\n'),
        description: `${category.shortName} ${item.number} · ${item.title}`,
      };
    }
  }
  return snippets;
}

/** The exact text of a `.code-snippets` file; the generator script and the up-to-date test share it. */
export function snippetFileText(corpus: Corpus): string {
  return `${JSON.stringify(snippetsForCorpus(corpus), null, 2)}\n`;
}
