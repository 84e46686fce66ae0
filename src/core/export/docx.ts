// Markdown report → Word document in 公文 format (GB/T 9704-2012).
// markdown-it reads the Markdown (CommonMark plus tables), the docx package writes the .docx; this file maps
// one onto the other. Pure: no vscode, no Node built-ins — images arrive through a reader callback, so the same
// code runs in the extension host, the CLI and a browser.
import MarkdownIt from 'markdown-it';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { imageInfo } from './imageInfo';
import { TEXT_HEIGHT, TEXT_WIDTH, resolveStyle, type DocxStyle, type DocxStyleOptions } from './layout';
import { hasOrdinal, ordinalFor } from './ordinals';
import { documentStyles, NO_INDENT, sectionOptions } from './styles';
import { describeWarning, type DocxWarning, type DocxWarningKind } from './warnings';

export interface DocxExportOptions extends DocxStyleOptions {
  /**
   * The bytes of a local image, by its Markdown source (`![](images/chart.png)`, percent-decoded); undefined or
   * a throw when it cannot be read. Without a reader every image is reported and kept as text.
   */
  readImage?: (src: string) => Promise<Uint8Array | undefined>;
  /** The document title property when the Markdown has no `#` title (e.g. the file name). */
  fallbackTitle?: string;
  /** Called now and then with the share of the Markdown converted (0–1), for a progress bar. */
  onProgress?: (fraction: number) => void;
}

export interface DocxExportResult {
  bytes: Uint8Array;
  /** The text of the first `#` heading, or the fallback title. */
  title: string;
  /** What could not be mapped onto a 公文 (kept as plain text) or could not be read; in document order. */
  warnings: DocxWarning[];
}

/** Larger Markdown is refused with a DocxExportError rather than risking the host's memory. */
export const MAX_EXPORT_CHARS = 20 * 1024 * 1024;

