// The fixed keystroke sequences of the speed benchmark.

/** What a writer types, keystroke by keystroke: every prefix of each query is one search. */
export const KEYSTROKE_QUERIES: readonly { kind: string; query: string }[] = [
  { kind: 'chinese', query: '接地气' },
  { kind: 'chinese', query: '形式主义和官僚主义' },
  { kind: 'chinese', query: '政治素质考察' },
  { kind: 'chinese', query: '热衷空泛表态' },
  { kind: 'pinyin', query: 'jiediqi' },
  { kind: 'pinyin', query: 'laohaoren' },
  { kind: 'pinyin', query: 'xueyongtuojie' },
  { kind: 'pinyin', query: 'zhengzhisuzhi' },
  { kind: 'initials', query: 'jdq' },
  { kind: 'initials', query: 'xytj' },
  { kind: 'initials', query: 'lhrzy' },
  { kind: 'multi', query: '考察 干部 政治素质' },
  { kind: 'multi', query: 'gaozhiliang fazhi' },
  { kind: 'multi', query: '躺平 担当作为' },
];

export function keystrokes(): { kind: string; query: string }[] {
  const out: { kind: string; query: string }[] = [];
  for (const { kind, query } of KEYSTROKE_QUERIES) {
    for (let end = 1; end <= query.length; end++) {
      const prefix = query.slice(0, end);
      if (prefix.trim() && !prefix.endsWith(' ')) out.push({ kind, query: prefix });
    }
  }
  return out;
}
