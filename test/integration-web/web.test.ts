// Phrasebook as a web extension: the same features, driven the same way as the Node suites, with the
// extension running in the browser's web worker extension host (VS Code for the Web). Files live in the
// workspace (a copy of test/fixtures/library-workspace) and are read and written through workspace.fs.
import * as vscode from 'vscode';
import type { PhrasebookTestApi } from '../../src/vscode/testApi';
import type { PhraseNode } from '../../src/vscode/tree/tree';
import * as assert from './assert';
import { afterEach, before, describe, it } from './runner';
import { waitFor } from '../common/waitFor';

const EXTENSION_ID = 'phrasebook.phrasebook';
let api: PhrasebookTestApi;
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const file = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);
const encoder = new TextEncoder();

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

let counter = 0;
/** A new Markdown file in the workspace with `text`, shown, the cursor at the end. */
async function editorWith(text: string): Promise<vscode.TextEditor> {
  const uri = file(`web-${++counter}.md`);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  const editor = await vscode.window.showTextDocument(uri);
  const end = editor.document.positionAt(text.length);
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  for (let guard = 0; guard < 10 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); guard++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

async function openPick(command: string, value: string) {
  const result = vscode.commands.executeCommand(command);
  const session = await waitFor('the pick to open', () => api.currentPick());
  session.quickPick.value = value;
  await waitFor(`the pick to show "${value}"`, () => session.shownQuery === value.trim() && !session.quickPick.busy);
  return { session, result };
}

function treeNodes(nodes: PhraseNode[] = api.treeProvider.getChildren()): PhraseNode[] {
  return nodes.flatMap((node) => [node, ...treeNodes(api.treeProvider.getChildren(node))]);
}

describe('Phrasebook in VS Code for the Web', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<PhrasebookTestApi | undefined>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    const testApi = await extension.activate();
    assert.ok(testApi, 'activate returned no test API: is this run in ExtensionMode.Test?');
    api = testApi;
    await waitFor('the workspace corpus to load', () => api.library.corpora.some((loaded) => loaded.corpus.id === 'team'));
  });
  afterEach(closeEditors);

  it('runs in the web worker extension host, from the browser entry', () => {
    assert.equal(api.runtime.entry, 'web');
    assert.equal(api.runtime.process, 'undefined', 'a web worker has no Node process object');
    assert.equal(api.runtime.importScripts, 'function', 'importScripts exists only in a worker');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'a web extension runs on the UI side');
  });

  it('measures activation and the first search in this host (printed, not asserted)', async () => {
    const started = performance.now();
    const hits = (await api.library.index()).search('xytj', { limit: 20 });
    const firstSearch = performance.now() - started;
    assert.ok(hits.length > 0, 'xytj finds items');
    console.log(`      activation ${api.activationMs.toFixed(0)} ms (budget 30), first search ${firstSearch.toFixed(0)} ms (budget 150)`);
  });

  it('reads the built-in corpus from corpus/builtin.json here too', () => {
    assert.equal(api.builtinFrom, 'json');
  });

  it('reads the search thesaurus through VS Code here too: 做事拖拖拉拉 finds 能拖则拖', async () => {
    const hits = (await api.library.index()).search('做事拖拖拉拉');
    assert.ok(hits[0]?.item.text.includes('能拖则拖'), `top hit: ${hits[0]?.item.id}`);
  });

  it('loads the built-in corpus and the workspace .phrasebook/ corpus into the tree', () => {
    assert.deepEqual(api.library.corpora.map((loaded) => loaded.corpus.id).sort(), ['builtin', 'team']);
    assert.equal(api.library.items.filter((item) => item.corpusId === 'builtin').length, 61);
    const roots = api.treeProvider.getChildren();
    assert.deepEqual(roots.map((node) => node.kind), ['corpus', 'corpus']);
    assert.ok(treeNodes().some((node) => node.id === 'team/dygz.1'), 'the tree shows the workspace corpus item');
  });

  it('finds items by initials and inserts the chosen one at the cursor', async () => {
    const editor = await editorWith('# 草稿\n\n');
    const { session, result } = await openPick('phrasebook.insert', 'xytj');
    const top = session.quickPick.items.find((entry) => entry.item)!.item!;
    // Enter takes the row VS Code focused; wait until the workbench reports our top row as focused.
    await waitFor('VS Code to focus the top row', () => session.quickPick.activeItems[0]?.item?.id === top.id);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await result, true);
    await waitFor('the chosen item in the document', () => editor.document.getText().includes(top.text));
  });

  it('composes several items under their category headings', async () => {
    const editor = await editorWith('');
    const ids = ['builtin/ljzl.2', 'builtin/llxx.3'];
    assert.equal(await vscode.commands.executeCommand('phrasebook.compose', ids), true);
    const text = editor.document.getText();
    // Items in the single-insert format: plain paragraphs by default.
    assert.ok(text.startsWith(`## 一、理论学习方面存在问题\n\n${api.library.findItem('builtin/llxx.3')!.text}`));
    assert.ok(text.includes(`## 二、廉洁自律方面存在问题\n\n${api.library.findItem('builtin/ljzl.2')!.text}`));
  });

  it('offers the built-in snippets in Markdown, with title and paragraph, once', async () => {
    const editor = await editorWith('llxx11');
    const position = editor.document.positionAt(6);
    const offered = await waitFor('the llxx11 snippet', async () => {
      // Resolved as the suggest widget resolves the row it details: documentation is filled in then.
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, undefined, 500);
      const found = list.items.filter((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'llxx11');
      return found.length > 0 && found;
    });
    // Served by the completion provider in the worker (no static snippet next to it).
    const item = api.library.findItem('builtin/llxx.11')!;
    assert.equal(offered.length, 1);
    assert.equal((offered[0].label as vscode.CompletionItemLabel).description, item.title);
    assert.ok((offered[0].documentation as vscode.MarkdownString).value.includes(item.text), 'the full text as documentation');
  });

  it('marks items used in the active document', async () => {
    await vscode.window.showTextDocument(file('draft.md'));
    await waitFor('the used mark', () => api.used.isUsed('team/dygz.1'));
    assert.ok(!api.used.isUsed('team/dygz.2'));
  });

  it('imports a plain-text outline into the workspace and loads it', async () => {
    await vscode.window.showTextDocument(file('outline.txt'));
    const target = file('.phrasebook', 'imported.md');
    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri }>('phrasebook.importText', { id: 'imported', target });
    assert.equal(result.uri.toString(), target.toString());
    assert.match(await read(target), /## 一、学习方面\n\n1\. 学习的系统性不够强。/);
    await waitFor('the imported corpus in the library', () => api.library.findItem('imported/dd.1'));
  });

  it('exports a corpus as snippets into the workspace', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.exportSnippets', { corpusId: 'team' });
    assert.equal(uri.toString(), file('.vscode', 'phrasebook-team.code-snippets').toString());
    const snippets = JSON.parse(await read(uri)) as Record<string, { prefix: string[] }>;
    assert.deepEqual(snippets['调研工作 1'].prefix, ['dygz1', '调研工作1']);
  });

  it('says a ~/ entry of phrasebook.corpora cannot be read where there is no home folder', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showWarningMessage;
    const told: string[] = [];
    window.showWarningMessage = async (message: string) => {
      told.push(message);
      return undefined;
    };
    const settings = vscode.workspace.getConfiguration('phrasebook');
    try {
      await settings.update('corpora', ['~/素材库/*.md'], vscode.ConfigurationTarget.Global);
      await waitFor('the warning', () => told.length > 0);
    } finally {
      await settings.update('corpora', undefined, vscode.ConfigurationTarget.Global);
      window.showWarningMessage = original;
    }
    assert.match(told[0], /~\/素材库\/\*\.md/);
    assert.match(told[0], /VS Code for the Web|网页版/);
    assert.ok(api.library.corpora.some((loaded) => loaded.corpus.id === 'team'), 'the workspace corpus stays');
  });

  it('says Word export is not available here instead of failing, and writes nothing', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showInformationMessage;
    const told: string[] = [];
    window.showInformationMessage = async (message: string) => {
      told.push(message);
      return undefined;
    };
    try {
      await vscode.window.showTextDocument(file('draft.md'));
      await vscode.commands.executeCommand('phrasebook.exportDocx');
    } finally {
      window.showInformationMessage = original;
    }
    assert.equal(told.length, 1);
    assert.match(told[0], /VS Code for the Web|网页版/);
    const names = (await vscode.workspace.fs.readDirectory(folder())).map(([name]) => name);
    assert.ok(!names.includes('draft.docx'), 'no .docx was written');
  });
});
