// An in-memory CorpusWorkspace for unit tests: files, folders, special files (FIFOs) and symbolic
// links, with stat times, and counters of what was read. Resources are `mem:/a/b` paths.
import type { CorpusWorkspace, DirectoryEntry, FileInfo, FileKind } from '../../src/core/workspace';

type Node =
  | { type: 'file'; bytes: Uint8Array; mtime: number; ctime: number }
  | { type: 'directory'; mtime: number; ctime: number }
  | { type: 'fifo'; mtime: number; ctime: number }
  | { type: 'link'; target: string };

export class MemoryWorkspace implements CorpusWorkspace {
  private readonly nodes = new Map<string, Node>([['mem:', { type: 'directory', mtime: 1, ctime: 1 }]]);
  private clock = 1;
  /** Resources passed to readFile, in order. */
  readonly reads: string[] = [];
  /** Resources whose readFile never answers (a stuck network share). */
  readonly hanging = new Set<string>();

  file(path: string, text: string | Uint8Array): this {
    const node = this.nodes.get(this.resource(path));
    const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
    const ctime = node?.type === 'file' ? node.ctime : ++this.clock;
    this.put(path, { type: 'file', bytes, mtime: ++this.clock, ctime });
    return this;
  }

  fifo(path: string): this {
    this.put(path, { type: 'fifo', mtime: ++this.clock, ctime: this.clock });
    return this;
  }

  /** A symbolic link at `path` to `target` (a path, relative to the link's folder or absolute). */
  link(path: string, target: string): this {
    const folder = this.resource(path).replace(/\/[^/]*$/, '');
    this.put(path, { type: 'link', target: target.startsWith('/') ? this.resource(target) : normalize(`${folder}/${target}`) });
    return this;
  }

  remove(path: string): this {
    const resource = this.resource(path);
    for (const key of [...this.nodes.keys()]) if (key === resource || key.startsWith(`${resource}/`)) this.nodes.delete(key);
    return this;
  }

  resource(path: string): string {
    return `mem:${path.startsWith('/') ? path : `/${path}`}`.replace(/\/+$/, '');
  }

  private put(path: string, node: Node): void {
    const resource = this.resource(path);
    // Parent folders spring into existence, as `mkdir -p` would make them.
    const parts = resource.slice('mem:'.length).split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const folder = `mem:/${parts.slice(0, i).join('/')}`;
      if (!this.nodes.has(folder)) this.nodes.set(folder, { type: 'directory', mtime: ++this.clock, ctime: this.clock });
    }
    this.nodes.set(resource, node);
  }

  /** Follows links (at most 40, like a kernel) to the node itself. */
  private resolve(resource: string): { node?: Exclude<Node, { type: 'link' }>; isLink: boolean; real: string } {
    let current = resource;
    let isLink = false;
    for (let hops = 0; hops < 40; hops++) {
      // A link may sit in any folder along the path.
      const parts = current.slice('mem:'.length).split('/').filter(Boolean);
      let prefix = 'mem:';
      let redirected = false;
      for (let i = 0; i < parts.length; i++) {
        prefix = `${prefix}/${parts[i]}`;
        const node = this.nodes.get(prefix);
        if (node?.type === 'link') {
          if (i === parts.length - 1) isLink = true;
          current = normalize([node.target, ...parts.slice(i + 1)].join('/'));
          redirected = true;
          break;
        }
      }
      if (!redirected) {
        const node = this.nodes.get(current === 'mem:' ? 'mem:' : current) as Exclude<Node, { type: 'link' }> | undefined;
        return { node, isLink, real: current };
      }
    }
    return { isLink, real: current };
  }

  async stat(resource: string): Promise<FileInfo | undefined> {
    const { node, isLink } = this.resolve(resource);
    if (!node) return undefined;
    return { kind: kindOf(node), isLink, size: node.type === 'file' ? node.bytes.length : 0, mtime: node.mtime, ctime: node.ctime };
  }

  async readDirectory(resource: string): Promise<DirectoryEntry[]> {
    const { node, real } = this.resolve(resource);
    if (node?.type !== 'directory') throw new Error(`not a folder: ${resource}`);
    const entries: DirectoryEntry[] = [];
    for (const key of this.nodes.keys()) {
      if (!key.startsWith(`${real}/`) || key.slice(real.length + 1).includes('/')) continue;
      const name = key.slice(real.length + 1);
      const target = this.resolve(`${resource}/${name}`);
      entries.push({ name, kind: target.node ? kindOf(target.node) : 'other', isLink: this.nodes.get(key)?.type === 'link' });
    }
    return entries;
  }

  readFile(resource: string): Promise<Uint8Array> {
    this.reads.push(resource);
    const { node } = this.resolve(resource);
    if (this.hanging.has(resource) || node?.type === 'fifo') return new Promise(() => {}); // a FIFO blocks until a writer comes
    if (node?.type !== 'file') return Promise.reject(new Error(`cannot read ${resource}`));
    return Promise.resolve(node.bytes);
  }

  joinPath(resource: string, name: string): string {
    return `${resource}/${name}`;
  }
}

function kindOf(node: Exclude<Node, { type: 'link' }>): FileKind {
  return node.type === 'fifo' ? 'other' : node.type;
}

function normalize(resource: string): string {
  const out: string[] = [];
  for (const part of resource.slice('mem:'.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `mem:/${out.join('/')}`.replace(/\/$/, '') || 'mem:';
}
