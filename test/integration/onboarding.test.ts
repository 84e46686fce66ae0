import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, editorWith, markdownEditor, setSetting, waitFor, workspaceUri } from './helpers';
import { acceptSuggestion } from './suggest';

const QUICK = 'editor.quickSuggestions';
const ON = { other: 'on', comments: 'off', strings: 'off' };
const markdown = () => vscode.workspace.getConfiguration('', { languageId: 'markdown' });
const { Global, Workspace } = vscode.ConfigurationTarget;

/** Removes what these tests write; touches a settings file only where there is something to remove. */
async function clearMarkdownKeys(): Promise<void> {
  for (const [target, value] of [[Global, 'globalLanguageValue'], [Workspace, 'workspaceLanguageValue']] as const) {
    for (const key of [QUICK, 'editor.wordWrap']) {
      if (markdown().inspect(key)?.[value] !== undefined) await markdown().update(key, undefined, target, true);
    }
  }
}

describe('Enable Suggestions While Typing in Markdown', () => {
  const settingsFolder = workspaceUri('.vscode').fsPath;
  const hadSettingsFolder = fs.existsSync(settingsFolder);

  beforeEach(clearMarkdownKeys);
  after(async () => {
    await clearMarkdownKeys();
    if (!hadSettingsFolder) fs.rmSync(settingsFolder, { recursive: true, force: true });
    await closeAllEditors();
  });

  for (const [level, target, valueKey] of [
    ['user', Global, 'globalLanguageValue'],
    ['workspace', Workspace, 'workspaceLanguageValue'],
  ] as const) {
    it(`writes [markdown] editor.quickSuggestions in ${level} settings and keeps the block's other keys`, async () => {
      await markdown().update('editor.wordWrap', 'bounded', target, true);
      const before = markdown().get(QUICK);
      const result = await vscode.commands.executeCommand<any>('phrasebook.enableSuggestions', { level, notify: false });
      assert.equal(result.level, level);
      assert.equal(result.before, undefined);
      assert.deepEqual(result.after, ON);
      const quick = markdown().inspect(QUICK)!;
      assert.deepEqual(quick[valueKey], ON);
      // Only the chosen level and only the Markdown block: the other level and plain `editor.quickSuggestions` stay as they were.
      assert.equal(quick[level === 'user' ? 'workspaceLanguageValue' : 'globalLanguageValue'], undefined);
      assert.deepEqual(vscode.workspace.getConfiguration('editor').inspect(QUICK)![level === 'user' ? 'globalValue' : 'workspaceValue'], undefined);
      assert.equal(markdown().inspect('editor.wordWrap')![valueKey], 'bounded', 'the other [markdown] key was lost');
      assert.notDeepEqual(before, markdown().get(QUICK));
      if (level === 'workspace') {
        const written = JSON.parse(fs.readFileSync(workspaceUri('.vscode', 'settings.json').fsPath, 'utf8'));
        assert.deepEqual(written['[markdown]'], { 'editor.wordWrap': 'bounded', [QUICK]: ON });
      }
    });
  }

  it('asks the level in a Quick Pick when run without one (palette, walkthrough); the first choice is User Settings', async () => {
    let done = false;
    const running = Promise.resolve(vscode.commands.executeCommand<any>('phrasebook.enableSuggestions')).finally(() => (done = true));
    // The pick opens when it opens: accept whatever is selected until the command has its answer.
    await waitFor('the level chosen', async () => done || (await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'), done));
    const result = await running;
    assert.equal(result.level, 'user');
    assert.deepEqual(markdown().inspect(QUICK)!.globalLanguageValue, ON);
  });

  it('reports what was there before when run a second time', async () => {
    await markdown().update(QUICK, { other: 'inline', comments: 'off', strings: 'off' }, Global, true);
    const result = await vscode.commands.executeCommand<any>('phrasebook.enableSuggestions', { level: 'user', notify: false });
    assert.deepEqual(result.before, { other: 'inline', comments: 'off', strings: 'off' });
    assert.deepEqual(markdown().inspect(QUICK)!.globalLanguageValue, ON);
  });
});

describe('the offer to turn on suggestions', () => {
  let asked: string[][];
  let enabled: number;

  /** Accepts the built-in item `llxx11` from the suggest widget (Ctrl+Space, Enter): its prefix replaced by its text. */
  async function useSnippet(): Promise<void> {
    const editor = await editorWith('# 材料\n\nllxx11|');
    await acceptSuggestion(editor);
    const { library } = await api();
    await waitFor('the snippet text', () => editor.document.getText().includes(library.findItem('builtin/llxx.11')!.text));
  }

  beforeEach(async () => {
    const { suggestionOffer } = await api();
    await suggestionOffer.reset();
    await clearMarkdownKeys();
    asked = [];
    enabled = 0;
    suggestionOffer.ask = async (message, ...choices) => {
      asked.push([message, ...choices]);
      return choices[0]; // "Turn On…"
    };
    suggestionOffer.enable = async () => void enabled++;
  });
  afterEach(async () => {
    await (await api()).suggestionOffer.reset();
    await clearMarkdownKeys();
    await closeAllEditors();
  });

  it('is made after the first snippet use, once, and "Turn On…" runs the command', async () => {
    const { suggestionOffer } = await api();
    assert.equal(suggestionOffer.offered, false);
    await useSnippet();
    await waitFor('the offer', () => asked.length === 1 && enabled === 1);
    assert.match(asked[0][0], /snippets/);
    assert.deepEqual(asked[0].slice(1), ['Turn On…', "Don't Ask Again"]);
    assert.equal(suggestionOffer.offered, true, 'the offer is not remembered');
    // Used again: not asked again, from the detector or directly.
    await useSnippet();
    assert.equal(await suggestionOffer.snippetUsed(), 'skipped');
    assert.equal(asked.length, 1);
  });

  it('"Don\'t Ask Again" changes no setting and is remembered', async () => {
    const { suggestionOffer } = await api();
    suggestionOffer.ask = async (message, ...choices) => {
      asked.push([message, ...choices]);
      return choices[1];
    };
    assert.equal(await suggestionOffer.snippetUsed(), 'declined');
    assert.equal(enabled, 0);
    assert.equal(markdown().inspect(QUICK)!.globalLanguageValue, undefined);
    assert.equal(await suggestionOffer.snippetUsed(), 'skipped');
    assert.equal(asked.length, 1);
  });

  it('is not made when suggestions are on already', async () => {
    const { suggestionOffer } = await api();
    await markdown().update(QUICK, ON, Global, true);
    assert.equal(await suggestionOffer.snippetUsed(), 'skipped');
    assert.equal(asked.length, 0);
    assert.equal(suggestionOffer.offered, false, 'a skipped offer must stay available');
  });

  it('is not made for an item inserted from the pick or the tree over a short selection', async () => {
    const { suggestionOffer, library } = await api();
    const editor = await editorWith('# 材料\n\n[llxx11]');
    const text = library.findItem('builtin/llxx.11')!.text;
    assert.equal(await vscode.commands.executeCommand('phrasebook.insert', 'builtin/llxx.11'), true);
    // The change event arrives before the edit resolves: the detector has seen it.
    assert.ok(editor.document.getText().includes(text));
    assert.equal(suggestionOffer.offered, false, 'our own insert was taken for a snippet');
    assert.equal(asked.length, 0);
  });

  it('watches for a snippet use only while the offer can be made: not once made, not while suggestions are on', async () => {
    const { suggestionOffer } = await api();
    assert.equal(suggestionOffer.watching, true);
    await markdown().update(QUICK, ON, Global, true);
    await waitFor('the detector stopped (suggestions on)', () => !suggestionOffer.watching);
    await clearMarkdownKeys();
    await waitFor('the detector back (suggestions off)', () => suggestionOffer.watching);
    assert.equal(await suggestionOffer.snippetUsed(), 'enabled');
    assert.equal(suggestionOffer.watching, false, 'still watching after the offer was made');
  });

  it('shows the error when turning suggestions on fails (a broken settings.json), instead of failing silently', async () => {
    const { suggestionOffer } = await api();
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showErrorMessage;
    const errors: string[] = [];
    window.showErrorMessage = async (message: string) => void errors.push(message);
    suggestionOffer.enable = async () => {
      throw new Error('Unable to write into user settings. Please open the user settings to correct errors/warnings in it and try again.');
    };
    try {
      assert.equal(await suggestionOffer.snippetUsed(), 'failed');
    } finally {
      window.showErrorMessage = original;
    }
    assert.equal(errors.length, 1);
    assert.match(errors[0], /Unable to write into user settings/);
  });

  it('is not made for a paragraph typed or pasted over nothing', async () => {
    const { suggestionOffer, library } = await api();
    const editor = await markdownEditor('# 材料\n\n');
    const text = library.findItem('builtin/llxx.11')!.text;
    await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), text));
    // The document's text and the change event arrive together: once the text is there, the detector has seen it.
    await waitFor('the pasted text', () => editor.document.getText().includes(text));
    assert.equal(suggestionOffer.offered, false);
    assert.equal(asked.length, 0);
    await useSnippet();
    await waitFor('the offer', () => asked.length === 1);
    assert.equal(suggestionOffer.offered, true);
  });
});

