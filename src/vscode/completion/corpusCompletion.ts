// Completion for the writer's own corpora in Markdown, with the prefixes the built-in corpus's static
// snippets have: pinyin initials + number (`llxx3`) and the Chinese short name + number (`理论学习3`).
// The text is inserted literally (an escaped SnippetString). The built-in corpus is left to its snippets.
import * as vscode from 'vscode';
import { completionKeys, completionMatches, type CompletionKey } from '../../core/completion';
import { escapeSnippetText } from '../../core/snippets';
import type { Library } from '../library/library';

export class CorpusCompletionProvider implements vscode.CompletionItemProvider, vscode.Disposable {
  private keys?: CompletionKey[];
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly library: Pick<Library, 'corpora' | 'onDidChange'>,
    private readonly isUsed: (id: string) => boolean = () => false,
  ) {
    this.listener = library.onDidChange(() => (this.keys = undefined));
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    this.keys ??= completionKeys(this.library.corpora.filter((loaded) => !loaded.builtin).map((loaded) => loaded.corpus));
    if (this.keys.length === 0) return [];
    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    // Look at the tail only: prefixes are short, and a long line must not cost anything.
    const tail = linePrefix.slice(-40);
    const offset = linePrefix.length - tail.length;
    return completionMatches(tail, this.keys).map((match, rank) => {
      const { item, corpus } = match;
      const completion = new vscode.CompletionItem(
        { label: match.label, description: corpus.title, detail: ` ${item.title}` },
        vscode.CompletionItemKind.Snippet,
      );
      completion.range = new vscode.Range(position.line, offset + match.start, position.line, position.character);
      completion.filterText = match.label;
      completion.sortText = String(rank).padStart(5, '0');
      completion.insertText = new vscode.SnippetString(escapeSnippetText(item.text));
      const used = this.isUsed(item.id) ? `${vscode.l10n.t('Already used in this document')}\n\n` : '';
      completion.documentation = new vscode.MarkdownString().appendText(`${used}${match.categoryName} ${item.number}\n\n${item.text}`);
      completion.detail = `${corpus.title} · ${match.categoryName}`;
      return completion;
    });
  }

  dispose(): void {
    this.listener.dispose();
  }
}
