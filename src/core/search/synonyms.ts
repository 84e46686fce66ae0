// Near-synonyms of report-writing vocabulary (对照检查材料, 述职报告, 工作总结), for the partial tier only:
// a writer who remembers the gist of a paragraph words it their own way (开会 for 会议, 反省 for 自省,
// 拖拖拉拉 for 能拖则拖). Hand-kept from general knowledge of the genre's stock phrases — each group is
// words writers of such reports use for one idea, not a list made from any query set. A word found only
// through a synonym counts at SCORE.synonym (below a word found as typed), and only verbatim.
// Keep groups small and unambiguous: a group that mixes ideas makes unrelated queries match.
const GROUPS: readonly string[] = [
  // Meetings, documents, formalism
  '开会 会议 会海 文山会海 会多 会太多 会开得太多 会议多',
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
  '推给 推卸 推诿 往外推 上推下卸 甩锅 转嫁 交给下属',
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
  '犯错 犯了错 犯错误 犯了错误 出错 出了错 失误 错误 容错',
  '处理 追究 问责 追责 处分 惩处 纠正 纠错',
  '太松 宽松 失之于宽 偏软 纵容 纵错 重容轻纠 容错变纵错 姑息 姑息迁就 手软',
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
  // Saying and doing
  '光说不练 光说不做 只说不干 说得多做得少 嘴上说得多 坐而论道 纸上谈兵 空谈',
  '上面说一套下面做一套 上有政策下有对策 打折扣 打了折扣 大打折扣 变通执行 搞变通 选择性执行',
  '说话做事 说话办事 一言一行 言行 为人处事 一举一动 言谈举止',
  '平时 平常 平日 日常',
  '不注意 不严谨 不检点 随意 随随便便',
  '下面 基层 下边',
  '行动 行动上 实际行动 落到实处',
  // Speed and reaction
  '反应慢 慢半拍 迟缓 后知后觉 反应迟钝',
  '出了事 出了问题 出事 发生后 事后',
  '及时 第一时间 立即',
  // Small faults, reminders, leniency
  '小毛病 小问题 小节 小事小节 小打小闹 苗头 苗头性',
  '提醒 扯袖子 咬耳朵 提个醒 谈心 谈心交心 打招呼',
  '睁一只眼闭一只眼 听之任之 放任 不管不问 视而不见',
  '制止 遏制 刹住 纠治',
  '酿成大错 酿成 小病不治成大病',
  // Power and gain
  '职权 权力 手中的权力 权力和影响力',
  '谋私利 谋私 谋取私利 以权谋私 贪腐 谋私贪腐',
  '名利 金钱 名利至上 金钱至上 钱财',
  '排场 铺张 奢侈 讲排场 大操大办',
  '俭朴 简朴 勤俭 节俭 艰苦朴素',
  // Rigidity and renewal
  '思想僵化 思维定势 思维惯性 路径依赖 因循守旧 墨守成规 按部就班',
  '老规矩 老套路 老经验 以前的方式方法 习惯做法',
  '劲头 干劲 冲劲 闯劲 韧劲 精气神',
  '改革 变革 革新 革故鼎新',
  '创新 开拓 标新 破冰 开拓创新',
  // Study depth and speed
  '皮毛 一知半解 不求甚解 囫囵吞枣 浮光掠影',
  '图快 求快 追求速度 赶进度 贪多求快',
  '坚持不下来 时断时续 三天打鱼两天晒网 虎头蛇尾 一曝十寒',
  '知识层面 理论知识 书本知识 知识方面',
  '停在 停留在 停留 止步于',
  '解决问题 破解难题 解决实际问题',
  '结合 融合 贯通 相结合 联系',
  '实践 实际 实干 工作实践',
  // Outlook and priorities
  '眼界 视野 眼光 格局',
  '知识面 知识结构 涉猎范围',
  '开阔 宽广 拓宽 宽',
  '窄 狭窄 不宽 狭隘',
  '一亩三分地 责任田 小日子 一摊活',
  '大局观 大局意识 全局观念 国之大者',
  '眼前 一时 短期 当下',
  '长远 长期 利长远 久久为功',
  '轻重缓急 优先顺序 主次 主要矛盾',
  '重点 关键 要害 牛鼻子',
  '卡脖子 瓶颈 短板 难点',
  '突破口 切入点 突破点 着力点 发力点',
  '烫手 烫手山芋 急难险重 难啃的骨头',
  '束手无策 无计可施 手足无措 没办法',
  '安逸 和平安逸 舒适区 太平 安乐',
  // Inspection, paperwork, the masses
  '检查 督查 考核 检查考核 督促检查',
  '填表 报表 表格 台账 留痕 痕迹',
  '应付 应付式 交差 疲于应付 敷衍',
  '疲于奔命 忙于交差 疲于应付 忙乱',
  '下基层 深入基层 到基层 蹲点',
  '大楼 高楼 高楼大厦 大街',
  '小巷 背街小巷 胡同 背阴胡同 角落',
  '对上负责 对上不对下 唯上',
  '漂亮 光鲜 出彩 好看',
  '灰尘 锈点 政治灰尘',
  '打扫 擦除 清除 扫除',
  '物质 物质激励 待遇 奖金',
  '荣誉 精神激励 表彰',
  '灌输 灌输式 说教 填鸭式',
  '带偏 误导 迷惑',
  '辨别是非 辨别力 鉴别力 明辨是非',
  '瞒报 漏报 隐瞒 欺上瞒下 弄虚作假',
  '业务 业务工作 专业 本职工作',
  '忽视 忽略 轻视 不重视',
  '互联网 网络 网上 数字化 网络化',
  '担心 害怕 顾虑 担忧',
  '批评 挨批 问责 追责',
  '认识 意识到 认识到 认清',
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
