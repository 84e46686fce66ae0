// What a drag from the tree carries and what a drop into a document inserts. No vscode import.
import { composeMarkdown, formatItem, type ComposeOptions, type FormatOptions, type InsertFormat } from './compose';
import type { Category, Item } from './model';

/** Custom mime type on the data transfer: `{"ids": [...], "compose": bool}` (JSON). */
export const ITEM_IDS_MIME = 'application/vnd.phrasebook.items+json';

export interface DragPayload {
  /** Item ids, in order. */
  ids: string[];
  /** A whole category (or several items): drop as one composed block under category headings. */
  compose: boolean;
}

export function encodeDragPayload(payload: DragPayload): string {
  return JSON.stringify({ ids: payload.ids, compose: payload.compose });
}

/** The payload from a data transfer value; undefined for anything that is not one (never throws). */
export function decodeDragPayload(value: unknown): DragPayload | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const raw = Array.isArray(parsed) ? { ids: parsed } : (parsed as { ids?: unknown; compose?: unknown } | null);
  if (!raw || !Array.isArray(raw.ids)) return undefined;
  const ids = raw.ids.filter((id): id is string => typeof id === 'string');
  return ids.length > 0 ? { ids, compose: raw.compose === true || ids.length > 1 } : undefined;
}

export interface DropTextOptions {
  format: InsertFormat;
  formatOptions?: FormatOptions;
  compose?: ComposeOptions;
  /** The document's text before the drop point, so a composed block fits its section (see composeMarkdown). */
  textAbove?: string;
}

/**
 * The Markdown a drop inserts (before blank-line padding): one item in the insert format, or a composed
 * block (category headings + items in the insert format, as the compose command writes) for a category or
 * several items.
 * `categories` are the library's categories in order; unknown ids are skipped.
 */
export function dropText(payload: DragPayload, items: readonly Item[], categories: readonly Category[], options: DropTextOptions): string {
  if (items.length === 0) return '';
  if (!payload.compose && items.length === 1) return formatItem(items[0], options.format, options.formatOptions);
  return composeMarkdown(categories, items.map((item) => item.id), {
    ...options.compose,
    format: options.format,
    formatOptions: options.formatOptions,
    textAbove: options.textAbove,
  });
}
