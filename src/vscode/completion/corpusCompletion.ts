// Completion in Markdown for every loaded corpus, the built-in one included: pinyin initials + number
// (`llxx3`) and the Chinese short name + number (`理论学习3`). The text is inserted literally (an escaped
// SnippetString). The built-in corpus is not contributed as static snippets: VS Code shows those as the
// snippet name and one unwrapped code line, and they would double every suggestion served here.
import * as vscode from 'vscode';
import { completionKeys, completionMatches, type CompletionKey } from '../../core/completion';
import { escapeSnippetText } from '../../core/snippets';
import type { Item } from '../../core/model';
import type { Library } from '../library/library';

/** A suggestion that knows its item, so the details are built when VS Code shows them, not per keystroke. */
class ItemCompletion extends vscode.CompletionItem {
  constructor(
    label: vscode.CompletionItemLabel,
    readonly item: Item,
  ) {
    super(label, vscode.CompletionItemKind.Snippet);
  }
}

export class CorpusCompletionProvider implements vscode.CompletionItemProvider, vscode.Disposable {
  private keys?: CompletionKey[];
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly library: Pick<Library, 'corpora' | 'onDidChange'>,
    private readonly isUsed: (id: string) => boolean = () => false,
  ) {
    this.listener = library.onDidChange(() => (this.keys = undefined));
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): ItemCompletion[] {
    this.keys ??= completionKeys(this.library.corpora.map((loaded) => loaded.corpus));
    if (this.keys.length === 0) return [];
    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    // Look at the tail only: prefixes are short, and a long line must not cost anything.
    const tail = linePrefix.slice(-40);
    const offset = linePrefix.length - tail.length;
    return completionMatches(tail, this.keys).map((match, rank) => {
      const { item, corpus } = match;
      // The row names the paragraph (its title), not just the prefix typed; the details pane holds all of it.
      const completion = new ItemCompletion({ label: match.label, description: item.title }, item);
      completion.range = new vscode.Range(position.line, offset + match.start, position.line, position.character);
      completion.filterText = match.label;
      completion.sortText = String(rank).padStart(5, '0');
      completion.insertText = new vscode.SnippetString(escapeSnippetText(item.text));
      completion.detail = `${corpus.title} · ${match.categoryName} ${item.number}`;
      return completion;
    });
  }

  /** The details pane: only for the row VS Code shows it for (a prefix can match hundreds of items). */
  resolveCompletionItem(completion: ItemCompletion): ItemCompletion {
    completion.documentation = itemDocumentation(completion.item.text, this.isUsed(completion.item.id));
    return completion;
  }

  dispose(): void {
    this.listener.dispose();
  }
}

/**
 * The item's full text as Markdown, which the details pane wraps (a code block would not): each paragraph
 * its own, the text escaped so nothing in it turns into Markdown syntax.
 */
export function itemDocumentation(text: string, used: boolean): vscode.MarkdownString {
  const documentation = new vscode.MarkdownString();
  if (used) documentation.appendMarkdown(`*${vscode.l10n.t('Already used in this document')}*\n\n`);
  // appendText turns each line break into a paragraph break, and escapes the text.
  documentation.appendText(text.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n'));
  return documentation;
}
