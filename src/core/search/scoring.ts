// The knobs of match scoring, in one place. A term's score is the sum over matched query units
// (one Han character, or one typed letter) of its weight, times (1 + adjacent) when the unit's
// character directly follows the previous matched one; minus penalties. It is then divided by the
// best score the term could get, so 1 means "found exactly, in one piece".
export const SCORE = {
  /** A Han character typed and found as itself; a letter that completes a syllable; a Latin letter. */
  exact: 1,
  /** A Han character found as a different character with a shared reading (官撩 → 官僚). */
  homophone: 0.6,
  /** A letter that only starts a syllable (initials, or a syllable still being typed). */
  partial: 0.7,
  /** Bonus factor for units continuing an unbroken run. */
  adjacent: 0.5,
  /** Per text character skipped inside a match (热衷空泛 ← 热衷于空泛). */
  gap: 0.15,
  /** Per typed Han character that is not in the text at that point (a misremembered word). */
  deletion: 0.3,
  /** A match may skip at most this many text characters in a row. */
  maxGap: 8,
  /** ... but after a typed letter only this many: pinyin is typed for consecutive characters. */
  maxGapAfterLetter: 1,
  /** Added to a term's normalized score when it matches inside the item's title. */
  title: 0.1,
  /**
   * Added (per side) when a match starts / ends at punctuation or the edge of the text: writers remember
   * whole expressions (“接地气”, 搞花架子。), and a match cut out of the middle of a word is less likely meant.
   */
  boundary: 0.03,
  /** Factor for typed letters matching a character's less common reading (追 dui, 术 zhu; 卡 qia). */
  secondaryReading: 0.85,
  /** Factor for a syllable typed with its fuzzy partner (舒 typed su, 本 typed beng). */
  fuzzy: 0.8,
  /** Factor for a whole term found only after correcting one typo in a long pinyin word. */
  typo: 0.85,
  /** A term found in the name of the item's category (作风 → 工作作风): this factor on its score there. */
  category: 0.95,
  /** Partial tier: a query word found only as a near-synonym (corpus/thesaurus.txt), held verbatim, scores this. */
  synonym: 0.85,
  /** Added (scaled by the term's share) when a match starts and ends on word boundaries (Intl.Segmenter). */
  wordBoundary: 0.04,
} as const;

/** Ranking and result-set limits. */
export const RANK = {
  /** Each term must reach this normalized score, or the item does not match. */
  minTerm: 0.5,
  /**
   * ... a term typed only in letters must reach this: typed pinyin is what the writer sees, so most of
   * it should be found, while remembered Chinese may be half wrong.
   */
  minLetterTerm: 0.7,
  /** Results must reach this share of the best result's quality (no flooding with weak matches). */
  relative: 0.6,
  /** At most this much is added for usage (frequency and recency). */
  usage: 0.08,
  /** Half-life of the recency part of usage, in days. */
  usageHalfLifeDays: 14,
  /** How many candidates are scored exactly per search (the rest are ranked out by the index). */
  verifyBudget: 300,
  /** Subtracted from items already used in the active document (they stay findable). */
  usedInDocument: 0.06,
  /** Added to items of the preferred category (the heading above the cursor names it). */
  preferredCategory: 0.04,
  /** Typo corrections are tried when no full match reaches this quality. */
  typoRetryBelow: 0.8,
  /** ... for terms typed only in letters, at least this long. */
  typoMinLetters: 6,
  /** At most this many corrections per term are scored. */
  typoVariants: 24,
  /** The partial tier is added when there are fewer full hits than this. */
  partialWhenFewerThan: 5,
  /** A word of the query counts as found in an item at this normalized score (stricter than a term). */
  partialWord: 0.75,
  /** A partial hit must hold this share of the weighted query. */
  partialCoverage: 0.34,
  /** ... and its found words must make up this share of the query's characters. */
  partialTyped: 0.34,
  /** A word is "meaningful" (seeds candidates; a hit must hold one) when it carries this share of the weight. */
  partialSeedShare: 0.15,
  /** ... and one of those words must be held by at most this share of the items (学习英语口语的方法: not 学习 or 方法 alone). */
  partialUncommon: 0.15,
  /** A two-character piece stands in for a longer word only when at most this share of items hold it (not 问题, 思想). */
  partialPieceShare: 0.2,
  /** Weight of a word no item holds, relative to a word only one item holds. */
  partialAbsentWord: 0.25,
  /** Full hits are "weak" below this quality (only a piece of the query found in one place) ... */
  weakFull: 0.8,
  /** ... and then the first this many are re-ranked ... */
  weakFullRerank: 50,
  /** ... adding this times the weighted share of the query's words the item holds anywhere. */
  weakFullCoverage: 0.2,
  /** A word's rarity is checked on at most this many postings of its rarest key (verbatim count). */
  rarityProbe: 400,
  /** Candidates per seeding word in the partial tier. */
  partialBudget: 200,
  /** Among partial hits, added times the weighted share of found words the item repeats (it is about them) ... */
  partialRepeat: 0.15,
  /** ... counting up to this many occurrences. */
  repeatCap: 4,
  /** A remembered stretch of 4+ characters held verbatim by at most this many items makes them partial hits. */
  fragmentItems: 2,
  /** At most this many partial hits. */
  partialLimit: 20,
  /** Word-boundary check: among the first this many full hits ... */
  wordBoundaryCheck: 4,
  /** ... within this much quality of the best. */
  wordBoundaryWithin: 0.03,
} as const;
