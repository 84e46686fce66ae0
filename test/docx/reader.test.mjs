// The Word export as a real word processor sees it: LibreOffice opens each exported .docx and prints it to PDF,
// poppler reads the pages back. Needs scripts/install-docx-deps.sh (npm run test:docx runs it first).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertToPdf, pdfInfo, pdfLines, renderFirstPage } from './pdf.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const core = createRequire(import.meta.url)(path.join(root, 'dist', 'core.js'));

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
/** The 版心 in PDF points, y from the top. */
const TEXT = { top: 37 * MM, bottom: A4.height - 35 * MM, left: 28 * MM, right: A4.width - 26 * MM };
const BODY_PT = 16;

const strip = (text) => text.replace(/\s+/g, '');
/**
 * LibreOffice (7.4) does not draw a punctuation mark that hangs past the right edge of a justified line (Word
 * does). Such a mark is the only thing a comparison may miss, and only where a printed line ends.
 */
const HANGING = /[，。、；：？！）》」』”’]/;
const withoutPunctuation = (text) => text.replace(new RegExp(HANGING.source, 'g'), '');
const bodyLines = (page) => page.lines.filter((line) => line.yMin < TEXT.bottom);
const footerLines = (page) => page.lines.filter((line) => line.yMin >= TEXT.bottom);

/** Han characters only, no punctuation: a line of them is exactly as long as the grid allows. */
const HAN = '坚持以人民为中心的发展思想推动高质量发展全面深化改革开放加强党的建设提高政治判断力政治领悟力政治执行力';

/**
 * Matches the printed lines against the expected text character by character; returns the first mismatch (with
 * context) or the number of line-end punctuation marks the printout left out.
 */
function comparePrinted(lines, expected) {
  let at = 0;
  let hung = 0;
  const skipHanging = () => {
    while (at < expected.length && HANGING.test(expected[at]) && expected[at] !== undefined) {
      at++;
      hung++;
    }
  };
  for (const [number, line] of lines.entries()) {
    for (const [index, char] of [...line].entries()) {
      if (index === 0 && expected[at] !== char) skipHanging();
      if (expected[at] !== char) {
        return { error: `line ${number + 1} "${line}", character ${index + 1}: printed "${char}", expected "${expected.slice(at, at + 20)}"` };
      }
      at++;
    }
  }
  skipHanging();
  if (at !== expected.length) return { error: `the printout ends before "${expected.slice(at, at + 40)}"` };
  return { hung };
}

