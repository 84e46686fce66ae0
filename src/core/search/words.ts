// Words of a query term for the partial tier: a Han run splits at word boundaries
// (Intl.Segmenter, built into Node and every browser); a run of letters or digits stays whole.
import { HAN_CLASS } from './han';
import { Thesaurus } from './thesaurus';

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

const HAN = new RegExp(`[${HAN_CLASS}]+|[^${HAN_CLASS}]+`, 'g');
const STARTS_HAN = new RegExp(`^[${HAN_CLASS}]`);

/**
 * `不愿意听群众意见` → 不愿意|听|群众|意见; `老haoren` → 老|haoren. Words of the thesaurus
 * the library holds, or words differently (`accept`), are cut out first, so a stock phrase the segmenter does not know stays whole (拖拖拉拉, 绕着走) and a
 * negation stays with its verb (不愿意, not 不|愿意). Between them, consecutive one-character segments
 * join into one word: the segmenter cuts idioms it does not know (穿|小|鞋), and a writer meant them whole.
 */
export function splitWords(term: string, thesaurus: Thesaurus, accept: (word: string) => boolean = () => true): string[] {
  const out: string[] = [];
  let single = '';
  const flush = () => {
    if (single) out.push(single);
    single = '';
  };
  for (const run of term.match(HAN) ?? []) {
    const isHan = STARTS_HAN.test(run);
    const seg = isHan ? zhSegmenter() : null;
    if (!seg) {
      flush();
      out.push(run);
      continue;
    }
    const segments = [...seg.segment(run)];
    const cuts = new Set<number>([run.length]);
    for (const { index } of segments) cuts.add(index);
    const spans = new Map(thesaurus.spans(run, cuts, accept));
    let skipTo = 0;
    for (const { index, segment } of segments) {
      if (index < skipTo) continue;
      const spanEnd = spans.get(index);
      if (spanEnd !== undefined) {
        flush();
        out.push(run.slice(index, spanEnd));
        skipTo = spanEnd;
      } else if (segment.length === 1) single += segment;
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
