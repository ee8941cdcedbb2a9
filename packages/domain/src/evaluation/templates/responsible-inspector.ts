/** 责任督学 常规督导: the 8 routine items of a responsible inspector's school visit, each checked as 正常 / 存在问题 with notes. */
import type { RubricTemplate } from '../rubric.ts';
import { area, checkpoint, numberNodes, yesNo } from './build.ts';

const check = (title: string) => checkpoint(title, yesNo(1, { yes: '正常', no: '存在问题', noRequiresNote: true }));

const items: [string, string[]][] = [
  ['依法治校与制度建设', ['学校章程和各项管理制度执行情况', '校务公开和民主管理情况']],
  ['招生、收费与择校', ['招生入学是否规范，有无违规择校', '收费项目和标准是否公示、有无违规收费']],
  ['课程开设与课堂教学', ['是否按课程表开齐开足课程', '课堂教学秩序和教学常规落实情况']],
  ['学生课业负担与体育锻炼', ['作业总量和考试管理是否符合规定', '是否保证每天一小时校园体育活动']],
  ['教师师德与专业发展', ['师德师风情况，有无有偿补课、体罚学生', '教研和培训开展情况']],
  ['校园及周边安全', ['校内安全管理和隐患排查整改情况', '校园周边环境和上下学交通安全情况']],
  ['食堂、饮水与卫生', ['食堂食品安全和陪餐制度落实情况', '饮用水、环境卫生和传染病防控情况']],
  ['校风、教风与学风', ['校风、教风情况', '学风和学生行为习惯情况']],
];

/** The built-in 责任督学常规督导 visit record. */
export const RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE: RubricTemplate = {
  family: 'responsible-inspector-visit',
  version: 1,
  name: '责任督学常规督导记录',
  scale: 16,
  passRule: 'all_yes',
  bands: [],
  verdictLabels: { pass: '未发现问题', fail: '发现问题' },
  nodes: numberNodes(items.map(([title, checks]) => area(title, checks.length, checks.map(check)))),
  isBuiltIn: true,
  description: '责任督学（每人约负责 5 所学校）经常性督导的记录表：每次可只查看部分事项，发现的问题转为整改事项并在下次督导时跟踪。',
  source: {
    document: '《中小学校责任督学挂牌督导办法》（国务院教育督导委员会办公室，2013年9月）及其规程、守则（2014）',
    confidence: 'unverified',
    notes: [
      '每名责任督学约负责 5 所学校、五项基本职责来自挂牌督导办法 [已核实]。',
      '8 项常规督导事项是通行的归纳，未与原文逐项核对 [未核实]；每项下的两个查看要点为 Zhiping 自拟。',
      '督导频次（一般每月至少一次）未核实，在 responsibleInspectorStatus 的 intervalDays 中配置。',
    ],
  },
};
