// Pinyin for ids and snippet prefixes: context-aware (pinyin-pro picks 卡脖子 → qia), toneless, lower case.
import { pinyin } from 'pinyin-pro';

/** Pinyin initials of the Han characters in `text` (`理论学习` → `llxx`); ASCII letters and digits are kept. */
export function pinyinInitials(text: string): string {
  const letters = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Full toneless pinyin without separators (`老好人` → `laohaoren`). */
export function fullPinyin(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  return syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}