export class DocxExportError extends Error {}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const WEB_LINK = /^(?:https?:|mailto:)/i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MATH = /\$\$|\\\(|\\\[|\$[^$\s][^$]*[\\^_{}][^$]*\$/;
/** 96 px to the inch, as docx measures images. */
const TWIPS_PER_PIXEL = 15;
/** Converting yields to the event loop this often, so a long document does not freeze the host. */
const TOKENS_PER_SLICE = 2000;

const markdown = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
type Token = ReturnType<typeof markdown.parse>[number];

type Block = Paragraph | Table;

interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
}

interface ListFrame {
  ordered: boolean;
  next: number;
  markup: string;
}

class Converter {
  readonly blocks: Block[] = [];
  readonly warnings: DocxWarning[] = [];
  title: string | undefined;
  private readonly lists: ListFrame[] = [];
  private quoteDepth = 0;
  /** The marker (`1.`, `•`) of a list item whose first paragraph has not been written yet. */
  private pendingMarker: string | undefined;
  private readonly headingCounters = [0, 0, 0, 0, 0];

  constructor(
    private readonly style: DocxStyle,
    private readonly readImage: DocxExportOptions['readImage'],
  ) {}

  warn(kind: DocxWarningKind, line: number, detail = ''): void {
    this.warnings.push({ kind, line, detail, message: describeWarning(kind, detail) });
  }

  async convert(tokens: Token[], onProgress?: (fraction: number) => void): Promise<void> {
    for (let index = 0; index < tokens.length; index++) {
      if (index > 0 && index % TOKENS_PER_SLICE === 0) {
        onProgress?.(index / tokens.length);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      index = await this.block(tokens, index);
    }
    onProgress?.(1);
  }

  /** Handles the block token at `index`; returns the index of the last token it consumed. */
  private async block(tokens: Token[], index: number): Promise<number> {
    const token = tokens[index];
    const line = (token.map?.[0] ?? 0) + 1;
    switch (token.type) {
      case 'heading_open':
        await this.heading(Number(token.tag.slice(1)), tokens[index + 1], line);
        return index + 2;
      case 'paragraph_open':
        await this.paragraph(tokens[index + 1], line);
        return index + 2;
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1), markup: token.markup });
        return index;
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.lists.pop();
        return index;
      case 'list_item_open': {
        const list = this.lists[this.lists.length - 1];
        this.pendingMarker = list.ordered ? `${token.info || list.next}${token.markup}` : '•';
        list.next = Number(token.info || list.next) + 1;
        return index;
      }
      case 'list_item_close':
        // An empty item ("- ") still shows its marker.
        if (this.pendingMarker !== undefined) this.push(this.bodyParagraph([this.text(this.takeMarker(), {})]));
        return index;
      case 'blockquote_open':
        this.quoteDepth++;
        return index;
      case 'blockquote_close':
        this.quoteDepth--;
        return index;
      case 'fence':
      case 'code_block':
        this.warn('codeBlock', line, token.info.trim());
        this.push(this.literalParagraph(token.content, line));
        return index;
      case 'html_block':
        this.warn('html', line, token.content.trim().split('\n')[0]);
        this.push(this.literalParagraph(token.content, line));
        return index;
      case 'hr':
        this.warn('thematicBreak', line, token.markup);
        return index;
      case 'table_open':
        return this.table(tokens, index);
      default:
        return index;
    }
  }

  private push(block: Block): void {
    this.blocks.push(block);
  }

  private takeMarker(): string {
    const marker = this.pendingMarker ?? '';
    this.pendingMarker = undefined;
    return marker;
  }

  /** Lists and quotes indent two characters per level, on top of the usual first-line indent. */
  private nestIndent(): { left: number } | undefined {
    const depth = Math.max(0, this.lists.length - 1) + this.quoteDepth;
    if (depth === 0) return undefined;
    return { left: depth * 2 * this.style.bodySize * 20 };
  }

  private bodyParagraph(children: ParagraphChild[]): Paragraph {
    const nest = this.nestIndent();
    return new Paragraph({ children, indent: nest ? { ...nest, firstLineChars: 200, firstLine: this.style.bodySize * 40 } : undefined });
  }

  private text(text: string, format: RunFormat): TextRun {
    return new TextRun({ text, ...format });
  }

  /** A construct with no 公文 equivalent: its source text, line by line, as a plain paragraph. */
  private literalParagraph(content: string, line: number): Paragraph {
    const lines = content.replace(/\n$/, '').split('\n');
    const marker = this.takeMarker();
    if (marker) lines[0] = `${marker} ${lines[0]}`;
    this.checkMath(content, line);
    return new Paragraph({
      indent: { ...NO_INDENT, ...this.nestIndent() },
      alignment: AlignmentType.LEFT,
      children: lines.map((text, position) => new TextRun({ text, break: position > 0 ? 1 : undefined })),
    });
  }

  private checkMath(text: string, line: number): void {
    const math = MATH.exec(text);
    if (math) this.warn('math', line, text.slice(Math.max(0, math.index - 10), math.index + 30).trim());
  }

  private async heading(level: number, inline: Token, line: number): Promise<void> {
    const plain = plainText(inline);
    if (level === 1) {
      this.title ??= plain.trim();
      this.push(new Paragraph({ heading: HeadingLevel.TITLE, children: await this.runs(inline, line) }));
      return;
    }
    const depth = level - 2;
    this.headingCounters[depth]++;
    this.headingCounters.fill(0, depth + 1);
    const children = await this.runs(inline, line);
    const marker = this.takeMarker();
    if (this.style.numberHeadings && !hasOrdinal(plain)) children.unshift(this.text(ordinalFor(depth, this.headingCounters[depth]), {}));
    if (marker) children.unshift(this.text(`${marker} `, {}));
    const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
    this.push(new Paragraph({ heading: headings[Math.min(depth, 3)], children }));
  }

  private async paragraph(inline: Token, line: number): Promise<void> {
    const children = inline.children ?? [];
    const onlyImage = children.filter((child) => !(child.type === 'text' && child.content.trim() === '') && child.type !== 'softbreak');
    if (onlyImage.length === 1 && onlyImage[0].type === 'image' && this.pendingMarker === undefined) {
      const image = await this.image(onlyImage[0], line);
      this.push(
        image instanceof ImageRun
          ? new Paragraph({
              alignment: AlignmentType.CENTER,
              indent: NO_INDENT,
              // Exact grid spacing would crop the picture to one line.
              spacing: { line: 240, lineRule: LineRuleType.AUTO },
              children: [image],
            })
          : this.bodyParagraph([this.text(image, {})]),
      );
      return;
    }
    const runs = await this.runs(inline, line);
    const marker = this.takeMarker();
    if (marker) {
      const first = plainText(inline);
      runs.unshift(this.text(CJK.test(first.charAt(0)) && marker !== '•' ? marker : `${marker} `, {}));
    }
    this.push(this.bodyParagraph(runs));
  }

  /** The runs of an inline token: text with bold/italic/strike, hard breaks, links, images. */
  private async runs(inline: Token, line: number, base: RunFormat = {}): Promise<ParagraphChild[]> {
    const out: ParagraphChild[] = [];
    const children = inline.children ?? [];
    const format: RunFormat = { ...base };
    let link: { href: string; runs: ParagraphChild[] } | undefined;
    const add = (child: ParagraphChild) => (link ? link.runs : out).push(child);
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      switch (child.type) {
        case 'text':
          this.checkMath(child.content, line);
          add(this.text(child.content, format));
          break;
        case 'softbreak': {
          // A line break inside a Chinese paragraph is no space; between Latin words it is one.
          const before = children[index - 1]?.content.slice(-1) ?? '';
          const after = children[index + 1]?.content.charAt(0) ?? '';
          if (!CJK.test(before) && !CJK.test(after) && before && after) add(this.text(' ', format));
          break;
        }
        case 'hardbreak':
          add(new TextRun({ break: 1 }));
          break;
        case 'strong_open':
          format.bold = true;
          break;
        case 'strong_close':
          format.bold = base.bold;
          break;
        case 'em_open':
          format.italics = true;
          break;
        case 'em_close':
          format.italics = undefined;
          break;
        case 's_open':
          format.strike = true;
          break;
        case 's_close':
          format.strike = undefined;
          break;
        case 'code_inline':
          this.warn('inlineCode', line, child.content);
          add(this.text(child.content, format));
          break;
        case 'html_inline':
          this.warn('html', line, child.content);
          add(this.text(child.content, format));
          break;
        case 'link_open': {
          const href = String(child.attrGet('href') ?? '');
          if (WEB_LINK.test(href)) link = { href, runs: [] };
          else this.warn('link', line, href);
          break;
        }
        case 'link_close':
          if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
          link = undefined;
          break;
        case 'image': {
          const image = await this.image(child, line);
          add(image instanceof ImageRun ? image : this.text(image, format));
          break;
        }
        default:
          if (child.content) add(this.text(child.content, format));
      }
    }
    if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
    return out;
  }

  /** The image embedded, fitted into the 版心; or, when it cannot be, its Markdown source to keep as text. */
  private async image(token: Token, line: number): Promise<ImageRun | string> {
    const rawSource = String(token.attrGet('src') ?? '');
    let source = rawSource;
    try {
      source = decodeURI(rawSource);
    } catch {
      // Keep the source as written.
    }
    const asText = `![${token.content}](${source})`;
    if (URL_SCHEME.test(source) && !/^file:/i.test(source)) {
      this.warn('imageNotLocal', line, source);
      return asText;
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.readImage ? await this.readImage(source) : undefined;
    } catch {
      bytes = undefined;
    }
    if (!bytes) {
      this.warn('imageMissing', line, source);
      return asText;
    }
    const info = imageInfo(bytes);
    if (!info) {
      this.warn('imageUnsupported', line, source);
      return asText;
    }
    const scale = Math.min(1, TEXT_WIDTH / TWIPS_PER_PIXEL / info.width, (TEXT_HEIGHT * 0.9) / TWIPS_PER_PIXEL / info.height);
    return new ImageRun({
      type: info.type,
      data: bytes,
      transformation: { width: Math.max(1, Math.round(info.width * scale)), height: Math.max(1, Math.round(info.height * scale)) },
      altText: { name: source, description: token.content, title: token.content },
    });
  }

  /** A plain grid table: 仿宋 text (the body font), header row bold, columns of equal width across the 版心. */
  private async table(tokens: Token[], index: number): Promise<number> {
    const line = (tokens[index].map?.[0] ?? 0) + 1;
    if (this.pendingMarker !== undefined) this.push(this.bodyParagraph([this.text(this.takeMarker(), {})]));
    const rows: { header: boolean; cells: { inline: Token; align: string | undefined }[] }[] = [];
    let header = false;
    let at = index + 1;
    for (; at < tokens.length && tokens[at].type !== 'table_close'; at++) {
      const token = tokens[at];
      if (token.type === 'thead_open') header = true;
      else if (token.type === 'thead_close') header = false;
      else if (token.type === 'tr_open') rows.push({ header, cells: [] });
      else if (token.type === 'th_open' || token.type === 'td_open') {
        const align = /text-align:(\w+)/.exec(String(token.attrGet('style') ?? ''))?.[1];
        rows[rows.length - 1].cells.push({ inline: tokens[at + 1], align });
      }
    }
    const columns = Math.max(1, ...rows.map((row) => row.cells.length));
    const width = Math.floor(TEXT_WIDTH / columns);
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const alignments: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
      left: AlignmentType.LEFT,
      center: AlignmentType.CENTER,
      right: AlignmentType.RIGHT,
    };
    const tableRows: TableRow[] = [];
    for (const row of rows) {
      const cells: TableCell[] = [];
      for (const cell of row.cells) {
        const runs = await this.runs(cell.inline, line, row.header ? { bold: true } : {});
        cells.push(
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            children: [
              new Paragraph({
                indent: NO_INDENT,
                alignment: row.header ? AlignmentType.CENTER : (alignments[cell.align ?? ''] ?? AlignmentType.LEFT),
                children: runs,
              }),
            ],
          }),
        );
      }
      // Short rows are padded, so the grid stays whole.
      while (cells.length < columns) cells.push(new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ indent: NO_INDENT })] }));
      tableRows.push(new TableRow({ children: cells, tableHeader: row.header }));
    }
    this.push(
      new Table({
        rows: tableRows,
        width: { size: width * columns, type: WidthType.DXA },
        columnWidths: Array.from({ length: columns }, () => width),
        layout: TableLayoutType.FIXED,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      }),
    );
    return at;
  }
}

