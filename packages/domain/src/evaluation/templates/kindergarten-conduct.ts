/**
 * 幼儿园办园行为督导评估: the five areas of 教督〔2017〕7号 on a 1000-point scale with 750 as the
 * qualifying line. The check point texts are Zhiping's paraphrase, not the annex's wording.
 */
import type { RubricTemplate } from '../rubric.ts';
import { area, checkpoint, computed, indicator, levels, numberNodes, points, yesNo } from './build.ts';

const nodes = numberNodes([
  area('办园条件', 200, [
    indicator('园舍与场地', 70, [
      checkpoint('园址安全，园舍独立设置，远离污染源和危险区域', points(20), {
        guidance: '实地查看园址及周边环境，查阅选址和房屋安全鉴定资料',
        evidence: true,
      }),
      checkpoint('生均占地面积和生均建筑面积达到本地办园标准', points(25), {
        guidance: '对照本地幼儿园办园标准，核对产权或租赁证明及面积测绘资料',
      }),
      checkpoint('户外活动场地满足分班活动和集体活动需要，有绿化和种植区域', points(25)),
    ]),
    indicator('设施设备', 70, [
      checkpoint('活动室、寝室、卫生间、盥洗室等生活用房齐全，符合卫生和安全要求', points(25)),
      checkpoint('玩具、教具和幼儿图书种类丰富、数量满足游戏活动需要', points(25)),
      checkpoint('保健室、厨房等设施设备符合卫生保健要求', points(20)),
    ]),
    indicator('班额与办园许可', 60, [
      checkpoint(
        '班额达标',
        computed('base.kindergarten_class_size_compliance', 'at_least', [
          [100, 40],
          [90, 30],
          [80, 20],
          [60, 10],
        ]),
        {
          guidance: '由系统按基础数据计算不超过规定班额的班级占比；数据有误时可人工调整并说明理由',
        },
      ),
      checkpoint('按审批核定的规模和班数招生，无超规模办园', points(20)),
      checkpoint('依法取得办园许可（未取得许可擅自办园的一票否决）', yesNo(0), { veto: true, evidence: true }),
    ]),
  ]),
  area('安全卫生', 200, [
    indicator('安全管理', 80, [
      checkpoint('建立安全工作责任制和各项安全管理制度，岗位责任明确', points(25)),
      checkpoint('人防、物防、技防到位：专职保安、门卫管理、视频监控和一键报警', points(30), { evidence: true }),
      checkpoint('定期开展安全教育和应急疏散演练，有计划有记录', points(25)),
      checkpoint('评估周期内未发生重大安全责任事故（发生的一票否决）', yesNo(0), { veto: true }),
    ]),
    indicator('卫生保健', 70, [
      checkpoint('配备卫生保健人员，卫生保健制度落实', points(25)),
      checkpoint('落实入园体检、定期健康检查、晨午检和传染病预防与报告', points(25)),
      checkpoint('环境和物品清洁消毒符合规范', points(20)),
    ]),
    indicator('膳食营养', 50, [
      checkpoint('食堂证照齐全，食品采购、加工、留样和陪餐制度落实', points(25), { evidence: true }),
      checkpoint('科学制定带量食谱，膳食营养均衡并定期进行营养分析', points(25)),
      checkpoint('评估周期内未发生食物中毒等食品安全责任事故（发生的一票否决）', yesNo(0), { veto: true }),
    ]),
  ]),
  area('保育教育', 250, [
    indicator('一日生活', 80, [
      checkpoint('一日作息合理、动静交替，保证户外活动（一般每天不少于2小时）和睡眠时间', points(40)),
      checkpoint('在生活活动中培养幼儿良好的生活、卫生习惯和自理能力', points(40)),
    ]),
    indicator('游戏与教育活动', 100, [
      checkpoint('以游戏为基本活动，保证幼儿每天有充足的自主游戏时间', points(35)),
      checkpoint('教育活动的目标、内容和组织符合《3-6岁儿童学习与发展指南》', points(35)),
      checkpoint('无“小学化”倾向：不提前教授小学课程内容，不布置书面作业', points(30)),
    ]),
    indicator('家园共育', 70, [
      checkpoint('建立家长委员会，家长参与幼儿园管理和活动', points(25)),
      checkpoint('通过家长学校、开放日等方式提供科学育儿指导', points(25)),
      checkpoint('与小学双向衔接，利用社区资源开展教育', points(20)),
    ]),
  ]),
  area('教职工队伍', 200, [
    indicator('人员配备', 80, [
      checkpoint(
        '专任教师与幼儿比',
        computed('base.kindergarten_children_per_teacher', 'at_most', [
          [15, 30],
          [17.5, 20],
          [20, 10],
        ]),
        {
          guidance: '由系统按在园幼儿数 ÷ 专任教师数计算（每名专任教师对应幼儿数，越少越好）',
        },
      ),
      checkpoint(
        '专任教师持证率',
        computed('base.kindergarten_teacher_certified_rate', 'at_least', [
          [100, 25],
          [95, 20],
          [90, 15],
          [80, 5],
        ]),
      ),
      checkpoint('按规定配备保育员、卫生保健人员和安保人员', points(25)),
    ]),
    indicator('师德与待遇', 60, [
      checkpoint('建立师德建设长效机制，开展师德教育和考核', points(30)),
      checkpoint('依法保障教职工工资待遇和社会保险', points(30), { evidence: true }),
      checkpoint('无虐待、体罚或变相体罚幼儿等严重违反师德的行为（有的一票否决）', yesNo(0), { veto: true }),
    ]),
    indicator('专业发展', 60, [
      checkpoint('园长和教师按规定参加培训，有培训规划和记录', points(30)),
      checkpoint('开展以游戏和一日生活为重点的园本教研', points(30)),
    ]),
  ]),
  area('内部管理', 150, [
    indicator('办园方向与制度', 50, [
      checkpoint('坚持正确办园方向，党组织作用有效发挥', points(25)),
      checkpoint('依法制定章程，园务管理和民主决策制度健全', points(25)),
    ]),
    indicator('收费与财务', 50, [
      checkpoint('按核定标准收费并公示，无违规收费', points(25), { evidence: true }),
      checkpoint('财务制度健全，经费使用规范，幼儿伙食费专款专用', points(25)),
    ]),
    indicator('档案与家长评价', 50, [
      checkpoint('幼儿、教职工和保育教育档案完整规范', points(15)),
      checkpoint('按时准确报送基础数据和统计信息', points(15)),
      checkpoint('家长对幼儿园工作的满意程度', levels([20, 16, 12, 6]), { guidance: '依据家长问卷和访谈判断' }),
    ]),
  ]),
]);

