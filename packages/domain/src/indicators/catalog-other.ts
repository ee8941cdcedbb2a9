/**
 * Definitions of the preschool, high-school, teacher, organisation and survey indicators.
 */
import { BALANCED_DOC, KINDERGARTEN_RULES_DOC, LOCAL_PRACTICE_DOC, PRESCHOOL_DOC, ROTATION_DOC, STATISTICS_DOC, cite } from './sources.ts';
import type { IndicatorDefinition } from './types.ts';

const DISTRICT = ['district'] as const;
const ALL_SCHOOL_STAGES = ['preschool', 'primary', 'junior', 'senior', 'vocational', 'special'] as const;

/** 学前普及普惠 indicators (§2). */
export const PRESCHOOL_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'preschool.gross_enrolment_rate', name: '学前三年毛入园率',
    definition: '在园幼儿数（含附设班，不分年龄）÷ 3–5周岁常住（或户籍）人口数 × 100%',
    source: cite(PRESCHOOL_DOC, '普及普惠水平'), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ['preschool'],
    direction: 'min', numeratorLabel: '在园幼儿数', denominatorLabel: '3–5周岁人口数', confidence: 'V',
    note: '须注明人口口径（户籍或常住）及来源',
  },
  {
    code: 'preschool.inclusive_share', name: '普惠性幼儿园覆盖率（普惠率）',
    definition: '（公办园在园幼儿数 + 普惠性民办园在园幼儿数）÷ 在园幼儿总数 × 100%',
    source: cite(PRESCHOOL_DOC, '普及普惠水平'), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ['preschool'],
    direction: 'min', numeratorLabel: '公办园及普惠性民办园在园幼儿数', denominatorLabel: '在园幼儿总数', confidence: 'V',
  },
  {
    code: 'preschool.public_share', name: '公办园在园幼儿占比',
    definition: '公办园在园幼儿数 ÷ 在园幼儿总数 × 100%',
    source: cite(PRESCHOOL_DOC, '普及普惠水平'), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ['preschool'],
    direction: 'min', numeratorLabel: '公办园在园幼儿数', denominatorLabel: '在园幼儿总数', confidence: 'V',
  },
  {
    code: 'preschool.children_per_teacher', name: '幼儿园专任教师与幼儿比',
    definition: '在园幼儿数 ÷ 专任教师数；1:15 即每名专任教师不超过15名幼儿',
    source: cite(PRESCHOOL_DOC, '幼儿园保教质量保障情况'), unit: 'children_per_teacher', factor: 1, precision: 1,
    levels: ['school', 'district'], stages: ['preschool'], direction: 'max', numeratorLabel: '在园幼儿数', denominatorLabel: '专任教师数', confidence: 'P',
  },
  {
    code: 'preschool.class_size_compliance_rate', name: '幼儿园班额达标率',
    definition: '不超过规定班额（小班25、中班30、大班35、混龄30人）的班级数 ÷ 班级总数 × 100%',
    source: cite(PRESCHOOL_DOC, '幼儿园保教质量保障情况'), unit: '%', factor: 100, precision: 1,
    levels: ['school', 'district'], stages: ['preschool'], direction: 'min', numeratorLabel: '班额达标班级数', denominatorLabel: '班级总数', confidence: 'P',
    note: `班额标准出自${KINDERGARTEN_RULES_DOC} [U]；托班按20人 [U]`,
  },
];

/** 高中阶段 indicators (§3). */
export const HIGH_SCHOOL_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'high_school.gross_enrolment_rate', name: '高中阶段毛入学率',
    definition: '高中阶段在校生数（普通高中 + 中职含技工学校 + 成人高中）÷ 15–17周岁人口数 × 100%',
    source: cite(STATISTICS_DOC, null), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ['senior', 'vocational'],
    direction: 'min', numeratorLabel: '高中阶段在校生数', denominatorLabel: '15–17周岁人口数', confidence: 'P',
    note: '无国家达标线；须注明人口口径',
  },
];

