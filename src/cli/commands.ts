// The CLI's commands. Each returns what to print; main.ts owns argv, stdout and exit codes.
import * as path from 'node:path';
import { allItems, type Corpus, type Item } from '../core/model';
import { categoryLabel } from '../core/labels';
import { importOutline } from '../core/importer';
import { corpusIdFromTitle, isValidCorpusId } from '../core/template';
import { SearchIndex, categoryLabels } from '../core/search';
import { serializeCorpus } from '../core/serialize';
import { snippetFileText } from '../core/snippets';
import { CliError, checkOutput, formatProblem, readBytes, readThesaurus, type Reporter, writeOutput } from './io';
import { decodeCorpusBytes } from '../core/decode';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  problems: Reporter;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function categoryName(corpus: Corpus, item: Item): string {
  return corpus.categories.find((category) => category.id === item.categoryId)?.name ?? '';
}

export function list(corpus: Corpus, asJson: boolean): string {
  if (asJson) {
    return json({
      id: corpus.id,
      title: corpus.title,
      // Flat, in file order; a sub-category names its parent category's id.
      categories: corpus.categories.map((category) => ({
        id: category.id,
        ordinal: category.ordinal,
        name: category.name,
        ...(category.parent === undefined ? {} : { parent: category.parent }),
        items: category.items.map(({ id, number, title, text }) => ({ id, number, title, text })),
      })),
    });
  }
  const lines = [`${corpus.title} (${allItems(corpus).length} items)`];
  for (const category of corpus.categories) {
    const sub = category.parent !== undefined;
    const indent = sub ? '  ' : '';
    lines.push('', `${indent}${categoryLabel(category)}  [${category.id}]`);
    for (const item of category.items) lines.push(`${indent}  ${item.id}  ${item.title}`);
  }
  return `${lines.join('\n')}\n`;
}

export function show(corpus: Corpus, id: string, asJson: boolean): string {
  const item = allItems(corpus).find((candidate) => candidate.id === id || candidate.id === `${corpus.id}/${id}`);
  if (!item) throw new CliError(`unknown id: ${id} (see "phrasebook list")`, 1);
  if (asJson) return json({ ...item, category: categoryName(corpus, item) });
  return `${item.text}\n`;
}

export function search(corpus: Corpus, query: string, limit: number, asJson: boolean): string {
  const hits = new SearchIndex(allItems(corpus), { categories: categoryLabels([corpus]), thesaurus: readThesaurus() }).search(query, { limit });
  const rows = hits.map(({ item, score, tier }) => ({
    id: item.id,
    tier,
    category: categoryName(corpus, item),
    number: item.number,
    title: item.title,
    text: item.text,
    score: Number(score.toFixed(4)),
  }));
  if (asJson) return json(rows);
  if (rows.length === 0) return '';
  return `${rows.map((row) => `${row.score.toFixed(3)}  ${row.tier === 'partial' ? '(partial) ' : ''}${row.id}  ${row.title}`).join('\n')}\n`;
}

export interface ImportArgs {
  file: string;
  output?: string;
  force?: boolean;
  id?: string;
  title?: string;
  language?: string;
}

/** The imported corpus's id, by the one rule the extension holds ids to: `--id` checked, else one made from the file name. */
function importId(args: ImportArgs): string {
  if (args.id === undefined) return corpusIdFromTitle(path.basename(args.file).replace(/\.[^.]*$/, ''));
  if (!isValidCorpusId(args.id)) {
    throw new CliError(`--id "${args.id}": use lower-case ASCII letters, digits and "-" only, e.g. "${corpusIdFromTitle(args.id)}"`, 1);
  }
  return args.id;
}

export function importText(args: ImportArgs, io: Output): void {
  const id = importId(args);
  checkOutput(args.output, args.file, args.force ?? false);
  const decoded = decodeCorpusBytes(readBytes(args.file));
  if (decoded.problem) throw new CliError(formatProblem(args.file, decoded.problem), 2);
  const { corpus, problems, comments } = importOutline(decoded.text, {
    id,
    title: args.title,
    language: args.language,
  });
  for (const problem of problems) io.problems.report(args.file, problem);
  writeOutput(serializeCorpus(corpus, comments), args.output, io.out, args.force);
  if (args.output) {
    io.err(`${path.relative(process.cwd(), args.output) || args.output}: ${corpus.categories.length} categories, ${allItems(corpus).length} items`);
  }
}

export function snippets(corpus: Corpus, output: string | undefined, force: boolean, io: Output): void {
  writeOutput(snippetFileText(corpus), output, io.out, force);
}
