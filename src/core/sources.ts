// Where user corpora live: entries of the `phrasebook.corpora` setting (paths or globs; workspace-relative,
// `~/`, `${workspaceFolder}` or absolute) resolved to a base folder plus a glob, and the glob matcher
// the corpus discovery walks with. No vscode import, and no Node built-in: the browser bundle uses it too.
import picomatch from 'picomatch';
import { posixPath } from './posixPath';

/** The two functions of Node's `path` that resolving needs; `path.posix`, `path.win32` or `posixPath`. */
export interface PathApi {
  join(...parts: string[]): string;
  normalize(path: string): string;
}

/** Every workspace folder's own corpora, besides the setting: `.phrasebook/**` Markdown files. */
export const WORKSPACE_CORPUS_FOLDER = '.phrasebook';
export const WORKSPACE_CORPUS_GLOB = `${WORKSPACE_CORPUS_FOLDER}/**/*.{md,markdown}`;
/** The glob used when a setting entry names a folder. */
export const FOLDER_CORPUS_GLOB = '**/*.{md,markdown}';

export interface WorkspaceFolderInfo {
  name: string;
  /** Absolute file-system path. */
  path: string;
}

export interface ResolveContext {
  folders: readonly WorkspaceFolderInfo[];
  /** The user's home folder, for `~/`; undefined where there is none (VS Code for the Web). */
  home: string | undefined;
  /** Path flavour: the running platform's; defaults to POSIX. */
  pathApi?: PathApi;
}

/** One place to look for corpora: files under `base` matching `pattern` (`/`-separated, relative to base). */
export interface CorpusLocation {
  base: string;
  /** A glob, or undefined when the entry named a single path (a file, or a folder: the caller checks). */
  pattern?: string;
  /** The setting entry it came from (for messages). */
  entry: string;
  /** Name of the workspace folder a relative entry was resolved against. */
  folder?: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(text: string): boolean {
  return GLOB_CHARS.test(text);
}

/** Splits `a/b/**\/*.md` into the literal base `a/b` and the glob `**\/*.md`. */
export function splitGlob(entry: string): { base: string; pattern?: string } {
  const segments = entry.replace(/\\/g, '/').split('/');
  const first = segments.findIndex((segment) => isGlob(segment));
  if (first < 0) return { base: entry };
  const base = segments.slice(0, first).join('/');
  return { base: base === '' && entry.startsWith('/') ? '/' : base, pattern: segments.slice(first).join('/') };
}

function isAbsoluteAny(text: string): boolean {
  return text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\\\');
}

/**
 * Resolves one setting entry to the places it names. Relative entries resolve against every workspace
 * folder, except that `<folder name>/…` in a multi-root workspace means that folder only; with no folder
 * open they name nothing. Returns [] for blank entries.
 */
export function resolveCorpusEntry(rawEntry: string, context: ResolveContext): CorpusLocation[] {
  const api = context.pathApi ?? posixPath;
  const entry = rawEntry.trim();
  if (entry === '') return [];
  let text = entry;
  let folders: readonly WorkspaceFolderInfo[] = context.folders;

  const variable = /^\$\{workspaceFolder(?::([^}]+))?\}[\\/]?/.exec(text);
  if (variable) {
    text = text.slice(variable[0].length) || '.';
    if (variable[1] !== undefined) folders = context.folders.filter((folder) => folder.name === variable[1]);
  } else if (isHomeRelative(text)) {
    // Without a home folder a `~/` entry names nothing; the caller says so (homeRelativeEntries).
    if (context.home === undefined) return [];
    text = api.join(context.home, text.slice(1));
  }

  const locate = (absolute: string, folder?: string): CorpusLocation => {
    const { base, pattern } = splitGlob(absolute);
    return { base: api.normalize(base || '.'), pattern, entry, ...(folder !== undefined ? { folder } : {}) };
  };

  if (!variable && isAbsoluteAny(text)) return [locate(text)];

