// Where the writer's corpora are, from the settings and the workspace: every workspace folder's
// `.phrasebook/` folder and the entries of `phrasebook.corpora` (user and workspace entries apply to every
// folder, a folder's own entries only to that folder).
import * as vscode from 'vscode';
import { costlyGlobEntries, homeRelativeEntries, resolveCorpusEntries, resolveVirtualFolderEntries, WORKSPACE_CORPUS_GLOB, type WorkspaceFolderInfo } from '../../core/sources';
import type { Host } from '../host/host';

export const CORPORA_SETTING = 'phrasebook.corpora';

export interface CorpusLocation {
  base: vscode.Uri;
  /** Undefined: `base` names a single path, a file or a folder. */
  pattern?: string;
}

function asEntries(value: unknown): unknown[] {
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/**
 * Why entries name nothing here: `~/…` where the host has no home folder, or a pattern too costly to
 * match (core isCostlyGlob), which is left out rather than let it freeze a walk.
 */
export type UnusableReason = 'homeless' | 'costlyGlob';

/** Told, on every resolve and for each reason, the entries left out (none, mostly). */
export type UnusableEntries = (entries: string[], reason: UnusableReason) => void;

export function corpusLocations(host: Host, onUnusable?: UnusableEntries): CorpusLocation[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const info = (folder: vscode.WorkspaceFolder): WorkspaceFolderInfo => ({ name: folder.name, path: folder.uri.fsPath });
  // Setting entries are file-system paths for local folders; in virtual folders (vscode.dev) only the
  // folder-relative ones resolve, along the folder URI's path.
  const home = host.homeFolder();
  const costly = new Set<string>();
  const resolveIn = (entries: unknown[], within: readonly vscode.WorkspaceFolder[]): CorpusLocation[] => {
    const local = resolveCorpusEntries(entries, { folders: within.filter((folder) => folder.uri.scheme === 'file').map(info), home, pathApi: host.path });
    const virtual = within.filter((folder) => folder.uri.scheme !== 'file');
    const remote = virtual.length === 0 ? [] : resolveVirtualFolderEntries(entries, virtual.map((folder) => ({ name: folder.name, path: folder.uri.path })));
    const leftOut = costlyGlobEntries([...local, ...remote]);
    for (const entry of leftOut) costly.add(entry);
    const usable = (location: { entry: string }) => !leftOut.includes(location.entry);
    return [
      ...local.filter(usable).map((location) => ({ base: vscode.Uri.file(location.base), pattern: location.pattern })),
      ...remote.filter(usable).map((location) => ({
        base: virtual.find((folder) => folder.name === location.folder)!.uri.with({ path: location.base }),
        pattern: location.pattern,
      })),
    ];
  };
  const entries = asEntries(vscode.workspace.getConfiguration('phrasebook').get<unknown>('corpora'));
  const resolved = resolveIn(entries, folders);
  const homeless: string[] = home === undefined ? homeRelativeEntries(entries) : [];
  if (folders.length > 1) {
    for (const folder of folders) {
      const own = asEntries(vscode.workspace.getConfiguration('phrasebook', folder.uri).inspect<unknown>('corpora')?.workspaceFolderValue);
      resolved.push(...resolveIn(own, [folder]));
      if (home === undefined) homeless.push(...homeRelativeEntries(own));
    }
  }
  onUnusable?.(homeless, 'homeless');
  onUnusable?.([...costly], 'costlyGlob');
  return [...folders.map((folder) => ({ base: folder.uri, pattern: WORKSPACE_CORPUS_GLOB })), ...resolved];
}

/** Fires when the locations may have changed: the setting, or the workspace folders. */
export function onDidChangeLocations(listener: () => void): vscode.Disposable {
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(CORPORA_SETTING)) listener();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(listener),
  ];
  return vscode.Disposable.from(...subscriptions);
}
