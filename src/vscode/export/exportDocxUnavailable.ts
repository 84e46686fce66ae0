// VS Code for the Web: the manifest hides Word export there (`!isWeb || remoteName`); where it still shows
// (a browser workbench whose extension runs in the web worker host), the command says why it cannot run.
// The docx writer would double the browser bundle, so it stays in the Node bundle (docs/architecture.md).
import * as vscode from 'vscode';
import { EXPORT_DOCX_COMMAND } from './commandId';

export function registerExportDocxUnavailable(): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_DOCX_COMMAND, () => {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Export as Word Document needs VS Code on the desktop (or a remote window): it is not available in VS Code for the Web.'),
    );
  });
}
