/** 底线要求: a 20-item yes/no checklist of bottom-line requirements for schools; every item must be met. */
import type { RubricTemplate } from '../rubric.ts';
import { area, checkpoint, numberNodes, yesNo } from './build.ts';

const item = (title: string, guidance?: string) =>
  checkpoint(title, yesNo(1, { yes: '达标', no: '不达标', noRequiresNote: true }), guidance ? { guidance } : {});

const nodes = numberNodes([
  area('规范办学', 5, [
    item('无违规收费：收费项目和标准经核准并公示，未擅自设立收费项目'),
    item('无有偿补课：学校和在职教师不组织、不参与有偿补课'),
    item('招生规范：免试就近入学，无考试选拔招生和违规择校'),
    item('均衡编班：不分重点班、快慢班'),
    item('不强制或变相强制学生购买教辅资料'),
  ]),
  area('课程与学生负担', 6, [
    item('课程开齐开足：按国家课程方案开设全部课程，不挤占体育、艺术、劳动等课时'),
    item('作业总量达标：小学一二年级不布置书面家庭作业，三至六年级书面作业平均不超过60分钟，初中不超过90分钟'),
    item('考试管理规范：小学一二年级不进行纸笔考试，考试次数符合规定，不公布成绩和排名'),
    item('每天体育活动一小时：学生在校每天校园体育活动时间不少于1小时'),
    item('睡眠时间保障：小学上午上课时间一般不早于8:20，初中一般不早于8:00'),
    item('课后服务家长自愿，不利用课后服务时间讲授新课'),
  ]),
  area('安全卫生', 6, [
    item('校园安全设施完好：围墙、门卫、视频监控和一键报警设施有效，专职保安配备到位'),
    item('消防设施完好有效，疏散通道畅通'),
    item('食堂食品安全：证照齐全，落实食品留样和负责人陪餐制度'),
    item('饮用水符合卫生标准，供水设施定期清洗消毒'),
    item('无在用的 D 级危房', '查阅校舍安全鉴定报告'),
    item('每学期至少开展一次应急疏散演练'),
  ]),
  area('师德与治理', 3, [
    item('无体罚和变相体罚学生'),
    item('建立学生欺凌防治工作机制，欺凌事件及时处置'),
    item('按规定公开办学信息，统计数据真实，无弄虚作假'),
  ]),
]);

/** The built-in 底线要求 checklist. */
export const BOTTOM_LINE_TEMPLATE: RubricTemplate = {
  family: 'school-bottom-line',
  version: 1,
  name: '中小学办学行为底线要求核查',
  scale: 20,
  passRule: 'all_yes',
  bands: [],
  verdictLabels: { pass: '全部达标', fail: '存在不达标项' },
  nodes,
  isBuiltIn: true,
  description: '专项督导和日常督导使用的底线清单：20 项全部达标方为通过，任一项不达标即须整改。',
  source: {
    document:
      '依据“双减”意见（2021）、中小学生睡眠管理和体质健康管理通知（2021）、《学校食品安全与营养健康管理规定》（2019）等国家要求整理的本地清单',
    confidence: 'unverified',
    notes: [
      '这是 Zhiping 按国家要求整理的 20 项本地底线清单，不是某一文件的原文 [未核实]。',
      '各项中的数字（作业时长、上课时间、体育活动时间）依据上述文件的通行表述，使用前请对照现行文件和本地规定核对。',
    ],
  },
};
