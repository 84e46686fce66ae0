// The CommonMark reading the corpus parser is built on (markdown-it, the parser VS Code's preview uses),
// plus the few text rules that sit on top of it. Browser-safe: markdown-it needs no Node built-ins.
import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type BlockParser = { parse(src: string): Token[] };

let blockParser: BlockParser | undefined;

/**
 * A token as markdown-it's constructor makes it (same fields in the same order, same prototype), but set by
 * plain assignment: markdown-it's build sets eight fields through a generic defineProperty helper, which
 * made token construction a fifth of block parsing on a file of many tiny categories.
 */
function PlainToken(this: Token, type: string, tag: string, nesting: Token['nesting']) {
  this.map = null;
  this.level = 0;
  this.children = null;
  this.content = '';
  this.markup = '';
  this.info = '';
  this.block = false;
  this.hidden = false;
  this.type = type;
  this.tag = tag;
  this.attrs = null;
  this.nesting = nesting;
  this.meta = null;
}
PlainToken.prototype = MarkdownIt.Token.prototype;
const makeToken = PlainToken as unknown as new (type: string, tag: string, nesting: Token['nesting']) => Token;

/** markdown-it's block state with `push` as markdown-it writes it, only building a PlainToken. */
class PlainTokenState extends MarkdownIt.StateBlock {
  push(type: string, tag: string, nesting: Token['nesting']): Token {
    const token = new makeToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}

/**
 * Block tokens only (headings, lists, paragraphs, …, each with its source lines in `map`): inline parsing
 * is skipped, which is most of markdown-it's time. `html: true` because the preview renders HTML comments.
 */
export function markdownBlocks(src: string): Token[] {
  if (!blockParser) {
    const md = new MarkdownIt({ html: true });
    md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
    md.block.State = PlainTokenState;
    blockParser = { parse: (text) => md.parse(text, {}) };
  }
  return blockParser.parse(src);
}

/** A chunk boundary: a `#` heading at column 0, which closes every open list, quote and paragraph. */
const TOP_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^(`{3,}(?!.*`)|~{3,})/;
/** HTML blocks that run to a marker, not to a blank line (CommonMark kinds 1–5); they interrupt paragraphs. */
const HTML_UNTIL: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
];
/**
 * Lines whose reading depends on what is open around them: a fence or HTML opener indented 1–3 spaces may
 * belong to a list item, and other HTML may or may not interrupt a paragraph.
 */
