// The entry point of the Node extension host (package.json `main`): desktop and remote windows.
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { activate as activateShared } from './extension';
import { registerExportDocx } from './vscode/export/exportDocx';
import type { Host } from './vscode/host/host';
import { NodeCorpusWorkspace } from './vscode/corpora/nodeCorpusWorkspace';

const nodeHost: Host = {
  kind: 'node',
  isMac: process.platform === 'darwin',
  homeFolder: () => os.homedir(),
  path,
  corpusWorkspace: () => new NodeCorpusWorkspace(),
  registerExportDocx,
};

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateShared> {
  return activateShared(context, nodeHost);
}

export { deactivate } from './extension';
