/**
 * Definitions of the compulsory-stage indicators beyond the 7 resource indicators: school and class
 * size, 巩固率, enrolment shares, and the 生师比 shared with high school.
 */
import { BALANCED_DOC, CLASS_SIZE_DOC, STATISTICS_DOC, cite } from './sources.ts';
import type { IndicatorDefinition } from './types.ts';

const COMPULSORY = ['primary', 'junior'] as const;

/** Compulsory-stage definitions. */
export const COMPULSORY_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    code: 'common.student_teacher_ratio', name: '生师比',
    definition: '在校生数 ÷ 专任教师数（不含其他教职工），统计上记作 X:1',
    source: cite(STATISTICS_DOC, null), unit: 'students_per_teacher', factor: 1, precision: 2,
    levels: ['school', 'stage_part', 'district'], stages: ['primary', 'junior', 'senior', 'vocational'], direction: 'max',
    numeratorLabel: '在校生数', denominatorLabel: '专任教师数', confidence: 'P',
    note: '生师比无国家达标线（编制标准是另一口径）；如需比较请配置区级阈值',
  },
  {
    code: 'compulsory.school_size', name: '学校规模（在校生数）',
    definition: '单设小学、初中学校义务教育阶段在校生数，不超过2000人',
    source: cite(BALANCED_DOC, '第七条第（四）项'), unit: 'students', factor: 1, precision: 0,
    levels: ['school'], stages: COMPULSORY, direction: 'max', numeratorLabel: '在校生数', denominatorLabel: '—', confidence: 'V',
  },
  {
    code: 'compulsory.school_size_one_through', name: '一贯制学校规模（义务教育段在校生数）',
    definition: '九年一贯制、十二年一贯制学校义务教育阶段在校生数，不超过2500人',
    source: cite(BALANCED_DOC, '第七条第（四）项'), unit: 'students', factor: 1, precision: 0,
    levels: ['school'], stages: COMPULSORY, direction: 'max', numeratorLabel: '义务教育段在校生数', denominatorLabel: '—', confidence: 'V',
  },
  {
    code: 'compulsory.max_class_size', name: '最大班额',
    definition: '学校（学段）各班学生数的最大值；小学不超过45人，初中不超过50人（所有班级）',
    source: cite(BALANCED_DOC, '第七条第（五）项'), unit: 'students', factor: 1, precision: 0,
    levels: ['stage_part', 'district'], stages: COMPULSORY, direction: 'max', numeratorLabel: '最大班额', denominatorLabel: '—', confidence: 'V',
  },
  {
    code: 'compulsory.large_class_share', name: '大班额比例',
    definition: '56–65人的班级数 ÷ 班级总数 × 100%', source: cite(CLASS_SIZE_DOC, null), unit: '%', factor: 100, precision: 2,
    levels: ['school', 'stage_part', 'district'], stages: COMPULSORY, direction: 'max', numeratorLabel: '大班额班级数', denominatorLabel: '班级总数', confidence: 'V',
    note: '“基本消除”按≤5%理解（standards.md §3）',
  },
  {
    code: 'compulsory.super_large_class_share', name: '超大班额比例',
    definition: '66人及以上的班级数 ÷ 班级总数 × 100%', source: cite(CLASS_SIZE_DOC, null), unit: '%', factor: 100, precision: 2,
    levels: ['school', 'stage_part', 'district'], stages: COMPULSORY, direction: 'max', numeratorLabel: '超大班额班级数', denominatorLabel: '班级总数', confidence: 'V',
    note: '“基本消除”按≤2%理解（standards.md §3）',
  },
  {
    code: 'compulsory.junior_retention_rate', name: '初中三年巩固率',
    definition: '（毕业生数 − 三年内转入学生数 + 三年内转出学生数）÷（三年前初一在校生数 − 死亡学生数）× 100%',
    source: cite(BALANCED_DOC, '第八条第（一）项'), unit: '%', factor: 100, precision: 1,
    levels: ['school', 'district'], stages: ['junior'], direction: 'min',
    numeratorLabel: '毕业生数 − 转入 + 转出', denominatorLabel: '三年前初一在校生数 − 死亡数', confidence: 'P',
  },
  {
    code: 'compulsory.nine_year_retention_rate', name: '九年义务教育巩固率',
    definition: '初中毕业班（九年级）在校生数 ÷ 该年级学生入小学一年级时（8个学年前）的在校生数 × 100%；可选按转学调整的口径',
    source: cite(STATISTICS_DOC, null), unit: '%', factor: 100, precision: 1,
    levels: ['district'], stages: COMPULSORY, direction: 'min',
    numeratorLabel: '九年级在校生数', denominatorLabel: '8年前一年级在校生数', confidence: 'U',
    note: '统计口径未取得原文；净迁入地区可超过100%',
  },
  {
    code: 'compulsory.migrant_children_public_share', name: '随迁子女在公办学校和政府购买学位就读比例',
    definition: '（在公办学校就读 + 在政府购买学位的民办学校就读的随迁子女数）÷ 义务教育阶段随迁子女总数 × 100%',
    source: cite(BALANCED_DOC, '第七条第（十五）项'), unit: '%', factor: 100, precision: 1,
    levels: ['district'], stages: COMPULSORY, direction: 'min', numeratorLabel: '公办及购买学位就读随迁子女数', denominatorLabel: '随迁子女总数', confidence: 'V',
  },
  {
    code: 'compulsory.zoned_admission_rate', name: '就近划片入学比例',
    definition: '城区和镇区公办学校（不含寄宿制）按划片就近入学的学生数 ÷ 招生总数 × 100%',
    source: cite(BALANCED_DOC, '第七条第（十三）项'), unit: '%', factor: 100, precision: 1,
    levels: ['school', 'district'], stages: COMPULSORY, direction: 'min', numeratorLabel: '划片就近入学人数', denominatorLabel: '招生人数', confidence: 'V',
  },
  {
    code: 'compulsory.quota_allocation_share', name: '优质高中招生名额分配到校比例',
    definition: '分配到初中学校的优质普通高中招生名额 ÷ 优质普通高中招生计划总数 × 100%',
    source: cite(BALANCED_DOC, '第七条第（十四）项'), unit: '%', factor: 100, precision: 1,
    levels: ['district'], stages: ['junior'], direction: 'min', numeratorLabel: '分配到校名额', denominatorLabel: '招生计划总数', confidence: 'V',
  },
  {
    code: 'compulsory.disabled_enrolment_rate', name: '残疾儿童少年入学率',
    definition: '（随班就读 + 特教学校就读 + 送教上门）的适龄残疾儿童少年数 ÷ 适龄残疾儿童少年总数 × 100%',
    source: cite(BALANCED_DOC, '第八条第（二）项'), unit: '%', factor: 100, precision: 1,
    levels: ['district'], stages: COMPULSORY, direction: 'min', numeratorLabel: '入学残疾儿童少年数', denominatorLabel: '适龄残疾儿童少年数', confidence: 'V',
  },
];