describe('Word export in a real word processor (LibreOffice → PDF → poppler)', function () {
  this.timeout(600_000);
  let dir;
  const pdf = {};
  const markdown = {};

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phrasebook-docx-reader-'));
    // A full page: no title, long paragraphs of Han characters.
    markdown.fullPage = Array.from({ length: 6 }, (_, paragraph) => Array.from({ length: 300 }, (_, index) => HAN[(index * 7 + paragraph) % HAN.length]).join('')).join('\n\n');
    markdown.sample = fs.readFileSync(path.join(here, 'sample-report.md'), 'utf8');
    // The whole built-in corpus composed into one report, as the extension's Compose does.
    const { corpus } = core.readCorpus(fs.readFileSync(path.join(root, 'corpus', 'builtin.md')), 'builtin.md');
    const ids = corpus.categories.flatMap((category) => category.items.map((item) => item.id));
    markdown.corpus = `# 对照检查材料\n\n${core.composeMarkdown(corpus.categories, ids)}\n`;
    const files = [];
    for (const [name, text] of Object.entries(markdown)) {
      const { bytes } = await core.exportDocx(text, { fallbackTitle: name });
      const file = path.join(dir, `${name}.docx`);
      fs.writeFileSync(file, bytes);
      files.push(file);
    }
    const pdfs = convertToPdf(files, dir);
    Object.keys(markdown).forEach((name, index) => (pdf[name] = pdfs[index]));
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    const png = renderFirstPage(pdf.sample, path.join(root, 'test-results', 'docx-page1.png'));
    // PHRASEBOOK_SCREENSHOTS=docs (npm run screenshots) refreshes the README's picture.
    if (process.env.PHRASEBOOK_SCREENSHOTS) fs.copyFileSync(png, path.join(root, process.env.PHRASEBOOK_SCREENSHOTS, 'docx-page1.png'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints on A4', () => {
    for (const file of Object.values(pdf)) {
      const info = pdfInfo(file);
      assert.ok(Math.abs(info.width - A4.width) < 1 && Math.abs(info.height - A4.height) < 1, info.text);
      for (const page of pdfLines(file)) assert.ok(Math.abs(page.width - A4.width) < 1 && Math.abs(page.height - A4.height) < 1);
    }
  });

  it('a full page of body text holds 22 lines of 28 characters inside the 版心', () => {
    const pages = pdfLines(pdf.fullPage);
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    for (const page of pages.slice(0, -1)) {
      const lines = bodyLines(page);
      assert.equal(lines.length, 22, lines.map((line) => line.text).join('\n'));
      assert.ok(lines[0].yMin >= TEXT.top - 2 && lines[21].yMax <= TEXT.bottom + 2, 'inside the 版心');
      for (const line of lines) {
        const indented = line.xMin > TEXT.left + BODY_PT;
        const full = line.xMax > TEXT.right - BODY_PT / 2;
        // Paragraphs start two characters in; every full line is 28 characters wide.
        if (full) assert.equal([...line.text].length, indented ? 26 : 28, line.text);
        assert.ok(line.xMax <= TEXT.right + 1, `inside the right margin: ${line.xMax}`);
      }
    }
  });

  it('title, headings and body come out in order: the title centred with a blank line after, headings indented', () => {
    const pages = pdfLines(pdf.sample);
    const text = withoutPunctuation(strip(pages.flatMap((page) => bodyLines(page).map((line) => line.text)).join('')));
    // Table cells that wrap interleave in the text layer, so of the table only whole short cells are checked.
    const pieces = ['关于2026年度履职尽责情况的报告', '按照市委统一部署', '一、主要工作及成效', '（一）坚持理论武装', '坚持把学习贯彻党的创新理论作为首要政治任务', '全年参加集中学习24次', '（二）聚焦中心工作', '1.抓好项目建设', '12.6亿元', '2.优化营商环境', '1.推行“一网通办”', '2.开展“万人助万企”活动', '指标', '3412', '二、存在的问题', '三、下一步打算', '一张蓝图绘到底', '做好各项工作'];
    let at = 0;
    for (const piece of pieces) {
      const found = text.indexOf(withoutPunctuation(piece), at);
      assert.ok(found >= 0, `"${piece}" missing or out of order in ${text}`);
      at = found + withoutPunctuation(piece).length;
    }
    const [title, next] = bodyLines(pages[0]);
    assert.equal(strip(title.text), '关于2026年度履职尽责情况的报告');
    assert.ok(Math.abs((title.xMin + title.xMax) / 2 - (TEXT.left + TEXT.right) / 2) < 3, 'the title is centred');
    assert.ok(title.yMax - title.yMin > (next.yMax - next.yMin) * 1.2, 'the title is larger than the body');
    assert.ok(next.yMin - title.yMin > 2 * 28.95 - 1, 'one blank line after the title');
    const heading = pages.flatMap(bodyLines).find((line) => strip(line.text) === '一、主要工作及成效');
    assert.ok(Math.abs(heading.xMin - (TEXT.left + 2 * BODY_PT)) < 3, `headings start two characters in: ${heading.xMin}`);
  });

  it('page numbers — 1 —, — 2 — … at the foot, outer side, one character in', () => {
    for (const file of [pdf.fullPage, pdf.corpus]) {
      const pages = pdfLines(file);
      assert.ok(pages.length >= 2);
      pages.forEach((page, index) => {
        const footer = footerLines(page);
        assert.equal(footer.length, 1, `page ${index + 1}: ${footer.map((line) => line.text)}`);
        const [line] = footer;
        assert.equal(strip(line.text), `—${index + 1}—`);
        if ((index + 1) % 2 === 1) assert.ok(Math.abs(line.xMax - (TEXT.right - 14)) < 3, `odd page ${index + 1}: right, ${line.xMax}`);
        else assert.ok(Math.abs(line.xMin - (TEXT.left + 14)) < 3, `even page ${index + 1}: left, ${line.xMin}`);
        const below = ((line.yMin + line.yMax) / 2 - TEXT.bottom) / MM;
        assert.ok(below > 4 && below < 10, `page ${index + 1}: the number's line is ${below.toFixed(1)} mm below the 版心`);
      });
    }
  });

  it('the whole built-in corpus as one report paginates without losing a line', () => {
    const pages = pdfLines(pdf.corpus);
    const printed = pages.flatMap((page) => bodyLines(page).map((line) => strip(line.text)));
    const expected = strip(markdown.corpus.replace(/^#+ /gm, '').replace(/^(\d+)\. /gm, '$1.'));
    const { error, hung } = comparePrinted(printed, expected);
    assert.equal(error, undefined);
    const perPage = pages.map((page) => bodyLines(page).length);
    // A heading is kept with the paragraph after it, so a page may end a line or two early; none holds more than 22.
    assert.ok(perPage.every((count) => count <= 22), perPage.join(' '));
    assert.ok(perPage.slice(0, -1).every((count) => count >= 19), perPage.join(' '));
    assert.equal(pdfInfo(pdf.corpus).pages, pages.length);
    console.log(`      built-in corpus: ${expected.length} characters on ${pages.length} pages, ${printed.length} lines; per page ${perPage.join(' ')}; ${hung} line-end marks not drawn`);
  });
});
