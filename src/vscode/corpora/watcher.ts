// File watchers for the corpus locations. A changed file is reported as such (re-read it); a created or
// deleted one means the set of files may differ (look again).
import * as vscode from 'vscode';
import { FOLDER_CORPUS_GLOB, WORKSPACE_CORPUS_FOLDER, WORKSPACE_CORPUS_GLOB } from '../../core/sources';
import { DisposableStore } from '../common/disposable';
import type { CorpusLocation } from './locations';

export interface WatchEvents {
  changed(uri: vscode.Uri): void;
  createdOrDeleted(uri: vscode.Uri): void;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.replace(/\/+$/, '').replace(/^.*\//, '');
}

function patternsFor(location: CorpusLocation): vscode.RelativePattern[] {
  if (location.pattern === undefined) {
    // A single path: the file itself, or the Markdown files of the folder it may be.
    return [
      new vscode.RelativePattern(vscode.Uri.joinPath(location.base, '..'), baseName(location.base)),
      new vscode.RelativePattern(location.base, FOLDER_CORPUS_GLOB),
    ];
  }
  const patterns = [new vscode.RelativePattern(location.base, location.pattern)];
  // Deleting or renaming the whole `.phrasebook` folder may report only the folder itself.
  if (location.pattern === WORKSPACE_CORPUS_GLOB) patterns.push(new vscode.RelativePattern(location.base, WORKSPACE_CORPUS_FOLDER));
  return patterns;
}

export class CorpusWatcher implements vscode.Disposable {
  private readonly watchers = new DisposableStore();

  constructor(private readonly events: WatchEvents) {}

  /** Replaces the watchers with ones for `locations`. */
  watch(locations: readonly CorpusLocation[]): void {
    this.watchers.clear();
    for (const pattern of locations.flatMap(patternsFor)) {
      const watcher = this.watchers.add(vscode.workspace.createFileSystemWatcher(pattern));
      this.watchers.add(watcher.onDidChange((uri) => this.events.changed(uri)));
      this.watchers.add(watcher.onDidCreate((uri) => this.events.createdOrDeleted(uri)));
      this.watchers.add(watcher.onDidDelete((uri) => this.events.createdOrDeleted(uri)));
    }
  }

  dispose(): void {
    this.watchers.dispose();
  }
}
