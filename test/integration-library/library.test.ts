// The writer's own library inside a real VS Code: workspace and setting corpora in the tree and the pick,
// live reload, problems in the Problems panel, import/export/new corpus, drop edits, used marks, history.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ITEM_IDS_MIME } from '../../src/core/drop';
import { VscodeCorpusWorkspace } from '../../src/vscode/corpora/vscodeWorkspace';
import type { PhrasebookTestApi } from '../../src/vscode/testApi';
import type { PhraseNode } from '../../src/vscode/tree/tree';
import { waitFor } from '../common/waitFor';

let api: PhrasebookTestApi;
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const file = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);
const TEAM = () => file('.phrasebook', 'team.md');
const encoder = new TextEncoder();
/** The repository (tests run from out/test/integration-library). */
const ROOT = path.resolve(__dirname, '..', '..', '..');

async function write(uri: vscode.Uri, text: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, typeof text === 'string' ? encoder.encode(text) : text);
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

const corpusIds = () => api.library.corpora.map((loaded) => loaded.corpus.id);
const diagnosticsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Phrasebook');

function treeNodes(nodes: PhraseNode[] = api.treeProvider.getChildren()): PhraseNode[] {
  return nodes.flatMap((node) => [node, ...treeNodes(api.treeProvider.getChildren(node))]);
}

async function openPick(command: string, value: string) {
  void vscode.commands.executeCommand(command);
  const session = await waitFor('the pick to open', () => api.currentPick());
  session.quickPick.value = value;
  session.refresh();
  await waitFor('the pick to show the query', () => session.shownQuery === value.trim() && session);
  return session;
}

const TEAM_TEXT = `---
id: team
title: 团队素材库
language: zh-CN
---

## 一、调研工作方面存在问题

1. 深入基层调查研究不够，掌握一线情况不够全面。

2. 调研成果转化运用不够充分，$费用}与\\路径照原样插入。

## 二、工作作风方面存在问题

1. 文风会风改进不够明显，材料篇幅偏长。
`;

