// The Han characters search treats as Chinese: CJK Unified Ideographs and Extension A, the compatibility
// ideographs and 〇. One class for the word splitter and the thesaurus, so they agree on what a word is.
export const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3007';
