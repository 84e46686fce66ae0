// Compose: check several items (from any categories) and insert them as one block, grouped under their
// category headings in corpus order and numbered. The grouping and formatting live in core/compose.
import * as vscode from 'vscode';
import { composeMarkdown } from '../../core/compose';
import type { Item } from '../../core/model';
import { composeSettings } from '../common/config';
import { insertMarkdown, type EditorTracker } from './insert';
import type { Library } from '../library/library';

/** Inserts the chosen items as one composed block; false when there are none or nothing was inserted. */
export async function compose(library: Library, tracker: EditorTracker, chosen: readonly Item[] | undefined): Promise<boolean> {
  if (!chosen || chosen.length === 0) return false;
  // Without an editor the block goes into a new Markdown document: its [markdown] settings apply.
  const settings = composeSettings(tracker.target?.document ?? { languageId: 'markdown' });
  const block = composeMarkdown(library.categories, chosen.map((item) => item.id), {
    headingLevel: settings.headingLevel,
    renumberCategories: settings.renumberCategories,
  });
  if (!block) {
    void vscode.window.showWarningMessage(vscode.l10n.t('None of the chosen items is in the library any more.'));
    return false;
  }
  return insertMarkdown(block, tracker);
}
