/**
 * The two county assessments as data (standards.md §1 and §2): each item with its number, name,
 * standard, source, and either the computed indicator(s) that decide it or 'manual' (entered as met or
 * not met with evidence). A computed item without data falls back to a manual entry when one exists.
 */
import type { Stage } from '../codes/stages.ts';
import { BALANCED_RESOURCE_DEFINITIONS, cvCodeOf } from './catalog-balanced.ts';
import { BALANCED_DOC, PRESCHOOL_DOC, cite } from './sources.ts';
import type { Confidence, SourceRef } from './types.ts';

/** Parts of the assessments. */
export type AssessmentPart = 'resource' | 'coverage' | 'government' | 'quality' | 'social' | 'veto';

/** Chinese labels of the parts. */
export const ASSESSMENT_PART_LABELS: Record<AssessmentPart, string> = {
  resource: '资源配置',
  coverage: '普及普惠水平',
  government: '政府保障',
  quality: '教育（保教）质量',
  social: '社会认可度',
  veto: '一票否决',
};

/** How an item is decided: by computed indicator values (optionally only those of some stages) or by a manual entry. */
export type AssessmentCompute = 'manual' | { codes: readonly string[]; stages?: readonly Stage[] };

/** One item of an assessment. */
export interface AssessmentItem {
  /** Stable key, e.g. 'balanced.government.4'; manual entries are keyed by it. */
  key: string;
  part: AssessmentPart;
  number: number;
  name: string;
  /** The standard in words (Chinese). */
  standard: string;
  source: SourceRef;
  compute: AssessmentCompute;
  confidence: Confidence;
}

const COMPULSORY = ['primary', 'junior'] as const;

const item = (
  prefix: string,
  part: AssessmentPart,
  number: number,
  name: string,
  standard: string,
  source: SourceRef,
  compute: AssessmentCompute,
  confidence: Confidence = 'V',
): AssessmentItem => ({
  key: `${prefix}.${part}.${number}`,
  part,
  number,
  name,
  standard,
  source,
  compute,
  confidence,
});
const b = (
  part: AssessmentPart,
  number: number,
  name: string,
  standard: string,
  article: string,
  compute: AssessmentCompute,
  confidence: Confidence = 'V',
) => item('balanced', part, number, name, standard, cite(BALANCED_DOC, article), compute, confidence);
const codes = (...c: string[]): AssessmentCompute => ({ codes: c });

/** 优质均衡: 资源配置 (all schools + 7 CVs), 15 政府保障 items, 9 教育质量 items, 社会认可度 and the vetoes. */
export const BALANCED_ASSESSMENT_ITEMS: readonly AssessmentItem[] = [
  b('resource', 1, '每所学校7项指标至少6项达标、余项不低于标准85%', '所有参评学校（学段部）均达标', '第六条', {
    codes: ['balanced.schools_passing_share'],
    stages: COMPULSORY,
  }),
  ...BALANCED_RESOURCE_DEFINITIONS.map((d, i) =>
    b('resource', i + 2, `${d.name}校际差异系数`, '小学≤0.50，初中≤0.45', '第六条', { codes: [cvCodeOf(d.code)], stages: COMPULSORY }),
  ),
  b('government', 1, '按国家规定建立义务教育学校布局规划并有效实施', '佐证材料', '第七条', 'manual'),
  b('government', 2, '城乡学校建设、教师编制、生均公用经费基准定额、装备配置标准统一', '佐证材料', '第七条', 'manual', 'P'),
  b(
    'government',
    3,
    '每12个班级配备音乐、美术专用教室1间以上',
    '每校达标；音乐≥96m²、美术≥90m²',
    '第七条',
    codes('balanced.music_art_rooms_per_12_classes'),
    'P',
  ),
  b(
    'government',
    4,
    '学校规模不超过2000人，九年一贯制、十二年一贯制义务教育阶段不超过2500人',
    '每校达标',
    '第七条',
    codes('compulsory.school_size', 'compulsory.school_size_one_through'),
  ),
  b('government', 5, '小学、初中所有班级学生数分别不超过45人、50人', '所有班级', '第七条', codes('compulsory.max_class_size')),
  b('government', 6, '不足100名学生的村小学和教学点按100名学生核定公用经费', '经费拨付记录', '第七条', 'manual'),
  b(
    'government',
    7,
    '特殊教育学校生均公用经费不低于6000元',
    '≥6000元',
    '第七条',
    codes('balanced.special_education_funding_per_student'),
    'P',
  ),
  b(
    'government',
    8,
    '教师平均工资收入水平不低于当地公务员平均工资收入水平，绩效工资核定到位',
    '≥100%',
    '第七条',
    codes('balanced.teacher_pay_ratio'),
  ),
  b('government', 9, '教师5年360学时培训完成率', '100%', '第七条', codes('teachers.training_completion_rate')),
  b('government', 10, '县级教育行政部门在核定的编制和岗位总额内统筹分配各校编制和岗位', '佐证材料', '第七条', 'manual', 'U'),
  b(
    'government',
    11,
    '教师交流轮岗比例不低于10%，骨干教师不低于交流轮岗教师总数的20%',
    '≥10%；≥20%',
    '第七条',
    codes('teachers.rotation_share', 'teachers.rotation_backbone_share'),
  ),
  b('government', 12, '专任教师持有教师资格证上岗率', '100%', '第七条', { codes: ['teachers.certificate_rate'], stages: COMPULSORY }),
  b(
    'government',
    13,
    '城区和镇区公办小学、初中（不含寄宿制）就近划片入学比例',
    '小学100%，初中≥95%',
    '第七条',
    codes('compulsory.zoned_admission_rate'),
  ),
  b('government', 14, '优质高中招生名额分配比例并向农村初中倾斜', '≥50%', '第七条', codes('compulsory.quota_allocation_share')),
  b(
    'government',
    15,
    '留守儿童关爱体系健全，符合条件的随迁子女在公办学校和政府购买服务的民办学校就读比例',
    '≥85%',
    '第七条',
    codes('compulsory.migrant_children_public_share'),
  ),
  b('quality', 1, '初中三年巩固率', '≥95%', '第八条', codes('compulsory.junior_retention_rate')),
  b('quality', 2, '残疾儿童少年入学率', '≥95%', '第八条', codes('compulsory.disabled_enrolment_rate')),
  b('quality', 3, '所有学校制定章程，实现学校管理与教学信息化', '佐证材料', '第八条', 'manual'),
  b(
    'quality',
    4,
    '所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费',
    '每校≥5%',
    '第八条',
    codes('balanced.training_budget_share'),
  ),
  b('quality', 5, '教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平', '材料或现场观察', '第八条', 'manual'),
  b('quality', 6, '所有学校德育工作、校园文化建设水平达到良好以上', '评价结果', '第八条', 'manual'),
  b('quality', 7, '课程开齐开足，教学秩序规范，综合实践活动有效开展', '佐证材料', '第八条', 'manual'),
  b('quality', 8, '无过重课业负担', '调查或材料', '第八条', 'manual'),
  b('quality', 9, '国家义务教育质量监测相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15', '监测结果', '第八条', 'manual', 'U'),
  b('social', 1, '社会认可度', '≥85%', '社会认可度', codes('survey.social_recognition')),
  b('veto', 1, '无以考试方式招生', '未发生', '一票否决', 'manual', 'P'),
  b('veto', 2, '无违规择校', '未发生', '一票否决', 'manual', 'P'),
  b('veto', 3, '无重点学校或重点班', '未发生', '一票否决', 'manual', 'P'),
  b('veto', 4, '无有编不补或长期聘用编外教师', '未发生', '一票否决', 'manual', 'U'),
  b('veto', 5, '无重大安全责任事故或严重违规违纪事件', '未发生', '一票否决', 'manual', 'U'),
  b('veto', 6, '无弄虚作假', '未发生', '一票否决', 'manual', 'U'),
];

