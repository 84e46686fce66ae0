import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, editorWith, parseMarked, setSetting, waitFor, workspaceUri } from './helpers';

const ID = 'builtin/llxx.11';
let TEXT = '';
let TITLE = '';

async function insert(arg: unknown = ID): Promise<boolean> {
  return vscode.commands.executeCommand<boolean>('phrasebook.insert', arg);
}

describe('inserting an item', () => {
  before(async () => {
    const item = (await api()).library.findItem(ID)!;
    TEXT = item.text;
    TITLE = item.title;
  });
  afterEach(async () => {
    await setSetting('insert.format', undefined);
    await setSetting('insert.titleStyle', undefined);
    await closeAllEditors();
  });

  it('inserts at the cursor with a blank line on each side, between paragraphs', async () => {
    const editor = await editorWith('上文\n|\n下文\n');
    assert.equal(await insert(), true);
    assert.equal(editor.document.getText(), `上文\n\n${TEXT}\n\n下文\n`);
  });

  it('adds no blank lines where there already are some', async () => {
    const editor = await editorWith('上文\n\n|\n\n下文\n');
    await insert();
    assert.equal(editor.document.getText(), `上文\n\n${TEXT}\n\n下文\n`);
  });

  it('splits a paragraph when the cursor is inside a line', async () => {
    const editor = await editorWith('前半句|后半句\n');
    await insert();
    assert.equal(editor.document.getText(), `前半句\n\n${TEXT}\n\n后半句\n`);
  });

  it('replaces the selection', async () => {
    const editor = await editorWith('# 标题\n\n[旧的段落]\n');
    await insert();
    assert.equal(editor.document.getText(), `# 标题\n\n${TEXT}\n`);
  });

  it('inserts at every cursor as one undo step; one undo restores the document exactly', async () => {
    const marked = '# 一\n\n|\n\n# 二\n\n[替换我]\n\n# 三\n|';
    const editor = await editorWith(marked);
    const original = parseMarked(marked).text;
    await insert();
    assert.equal(editor.document.getText(), `# 一\n\n${TEXT}\n\n# 二\n\n${TEXT}\n\n# 三\n\n${TEXT}`);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('writes CRLF into a CRLF document', async () => {
    const editor = await editorWith('上文\r\n|\r\n下文\r\n');
    await editor.edit((builder) => builder.setEndOfLine(vscode.EndOfLine.CRLF));
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    await insert('builtin/llxx.12');
    const text = editor.document.getText();
    assert.ok(text.includes('\r\n\r\n有的党员'), JSON.stringify(text.slice(0, 40)));
    assert.doesNotMatch(text, /[^\r]\n/, 'no bare LF');
  });

  it('works in any text editor when invoked explicitly', async () => {
    const editor = await editorWith('a\n|', 'plaintext');
    await insert();
    assert.equal(editor.document.getText(), `a\n\n${TEXT}`);
  });

  describe('phrasebook.insert.format', () => {
    it('listItem', async () => {
      await setSetting('insert.format', 'listItem');
      const editor = await editorWith('- 已有一条\n|');
      await insert();
      assert.equal(editor.document.getText(), `- 已有一条\n\n- ${TEXT}`);
    });

    it('numbered continues the list above', async () => {
      await setSetting('insert.format', 'numbered');
      const editor = await editorWith('## 一、理论学习\n\n1. 甲\n\n2. 乙\n\n|');
      await insert();
      assert.equal(editor.document.getText(), `## 一、理论学习\n\n1. 甲\n\n2. 乙\n\n3. ${TEXT}`);
    });

    it('heading+paragraph with a bold lead sentence (default title style)', async () => {
      await setSetting('insert.format', 'heading+paragraph');
      const editor = await editorWith('|');
      await insert();
      // The title's 。 goes after the closing ** so that Markdown renders the bold.
      assert.equal(editor.document.getText(), `**${TITLE.slice(0, -1)}**${TEXT.slice(TITLE.length - 1)}`);
      assert.match(TITLE, /[。！？；]$/);
    });

    it('heading+paragraph with a heading', async () => {
      await setSetting('insert.format', 'heading+paragraph');
      await setSetting('insert.titleStyle', 'heading');
      const editor = await editorWith('|');
      await insert();
      assert.equal(editor.document.getText(), `### ${TITLE}\n\n${TEXT.slice(TITLE.length)}`);
    });

    it('paragraph is the default', async () => {
      const editor = await editorWith('|');
      await insert();
      assert.equal(editor.document.getText(), TEXT);
    });
  });

  describe('when it cannot insert', () => {
    let restore: (() => void) | undefined;
    afterEach(() => {
      restore?.();
      restore = undefined;
    });

    /** Replaces a vscode.window message function for one test; records the messages. */
    function stubMessage(name: 'showInformationMessage' | 'showWarningMessage', answer?: string): string[] {
      const window = vscode.window as unknown as Record<string, unknown>;
      const original = window[name];
      const messages: string[] = [];
      window[name] = async (message: string) => {
        messages.push(message);
        return answer;
      };
      restore = () => (window[name] = original);
      return messages;
    }

    it('refuses a read-only document with a message, changing nothing', async () => {
      const uri = workspaceUri(`scratch-readonly-${Date.now()}.md`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('只读\n'));
      try {
        const editor = await vscode.window.showTextDocument(uri);
        await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
        // The flag reaches the editor asynchronously: probe until an edit no longer goes through (undoing
        // any that did), rather than sleeping for a time that suits an idle machine only.
        await waitFor('the editor to turn read-only', async () => {
          const version = editor.document.version;
          const edited = await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '·'));
          if (!edited || editor.document.version === version) return true;
          await vscode.commands.executeCommand('undo');
          return false;
        });
        const messages = stubMessage('showWarningMessage');
        assert.equal(await insert(), false);
        assert.equal(editor.document.getText(), '只读\n');
        assert.equal(editor.document.isDirty, false);
        assert.equal(messages.length, 1);
        assert.match(messages[0], /read-only|只读/);
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.resetActiveEditorReadonlyInSession');
        await closeAllEditors();
        await vscode.workspace.fs.delete(uri);
      }
    });

    it('with no editor, offers a new Markdown document and inserts there', async () => {
      await closeAllEditors();
      assert.equal(vscode.window.activeTextEditor, undefined);
      const messages = stubMessage('showInformationMessage', 'New Markdown Document');
      assert.equal(await insert(), true);
      assert.equal(messages.length, 1);
      const editor = await waitFor('the new document', () => vscode.window.activeTextEditor);
      assert.equal(editor.document.languageId, 'markdown');
      assert.equal(editor.document.isUntitled, true);
      assert.equal(editor.document.getText(), TEXT);
    });

    it('with no editor, does nothing when the offer is declined', async () => {
      await closeAllEditors();
      const messages = stubMessage('showInformationMessage', undefined);
      assert.equal(await insert(), false);
      assert.equal(messages.length, 1);
      assert.equal(vscode.window.activeTextEditor, undefined);
    });

    it('an unknown item id is reported, not inserted', async () => {
      const editor = await editorWith('|');
      const messages = stubMessage('showWarningMessage');
      assert.equal(await insert('builtin/nope.99'), false);
      assert.equal(editor.document.getText(), '');
      assert.equal(messages.length, 1);
    });
  });
});
