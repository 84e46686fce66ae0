// The exporter's warnings in the display language (the core words them in English only).
import * as vscode from 'vscode';
import type { DocxWarning } from '../../core/export';

export function warningText(warning: DocxWarning): string {
  const detail = warning.detail.length > 40 ? `${warning.detail.slice(0, 40)}…` : warning.detail;
  switch (warning.kind) {
    case 'empty':
      return vscode.l10n.t('The document is empty.');
    case 'noTitle':
      return vscode.l10n.t('No "#" title line.');
    case 'codeBlock':
      return vscode.l10n.t('Line {0}: code block kept as plain text.', warning.line);
    case 'inlineCode':
      return vscode.l10n.t('Line {0}: inline code "{1}" kept as plain text.', warning.line, detail);
    case 'html':
      return vscode.l10n.t('Line {0}: HTML "{1}" kept as plain text.', warning.line, detail);
    case 'math':
      return vscode.l10n.t('Line {0}: math "{1}" kept as plain text.', warning.line, detail);
    case 'link':
      return vscode.l10n.t('Line {0}: link target "{1}" is not a web address; only its text is kept.', warning.line, detail);
    case 'thematicBreak':
      return vscode.l10n.t('Line {0}: horizontal rule left out.', warning.line);
    case 'imageMissing':
      return vscode.l10n.t('Line {0}: image "{1}" not found; kept as text.', warning.line, detail);
    case 'imageNotLocal':
      return vscode.l10n.t('Line {0}: image "{1}" is not a local file; kept as text.', warning.line, detail);
    case 'imageUnsupported':
      return vscode.l10n.t('Line {0}: image "{1}" is not PNG, JPEG, GIF or BMP; kept as text.', warning.line, detail);
  }
}
