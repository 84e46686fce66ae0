// Finding corpus files: the files a location names (a file, a folder's Markdown files, or a glob under a
// base folder), walked through a CorpusWorkspace. Only what a location names is listed; reading and
// judging the files is corpusFiles.ts's job. Limits keep a careless setting (`~/**/*.md`) or a crafted
// folder (a link to itself) from turning a walk into a freeze.
import { FOLDER_CORPUS_GLOB, globMatcher, isSkippedFolder, splitGlob } from './sources';
import type { CorpusWorkspace, FileInfo } from './workspace';

/** More corpus files than this are not loaded (the rest are counted and reported). */
export const MAX_CORPUS_FILES = 2000;
/** Folders deeper than this under a location's base are not walked. */
export const MAX_WALK_DEPTH = 8;

export interface SearchLocation {
  /** A resource of the workspace (see CorpusWorkspace). */
  base: string;
  /** A glob relative to `base`; undefined when `base` names a file or a folder itself. */
  pattern?: string;
}

export interface Discovery {
  /** Resources to load, at most `maxFiles`, in a stable order (location, then path). */
  files: string[];
  /** Files that matched but were left out because of the cap. */
  skipped: number;
}

export interface DiscoveryLimits {
  maxFiles?: number;
  maxDepth?: number;
}

/**
 * Every corpus file the locations name. A symbolic link is followed at most once per target: a link to a
 * folder or file already reached (`again -> .`) is skipped, as is a second path to a target first reached
 * through a link. The target is told by its stat (kind, size and times), as vscode.workspace.fs gives no
 * real path. Within a folder, real entries come before links, so the real path wins.
 */
export async function discoverCorpusFiles(
  workspace: CorpusWorkspace,
  locations: readonly SearchLocation[],
  limits: DiscoveryLimits = {},
): Promise<Discovery> {
  const maxFiles = limits.maxFiles ?? MAX_CORPUS_FILES;
  const maxDepth = limits.maxDepth ?? MAX_WALK_DEPTH;
  const files: string[] = [];
  let skipped = 0;
  const listed = new Set<string>();
  const folders = new TargetSet();
  const targets = new TargetSet();

  const addFile = (resource: string, info: FileInfo, viaLink: boolean) => {
    if (listed.has(resource) || !targets.add(info, viaLink)) return;
    listed.add(resource);
    if (files.length < maxFiles) files.push(resource);
    else skipped++;
  };

  const walk = async (folder: string, relative: string, depth: number, matches: (path: string) => boolean, viaLink: boolean) => {
    if (depth > maxDepth) return;
    let entries;
    try {
      entries = await workspace.readDirectory(folder);
    } catch {
      return;
    }
    entries.sort((a, b) => Number(a.isLink) - Number(b.isLink) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const resource = workspace.joinPath(folder, entry.name);
      const throughLink = viaLink || entry.isLink;
      if (entry.kind === 'directory') {
        if (isSkippedFolder(entry.name)) continue;
        const info = await workspace.stat(resource);
        if (info && folders.add(info, throughLink)) await walk(resource, path, depth + 1, matches, throughLink);
      } else if (matches(path)) {
        // Special files (`other`) are listed too: the loader reports them instead of reading them.
        const info = entry.isLink || entry.kind === 'file' ? await workspace.stat(resource) : undefined;
        addFile(resource, info ?? { kind: entry.kind, isLink: entry.isLink, size: 0, mtime: 0, ctime: 0 }, throughLink);
      }
    }
  };

  for (const location of locations.map((location) => literalPrefixToBase(workspace, location))) {
    const info = await workspace.stat(location.base);
    if (!info) continue;
    if (info.kind !== 'directory') {
      if (location.pattern === undefined) addFile(location.base, info, info.isLink);
      continue;
    }
    if (!folders.add(info, info.isLink)) continue;
    await walk(location.base, '', 0, globMatcher(location.pattern ?? FOLDER_CORPUS_GLOB), info.isLink);
  }
  return { files, skipped };
}

/**
 * `.phrasebook/**\/*.md` under a workspace folder walks `.phrasebook/`, not the whole workspace: the
 * pattern's literal leading folders move into the base.
 */
function literalPrefixToBase(workspace: CorpusWorkspace, location: SearchLocation): SearchLocation {
  if (location.pattern === undefined) return location;
  const { base: literal, pattern } = splitGlob(location.pattern);
  if (pattern === undefined || literal === '') return location;
  const base = literal.split('/').filter((segment) => segment !== '' && segment !== '.').reduce((resource, segment) => workspace.joinPath(resource, segment), location.base);
  return { base, pattern };
}

/** Targets reached so far, by their stat; a second path to one counts only when no link is involved. */
class TargetSet {
  private readonly seen = new Map<string, boolean>();

  /** Whether the target is new enough to visit; records it either way. */
  add(info: FileInfo, viaLink: boolean): boolean {
    // Times of 0 (a provider that reports none) tell nothing apart: never merge on them.
    if (info.mtime === 0 && info.ctime === 0) return true;
    const key = `${info.kind}:${info.size}:${info.mtime}:${info.ctime}`;
    const earlierViaLink = this.seen.get(key);
    if (earlierViaLink !== undefined && (viaLink || earlierViaLink)) return false;
    this.seen.set(key, (earlierViaLink ?? false) || viaLink);
    return true;
  }
}
