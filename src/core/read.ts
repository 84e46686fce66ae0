// Bytes of a corpus file → Corpus and Problems, the one entry point the CLI and the extension share.
import { decodeCorpusBytes } from './decode';
import type { Corpus, Problem } from './model';
import { parseCorpus } from './parse';

export interface ReadResult {
  /** Undefined when the file could not be read as text at all. */
  corpus?: Corpus;
  problems: Problem[];
  /** The decoded text, when there was one (diagnostics need its lines). */
  text?: string;
}

/** A corpus id from a file name: `团队素材库.md` → `团队素材库`; ids keep letters of any script. */
export function corpusIdFromFileName(fileName: string): string {
  const base = decodeEscapes(fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  return base.replace(/[\s/\\.#?]+/g, '-').replace(/^-+|-+$/g, '') || 'corpus';
}

/** Sources may be URIs (`file:///…/%E5%9B%A2%E9%98%9F.md`): their names are percent-encoded. */
function decodeEscapes(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function readCorpus(bytes: Uint8Array, source: string, maxBytes?: number): ReadResult {
  const decoded = decodeCorpusBytes(bytes, maxBytes);
  if (decoded.problem) return { problems: [decoded.problem] };
  return { ...parseCorpus(decoded.text, { source, fallbackId: corpusIdFromFileName(source) }), text: decoded.text };
}
