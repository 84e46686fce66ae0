// Pinyin initials for ids and snippet prefixes, exactly as pinyin-pro's `pinyin(text, { pattern: 'first',
// toneType: 'none', nonZh: 'consecutive' })` gives them, without carrying pinyin-pro (half the browser
// bundle, ~0.1 s to load and build its word index): a character is read by its first reading (the
// search's reading table), and the text is first split into pinyin-pro's dictionary words the way its
// max-probability segmentation splits it, so a word reads as a whole (`银行` → yh, `卡脖子` → qbz).
// The words come from pinyinWords.generated.ts (`npm run gen:readings`); test/unit/pinyin-initials.test.ts
// compares this with pinyin-pro itself.
import { CHARACTER_INITIALS, DICTIONARY_WORDS, RULE_WORDS } from './pinyinWords.generated';
import { DICTIONARY_PROBABILITY, NO_LETTER, RULE_PROBABILITY } from './pinyinWordsFormat';
import { firstReadingLetter } from './search/readingsFirst';

/** pinyin-pro's weight of a character no word covers (its Probability.Unknown). */
const UNKNOWN_PROBABILITY = 1e-13;

/** The words of one length and weight: `own` (with their `initials`, `length` letters each) and `plain`, each sorted. */
interface WordGroup {
  length: number;
  probability: number;
  own: string;
  initials: string;
  plain: string;
}

interface Word {
  probability: number;
  /** One letter per character, where they are not the characters' own. */
  initials?: string;
}

interface Dictionary {
  /** By word length. */
  groups: WordGroup[][];
  longest: number;
  /** Letters the reading table does not give; '' for a character read without an a-z letter. */
  characters: Map<string, string>;
}

let dictionary: Dictionary | undefined;

/** Read straight from the generated strings (a handful of splits): a map of the 4 000 words cost more than all ids. */
function loadDictionary(): Dictionary {
  const groups: WordGroup[][] = [];
  let longest = 0;
  const addGroups = (text: string, probability: number) => {
    for (const group of text.split(' ')) {
      const [lengthText, initials, list] = group.split(':');
      const length = Number(lengthText);
      const ownLength = initials.length;
      longest = Math.max(longest, length);
      (groups[length] ??= []).push({ length, probability, initials, own: list.slice(0, ownLength), plain: list.slice(ownLength) });
    }
  };
  addGroups(DICTIONARY_WORDS, DICTIONARY_PROBABILITY);
  addGroups(RULE_WORDS, RULE_PROBABILITY);
  const characters = new Map<string, string>();
  for (const entry of CHARACTER_INITIALS.split(',')) {
    const letter = entry[entry.length - 1];
    characters.set(entry.slice(0, -1), letter === NO_LETTER ? '' : letter);
  }
  return { groups, longest, characters };
}

/** Where `word` sits in `run` (sorted words of `length` code units, run together), or -1. */
function indexIn(run: string, word: string, length: number): number {
  let low = 0;
  let high = run.length / length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = run.slice(middle * length, middle * length + length);
    if (candidate === word) return middle;
    if (candidate < word) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The dictionary word `text`, if it is one. */
function lookUp(text: string, { groups }: Dictionary): Word | undefined {
  for (const group of groups[text.length] ?? []) {
    const own = indexIn(group.own, text, group.length);
    if (own >= 0) return { probability: group.probability, initials: group.initials.slice(own * group.length, own * group.length + group.length) };
    if (indexIn(group.plain, text, group.length) >= 0) return { probability: group.probability };
  }
  return undefined;
}

/** The letter pinyin-pro gives `char` read alone ('' where it has no a-z letter); undefined where it has no reading. */
function letterOf(char: string, characters: Map<string, string>): string | undefined {
  return characters.get(char) ?? (char.length === 1 ? firstReadingLetter(char.charCodeAt(0)) : undefined);
}

/** A character as pinyin-pro splits text: a surrogate pair is one. */
function charactersOf(text: string): string[] {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text) ? (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) ?? []) : text.split('');
}

