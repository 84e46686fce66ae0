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
} as const;
