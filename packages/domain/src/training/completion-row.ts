/**
 * Rows of a completion list exported by an external training platform (e.g. 国家中小学智慧教育平台,
 * 市级教师研修网): one completed training per row, the teacher named by 身份证号 and 姓名. Each row is
 * validated to a typed row or a list of Chinese messages naming the column.
 */
import { cellText, isBlank, parseBoolean, parseDate, parseDecimal, type CellValue } from '../imports/cells.ts';
import { checkIdNumber, describeIdProblem } from '../people/id-number.ts';
import { TRAINING_CATEGORY_LABELS, TRAINING_LEVEL_LABELS, trainingCodeOf, type TrainingCategory, type TrainingLevel } from './codes.ts';

/** One column of the completion list. */
export interface CompletionColumn {
  key: keyof CompletionRow;
  header: string;
  required: boolean;
  note: string;
}

/** The columns, in template order. */
export const COMPLETION_COLUMNS: readonly CompletionColumn[] = [
  { key: 'idNumber', header: '身份证号', required: true, note: '18位身份证号，用于匹配教师' },
  { key: 'name', header: '姓名', required: true, note: '须与教师档案一致' },
  { key: 'title', header: '培训项目名称', required: true, note: '' },
  { key: 'provider', header: '培训机构', required: true, note: '主办或承办单位' },
  { key: 'level', header: '培训级别', required: true, note: '国家级、市级、区级、校本' },
  { key: 'category', header: '培训类别', required: true, note: Object.values(TRAINING_CATEGORY_LABELS).join('、') },
  { key: 'isSeminar', header: '是否高端研修研讨', required: false, note: '是/否，默认否' },
  { key: 'hours', header: '学时', required: true, note: '0.5–1000，可含一位小数' },
  { key: 'completedOn', header: '完成日期', required: true, note: 'YYYY-MM-DD' },
  { key: 'certificate', header: '证书编号', required: false, note: '' },
];

/** The sheet's name in the template. */
export const COMPLETION_SHEET = '培训完成名单';

/** A validated row. */
export interface CompletionRow {
  idNumber: string;
  name: string;
  title: string;
  provider: string;
  level: TrainingLevel;
  category: TrainingCategory;
  isSeminar: boolean;
  hours: number;
  completedOn: string;
  certificate: string;
}

/** Validates one row's cells (by column key); `today` bounds the completion date and ID checks. */
export function validateCompletionRow(
  raw: Readonly<Record<string, CellValue | undefined>>,
  today: string,
): { ok: true; row: CompletionRow } | { ok: false; errors: { column: string; message: string }[] } {
  const errors: { column: string; message: string }[] = [];
  const text = (key: string) => cellText(raw[key] ?? null);
  for (const c of COMPLETION_COLUMNS) {
    if (c.required && isBlank(raw[c.key] ?? null)) errors.push({ column: c.header, message: `${c.header}不能为空` });
  }
  const row: Partial<CompletionRow> = {};
  if (!isBlank(raw.idNumber ?? null)) {
    const id = checkIdNumber(text('idNumber'), today);
    if (id.ok) row.idNumber = id.normalized;
    else errors.push({ column: '身份证号', message: describeIdProblem(id.problem) });
  }
  const limited = (key: 'name' | 'title' | 'provider' | 'certificate', header: string, max: number) => {
    const v = text(key);
    if (v.length > max) errors.push({ column: header, message: `${header}不能超过 ${max} 个字` });
    else row[key] = v;
  };
  limited('name', '姓名', 50);
  limited('title', '培训项目名称', 200);
  limited('provider', '培训机构', 100);
  limited('certificate', '证书编号', 100);
  if (!isBlank(raw.level ?? null)) {
    const level = trainingCodeOf(TRAINING_LEVEL_LABELS, text('level'));
    if (level) row.level = level;
    else errors.push({ column: '培训级别', message: `培训级别“${text('level')}”无效，应为国家级、市级、区级或校本` });
  }
  if (!isBlank(raw.category ?? null)) {
    const category = trainingCodeOf(TRAINING_CATEGORY_LABELS, text('category'));
    if (category) row.category = category;
    else
      errors.push({
        column: '培训类别',
        message: `培训类别“${text('category')}”无效，应为${Object.values(TRAINING_CATEGORY_LABELS).join('、')}之一`,
      });
  }
  if (isBlank(raw.isSeminar ?? null)) row.isSeminar = false;
  else {
    const b = parseBoolean('是否高端研修研讨', raw.isSeminar ?? null);
    if (b.ok) row.isSeminar = b.value;
    else errors.push({ column: '是否高端研修研讨', message: b.message });
  }
  if (!isBlank(raw.hours ?? null)) {
    const h = parseDecimal('学时', raw.hours ?? null, { min: 0.5, max: 1000 });
    if (!h.ok) errors.push({ column: '学时', message: h.message });
    else if (Math.round(h.value * 10) !== h.value * 10) errors.push({ column: '学时', message: '学时最多一位小数' });
    else row.hours = h.value;
  }
  if (!isBlank(raw.completedOn ?? null)) {
    const d = parseDate('完成日期', raw.completedOn ?? null);
    if (!d.ok) errors.push({ column: '完成日期', message: d.message });
    else if (d.value > today) errors.push({ column: '完成日期', message: `完成日期 ${d.value} 晚于今天` });
    else if (d.value < '2000-01-01') errors.push({ column: '完成日期', message: `完成日期 ${d.value} 过早` });
    else row.completedOn = d.value;
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, row: row as CompletionRow };
}
