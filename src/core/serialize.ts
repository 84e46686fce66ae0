// Writes a Corpus in the Markdown corpus format; parseCorpus(serializeCorpus(c)) gives c back, whatever
// text it holds (comment markers, U+2028, `#` runs, …), up to the normal forms below.
import { categoryLabel } from './labels';
import { encodeCommentOpeners } from './markdown';
import type { Category, Corpus, Item } from './model';
import { trimMarkdownEnd, trimMarkdownStart } from './text';

function frontMatterValue(value: string): string {
  // Quote only when YAML would otherwise misread the value (or a line break of any kind would split it).
  if (!/^[\s'"#&*!|>%@`{[-]|:\s|\s$|[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(value)) return value;
  return JSON.stringify(value).replace(/[\u007f\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The item text the format can hold, which is what the parser gives: line ends `\n`, no spaces or tabs at
 * line ends, no blank lines around it, none in front of its first line.
 */
export function normalItemText(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map(trimMarkdownEnd);
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first] === '') first++;
  while (last > first && lines[last - 1] === '') last--;
  const kept = lines.slice(first, last);
  if (kept.length > 0) kept[0] = trimMarkdownStart(kept[0]);
  return kept.join('\n');
}

/** A heading is one line, and Markdown trims it and drops a closing `#` run after a space. */
export function normalHeadingText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').trim();
}

function headingOf(category: Category): string {
  const sub = category.parent !== undefined;
  const text = normalHeadingText(categoryLabel(category));
  // A name ending in ` #` would lose that run as a closing sequence: give it one of its own to lose.
  const closing = /(?:^|[ \t])#+$/.test(text) ? ' #' : '';
  return `${sub ? '###' : '##'} ${encodeCommentOpeners(text)}${closing}`.trimEnd();
}

/**
 * Text kept in the file as a comment (what an import could not place). Where it goes: before the first
 * category (no `category`), right under a category's heading, or after one of its items.
 */
export interface CorpusComment {
  text: string;
  category?: string;
  afterItem?: number;
}

/**
 * A comment holding any text: a `-->` (or `--!>`, which closes a comment in HTML) inside it gets one more
 * backslash (`--\>`), as comment openers do in items, so the comment never ends early.
 */
export function commentBlock(text: string): string {
  return `<!--\n${encodeCommentClosers(text.replace(/\r\n|\r/g, '\n'))}\n-->`;
}

function encodeCommentClosers(text: string): string {
  return text.replace(/--(\\*)(!?)>/g, '--\\$1$2>');
}

function itemBlock(item: Item): string {
  const marker = `${item.number}. `;
  const indent = ' '.repeat(marker.length);
  return encodeCommentOpeners(normalItemText(item.text))
    .split('\n')
    .map((line, index) => (index === 0 ? marker + line : line === '' ? '' : indent + line))
    .join('\n');
}

export function serializeCorpus(corpus: Corpus, comments: readonly CorpusComment[] = []): string {
  const frontMatter = ['---', `id: ${frontMatterValue(corpus.id)}`, `title: ${frontMatterValue(corpus.title)}`];
  if (corpus.language) frontMatter.push(`language: ${frontMatterValue(corpus.language)}`);
  frontMatter.push('---');
  const blocks = [frontMatter.join('\n')];
  // Grouped once by place: filtering all comments for every item is quadratic on a large import.
  const byPlace = new Map<string, string[]>();
  const place = (category: string | undefined, afterItem: number | undefined) => `${category ?? ''}\u0000${afterItem ?? ''}`;
  for (const comment of comments) {
    const key = place(comment.category, comment.afterItem);
    const blocks = byPlace.get(key);
    if (blocks) blocks.push(commentBlock(comment.text));
    else byPlace.set(key, [commentBlock(comment.text)]);
  }
  const commentsAt = (category: string | undefined, afterItem: number | undefined) => byPlace.get(place(category, afterItem)) ?? [];
  blocks.push(...commentsAt(undefined, undefined));
  for (const category of corpus.categories) {
    blocks.push(headingOf(category), ...commentsAt(category.id, undefined));
    for (const item of category.items) blocks.push(itemBlock(item), ...commentsAt(category.id, item.number));
  }
  return blocks.join('\n\n') + '\n';
}
