// The parts of pinyin-pro's ES modules that scripts/initialsTable.ts reads at build time (pinyin-pro has no
// types for them). Only the generator and its test import these; nothing at run time does.
declare module 'pinyin-pro/dist/esm/data/dict1.mjs' {
  const DICT1: { NumberDICT: (string | undefined)[]; StringDICT: Map<string, string>; get(char: string): string | undefined };
  export default DICT1;
}

declare module 'pinyin-pro/dist/esm/common/segmentit/index.mjs' {
  export interface Pattern {
    zh: string;
    pinyin: string;
    probability: number;
    length: number;
    priority: number;
  }
  export interface TrieNode {
    children: Map<string, TrieNode>;
    patterns: Pattern[];
  }
  export const PatternsNormal: Pattern[];
  export const acTree: { root: TrieNode };
  export function ensureAcBuilt(): void;
}

declare module 'pinyin-pro/dist/esm/core/pinyin/handle.mjs' {
  export function getPinyinWithoutTone(pinyin: string): string;
}

declare module 'pinyin-pro/dist/esm/common/constant.mjs' {
  export const Priority: { Normal: number; Surname: number; Custom: number };
}
