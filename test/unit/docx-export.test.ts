import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { composeMarkdown } from '../../src/core/compose';
import {
  characterSpacing,
  DocxExportError,
  exportDocx,
  LINE_PITCH,
  MAX_EXPORT_CHARS,
  PAGE,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  imageInfo,
} from '../../src/core/export';
import { allItems } from '../../src/core/model';
import { builtinCorpus, ROOT } from './helpers';
import { firstOutOfOrder, paragraphs, styleXml, textOf, unzipDocx } from './docx-helpers';

const ICON = fs.readFileSync(path.join(ROOT, 'media', 'icon.png'));

const REPORT = [
  '# 关于2026年度工作情况的报告',
  '',
  '## 一、总体情况',
  '',
  '今年以来，我们**认真贯彻落实**党中央决策部署，*稳中求进*，完成GDP增长5.2%，',
  '全年目标顺利实现。',
  '',
  '### （一）主要做法',
  '',
  '1. 加强理论学习。',
  '2. 狠抓工作落实。',
  '   - 细化责任',
  '',
  '#### 1.强化责任',
  '',
  '> 引用中央文件的一段话。',
  '',
  '第一行  ',
  '第二行',
  '',
  '| 项目 | 完成率 |',
  '| --- | ---: |',
  '| 甲项 | 100% |',
  '',
  '![组织架构图](icon.png)',
  '',
  '## 二、存在问题',
  '',
  '```js',
  'console.log("代码");',
  '```',
  '',
  '<div>内嵌网页</div>',
  '',
  '公式 $$E=mc^2$$ 和 `行内代码`。',
  '',
  '---',
  '',
  '![缺失的图](images/missing.png)',
].join('\n');

/** Every piece of text of REPORT, in reading order. */
const REPORT_PIECES = [
  '关于2026年度工作情况的报告',
  '一、总体情况',
  '今年以来，我们',
  '认真贯彻落实',
  '党中央决策部署，',
  '稳中求进',
  '完成GDP增长5.2%，全年目标顺利实现。',
  '（一）主要做法',
  '1.',
  '加强理论学习。',
  '2.',
  '狠抓工作落实。',
  '•',
  '细化责任',
  '1.强化责任',
  '引用中央文件的一段话。',
  '第一行\n第二行',
  '项目',
  '完成率',
  '甲项',
  '100%',
  '二、存在问题',
  'console.log("代码");',
  '<div>内嵌网页</div>',
  '公式 $$E=mc^2$$ 和 ',
  '行内代码',
  '。',
  '![缺失的图](images/missing.png)',
];

async function exportReport(options: Parameters<typeof exportDocx>[1] = {}) {
  return exportDocx(REPORT, { readImage: async (source) => (source === 'icon.png' ? ICON : undefined), ...options });
}