/** The text of an inline token as a reader sees it (no markup). */
function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content))
    .join('');
}

/** Converts a Markdown report into a .docx laid out as GB/T 9704-2012 prescribes. */
export async function exportDocx(markdownText: string, options: DocxExportOptions = {}): Promise<DocxExportResult> {
  if (markdownText.length > MAX_EXPORT_CHARS) {
    throw new DocxExportError(`The document has ${markdownText.length} characters; at most ${MAX_EXPORT_CHARS} can be exported.`);
  }
  const style = resolveStyle(options);
  const text = markdownText.replace(/^\uFEFF/, '');
  const converter = new Converter(style, options.readImage);
  await converter.convert(markdown.parse(text, {}), options.onProgress);
  if (converter.blocks.length === 0) {
    converter.warn('empty', 1);
    converter.blocks.push(new Paragraph({ children: [] }));
  }
  if (converter.title === undefined && text.trim() !== '') converter.warn('noTitle', 1);
  const title = converter.title || options.fallbackTitle || '';
  const document = new Document({
    title,
    creator: '',
    lastModifiedBy: '',
    styles: documentStyles(style),
    evenAndOddHeaderAndFooters: true,
    sections: [sectionOptions(style, converter.blocks)],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  converter.warnings.sort((a, b) => a.line - b.line);
  return { bytes, title, warnings: converter.warnings };
}
