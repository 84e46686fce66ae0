// What the tree tells a writer about using an item and where a corpus lives: the how-to-insert line of an
// item's tooltip (with the real key chord from the manifest) and a corpus location a person can read.
import * as vscode from 'vscode';
import { homeShortened, keyChordLabel } from '../../core/labels';
import type { TreeEnterAction } from '../common/config';
import type { LoadedCorpus } from '../library/library';

interface ManifestKeybinding {
  command?: string;
  key?: string;
  mac?: string;
}

/**
 * The key chord package.json binds to Insert Item…, as VS Code shows it (`Ctrl+K Ctrl+;`, on macOS
 * `Cmd+K Cmd+;` per `isMac`, which the Host knows); undefined if none.
 */
export function insertKeyLabel(packageJSON: unknown, isMac: boolean): string | undefined {
  const bindings = (packageJSON as { contributes?: { keybindings?: ManifestKeybinding[] } } | undefined)?.contributes?.keybindings ?? [];
  const binding = bindings.find((entry) => entry.command === 'phrasebook.insert');
  const key = isMac ? (binding?.mac ?? binding?.key) : binding?.key;
  return key ? keyChordLabel(key, isMac) : undefined;
}

/** The tooltip's last paragraph: how this item gets into the document. */
export function insertHint(action: TreeEnterAction, insertKey: string | undefined): string {
  const lines = [
    action === 'insert'
      ? vscode.l10n.t('Click or press Enter to insert it at the cursor; right-click to preview.')
      : vscode.l10n.t('Click or press Enter to preview it; right-click and choose Insert into Editor to insert.'),
    vscode.l10n.t('Or drag it into the editor.'),
  ];
  if (insertKey) lines.push(vscode.l10n.t('In a Markdown editor, {0} searches every item.', insertKey));
  return lines.join(' ');
}

/** Plain text made safe inside Markdown: every character Markdown gives meaning to is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (char) => `\\${char}`);
}

/**
 * Where a corpus lives: "built-in", a workspace-relative path, a `~/…` path (`home` from the Host), or
 * (other schemes) its URI.
 */
export function corpusLocation(loaded: Pick<LoadedCorpus, 'builtin' | 'uri'>, home: string | undefined): string {
  if (loaded.builtin) return vscode.l10n.t('built-in');
  const uri = loaded.uri;
  if (vscode.workspace.getWorkspaceFolder(uri)) return vscode.workspace.asRelativePath(uri);
  if (uri.scheme === 'file') return homeShortened(uri.fsPath, home);
  return uri.toString(true);
}
