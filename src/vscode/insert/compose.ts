// Compose: check several items (from any categories) and insert them as one block, grouped under their
// category headings in corpus order, fitted to the section each cursor is in. The grouping, the reading of
// the headings above and the formatting live in core/compose.
import * as vscode from 'vscode';
import { composeMarkdown, groupForCompose } from '../../core/compose';
import type { Item } from '../../core/model';
import { composeSettings, insertSettings } from '../common/config';
import { insertComposed, textBefore, type EditorTracker } from './insert';
import type { Library } from '../library/library';

/** Inserts the chosen items as one composed block; false when there are none or nothing was inserted. */
export async function compose(library: Library, tracker: EditorTracker, chosen: readonly Item[] | undefined): Promise<boolean> {
  if (!chosen || chosen.length === 0) return false;
  const ids = chosen.map((item) => item.id);
  if (groupForCompose(library.categories, ids).length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('None of the chosen items is in the library any more.'));
    return false;
  }
  return insertComposed(tracker, (document, selection) => {
    const settings = composeSettings(document);
    const insert = insertSettings(document);
    return composeMarkdown(library.categories, ids, {
      headingLevel: settings.headingLevel,
      renumberCategories: settings.renumberCategories,
      format: insert.format,
      formatOptions: { titleStyle: insert.titleStyle, headingLevel: insert.headingLevel },
      textAbove: textBefore(document, selection.start),
    });
  });
}
