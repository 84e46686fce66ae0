// A parsed corpus as JSON. The built-in corpus ships both ways: corpus/builtin.md for writers to read,
// corpus/builtin.json (made from it by `npm run gen:corpus`) for activation, where a JSON.parse costs
// about 1 ms and parsing the Markdown about 20 ms of the 30 ms activation budget.
import type { Category, Corpus, Item } from './model';

/** Bumped when the model changes shape, so an older file is refused rather than misread. */
export const CORPUS_JSON_FORMAT = 1;

/** The file text for `corpus`; `source` is left out (the reader says where it read the file). */
export function corpusToJson(corpus: Corpus): string {
  return `${JSON.stringify({ format: CORPUS_JSON_FORMAT, corpus: { ...corpus, source: undefined } }, null, 1)}\n`;
}

/**
 * The corpus in `text`, with `source` set; undefined when `text` is not a corpus of this format, and the
 * caller reads the Markdown instead.
 */
export function corpusFromJson(text: string, source: string): Corpus | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.format !== CORPUS_JSON_FORMAT || !isCorpus(value.corpus)) return undefined;
  return { ...value.corpus, source };
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isOptional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

function isCorpus(value: unknown): value is Corpus {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.title) &&
    isOptional(value.language, isString) &&
    Array.isArray(value.categories) &&
    value.categories.every(isCategory)
  );
}

function isCategory(value: unknown): value is Category {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.ordinal) &&
    isString(value.name) &&
    isString(value.shortName) &&
    isNumber(value.line) &&
    isOptional(value.parent, isString) &&
    Array.isArray(value.items) &&
    value.items.every(isItem)
  );
}

function isItem(value: unknown): value is Item {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.corpusId) &&
    isString(value.categoryId) &&
    isNumber(value.number) &&
    isString(value.title) &&
    isString(value.text) &&
    isNumber(value.line)
  );
}
