/**
 * 办学类型代码 (JY/T 1001 BXLX), as listed in standards.md §7.2, with the stages each type covers.
 * Source: 教育管理信息 教育管理基础代码 JY/T 1001—2012; vendor enumeration cross-checked [P].
 */
import type { Stage } from './stages.ts';

/** One school-type code with its Chinese name and the stages it covers. */
export interface SchoolTypeCode {
  /** Three-digit JY/T 1001 code, e.g. "312". */
  code: string;
  /** Official Chinese name. */
  name: string;
  /** Stages this type of school covers, in grade order. */
  stages: readonly Stage[];
}

const T = (code: string, name: string, stages: readonly Stage[]): SchoolTypeCode => ({ code, name, stages });

/** Every 办学类型 code Zhiping accepts for schools of a district bureau. */
export const SCHOOL_TYPES: readonly SchoolTypeCode[] = [
  T('111', '幼儿园', ['preschool']),
  T('112', '独立设置的少数民族幼儿园', ['preschool']),
  T('119', '附设幼儿班', ['preschool']),
  T('211', '小学', ['primary']),
  T('212', '独立设置的少数民族小学', ['primary']),
  T('213', '一贯制学校小学部', ['primary']),
  T('218', '小学教学点', ['primary']),
  T('219', '附设小学班', ['primary']),
  T('311', '初级中学', ['junior']),
  T('312', '九年一贯制学校', ['primary', 'junior']),
  T('313', '少数民族初级中学', ['junior']),
  T('314', '少数民族九年一贯制学校', ['primary', 'junior']),
  T('319', '附设普通初中班', ['junior']),
  T('321', '职业初中', ['junior']),
  T('341', '完全中学', ['junior', 'senior']),
  T('342', '高级中学', ['senior']),
  T('343', '少数民族完全中学', ['junior', 'senior']),
  T('344', '少数民族高级中学', ['senior']),
  T('345', '十二年一贯制学校', ['primary', 'junior', 'senior']),
  T('349', '附设普通高中班', ['senior']),
  T('361', '中等职业学校', ['vocational']),
  T('362', '中等技术学校', ['vocational']),
  T('363', '中等师范学校', ['vocational']),
  T('364', '成人中等专业学校', ['vocational']),
  T('365', '职业高中学校', ['vocational']),
  T('366', '技工学校', ['vocational']),
  T('368', '附设中职班', ['vocational']),
  T('369', '其他中职机构', ['vocational']),
  T('371', '专门学校', ['junior']),
  T('511', '盲人学校', ['special']),
  T('512', '聋人学校', ['special']),
  T('513', '培智学校', ['special']),
  T('514', '其他特殊教育学校', ['special']),
  T('518', '附设特教班', ['special']),
];

const BY_CODE = new Map(SCHOOL_TYPES.map((t) => [t.code, t]));

/** Looks up a 办学类型 code; undefined when the code is not one Zhiping accepts. */
export function findSchoolType(code: string): SchoolTypeCode | undefined {
  return BY_CODE.get(code);
}

/** True for one-through types that must be split into stage parts (九年一贯制, 完全中学, 十二年一贯制). */
export function isOneThroughType(code: string): boolean {
  return (BY_CODE.get(code)?.stages.length ?? 0) > 1;
}
