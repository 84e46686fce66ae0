// Generated corpus files and outline texts for the differential and fuzz tests: lines a writer, a careless
// paste or an attacker would produce, each a variation the parser must place as Markdown does.
import fc from 'fast-check';

const WORDS = ['理论学习', '工作作风', '学用脱节。', '文本', 'C#', 'a b', '２０２４', '…等等。2.有的'];

type Piece = (n: number, word: string) => string;

export const CORPUS_PIECES: Record<string, Piece> = {
  heading: (n, w) => `## ${'一二三四五六七八九十'[n % 10]}、${w}`,
  headingPlain: (_, w) => `## ${w}`,
  headingNoSpace: (_, w) => `##${w}`,
  headingFullWidthSpace: (_, w) => `##　二、${w}`,
  headingIndented: (_, w) => `  ## 二、${w}`,
  headingCode: (_, w) => `    ## ${w}`,
  headingHashes: () => '## 一、C # #',
  headingComment: (_, w) => `## ${w} <!-- 注 -->`,
  headingBom: (_, w) => `\ufeff## 二、${w}`,
  setext2: (_, w) => `${w}\n---`,
  setext1: (_, w) => `${w}\n===`,
  title: (_, w) => `# ${w}`,
  h3: (_, w) => `### ${w}`,
  item: (n, w) => `${n}. ${w}`,
  itemParen: (n, w) => `${n}) ${w}`,
  itemNoSpace: (n, w) => `${n}.${w}`,
  itemFullWidth: (n, w) => `${n}． ${w}`,
  itemComma: (n, w) => `${n}、${w}`,
  itemIndented: (n, w) => `  ${n}. ${w}`,
  itemHuge: (_, w) => `9007199254740993. ${w}`,
  itemTenDigits: (_, w) => `1234567890. ${w}`,
  itemEmpty: (n) => `${n}.`,
  itemWide: (n, w) => `${n}.      ${w}`,
  itemTab: (n, w) => `${n}.\t${w}`,
  itemComment: (n, w) => `${n}. ${w} <!-- 注 --> 尾`,
  itemOpener: (n, w) => `${n}. 使用<!--${w}`,
  itemCloser: (n, w) => `${n}. 箭头-->${w}`,
  itemCode: (n) => `${n}. 用 \`<!--\` 标记`,
  continuation3: (_, w) => `   ${w}`,
  continuation2: (_, w) => `  ${w}`,
  continuation0: (_, w) => `${w}`,
  continuationTab: (_, w) => `\t${w}`,
  continuationDeep: (_, w) => `      ${w}`,
  continuationHeading: (_, w) => `   ## ${w}`,
  continuationNested: (n, w) => `   ${n}. ${w}`,
  continuationBullet: (_, w) => `   - ${w}`,
  continuationFence: (_, w) => `   \`\`\`\n   ## ${w}\n   \`\`\``,
  bullet: (_, w) => `- ${w}`,
  quote: (_, w) => `> ${w}`,
  rule: () => '---',
  stars: () => '***',
  fence: (n, w) => `\`\`\`\n## 二、${w}\n${n}. ${w}\n\`\`\``,
  comment: (_, w) => `<!-- ${w} -->`,
  commentMultiline: (_, w) => `<!-- ${w}\n${w} -->`,
  commentUnclosed: (_, w) => `<!-- ${w}`,
  commentInline: (_, w) => `${w}<!--中间-->${w}`,
  html: (_, w) => `<div>\n${w}\n</div>`,
  reference: () => '[ref]: http://example.com',
  table: (_, w) => `| ${w} | b |\n| --- | --- |\n| 1 | 2 |`,
  lineSeparator: (_, w) => `${w}\u2028${w}\u2029尾`,
  ideographicIndent: (_, w) => `\u3000${w}`,
  stray: (_, w) => `游离的${w}`,
};

export const FRONT_MATTER = '---\nid: gen\ntitle: 生成\nlanguage: zh-CN\n---';

/** A corpus file: optional front matter, then pieces joined by one or two line breaks. */
export function corpusFile(pieceNames = Object.keys(CORPUS_PIECES), minLength = 0, maxLength = 30) {
  const piece = fc
    .tuple(fc.constantFrom(...pieceNames), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...WORDS), fc.constantFrom('\n', '\n\n', '\n\n\n'))
    .map(([name, n, word, joint]) => ({ name, text: CORPUS_PIECES[name](n, word) + joint }));
  return fc.record({ frontMatter: fc.boolean(), pieces: fc.array(piece, { minLength, maxLength }) }).map(({ frontMatter, pieces }) => ({
    text: (frontMatter ? `${FRONT_MATTER}\n\n` : '') + pieces.map((p) => p.text).join(''),
    bodyStart: frontMatter ? 5 : 0,
    pieces: pieces.map((p) => p.name),
  })).filter((file) => file.bodyStart > 0 || !/^---[ \t]*(?:\n|$)/.test(file.text)); // a leading --- opens front matter
}

/** A well-formed skeleton (categories with items) with random pieces mixed in: the usual single-variation file. */
export function mostlyValidCorpusFile(variation: string) {
  const valid = ['heading', 'item', 'item', 'item', 'continuation3'];
  return fc
    .tuple(corpusFile(valid), corpusFile([variation], 1, 1), fc.nat())
    .map(([skeleton, noise, seed]) => {
      const lines = skeleton.text.split('\n');
      const at = skeleton.bodyStart + (seed % (lines.length - skeleton.bodyStart + 1));
      const noiseBody = noise.text.replace(`${FRONT_MATTER}\n\n`, '');
      const text = [...lines.slice(0, at), noiseBody, ...lines.slice(at)].join('\n');
      return { text, bodyStart: skeleton.bodyStart, pieces: noise.pieces };
    });
}

/** Characters that break naive readers: markers, comment syntax, every kind of line break and space. */
export const HOSTILE_CHARS = [
  '甲', '乙', '。', '；', 'a', '1', '2', '.', '．', '、', ')', '#', '＃', '-', '*', '>', '`', '\\', '<', '!', '<!--', '-->',
  ' ', '  ', '\t', '\u3000', '\u00a0', '\ufeff', '\u200b', '\u2028', '\u2029', '\n', '\n\n', '\r', '\r\n', '①', '㉑', '１', '一、', '（一）', '"', "'", ':',
];

export const hostileString = (maxLength = 60) => fc.array(fc.constantFrom(...HOSTILE_CHARS), { maxLength }).map((parts) => parts.join(''));

/** Outline text as pasted from Word: categories, items in every marker style, run-ons, stray lines. */
export function outlineText() {
  const line = fc.oneof(
    fc.tuple(fc.constantFrom('一、', '（二）', '三.', ''), fc.constantFrom(...WORDS)).map(([marker, word]) => marker + word),
    fc
      .tuple(fc.constantFrom('1.', '2．', '3、', '（4）', '(5)', '⑥', '㉑', '㊿', '1000.', '1001.', '1500.', '３．', '12 .'), fc.constantFrom(...WORDS, ''))
      .map(([marker, word]) => marker + word),
    hostileString(30),
  );
  return fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\n\n', '\n\u3000\u3000')), { maxLength: 30 })
    .map((lines) => lines.map(([text, joint]) => text + joint).join(''));
}
