// Corpus problems in the writer's language (vscode.l10n: en and zh-cn), chosen by the problem's code.
import * as vscode from 'vscode';
import { formatBytes, type DiagnosticData } from '../../core/diagnostics';

export function problemMessage(data: Pick<DiagnosticData, 'code' | 'args' | 'message'>, maxBytes: number): string {
  const arg = (index: number) => String(data.args[index] ?? '');
  switch (data.code) {
    case 'empty':
      return vscode.l10n.t('The corpus file is empty.');
    case 'notUtf8':
      return vscode.l10n.t('The file is not valid UTF-8 text. Save it with UTF-8 encoding.');
    case 'binary':
      return vscode.l10n.t('The file looks binary, not a Markdown corpus.');
    case 'tooLarge':
      return vscode.l10n.t(
        'The file is {0}; corpus files are limited to {1}. Split it into several files.',
        formatBytes(Number(data.args[0])),
        formatBytes(Number(data.args[1] ?? maxBytes)),
      );
    case 'unreadable':
      return vscode.l10n.t('The file could not be read: {0}', arg(0));
    case 'unclosedComment':
      return vscode.l10n.t('This comment (<!--) is never closed with -->, so the rest of the file is ignored.');
    case 'joinedToItem':
      return vscode.l10n.t(
        '"{0}" looks like an item or a heading but is not one ("1. text", "## 一、name": mind the space); it was joined to item {1}.',
        arg(0),
        arg(1),
      );
    case 'textOutsideItem':
      return vscode.l10n.t('Text outside any item: "{0}". Start it with a number ("1. …") or indent it under an item.', arg(0));
    case 'itemOutsideCategory':
      return vscode.l10n.t('Item {0} comes before any category heading ("## 一、…").', arg(0));
    case 'duplicateNumber':
      return vscode.l10n.t('Item number {0} appears twice in "{1}"; the second one is skipped.', arg(0), arg(1));
    case 'emptyItem':
      return vscode.l10n.t('Item {0} has no text.', arg(0));
    case 'badFrontMatter':
      return vscode.l10n.t('Front matter line not understood: "{0}" (expected "key: value").', arg(0));
    case 'unplacedText':
      return vscode.l10n.t('Could not place this text in any category or item: "{0}".', arg(0));
    case 'emptyCategory':
      return vscode.l10n.t('Category "{0}" has no items.', arg(0));
    default:
      return data.message;
  }
}
