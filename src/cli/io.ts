// File access and error reporting for the CLI: every failure becomes a CliError with an exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_CORPUS_BYTES } from '../core/decode';
import { problem, PROBLEM_MESSAGES } from '../core/problems';
import { readCorpus } from '../core/read';
import type { Corpus, Problem } from '../core/model';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** dist/cli.js sits next to corpus/ in the repo and in the package. */
export const BUILTIN_CORPUS = path.resolve(__dirname, '..', 'corpus', 'builtin.md');

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

/** Loads a corpus; problems in it are printed as warnings, a file that is no corpus at all is an error. */
export function loadCorpus(file: string | undefined, warn: (line: string) => void): Corpus {
  const source = file ?? BUILTIN_CORPUS;
  const { corpus, problems } = readCorpus(readBytes(source), source);
  if (!corpus) throw new CliError(problems.map((problem) => formatProblem(source, problem)).join('\n'), 2);
  for (const problem of problems) warn(formatProblem(source, problem));
  return corpus;
}

export function writeOutput(text: string, file: string | undefined, stdout: (text: string) => void): void {
  if (file === undefined) {
    stdout(text);
    return;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`, 2);
  }
}
