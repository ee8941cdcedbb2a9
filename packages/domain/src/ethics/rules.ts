/**
 * The rules of teacher-ethics cases, as versioned configuration with their document numbers: the violation
 * categories and penalties of 《中小学教师违反职业道德行为处理办法（2018年修订）》(教师〔2018〕18号), the other
 * measures, and the step deadlines the 师德办 works to. Historical cases keep the version in force when
 * they were opened (the case row stores `rules_version`).
 */

/** One violation category of a rules version. */
export interface ViolationCategory {
  code: string;
  label: string;
}

/** Penalty (处分) codes. 降低岗位等级 and 撤职 share the 24-month period. */
export type PenaltyCode = 'warning' | 'demerit' | 'demotion' | 'dismissal' | 'expulsion';

/** One penalty with its period; months null = indefinite (开除). */
export interface PenaltyRule {
  code: PenaltyCode;
  label: string;
  months: number | null;
}

/** Other measures (其他处理). */
export type MeasureCode = 'criticism' | 'admonition' | 'self_review' | 'circulated_criticism' | 'disqualification' | 'certificate_revoked';

/** Purposes a restriction blocks; other areas ask with one of these. */
export type RestrictionPurpose = 'award' | 'backbone_recognition' | 'demo_lesson' | 'teaching_expert' | 'rotation_backbone_receiver';

export const RESTRICTION_PURPOSES: readonly RestrictionPurpose[] = [
  'award',
  'backbone_recognition',
  'demo_lesson',
  'teaching_expert',
  'rotation_backbone_receiver',
];

export const RESTRICTION_PURPOSE_LABELS: Record<RestrictionPurpose, string> = {
  award: '评奖评优',
  backbone_recognition: '骨干教师认定',
  demo_lesson: '示范课评选',
  teaching_expert: '教学能手评选',
  rotation_backbone_receiver: '以骨干教师身份交流到受援学校',
};

/** Step deadlines in calendar days. */
export interface EthicsDeadlines {
  /** From receipt to triage (受理分类). */
  triageDays: number;
  /** Default investigation period from assignment (调查核实). */
  investigationDays: number;
  /** The teacher's statement and defence (陈述申辩) from the findings. */
  statementDays: number;
  /** From the statement to the decision (作出处理决定). */
  decisionDays: number;
  /** The appeal window (申诉期) from the written notice. */
  appealDays: number;
}

/** One version of the ethics rules. */
export interface EthicsRules {
  /** Document number; stored on every case. */
  version: string;
  title: string;
  validFrom: string;
  categories: readonly ViolationCategory[];
  penalties: readonly PenaltyRule[];
  measures: readonly { code: MeasureCode; label: string }[];
  /** Default disqualification period when a decision disqualifies without naming one (at least 24 months). */
  defaultDisqualificationMonths: number;
  deadlines: EthicsDeadlines;
  /** Schools with at least `count` cases within `years` are listed as repeated. */
  repeatedCases: { count: number; years: number };
}

/** 教师〔2018〕18号, with the categories of 《新时代中小学教师职业行为十项准则》(教师〔2018〕16号). */
export const ETHICS_RULES_2018: EthicsRules = {
  version: '教师〔2018〕18号',
  title: '中小学教师违反职业道德行为处理办法（2018年修订）',
  validFrom: '2018-11-08',
  categories: [
    { code: 'v01', label: '在教育教学活动中及学校、社会公共场合有损害党中央权威、违背党的路线方针政策的言行' },
    { code: 'v02', label: '损害国家利益、社会公共利益，或违背社会公序良俗' },
    { code: 'v03', label: '通过课堂、论坛、讲座、信息网络及其他渠道发表、转发错误观点，或编造散布虚假信息、不良信息' },
    { code: 'v04', label: '违反教学纪律，敷衍教学，或擅自从事影响教育教学本职工作的兼职兼薪行为' },
    { code: 'v05', label: '歧视、侮辱学生，虐待、伤害学生' },
    { code: 'v06', label: '在教育教学活动和突发事件中未尽到安全保护职责，放弃保护学生' },
    { code: 'v07', label: '与学生发生不正当关系，有任何形式的猥亵、性骚扰行为' },
    { code: 'v08', label: '在招生、考试、推优、保研、就业及绩效考核、岗位聘用、职称评聘、评优评奖等工作中徇私舞弊、弄虚作假' },
    {
      code: 'v09',
      label:
        '索要、收受学生及家长财物，参加由学生及家长付费的宴请、旅游、娱乐休闲等活动，向学生推销图书报刊、教辅材料、社会保险或利用家长资源谋取私利',
    },
    { code: 'v10', label: '组织、参与有偿补课，或为校外培训机构和他人介绍生源、提供相关信息' },
    { code: 'v11', label: '其他违反职业道德的行为' },
  ],
  penalties: [
    { code: 'warning', label: '警告', months: 6 },
    { code: 'demerit', label: '记过', months: 12 },
    { code: 'demotion', label: '降低岗位等级', months: 24 },
    { code: 'dismissal', label: '撤职', months: 24 },
    { code: 'expulsion', label: '开除', months: null },
  ],
  measures: [
    { code: 'criticism', label: '批评教育' },
    { code: 'admonition', label: '诫勉谈话' },
    { code: 'self_review', label: '责令检查' },
    { code: 'circulated_criticism', label: '通报批评' },
    { code: 'disqualification', label: '取消评奖评优、职务晋升、职称评定、岗位聘用、工资晋级、申报人才计划等资格' },
    { code: 'certificate_revoked', label: '撤销教师资格' },
  ],
  defaultDisqualificationMonths: 24,
  deadlines: { triageDays: 7, investigationDays: 30, statementDays: 7, decisionDays: 15, appealDays: 30 },
  repeatedCases: { count: 2, years: 3 },
};

/** Every rules version, newest first. */
export const ETHICS_RULE_VERSIONS: readonly EthicsRules[] = [ETHICS_RULES_2018];

/** The rules version in force on a date ('YYYY-MM-DD'), falling back to the oldest known version. */
export function ethicsRulesOn(date: string): EthicsRules {
  return ETHICS_RULE_VERSIONS.find((r) => r.validFrom <= date) ?? ETHICS_RULE_VERSIONS[ETHICS_RULE_VERSIONS.length - 1]!;
}

/** The rules of a stored version string (unknown versions fall back to the current one). */
export function ethicsRulesByVersion(version: string): EthicsRules {
  return ETHICS_RULE_VERSIONS.find((r) => r.version === version) ?? ETHICS_RULE_VERSIONS[0]!;
}

/** The label of a category code in a rules version ('' when unknown). */
export function categoryLabel(rules: EthicsRules, code: string | null | undefined): string {
  return rules.categories.find((c) => c.code === code)?.label ?? '';
}

/** The rule of a penalty code. */
export function penaltyRule(rules: EthicsRules, code: PenaltyCode): PenaltyRule {
  const rule = rules.penalties.find((p) => p.code === code);
  if (!rule) throw new Error(`unknown penalty ${code} in ${rules.version}`);
  return rule;
}
