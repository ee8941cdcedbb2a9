/**
 * The allowed values of each coded import column: what the template's drop-down offers, how a cell's
 * text maps to the internal value (the Chinese label or the internal value both work), how an export
 * writes it back, and the message for a value outside the list.
 */
import {
  BACKBONE_LEVEL,
  CERTIFICATE,
  EDUCATION,
  GENDER,
  POPULATION_BASIS,
  POST,
  SPONSOR,
  STAFFING,
  SUBJECTS,
  TEACHING_STAGE,
  TITLE,
  URBAN_RURAL,
} from '../codes/enums.ts';
import { SCHOOL_TYPES } from '../codes/school-types.ts';
import { GRADES, findGrade, findGradeByLabel } from '../codes/stages.ts';

export interface CodeDomain<V extends string = string> {
  /** Values offered in the template's drop-down list. */
  options: readonly string[];
  /** The internal value of a cell's text, or undefined when it is not allowed. */
  parse(text: string): V | undefined;
  /** The cell text an export writes for an internal value. */
  format(value: V): string;
  /** Chinese message for a value outside the list. */
  invalid(header: string, text: string): string;
}

/** Lists the first few options of a list in a message. */
function optionsHint(options: readonly string[]): string {
  return options.length <= 8 ? options.join('、') : `${options.slice(0, 8).join('、')}等`;
}

function labelInvalid(options: readonly string[]) {
  return (header: string, text: string) => `${header}“${text}”不是有效值，可选：${optionsHint(options)}`;
}

/** A domain over one of the code lists of codes/enums.ts: cells hold the Chinese label. */
function fromCodeList<V extends string>(list: {
  values: readonly V[];
  labels: Record<V, string>;
  parse(s: string): V | undefined;
}): CodeDomain<V> {
  const options = list.values.map((v) => list.labels[v]);
  return { options, parse: (s) => list.parse(s), format: (v) => list.labels[v], invalid: labelInvalid(options) };
}

/**
 * A domain of numeric codes with names: the drop-down offers "211 小学"; a cell may hold the code,
 * the name or both; exports write the code.
 */
function numericCodes(entries: readonly { code: string; name: string }[]): CodeDomain {
  const byCode = new Set(entries.map((e) => e.code));
  const byName = new Map(entries.map((e) => [e.name, e.code]));
  const options = entries.map((e) => `${e.code} ${e.name}`);
  return {
    options,
    parse(text) {
      const s = text.trim();
      if (byCode.has(s)) return s;
      const named = byName.get(s);
      if (named) return named;
      // "211 小学", as the drop-down offers it: the name must belong to the code.
      const m = /^(\d+)\s*[-_:：、]?\s*(.+)$/.exec(s);
      return m && entries.some((e) => e.code === m[1] && e.name === m[2]!.trim()) ? m[1] : undefined;
    },
    format: (code) => code,
    invalid: (header, text) => `${header} ${text} 不存在`,
  };
}

export const SPONSOR_DOMAIN = fromCodeList(SPONSOR);
export const GENDER_DOMAIN = fromCodeList(GENDER);
export const POST_DOMAIN = fromCodeList(POST);
export const TEACHING_STAGE_DOMAIN = fromCodeList(TEACHING_STAGE);
export const EDUCATION_DOMAIN = fromCodeList(EDUCATION);
export const TITLE_DOMAIN = fromCodeList(TITLE);
export const CERTIFICATE_DOMAIN = fromCodeList(CERTIFICATE);
export const STAFFING_DOMAIN = fromCodeList(STAFFING);
export const BACKBONE_LEVEL_DOMAIN = fromCodeList(BACKBONE_LEVEL);
export const POPULATION_BASIS_DOMAIN = fromCodeList(POPULATION_BASIS);

/** 办学类型代码 (JY/T 1001). */
export const SCHOOL_TYPE_DOMAIN = numericCodes(SCHOOL_TYPES);
/** 城乡分类代码. */
export const URBAN_RURAL_DOMAIN = numericCodes(URBAN_RURAL.values.map((code) => ({ code, name: URBAN_RURAL.labels[code] })));

/** 年级: the label (一年级, 初一 …) or the internal code (P1); exports write the label. */
export const GRADE_DOMAIN: CodeDomain = {
  options: GRADES.map((g) => g.label),
  parse: (text) => (findGradeByLabel(text) ?? findGrade(text.trim()))?.code,
  format: (code) => findGrade(code)?.label ?? code,
  invalid: (header, text) => `${header}“${text}”不是有效年级`,
};

/** 任教学科: one of the listed subjects. */
export const SUBJECT_DOMAIN: CodeDomain = {
  options: SUBJECTS,
  parse: (text) => ((SUBJECTS as readonly string[]).includes(text.trim()) ? text.trim() : undefined),
  format: (s) => s,
  invalid: labelInvalid(SUBJECTS),
};
