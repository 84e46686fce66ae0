// What `npm run bench:ui` (scripts/bench-ui.mjs) needs from the TypeScript side: the keystroke queries
// of the core speed benchmark and a synthetic library written as a corpus file for a `.phrasebook/` folder.
import { builtinItems, syntheticItems } from './synth';
import { KEYSTROKE_QUERIES } from './keystrokes';

export { KEYSTROKE_QUERIES };

const CATEGORY_NAMES = [
  '理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律', '调查研究', '文风会风', '组织生活', '意识形态',
  '安全生产', '改革创新', '服务群众', '制度执行', '纪律规矩', '干部队伍', '基层党建', '作风建设', '学习培训', '督查落实',
];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** A corpus file of `count` deterministic items (bench/synth.ts) in 20 categories. */
export function syntheticCorpusText(root: string, count: number, seed = 1): string {
  const items = syntheticItems(builtinItems(root), count, seed);
  const lines = ['---', 'id: synthetic', `title: 合成素材库（${count}条）`, 'language: zh-CN', '---', ''];
  CATEGORY_NAMES.forEach((name, index) => {
    lines.push(`## ${ORDINALS[index]}、${name}方面存在问题`, '');
    for (const item of items.filter((candidate) => candidate.categoryId === `c${index}`)) lines.push(`${item.number}. ${item.text}`, '');
  });
  return lines.join('\n');
}