const pct = (share: number) => ({ A1: 200 * share, A2: 200 * share, A3: 250 * share, A4: 200 * share, A5: 150 * share });

/** The built-in 幼儿园办园行为督导评估 template. */
export const KINDERGARTEN_CONDUCT_TEMPLATE: RubricTemplate = {
  family: 'kindergarten-conduct',
  version: 1,
  name: '幼儿园办园行为督导评估',
  scale: 1000,
  passRule: 'bands',
  bands: [
    { label: '优秀', minTotal: 900, areaMinimums: pct(0.85), isPassing: true },
    { label: '良好', minTotal: 800, areaMinimums: pct(0.75), isPassing: true },
    { label: '合格', minTotal: 750, areaMinimums: pct(0.6), isPassing: true },
    { label: '不合格', minTotal: 0, isPassing: false },
  ],
  nodes,
  isBuiltIn: true,
  description: '对各类幼儿园（含未取得办园许可的）办园行为的综合督导评估，每 3–5 年一轮。',
  source: {
    document: '《幼儿园办园行为督导评估办法》（教督〔2017〕7号，教育部，2017年4月）',
    confidence: 'partial',
    notes: [
      '五个一级指标（办园条件、安全卫生、保育教育、教职工队伍、内部管理）与文件一致 [已核实]。',
      '15 个二级指标、42 个评估要点的数量据称与文件附件一致，但未经核实 [未核实]；本模板的二级指标和要点文字是依据文件领域自拟的释义，不是附件原文。',
      '1000 分制、750 分合格线来自用户回忆，未找到重庆区县评估方案原文 [未核实]；等次线（优秀 900、良好 800、合格 750）和各领域最低分（优秀 85%、良好 75%、合格 60%）为合理的本地配置。',
      '一票否决项（无证办园、重大安全责任事故、食品安全事故、虐待体罚幼儿）和数据计算项的阈值为本地配置示例，班额标准取自《幼儿园工作规程》。',
      '使用前请对照教育部官网原文和本地实施细则逐项核对。',
    ],
  },
};