describe('Word export (公文): the page', () => {
  it('A4 with margins 37/35/28/26 mm, a 22-line grid and even/odd page-number footers', async () => {
    const { bytes } = await exportReport();
    const parts = await unzipDocx(bytes);
    const sectPr = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts.document)![0];
    assert.match(sectPr, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(sectPr, /w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    assert.match(sectPr, /<w:docGrid w:type="lines" w:linePitch="579"/);
    assert.match(sectPr, /<w:footerReference w:type="default"/);
    assert.match(sectPr, /<w:footerReference w:type="even"/);
    assert.match(parts.settings, /<w:evenAndOddHeaders\/>/);
    assert.equal(parts.footers.length, 2);
    const [odd, even] = [parts.footers.find((xml) => /w:jc w:val="right"/.test(xml))!, parts.footers.find((xml) => /w:jc w:val="left"/.test(xml))!];
    for (const footer of [odd, even]) {
      assert.ok(footer, 'one footer right-aligned (odd pages), one left-aligned (even pages)');
      assert.match(footer, /PAGE/);
      assert.match(footer, /<w:t xml:space="preserve">— <\/w:t>/);
      assert.match(footer, /<w:t xml:space="preserve"> —<\/w:t>/);
      assert.match(footer, /w:eastAsia="宋体"/);
      assert.match(footer, /<w:sz w:val="28"\/>/);
    }
    // One character (4号 = 14 pt = 280 twips) in from the outer edge.
    assert.match(odd, /<w:ind [^>]*w:right="280"/);
    assert.match(even, /<w:ind [^>]*w:left="280"/);
  });

  it('the grid is 22 lines of 28 characters in the 156 × 225 mm 版心', () => {
    assert.equal(TEXT_WIDTH, 8845);
    assert.equal(TEXT_HEIGHT, 12756);
    assert.equal(LINE_PITCH, 579); // 28.95 pt
    assert.ok(LINE_PITCH * 22 <= TEXT_HEIGHT && LINE_PITCH * 23 > TEXT_HEIGHT);
    const pitch = 16 * 20 + characterSpacing(16);
    assert.ok(pitch * 28 <= TEXT_WIDTH && pitch * 29 > TEXT_WIDTH, `pitch ${pitch}`);
    assert.equal(PAGE.linesPerPage * PAGE.charsPerLine, 616);
  });
});

describe('Word export (公文): styles', () => {
  it('body: 3号 仿宋_GB2312, Times New Roman for Latin, two-character indent, justified, exact 28.95 pt lines', async () => {
    const { styles } = await unzipDocx((await exportReport()).bytes);
    const normal = styleXml(styles, 'Normal');
    assert.match(normal, /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"\/>/);
    assert.match(normal, /<w:sz w:val="32"\/>/);
    assert.match(normal, /<w:spacing w:val="-5"\/>/);
    assert.match(normal, /<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
    assert.match(normal, /<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    assert.match(normal, /<w:jc w:val="both"\/>/);
  });

  it('title 2号 方正小标宋简体 centred with a blank line after; headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 at 3号', async () => {
    const { styles } = await unzipDocx((await exportReport()).bytes);
    const title = styleXml(styles, 'Title');
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/);
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(title, /w:after="579"/);
    assert.match(title, /w:firstLine="0"/);
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    fonts.forEach((font, index) => {
      const heading = styleXml(styles, `Heading${index + 1}`);
      assert.match(heading, new RegExp(`w:ascii="Times New Roman"[^>]*w:eastAsia="${font}"`));
      assert.match(heading, /<w:sz w:val="32"\/>/);
      assert.match(heading, /<w:b w:val="false"\/>/, `Heading${index + 1} is not bold by default`);
      assert.match(heading, new RegExp(`<w:outlineLvl w:val="${index}"/>`));
      assert.doesNotMatch(heading, /w:color w:val="(?!000000)/);
    });
  });

  it('every font and size can be overridden, and the third level made bold', async () => {
    const { styles } = await unzipDocx(
      (
        await exportReport({
          titleFont: '小标宋',
          titleSize: 26,
          heading1Font: '微软雅黑',
          heading2Font: '楷体',
          heading3Font: '仿宋',
          headingSize: 15,
          bodyFont: 'FangSong',
          bodySize: 15,
          latinFont: 'Arial',
          boldThirdLevel: true,
        })
      ).bytes,
    );
    assert.match(styleXml(styles, 'Title'), /w:eastAsia="小标宋"[\s\S]*<w:sz w:val="52"\/>/);
    assert.match(styleXml(styles, 'Heading1'), /w:eastAsia="微软雅黑"[\s\S]*<w:sz w:val="30"\/>/);
    assert.match(styleXml(styles, 'Heading2'), /w:eastAsia="楷体"/);
    assert.match(styleXml(styles, 'Heading3'), /w:eastAsia="仿宋"[\s\S]*<w:b\/>/);
    assert.match(styleXml(styles, 'Heading4'), /<w:b w:val="false"\/>/);
    assert.match(styleXml(styles, 'Normal'), /w:ascii="Arial"[^>]*w:eastAsia="FangSong"[\s\S]*<w:sz w:val="30"\/>/);
    // 28 characters of 15 pt still fill the line.
    assert.match(styleXml(styles, 'Normal'), new RegExp(`<w:spacing w:val="${characterSpacing(15)}"/>`));
  });

  it('blank or absurd overrides fall back to the standard', async () => {
    const { styles } = await unzipDocx((await exportReport({ bodyFont: '  ', bodySize: 400, titleSize: Number.NaN })).bytes);
    assert.match(styleXml(styles, 'Normal'), /w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    assert.match(styleXml(styles, 'Title'), /<w:sz w:val="44"\/>/);
  });
});

describe('Word export (公文): content', () => {
  it('every piece of text of the Markdown appears, in order, in the document', async () => {
    const { document } = await unzipDocx((await exportReport()).bytes);
    const text = paragraphs(document).map(textOf).join('\n');
    assert.equal(firstOutOfOrder(text, REPORT_PIECES), undefined, text);
  });

  it('maps headings to the title and structure levels, and the title to the document properties', async () => {
    const before = Date.now() - 1000;
    const result = await exportReport();
    const parts = await unzipDocx(result.bytes);
    const styled = paragraphs(parts.document)
      .map((xml) => [/<w:pStyle w:val="(\w+)"\/>/.exec(xml)?.[1], textOf(xml)])
      .filter(([style]) => style);
    assert.deepEqual(styled, [
      ['Title', '关于2026年度工作情况的报告'],
      ['Heading1', '一、总体情况'],
      ['Heading2', '（一）主要做法'],
      ['Heading3', '1.强化责任'],
      ['Heading1', '二、存在问题'],
    ]);
    assert.equal(result.title, '关于2026年度工作情况的报告');
    assert.match(parts.core, /<dc:title>关于2026年度工作情况的报告<\/dc:title>/);
    const created = Date.parse(/<dcterms:created[^>]*>([^<]+)</.exec(parts.core)![1]);
    assert.ok(created >= before && created <= Date.now() + 1000, 'creation time is now');
  });

  it('keeps bold and italic runs, hard breaks, and joins Chinese lines without a space', async () => {
    const { document } = await unzipDocx((await exportReport()).bytes);
    assert.match(document, /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">认真贯彻落实<\/w:t><\/w:r>/);
    assert.match(document, /<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">稳中求进<\/w:t><\/w:r>/);
    const text = paragraphs(document).map(textOf);
    assert.ok(text.includes('第一行\n第二行'));
    assert.ok(text.some((line) => line.endsWith('5.2%，全年目标顺利实现。')));
  });

  it('lists are paragraphs with their markers, nested ones indented further; quotes indented', async () => {
    const { document } = await unzipDocx((await exportReport()).bytes);
    const list = paragraphs(document).filter((xml) => !xml.includes('w:pStyle') && /^(?:\d\.|•)/.test(textOf(xml)));
    assert.deepEqual(list.map(textOf), ['1.加强理论学习。', '2.狠抓工作落实。', '• 细化责任']);
    assert.doesNotMatch(list[0], /w:left=/);
    assert.match(list[2], /<w:ind [^>]*w:left="640"/);
    const quote = paragraphs(document).find((xml) => textOf(xml) === '引用中央文件的一段话。')!;
    assert.match(quote, /<w:ind [^>]*w:left="640"/);
  });

  it('a table is a plain grid with its cells, header row bold, aligned as the Markdown says', async () => {
    const { document } = await unzipDocx((await exportReport()).bytes);
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)![0];
    assert.match(table, /<w:tblBorders><w:top w:val="single"/);
    assert.match(table, /<w:insideV w:val="single"/);
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((match) => match[0]);
    assert.deepEqual(cells.map(textOf), ['项目', '完成率', '甲项', '100%']);
    assert.match(cells[0], /<w:b\/>/);
    assert.doesNotMatch(cells[2], /<w:b\/>/);
    assert.match(cells[3], /<w:jc w:val="right"\/>/);
  });

  it('embeds a local image, fitted into the 版心 and centred', async () => {
    const reads: string[] = [];
    const result = await exportDocx('# 题\n\n正文。\n\n![图](a%20b.png)\n', { readImage: async (source) => (reads.push(source), ICON) });
    const parts = await unzipDocx(result.bytes);
    assert.deepEqual(reads, ['a b.png'], 'the reader gets the decoded source');
    assert.equal(parts.media.length, 1);
    const info = imageInfo(ICON)!;
    const drawing = paragraphs(parts.document).find((xml) => xml.includes('<w:drawing>'))!;
    assert.match(drawing, /<w:jc w:val="center"\/>/);
    const [, cx] = /<wp:extent cx="(\d+)"/.exec(drawing)!;
    assert.equal(Number(cx), Math.min(info.width, TEXT_WIDTH / 15) * 9525);
    assert.deepEqual(result.warnings, []);
  });

  it('reads the size of PNG, JPEG, GIF and BMP images, and nothing else', () => {
    assert.deepEqual(imageInfo(ICON), { type: 'png', width: 256, height: 256 });
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0]);
    assert.deepEqual(imageInfo(jpeg), { type: 'jpg', width: 40, height: 30 });
    assert.deepEqual(imageInfo(Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 10, 0, 5, 0])), { type: 'gif', width: 10, height: 5 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    bmp.set([7, 0, 0, 0, 0xfd, 0xff, 0xff, 0xff], 18);
    assert.deepEqual(imageInfo(bmp), { type: 'bmp', width: 7, height: 3 });
    assert.equal(imageInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
  });

  it('reports what it could not map, with its line, and keeps its text', async () => {
    const { warnings } = await exportReport();
    assert.deepEqual(
      warnings.map(({ kind, line }) => [kind, line]),
      [
        ['codeBlock', 29],
        ['html', 33],
        ['math', 35],
        ['inlineCode', 35],
        ['thematicBreak', 37],
        ['imageMissing', 39],
      ],
    );
    assert.match(warnings[0].message, /Code block "js"/);
    assert.match(warnings[5].message, /images\/missing\.png/);
  });

  it('web links keep their address; other link targets are reported', async () => {
    const result = await exportDocx('# 题\n\n见[网站](https://example.com/a)和[附件](附件1.md)。\n\n![远程](https://example.com/x.png)\n');
    const { document } = await unzipDocx(result.bytes);
    assert.match(document, /<w:hyperlink [^>]*r:id=/);
    assert.equal(firstOutOfOrder(textOf(document), ['见', '网站', '和', '附件', '。', '![远程](https://example.com/x.png)']), undefined);
    assert.deepEqual(result.warnings.map((warning) => warning.kind), ['link', 'imageNotLocal']);
  });

  it('numberHeadings adds 一、（一）1.（1） where a heading has none, and keeps the writer\'s own', async () => {
    const markdown = '# 题\n\n## 总体情况\n\n### 做法\n\n### （二）成效\n\n#### 细节\n\n##### 小点\n\n## 二、问题\n\n### 原因\n';
    const texts = async (numberHeadings: boolean) => {
      const { document } = await unzipDocx((await exportDocx(markdown, { numberHeadings })).bytes);
      return paragraphs(document).map(textOf);
    };
    assert.deepEqual(await texts(false), ['题', '总体情况', '做法', '（二）成效', '细节', '小点', '二、问题', '原因']);
    assert.deepEqual(await texts(true), ['题', '一、总体情况', '（一）做法', '（二）成效', '1.细节', '（1）小点', '二、问题', '（一）原因']);
  });

  it('the whole built-in corpus composed into one report: every item\'s text, in order', async () => {
    const corpus = builtinCorpus();
    const items = allItems(corpus);
    const markdown = `# 对照检查材料\n\n${composeMarkdown(corpus.categories, items.map((item) => item.id))}\n`;
    const { bytes, warnings } = await exportDocx(markdown);
    assert.deepEqual(warnings, []);
    const text = paragraphs((await unzipDocx(bytes)).document).map(textOf).join('\n');
    const pieces = corpus.categories.flatMap((category) => [category.name, ...category.items.flatMap((item) => item.text.split('\n').map((line) => line.trim()).filter(Boolean))]);
    assert.equal(items.length, 61);
    assert.equal(firstOutOfOrder(text, pieces), undefined);
  });
});

describe('Word export (公文): bad input', () => {
  it('an empty document gives a valid document with one empty paragraph and a warning', async () => {
    for (const markdown of ['', '\n\n  \n', '\uFEFF']) {
      const result = await exportDocx(markdown, { fallbackTitle: 'report' });
      const { document } = await unzipDocx(result.bytes);
      assert.equal(paragraphs(document).length, 1);
      assert.deepEqual(result.warnings.map((warning) => warning.kind), ['empty']);
      assert.equal(result.title, 'report');
    }
  });

  it('a document without a title is exported from its first line, titled by the fallback, with a warning', async () => {
    const result = await exportDocx('## 一、总体情况\n\n正文。\n', { fallbackTitle: '述职报告' });
    const parts = await unzipDocx(result.bytes);
    assert.deepEqual(paragraphs(parts.document).map(textOf), ['一、总体情况', '正文。']);
    assert.equal(result.title, '述职报告');
    assert.match(parts.core, /<dc:title>述职报告<\/dc:title>/);
    assert.deepEqual(result.warnings.map((warning) => warning.kind), ['noTitle']);
  });

  it('CRLF line endings give the same document as LF', async () => {
    const lf = await unzipDocx((await exportReport()).bytes);
    const crlf = await unzipDocx((await exportDocx(REPORT.replace(/\n/g, '\r\n'), { readImage: async () => ICON })).bytes);
    // The same paragraphs (the image reader differs only for the missing image, which CRLF's reader finds).
    assert.deepEqual(paragraphs(crlf.document).map(textOf).slice(0, -1), paragraphs(lf.document).map(textOf).slice(0, -1));
    assert.ok(!textOf(crlf.document).includes('\r'));
  });

  it('a 5 MB document is exported whole, yielding to the event loop and reporting progress', async function () {
    this.timeout(180_000);
    const paragraph = '有的党员、干部理论学习兴趣不浓，满足于一知半解，学用脱节，2026年ABC。';
    const count = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(`${paragraph}\n\n`));
    const markdown = `# 大文档\n\n${Array.from({ length: count }, (_, index) => `${index + 1}号${paragraph}`).join('\n\n')}\n`;
    assert.ok(Buffer.byteLength(markdown) >= 5 * 1024 * 1024);
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const result = await exportDocx(markdown, { onProgress: (fraction) => progress.push(fraction) });
      const texts = paragraphs((await unzipDocx(result.bytes)).document).map(textOf);
      assert.equal(texts.length, count + 1);
      assert.equal(texts[count], `${count}号${paragraph}`);
      assert.ok(progress.length > 5 && progress[progress.length - 1] === 1);
      assert.ok(ticks > 0, 'other work ran while it converted');
    } finally {
      clearInterval(timer);
    }
  });

  it('more than the limit is refused with a clear error', async () => {
    await assert.rejects(exportDocx('字'.repeat(MAX_EXPORT_CHARS + 1)), (error: Error) => error instanceof DocxExportError && /at most/.test(error.message));
  });

  it('an image reader that throws is a missing image, not a failed export', async () => {
    const result = await exportDocx('# 题\n\n![图](x.png)\n', {
      readImage: async () => {
        throw new Error('EACCES');
      },
    });
    assert.deepEqual(result.warnings.map((warning) => warning.kind), ['imageMissing']);
    assert.match(textOf((await unzipDocx(result.bytes)).document), /!\[图\]\(x\.png\)/);
  });
});
