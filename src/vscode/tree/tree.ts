// The sidebar: corpus → category → (sub-category →) item (a library of one corpus starts at its categories).
// Nodes are cached per library version so `reveal` and `getParent` see stable objects.
import * as vscode from 'vscode';
import type { Category, Item } from '../../core/model';
import type { Library, LoadedCorpus } from '../library/library';
import { categoryLabel, itemLabel } from '../../core/labels';
import { Disposable } from '../common/disposable';
import type { ItemMarks } from '../marks/marks';
import { treeEnterAction } from '../common/config';
import { itemCount } from '../common/counts';
import { corpusLocation, escapeMarkdown, insertHint } from './hints';

export const VIEW_ID = 'phrasebook.library';

export type PhraseNode =
  | { kind: 'corpus'; id: string; loaded: LoadedCorpus }
  | { kind: 'category'; id: string; loaded: LoadedCorpus; category: Category }
  | { kind: 'item'; id: string; loaded: LoadedCorpus; category: Category; item: Item };

export class PhraseTreeProvider extends Disposable implements vscode.TreeDataProvider<PhraseNode> {
  private readonly changed = this.register(new vscode.EventEmitter<PhraseNode | undefined | void>());
  readonly onDidChangeTreeData = this.changed.event;
  private nodes = new Map<string, PhraseNode>();
  private parents = new Map<string, PhraseNode | undefined>();
  private children = new Map<string, PhraseNode[]>();
  private roots: PhraseNode[] = [];
  private builtFor = -1;

  constructor(
    private readonly library: Library,
    private readonly marks: ItemMarks,
    /** The Insert Item… key chord as shown to the writer (item tooltips name it). */
    private readonly insertKey?: string,
    /** The home folder, for `~/…` corpus locations (the Host's; none in the browser). */
    private readonly home?: string,
  ) {
    super();
    this.register(library.onDidChange(() => this.changed.fire()));
    // The tooltips and the click say what Enter does.
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('phrasebook.tree.enterAction')) this.changed.fire();
      }),
    );
    // Marks changing re-renders the items; the nodes stay the same.
    this.register(marks.onDidChange(() => this.changed.fire()));
  }

  /** Whether corpora show as their own level (only when there are several). */
  private get showCorpora(): boolean {
    return this.library.corpora.length > 1;
  }

  /** (Re)creates the node objects once per library version. */
  private ensureNodes(): void {
    if (this.builtFor === this.library.version) return;
    this.builtFor = this.library.version;
    this.nodes = new Map();
    this.parents = new Map();
    this.children = new Map();
    this.roots = [];
    const add = (node: PhraseNode, parent: PhraseNode | undefined) => {
      this.nodes.set(node.id, node);
      this.parents.set(node.id, parent);
      if (!parent) this.roots.push(node);
      else {
        let siblings = this.children.get(parent.id);
        if (!siblings) this.children.set(parent.id, (siblings = []));
        siblings.push(node);
      }
    };
    for (const loaded of this.library.corpora) {
      const corpusNode: PhraseNode = { kind: 'corpus', id: `corpus:${loaded.corpus.id}`, loaded };
      if (this.showCorpora) add(corpusNode, undefined);
      const categoryNodes = new Map<string, PhraseNode>();
      for (const category of loaded.corpus.categories) {
        const categoryNode: PhraseNode = { kind: 'category', id: `category:${loaded.corpus.id}/${category.id}`, loaded, category };
        categoryNodes.set(category.id, categoryNode);
        // A sub-category is a level under its parent; the parent's own items come first, as in the file.
        const parentNode = category.parent === undefined ? undefined : categoryNodes.get(category.parent);
        add(categoryNode, parentNode ?? (this.showCorpora ? corpusNode : undefined));
        for (const item of category.items) add({ kind: 'item', id: item.id, loaded, category, item }, categoryNode);
      }
    }
  }

  /** The node showing an item (for `TreeView.reveal`). */
  nodeForItem(itemOrId: Item | string): PhraseNode | undefined {
    this.ensureNodes();
    const node = this.nodes.get(typeof itemOrId === 'string' ? itemOrId : itemOrId.id);
    return node?.kind === 'item' ? node : undefined;
  }

  getChildren(element?: PhraseNode): PhraseNode[] {
    this.ensureNodes();
    return element ? (this.children.get(element.id) ?? []) : this.roots;
  }

  /** Items under a category node, its sub-categories' included. */
  private itemCount(node: PhraseNode): number {
    const children = this.children.get(node.id) ?? [];
    return children.reduce((sum, child) => sum + (child.kind === 'item' ? 1 : this.itemCount(child)), 0);
  }

  getParent(element: PhraseNode): PhraseNode | undefined {
    this.ensureNodes();
    return this.parents.get(element.id);
  }

  getTreeItem(node: PhraseNode): vscode.TreeItem {
    switch (node.kind) {
      case 'corpus': {
        const item = new vscode.TreeItem(node.loaded.corpus.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.loaded.builtin ? 'library' : 'book');
        const location = corpusLocation(node.loaded, this.home);
        item.description = location;
        item.tooltip = `${node.loaded.corpus.title}\n${location}\n${itemCount(node.loaded.corpus.categories.reduce((sum, category) => sum + category.items.length, 0))}`;
        item.contextValue = 'phrasebook.corpus';
        return item;
      }
      case 'category': {
        const { category } = node;
        const item = new vscode.TreeItem(categoryLabel(category), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(category.parent === undefined ? 'folder-library' : 'folder');
        item.description = itemCount(this.itemCount(node));
        item.contextValue = 'phrasebook.category';
        return item;
      }
      case 'item': {
        const { item: phrase, category } = node;
        const item = new vscode.TreeItem(phrase.title, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = String(phrase.number);
        item.iconPath = new vscode.ThemeIcon('note');
        const tooltip = new vscode.MarkdownString(undefined, true);
        tooltip.appendMarkdown(`**${itemLabel(phrase, category)}**\n\n`);
        tooltip.appendText(phrase.text);
        const action = treeEnterAction();
        // Not appendText: it turns spaces into &nbsp;, and the hint would not wrap.
        tooltip.appendMarkdown(`\n\n---\n\n*${escapeMarkdown(insertHint(action, this.insertKey))}*`);
        item.tooltip = tooltip;
        item.accessibilityInformation = { label: `${itemLabel(phrase, category)}: ${phrase.title}` };
        item.contextValue = 'phrasebook.item';
        this.marks.markTreeItem(item, phrase);
        // Click and Enter: insert (or preview, per phrasebook.tree.enterAction); the other stays in the menu.
        item.command = {
          command: 'phrasebook.openItem',
          title: action === 'insert' ? vscode.l10n.t('Insert into Editor') : vscode.l10n.t('Preview'),
          arguments: [node],
        };
        return item;
      }
    }
  }
}
