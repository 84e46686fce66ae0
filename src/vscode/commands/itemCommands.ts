// Command handlers. Every command that acts on an item accepts it as an argument (an Item, its id, or a
// tree node), so menus, keybindings, other extensions and tests can skip the quick pick.
import * as vscode from 'vscode';
import { itemLabel } from '../../core/labels';
import type { Item } from '../../core/model';
import { compose } from '../insert/compose';
import { clickTarget, insertBlocks, insertItem, isCorpusDocument, itemBlock, type ClickRefusal, type EditorTracker } from '../insert/insert';
import type { Library } from '../library/library';
import { pickItem, pickItems, type PickContext } from '../pick/pick';
import type { ItemPreviewProvider } from '../preview/preview';
import type { PhraseNode } from '../tree/tree';
import { treeEnterAction } from '../common/config';

export type ItemArgument = Item | string | PhraseNode | undefined;

export interface CommandContext {
  library: Library;
  tracker: EditorTracker;
  preview: ItemPreviewProvider;
  /** What the Insert Item… and Compose… picks need. */
  picks: PickContext;
  /** Told which items were inserted (history for the pick's "recently used"). */
  onInserted?: (items: readonly Item[]) => void;
}

/** The item an argument names; undefined (with a message) for an unknown id. */
export function resolveItem(library: Library, arg: unknown): Item | undefined {
  let id: string | undefined;
  if (typeof arg === 'string') id = arg;
  else if (arg && typeof arg === 'object') {
    const value = arg as { kind?: string; item?: Item; id?: unknown; text?: unknown };
    if (value.kind === 'item' && value.item) id = value.item.id;
    else if (typeof value.id === 'string' && typeof value.text === 'string') id = value.id;
  }
  if (id === undefined) return undefined;
  const item = library.findItem(id);
  if (!item) void vscode.window.showWarningMessage(vscode.l10n.t('No item "{0}" in the phrasebook library.', id));
  return item;
}

/** The status-bar line when a click previews instead of inserting, saying how to insert. */
function clickRefusalMessage(refusal: ClickRefusal, label: string): string {
  switch (refusal) {
    case 'noEditor':
      return vscode.l10n.t('No editor to insert into: {0} is shown instead. Open a document and press Enter again to insert it.', label);
    case 'notMarkdown':
      return vscode.l10n.t('A click inserts only into a Markdown document: {0} is shown instead. Click into your Markdown document and press Enter again to insert it.', label);
    case 'corpus':
      return vscode.l10n.t('A click does not insert into a corpus file: {0} is shown instead. Click into the document you are writing and press Enter again to insert it.', label);
  }
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const { library, tracker, preview } = ctx;
  const noteInserted = (items: readonly Item[]) => (inserted: boolean) => {
    if (inserted) ctx.onInserted?.(items);
    return inserted;
  };
  const withItem = (handler: (item: Item) => unknown) => (arg: unknown) => {
    const item = resolveItem(library, arg);
    return item ? handler(item) : undefined;
  };

  return [
    // Insert Item…: the given item, or the one picked. The editor's context menu passes its document's URI.
    vscode.commands.registerCommand('phrasebook.insert', async (arg?: ItemArgument | vscode.Uri) => {
      const item = arg === undefined || arg instanceof vscode.Uri ? await pickItem(ctx.picks) : resolveItem(library, arg);
      return item ? insertItem(item, tracker).then(noteInserted([item])) : false;
    }),

    // Compose…: the given items (array of items/ids), or the ones checked in the pick.
    vscode.commands.registerCommand('phrasebook.compose', async (arg?: unknown) => {
      if (Array.isArray(arg)) {
        const items = arg.flatMap((entry) => resolveItem(library, entry) ?? []);
        return items.length > 0 ? compose(library, tracker, items).then(noteInserted(items)) : false;
      }
      const picked = await pickItems(ctx.picks);
      return picked ? compose(library, tracker, picked).then(noteInserted(picked)) : false;
    }),

    // The tree's inline and context-menu actions.
    vscode.commands.registerCommand('phrasebook.insertItem', withItem((item) => insertItem(item, tracker).then(noteInserted([item])))),
    vscode.commands.registerCommand(
      'phrasebook.copyItem',
      withItem(async (item) => {
        await vscode.env.clipboard.writeText(item.text);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', itemLabel(item, library.categoryOf(item))), 3000);
        return true;
      }),
    ),
    vscode.commands.registerCommand(
      'phrasebook.openSource',
      withItem(async (item) => {
        const loaded = library.corpusOf(item);
        if (!loaded) return undefined;
        const line = Math.max(0, item.line - 1);
        const position = new vscode.Position(line, 0);
        return vscode.window.showTextDocument(loaded.uri, {
          selection: new vscode.Range(position, position),
          preview: true,
        });
      }),
    ),
    vscode.commands.registerCommand('phrasebook.previewItem', withItem((item) => preview.show(item))),
    // A click or Enter on a tree item: insert it (the default) or preview it, per phrasebook.tree.enterAction.
    // It inserts only into a Markdown document that is not a corpus file; anywhere else (or with no editor)
    // the item is previewed and the status bar says how to insert. It never replaces selected text: the item
    // goes after the selection, since a click may have been meant only to look at the item.
    vscode.commands.registerCommand(
      'phrasebook.openItem',
      withItem((item) => {
        if (treeEnterAction() === 'preview') return preview.show(item);
        const { editor, refusal } = clickTarget(tracker, (uri) => isCorpusDocument(uri, library.corpora));
        if (refusal) {
          vscode.window.setStatusBarMessage(clickRefusalMessage(refusal, itemLabel(item, library.categoryOf(item))), 8000);
          return preview.show(item);
        }
        if (editor.selections.some((selection) => !selection.isEmpty)) {
          editor.selections = editor.selections.map((selection) => new vscode.Selection(selection.end, selection.end));
        }
        return insertBlocks(editor, (document, selection) => itemBlock(item, document, selection)).then(noteInserted([item]));
      }),
    ),

    vscode.commands.registerCommand('phrasebook.refresh', async () => {
      await library.reload();
      if (library.items.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No phrasebook corpus could be loaded. See the Phrasebook output for details.'));
      }
      return library.items.length;
    }),
  ];
}
