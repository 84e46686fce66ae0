// Full pinyin for the library's users (dist/core.js); the extension does not use it, so pinyin-pro stays out
// of its bundles.
import { pinyin } from 'pinyin-pro';

/** Full toneless pinyin without separators (`老好人` → `laohaoren`). */
export function fullPinyin(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  return syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}
