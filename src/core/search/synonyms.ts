// Near-synonyms of report-writing vocabulary (对照检查材料, 述职报告, 工作总结), for the partial tier only:
// a writer who remembers the gist of a paragraph words it their own way (开会 for 会议, 反省 for 自省,
// 拖拖拉拉 for 能拖则拖). Hand-kept from general knowledge of the genre's stock phrases — each group is
// words writers of such reports use for one idea, not a list made from any query set. A word found only
// through a synonym counts at SCORE.synonym (below a word found as typed), and only verbatim.
// Keep groups small and unambiguous: a group that mixes ideas makes unrelated queries match.
const GROUPS: readonly string[] = [
  // Meetings, documents, formalism
  '开会 会议 会海 文山会海 会多',
  '发文 文件 文山 发文件',
  '太多 过多 繁多 过于 频繁 名目繁多 过度',
  '装样子 走形式 走过场 做样子 摆样子 花架子 表面文章',
  '形象工程 面子工程 政绩工程 亮点工程',
  '表态 喊口号 调门高',
  '琐碎 事务性 繁杂 杂事',
  // Listening to people
  '听 听取 倾听 征求 听进去',
  '意见 建议 呼声 诉求 心声 期盼',
  '群众 老百姓 百姓 人民群众 民众',
  '不愿意 不愿 不想 不肯 不乐意',
  // Self-examination
  '反省 自省 反思 检视 自查 扪心自问',
  '很少 缺少 缺乏 欠缺 较少 比较少',
  '不强 不够强 不高 不够高 淡薄 淡化 薄弱',
  '不深入 不深 不够深入 不透',
  '不到位 不够到位 不扎实 不严实 不彻底',
  // Effort, slackening
  '认真 用心 扎实 下功夫 下足功夫',
  '松劲 松懈 懈怠 放松 泄劲 后劲不足 松了',
  '开头 开始 起初 刚开始 一开始',
  '后来 后续 之后 后期',
  '拖拖拉拉 拖拉 拖延 拖沓 能拖则拖 推拖',
  '效率低 效率不高 低效 效能低',
  '混日子 得过且过 庸政 懒政 怠政 躺平 不作为 当一天和尚撞一天钟',
  // Avoiding difficulty and responsibility
  '绕着走 绕道走 绕开 回避 躲避 逃避 躲着走',
  '难题 难事 硬骨头 难啃的骨头 烫手山芋',
  '啃硬骨头 攻坚克难 迎难而上',
  '推给 推卸 推诿 往外推 上推下卸 甩锅',
  '下属 下级 部下',
  '上级 上面 上头',
  '担当 担责 担责任 承担责任',
  '挑重担 挑大梁 担重任 重担子',
  '怕得罪人 不得罪人 老好人',
  '不敢 怯于 畏首畏尾 畏难',
  '放开手脚 甩开膀子 大胆干 敢闯敢试',
  '挫折 困难 逆境',
  '消沉 灰心 气馁 泄气',
  '碰硬 动真碰硬 硬碰硬',
  '说一套做一套 阳奉阴违 两面人 表里不一',
  // Mistakes and discipline
  '犯错 犯错误 出错 失误 错误 容错',
  '处理 追究 问责 追责 处分 惩处',
  '太松 宽松 失之于宽 偏软 纵容',
  '廉洁 廉政 清廉',
  '懂法 法治 法律 法规 纪法',
  '私心 私利 利己 个人利益 个人得失',
  '计较 斤斤计较 患得患失',
  '享乐 享受 奢靡 享乐主义',
  '贪图 追求 热衷 信奉',
  '部门利益 本位主义 局部利益 小团体',
  '侥幸 心存侥幸 碰运气',
  // Study and thinking
  '死记硬背 机械背诵 生搬硬套',
  '活学活用 学以致用 学用结合 融会贯通',
  '走马观花 蜻蜓点水 浮于表面 浅尝辄止',
  '调研 调查研究 调查 走访',
  '僵化 固化 定势 惯性 守旧',
  '老一套 老套 老办法 老路子 老框框 传统',
  '两张皮 割裂 脱节 分开',
  '敏感性 敏锐性 敏感度 洞察力 鉴别力',
  '宣讲 宣传 讲解',
  '生动 鲜活 接地气 喜闻乐见',
  // Means and ends
  '手段 方式 方法 办法 举措 措施',
  '单一 单调',
  '激励 鼓励 激发',
  '政绩 成绩 业绩 亮点',
  '提升 提高 增强 加强',
  '本领 本事 能力',
  '素养 素质',
  '机会 机遇 时机',
  '错过 错失 丧失 贻误',
  '碰到 遇到 面对 面临',
  '下手 动手 出手',
  '根子 根源 根本 深层次',
  '反复 反弹 一波未平',
  '年纪 年龄 党龄',
  '上心 重视 在意',
  '大事 大局 大处',
  '小事 小处 细节 实事',
];

let table: Map<string, readonly string[]> | undefined;
let longest = 0;

/** Every word of the thesaurus → the other words of its groups. */
function synonymTable(): Map<string, readonly string[]> {
  if (table) return table;
  const map = new Map<string, string[]>();
  for (const line of GROUPS) {
    const group = line.split(' ');
    for (const word of group) {
      const others = map.get(word) ?? [];
      for (const other of group) if (other !== word && !others.includes(other)) others.push(other);
      map.set(word, others);
      longest = Math.max(longest, word.length);
    }
  }
  table = map;
  return map;
}

/** The near-synonyms of a word (empty when the thesaurus does not know it). */
export function synonymsOf(word: string): readonly string[] {
  return synonymTable().get(word) ?? [];
}

/**
 * Thesaurus words in a run of Han characters that start and end on word boundaries (`cuts`, from the
 * segmenter), longest first at each position, left to right: `做事拖拖拉拉` → [2, 6) 拖拖拉拉, and
 * `不|愿意` → [0, 3) 不愿意, but no 在意 in `在|意识`. `accept` may refuse a word (one the library cannot use).
 */
export function thesaurusSpans(run: string, cuts: ReadonlySet<number>, accept: (word: string) => boolean = () => true): [number, number][] {
  const map = synonymTable();
  const spans: [number, number][] = [];
  for (let i = 0; i < run.length; ) {
    let end = 0;
    if (cuts.has(i)) {
      for (let k = Math.min(longest, run.length - i); k >= 2; k--) {
        if (cuts.has(i + k) && map.has(run.slice(i, i + k)) && accept(run.slice(i, i + k))) {
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
