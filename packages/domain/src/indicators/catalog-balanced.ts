/**
 * Definitions of the 优质均衡 indicators (教督〔2017〕6号): the 7 resource indicators per school
 * stage part (第六条), their inter-school CVs, and the computable items of 第七条/第八条.
 */
import { BALANCED_DOC, cite } from './sources.ts';
import type { IndicatorDefinition } from './types.ts';

const COMPULSORY = ['primary', 'junior'] as const;
const PER_SCHOOL = ['stage_part', 'district'] as const;

/** The 7 resource indicators of 第六条, in the order of the document. */
export const BALANCED_RESOURCE_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'balanced.teachers_above_qualification_per100',
    name: '每百名学生拥有高于规定学历教师数',
    definition: '高于规定学历的专任教师数 ÷ 在校生数 × 100；小学为专科及以上，初中为本科及以上',
    source: cite(BALANCED_DOC, '第六条'),
    unit: 'per_100_students', factor: 100, precision: 1, levels: PER_SCHOOL, stages: COMPULSORY, direction: 'min',
    numeratorLabel: '高于规定学历专任教师数', denominatorLabel: '在校生数', confidence: 'V',
    note: '“高于规定学历”的口径（小学专科、初中本科）为 [P]',
  },
  {
    code: 'balanced.backbone_teachers_per100',
    name: '每百名学生拥有县级以上骨干教师数',
    definition: '县级（区级）及以上教育行政部门认定且在有效期内的骨干教师数（专任教师，默认含获认定的校级领导）÷ 在校生数 × 100',
    source: cite(BALANCED_DOC, '第六条'),
    unit: 'per_100_students', factor: 100, precision: 1, levels: PER_SCHOOL, stages: COMPULSORY, direction: 'min',
    numeratorLabel: '县级以上骨干教师数', denominatorLabel: '在校生数', confidence: 'V',
  },
  {
    code: 'balanced.pe_art_teachers_per100',
    name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    definition: '体育、音乐、美术（艺术）专任教师数 ÷ 在校生数 × 100',
    source: cite(BALANCED_DOC, '第六条'),
    unit: 'per_100_students', factor: 100, precision: 1, levels: PER_SCHOOL, stages: COMPULSORY, direction: 'min',
    numeratorLabel: '体育、艺术专任教师数', denominatorLabel: '在校生数', confidence: 'V',
  },
  {
    code: 'balanced.teaching_area_per_student',
    name: '生均教学及辅助用房面积',
    definition: '教学及辅助用房面积（平方米）÷ 在校生数',
    source: cite(BALANCED_DOC, '第六条'),
    unit: 'm2_per_student', factor: 1, precision: 1, levels: PER_SCHOOL, stages: COMPULSORY, direction: 'min',
    numeratorLabel: '教学及辅助用房面积（m²）', denominatorLabel: '在校生数', confidence: 'V',
    note: '是否扣除室内体育用房以免与体育场馆面积重复计算，以省级指标解释为准 [U]',
  },
  {
    code: 'balanced.sports_area_per_student',
    name: '生均体育运动场馆面积',
    definition: '（体育馆面积 + 运动场地面积）（平方米）÷ 在校生数',
    source: cite(BALANCED_DOC, '第六条'),
    unit: 'm2_per_student', factor: 1, precision: 1, levels: PER_SCHOOL, stages: COMPULSORY, direction: 'min',
    numeratorLabel: '体育运动场馆面积（m²）', denominatorLabel: '在校生数', confidence: 'V',
  },
  {
    code: 'balanced.equipment_value_per_student',
    name: '生均教学仪器设备值',
    definition: '教学仪器设备资产值（元）÷ 在校生数',
    source: cite(BALANCED_DOC, '第六条'),
    unit: 'yuan_per_student', factor: 1, precision: 0, levels: PER_SCHOOL, stages: COMPULSORY, direction: 'min',
    numeratorLabel: '教学仪器设备值（元）', denominatorLabel: '在校生数', confidence: 'V',
  },
  {
    code: 'balanced.multimedia_rooms_per100',
    name: '每百名学生拥有网络多媒体教室数',
    definition: '网络多媒体教室数（间）÷ 在校生数 × 100',
    source: cite(BALANCED_DOC, '第六条'),
    unit: 'per_100_students', factor: 100, precision: 1, levels: PER_SCHOOL, stages: COMPULSORY, direction: 'min',
    numeratorLabel: '网络多媒体教室数（间）', denominatorLabel: '在校生数', confidence: 'V',
  },
];

