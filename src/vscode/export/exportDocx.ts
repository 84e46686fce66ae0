// Phrasebook: Export as Word Document (公文格式)… — the active (or chosen) Markdown file → <name>.docx beside it.
import * as vscode from 'vscode';
import { exportDocx, type DocxStyleOptions } from '../../core/export';
import { warningText } from './warningText';
import { confirmReplace, exists } from '../common/replace';
import { EXPORT_DOCX_COMMAND } from './commandId';

export { EXPORT_DOCX_COMMAND };

/** How many warnings the notification lists; the rest are counted. */
const LISTED_WARNINGS = 3;

/** The `phrasebook.export.*` settings are named as the exporter's options. */
function styleOptions(scope: vscode.Uri): DocxStyleOptions {
  const config = vscode.workspace.getConfiguration('phrasebook.export', scope);
  const keys: (keyof DocxStyleOptions)[] = [
    'titleFont', 'titleSize', 'heading1Font', 'heading2Font', 'heading3Font', 'headingSize', 'bodyFont', 'bodySize',
    'latinFont', 'pageNumberFont', 'pageNumberSize', 'boldThirdLevel', 'numberHeadings',
  ];
  return Object.fromEntries(keys.map((key) => [key, config.get(key)]));
}

const fileName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

function docxUriFor(source: vscode.Uri): vscode.Uri {
  const name = fileName(source).replace(/\.[^.]*$/, '') || fileName(source);
  return vscode.Uri.joinPath(source, '..', `${name}.docx`);
}


/** An image as the Markdown names it: relative to the document's folder, absolute, or a file: URI. */
function imageReader(source: vscode.Uri) {
  const folder = vscode.Uri.joinPath(source, '..');
  return async (src: string): Promise<Uint8Array> => {
    const target = /^file:/i.test(src) ? vscode.Uri.parse(src) : /^(?:\/|[a-zA-Z]:[\\/])/.test(src) && source.scheme === 'file' ? vscode.Uri.file(src) : vscode.Uri.joinPath(folder, src);
    return vscode.workspace.fs.readFile(target);
  };
}

/** The text as the writer sees it: an open document's (unsaved edits included), else the file's. */
async function markdownOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** Written beside the target and renamed into place, so a failure leaves no half-written document. */
async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = vscode.Uri.joinPath(target, '..', `.${fileName(target)}.${Date.now()}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}


async function offerToOpen(target: vscode.Uri, warnings: string[]): Promise<void> {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Folder');
  // The web and remote workbenches have no file manager to reveal in.
  const canReveal = target.scheme === 'file' && (await vscode.commands.getCommands(true)).includes('revealFileInOS');
  const buttons = canReveal ? [open, reveal] : [open];
  const name = vscode.workspace.asRelativePath(target);
  let answer: string | undefined;
  if (warnings.length === 0) {
    answer = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', name), ...buttons);
  } else {
    const listed = warnings.slice(0, LISTED_WARNINGS).join(' ');
    const more = warnings.length > LISTED_WARNINGS ? ` ${vscode.l10n.t('({0} more)', warnings.length - LISTED_WARNINGS)}` : '';
    answer = await vscode.window.showWarningMessage(vscode.l10n.t('Exported {0}; what has no Word equivalent was kept as text: {1}', name, listed + more), ...buttons);
  }
  if (answer === open) {
    // Desktop: the system's word processor. Elsewhere VS Code itself (the browser downloads it).
    if (target.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop) await vscode.env.openExternal(target);
    else await vscode.commands.executeCommand('vscode.open', target);
  } else if (answer === reveal) {
    await vscode.commands.executeCommand('revealFileInOS', target);
  }
}

/** Exports `resource` (from the Explorer or the editor title) or the active Markdown editor's document. */
export async function exportDocxCommand(resource?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a Markdown document to export it as a Word document.'));
    return undefined;
  }
  if (source.scheme === 'untitled') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Save "{0}" first: the Word document is written beside it.', fileName(source)));
    return undefined;
  }
  const target = docxUriFor(source);
  if ((await exists(target)) && !(await confirmReplace(target))) return undefined;
  try {
    const warnings = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} as a Word document…', fileName(source)) },
      async (progress) => {
        let reported = 0;
        const result = await exportDocx(await markdownOf(source), {
          ...styleOptions(source),
          readImage: imageReader(source),
          fallbackTitle: fileName(source).replace(/\.[^.]*$/, ''),
          onProgress: (fraction) => {
            progress.report({ increment: (fraction - reported) * 100 });
            reported = fraction;
          },
        });
        await writeAtomically(target, result.bytes);
        return result.warnings;
      },
    );
    void offerToOpen(target, warnings.map(warningText));
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export {0}: {1}', fileName(source), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

export function registerExportDocx(): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_DOCX_COMMAND, (resource?: vscode.Uri) => exportDocxCommand(resource));
}
