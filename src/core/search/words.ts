// Words of a query term for the partial tier: a Han run splits at word boundaries
// (Intl.Segmenter, built into Node and every browser); a run of letters or digits stays whole.
let segmenter: Intl.Segmenter | null | undefined;

function zhSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+/g;

/**
 * `不愿意听群众意见` → 不|愿意|听|群众|意见; `老haoren` → 老|haoren. Consecutive one-character segments
 * join into one word: the segmenter cuts idioms it does not know (穿|小|鞋), and a writer meant them whole.
 */
export function splitWords(term: string): string[] {
  const out: string[] = [];
  let single = '';
  const flush = () => {
    if (single) out.push(single);
    single = '';
  };
  for (const run of term.match(HAN) ?? []) {
    const isHan = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]/.test(run);
    const seg = isHan ? zhSegmenter() : null;
    if (!seg) {
      flush();
      out.push(run);
      continue;
    }
    for (const { segment } of seg.segment(run)) {
      if (segment.length === 1) single += segment;
      else {
        flush();
        out.push(segment);
      }
    }
    flush();
  }
  return out;
}

/**
 * Word boundaries (offsets where a word starts or ends) of `text[from, to)`, relative to `from`.
 * Used to tell a match that covers whole words from one that straddles two.
 */
export function wordBoundaries(text: string, from: number, to: number): Set<number> {
  const seg = zhSegmenter();
  const out = new Set<number>([0, to - from]);
  if (!seg) return out;
  for (const { index, segment } of seg.segment(text.slice(from, to))) {
    out.add(index);
    out.add(index + segment.length);
  }
  return out;
}
