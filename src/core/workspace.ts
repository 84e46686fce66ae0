// The little a corpus loader needs from a file system, so corpus discovery and the "keep the last good
// version" policy run the same over vscode.workspace.fs (local, remote, virtual) and over an in-memory
// workspace in unit tests. Resources are URI strings the implementation made (joinPath) or was given;
// the core only compares and passes them back.

/** What a stat reports, links already followed. `other`: a FIFO, a socket, a device — never read. */
export type FileKind = 'file' | 'directory' | 'other';

export interface FileInfo {
  kind: FileKind;
  /** The resource is a symbolic link (its kind and times are the target's). */
  isLink: boolean;
  size: number;
  /** Milliseconds; with `ctime` and `size` they tell a link's target from another file. */
  mtime: number;
  ctime: number;
}

export interface DirectoryEntry {
  name: string;
  kind: FileKind;
  isLink: boolean;
}

export interface CorpusWorkspace {
  /** Undefined when nothing is there (or it cannot be reached). */
  stat(resource: string): Promise<FileInfo | undefined>;
  /** The folder's entries; throws when it cannot be listed. */
  readDirectory(resource: string): Promise<DirectoryEntry[]>;
  readFile(resource: string): Promise<Uint8Array>;
  /** `resource` with `name` appended as one path segment, in the form the other calls accept. */
  joinPath(resource: string, name: string): string;
}
