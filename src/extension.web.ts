// The entry point of the browser's web worker extension host (package.json `browser`): VS Code for the Web.
// esbuild bundles it for the browser with no Node polyfills, so a Node built-in anywhere below fails the build.
import type * as vscode from 'vscode';
import { posixPath } from './core/posixPath';
import { activate as activateShared } from './extension';
import { registerExportDocxUnavailable } from './vscode/export/exportDocxUnavailable';
import type { Host } from './vscode/host/host';
import { VscodeCorpusWorkspace } from './vscode/corpora/vscodeWorkspace';

/** The worker's navigator (no DOM typings here): `MacIntel`, or a user agent naming the Mac. */
const browserPlatform = (globalThis as { navigator?: { platform?: string; userAgent?: string } }).navigator;

const webHost: Host = {
  kind: 'web',
  isMac: /Mac|iPhone|iPad/.test(browserPlatform?.platform || browserPlatform?.userAgent || ''),
  homeFolder: () => undefined,
  path: posixPath,
  corpusWorkspace: () => new VscodeCorpusWorkspace(),
  registerExportDocx: registerExportDocxUnavailable,
};

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateShared> {
  return activateShared(context, webHost);
}

export { deactivate } from './extension';
