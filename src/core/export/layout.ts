// The 公文 page of GB/T 9704-2012 in Word units, and the writer's overrides of its fonts and sizes.
// No vscode, no Node built-ins: the exporter runs in Node, the CLI and a browser alike.

/** Fonts and sizes of the exported document; every field is optional and falls back to GB/T 9704. */
export interface DocxStyleOptions {
  /** Title (`#`): 方正小标宋简体, 2号 = 22 pt. */
  titleFont?: string;
  titleSize?: number;
  /** `##` / 一、: 黑体. */
  heading1Font?: string;
  /** `###` / （一）: 楷体_GB2312. */
  heading2Font?: string;
  /** `####` / 1. and deeper: 仿宋_GB2312. */
  heading3Font?: string;
  /** All heading levels below the title: 3号 = 16 pt. */
  headingSize?: number;
  /** Body text, lists, quotes and tables: 仿宋_GB2312, 3号 = 16 pt. */
  bodyFont?: string;
  bodySize?: number;
  /** Digits and Latin letters everywhere (Word's ascii/hAnsi fonts): Times New Roman. */
  latinFont?: string;
  /** Page numbers: 宋体, 4号 = 14 pt. */
  pageNumberFont?: string;
  pageNumberSize?: number;
  /** Make the third structure level (`####`, "1.") bold, as many units do. Default false (the standard). */
  boldThirdLevel?: boolean;
  /** Add 一、 （一） 1. （1） to headings that have no ordinal of their own. Default false. */
  numberHeadings?: boolean;
}

export type DocxStyle = Required<DocxStyleOptions>;

export const DEFAULT_DOCX_STYLE: DocxStyle = {
  titleFont: '方正小标宋简体',
  titleSize: 22,
  heading1Font: '黑体',
  heading2Font: '楷体_GB2312',
  heading3Font: '仿宋_GB2312',
  headingSize: 16,
  bodyFont: '仿宋_GB2312',
  bodySize: 16,
  latinFont: 'Times New Roman',
  pageNumberFont: '宋体',
  pageNumberSize: 14,
  boldThirdLevel: false,
  numberHeadings: false,
};

const MIN_SIZE = 5;
const MAX_SIZE = 72;

/** The defaults with the given overrides; blank fonts and sizes outside 5–72 pt fall back to the default. */
export function resolveStyle(options: DocxStyleOptions = {}): DocxStyle {
  const style: DocxStyle = { ...DEFAULT_DOCX_STYLE };
  for (const key of Object.keys(DEFAULT_DOCX_STYLE) as (keyof DocxStyle)[]) {
    const value = options[key];
    const fallback = DEFAULT_DOCX_STYLE[key];
    if (typeof fallback === 'string' && typeof value === 'string' && value.trim() !== '') (style as Record<string, unknown>)[key] = value.trim();
    else if (typeof fallback === 'number' && typeof value === 'number' && Number.isFinite(value) && value >= MIN_SIZE && value <= MAX_SIZE) {
      // Word stores sizes in half points.
      (style as Record<string, unknown>)[key] = Math.round(value * 2) / 2;
    } else if (typeof fallback === 'boolean' && typeof value === 'boolean') (style as Record<string, unknown>)[key] = value;
  }
  return style;
}

/** Millimetres → twips (1/20 pt), Word's unit for page geometry. */
export const mm = (millimetres: number): number => Math.round((millimetres / 25.4) * 1440);

/** The page: A4, margins 37/35/28/26 mm, a 版心 of 156 × 225 mm holding 22 lines of 28 characters. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  linesPerPage: 22,
  charsPerLine: 28,
};

export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/**
 * The fixed line spacing (twips) of the 22-line grid: the largest whole twip count of which 22 lines fit the
 * 版心 (579 = 28.95 pt), so Word and LibreOffice both put exactly 22 lines on a page.
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / PAGE.linesPerPage);

/**
 * The character spacing (twips, Word's `w:spacing` of a run) that puts 28 characters of the body size on a line:
 * −5 (−0.25 pt) for 3号. Word's character grid (`linesAndChars` with a negative `charSpace`) would do the same in
 * Word, but LibreOffice gives every character wider than a grid cell two cells (19 characters a line), so the
 * grid is lines only and the pitch comes from the spacing, which both honour.
 */
export function characterSpacing(bodySize: number): number {
  return Math.floor(TEXT_WIDTH / PAGE.charsPerLine - bodySize * 20);
}

/** The page number's line sits 7 mm below the 版心 (GB/T 9704 7.5). */
export const PAGE_NUMBER_GAP = mm(7);
