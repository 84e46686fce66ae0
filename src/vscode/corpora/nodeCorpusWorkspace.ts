// Corpus files on the extension host's own disk, read with node:fs. In a remote window (code-server, SSH,
// WSL) vscode.workspace.fs sends a file: read through the window and back, so a 6 MB corpus crossed the
// connection twice and held up every command behind it for over a second; here it is one local read.
// Other schemes (virtual file systems) still go through VS Code. Node extension host only.
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PROBLEM_MESSAGES } from '../../core/problems';
import type { CorpusWorkspace, DirectoryEntry, FileInfo, FileKind } from '../../core/workspace';
import { VscodeCorpusWorkspace } from './vscodeWorkspace';

/** A Stats or a directory entry as the core sees it. A FIFO, a socket or a device is never read. */
function kindOf(entry: Pick<Stats, 'isDirectory' | 'isFile'>): FileKind {
  if (entry.isDirectory()) return 'directory';
  return entry.isFile() ? 'file' : 'other';
}

function infoOf(stats: Stats, isLink: boolean): FileInfo {
  return { kind: kindOf(stats), isLink, size: stats.size, mtime: stats.mtimeMs, ctime: stats.ctimeMs };
}

/** Following a link failed because it loops (vscode.workspace.fs then reports nothing there). */
const isLoop = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ELOOP';

export class NodeCorpusWorkspace implements CorpusWorkspace {
  private readonly other = new VscodeCorpusWorkspace();

  async stat(resource: string): Promise<FileInfo | undefined> {
    const file = localPath(resource);
    if (file === undefined) return this.other.stat(resource);
    const link = await fs.lstat(file).catch(() => undefined);
    if (!link || !link.isSymbolicLink()) return link && infoOf(link, false);
    // Links are followed, as vscode.workspace.fs does: a broken one is something never read.
    try {
      return infoOf(await fs.stat(file), true);
    } catch (error) {
      return isLoop(error) ? undefined : { ...infoOf(link, true), kind: 'other' };
    }
  }

  async readDirectory(resource: string): Promise<DirectoryEntry[]> {
    const folder = localPath(resource);
    if (folder === undefined) return this.other.readDirectory(resource);
    const entries = await fs.readdir(folder, { withFileTypes: true });
    const listed = await Promise.all(
      entries.map(async (entry): Promise<DirectoryEntry | undefined> => {
        if (!entry.isSymbolicLink()) return { name: entry.name, kind: kindOf(entry), isLink: false };
        // A link counts as what it points to, a broken one as something never read; a loop is left out.
        try {
          return { name: entry.name, kind: kindOf(await fs.stat(path.join(folder, entry.name))), isLink: true };
        } catch (error) {
          return isLoop(error) ? undefined : { name: entry.name, kind: 'other', isLink: true };
        }
      }),
    );
    return listed.filter((entry): entry is DirectoryEntry => entry !== undefined);
  }

  async readFile(resource: string): Promise<Uint8Array> {
    const file = localPath(resource);
    if (file === undefined) return this.other.readFile(resource);
    // Non-blocking open: a FIFO swapped in after the stat must not park a thread waiting for a writer.
    const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      if (!(await handle.stat()).isFile()) throw new Error(vscode.l10n.t(PROBLEM_MESSAGES.notAFile));
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  joinPath(resource: string, name: string): string {
    // The same URI strings as elsewhere in the extension: they are compared with the ones VS Code reports.
    return this.other.joinPath(resource, name);
  }
}

/** The local path of a file: URI; undefined for every other scheme. */
function localPath(resource: string): string | undefined {
  const uri = vscode.Uri.parse(resource);
  return uri.scheme === 'file' ? uri.fsPath : undefined;
}