const AMBIGUOUS = /^(?: {1,3}(?:`{3}|~{3}|<)|<)/;

/**
 * Lines where the text can be cut into pieces markdown-it reads exactly as it reads the whole: top-level
 * `#` headings outside any fence or HTML block. Only column-0 fences and comment-like HTML are followed;
 * after anything less certain no more cuts are made, since a missed cut costs only speed and a wrong one
 * would change the reading.
 */
function chunkStarts(lines: readonly string[], minLines: number): number[] {
  const starts = [0];
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (fence !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = undefined;
    } else if (htmlEnd !== undefined) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else if (TOP_HEADING.test(line)) {
      if (index - starts[starts.length - 1] >= minLines) starts.push(index);
    } else if (FENCE_OPEN.test(line)) {
      fence = FENCE_OPEN.exec(line)![1];
    } else if (line.startsWith('<') || line.startsWith(' ')) {
      const html = HTML_UNTIL.find(([start]) => start.test(line));
      if (html) {
        // The end marker may sit on the opening line itself, after the opener.
        if (!html[1].test(line.slice(html[0].exec(line)![0].length))) htmlEnd = html[1];
      } else if (AMBIGUOUS.test(line)) {
        break;
      }
    }
  }
  return starts;
}

/**
 * `markdownBlocks` over `lines`, one piece at a time, each token's `map` in lines of the whole text. A
 * caller that is done with a piece's tokens before asking for the next keeps memory (and the garbage
 * collector's work, most of the time on a 1 MB file of tiny categories) to one piece. Pieces are small
 * (`minLines`, cut at the next heading): every young-generation collection copies the live piece's tokens,
 * and 1,000-line pieces cost that file a third more markdown-it time than 50-line ones.
 */
export function* markdownBlockChunks(lines: readonly string[], minLines = 50): Generator<Token[]> {
  const starts = chunkStarts(lines, minLines);
  for (let chunk = 0; chunk < starts.length; chunk++) {
    const from = starts[chunk];
    const to = chunk + 1 < starts.length ? starts[chunk + 1] : lines.length;
    // A line break after the piece's last line, so that a blank last line stays a line.
    const tokens = markdownBlocks(lines.slice(from, to).join('\n') + (to < lines.length ? '\n' : ''));
    if (from > 0) {
      // In place: each token's map is its own array.
      for (const token of tokens) {
        if (token.map) {
          token.map[0] += from;
          token.map[1] += from;
        }
      }
    }
    yield tokens;
  }
}

/** Columns of leading whitespace (a tab reaches the next multiple of 4, as in CommonMark). */
export function indentOf(line: string, startColumn = 0): { columns: number; length: number } {
  let column = startColumn;
  let index = 0;
  for (; index < line.length; index++) {
    if (line[index] === ' ') column++;
    else if (line[index] === '\t') column += 4 - (column % 4);
    else break;
  }
  return { columns: column - startColumn, length: index };
}

/** Removes up to `columns` columns of leading whitespace; a tab that would reach past them stays. */
export function dropIndent(line: string, columns: number): string {
  let column = 0;
  let index = 0;
  for (; index < line.length && column < columns; index++) {
    const next = line[index] === ' ' ? column + 1 : line[index] === '\t' ? column + 4 - (column % 4) : -1;
    if (next < 0 || next > columns) break;
    column = next;
  }
  return line.slice(index);
}

/**
 * Removes the HTML comments Markdown would hide in one block's text: `<!-- … -->` (and `<!-->`, `<!--->`),
 * not inside a code span and not after a backslash. Linear: each unclosed opener is noticed once.
 */
export function stripComments(text: string): string {
  if (!text.includes('<!--')) return text;
  let out = '';
  let copied = 0;
  let noCloserFrom = Infinity;
  const ticks = text.includes('`') ? tickRuns(text) : undefined;
  for (let index = 0; index < text.length; ) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
    } else if (char === '`' && ticks) {
      let run = 1;
      while (text[index + run] === '`') run++;
      const closer = ticks.next(run, index + run);
      index = closer < 0 ? index + run : closer + run;
    } else if (char === '<' && text.startsWith('<!--', index)) {
      let end = -1;
      if (text.startsWith('<!-->', index)) end = index + 5;
      else if (text.startsWith('<!--->', index)) end = index + 6;
      else if (index < noCloserFrom) {
        const close = text.indexOf('-->', index + 4);
        if (close < 0) noCloserFrom = index;
        else end = close + 3;
      }
      if (end < 0) {
        index += 4;
        continue;
      }
      out += text.slice(copied, index);
      copied = index = end;
    } else {
      index++;
    }
  }
  return out + text.slice(copied);
}

/** Every backtick run by length, so finding a code span's closer never rescans the text. */
function tickRuns(text: string): { next(length: number, from: number): number } {
  const starts = new Map<number, number[]>();
  for (let index = text.indexOf('`'); index >= 0; ) {
    let run = 1;
    while (text[index + run] === '`') run++;
    const list = starts.get(run) ?? [];
    list.push(index);
    starts.set(run, list);
    index = text.indexOf('`', index + run);
  }
  const cursor = new Map<number, number>();
  return {
    next(length, from) {
      const list = starts.get(length) ?? [];
      let at = cursor.get(length) ?? 0;
      while (at < list.length && list[at] < from) at++;
      cursor.set(length, at);
      return at < list.length ? list[at] : -1;
    },
  };
}

// A comment opener in a name or an item's text is written with a backslash (`<\!--`), which Markdown
// shows as `<!--` and never reads as a comment; any run of backslashes there gets one more, so that the
// parser's decoding is the exact inverse of the serializer's encoding.
export function encodeCommentOpeners(text: string): string {
  return text.replace(/<(\\*)!--/g, '<\\$1!--');
}

export function decodeCommentOpeners(text: string): string {
  if (!text.includes('<\\')) return text;
  return text.replace(/<\\(\\*)!--/g, '<$1!--');
}
