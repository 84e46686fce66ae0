// The `---` block at the top of a corpus file: id, title, language. Only the first lines of a file can
// hold it, and a block whose closing `---` went missing ends where the Markdown body plainly begins,
// so a later `---` cannot swallow the categories in between.
import type { Problem } from './model';
import { excerpt, problem } from './problems';
import { isBlank, trimMarkdown } from './text';

export interface FrontMatter {
  id?: string;
  title?: string;
  language?: string;
}

const FENCE = /^---[ \t]*$/;
const KEY = /^([A-Za-z][\w-]*)[ \t]*:/;
/** Lines no front matter holds: a `##` heading or a numbered item (a single `#` is a YAML comment). */
const BODY = /^ {0,3}(?:#{2,6}(?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/** A value: "…" as JSON (what the serializer writes), '…' as YAML ('' for '), else as is. */
function frontMatterString(raw: string): string {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/** Reads the front matter into `meta`; returns the index of the first body line (0 when there is none). */
export function readFrontMatter(lines: readonly string[], meta: FrontMatter, problems: Problem[]): number {
  if (!FENCE.test(lines[0] ?? '')) return 0;
  let end = 1;
  while (end < lines.length && !FENCE.test(lines[end]) && !BODY.test(lines[end])) end++;
  const closed = end < lines.length && FENCE.test(lines[end]);
  if (!closed) problems.push(problem(1, 'badFrontMatter', ['---']));
  for (let index = 1; index < end; index++) {
    const line = lines[index];
    // A YAML comment is one only in a block that closes; otherwise it may be a lost heading: say so.
    if (isBlank(line) || (closed && trimMarkdown(line).startsWith('#'))) continue;
    const match = KEY.exec(line);
    if (!match) {
      problems.push(problem(index + 1, 'badFrontMatter', [excerpt(trimMarkdown(line))]));
      continue;
    }
    const value = frontMatterString(trimMarkdown(line.slice(match[0].length)));
    if (match[1] === 'id') meta.id = value;
    else if (match[1] === 'title') meta.title = value;
    else if (match[1] === 'language') meta.language = value;
  }
  return closed ? end + 1 : end;
}
