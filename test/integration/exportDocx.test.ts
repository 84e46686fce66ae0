import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { api, closeAllEditors, markdownEditor, waitFor } from './helpers';

const REPORT = '# 工作总结\n\n## 一、主要成绩\n\n全年完成各项任务。\n\n```\nnpm test\n```\n';

describe('Export as Word Document (公文格式)', function () {
  // A ceiling for a loaded machine, not a speed requirement.
  this.timeout(180_000);
  const window = vscode.window as unknown as Record<string, unknown>;
  const originals = { info: window.showInformationMessage, warning: window.showWarningMessage };
  let messages: { kind: 'info' | 'warning'; text: string; modal: boolean; buttons: string[] }[];
  let replaceAnswer: 'Replace' | undefined;
  const written: string[] = [];

  before(async () => {
    await api();
  });
  beforeEach(() => {
    messages = [];
    replaceAnswer = undefined;
    const stub = (kind: 'info' | 'warning') => async (text: string, ...rest: unknown[]) => {
      const modal = typeof rest[0] === 'object' && rest[0] !== null && (rest[0] as vscode.MessageOptions).modal === true;
      const buttons = rest.filter((item): item is string => typeof item === 'string');
      messages.push({ kind, text, modal, buttons });
      return modal ? buttons.find((button) => button === replaceAnswer) : undefined;
    };
    window.showInformationMessage = stub('info');
    window.showWarningMessage = stub('warning');
  });
  afterEach(async () => {
    window.showInformationMessage = originals.info;
    window.showWarningMessage = originals.warning;
    await closeAllEditors();
  });
  after(() => {
    for (const file of written) fs.rmSync(file, { force: true });
  });

  it('exports the active Markdown document to <name>.docx beside it and reports what it could not map', async () => {
    const editor = await markdownEditor(REPORT);
    const source = editor.document.uri;
    const target = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.exportDocx');
    assert.ok(target, 'the command returns the written file');
    written.push(target.fsPath);
    assert.equal(target.fsPath, source.fsPath.replace(/\.md$/, '.docx'));
    const bytes = fs.readFileSync(target.fsPath);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const notice = await waitFor('the export notification', () => messages.find((message) => !message.modal && message.text.includes(path.basename(target.fsPath))), 60_000);
    // The code block has no 公文 equivalent: the notification says so, with its line.
    assert.equal(notice.kind, 'warning');
    assert.match(notice.text, /\.docx/);
    assert.match(notice.text, /7/);
    assert.ok(notice.buttons.length >= 1, 'it offers to open the document');
    assert.deepEqual(fs.readdirSync(fs.realpathSync(target.fsPath + '/..')).filter((name) => name.endsWith('.tmp')), []);
  });

  it('asks before replacing an existing document, and keeps it when told no', async () => {
    const editor = await markdownEditor('# 标题\n\n正文。\n');
    const target = vscode.Uri.file(editor.document.uri.fsPath.replace(/\.md$/, '.docx'));
    written.push(target.fsPath);
    fs.writeFileSync(target.fsPath, 'edited by hand');
    assert.equal(await vscode.commands.executeCommand('phrasebook.exportDocx'), undefined);
    const asked = messages.filter((message) => message.modal);
    assert.equal(asked.length, 1);
    assert.match(asked[0].text, /\.docx/);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'edited by hand');

    replaceAnswer = 'Replace';
    const replaced = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.exportDocx');
    assert.equal(replaced.fsPath, target.fsPath);
    assert.equal(fs.readFileSync(target.fsPath).subarray(0, 2).toString(), 'PK');
    const notice = await waitFor('the export notification', () => messages.find((message) => !message.modal && message.text.includes(path.basename(target.fsPath))), 60_000);
    assert.equal(notice.kind, 'info', 'nothing to report for plain text');
  });

  it('exports a file given by the Explorer without opening it, using its settings', async () => {
    const editor = await markdownEditor('# 述职报告\n\n## 总体\n');
    const uri = editor.document.uri;
    await closeAllEditors();
    fs.writeFileSync(uri.fsPath, '# 述职报告\n\n## 总体\n');
    await vscode.workspace.getConfiguration('phrasebook.export').update('numberHeadings', true, vscode.ConfigurationTarget.Global);
    try {
      const target = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.exportDocx', uri);
      written.push(target.fsPath, uri.fsPath);
      const zip = await JSZip.loadAsync(fs.readFileSync(target.fsPath));
      assert.match(await zip.file('word/document.xml')!.async('string'), /一、<\/w:t>/);
    } finally {
      await vscode.workspace.getConfiguration('phrasebook.export').update('numberHeadings', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
