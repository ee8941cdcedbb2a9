/**
 * The policy documents indicators and thresholds cite (standards.md §1–§3). Kept in one place so a
 * corrected title or 文号 changes everywhere at once.
 */
import type { SourceRef } from './types.ts';

/** 《县域义务教育优质均衡发展督导评估办法》, MOE 2017 (released 2017-05-23 per news [V]). */
export const BALANCED_DOC = '《县域义务教育优质均衡发展督导评估办法》(教督〔2017〕6号)';
/** 《县域学前教育普及普惠督导评估办法》, MOE February 2020; the 文号 教督〔2020〕1号 is [U]. */
export const PRESCHOOL_DOC = '《县域学前教育普及普惠督导评估办法》(2020，教督〔2020〕1号 [U])';
/** 教育事业统计 indicator explanations (MOE statistics conventions). */
export const STATISTICS_DOC = '教育事业统计指标解释（教育部）';
/** 国发〔2016〕40号, the class-size elimination targets (超大班额 by end-2018, 大班额 by end-2020). */
export const CLASS_SIZE_DOC = '《国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》(国发〔2016〕40号)';
/** 《幼儿园工作规程》(2016), kindergarten class sizes [U]. */
export const KINDERGARTEN_RULES_DOC = '《幼儿园工作规程》(教育部令第39号，2016)';
/** 教师〔2014〕4号, teacher rotation. */
export const ROTATION_DOC = '《关于推进县（区）域内义务教育学校校长教师交流轮岗的意见》(教师〔2014〕4号)';
/** No national formula exists; local practice (standards.md §3). */
export const LOCAL_PRACTICE_DOC = '无国家统一口径（地方实践，见 standards.md §3）';

/** Builds a source reference. */
export function cite(document: string, article: string | null): SourceRef {
  return { document, article };
}
