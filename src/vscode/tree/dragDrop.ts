// Dragging items (or whole categories) from the sidebar into an editor. The tree puts the text on the
// data transfer as text/plain (so any drop target gets something sensible) plus our own mime type with
// the item ids; the drop provider, registered for every scheme (files, untitled, virtual documents),
// turns the ids back into Markdown with the insert/compose settings and Markdown's blank lines around it.
import * as vscode from 'vscode';
import { decodeDragPayload, dropText, encodeDragPayload, ITEM_IDS_MIME, type DragPayload } from '../../core/drop';
import type { Item } from '../../core/model';
import { composeSettings, insertSettings } from '../common/config';
import { paddedForDocument, textBefore } from '../insert/insert';
import type { Library } from '../library/library';
import type { PhraseNode } from './tree';

// Edit kinds, the edit's title and the provider metadata came with VS Code 1.97; older versions (down to
// engines.vscode) take the bare edit, ignore the extra arguments, and ask every drop provider.
interface DropEditKind { append(...parts: string[]): DropEditKind; readonly value: string }
const editKinds = (vscode as { DocumentDropOrPasteEditKind?: { Empty: DropEditKind } }).DocumentDropOrPasteEditKind;
export const DROP_EDIT_KIND: DropEditKind | undefined = editKinds?.Empty.append('text', 'phrasebook');
const DropEdit = vscode.DocumentDropEdit as new (text: string, title?: string, kind?: DropEditKind) => vscode.DocumentDropEdit;
type RegisterDrop = (selector: vscode.DocumentSelector, provider: vscode.DocumentDropEditProvider,
  metadata?: { dropMimeTypes: readonly string[]; providedDropEditKinds?: readonly DropEditKind[] }) => vscode.Disposable;

type DropLibrary = Pick<Library, 'findItem' | 'categories'>;

/** The ids a set of dragged tree nodes stands for: an item, or every item of a category or corpus. */
export function payloadForNodes(nodes: readonly PhraseNode[]): DragPayload | undefined {
  const ids: string[] = [];
  let compose = nodes.length > 1;
  for (const node of nodes) {
    if (node.kind === 'item') ids.push(node.item.id);
    else {
      compose = true;
      // A category brings its sub-categories' items along.
      const categories =
        node.kind === 'category'
          ? node.loaded.corpus.categories.filter((category) => category === node.category || category.parent === node.category.id)
          : node.loaded.corpus.categories;
      for (const category of categories) for (const item of category.items) ids.push(item.id);
    }
  }
  const unique = [...new Set(ids)];
  return unique.length > 0 ? { ids: unique, compose } : undefined;
}

function itemsOf(library: DropLibrary, payload: DragPayload): Item[] {
  return payload.ids.map((id) => library.findItem(id)).filter((item): item is Item => item !== undefined);
}

/**
 * The Markdown for a payload in `document` (settings may differ per document), before padding; given the
 * text above the drop point, a composed block fits the section it lands in.
 */
export function textForPayload(library: DropLibrary, payload: DragPayload, scope?: vscode.ConfigurationScope, textAbove?: string): string {
  const settings = insertSettings(scope);
  return dropText(payload, itemsOf(library, payload), library.categories, {
    format: settings.format,
    formatOptions: { titleStyle: settings.titleStyle, headingLevel: settings.headingLevel },
    compose: composeSettings(scope),
    textAbove,
  });
}

export class PhraseDragAndDropController implements vscode.TreeDragAndDropController<PhraseNode> {
  readonly dragMimeTypes = [ITEM_IDS_MIME, 'text/plain'];
  readonly dropMimeTypes: readonly string[] = [];

  constructor(private readonly library: DropLibrary) {}

  handleDrag(source: readonly PhraseNode[], dataTransfer: vscode.DataTransfer, _token?: vscode.CancellationToken): void {
    const payload = payloadForNodes(source);
    if (!payload) return;
    dataTransfer.set(ITEM_IDS_MIME, new vscode.DataTransferItem(encodeDragPayload(payload)));
    dataTransfer.set('text/plain', new vscode.DataTransferItem(textForPayload(this.library, payload)));
  }
}

export class PhraseDropProvider implements vscode.DocumentDropEditProvider {
  constructor(
    private readonly library: DropLibrary,
    private readonly onInserted: (ids: readonly string[]) => void = () => {},
  ) {}

  async provideDocumentDropEdits(
    document: vscode.TextDocument,
    position: vscode.Position,
    dataTransfer: vscode.DataTransfer,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentDropEdit | undefined> {
    const entry = dataTransfer.get(ITEM_IDS_MIME);
    if (!entry) return undefined;
    const payload = decodeDragPayload(await entry.asString());
    if (!payload || token.isCancellationRequested) return undefined;
    const block = textForPayload(this.library, payload, document, textBefore(document, position));
    if (block === '') return undefined;
    const text = paddedForDocument(block, document, new vscode.Selection(position, position));
    // A plain string is inserted literally: `$` and `}` in a corpus never become snippet syntax.
    const edit = new DropEdit(text, vscode.l10n.t('Insert from Phrasebook'), DROP_EDIT_KIND);
    this.onInserted(itemsOf(this.library, payload).map((item) => item.id));
    return edit;
  }
}

/** Registers the drop provider for every document, whatever its scheme. */
export function registerDropProvider(provider: PhraseDropProvider): vscode.Disposable {
  // The 1.90 typings lack the metadata parameter that newer hosts read (see RegisterDrop).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return (vscode.languages.registerDocumentDropEditProvider as RegisterDrop)({ scheme: '*' }, provider, {
    dropMimeTypes: [ITEM_IDS_MIME],
    ...(DROP_EDIT_KIND && { providedDropEditKinds: [DROP_EDIT_KIND] }),
  });
}
