// Commands that write a file never replace one without asking: the check and the question, in one place.
import * as vscode from 'vscode';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A modal question; true only when the writer chose Replace. */
export async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('"{0}" already exists. Replace it? Changes made to it by hand will be lost.', vscode.workspace.asRelativePath(target)),
    { modal: true },
    replace,
  );
  return answer === replace;
}
