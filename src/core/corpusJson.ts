// A parsed corpus as JSON. The built-in corpus ships both ways: corpus/builtin.md for writers to read,
// corpus/builtin.json (made from it by `npm run gen:corpus`) for activation, where a JSON.parse costs
// about 1 ms and parsing the Markdown about 20 ms of the 30 ms activation budget.
import type { Corpus } from './model';

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
type Check = (value: unknown) => boolean;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const optional = (check: Check): Check => (value) => value === undefined || check(value);
const listOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
/** A record whose every named field passes its check (other fields are ignored). */
const shaped =
  (fields: Record<string, Check>): Check =>
  (value) =>
    isRecord(value) && Object.entries(fields).every(([name, check]) => check(value[name]));

const isItem = shaped({ id: isString, corpusId: isString, categoryId: isString, number: isNumber, title: isString, text: isString, line: isNumber });
const isCategory = shaped({
  id: isString,
  ordinal: isString,
  name: isString,
  shortName: isString,
  line: isNumber,
  parent: optional(isString),
  items: listOf(isItem),
});
const isCorpus = shaped({ id: isString, title: isString, language: optional(isString), categories: listOf(isCategory) }) as (value: unknown) => value is Corpus;
