// The Word styles and the section of a 公文: fonts per script, sizes, indents, the 22-line grid, page numbers.
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import { characterSpacing, LINE_PITCH, PAGE, PAGE_NUMBER_GAP, type DocxStyle } from './layout';

/** Word sizes are half points. */
const halfPoints = (points: number): number => Math.round(points * 2);

/** East Asian text in `eastAsia`, digits and Latin letters in the Latin font. */
export function fonts(eastAsia: string, style: DocxStyle) {
  return { ascii: style.latinFont, hAnsi: style.latinFont, cs: style.latinFont, eastAsia };
}

/** Exact line spacing on the grid; a title too large for one grid line gets "at least" its own height. */
function gridSpacing(points: number) {
  return points * 20 * 1.2 <= LINE_PITCH
    ? { line: LINE_PITCH, lineRule: LineRuleType.EXACT }
    : { line: Math.ceil(points * 20 * 1.3), lineRule: LineRuleType.AT_LEAST };
}

/** Two characters of the body font: the first-line indent of 公文 paragraphs. */
export function twoChars(style: DocxStyle) {
  return { firstLineChars: 200, firstLine: style.bodySize * 2 * 20 };
}

export const NO_INDENT = { firstLine: 0, firstLineChars: 0 };

/** Paragraph styles: Normal is the body text; Title and Heading1–4 are the structure levels. */
export function documentStyles(style: DocxStyle): IStylesOptions {
  const heading = (font: string, outlineLevel: number, bold: boolean) => ({
    run: { font: fonts(font, style), size: halfPoints(style.headingSize), bold, color: '000000', italics: false },
    paragraph: { outlineLevel, keepNext: true, spacing: { before: 0, after: 0, ...gridSpacing(style.headingSize) } },
  });
  const body = {
    run: { font: fonts(style.bodyFont, style), size: halfPoints(style.bodySize), characterSpacing: characterSpacing(style.bodySize), language: { value: 'en-US', eastAsia: 'zh-CN' } },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: twoChars(style),
      spacing: { before: 0, after: 0, ...gridSpacing(style.bodySize) },
    },
  };
  return {
    // Normal carries the body text as well as the defaults: LibreOffice sizes the character grid from Normal.
    paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, ...body }],
    default: {
      document: body,
      title: {
        run: { font: fonts(style.titleFont, style), size: halfPoints(style.titleSize), bold: false, color: '000000' },
        // One blank grid line after the title.
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { before: 0, after: LINE_PITCH, ...gridSpacing(style.titleSize) } },
      },
      heading1: heading(style.heading1Font, 0, false),
      heading2: heading(style.heading2Font, 1, false),
      heading3: heading(style.heading3Font, 2, style.boldThirdLevel),
      heading4: heading(style.heading3Font, 3, false),
    },
  };
}

/** `— 1 —` in 宋体, one character in from the outer edge of the 版心: right on odd pages, left on even ones. */
function pageNumberFooter(style: DocxStyle, side: 'odd' | 'even'): Footer {
  const oneChar = Math.round(style.pageNumberSize * 20);
  const run = { font: { ascii: style.pageNumberFont, hAnsi: style.pageNumberFont, cs: style.pageNumberFont, eastAsia: style.pageNumberFont }, size: halfPoints(style.pageNumberSize) };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { ...NO_INDENT, right: oneChar } : { ...NO_INDENT, left: oneChar },
        spacing: { before: 0, after: 0, line: footerLine(style), lineRule: LineRuleType.EXACT },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The footer's one line is 1.5 × the page number size, so where its middle sits is known. */
const footerLine = (style: DocxStyle): number => Math.round(style.pageNumberSize * 20 * 1.5);

export function sectionOptions(style: DocxStyle, children: ISectionOptions['children']): ISectionOptions {
  // Word measures the footer from the page's bottom edge to the footer's bottom: put the middle of the page
  // number's line 7 mm below the 版心.
  const footer = PAGE.bottom - PAGE_NUMBER_GAP - Math.round(footerLine(style) / 2);
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.top - LINE_PITCH, footer, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
    },
    footers: { default: pageNumberFooter(style, 'odd'), even: pageNumberFooter(style, 'even') },
    children,
  };
}