describe('the Library view when it cannot show items', () => {
  const corpusFolder = workspaceUri('.phrasebook');
  const hadCorpusFolder = fs.existsSync(corpusFolder.fsPath);
  after(async () => {
    await setSetting('builtinCorpus.enabled', undefined);
    await setSetting('tree.enterAction', undefined);
    if (!hadCorpusFolder) fs.rmSync(corpusFolder.fsPath, { recursive: true, force: true });
    await closeAllEditors();
  });

  it('says how to insert when no Markdown editor is open, what a click does per the setting, and nothing once one is', async () => {
    const { treeView, libraryState } = await api();
    await closeAllEditors();
    await waitFor('ready', () => libraryState.state === 'ready');
    const message = await waitFor('the hint', () => treeView.message);
    assert.match(message, /Markdown/);
    assert.match(message, /Ctrl\+K Ctrl\+;|Cmd\+K Cmd\+;/);
    assert.match(message, /click an item \(or press Enter on it\) to insert it/);
    await setSetting('tree.enterAction', 'preview');
    await waitFor('the hint for a click that previews', () => /Click an item to preview it/.test(treeView.message ?? ''));
    await setSetting('tree.enterAction', undefined);
    await waitFor('the hint for a click that inserts', () => /to insert it/.test(treeView.message ?? ''));
    await markdownEditor('# 材料\n');
    await waitFor('no hint', () => treeView.message === undefined);
  });

  it('with the built-in corpus off: "empty" with no corpus, "noItems" once a new corpus (examples in a comment) is there, and back', async () => {
    const { library, libraryState } = await api();
    // The fixture workspace has no corpus of its own: what a newcomer meets.
    assert.deepEqual(library.corpora.filter((loaded) => !loaded.builtin).map((loaded) => loaded.uri.toString(true)), []);
    await setSetting('builtinCorpus.enabled', false);
    await waitFor('the "empty" state', () => libraryState.state === 'empty');
    const created = await vscode.commands.executeCommand<vscode.Uri>('phrasebook.newCorpus', { title: '新素材', id: 'onboarding-new', open: false });
    assert.equal(created.toString(), vscode.Uri.joinPath(corpusFolder, 'onboarding-new.md').toString());
    await waitFor('the "noItems" state', () => libraryState.state === 'noItems');
    assert.equal(library.items.length, 0);
    await vscode.workspace.fs.delete(created);
    await waitFor('"empty" again', () => libraryState.state === 'empty');
    await setSetting('builtinCorpus.enabled', undefined);
    await waitFor('ready again', () => libraryState.state === 'ready');
  });

  it('is "failed" when the built-in corpus is on but gave nothing, whatever else is loaded', async () => {
    const { libraryState } = await api();
    // A second view on a library the test controls (the extension's class, from its own instance).
    const View = (libraryState as object).constructor as new (...args: unknown[]) => { state: string; loadFinished(): void; dispose(): void };
    const changed = new vscode.EventEmitter<void>();
    const fake = { items: [] as unknown[], corpora: [] as unknown[], onDidChange: changed.event };
    let builtinFailed = true;
    const view = new View(fake, { message: undefined }, () => builtinFailed, 'Ctrl+K Ctrl+;');
    try {
      assert.equal(view.state, 'loading');
      view.loadFinished();
      assert.equal(view.state, 'failed');
      fake.corpora = [{}];
      changed.fire();
      assert.equal(view.state, 'failed', 'a broken built-in corpus is reported even beside an empty corpus');
      builtinFailed = false;
      changed.fire();
      assert.equal(view.state, 'noItems');
      fake.corpora = [];
      changed.fire();
      assert.equal(view.state, 'empty');
      fake.items = [{}];
      changed.fire();
      assert.equal(view.state, 'ready');
    } finally {
      view.dispose();
      changed.dispose();
      // The second view wrote the context key the welcome content reads: give it back the extension's state.
      await vscode.commands.executeCommand('setContext', 'phrasebook.libraryState', libraryState.state);
    }
  });
});

