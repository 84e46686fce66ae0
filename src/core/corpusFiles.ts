// The loaded state of a set of corpus files and the rules for changing it: read only regular files, check
// the size before reading, never let one slow file hold up the others, re-read only what changed, and
// keep a file's last good version loaded while it is broken. The caller decides when (watching, queueing)
// and where problems are shown; this decides what is loaded.
import { assignCorpusIds, type Keyed } from './corpusIds';
import { MAX_CORPUS_BYTES } from './decode';
import { allItems, type Corpus, type Problem } from './model';
import { problem } from './problems';
import { readCorpus, type ReadResult } from './read';
import { splitLines } from './text';
import type { CorpusWorkspace, FileInfo } from './workspace';

/** A read that has not finished after this long is given up, so the files after it still load. */
export const READ_TIMEOUT_MS = 30_000;

/** Told after every read: the file's problems (none: clear them) and its lines, for ranges. */
export type FileReporter = (resource: string, problems: readonly Problem[], lines?: readonly string[]) => void;

export interface CorpusFilesOptions {
  maxBytes?: number;
  readTimeoutMs?: number;
}

/**
 * The version to keep loaded after a read: a version with items, or without errors, is the new good one;
 * one that lost every item to errors is not, while there is an older good one.
 */
export function nextGoodVersion(lastGood: Corpus | undefined, read: ReadResult): Corpus | undefined {
  if (!read.corpus) return lastGood;
  const hasErrors = read.problems.some((p) => p.severity === 'error');
  return allItems(read.corpus).length > 0 || !hasErrors || !lastGood ? read.corpus : lastGood;
}

interface FileState {
  lastGood?: Corpus;
  /** Size and time at the last read: a rescan skips a file whose stamp is unchanged. */
  stamp?: string;
}

export class CorpusFiles {
  private readonly files = new Map<string, FileState>();
  private readonly maxBytes: number;
  private readonly readTimeoutMs: number;

  constructor(
    private readonly workspace: CorpusWorkspace,
    private readonly report: FileReporter,
    options: CorpusFilesOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? MAX_CORPUS_BYTES;
    this.readTimeoutMs = options.readTimeoutMs ?? READ_TIMEOUT_MS;
  }

  has(resource: string): boolean {
    return this.files.has(resource);
  }

  /**
   * Makes the set the files just found: forgets the others, reads new files and those whose size or time
   * changed (every file with `force`). Returns whether any loaded corpus changed.
   */
  async sync(found: readonly string[], force = false): Promise<boolean> {
    const keep = new Set(found);
    let changed = false;
    for (const resource of [...this.files.keys()]) {
      if (!keep.has(resource)) changed = this.forget(resource) || changed;
    }
    for (const resource of found) {
      if (!this.files.has(resource)) this.files.set(resource, {});
      changed = (await this.read(resource, force)) || changed;
    }
    return changed;
  }

  /** Re-reads files that changed (watcher events, saves); a file not known yet joins when it exists. */
  async reread(resources: readonly string[]): Promise<boolean> {
    let changed = false;
    for (const resource of resources) {
      if (!this.files.has(resource)) {
        if (!(await this.workspace.stat(resource))) continue;
        this.files.set(resource, {});
      }
      changed = (await this.read(resource, true)) || changed;
    }
    return changed;
  }

  /** The loaded corpora with unique ids (never one of `reserved`), in resource order. */
  corpora(reserved: readonly string[] = []): Keyed<string>[] {
    const entries: Keyed<string>[] = [];
    for (const [resource, state] of this.files) {
      if (state.lastGood) entries.push({ key: resource, corpus: state.lastGood, value: resource });
    }
    return assignCorpusIds(entries, reserved);
  }

  private forget(resource: string): boolean {
    const had = this.files.get(resource)?.lastGood !== undefined;
    this.files.delete(resource);
    this.report(resource, []);
    return had;
  }

  /** Reads one file, reports its problems, and returns whether its loaded corpus changed. */
  private async read(resource: string, force: boolean): Promise<boolean> {
    const state = this.files.get(resource)!;
    const before = state.lastGood;
    const info = await this.workspace.stat(resource);
    // Deleted between finding it and now.
    if (!info) return this.forget(resource);
    const stamp = `${info.kind}:${info.size}:${info.mtime}`;
    if (!force && state.stamp === stamp) return false;
    state.stamp = stamp;
    let problems: Problem[];
    let lines: string[] | undefined;
    const refused = this.refusal(info);
    if (refused) {
      problems = [refused];
    } else {
      try {
        const read = readCorpus(await this.readBytes(resource), resource, this.maxBytes);
        problems = read.problems;
        if (read.text !== undefined) lines = splitLines(read.text);
        state.lastGood = nextGoodVersion(state.lastGood, read);
      } catch (error) {
        // Permissions, a vanished network share, a read that never ends: said where the other problems are.
        problems = [problem(1, 'unreadable', [error instanceof Error ? error.message : String(error)])];
      }
    }
    this.report(resource, problems, lines);
    return state.lastGood !== before;
  }

  /** Why a file is not read at all: not a regular file (a FIFO would block), or too large. */
  private refusal(info: FileInfo): Problem | undefined {
    if (info.kind !== 'file') return problem(1, 'notAFile');
    if (info.size > this.maxBytes) return problem(1, 'tooLarge', [info.size, this.maxBytes]);
    return undefined;
  }

  private readBytes(resource: string): Promise<Uint8Array> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer after ${this.readTimeoutMs / 1000} s`)), this.readTimeoutMs);
    });
    const read = this.workspace.readFile(resource);
    read.catch(() => {}); // an abandoned read may still fail later
    return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
  }
}
