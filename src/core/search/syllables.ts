// The inventory of toneless pinyin syllables (ü written v), fixed so syllable ids are stable across runs.
// Generated once from pinyin-pro's readings of every BMP Han character; ids are indexes into SYLLABLES.

export const SYLLABLES: readonly string[] = (
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ' +
  'ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui ' +
  'chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ' +
  'ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan ' +
  'gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen ' +
  'heng hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ' +
  'ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la ' +
  'lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv ' +
  'lve m ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu n na nai nan nang ' +
  'nao ne nei nen neng ng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai ' +
  'pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing ' +
  'qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san ' +
  'sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan ' +
  'shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao ' +
  'tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie ' +
  'xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai ' +
  'zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua ' +
  'zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo'
).split(' ');

/** Syllable ids fit in 9 bits so two of them pack into one index key. */
export const SYLLABLE_BITS = 9;
export const SYLLABLE_LIMIT = 1 << SYLLABLE_BITS;

const idBySpelling = new Map<string, number>();
SYLLABLES.forEach((s, id) => idBySpelling.set(s, id));
// Typed spellings that mean the same syllable: lüe/nüe are often typed with u.
idBySpelling.set('lue', idBySpelling.get('lve')!);
idBySpelling.set('nue', idBySpelling.get('nve')!);

/** Every spelling a user may type for each syllable id (canonical first). */
export const SPELLINGS: readonly (readonly string[])[] = SYLLABLES.map((s) =>
  s === 'lve' ? ['lve', 'lue'] : s === 'nve' ? ['nve', 'nue'] : [s],
);

/** Id of a complete syllable spelling, or -1. */
export function syllableId(spelling: string): number {
  return idBySpelling.get(spelling) ?? -1;
}

/** Letter index (0..25) of a syllable's first letter: the letter typed for it in initials. */
export const INITIAL_OF: Uint8Array = Uint8Array.from(SYLLABLES, (s) => s.charCodeAt(0) - 97);

const prefixCache = new Map<string, number[]>();
/** Ids of all syllables having one of their spellings start with `prefix` (a typed, possibly incomplete syllable). */
export function syllablesWithPrefix(prefix: string): number[] {
  let ids = prefixCache.get(prefix);
  if (!ids) {
    ids = [];
    for (let id = 0; id < SYLLABLES.length; id++) {
      if (SPELLINGS[id].some((s) => s.startsWith(prefix))) ids.push(id);
    }
    prefixCache.set(prefix, ids);
  }
  return ids;
}

/** True when `text` is a complete syllable spelling. */
export function isSyllable(text: string): boolean {
  return idBySpelling.has(text);
}

if (SYLLABLES.length > SYLLABLE_LIMIT) throw new Error('syllable inventory exceeds the key width');
