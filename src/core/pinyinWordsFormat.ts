// How pinyinWords.generated.ts stores what pinyin.ts needs (written by scripts/initialsTable.ts):
//   DICTIONARY_WORDS, RULE_WORDS  pinyin-pro's segmentation words of each weight, as space-separated groups
//                      `<length>:<initials>:<words>`: the words of that length run together, the first of
//                      them with initials of their own (one letter per character, NO_LETTER for none; all
//                      run together in `<initials>`), the rest read as their characters are read alone;
//                      each of the two runs sorted (by UTF-16 code unit), so a lookup is a binary search
//   CHARACTER_INITIALS comma-separated: a character, then its letter, where the reading table's first
//                      reading does not give it (or does not hold the character)
/** pinyin-pro's weight of a dictionary word and of a number word (its Probability.DICT and .Rule). */
export const DICTIONARY_PROBABILITY = 2e-8;
export const RULE_PROBABILITY = 1e-12;
/** A reading whose first letter is not a-z (ê): nothing in the id. */
export const NO_LETTER = '-';
