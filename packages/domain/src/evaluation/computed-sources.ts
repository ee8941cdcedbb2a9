/**
 * The values a computed check point may draw from Zhiping's own data, so inspectors never re-type
 * what the district already holds. The server implements one resolver per key (for a school and a
 * school year); a template naming a key that is not listed here fails validation.
 */

/** One computable value. */
export interface ComputedSource {
  label: string;
  unit: string;
  /** How the server computes it, in one sentence. */
  description: string;
}

/** The catalogue of computed sources, keyed '<namespace>.<name>'. */
export const COMPUTED_SOURCES = {
  'base.kindergarten_class_size_compliance': {
    label: '班额达标率（幼儿园）',
    unit: '%',
    description: '班级人数不超过《幼儿园工作规程》规定（小班25人、中班30人、大班35人、混龄班30人）的班级占全部班级的百分比',
  },
  'base.kindergarten_children_per_teacher': {
    label: '专任教师与幼儿比（每名专任教师对应幼儿数）',
    unit: '人',
    description: '在园幼儿数 ÷ 专任教师数（基础数据中在岗专任教师）',
  },
  'base.kindergarten_teacher_certified_rate': {
    label: '专任教师持证率（幼儿园）',
    unit: '%',
    description: '持有幼儿园（或以上）教师资格证的专任教师占专任教师总数的百分比',
  },
  'base.school_class_size_compliance': {
    label: '班额达标率（中小学）',
    unit: '%',
    description: '班级人数不超过标准班额（小学45人、初中50人）的班级占全部班级的百分比',
  },
  'indicator.student_fitness_pass_rate': {
    label: '《国家学生体质健康标准》合格率',
    unit: '%',
    description: '最近一次体质健康测试中等级为合格及以上的学生占测试学生的百分比',
  },
} as const satisfies Record<string, ComputedSource>;

/** A key of the catalogue. */
export type ComputedSourceKey = keyof typeof COMPUTED_SOURCES;

/** The shape every source key has: a namespace (base, indicator, survey) and a snake_case name. */
export const COMPUTED_SOURCE_PATTERN = /^(base|indicator|survey)\.[a-z][a-z0-9_]*$/;

/** Whether a key is listed in the catalogue. */
export function isKnownComputedSource(key: string): key is ComputedSourceKey {
  return Object.hasOwn(COMPUTED_SOURCES, key);
}
