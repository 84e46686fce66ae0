// The starting file for a writer's own corpus: small, valid, and commented so the format explains itself.
// Comments are HTML comments, which the corpus parser ignores. No vscode import.
import { pinyinInitials } from './pinyin';

export interface TemplateOptions {
  id: string;
  title: string;
  /** `zh` (default) or `en`: the language of the explanatory comments. */
  commentLanguage?: 'zh' | 'en';
}

// The sample items sit inside the comment: a new corpus starts with no items of its own, because real
// sample entries would be searched and ranked like any other (`xytj` found a template sample first).
const COMMENTS = {
  zh: [
    '<!--',
    '  这是 Phrasebook 素材库文件，保存后即出现在侧边栏。',
    '  · 开头 --- 之间：id（英文小写字母、数字和“-”，唯一）、title（显示名称）、language。',
    '  · “## 一、名称” 是一个分类；其下可有 “### （一）名称” 子分类；“1. 正文” 是一条素材，编号即片段前缀中的数字。',
    '  · 一条素材可以有多段：段落之间空一行，后续段落缩进三个空格（与“1. ”后的正文对齐；编号为两位数时缩进四个）。',
    '  · 不在任何素材中的文字会在“问题”面板中提示。这样的注释会被忽略。',
    '  示例（移到注释之外即成为素材）：',
  ],
  en: [
    '<!--',
    '  A Phrasebook corpus file: save it and it appears in the sidebar.',
    '  · Between the --- lines: id (lower-case ASCII letters, digits and "-", unique), title (display name), language.',
    '  · "## 一、Name" starts a category, "### （一）Name" under it a sub-category; "1. text" is an item, its number used in the snippet prefix.',
    '  · An item can have several paragraphs: leave a blank line and indent the following ones by three spaces (to line up with the text after "1. "; four after "10. ").',
    '  · Text outside any item is reported in the Problems panel. Comments like this one are ignored.',
    '  Example (move it out of this comment and it becomes items):',
  ],
};

/** What the comment shows as an example: the lines a writer moves out of it to get items. */
export const TEMPLATE_EXAMPLE = [
  '## 一、理论学习方面存在问题',
  '',
  '### （一）学习的系统性',
  '',
  '1. 理论学习的系统性不够强，存在学用脱节的情况。',
  '',
  '2. 运用党的创新理论指导实践的能力还有待提高。',
  '',
  '   第二段示例：缩进的段落属于同一条素材。',
  '',
  '## 二、工作作风方面存在问题',
  '',
  '1. 深入基层调查研究不够，掌握一线情况不够全面。',
];

export function newCorpusText(options: TemplateOptions): string {
  const comments = COMMENTS[options.commentLanguage ?? 'zh'];
  return [
    '---',
    `id: ${options.id}`,
    `title: ${options.title}`,
    'language: zh-CN',
    '---',
    '',
    ...comments,
    '',
    ...TEMPLATE_EXAMPLE,
    '-->',
    '',
  ].join('\n');
}

/**
 * The corpus id rule the template's comment states: lower-case ASCII letters, digits and `-` (it goes into
 * item ids, snippet prefixes and file names, and a writer types it). New Corpus and Import both use it.
 */
const CORPUS_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidCorpusId(id: string): boolean {
  return CORPUS_ID.test(id);
}

/**
 * An id for a title: Chinese by its pinyin initials (`我的素材库` → `wdsck`), other letters kept in lower case
 * without accents, anything else a `-`: `团队 Notes 2026` → `td-notes-2026`. `corpus` when nothing is left.
 */
export function corpusIdFromTitle(title: string): string {
  const ascii = title
    .normalize('NFKC')
    .split(/(\p{Script=Han}+)/u)
    .map((part, index) => (index % 2 === 1 ? pinyinInitials(part) : part.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()))
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID);
  return ascii.replace(/-+$/, '') || 'corpus';
}

/** Ids are typed: 32 characters is plenty. */
const MAX_ID = 32;

/** The `.code-snippets` file name for a corpus id. */
export function snippetFileName(corpusId: string): string {
  return `phrasebook-${corpusId.replace(/[\\/:*?"<>|\s]+/g, '-')}.code-snippets`;
}
