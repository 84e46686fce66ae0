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

/** Prefixes a writer can type: ASCII pinyin initials + number (`llxx11`) and Chinese (`理论学习11`). */
export function snippetPrefixes(category: Category, item: Item): string[] {
  return [`${category.id}${item.number}`, `${category.shortName}${item.number}`];
}

export function snippetName(category: Category, item: Item): string {
  return `${category.shortName} ${item.number}`;
}

export function snippetsForCorpus(corpus: Corpus): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const category of corpus.categories) {
    for (const item of category.items) {
      snippets[snippetName(category, item)] = {
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
