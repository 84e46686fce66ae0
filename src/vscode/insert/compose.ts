// Compose: check several items (from any categories) and insert them as one block, grouped under their
// category headings in corpus order and numbered. The grouping and formatting live in core/compose.
import * as vscode from 'vscode';
import { composeMarkdown } from '../../core/compose';
import type { Item } from '../../core/model';
import { composeSettings } from '../common/config';
import { insertMarkdown, type EditorTracker } from './insert';
import type { Library } from '../library/library';
import { pickItems } from '../pick/pick';

/** Inserts `items` (or, without them, the ones the user checks in the pick) as one composed block. */
export async function compose(
  library: Library,
  tracker: EditorTracker,
  items?: readonly Item[],
  onInserted?: (items: readonly Item[]) => void,
): Promise<boolean> {
  const chosen = items ?? (await pickItems(library));
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
  const inserted = await insertMarkdown(block, tracker);
  if (inserted && !items) onInserted?.(chosen);
  return inserted;
}
