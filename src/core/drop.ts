// What a drag from the tree carries and what a drop into a document inserts. No vscode import.

/** Custom mime type on the data transfer: a JSON array of item ids, in order. */
export const ITEM_IDS_MIME = 'application/vnd.phrasebook.items+json';

export function encodeItemIds(ids: readonly string[]): string {
  return JSON.stringify(ids);
}

/** The ids from a data transfer value; [] for anything that is not a JSON array of strings. */
export function decodeItemIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Several items (a whole category, or a multi-selection) as one block: paragraphs separated by a blank line. */
export function composeBlock(texts: readonly string[]): string {
  return texts
    .map((text) => text.replace(/^\n+|\n+$/g, ''))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/**
 * The text to insert at a drop position, so the dropped block stands as its own paragraph(s):
 * a blank line before it unless it starts a line after a blank line (or the document start),
 * and a newline after it unless the rest of the line is empty.
 */
export function dropInsertText(block: string, lineBefore: string, lineAfter: string, previousLine?: string): string {
  if (block === '') return '';
  let prefix = '';
  if (lineBefore.trim() !== '') prefix = '\n\n';
  else if (lineBefore === '' && previousLine !== undefined && previousLine.trim() !== '') prefix = '\n';
  const suffix = lineAfter.trim() !== '' ? '\n\n' : '';
  return prefix + block + suffix;
}
