// Test index run inside code-server by test/package/package.test.mjs against the extension as INSTALLED from
// the .vsix (not a development copy): it must activate and insert an item into a Markdown editor.
// Plain CommonJS, no build step: the .vsix under test is the only thing compiled.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

exports.run = async function run() {
  const { PHRASEBOOK_EXTENSIONS_DIR: extensionsDir, PHRASEBOOK_ITEM_ID: id, PHRASEBOOK_ITEM_TEXT: text } = process.env;
  const extension = vscode.extensions.getExtension('phrasebook.phrasebook');
  assert.ok(extension, 'phrasebook.phrasebook is not installed');
  assert.equal(path.dirname(extension.extensionPath), extensionsDir, 'the extension is not the installed one');
  await extension.activate();
  assert.ok(extension.isActive, 'the installed extension did not activate');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 对照检查材料\n\n' });
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(2, 0, 2, 0);
  assert.equal(await vscode.commands.executeCommand('phrasebook.insert', id), true, `inserting ${id} failed`);
  assert.ok(document.getText().includes(text), `the item's text is not in the editor:\n${document.getText()}`);
  console.log(`installed ${extension.id} ${extension.packageJSON.version} activated and inserted ${id}`);
  // The walkthrough, opened as a writer would from the Welcome page; the test outside checks what the
  // workbench shows and writes PHRASEBOOK_WALKTHROUGH_SEEN once it has, so this host stays up till then.
  const [walkthrough] = extension.packageJSON.contributes.walkthroughs;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension.id}#${walkthrough.id}`, false);
  console.log(`opened walkthrough ${extension.id}#${walkthrough.id}`);
  const seen = process.env.PHRASEBOOK_WALKTHROUGH_SEEN;
  for (const deadline = Date.now() + 150_000; !fs.existsSync(seen); ) {
    assert.ok(Date.now() < deadline, 'the walkthrough was not seen in the workbench');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};