describe('the walkthrough', () => {
  it('opens by its id, and every step is contributed with a button and a completion event', async () => {
    await api(); // the buttons' commands are registered on activation
    const extension = vscode.extensions.getExtension('phrasebook.phrasebook')!;
    // packageJSON holds the localized strings; the file has the %keys%.
    const manifest = JSON.parse(fs.readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'package.json').fsPath, 'utf8'));
    const [walkthrough] = manifest.contributes.walkthroughs;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension.id}#${walkthrough.id}`, false);
    await waitFor('the walkthrough tab', () => vscode.window.tabGroups.activeTabGroup.activeTab?.label);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, step.id);
      const nls = step.description.replace(/^%|%$/g, '');
      for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
        const text = JSON.parse(fs.readFileSync(vscode.Uri.joinPath(extension.extensionUri, file).fsPath, 'utf8'))[nls];
        const commands = [...text.matchAll(/\]\(command:([\w.]+)/g)].map((match) => match[1]);
        assert.ok(commands.length > 0, `${file} ${nls}: no button`);
        for (const command of commands) assert.ok(registered.has(command), `${command} is not a command`);
      }
      const media = step.media.image ?? step.media.markdown;
      assert.ok(fs.existsSync(vscode.Uri.joinPath(extension.extensionUri, media).fsPath), media);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
