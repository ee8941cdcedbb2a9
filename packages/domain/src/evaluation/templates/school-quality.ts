/**
 * 中小学办学质量: the school level of the 义务教育质量评价指南 (5 areas, 12 key indicators) on a
 * 100-point scale, with Zhiping's own plausible check points.
 */
import type { RubricTemplate } from '../rubric.ts';
import { area, checkpoint, computed, indicator, levels, numberNodes, points, yesNo } from './build.ts';

const nodes = numberNodes([
  area('办学方向', 15, [
    indicator('加强党建工作', 7, [
      checkpoint('落实党组织领导的校长负责制，议事决策规则健全', points(4, 0.5), { evidence: true }),
      checkpoint('党建与教育教学深度融合，党员教师发挥示范作用', points(3, 0.5)),
    ]),
    indicator('坚持德育为先', 8, [
      checkpoint('德育工作体系健全，全员、全过程、全方位育人', points(4, 0.5)),
      checkpoint('开展理想信念、社会主义核心价值观和中华优秀传统文化教育', points(4, 0.5)),
    ]),
  ]),
  area('课程教学', 25, [
    indicator('落实课程方案', 9, [
      checkpoint('国家课程开齐开足，地方课程和校本课程规范实施', points(5, 0.5), { guidance: '对照课程表、教学日志并随机听课核实' }),
      checkpoint('劳动教育、综合实践活动以及体育、艺术课时落实', points(4, 0.5)),
    ]),
    indicator('规范教学实施', 9, [
      checkpoint('按课程标准教学，不超标、不超前', points(3, 0.5)),
      checkpoint('推进启发式、探究式、互动式教学，课堂教学质量', levels([3, 2, 1, 0]), { guidance: '依据随堂听课情况评定等级' }),
      checkpoint('考试次数、命题和成绩使用符合规定，不公布成绩排名', points(3, 0.5)),
    ]),
    indicator('优化作业管理', 7, [
      checkpoint('作业总量和完成时长控制在规定范围内', points(4, 0.5), { guidance: '抽查作业记录，访谈学生和家长' }),
      checkpoint('作业设计分层、弹性，教师及时批改和反馈', points(3, 0.5)),
    ]),
  ]),
  area('教师发展', 20, [
    indicator('加强师德师风建设', 10, [
      checkpoint('把师德作为评价教师的第一标准，师德考核和问题查处机制健全', points(5, 0.5)),
      checkpoint('无有偿补课、体罚或变相体罚学生等师德失范行为', yesNo(5)),
    ]),
    indicator('重视教师专业成长', 10, [
      checkpoint('校本研修和教研活动常态开展、注重实效', points(4, 0.5)),
      checkpoint('教师培训学时达标，支持教师专业发展', points(3, 0.5)),
      checkpoint('教师激励和关爱机制健全', points(3, 0.5)),
    ]),
  ]),
  area('学校管理', 20, [
    indicator('完善内部治理', 10, [
      checkpoint('学校章程和管理制度健全，依法治校', points(3, 0.5)),
      checkpoint('教职工代表大会、家长委员会等民主管理机制有效运行', points(3, 0.5)),
      checkpoint('招生入学规范，均衡编班，不设重点班', points(4, 0.5)),
    ]),
    indicator('建设和谐校园', 10, [
      checkpoint('安全管理制度健全，定期排查隐患和开展应急演练', points(4, 0.5)),
      checkpoint(
        '班额达标',
        computed('base.school_class_size_compliance', 'at_least', [
          [100, 3],
          [90, 2],
          [80, 1],
        ]),
        { guidance: '由系统按基础数据计算不超过标准班额的班级占比' },
      ),
      checkpoint('校园文化积极向上，家校社协同育人', points(3, 0.5)),
      checkpoint('评估周期内未发生重大安全责任事故（发生的一票否决）', yesNo(0), { veto: true }),
    ]),
  ]),
  area('学生发展', 20, [
    indicator('促进全面发展', 8, [
      checkpoint('学生品德行为表现', levels([4, 3, 2, 1]), { guidance: '依据观察、访谈和综合素质评价记录评定等级' }),
      checkpoint('学生学业达标，学习习惯良好', points(4, 0.5)),
    ]),
    indicator('维护身心健康', 7, [
      checkpoint(
        '学生体质健康合格率',
        computed('indicator.student_fitness_pass_rate', 'at_least', [
          [95, 4],
          [90, 3],
          [85, 2],
          [80, 1],
        ]),
      ),
      checkpoint('保证每天校园体育活动一小时，近视防控和心理健康教育落实', points(3, 0.5)),
    ]),
    indicator('关注个性特长', 5, [
      checkpoint('艺术、科技、体育等社团活动丰富，学生兴趣特长得到发展', points(3, 0.5)),
      checkpoint('学生参与劳动实践和社会实践', points(2, 0.5)),
    ]),
  ]),
]);

/** The built-in 中小学办学质量 (学校办学质量评价) template. */
export const SCHOOL_QUALITY_TEMPLATE: RubricTemplate = {
  family: 'school-quality',
  version: 1,
  name: '中小学办学质量评价',
  scale: 100,
  passRule: 'bands',
  bands: [
    { label: '优秀', minTotal: 90, areaMinimums: { A1: 12, A2: 20, A3: 16, A4: 16, A5: 16 }, isPassing: true },
    { label: '良好', minTotal: 80, areaMinimums: { A1: 10.5, A2: 17.5, A3: 14, A4: 14, A5: 14 }, isPassing: true },
    { label: '合格', minTotal: 60, areaMinimums: { A1: 7.5, A2: 12.5, A3: 10, A4: 10, A5: 10 }, isPassing: true },
    { label: '不合格', minTotal: 0, isPassing: false },
  ],
  nodes,
  isBuiltIn: true,
  description: '义务教育学校办学质量的综合督导评估，原则上每 3–5 年覆盖一轮；结果评价与增值评价、自评与外部评价相结合。',
  source: {
    document: '《义务教育质量评价指南》（教育部等六部门，2021年3月；文号一般记为教基〔2021〕3号，未核实）之学校办学质量评价',
    confidence: 'partial',
    notes: [
      '学校层面的 5 个重点内容（办学方向、课程教学、教师发展、学校管理、学生发展）和 12 项关键指标的数量与文件一致 [已核实]。',
      '12 项关键指标的名称与分布为依据文件的合理重构，未逐字核对 [未核实]；29 个评估要点、分值、等次线和领域最低分均为本地配置示例。',
      '数据计算项（班额达标、体质健康合格率）的阈值为本地配置示例。',
    ],
  },
};
