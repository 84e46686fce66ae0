// Problems and their messages, in one place: each code's English text is a `{0}`-style template, the
// same string the extension passes to vscode.l10n.t (so it is also the key of its translation) and the
// CLI prints filled in. Arguments stay raw in the Problem; `messageArgs` says how a message shows them.
import type { Problem, ProblemCode } from './model';

export const PROBLEM_MESSAGES: Record<ProblemCode, string> = {
  empty: 'The corpus file is empty.',
  notUtf8: 'The file is not valid UTF-8 text. Save it with UTF-8 encoding.',
  binary: 'The file looks binary, not a Markdown corpus.',
  tooLarge: 'The file is {0}; corpus files are limited to {1}. Split it into several files.',
  notAFile: 'This is not a regular file (a pipe, a device or the like), so it is not read.',
  unreadable: 'The file could not be read: {0}',
  unclosedComment: 'This comment (<!--) is never closed with -->, so the rest of the file is ignored.',
  joinedToItem: '"{0}" looks like an item or a heading but is not one ("1. text", "## 一、name": mind the space); it was joined to item {1}.',
  textOutsideItem: 'Text outside any item: "{0}". Start it with a number ("1. …") or indent it under an item.',
  itemOutsideCategory: 'Item {0} comes before any category heading ("## 一、…").',
  duplicateNumber: 'Item number {0} appears twice in "{1}"; the second one is skipped.',
  emptyItem: 'Item {0} has no text.',
  badFrontMatter: 'Front matter line not understood: "{0}" (expected "key: value").',
  unplacedText: '"{0}" is not under any heading ("一、…" or "（一）…"), so it is no item; kept as a comment in the corpus file.',
  emptyCategory: 'Category "{0}" has no items.',
  importPreamble: '"{0}" comes before the first heading ("一、…" or "（一）…"), so it is no item; kept as a comment at the top of the corpus file.',
  importClosing: '"{0}" reads as a closing line (以上…, 特此…, a signature or a date), not an item; kept as a comment at the end of the corpus file.',
  importRenumbered: 'Item number {0} ("{1}") is used twice in "{2}"; imported as item {3}.',
};

/** A problem's arguments as its message shows them: sizes in units a writer reads. */
export function messageArgs(code: ProblemCode, args: readonly (string | number)[]): string[] {
  return args.map((arg) => (code === 'tooLarge' ? formatBytes(Number(arg)) : String(arg)));
}

/** `{0}`, `{1}`… replaced by the arguments, as vscode.l10n.t does. */
export function fillTemplate(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => args[Number(index)] ?? whole);
}

export function problem(
  line: number,
  code: ProblemCode,
  args: (string | number)[] = [],
  severity: Problem['severity'] = 'error',
): Problem {
  return { line, code, args, severity, message: fillTemplate(PROBLEM_MESSAGES[code], messageArgs(code, args)) };
}

/** Quotes at most a short excerpt of a line in a message. */
export function excerpt(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `20971520` → `20 MB`, `1536` → `1.5 KB`: sizes in messages a writer can read. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded} ${units[unit]}`;
}
