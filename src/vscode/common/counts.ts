// Counts as the writer reads them, in the singular and plural forms each language has ("1 item", "2 items";
// in Chinese "1 条", "2 条"). vscode.l10n has no plural rules, so the singular is its own string.
import * as vscode from 'vscode';

export function itemCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 item') : vscode.l10n.t('{0} items', count);
}

export function snippetCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 snippet') : vscode.l10n.t('{0} snippets', count);
}
