// Bytes of a corpus file → text, or a Problem that says why not (empty, binary, not UTF-8, too large).
import type { Problem } from './model';
import { problem } from './problems';

/** Corpus files larger than this are refused: a paragraph library this size is almost surely a mistake. */
export const MAX_CORPUS_BYTES = 20 * 1024 * 1024;

export type DecodeResult = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

export function decodeCorpusBytes(bytes: Uint8Array, maxBytes = MAX_CORPUS_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { problem: problem(1, 'tooLarge', [bytes.length, maxBytes]) };
  if (bytes.includes(0)) return { problem: problem(1, 'binary') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: problem(firstBadUtf8Line(bytes), 'notUtf8') };
  }
  if (text.trim() === '') return { problem: problem(1, 'empty') };
  return { text };
}

/** 1-based line of the first byte sequence that is not UTF-8, so the writer can find it. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index];
    const length = byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return line;
    for (let k = 1; k < length; k++) if ((bytes[index + k] ?? 0) >> 6 !== 0b10) return line;
    if (byte === 0x0a) line++;
    index += length;
  }
  return line;
}