/** The CV code of a resource indicator: 'balanced.x' → 'balanced.cv.x'. */
export function cvCodeOf(resourceCode: string): string {
  return resourceCode.replace(/^balanced\./, 'balanced.cv.');
}

/** One inter-school 差异系数 definition per resource indicator (§1.2: enrolment-weighted). */
export const BALANCED_CV_DEFINITIONS: readonly IndicatorDefinition[] = BALANCED_RESOURCE_DEFINITIONS.map((d) => ({
  code: cvCodeOf(d.code),
  name: `${d.name}校际差异系数`,
  definition: `按在校生数加权的校际差异系数：X̄ = Σ(Pi·Xi)/P，S = √(Σ(Pi/P)(Xi − X̄)²)，CV = S/X̄；Xi 为各校${d.name}`,
  source: cite(BALANCED_DOC, '第六条'),
  unit: 'cv',
  factor: 1,
  precision: 2,
  levels: ['district'],
  stages: COMPULSORY,
  direction: 'max',
  numeratorLabel: '加权标准差 S',
  denominatorLabel: '加权平均值 X̄',
  confidence: 'V',
  note: '小学、初中分别计算；各项单独达标，不取平均',
}));

const d = (x: Omit<IndicatorDefinition, 'levels' | 'stages'> & Partial<Pick<IndicatorDefinition, 'levels' | 'stages'>>): IndicatorDefinition => ({
  levels: ['district'],
  stages: COMPULSORY,
  ...x,
});

/** Computable items of 第七条 (政府保障程度) and 第八条 (教育质量) that are not covered elsewhere. */
export const BALANCED_ITEM_DEFINITIONS: readonly IndicatorDefinition[] = [
  d({
    code: 'balanced.schools_passing_share', name: '资源配置达标学校占比',
    definition: '7项资源配置指标中至少6项达标、余项不低于标准85%的学校（学段部）数 ÷ 参评学校（学段部）数',
    source: cite(BALANCED_DOC, '第六条'), unit: '%', factor: 100, precision: 1, direction: 'min',
    numeratorLabel: '达标学校数', denominatorLabel: '参评学校数', confidence: 'V',
  }),
  d({
    code: 'balanced.music_art_rooms_per_12_classes', name: '音乐、美术专用教室配备',
    definition: 'min(音乐教室数, 美术教室数) ÷ ⌈班级数 ÷ 12⌉；每12个班各1间，≥1 为达标',
    source: cite(BALANCED_DOC, '第七条第（三）项'), unit: 'ratio', factor: 1, precision: 2, direction: 'min',
    levels: ['school', 'stage_part'], numeratorLabel: '音乐、美术教室数（取少者）', denominatorLabel: '应配间数', confidence: 'P',
    note: '面积要求（音乐≥96m²、美术≥90m²）不在基础数据中，须现场核实',
  }),
  d({
    code: 'balanced.special_education_funding_per_student', name: '特殊教育学校生均公用经费',
    definition: '特殊教育学校公用经费（元）÷ 在校生数', source: cite(BALANCED_DOC, '第七条第（七）项'),
    unit: 'yuan_per_student', factor: 1, precision: 0, direction: 'min', stages: ['special'],
    numeratorLabel: '公用经费（元）', denominatorLabel: '在校生数', confidence: 'P',
  }),
  d({
    code: 'balanced.teacher_pay_ratio', name: '教师平均工资收入与公务员比',
    definition: '义务教育学校教师年平均工资收入 ÷ 当地公务员年平均工资收入 × 100%',
    source: cite(BALANCED_DOC, '第七条第（八）项'), unit: '%', factor: 100, precision: 1, direction: 'min',
    numeratorLabel: '教师年平均工资（元）', denominatorLabel: '公务员年平均工资（元）', confidence: 'V',
  }),
  d({
    code: 'balanced.training_budget_share', name: '教师培训经费占公用经费比例',
    definition: '学校年度教师培训经费 ÷ 学校年度公用经费预算总额 × 100%',
    source: cite(BALANCED_DOC, '第八条第（四）项'), unit: '%', factor: 100, precision: 1, direction: 'min',
    levels: ['school'], numeratorLabel: '教师培训经费（元）', denominatorLabel: '公用经费预算（元）', confidence: 'V',
  }),
];