interface Match {
  index: number;
  length: number;
  probability: number;
  word: Word;
}

interface Step {
  probability: number;
  decimal: number;
  match?: Match;
  nextIndex: number;
}

/** pinyin-pro's choice between two ways of reading from one place on (smaller decimal, then larger probability; ties to `b`). */
function likelier(a: Step | undefined, b: Step): Step {
  if (!a) return b;
  if (a.decimal < b.decimal) return a;
  if (a.decimal === b.decimal) return a.probability > b.probability ? a : b;
  return b;
}

/** pinyin-pro's guard against underflow: scaled the same way, so the same ties fall the same side. */
function rescale(step: Step): void {
  if (step.probability < 1e-300) {
    step.probability *= 1e300;
    step.decimal += 1;
  }
}

/**
 * pinyin-pro's max-probability segmentation (common/segmentit/max-probability), step for step with the same
 * floating-point products, over every dictionary word ending at each character (longest first, as its
 * Aho-Corasick automaton lists them).
 */
function segment(text: string, chars: string[], dictionary: Dictionary): Match[] {
  const { longest } = dictionary;
  // Where each character starts in `text`, so a candidate word is one slice.
  const starts = [0];
  for (const char of chars) starts.push(starts[starts.length - 1] + char.length);
  const matches: Match[] = [];
  for (let end = 0; end < chars.length; end++) {
    for (let length = Math.min(longest, end + 1); length >= 2; length--) {
      const word = lookUp(text.slice(starts[end - length + 1], starts[end + 1]), dictionary);
      if (word) matches.push({ index: end - length + 1, length, probability: word.probability, word });
    }
  }
  const steps: Step[] = [];
  const terminal: Step = { probability: 1, decimal: 0, nextIndex: chars.length };
  let matchIndex = matches.length - 1;
  for (let i = chars.length - 1; i >= 0; i--) {
    const suffix = i + 1 >= chars.length ? terminal : steps[i + 1];
    const nextIndex = suffix.match ? i + 1 : suffix.nextIndex;
    for (let match = matches[matchIndex]; match && match.index + match.length - 1 === i; match = matches[--matchIndex]) {
      const step: Step = { probability: match.probability * suffix.probability, decimal: suffix.decimal, match, nextIndex };
      rescale(step);
      steps[match.index] = likelier(steps[match.index], step);
    }
    const unknown: Step = { probability: UNKNOWN_PROBABILITY * suffix.probability, decimal: 0, nextIndex };
    rescale(unknown);
    steps[i] = likelier(steps[i], unknown);
  }
  const chosen: Match[] = [];
  for (let index = 0; index < chars.length; index = steps[index].nextIndex) {
    const match = steps[index].match;
    if (match) chosen.push(match);
  }
  return chosen;
}

/** Pinyin initials of the Han characters in `text` (`理论学习` → `llxx`); ASCII letters and digits are kept. */
export function pinyinInitials(text: string): string {
  dictionary ??= loadDictionary();
  const { characters } = dictionary;
  const chars = charactersOf(text);
  const matches = segment(text, chars, dictionary);
  const letters: string[] = [];
  let matchIndex = 0;
  for (let i = 0; i < chars.length; ) {
    const match = matches[matchIndex];
    if (match && match.index === i) {
      for (let j = 0; j < match.length; j++) {
        const letter = match.word.initials?.[j] ?? letterOf(chars[i + j], characters) ?? '';
        letters.push(letter === NO_LETTER ? '' : letter);
      }
      i += match.length;
      matchIndex++;
      continue;
    }
    // 々 repeats the character before it (pinyin-pro reads it `tong` after anything it cannot read).
    const letter = chars[i] === '々' ? (i > 0 ? letterOf(chars[i - 1], characters) : undefined) ?? 't' : letterOf(chars[i], characters);
    letters.push(letter ?? chars[i]);
    i++;
  }
  return letters.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
}