const p = (
  part: AssessmentPart,
  number: number,
  name: string,
  standard: string,
  section: string,
  compute: AssessmentCompute,
  confidence: Confidence = 'P',
) => item('preschool', part, number, name, standard, cite(PRESCHOOL_DOC, section), compute, confidence);
const PRESCHOOL_ONLY = ['preschool'] as const;

/** 学前普及普惠: 3 普及普惠 indicators, 11 政府保障 items, 6 保教质量 items and 社会认可度. */
export const PRESCHOOL_ASSESSMENT_ITEMS: readonly AssessmentItem[] = [
  p('coverage', 1, '学前三年毛入园率', '≥85%', '普及普惠水平', codes('preschool.gross_enrolment_rate'), 'V'),
  p('coverage', 2, '普惠性幼儿园覆盖率', '≥80%', '普及普惠水平', codes('preschool.inclusive_share'), 'V'),
  p('coverage', 3, '公办园在园幼儿占比', '≥50%', '普及普惠水平', codes('preschool.public_share'), 'V'),
  ...[
    '党的领导坚强有力',
    '发展规划科学合理',
    '公共服务网络基本完善',
    '小区配套幼儿园管理规范',
    '财政投入到位',
    '收费合理',
    '教师工资待遇有保障',
    '安全风险防控机制健全',
    '监管制度比较完善',
    '办园条件改善',
    '无重大安全责任事故',
  ].map((name, i) => p('government', i + 1, name, '佐证材料', '政府保障情况', 'manual', i === 9 ? 'U' : 'P')),
  p('quality', 1, '办园条件合格', '佐证材料', '幼儿园保教质量保障情况', 'manual'),
  p('quality', 2, '班额基本达标', '班额达标率≥85%', '幼儿园保教质量保障情况', codes('preschool.class_size_compliance_rate')),
  p('quality', 3, '教师配足配齐', '专任教师与幼儿比≥1:15', '幼儿园保教质量保障情况', codes('preschool.children_per_teacher')),
  p('quality', 4, '教师管理制度严格（园长、专任教师持证上岗）', '持证率100%', '幼儿园保教质量保障情况', {
    codes: ['teachers.certificate_rate'],
    stages: PRESCHOOL_ONLY,
  }),
  p('quality', 5, '落实科学保教要求', '佐证材料', '幼儿园保教质量保障情况', 'manual'),
  p('quality', 6, '无“小学化”现象', '佐证材料', '幼儿园保教质量保障情况', 'manual'),
  p('social', 1, '社会认可度', '≥85%', '社会认可度', codes('survey.social_recognition'), 'V'),
];
