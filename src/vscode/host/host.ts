// What differs between the Node extension host (desktop, remote) and the browser's web worker host
// (VS Code for the Web). Each entry point (src/extension.node.ts, src/extension.web.ts) passes its own,
// so nothing the browser bundle imports touches a Node built-in.
import type { PathApi } from '../../core/sources';
import type { CorpusWorkspace } from '../../core/workspace';
import type * as vscode from 'vscode';

export interface Host {
  /** 'web': the web worker extension host, where there is no local file system or home folder. */
  readonly kind: 'node' | 'web';
  /** Whether VS Code runs on macOS, so key chords are shown as there (`Cmd+K`); from the browser's platform on the web. */
  readonly isMac: boolean;
  /** The user's home folder for `~/` corpus paths; undefined where there is none (the browser). */
  homeFolder(): string | undefined;
  /** Path functions for setting entries: the platform's on Node, POSIX in the browser. */
  readonly path: PathApi;
  /** Where the writer's corpus files are read: the host's own disk for file: URIs on Node, VS Code's file systems in the browser. */
  corpusWorkspace(): CorpusWorkspace;
  /** Word export: the real command on Node; in the browser one that says it is not available there. */
  registerExportDocx(): vscode.Disposable;
}
