// The core's CorpusWorkspace over vscode.workspace.fs, so corpora load from local, remote and virtual
// file systems alike. Resources are URI strings (vscode.Uri#toString).
import * as vscode from 'vscode';
import type { CorpusWorkspace, DirectoryEntry, FileInfo, FileKind } from '../../core/workspace';

function kindOf(type: vscode.FileType): FileKind {
  if (type & vscode.FileType.Directory) return 'directory';
  // A FIFO, a socket or a device is `Unknown`; so is a link whose target is gone.
  return type & vscode.FileType.File ? 'file' : 'other';
}

const isLink = (type: vscode.FileType) => (type & vscode.FileType.SymbolicLink) !== 0;

export class VscodeCorpusWorkspace implements CorpusWorkspace {
  async stat(resource: string): Promise<FileInfo | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(resource));
      return { kind: kindOf(stat.type), isLink: isLink(stat.type), size: stat.size, mtime: stat.mtime, ctime: stat.ctime };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource: string): Promise<DirectoryEntry[]> {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(resource));
    return entries.map(([name, type]) => ({ name, kind: kindOf(type), isLink: isLink(type) }));
  }

  async readFile(resource: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(resource));
  }

  joinPath(resource: string, name: string): string {
    return vscode.Uri.joinPath(vscode.Uri.parse(resource), name).toString();
  }
}
