// Near-synonyms for the partial tier: a writer who remembers a paragraph's gist words it their own way
// (开会 for 会议, 拖拖拉拉 for 能拖则拖). The groups live in corpus/thesaurus.txt, read at run time by
// whoever builds an index (the extension, the CLI, eval and bench): ~25 KB of Chinese that would otherwise
// sit in the browser bundle. A word found only through a synonym counts at SCORE.synonym, and only verbatim.

import { HAN_CLASS } from './han';

/** A line the parser refused: thesaurus.txt is ours, so a test fails on any of these. */
export interface ThesaurusProblem {
  line: number;
  message: string;
}

const HAN_WORD = new RegExp(`^[${HAN_CLASS}]+$`);

export class Thesaurus {
  static readonly empty = new Thesaurus(new Map(), 0, 0);

  private constructor(
    private readonly table: ReadonlyMap<string, readonly string[]>,
    /** Groups read. */
    readonly groups: number,
    /** Length of the longest word (how far spans looks ahead). */
    private readonly longest: number,
    readonly problems: readonly ThesaurusProblem[] = [],
  ) {}

  /** One group per line, words separated by white space; `#` starts a comment line. */
  static parse(text: string): Thesaurus {
    const map = new Map<string, string[]>();
    const problems: ThesaurusProblem[] = [];
    let groups = 0;
    let longest = 0;
    text.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const group = line.split(/\s+/);
      const bad = group.filter((word) => !HAN_WORD.test(word));
      if (bad.length) problems.push({ line: index + 1, message: `not a Chinese word: ${bad.join(', ')}` });
      const words = [...new Set(group.filter((word) => HAN_WORD.test(word)))];
      if (words.length < 2) {
        problems.push({ line: index + 1, message: 'a group needs two words' });
        return;
      }
      groups++;
      for (const word of words) {
        const others = map.get(word) ?? [];
        for (const other of words) if (other !== word && !others.includes(other)) others.push(other);
        map.set(word, others);
        longest = Math.max(longest, word.length);
      }
    });
    return new Thesaurus(map, groups, longest, problems);
  }

  /** The near-synonyms of a word (empty when the thesaurus does not know it). */
  synonymsOf(word: string): readonly string[] {
    return this.table.get(word) ?? [];
  }

  /**
   * Thesaurus words in a run of Han characters that start and end on word boundaries (`cuts`, from the
   * segmenter), longest first at each position, left to right: `做事拖拖拉拉` → [2, 6) 拖拖拉拉, and
   * `不|愿意` → [0, 3) 不愿意, but no 在意 in `在|意识`. `accept` may refuse a word (one the library cannot use).
   */
  spans(run: string, cuts: ReadonlySet<number>, accept: (word: string) => boolean = () => true): [number, number][] {
    const spans: [number, number][] = [];
    for (let i = 0; i < run.length; ) {
      let end = 0;
      if (cuts.has(i)) {
        for (let k = Math.min(this.longest, run.length - i); k >= 2; k--) {
          const word = run.slice(i, i + k);
          if (cuts.has(i + k) && this.table.has(word) && accept(word)) {
            end = i + k;
            break;
          }
        }
      }
      if (end) {
        spans.push([i, end]);
        i = end;
      } else i++;
    }
    return spans;
  }
}