  if (!variable && context.folders.length > 1) {
    const [head, ...rest] = text.replace(/\\/g, '/').split('/');
    const named = context.folders.find((folder) => folder.name === head);
    if (named && rest.length > 0) return [locate(joinGlob(api, named.path, rest.join('/')), named.name)];
  }
  return folders.map((folder) => locate(joinGlob(api, folder.path, text), folder.name));
}

/**
 * The entries that apply to workspace folders that are not on a file system (vscode.dev, github.dev), whose
 * `path` is the folder URI's path: only entries relative to a folder resolve there — an absolute or `~/`
 * path names the writer's disk, which such a folder is not on. Each location's `folder` names its folder.
 */
export function resolveVirtualFolderEntries(entries: readonly unknown[], folders: readonly WorkspaceFolderInfo[]): CorpusLocation[] {
  return resolveCorpusEntries(entries, { folders, home: undefined, pathApi: posixPath }).filter((location) => location.folder !== undefined);
}

/** path.join for a base and a relative glob, without letting normalize touch the glob part. */
function joinGlob(api: PathApi, base: string, relative: string): string {
  const { base: literal, pattern } = splitGlob(relative);
  const joined = api.join(base, literal || '.');
  return pattern === undefined ? joined : `${joined.replace(/[\\/]+$/, '')}/${pattern}`;
}

function isHomeRelative(text: string): boolean {
  return text === '~' || text.startsWith('~/') || text.startsWith('~\\');
}

/** The entries that name the home folder (`~/…`), which resolve to nothing where there is none. */
export function homeRelativeEntries(entries: readonly unknown[]): string[] {
  return entries.filter((entry): entry is string => typeof entry === 'string' && isHomeRelative(entry.trim()));
}

/** Resolves every entry, dropping exact duplicates (same base and pattern) while keeping order. */
export function resolveCorpusEntries(entries: readonly unknown[], context: ResolveContext): CorpusLocation[] {
  const seen = new Set<string>();
  const out: CorpusLocation[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    for (const location of resolveCorpusEntry(entry, context)) {
      const key = `${location.base}\u0000${location.pattern ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(location);
    }
  }
  return out;
}

/**
 * Runs of `*` a pattern may hold. Each run is a quantifier that V8's backtracking multiplies by the path's
 * length: four in one name take about 0.7 s per 255-character file name, and a walk tests every file, so
 * one setting entry could freeze the extension host. Three still cover `**\/*对照*.md`.
 */
export const MAX_GLOB_STARS = 3;

/** Whether matching `glob` could take seconds on some path (see MAX_GLOB_STARS). */
export function isCostlyGlob(glob: string): boolean {
  return (glob.match(/\*+/g)?.length ?? 0) > MAX_GLOB_STARS;
}

/** The entries of `locations` whose pattern is too costly to match; callers leave them out and say so. */
export function costlyGlobEntries(locations: readonly CorpusLocation[]): string[] {
  return [...new Set(locations.filter((location) => location.pattern !== undefined && isCostlyGlob(location.pattern)).map((location) => location.entry))];
}

/**
 * A test for paths relative to a location's base (any separator); build it once per pattern, not per file.
 * picomatch in POSIX mode: `**`, `*`, `?`, `[abc]`, `[!abc]`, `{a,b}`, as VS Code's RelativePattern reads
 * them — and, like VS Code, no extglobs (`*(a)`), whose nested quantifiers backtrack without bound; dot
 * files match, since `.phrasebook/` itself is one. A typo in the setting (`a}.md`, `{a,b`) is matched
 * literally rather than stopping every corpus from loading. A costly pattern matches nothing.
 */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  if (isCostlyGlob(glob)) return () => false;
  let test: (path: string) => boolean;
  try {
    // picomatch 4.0.7's parser never returns on a pattern ending in four or more backslashes.
    if (/\\{4,}$/.test(glob)) throw new SyntaxError('trailing backslashes');
    test = picomatch(glob, { dot: true, posix: true, noextglob: true });
  } catch {
    test = (path) => path === glob;
  }
  return (relativePath) => test(relativePath.replace(/\\/g, '/'));
}

/** Folders a walk may skip: they never hold a writer's corpus and can be huge. */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name === '.git' || name === '.hg' || name === '.svn';
}