/** Teacher indicators computed from individual records (§1.3, §5). */
export const TEACHER_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'teachers.backbone_schools_meeting_share', name: '骨干教师指标达标学校占比',
    definition: '每百名学生拥有县级以上骨干教师数达标的学校（学段部）数 ÷ 参评学校（学段部）数 × 100%',
    source: cite(BALANCED_DOC, '第六条'), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ['primary', 'junior'],
    direction: 'min', numeratorLabel: '达标学校数', denominatorLabel: '参评学校数', confidence: 'P',
  },
  {
    code: 'teachers.certificate_rate', name: '专任教师持有教师资格证比例',
    definition: '持有教师资格证的专任教师数 ÷ 专任教师数 × 100%',
    source: cite(BALANCED_DOC, '第七条第（十二）项'), unit: '%', factor: 100, precision: 1,
    levels: ['school', 'stage_part', 'district'], stages: ALL_SCHOOL_STAGES, direction: 'min',
    numeratorLabel: '持证专任教师数', denominatorLabel: '专任教师数', confidence: 'V',
  },
  {
    code: 'teachers.training_completion_rate', name: '教师5年360学时培训完成率',
    definition: '完成5年一周期360学时培训的教师数 ÷ 应参训教师数 × 100%',
    source: cite(BALANCED_DOC, '第七条第（九）项'), unit: '%', factor: 100, precision: 1,
    levels: ['school', 'district'], stages: ['primary', 'junior'], direction: 'min',
    numeratorLabel: '完成培训教师数', denominatorLabel: '应参训教师数', confidence: 'V',
  },
  {
    code: 'teachers.rotation_share', name: '教师交流轮岗比例',
    definition: '当年交流轮岗教师数 ÷ 符合交流条件的教师数 × 100%',
    source: cite(BALANCED_DOC, '第七条第（十一）项'), unit: '%', factor: 100, precision: 1,
    levels: DISTRICT, stages: ['primary', 'junior'], direction: 'min', numeratorLabel: '交流轮岗教师数', denominatorLabel: '应交流教师数', confidence: 'V',
    note: ROTATION_DOC,
  },
  {
    code: 'teachers.rotation_backbone_share', name: '骨干教师交流轮岗比例',
    definition: '交流轮岗的骨干教师数 ÷ 交流轮岗教师总数 × 100%（部分省份以应交流教师数为分母，可配置）',
    source: cite(BALANCED_DOC, '第七条第（十一）项'), unit: '%', factor: 100, precision: 1,
    levels: DISTRICT, stages: ['primary', 'junior'], direction: 'min', numeratorLabel: '交流骨干教师数', denominatorLabel: '交流教师总数', confidence: 'V',
  },
];

/** Organisation coverage indicators; no national formula, basis configurable (§3). */
export const ORGANISATION_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'organisation.group_coverage', name: '集团化办学覆盖率',
    definition: '评价日加入教育集团（核心校或成员校）的学校数（或其学生数）÷ 学校总数（或学生总数）× 100%；口径与学段可配置',
    source: cite(LOCAL_PRACTICE_DOC, null), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ALL_SCHOOL_STAGES,
    direction: 'min', numeratorLabel: '集团内学校（学生）数', denominatorLabel: '学校（学生）总数', confidence: 'P',
  },
  {
    code: 'organisation.community_coverage', name: '教共体覆盖率',
    definition: '评价日加入教育共同体的学校数（或其学生数）÷ 学校总数（或学生总数）× 100%；口径与学段可配置',
    source: cite(LOCAL_PRACTICE_DOC, null), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ALL_SCHOOL_STAGES,
    direction: 'min', numeratorLabel: '教共体内学校（学生）数', denominatorLabel: '学校（学生）总数', confidence: 'P',
  },
  {
    code: 'organisation.school_district_coverage', name: '学区制管理覆盖率',
    definition: '评价日划入学区的公办学校数（或其学生数）÷ 公办学校总数（或学生总数）× 100%',
    source: cite(LOCAL_PRACTICE_DOC, null), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ALL_SCHOOL_STAGES,
    direction: 'min', numeratorLabel: '学区内公办学校数', denominatorLabel: '公办学校总数', confidence: 'P',
  },
];

/** 社会认可度, shared by both county assessments. */
export const SURVEY_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'survey.social_recognition', name: '社会认可度',
    definition: '满意（认可）的有效问卷数 ÷ 有效问卷总数 × 100%；调查对象含学生、家长、教师、校长、人大代表、政协委员及其他群众',
    source: cite(BALANCED_DOC, '社会认可度'), unit: '%', factor: 100, precision: 1, levels: DISTRICT, stages: ALL_SCHOOL_STAGES,
    direction: 'min', numeratorLabel: '认可问卷数', denominatorLabel: '有效问卷数', confidence: 'V',
    note: `学前普及普惠评估同为≥85%（${PRESCHOOL_DOC}）`,
  },
];
