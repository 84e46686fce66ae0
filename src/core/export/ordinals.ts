// The ordinals Chinese reports put before their headings: 一、 （一） 1. （1） ①.
import { chineseOrdinal } from '../compose';

const HAN_NUMBER = '[一二三四五六七八九十百零〇两]+';

/** A heading that already starts with an ordinal of its own (any of the levels, half- or full-width). */
const HAS_ORDINAL = new RegExp(`^\\s*(?:${HAN_NUMBER}[、.．]|[（(]${HAN_NUMBER}[）)]|\\d+[.．、]|[（(]\\d+[）)]|[\\u2460-\\u2473]|第${HAN_NUMBER}[章节部分条])`);

export function hasOrdinal(text: string): boolean {
  return HAS_ORDINAL.test(text);
}

/** The ordinal of the n-th heading (1-based) at a structure level (0 = 一、, 1 = （一）, 2 = 1., 3 = （1）, 4 = ①). */
export function ordinalFor(level: number, n: number): string {
  switch (level) {
    case 0:
      return `${chineseOrdinal(n)}、`;
    case 1:
      return `（${chineseOrdinal(n)}）`;
    case 2:
      return `${n}.`;
    case 3:
      return `（${n}）`;
    default:
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `（${n}）`;
  }
}