describe('Your own library', function () {
  this.timeout(120000);

  before(async () => {
    const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON.name === 'phrasebook')!;
    api = (await extension.activate()) as PhrasebookTestApi;
    assert.ok(api, 'activate returned no test API: is this run in ExtensionMode.Test?');
    await api.corporaIdle();
    await waitFor('the workspace corpora to load', () => corpusIds().includes('team') && corpusIds().includes('personal'));
  });

  it('loads .phrasebook/, setting globs and folders outside the workspace beside the built-in corpus, ids unique', () => {
    assert.deepEqual([...corpusIds()].sort(), ['builtin', 'personal', 'team', 'team-2']);
    const clash = api.library.corpora.find((loaded) => loaded.corpus.id === 'team-2')!;
    assert.match(clash.uri.path, /shared\/clash\.md$/);
    assert.equal(api.library.findItem('team-2/jlgj.1')?.text, '遵守纪律规矩的自觉性有待提高。');
  });

  it('shows one tree node per corpus, with its categories and items', () => {
    const roots = api.treeProvider.getChildren();
    assert.deepEqual(roots.map((node) => node.kind), ['corpus', 'corpus', 'corpus', 'corpus']);
    const team = roots.find((node) => node.kind === 'corpus' && node.loaded.corpus.id === 'team')!;
    assert.equal(api.treeProvider.getTreeItem(team).label, '团队素材库');
    const categories = api.treeProvider.getChildren(team);
    assert.deepEqual(categories.map((node) => api.treeProvider.getTreeItem(node).label), ['一、调研工作方面存在问题', '二、工作作风方面存在问题']);
    // Counts in the singular and the plural.
    assert.deepEqual(categories.map((node) => api.treeProvider.getTreeItem(node).description), ['2 items', '1 item']);
  });

  it('corpus tooltips give a readable location: "built-in", a workspace path or ~/…, never an extension URI', () => {
    const roots = api.treeProvider.getChildren();
    const tooltip = (id: string) => {
      const node = roots.find((candidate) => candidate.kind === 'corpus' && candidate.loaded.corpus.id === id)!;
      return String(api.treeProvider.getTreeItem(node).tooltip);
    };
    assert.equal(tooltip('builtin').split('\n')[1], 'built-in');
    assert.equal(tooltip('team').split('\n')[1], '.phrasebook/team.md');
    for (const root of roots) {
      const text = tooltip(root.kind === 'corpus' ? root.loaded.corpus.id : '');
      assert.doesNotMatch(text, /file:\/\/|vscode-remote:|\/extensions\//, text);
    }
  });

  it('finds user corpus items in the pick', async () => {
    const session = await openPick('phrasebook.insert', '调查研究');
    try {
      await waitFor('the index', () => session.quickPick.items.some((entry) => entry.item?.id === 'team/dygz.1'));
    } finally {
      session.quickPick.hide();
    }
  });

  it('names the corpus in the pick only where two corpora have a same-named item', async () => {
    const session = await openPick('phrasebook.insert', '');
    try {
      const rows = await waitFor('the whole list', () => {
        const items = session.quickPick.items.filter((entry) => entry.item);
        return new Set(items.map((entry) => entry.item!.id)).size === api.library.items.length && items;
      });
      const description = (id: string) => rows.find((entry) => entry.item?.id === id)?.description;
      assert.equal(description('team/gzzf.1'), '工作作风 1 · 团队素材库');
      assert.match(description('builtin/gzzf.1') ?? '', /^工作作风 1 · (built-in|内置)$/);
      assert.equal(description('team/dygz.1'), '调研工作 1');
      assert.equal(description('builtin/gzzf.2'), '工作作风 2');
      assert.equal(description('personal/cxys.1'), '创新意识 1');
    } finally {
      session.quickPick.hide();
    }
  });

  it('reloads an edited corpus, and the tree follows', async () => {
    await write(TEAM(), TEAM_TEXT + '\n2. 会议多、文件多的问题依然存在。\n');
    await waitFor('the new item', () => api.library.findItem('team/gzzf.2'));
    assert.ok(treeNodes().some((node) => node.id === 'team/gzzf.2'), 'the tree shows the new item');
  });

  it('reports broken files in the Problems panel, keeps the last good version and the other corpora', async () => {
    // Text outside any item: reported with its line; the items that parse still load.
    await write(TEAM(), TEAM_TEXT + '\n这一行不属于任何素材\n');
    const outside = await waitFor('a textOutsideItem diagnostic', () => diagnosticsOf(TEAM()).find((d) => d.code === 'textOutsideItem'));
    assert.equal(outside.range.start.line, TEAM_TEXT.split('\n').length);
    assert.equal(outside.severity, vscode.DiagnosticSeverity.Error);
    assert.match(outside.message, /这一行不属于任何素材/);

    // Binary bytes: reported, and the last good version stays loaded.
    await write(TEAM(), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const binary = await waitFor('a binary diagnostic', () => diagnosticsOf(TEAM()).find((d) => d.code === 'binary'));
    assert.equal(binary.range.start.line, 0);
    assert.ok(api.library.findItem('team/dygz.1'), 'the last good version of team.md stays loaded');
    assert.ok(api.library.findItem('builtin/llxx.1'), 'the built-in corpus still works');
    assert.ok(api.library.findItem('personal/cxys.1'), 'the other corpora still work');

    // Not UTF-8 (GBK bytes) and empty files.
    await write(TEAM(), new Uint8Array([0xb5, 0xf7, 0xd1, 0xd0, 0x0a]));
    await waitFor('a notUtf8 diagnostic', () => diagnosticsOf(TEAM()).find((d) => d.code === 'notUtf8'));
    await write(TEAM(), '');
    await waitFor('an empty diagnostic', () => diagnosticsOf(TEAM()).find((d) => d.code === 'empty'));
    assert.ok(api.library.findItem('team/dygz.1'));

    // Fixed: the diagnostic goes.
    await write(TEAM(), TEAM_TEXT);
    await waitFor('the diagnostics to clear', () => diagnosticsOf(TEAM()).length === 0);
    assert.equal(api.library.findItem('team/gzzf.2'), undefined, 'the fixed version is the one loaded');
  });

  it('refuses a file over 20 MB with a message that says the limit', async () => {
    const huge = file('.phrasebook', 'huge.md');
    await write(huge, new Uint8Array(21 * 1024 * 1024).fill(0x61));
    const diagnostic = await waitFor('a tooLarge diagnostic', () => diagnosticsOf(huge).find((d) => d.code === 'tooLarge'), 10000);
    assert.match(diagnostic.message, /20 MB/);
    await vscode.workspace.fs.delete(huge);
    await waitFor('the diagnostic to go with the file', () => diagnosticsOf(huge).length === 0);
  });

  it('imports a plain-text outline, reports what it could not place, and loads the result', async () => {
    const outline = file('outline.txt');
    const editor = await vscode.window.showTextDocument(outline);
    const target = file('.phrasebook', 'imported.md');
    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri }>('phrasebook.importText', { id: 'imported', target });
    assert.equal(result.uri.toString(), target.toString());
    assert.match(await read(target), /## 一、学习方面\n\n1\. 学习的系统性不够强。/);
    // The line before the first heading is kept in the file as a comment, and the Problem says so.
    assert.match(await read(target), /<!--\n（内部资料，注意保存）\n-->/);
    const unplaced = diagnosticsOf(outline).find((d) => d.code === 'importPreamble')!;
    assert.ok(unplaced, 'the preamble line is reported on the outline');
    assert.equal(unplaced.range.start.line, 1);
    assert.match(unplaced.message, /内部资料.*kept as a comment/);
    await waitFor('the imported corpus in the library', () => api.library.findItem('imported/dd.1'));
    // Editing the outline makes the reported lines stale: the warnings go.
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '\n'));
    await waitFor('the import warnings to go after an edit', () => diagnosticsOf(outline).length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('imports a realistic 对照检查材料: sub-categories as a tree level, a message naming what needs attention, a button to Problems', async () => {
    const outline = file('dzjc-banzi.txt');
    await write(outline, fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'import', 'dzjc-banzi.txt')));
    await vscode.window.showTextDocument(outline);
    const target = file('.phrasebook', 'dzjc.md');
    const window = vscode.window as unknown as Record<string, unknown>;
    const commands = vscode.commands as unknown as Record<string, unknown>;
    const originals = { warning: window.showWarningMessage, execute: commands.executeCommand };
    const shown: { message: string; buttons: string[] }[] = [];
    const executed: string[] = [];
    window.showWarningMessage = async (message: string, ...buttons: string[]) => {
      shown.push({ message, buttons });
      return buttons[0];
    };
    commands.executeCommand = (command: string, ...rest: unknown[]) => {
      executed.push(command);
      return (originals.execute as (...args: unknown[]) => unknown)(command, ...rest);
    };
    try {
      const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; message: string }>('phrasebook.importText', { target });
      assert.equal(result.uri.toString(), target.toString());
      await waitFor('the Problems panel, from the message\'s button', () => executed.includes('workbench.actions.view.problems'));
    } finally {
      window.showWarningMessage = originals.warning;
      commands.executeCommand = originals.execute;
    }
    assert.equal(shown.length, 1);
    assert.match(shown[0].message, /^Imported 10 items in 3 categories \(and 3 sub-categories\) into .*dzjc\.md\. 2 lines need attention \(2 kept as comments\): see the Problems panel\.$/);
    assert.deepEqual(shown[0].buttons, ['Show Problems']);
    // Each Problem says which line, what it looked like and what was done with it.
    const problems = diagnosticsOf(outline).map((d) => [d.range.start.line + 1, d.code, d.message]);
    assert.deepEqual(problems.map(([line, code]) => [line, code]), [[3, 'importPreamble'], [24, 'importClosing']]);
    assert.match(String(problems[1][2]), /以上对照检查，请批评指正。.*kept as a comment at the end/);

    // The title line became the corpus title, its id the title's pinyin initials; 一、 › （一） › items in the tree.
    const loaded = await waitFor('the imported corpus', () => api.library.corpora.find((candidate) => candidate.uri.toString() === target.toString()));
    assert.equal(loaded.corpus.title, '2026年度党员领导干部民主生活会个人对照检查材料');
    assert.match(loaded.corpus.id, /^[a-z0-9-]+$/);
    const corpusNode = api.treeProvider.getChildren().find((node) => node.kind === 'corpus' && node.loaded === loaded)!;
    const label = (node: PhraseNode) => String(api.treeProvider.getTreeItem(node).label);
    const [problemsNode, causes] = api.treeProvider.getChildren(corpusNode);
    assert.deepEqual(api.treeProvider.getChildren(corpusNode).map(label), ['一、存在的主要问题', '二、问题产生的原因', '三、下一步整改措施']);
    const subs = api.treeProvider.getChildren(problemsNode);
    assert.deepEqual(subs.map(label), ['（一）理论学习方面', '（二）担当作为方面', '（三）工作作风方面']);
    assert.equal(api.treeProvider.getTreeItem(problemsNode).description, '5 items');
    assert.deepEqual(api.treeProvider.getChildren(subs[1]).map((node) => node.kind === 'item' && node.item.number), [1, 2]);
    assert.equal(api.treeProvider.getParent(subs[1]), problemsNode);
    assert.deepEqual(api.treeProvider.getChildren(causes).map((node) => node.kind), ['item', 'item']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(target);
    await waitFor('the imported corpus to go', () => !api.library.corpora.includes(loaded));
  });

  it('New Corpus and Import ask the same two things, title then an ASCII id from its pinyin, and check ids alike', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const originals = { input: window.showInputBox, save: window.showSaveDialog, error: window.showErrorMessage };
    const asked: { title?: string; prompt?: string; value?: string; rejects: boolean; accepts: boolean }[] = [];
    const errors: string[] = [];
    let answers: string[] = [];
    window.showInputBox = async (options: vscode.InputBoxOptions) => {
      const check = async (value: string) => (await options.validateInput?.(value)) ?? undefined;
      asked.push({ title: options.title, prompt: options.prompt, value: options.value, rejects: !!(await check('我的素材')), accepts: !(await check('wdsc')) });
      const answer = answers.shift();
      return answer === '' ? options.value : answer;
    };
    window.showErrorMessage = async (message: string) => {
      errors.push(message);
      return undefined;
    };
    const outline = file('outline.txt');
    try {
      answers = ['我的素材库', ''];
      const created = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.newCorpus', { open: false });
      assert.equal(created.toString(), file('.phrasebook', 'wdsck.md').toString());
      assert.match(await read(created), /^---\nid: wdsck\ntitle: 我的素材库\n/);
      await waitFor('the new corpus, with no items of its own', () => api.library.corpora.find((loaded) => loaded.corpus.id === 'wdsck'));
      assert.equal(api.library.corpora.find((loaded) => loaded.corpus.id === 'wdsck')!.corpus.categories.length, 0);

      await vscode.window.showTextDocument(outline);
      window.showSaveDialog = async (options: vscode.SaveDialogOptions) => options.defaultUri;
      answers = ['', 'qnbg'];
      const imported = await vscode.commands.executeCommand<{ uri: vscode.Uri }>('phrasebook.importText');
      assert.equal(imported.uri.toString(), file('.phrasebook', 'qnbg.md').toString());
      assert.match(await read(imported.uri), /^---\nid: qnbg\ntitle: 去年报告摘录\n/);

      // Both: a title box (proposed: "My Phrasebook", or the outline's title line), then an id box proposed
      // from the title's pinyin initials, rejecting Chinese and accepting lower-case ASCII.
      const prompts = asked.map(({ value, rejects, accepts }) => [value, rejects, accepts]);
      assert.deepEqual(prompts.slice(1), [['wdsck', true, true], ['去年报告摘录', false, true], ['qnbgzl', true, true]]);
      assert.equal(asked[0].title, 'New Corpus');
      assert.equal(asked[2].title, 'Import Outline Text as Corpus');
      assert.equal(asked[1].prompt, asked[3].prompt, 'the same id question');

      // An id given as an argument is held to the same rule: nothing is written.
      assert.equal(await vscode.commands.executeCommand('phrasebook.newCorpus', { title: '甲', id: '我的', open: false }), undefined);
      assert.equal(await vscode.commands.executeCommand('phrasebook.importText', { id: 'My Id', target: file('.phrasebook', 'bad.md') }), undefined);
      assert.equal(errors.length, 2);
      for (const error of errors) assert.match(error, /lower-case ASCII letters, digits and "-"/);
      await assert.rejects(async () => vscode.workspace.fs.stat(file('.phrasebook', 'bad.md')));
    } finally {
      window.showInputBox = originals.input;
      window.showSaveDialog = originals.save;
      window.showErrorMessage = originals.error;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    for (const name of ['wdsck.md', 'qnbg.md']) await vscode.workspace.fs.delete(file('.phrasebook', name));
    await waitFor('the two corpora to go', () => !corpusIds().includes('wdsck') && !corpusIds().includes('qnbg'));
  });

  it('exports a corpus as a .code-snippets file in .vscode/', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.exportSnippets', { corpusId: 'team' });
    assert.equal(uri.toString(), file('.vscode', 'phrasebook-team.code-snippets').toString());
    const snippets = JSON.parse(await read(uri));
    assert.deepEqual(snippets['调研工作 1'].prefix, ['dygz1', '调研工作1']);
    assert.deepEqual(snippets['调研工作 2'].body, ['调研成果转化运用不够充分，\\$费用\\}与\\\\路径照原样插入。']);
  });

  it('asks before replacing an exported snippets file, and keeps it when told no', async () => {
    const uri = file('.vscode', 'phrasebook-team.code-snippets');
    await write(uri, '{ "mine": { "prefix": "x", "body": "edited by hand" } }');
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showWarningMessage;
    const asked: string[] = [];
    let answer: 'no' | 'replace' = 'no';
    window.showWarningMessage = async (message: string, _options: unknown, ...buttons: string[]) => {
      asked.push(message);
      return answer === 'replace' ? buttons[0] : undefined;
    };
    try {
      assert.equal(await vscode.commands.executeCommand('phrasebook.exportSnippets', { corpusId: 'team' }), undefined);
      assert.equal(asked.length, 1);
      assert.match(asked[0], /phrasebook-team\.code-snippets/);
      assert.match(await read(uri), /edited by hand/);
      answer = 'replace';
      const replaced = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.exportSnippets', { corpusId: 'team' });
      assert.equal(replaced.toString(), uri.toString());
      assert.equal(asked.length, 2);
      assert.ok(JSON.parse(await read(uri))['调研工作 1']);
    } finally {
      window.showWarningMessage = original;
    }
  });

  it('creates a new commented corpus from the template that loads without problems', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.newCorpus', { title: '我的素材', id: 'mine', open: false });
    assert.equal(uri.toString(), file('.phrasebook', 'mine.md').toString());
    assert.match(await read(uri), /<!--/);
    await waitFor('the new corpus in the library', () => corpusIds().includes('mine'));
    assert.deepEqual(diagnosticsOf(uri), []);
  });

  it('New Corpus given only a title asks nothing: the id is made from the title by the one rule', async () => {
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showInputBox;
    let asked = 0;
    window.showInputBox = async () => void asked++;
    let uri: vscode.Uri | undefined;
    try {
      uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('phrasebook.newCorpus', { title: '团队 Notes', open: false });
    } finally {
      window.showInputBox = original;
    }
    assert.equal(asked, 0, 'an input box was opened');
    assert.ok(uri, 'no corpus was created');
    assert.equal(uri.toString(), file('.phrasebook', 'td-notes.md').toString());
    assert.match(await read(uri), /^---\nid: td-notes\ntitle: 团队 Notes\n/);
    await waitFor('the new corpus in the library', () => corpusIds().includes('td-notes'));
    await vscode.workspace.fs.delete(uri);
    await waitFor('the corpus to go', () => !corpusIds().includes('td-notes'));
  });

  it('completes user corpus prefixes in Markdown and inserts the text literally', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '我们dygz2' });
    // Resolved as the suggest widget resolves the row it details: documentation is filled in then.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, 8),
      undefined,
      500,
    );
    const entry = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'dygz2');
    assert.ok(entry, 'dygz2 is offered');
    assert.equal((entry.insertText as vscode.SnippetString).value, '调研成果转化运用不够充分，\\$费用\\}与\\\\路径照原样插入。');
    // The row names the paragraph; the details pane has its full text as Markdown (which wraps), escaped.
    const label = entry.label as vscode.CompletionItemLabel;
    assert.equal(label.description, '调研成果转化运用不够充分，$费用}与\\路径照原样插入。');
    assert.ok(entry.documentation instanceof vscode.MarkdownString, 'Markdown documentation');
    assert.ok(!entry.documentation.value.includes('```'), 'not a code block');
    assert.match(entry.documentation.value, /调研成果转化运用不够充分/);
    assert.equal(entry.detail, '团队素材库 · 调研工作方面存在问题 2');
    const chinese = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      (await vscode.workspace.openTextDocument({ language: 'markdown', content: '以及调研工作1' })).uri,
      new vscode.Position(0, 7),
    );
    assert.ok(chinese.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === '调研工作1'));
  });

  it('drags a category as a composed block and drops it into an untitled document (through the API)', async () => {
    const category = treeNodes().find((node) => node.id === 'category:team/gzzf')!;
    const transfer = new vscode.DataTransfer();
    api.dragAndDrop.handleDrag([category], transfer, new vscode.CancellationTokenSource().token);
    assert.equal(await transfer.get('text/plain')!.asString(), '## 一、工作作风方面存在问题\n\n文风会风改进不够明显，材料篇幅偏长。');
    assert.ok(transfer.get(ITEM_IDS_MIME));

    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '前文。\n' });
    const edit = await api.dropProvider.provideDocumentDropEdits(document, new vscode.Position(0, 3), transfer, new vscode.CancellationTokenSource().token);
    assert.equal(edit?.insertText, '\n\n## 一、工作作风方面存在问题\n\n文风会风改进不够明显，材料篇幅偏长。');
    // Dropped under a section heading, the category nests under it as Compose does.
    const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: '## 六、整改措施\n\n' });
    const nested = await api.dropProvider.provideDocumentDropEdits(report, new vscode.Position(2, 0), transfer, new vscode.CancellationTokenSource().token);
    assert.equal(nested?.insertText, '### （一）工作作风方面存在问题\n\n文风会风改进不够明显，材料篇幅偏长。');

    const single = new vscode.DataTransfer();
    single.set(ITEM_IDS_MIME, new vscode.DataTransferItem(JSON.stringify({ ids: ['team/dygz.2'], compose: false })));
    const literal = await api.dropProvider.provideDocumentDropEdits(document, new vscode.Position(1, 0), single, new vscode.CancellationTokenSource().token);
    assert.equal(literal?.insertText, '\n调研成果转化运用不够充分，$费用}与\\路径照原样插入。');
  });

  it('marks items already used in the active Markdown document, in the tree and the pick, and follows edits', async () => {
    const editor = await vscode.window.showTextDocument(file('draft.md'));
    const used = await waitFor('the used mark', () => api.used.isUsed('team/dygz.1') && api.used);
    assert.ok(!used.isUsed('team/dygz.2'));
    const node = treeNodes().find((candidate) => candidate.id === 'team/dygz.1')!;
    const treeItem = api.treeProvider.getTreeItem(node);
    assert.equal((treeItem.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.match(String(treeItem.description), /used|已用/);

    const session = await openPick('phrasebook.insert', '调查研究');
    try {
      const entry = await waitFor('the item in the pick', () => session.quickPick.items.find((candidate) => candidate.item?.id === 'team/dygz.1'));
      // A word a screen reader reads, not an icon it reads by name ("pass").
      assert.match(entry.description ?? '', /^调研工作 1 \(used\)$|^调研工作 1（已用）$/);
    } finally {
      session.quickPick.hide();
    }

    const original = editor.document.getText();
    await editor.edit((builder) => builder.delete(new vscode.Range(4, 0, 6, 0)));
    await waitFor('the mark to go', () => !api.used.isUsed('team/dygz.1'));
    // Put the draft back by its own document, not by "the active editor": under load the active editor
    // may be another one, and a draft left edited would fail the tests that read it next.
    const restore = new vscode.WorkspaceEdit();
    restore.replace(editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), original);
    assert.ok(await vscode.workspace.applyEdit(restore));
    // save() answers false when the document is not dirty, and VS Code may find the restored text equal
    // to what is on disk: what matters is that the draft on disk is the original again.
    if (editor.document.isDirty) assert.ok(await editor.document.save());
    assert.equal(editor.document.getText(), original);
    assert.equal(await read(file('draft.md')), original);
  });

  it('does not mark the items of a corpus file as used while that file is open', async () => {
    const draft = await vscode.window.showTextDocument(file('draft.md'));
    await waitFor('the used mark from the draft', () => api.used.isUsed('team/dygz.1'));
    await vscode.window.showTextDocument(TEAM());
    await waitFor('the marks to clear', () => api.used.refresh().size === 0);
    assert.equal(api.used.activeDocument, undefined);
    await vscode.window.showTextDocument(draft.document);
    await waitFor('the marks to come back', () => api.used.isUsed('team/dygz.1'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts favourites, then recently inserted items first in the pick on an empty query', async () => {
    await vscode.commands.executeCommand('phrasebook.clearHistory', { confirm: false, favourites: true });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
    assert.ok(await vscode.commands.executeCommand('phrasebook.insertItem', 'team/gzzf.1'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(await vscode.commands.executeCommand('phrasebook.insertItem', 'personal/cxys.1'));
    assert.equal(await vscode.commands.executeCommand('phrasebook.toggleFavourite', 'builtin/llxx.3'), true);

    const session = await openPick('phrasebook.insert', '');
    try {
      const ids = session.quickPick.items.flatMap((entry) => (entry.item ? [entry.item.id] : [])).slice(0, 3);
      assert.deepEqual(ids, ['builtin/llxx.3', 'personal/cxys.1', 'team/gzzf.1']);
    } finally {
      session.quickPick.hide();
    }
    assert.deepEqual(api.history.state.favourites, ['builtin/llxx.3']);
    await vscode.commands.executeCommand('phrasebook.clearHistory', { confirm: false });
    assert.deepEqual(Object.keys(api.history.state.usage), []);
    assert.deepEqual(api.history.state.favourites, ['builtin/llxx.3'], 'clearing history keeps favourites');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the star key on the "N more items" row of a long list stars nothing', async () => {
    await vscode.commands.executeCommand('phrasebook.clearHistory', { confirm: false, favourites: true });
    const big = file('.phrasebook', 'big.md');
    const items = Array.from({ length: 600 }, (_, index) => `${index + 1}. 第${index + 1}条正文。\n`).join('\n');
    await write(big, `---\nid: big\ntitle: 大素材库\n---\n\n## 一、类\n\n${items}`);
    try {
      await waitFor('the 600-item corpus', () => corpusIds().includes('big'), 15000);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
      const session = await openPick('phrasebook.insert', '');
      try {
        await waitFor('the whole empty-query list', () => session.listComplete);
        const more = session.quickPick.items[session.quickPick.items.length - 1];
        assert.ok(!more.item && more.label.includes('type to search'), `the last row is the "more" row: ${more.label}`);
        session.quickPick.activeItems = [more];
        await waitFor('VS Code to highlight it', () => session.quickPick.activeItems[0] === more);
        await vscode.commands.executeCommand('phrasebook.pick.toggleFavourite');
        assert.deepEqual(api.history.state.favourites, []);
      } finally {
        session.quickPick.hide();
      }
      // Compose has no such row (it would be a checkbox): its title says it.
      void vscode.commands.executeCommand('phrasebook.compose');
      const compose = await waitFor('Compose to open', () => {
        const pick = api.currentPick();
        return pick !== session && pick?.quickPick.canSelectMany && pick.shownQuery === '' && pick;
      });
      try {
        const unlisted = api.library.items.length - 500;
        assert.ok(unlisted > 100, `${api.library.items.length} items`);
        assert.match(compose.quickPick.title ?? '', new RegExp(`${unlisted} (more items: type to search|条：输入以搜索)`));
        assert.ok(compose.quickPick.items.every((row) => row.item || row.kind === vscode.QuickPickItemKind.Separator), 'no row without an item');
        compose.quickPick.value = '第1条';
        await waitFor('the query\'s rows', () => compose.shownQuery === '第1条');
        assert.ok(!/type to search|输入以搜索/.test(compose.quickPick.title ?? ''), `a query's list says nothing of the rest: ${compose.quickPick.title}`);
      } finally {
        compose.quickPick.hide();
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    } finally {
      await vscode.workspace.fs.delete(big);
    }
    await waitFor('the corpus to go', () => !corpusIds().includes('big'), 15000);
  });

  it('a FIFO named x.md and a link to its own folder neither stall loading nor load copies', async function () {
    const dir = path.join(folder().fsPath, '.phrasebook');
    const fifo = path.join(dir, 'x.md');
    const again = path.join(dir, 'again');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    fs.symlinkSync('.', again);
    const later = file('.phrasebook', 'later.md');
    try {
      await vscode.commands.executeCommand('phrasebook.refresh');
      await waitFor('a notAFile diagnostic on the FIFO', () => diagnosticsOf(file('.phrasebook', 'x.md')).find((d) => d.code === 'notAFile'), 15000);
      // Loading goes on after the FIFO: a file written now still loads.
      await write(later, '---\nid: later\ntitle: 后来的\n---\n\n## 一、类\n\n1. 后来写的正文。\n');
      await waitFor('the file written after the FIFO', () => corpusIds().includes('later'), 15000);
      await api.corporaIdle();
      assert.deepEqual(
        api.library.corpora.filter((loaded) => loaded.uri.path.includes('/again/')).map((loaded) => loaded.uri.path),
        [],
        'nothing is loaded through again -> .',
      );
    } finally {
      fs.rmSync(fifo, { force: true });
      fs.rmSync(again, { force: true });
      await vscode.workspace.fs.delete(later).then(undefined, () => undefined);
    }
    await waitFor('the FIFO problem to go with it', () => diagnosticsOf(file('.phrasebook', 'x.md')).length === 0, 15000);
  });

  it('reads corpus files on the extension host\'s own disk, seeing files, links, loops and FIFOs as VS Code does, refusing a FIFO at once', async function () {
    const dir = path.join(folder().fsPath, 'disk-check');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.md'), '## 一、类\n\n1. 正文。\n');
    fs.symlinkSync('a.md', path.join(dir, 'link.md'));
    fs.symlinkSync('gone.md', path.join(dir, 'broken.md'));
    fs.symlinkSync('loop.md', path.join(dir, 'loop.md'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'fifo.md')]).status === 0;
    // What the extension reads corpora through, against VS Code's own file system API. Both refuse a FIFO and
    // see the same files, so only the reader's class tells that the Node host reads its own disk (the
    // integration build is not minified).
    const local = api.corpusFiles;
    assert.match(local.constructor.name, /NodeCorpusWorkspace/);
    const viaVscode = new VscodeCorpusWorkspace();
    const base = vscode.Uri.file(dir).toString();
    try {
      const sorted = (entries: { name: string }[]) => [...entries].sort((x, y) => (x.name < y.name ? -1 : 1));
      assert.deepEqual(sorted(await local.readDirectory(base)), sorted(await viaVscode.readDirectory(base)));
      for (const name of ['a.md', 'link.md', 'broken.md', 'loop.md', 'sub', 'nothing.md', ...(fifo ? ['fifo.md'] : [])]) {
        const resource = local.joinPath(base, name);
        const [mine, theirs] = [await local.stat(resource), await viaVscode.stat(resource)];
        assert.deepEqual(mine && { kind: mine.kind, isLink: mine.isLink, size: mine.kind === 'file' ? mine.size : 0 }, theirs && { kind: theirs.kind, isLink: theirs.isLink, size: theirs.kind === 'file' ? theirs.size : 0 }, name);
      }
      assert.equal(new TextDecoder().decode(await local.readFile(local.joinPath(base, 'link.md'))), '## 一、类\n\n1. 正文。\n');
      // A FIFO swapped in after the stat is refused at once, not waited on.
      if (fifo) {
        const waited = new Promise<string>((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10000));
        const outcome = await Promise.race([local.readFile(local.joinPath(base, 'fifo.md')).then(() => 'read', () => 'refused'), waited]);
        assert.equal(outcome, 'refused');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out a setting entry whose pattern is too costly to match, says so once, and loads the rest', async () => {
    const config = vscode.workspace.getConfiguration('phrasebook');
    const entries = config.inspect<string[]>('corpora')!.workspaceValue!;
    const costly = 'shared/*-*-*-*.md';
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showWarningMessage;
    const warnings: string[] = [];
    window.showWarningMessage = async (message: string) => {
      warnings.push(message);
      return undefined;
    };
    try {
      await config.update('corpora', [...entries, costly], vscode.ConfigurationTarget.Workspace);
      await waitFor('a warning naming the entry', () => warnings.find((message) => message.includes(costly)), 15000);
      await vscode.commands.executeCommand('phrasebook.refresh');
      await api.corporaIdle();
      assert.equal(warnings.filter((message) => message.includes(costly)).length, 1, 'a rescan does not repeat it');
      assert.ok(corpusIds().includes('team') && corpusIds().includes('personal'), 'the other entries still load');
    } finally {
      window.showWarningMessage = original;
      await config.update('corpora', entries, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('forgets the corpora of a deleted .phrasebook folder, and their problems', async () => {
    await write(file('.phrasebook', 'broken.md'), '');
    await waitFor('a diagnostic for broken.md', () => diagnosticsOf(file('.phrasebook', 'broken.md')).length > 0);
    await vscode.workspace.fs.delete(file('.phrasebook'), { recursive: true });
    const inFolder = () => api.library.corpora.filter((loaded) => loaded.uri.path.includes('/.phrasebook/'));
    await waitFor('the workspace corpora to go', () => inFolder().length === 0);
    assert.deepEqual(diagnosticsOf(file('.phrasebook', 'broken.md')), []);
    // With team.md gone, shared/clash.md no longer clashes and gets its own id back.
    assert.deepEqual([...corpusIds()].sort(), ['builtin', 'personal', 'team']);
    assert.match(api.library.corpora.find((loaded) => loaded.corpus.id === 'team')!.uri.path, /shared\/clash\.md$/);
  });

  it('hides the built-in corpus with phrasebook.builtinCorpus.enabled', async () => {
    const config = vscode.workspace.getConfiguration('phrasebook');
    await config.update('builtinCorpus.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the built-in corpus to go', () => !corpusIds().includes('builtin'));
    } finally {
      await config.update('builtinCorpus.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the built-in corpus to come back', () => corpusIds().includes('builtin'));
  });
});
