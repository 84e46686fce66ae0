import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

async function readJson(...segments: string[]): Promise<any> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, ...segments));
  return JSON.parse(new TextDecoder().decode(bytes));
}

describe('manifest conventions and localization', () => {
  let manifest: any;
  before(async () => (manifest = await readJson('package.json')));

  it('activates implicitly (plus on Markdown, for completion) and declares trust and virtual-workspace support', () => {
    // Views and commands activate implicitly; completion (every corpus, the built-in one too: it has no static
    // snippets) must be there before either is used.
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
    assert.equal(manifest.contributes.snippets, undefined, 'static snippets would show every built-in item twice');
    assert.equal(manifest.engines.vscode, '^1.90.0'); // the oldest VS Code the suite also runs in (test/runner/oldest.json)
    // phrasebook.corpora may name any file on disk: an untrusted workspace must not set it.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['phrasebook.corpora']);
    // Only workspace-relative corpora can be read in a virtual workspace.
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description, /^%.+%$/);
    assert.match(manifest.capabilities.virtualWorkspaces.description, /^%.+%$/);
  });

  it('every command has the Phrasebook category and an icon, and is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Phrasebook', command.command);
      assert.match(command.icon, /^\$\([a-z-]+\)$/, command.command);
      assert.ok(registered.has(command.command), `${command.command} is not registered`);
    }
  });

  it('tree-only commands are hidden from the Command Palette', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((entry: any) => entry.when === 'false').map((entry: any) => entry.command));
    for (const id of ['phrasebook.insertItem', 'phrasebook.copyItem', 'phrasebook.openSource', 'phrasebook.previewItem']) assert.ok(hidden.has(id), id);
    assert.ok(!hidden.has('phrasebook.insert'));
  });

  it('the key chords are Markdown-only (the pick\'s keys only in our pick) and collide with no default VS Code keybinding', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const editor = await waitFor('the default keybindings', () => vscode.window.activeTextEditor?.document.uri.scheme === 'vscode' && vscode.window.activeTextEditor);
    const defaults = editor.document.getText();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.ok(defaults.includes('"key": "ctrl+k ctrl+c"') || defaults.includes('"key": "cmd+k cmd+c"'), 'the default keybindings were read');
    for (const binding of manifest.contributes.keybindings) {
      if (binding.command.startsWith('phrasebook.pick.')) assert.equal(binding.when, 'inQuickOpen && phrasebook.pickOpen');
      else assert.match(binding.when, /editorLangId == markdown/);
      // The file lists this platform's keys, extension keybindings included: only other commands collide.
      const key = process.platform === 'darwin' ? binding.mac : binding.key;
      const owners = [...defaults.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].filter((m) => m[1] === key).map((m) => m[2]);
      assert.ok(owners.includes(binding.command), `${key} is listed for ${binding.command}`);
      assert.deepEqual(owners.filter((command) => !command.startsWith('phrasebook.')), [], `${key} is taken`);
    }
  });

  it('every setting is under phrasebook. with a description', () => {
    for (const [key, schema] of Object.entries<any>(manifest.contributes.configuration.properties)) {
      assert.match(key, /^phrasebook\./);
      assert.ok(schema.description || schema.markdownDescription, key);
    }
  });

  // The l10n bundles are checked against the code by @vscode/l10n-dev in test/unit/l10n.test.ts.
  it('every %key% of package.json exists in English and Simplified Chinese', async () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 10);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = await readJson(file);
      for (const key of keys) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `${file} lacks ${key}`);
    }
  });
});
