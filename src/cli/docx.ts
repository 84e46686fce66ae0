// `phrasebook docx report.md -o report.docx`: the same exporter as the extension's command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCorpusBytes } from '../core/decode';
import { exportDocx, DocxExportError } from '../core/export';
import { CliError, checkOutput, formatProblem, readBytes } from './io';
import type { Output } from './commands';

export interface DocxArgs {
  file: string;
  output?: string;
  force: boolean;
}

/** report.md → report.docx beside it. */
export function defaultDocxPath(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.docx`);
}

/** Reads an image as the Markdown names it: relative to the report's folder, or a file: URL. */
function imageReader(file: string) {
  const folder = path.dirname(path.resolve(file));
  return async (source: string): Promise<Uint8Array | undefined> => {
    const target = /^file:/i.test(source) ? fileURLToPath(source) : path.resolve(folder, source);
    return fs.promises.readFile(target);
  };
}

/**
 * Writes through a temporary file in the same folder, renamed into place: an error leaves neither a half-written
 * document nor a stray temporary file behind.
 */
export function writeFileAtomically(target: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    fs.renameSync(temporary, target);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // There was no folder to leave it in.
    }
    throw new CliError(`${target}: ${(error as Error).message}`, 2);
  }
}

export async function docx(args: DocxArgs, io: Output): Promise<void> {
  const output = args.output ?? defaultDocxPath(args.file);
  checkOutput(output, args.file, args.force);
  const decoded = decodeCorpusBytes(readBytes(args.file));
  if (decoded.problem) throw new CliError(formatProblem(args.file, decoded.problem), 2);
  let result;
  try {
    result = await exportDocx(decoded.text, { readImage: imageReader(args.file), fallbackTitle: path.basename(args.file, path.extname(args.file)) });
  } catch (error) {
    if (error instanceof DocxExportError) throw new CliError(`${args.file}: ${error.message}`, 2);
    throw error;
  }
  for (const warning of result.warnings) io.err(`${args.file}:${warning.line}: warning: ${warning.message}`);
  writeFileAtomically(output, result.bytes);
  io.err(`${path.relative(process.cwd(), output) || output}: ${result.bytes.length} bytes${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}`);
}
