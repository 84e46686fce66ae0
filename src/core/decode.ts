// Bytes of a corpus file → text, or a Problem that says why not (empty, binary, not UTF-8, too large).
import type { Problem } from './model';
import { problem } from './problems';

/** Corpus files larger than this are refused: a paragraph library this size is almost surely a mistake. */
export const MAX_CORPUS_BYTES = 20 * 1024 * 1024;

export type DecodeResult = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

export function decodeCorpusBytes(bytes: Uint8Array, maxBytes = MAX_CORPUS_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { problem: problem(1, 'tooLarge', [bytes.length, maxBytes]) };
  // UTF-16 (Notepad's "Unicode") is text in the wrong encoding, not binary: say to save it as UTF-8.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: problem(1, 'notUtf8') };
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
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >> 4 === 0b1110 ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return line;
    for (let k = 1; k < length; k++) if ((bytes[index + k] ?? 0) >> 6 !== 0b10) return line;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    const second = bytes[index + 1];
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f)) return line;
    if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return line;
    if (byte === 0x0a) line++;
    index += length;
  }
  return line;
}
