// File access and error reporting for the CLI: every failure becomes a CliError with an exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_CORPUS_BYTES } from '../core/decode';
import { problem, PROBLEM_MESSAGES } from '../core/problems';
import { readCorpus } from '../core/read';
import type { Corpus, Problem } from '../core/model';
import { Thesaurus } from '../core/search';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** dist/cli.js sits next to corpus/ in the repo and in the package. */
export const BUILTIN_CORPUS = path.resolve(__dirname, '..', 'corpus', 'builtin.md');
/** The search thesaurus, shipped beside the built-in corpus. */
export const THESAURUS = path.resolve(__dirname, '..', 'corpus', 'thesaurus.txt');

/** The thesaurus for search; without it search still works, only everyday wording finds less. */
export function readThesaurus(file = THESAURUS): Thesaurus {
  try {
    return Thesaurus.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`phrasebook: ${file}: ${(error as Error).message}; searching without near-synonyms\n`);
    return Thesaurus.empty;
  }
}

/**
 * A file's bytes, refusing before reading what would never end or fill memory: anything but a regular
 * file (a FIFO waits for a writer, /dev/zero never ends) and files over the corpus size limit.
 */
export function readBytes(file: string, maxBytes = MAX_CORPUS_BYTES): Uint8Array {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`${file}: ${PROBLEM_MESSAGES.notAFile}`, 2);
    if (stat.size > maxBytes) throw new CliError(`${file}: ${problem(1, 'tooLarge', [stat.size, maxBytes]).message}`, 2);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file` : `${file}: ${(error as Error).message}`, 2);
  }
}

export function formatProblem(file: string, problem: Problem): string {
  return `${file}:${problem.line}: ${problem.severity}: ${problem.message}`;
}

/** Where the commands report problems; `errors` counts the error-level ones (text left out), for the exit code. */
export interface Reporter {
  report(file: string, problem: Problem): void;
  readonly errors: number;
}

export function reporter(err: (line: string) => void): Reporter {
  let errors = 0;
  return {
    report(file, problem) {
      if (problem.severity === 'error') errors++;
      err(formatProblem(file, problem));
    },
    get errors() {
      return errors;
    },
  };
}

/** Loads a corpus; problems in it are reported, a file that is no corpus at all is an error. */
export function loadCorpus(file: string | undefined, problems: Reporter): Corpus {
  const source = file ?? BUILTIN_CORPUS;
  const read = readCorpus(readBytes(source), source);
  if (!read.corpus) throw new CliError(read.problems.map((problem) => formatProblem(source, problem)).join('\n'), 2);
  for (const problem of read.problems) problems.report(source, problem);
  return read.corpus;
}

/**
 * Refuses, before any work is done, an output file that is the input (even with --force: the input would
 * be gone) or that already exists (unless --force).
 */
export function checkOutput(output: string | undefined, input: string, force: boolean): void {
  if (output === undefined) return;
  const target = statOrUndefined(output);
  if (!target) return;
  const source = statOrUndefined(input);
  if (source && source.dev === target.dev && source.ino === target.ino) {
    throw new CliError(`${output} is the input file; write the output to another file`, 1);
  }
  if (!force) throw new CliError(`${output} already exists; add --force to replace it`, 1);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

export function writeOutput(text: string, file: string | undefined, stdout: (text: string) => void, force = false): void {
  if (file === undefined) {
    stdout(text);
    return;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // 'wx' fails if the file appeared since checkOutput: still never replaced without --force.
    fs.writeFileSync(file, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${file} already exists; add --force to replace it`, 1);
    throw new CliError(`${file}: ${(error as Error).message}`, 2);
  }
}
