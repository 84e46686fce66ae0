// Reading back what the Word exporter wrote: the parts of the .docx, its paragraphs and their text.
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  core: string;
  footers: string[];
  media: string[];
}

export async function unzipDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return file.async('string');
  };
  const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name)).sort();
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    core: await read('docProps/core.xml'),
    footers: await Promise.all(footerNames.map(read)),
    media: Object.keys(zip.files).filter((name) => name.startsWith('word/media/')),
  };
}

const unescape = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each body paragraph's XML (tables' cell paragraphs included), in order. */
export function paragraphs(documentXml: string): string[] {
  return documentXml.match(/<w:p\/>|<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
}

/** The text of a piece of WordprocessingML: its w:t runs, w:br as a newline. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((match) => (match[1] === undefined ? '\n' : unescape(match[1]))).join('');
}

/** The style id of a style definition (w:style … w:styleId="id" …</w:style>). */
export function styleXml(stylesXml: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!match) throw new Error(`style ${id} not found`);
  return match[0];
}

/** Asserts that each piece occurs in `text`, in the given order; returns the first missing one. */
export function firstOutOfOrder(text: string, pieces: readonly string[]): string | undefined {
  let at = 0;
  for (const piece of pieces) {
    const found = text.indexOf(piece, at);
    if (found < 0) return piece;
    at = found + piece.length;
  }
  return undefined;
}
