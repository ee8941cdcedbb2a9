/** Code lists of continuing education (继续教育): training levels, categories and modes. */

/** 培训级别, highest first. */
export const TRAINING_LEVELS = ['national', 'city', 'district', 'school'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
export const TRAINING_LEVEL_LABELS: Record<TrainingLevel, string> = {
  national: '国家级',
  city: '市级',
  district: '区级',
  school: '校本',
};

/** 培训类别; `ethics` (师德师风) is counted yearly by the ethics area. */
export const TRAINING_CATEGORIES = ['ethics', 'subject', 'pedagogy', 'it', 'mental', 'management', 'safety', 'other'] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];
export const TRAINING_CATEGORY_LABELS: Record<TrainingCategory, string> = {
  ethics: '师德师风',
  subject: '学科教学',
  pedagogy: '教育理论与班级管理',
  it: '信息技术应用能力',
  mental: '心理健康教育',
  management: '教育管理',
  safety: '安全教育',
  other: '其他',
};

/** 培训方式. */
export const TRAINING_MODES = ['offline', 'online', 'blended'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];
export const TRAINING_MODE_LABELS: Record<TrainingMode, string> = { offline: '线下集中', online: '线上', blended: '线上线下混合' };

/** The code of a label or code as typed in an import cell ('市级' or 'city'), or undefined. */
export function trainingCodeOf<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const t = text.trim();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    if (t === code || t === label || t === label.replace(/级$/, '')) return code;
  }
  return undefined;
}
