// File access and error reporting for the CLI: every failure becomes a CliError with an exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCorpus } from '../core/read';
import type { Corpus, Problem } from '../core/model';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** dist/cli.js sits next to corpus/ in the repo and in the package. */
export const BUILTIN_CORPUS = path.resolve(__dirname, '..', 'corpus', 'builtin.md');

export function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
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
