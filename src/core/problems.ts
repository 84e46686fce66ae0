// Builds Problems with a plain English message; the extension re-words them per locale by `code`.
import type { Problem, ProblemCode } from './model';

const MESSAGES: Record<ProblemCode, (...args: (string | number)[]) => string> = {
  empty: () => 'The corpus file is empty.',
  notUtf8: () => 'The file is not valid UTF-8 text. Save it as UTF-8.',
  binary: () => 'The file looks binary, not a Markdown corpus.',
  tooLarge: (size, limit) => `The file is ${size} bytes; corpus files are limited to ${limit} bytes.`,
  unreadable: (reason) => `The file could not be read: ${reason}`,
  unclosedComment: () => 'This comment (<!--) is never closed with -->, so the rest of the file is ignored.',
  joinedToItem: (text, number) =>
    `"${text}" looks like an item or a heading but is not one ("1. text", "## 一、name": mind the space); it was joined to item ${number}.`,
  textOutsideItem: (text) => `Text outside any item: "${text}". Start it with a number ("1. …") or indent it under an item.`,
  itemOutsideCategory: (number) => `Item ${number} comes before any category heading ("## 一、…").`,
  duplicateNumber: (number, category) => `Item number ${number} appears twice in "${category}"; the second one is skipped.`,
  emptyItem: (number) => `Item ${number} has no text.`,
  badFrontMatter: (text) => `Front matter line not understood: "${text}" (expected "key: value").`,
  unplacedText: (text) => `Could not place this text in any category or item: "${text}".`,
  emptyCategory: (name) => `Category "${name}" has no items.`,
};

export function problem(
  line: number,
  code: ProblemCode,
  args: (string | number)[] = [],
  severity: Problem['severity'] = 'error',
): Problem {
  return { line, code, args, severity, message: MESSAGES[code](...args) };
}

/** Quotes at most a short excerpt of a line in a message. */
export function excerpt(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
